import { readProblem } from '../diagnose/read-problem.js';
import type { DetectedProblem, Leg } from '../diagnose/types.js';
import { isDoctorError, type ErrorClass } from '../errors.js';
import type { HttpExchange } from '../http/types.js';
import { readLive } from '../exchange/reading.js';
import type { CallbackDefect, LegFailure, StepError } from './types.js';

/**
 * The one place a flow failure is made (issue 13): each has a kind from a
 * closed list and the problem it shows, read once, here, from the provider's
 * answer by the diagnostics module. Nothing downstream reads `message`.
 */

/** The problem the diagnostics module recognises in a response (an oauth_problem, a known error page, …), if any: the exchange's one reading's. */
export function problemInExchange(exchange: HttpExchange, leg: Leg = 'resource'): DetectedProblem | undefined {
  return readLive(exchange, leg).problem;
}

/** Nothing recognised: a status-only problem carrying our own one line. */
function unrecognised(message: string, status: number | undefined): DetectedProblem {
  return { code: 'unrecognised-response', source: 'status-only', confidence: 'heuristic', parameters: {}, status, message };
}

/** A failure the provider's answer shows: a refusal, a redirect, a token body without the token, an error page. */
export function answerFailure(leg: Leg, kind: 'refused' | 'redirected' | 'bad-token-body' | 'error-page', exchange: HttpExchange, message: string): LegFailure {
  return { leg, kind, message, exchange, problem: problemInExchange(exchange, leg) ?? unrecognised(message, exchange.response.status) };
}

/** Issue 15 item 6 (flow's part): an authorise page that waits for a person is a situation of its own, not an unknown code. */
export function approvalPageFailure(exchange: HttpExchange, message: string): LegFailure {
  return {
    leg: 'authorize',
    kind: 'approval-page',
    message,
    exchange,
    problem: { code: 'flow:approval-page', source: 'status-only', confidence: 'heuristic', parameters: {}, status: exchange.response.status },
  };
}

export function redirectLoopFailure(message: string): LegFailure {
  return { leg: 'authorize', kind: 'redirect-loop', message, problem: unrecognised(message, undefined) };
}

/** A callback URL (RFC 5849 §2.2) that brings no approval: what its query says, else what the kind says. */
export function callbackFailure(kind: 'callback-denied' | 'callback-problem' | 'callback-unusable', callbackUrl: string, message: string, defect?: CallbackDefect): LegFailure {
  const read = readProblem({ url: callbackUrl });
  const problem: DetectedProblem = read ?? (kind === 'callback-denied' ? { code: 'permission_denied', source: 'url-query', confidence: 'mapped', parameters: {}, message } : unrecognised(message, undefined));
  return { leg: 'callback', kind, defect, message, callbackUrl, problem };
}

/** The step error of a failed leg: coded with its problem, so `--json` says `token_used` where the diagnosis does. */
export function stepError(failure: LegFailure): StepError {
  return { code: failure.problem.code, kind: failure.kind, message: failure.message };
}

const STOP_KIND: Record<ErrorClass, StepError['kind']> = { network: 'transport', timeout: 'timeout', interrupted: 'interrupted', usage: 'input', input: 'input', refused: 'refused' };

/** The step error of a run stopped by an error (network, timeout, Ctrl-C, bad input); anything else is a bug. */
export function stopError(error: unknown): StepError {
  return isDoctorError(error) ? { code: error.code, kind: STOP_KIND[error.errorClass], message: error.message } : { code: 'internal', kind: 'internal', message: String(error) };
}
