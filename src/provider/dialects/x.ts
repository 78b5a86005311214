import type { Failure, FailureDetail } from '../failure.js';
import { HTML, JSON_TYPE, TEXT, reply } from '../http-types.js';
import type { ProviderReply } from '../http-types.js';
import { xErrorPage } from '../pages/x-pages.js';
import type { ProblemCode } from '../problems.js';
import type { Dialect, DialectContext } from './types.js';

/** One X answer: a v1.1 JSON error, or (at the OAuth endpoints) a plain-text line. */
type XAnswer = { readonly status: number; readonly code: number; readonly message: string } | { readonly status: number; readonly text: string };

const COULD_NOT_AUTHENTICATE: XAnswer = { status: 401, code: 32, message: 'Could not authenticate you.' };
const INVALID_TOKEN: XAnswer = { status: 401, code: 89, message: 'Invalid or expired token.' };
const BAD_AUTHENTICATION_DATA: XAnswer = { status: 400, code: 215, message: 'Bad Authentication data.' };
const RATE_LIMITED: XAnswer = { status: 429, code: 88, message: 'Rate limit exceeded.' };

/** X's codes and statuses for each problem (reference sheet §3; 88 is X's rate-limit code). */
const X_ANSWERS: Record<ProblemCode, XAnswer> = {
  version_rejected: BAD_AUTHENTICATION_DATA,
  parameter_absent: BAD_AUTHENTICATION_DATA,
  parameter_rejected: BAD_AUTHENTICATION_DATA,
  signature_method_rejected: BAD_AUTHENTICATION_DATA,
  timestamp_refused: { status: 401, code: 135, message: 'Timestamp out of bounds.' },
  nonce_used: COULD_NOT_AUTHENTICATE,
  signature_invalid: COULD_NOT_AUTHENTICATE,
  consumer_key_unknown: COULD_NOT_AUTHENTICATE,
  consumer_key_rejected: { status: 401, code: 416, message: 'Invalid / suspended application' },
  consumer_key_refused: RATE_LIMITED,
  user_refused: RATE_LIMITED,
  token_used: INVALID_TOKEN,
  token_expired: INVALID_TOKEN,
  token_revoked: INVALID_TOKEN,
  token_rejected: INVALID_TOKEN,
  token_not_renewable: INVALID_TOKEN,
  access_token_expired: INVALID_TOKEN,
  permission_unknown: INVALID_TOKEN,
  permission_denied: INVALID_TOKEN,
  verifier_invalid: { status: 401, text: 'Error processing your OAuth request: Invalid oauth_verifier parameter' },
  additional_authorization_required: { status: 403, code: 220, message: 'Your credentials do not allow access to this resource.' },
};

/** Cases X answers by their own code, whatever the generic problem. */
const X_DETAIL_ANSWERS: Partial<Record<FailureDetail, XAnswer>> = {
  'callback-not-approved': { status: 403, code: 415, message: 'Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings' },
  'oob-required': { status: 401, code: 417, message: "Desktop applications only support the oauth_callback value 'oob'" },
};

function answerOf(failure: Failure): XAnswer {
  return (failure.detail && X_DETAIL_ANSWERS[failure.detail]) ?? X_ANSWERS[failure.problem];
}

function write(answer: XAnswer, realm: string, statusOverride?: number): ProviderReply {
  const status = statusOverride ?? answer.status;
  // X announces the scheme on 401s, with no problem in it.
  const headers: Record<string, string> = status === 401 ? { 'www-authenticate': `OAuth realm="${realm}"` } : {};
  if ('text' in answer) return reply(status, TEXT, answer.text, headers);
  return reply(status, JSON_TYPE, JSON.stringify({ errors: [{ code: answer.code, message: answer.message }] }), headers);
}

/** Problems that make X show its "request token invalid" page rather than an API error. */
const INVALID_PAGE_PROBLEMS: readonly ProblemCode[] = ['token_rejected', 'token_used', 'token_expired', 'token_revoked', 'permission_denied'];

function authorizeFailure(failure: Failure, { realm, lang }: DialectContext): ProviderReply {
  if (failure.detail === 'missing-token') return reply(400, HTML, xErrorPage('missing', lang));
  if (INVALID_PAGE_PROBLEMS.includes(failure.problem)) return reply(403, HTML, xErrorPage('invalid', lang));
  return write(answerOf(failure), realm);
}

/** X / Twitter API v1.1: `{"errors":[{"code":…,"message":…}]}` and X's own authorise pages. */
export const xDialect: Dialect = {
  name: 'x',
  failure: (failure, { realm }) => write(answerOf(failure), realm, failure.detail === 'body-too-large' ? 413 : undefined),
  authorizeFailure,
  deniedCallback: (token) => [['denied', token]],
};
