import { diagnose } from '../diagnose/diagnose.js';
import { readProblem } from '../diagnose/read-problem.js';
import type { Lang } from '../diagnose/lang.js';
import type { DetectedProblem, Diagnosis, SessionEvidence } from '../diagnose/types.js';
import type { HttpExchange } from '../http/types.js';
import type { FlowOutcome } from './engine.js';
import type { LegFailure } from './types.js';

/** What the diagnostics module reads a response from. */
function providerResponse(exchange: HttpExchange): { status: number; headers: HttpExchange['response']['headers']; body: string; url: string } {
  return { status: exchange.response.status, headers: exchange.response.headers, body: exchange.response.body, url: exchange.request.url };
}

/** True when the diagnostics module recognises a problem in a response (an oauth_problem, a known error page, …). */
export function recognisesProblem(exchange: HttpExchange): boolean {
  return readProblem(providerResponse(exchange)) !== undefined;
}

/**
 * The problem a failed leg shows: read from the response (or the callback
 * URL) by the diagnostics module; when nothing there is recognised, a
 * status-only problem carrying our own one-line reason.
 */
export function problemOf(failure: LegFailure): DetectedProblem {
  if (failure.situation === 'approval-page') {
    return { code: 'flow:approval-page', source: 'status-only', confidence: 'heuristic', parameters: {}, status: failure.exchange?.response.status };
  }
  const read = failure.exchange
    ? readProblem(providerResponse(failure.exchange))
    : failure.callbackUrl !== undefined
      ? readProblem({ url: failure.callbackUrl })
      : undefined;
  if (read) return read;
  if (failure.callbackUrl !== undefined && /denied/.test(failure.reason)) {
    return { code: 'permission_denied', source: 'url-query', confidence: 'mapped', parameters: {}, message: failure.reason };
  }
  return { code: 'unrecognised-response', source: 'status-only', confidence: 'heuristic', parameters: {}, status: failure.exchange?.response.status, message: failure.reason };
}

/**
 * Issue 15 item 13: whether a refused access-token exchange is about the
 * verifier (a wrong or stale PIN), read by code from the response.
 */
export function isVerifierProblem(exchange: HttpExchange): boolean {
  return readProblem(providerResponse(exchange))?.code === 'verifier_invalid';
}

/** The diagnosis of a run that stopped at a failed leg; undefined when it did not (success, or a network error). */
export function diagnoseOutcome(outcome: FlowOutcome, evidence: SessionEvidence, lang: Lang): Diagnosis | undefined {
  if (!outcome.failure) return undefined;
  return diagnose(problemOf(outcome.failure), evidence, { lang });
}
