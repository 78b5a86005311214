import { diagnoseOAuth2 } from '../../diagnose/oauth2/diagnose.js';
import type { Lang } from '../../diagnose/lang.js';
import { readProblem } from '../../diagnose/read-problem.js';
import type { DetectedProblem, Diagnosis } from '../../diagnose/types.js';
import type { OAuth2Outcome } from './types.js';

/** Refusals of oauth-doctor's own that no knowledge row explains: shown as they are, not diagnosed. */
const NOT_DIAGNOSED = new Set(['endpoint-missing', 'discovery-failed', 'discovery-issuer-mismatch', 'no-refresh-token', 'id-token-invalid', 'malformed-response']);

/** The problem a refusal holds: the provider's answer read as any other (readProblem), or the check of ours that failed. */
export function problemOf(outcome: OAuth2Outcome): DetectedProblem | undefined {
  const failure = outcome.failure;
  if (!failure || NOT_DIAGNOSED.has(failure.refusal.error)) return undefined;
  const { refusal, exchange } = failure;
  if (refusal.error.startsWith('flow:')) return { code: refusal.error, source: 'capture-check', confidence: 'exact', parameters: {}, message: refusal.description };
  if (exchange) {
    const r = exchange.response;
    const read = readProblem({ status: r.status, headers: r.headers, body: r.body, url: exchange.request.url, requestHeaders: exchange.request.headers });
    if (read) return read.code.startsWith('oauth2:') || refusal.error === 'http-error' ? read : { ...read, code: `oauth2:${refusal.error}` };
  }
  if (refusal.error === 'http-error') return undefined;
  return { code: `oauth2:${refusal.error}`, source: failure.step === 'callback' ? 'url-query' : 'json-body', confidence: 'exact', parameters: {}, message: refusal.description, status: refusal.status };
}

/** A refusal diagnosed from the run's evidence (issue 18 item 6). */
export function diagnoseOAuth2Outcome(outcome: OAuth2Outcome, lang: Lang): Diagnosis | undefined {
  const problem = problemOf(outcome);
  return problem ? diagnoseOAuth2(outcome.evidence, problem, { lang }) : undefined;
}
