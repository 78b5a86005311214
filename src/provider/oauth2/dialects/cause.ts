// The ground truth of a refusal: what the engine (oidc-provider 8.8.1) knows
// when it refuses, named once. The engine throws an error class with an
// OAuth code and, for invalid_grant / invalid_client, a detail it only logs
// and emits with its server event ("authorization code already consumed",
// "refresh token already used", "jwt not active yet"). A dialect translates
// this cause, never the engine's wire text, so every provider's answer for
// one refusal comes from the same fact.

/** Why the engine refused, in words no provider owns. */
export type EngineCause =
  | 'code-not-found'
  | 'code-expired'
  | 'code-reused'
  | 'code-redirect-mismatch'
  | 'client-mismatch'
  | 'pkce-mismatch'
  | 'pkce-missing'
  | 'refresh-not-found'
  | 'refresh-expired'
  | 'refresh-reused'
  | 'grant-revoked'
  | 'device-code-not-found'
  | 'device-code-reused'
  | 'device-expired'
  | 'authorization-pending'
  | 'slow-down'
  | 'access-denied'
  | 'client-unknown'
  | 'client-secret-wrong'
  | 'client-auth-method'
  | 'client-auth-missing'
  | 'assertion-not-yet-valid'
  | 'assertion-expired'
  | 'assertion-replayed'
  | 'assertion-invalid'
  | 'missing-parameter'
  | 'unsupported-grant-type'
  | 'grant-not-allowed'
  | 'invalid-scope'
  | 'authorize-redirect-unregistered'
  | 'other';

/** What the engine's server event carries: its error and the detail behind it. */
export interface EngineRefusal {
  /** The OAuth error code the engine would send (RFC 6749 §5.2). */
  readonly error: string;
  /** error_detail (invalid_grant, invalid_client, …) or, when the engine has none, error_description. */
  readonly detail: string;
  /** The request carried a code_verifier (RFC 7636 §4.5): tells a wrong verifier from a missing one. */
  readonly hasCodeVerifier: boolean;
}

interface CauseRow {
  readonly error: string;
  /** The engine's detail, exactly; absent: any detail of this error. */
  readonly detail?: RegExp;
  readonly cause: EngineCause | ((refusal: EngineRefusal) => EngineCause);
  /** Where oidc-provider 8.8.1 throws it. */
  readonly thrownAt: string;
}

const GRANT = 'lib/actions/grants/';

/** First match wins; each row names the engine file that throws it. */
const CAUSE_ROWS: readonly CauseRow[] = [
  { error: 'invalid_grant', detail: /^authorization code not found$/, cause: 'code-not-found', thrownAt: `${GRANT}authorization_code.js` },
  { error: 'invalid_grant', detail: /^authorization code is expired$/, cause: 'code-expired', thrownAt: `${GRANT}authorization_code.js` },
  { error: 'invalid_grant', detail: /^authorization code already consumed$/, cause: 'code-reused', thrownAt: `${GRANT}authorization_code.js` },
  { error: 'invalid_grant', detail: /^authorization code redirect_uri mismatch$/, cause: 'code-redirect-mismatch', thrownAt: `${GRANT}authorization_code.js` },
  { error: 'invalid_grant', detail: /^client mismatch$/, cause: 'client-mismatch', thrownAt: `${GRANT}*.js` },
  // lib/helpers/pkce.js throws one detail for both; the request tells them apart.
  { error: 'invalid_grant', detail: /^PKCE verification failed$/, cause: (r) => (r.hasCodeVerifier ? 'pkce-mismatch' : 'pkce-missing'), thrownAt: 'lib/helpers/pkce.js' },
  { error: 'invalid_grant', detail: /^refresh token not found$/, cause: 'refresh-not-found', thrownAt: `${GRANT}refresh_token.js` },
  { error: 'invalid_grant', detail: /^refresh token is expired$/, cause: 'refresh-expired', thrownAt: `${GRANT}refresh_token.js` },
  { error: 'invalid_grant', detail: /^refresh token already used$/, cause: 'refresh-reused', thrownAt: `${GRANT}refresh_token.js` },
  // The grant behind a code or token is gone: revoked (a replay revoked the family, or the admin endpoint) or expired.
  { error: 'invalid_grant', detail: /^grant (?:not found|is expired)$/, cause: 'grant-revoked', thrownAt: `${GRANT}*.js` },
  { error: 'invalid_grant', detail: /^device code not found$/, cause: 'device-code-not-found', thrownAt: `${GRANT}device_code.js` },
  { error: 'invalid_grant', detail: /^device code already consumed$/, cause: 'device-code-reused', thrownAt: `${GRANT}device_code.js` },
  { error: 'expired_token', cause: 'device-expired', thrownAt: `${GRANT}device_code.js` },
  { error: 'authorization_pending', cause: 'authorization-pending', thrownAt: `${GRANT}device_code.js` },
  { error: 'slow_down', cause: 'slow-down', thrownAt: `${GRANT}device_code.js` },
  { error: 'access_denied', cause: 'access-denied', thrownAt: 'lib/actions/authorization/*.js' },
  { error: 'invalid_client', detail: /^client not found$/, cause: 'client-unknown', thrownAt: 'lib/shared/token_auth.js' },
  { error: 'invalid_client', detail: /^invalid secret provided$/, cause: 'client-secret-wrong', thrownAt: 'lib/shared/token_auth.js' },
  { error: 'invalid_client', detail: /^the provided authentication mechanism does not match/, cause: 'client-auth-method', thrownAt: 'lib/shared/token_auth.js' },
  // jose-style claim checks of the client assertion (lib/helpers/jwt.js), rethrown by lib/shared/token_jwt_auth.js.
  { error: 'invalid_client', detail: /^jwt (?:not active yet|issued in the future)$/, cause: 'assertion-not-yet-valid', thrownAt: 'lib/helpers/jwt.js' },
  { error: 'invalid_client', detail: /^jwt expired$/, cause: 'assertion-expired', thrownAt: 'lib/helpers/jwt.js' },
  { error: 'invalid_client', detail: /^client assertion tokens must only be used once$/, cause: 'assertion-replayed', thrownAt: 'lib/shared/token_jwt_auth.js' },
  { error: 'invalid_client', cause: 'assertion-invalid', thrownAt: 'lib/shared/token_jwt_auth.js' },
  { error: 'invalid_request', detail: /^no client authentication mechanism provided$/, cause: 'client-auth-missing', thrownAt: 'lib/shared/token_auth.js' },
  { error: 'invalid_request', detail: /^missing required parameter/, cause: 'missing-parameter', thrownAt: 'lib/helpers/validate_presence.js' },
  { error: 'unsupported_grant_type', cause: 'unsupported-grant-type', thrownAt: 'lib/actions/token.js' },
  { error: 'invalid_request', detail: /^requested grant type is not allowed for this client$/, cause: 'grant-not-allowed', thrownAt: 'lib/actions/token.js' },
  { error: 'invalid_scope', cause: 'invalid-scope', thrownAt: `${GRANT}*.js` },
  // The authorization request's redirect_uri is not one the client registered: rendered, never redirected (RFC 6749 §4.1.2.1).
  { error: 'invalid_redirect_uri', cause: 'authorize-redirect-unregistered', thrownAt: 'lib/actions/authorization/check_redirect_uri.js' },
];

/** The cause of one refusal; `other` when the engine refused for a reason no dialect tells apart. */
export function causeOf(refusal: EngineRefusal): EngineCause {
  for (const row of CAUSE_ROWS) {
    if (row.error !== refusal.error) continue;
    if (row.detail && !row.detail.test(refusal.detail)) continue;
    return typeof row.cause === 'function' ? row.cause(refusal) : row.cause;
  }
  return 'other';
}

/** Every cause the classifier can name (tests walk the dialect tables over them). */
export const ENGINE_CAUSES: readonly EngineCause[] = [
  ...new Set(CAUSE_ROWS.flatMap((row) => (typeof row.cause === 'function' ? ['pkce-mismatch', 'pkce-missing'] as const : [row.cause]))),
];
