/**
 * The oauth_problem vocabulary the embedded provider speaks (OAuth Problem
 * Reporting extension, wiki.oauth.net/ProblemReporting; `verifier_invalid`,
 * `token_not_renewable` and `access_token_expired` as seen in the wild), and
 * the HTTP status a strict provider answers each with (RFC 5849 §3.2: 400 for
 * a malformed request, 401 for bad credentials; 503 for temporary refusals).
 */
export const PROBLEMS = {
  version_rejected: { status: 400, advice: 'Only OAuth 1.0 is supported: send oauth_version="1.0" or leave it out.' },
  parameter_absent: { status: 400, advice: 'A required OAuth parameter is missing.' },
  parameter_rejected: { status: 400, advice: 'An OAuth parameter was not expected here, was sent twice, or could not be read.' },
  timestamp_refused: { status: 400, advice: 'oauth_timestamp is outside the window the server accepts: check the client clock.' },
  nonce_used: { status: 401, advice: 'This oauth_nonce was already used with this timestamp: send a fresh nonce with every request.' },
  signature_method_rejected: { status: 400, advice: 'This oauth_signature_method is not accepted for this consumer.' },
  signature_invalid: { status: 401, advice: 'The signature does not match the one the server computed: compare the signature base strings and the signing key.' },
  consumer_key_unknown: { status: 401, advice: 'The server does not know this consumer key.' },
  consumer_key_rejected: { status: 401, advice: 'This consumer key is permanently refused (blacklisted or suspended).' },
  consumer_key_refused: { status: 503, advice: 'This consumer key is temporarily refused (throttled): wait and retry.' },
  token_used: { status: 401, advice: 'This token was already used; request tokens are single-use: start the flow again.' },
  token_expired: { status: 401, advice: 'This token has expired: start the flow again, or renew it with oauth_session_handle.' },
  token_revoked: { status: 401, advice: 'This token was revoked and will never be accepted again.' },
  token_rejected: { status: 401, advice: 'The server does not accept this token (never issued, or forgotten after use or expiry).' },
  verifier_invalid: { status: 401, advice: 'oauth_verifier does not match the one issued when the user approved.' },
  additional_authorization_required: { status: 401, advice: 'The user has not granted the access this request needs: authorise again with a wider scope.' },
  permission_unknown: { status: 401, advice: 'The user has not approved or denied yet: exchange the request token only after the callback.' },
  permission_denied: { status: 401, advice: 'The user denied access.' },
  user_refused: { status: 503, advice: 'Too many authorisation attempts from this address: wait and retry.' },
  token_not_renewable: { status: 401, advice: 'The session handle cannot renew this token: start the flow again.' },
  access_token_expired: { status: 401, advice: 'The access token has expired: renew it with oauth_session_handle.' },
} as const satisfies Record<string, { status: number; advice: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];
