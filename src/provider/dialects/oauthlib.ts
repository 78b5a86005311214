import type { Failure } from '../failure.js';
import { FORM, reply } from '../http-types.js';
import type { ProblemCode } from '../problems.js';
import type { Dialect } from './types.js';

type OAuthlibAnswer = { readonly error: 'invalid_request' | 'invalid_signature_method'; readonly description: (failure: Failure) => string } | 'unauthorized';

const invalid = (description: string): OAuthlibAnswer => ({ error: 'invalid_request', description: () => description });

/**
 * Python oauthlib's provider endpoints (oauthlib/oauth1/rfc5849/endpoints):
 * a malformed request raises InvalidRequestError → 400
 * `error=invalid_request&error_description=…`; a request that is well formed
 * but fails validation (signature, client, token, verifier, nonce) gets a
 * bare 401 with no body and no header. The descriptions are oauthlib's own.
 */
const OAUTHLIB_ANSWERS: Record<ProblemCode, OAuthlibAnswer> = {
  version_rejected: invalid('Invalid OAuth version.'),
  parameter_absent: invalid('Missing mandatory OAuth parameters.'),
  parameter_rejected: { error: 'invalid_request', description: (f) => (f.detail === 'duplicated-parameter' ? 'Duplicate OAuth1 entries.' : f.advice) },
  signature_method_rejected: { error: 'invalid_signature_method', description: (f) => `Invalid signature, ${f.signatureMethod ?? 'this method'} not in the allowed signature methods.` },
  timestamp_refused: { error: 'invalid_request', description: (f) => `Timestamp given is invalid, differ from allowed by over ${timestampLifetime(f)} seconds.` },
  nonce_used: 'unauthorized',
  signature_invalid: 'unauthorized',
  consumer_key_unknown: 'unauthorized',
  consumer_key_rejected: 'unauthorized',
  consumer_key_refused: 'unauthorized',
  token_used: 'unauthorized',
  token_expired: 'unauthorized',
  token_revoked: 'unauthorized',
  token_rejected: 'unauthorized',
  verifier_invalid: 'unauthorized',
  additional_authorization_required: 'unauthorized',
  permission_unknown: 'unauthorized',
  permission_denied: 'unauthorized',
  user_refused: 'unauthorized',
  token_not_renewable: 'unauthorized',
  access_token_expired: 'unauthorized',
};

/** The window is in our failure as oauth_acceptable_timestamps=min-max. */
function timestampLifetime(failure: Failure): number {
  const range = failure.parameters.find(([name]) => name === 'oauth_acceptable_timestamps')?.[1] ?? '';
  const [min, max] = range.split('-').map(Number);
  return min !== undefined && max !== undefined && Number.isFinite(min) && Number.isFinite(max) ? (max - min) / 2 : 600;
}

function write(failure: Failure) {
  const answer = OAUTHLIB_ANSWERS[failure.problem];
  if (answer === 'unauthorized') return reply(401, FORM, '');
  const status = failure.status === 413 ? 413 : 400;
  const body = new URLSearchParams([
    ['error', answer.error],
    ['error_description', answer.description(failure)],
  ]).toString();
  return reply(status, FORM, body);
}

export const oauthlibDialect: Dialect = {
  name: 'oauthlib',
  failure: write,
  authorizeFailure: write,
  deniedCallback: (token) => [
    ['oauth_token', token],
    ['error', 'access_denied'],
  ],
};
