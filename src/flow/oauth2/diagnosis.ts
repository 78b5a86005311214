import { diagnoseOAuth2 } from '../../diagnose/oauth2/diagnose.js';
import type { Lang } from '../../diagnose/lang.js';
import { readProblem } from '../../diagnose/read-problem.js';
import type { DetectedProblem, Diagnosis } from '../../diagnose/types.js';
import type { OAuth2Outcome } from './types.js';

/** Refusals of oauth-doctor's own that no knowledge row explains: shown as they are, not diagnosed. */
const NOT_DIAGNOSED = new Set(['endpoint-missing', 'discovery-failed', 'discovery-issuer-mismatch', 'no-refresh-token', 'id-token-invalid', 'malformed-response']);

/**
 * The error an authorization endpoint's own error page names (RFC 6749
 * §4.1.2.1 pages are free text; many print the error code): the first of
 * these found in the page, else invalid_request.
 */
const AUTHORIZE_PAGE_CODES: readonly (readonly [RegExp, string])[] = [
  [/\binvalid_client\b/, 'invalid_client'],
  [/\bunauthorized_client\b/, 'unauthorized_client'],
  [/\binvalid_scope\b/, 'invalid_scope'],
];

/** The problem a refusal holds: the provider's answer read as any other (readProblem), or the check of ours that failed. */
function problemOf(outcome: OAuth2Outcome): DetectedProblem | undefined {
  const failure = outcome.failure;
  if (!failure || NOT_DIAGNOSED.has(failure.refusal.error)) return undefined;
  const { refusal, exchange } = failure;
  if (refusal.error.startsWith('flow:')) return { code: refusal.error, source: 'capture-check', confidence: 'exact', parameters: {}, message: refusal.description };
  if (exchange) {
    const r = exchange.response;
    const read = readProblem({ status: r.status, headers: r.headers, body: r.body, url: exchange.request.url, requestHeaders: exchange.request.headers });
    // RFC 6749 §4.1.2.1: an authorization request the endpoint refuses itself (bad redirect_uri or client_id) is an
    // OAuth 2.0 invalid request shown as a page; its words are kept as the message, never read as an OAuth 1.0a problem.
    if (failure.step === 'authorize' && refusal.error === 'http-error' && !read?.code.startsWith('oauth2:')) {
      const named = AUTHORIZE_PAGE_CODES.find(([pattern]) => pattern.test(r.body))?.[1] ?? 'invalid_request';
      return { code: `oauth2:${named}`, source: 'html-page', confidence: 'heuristic', parameters: {}, message: read?.message, status: r.status };
    }
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
