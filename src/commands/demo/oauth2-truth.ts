// What the engine's own reason for a refusal means, as a cause of the
// diagnosis: the ground truth a demo scenario's diagnosis is scored against.
// oidc-provider writes the real reason into `error_detail`, never sent on the
// wire, where every one of these is the same `invalid_grant "grant request
// is invalid"` (or `invalid_client "client authentication failed"`); the
// provider's edge adds slow_down and the outage switch (serve's hooks.ts).
import type { CauseId } from '../../diagnose/types.js';
import type { GroundTruth } from '../../provider/oauth2/ground-truth.js';

export interface EngineReason {
  /** The engine's `error_detail`, exactly; or, when absent, the error code sent. */
  readonly detail?: string | undefined;
  readonly error?: string | undefined;
  readonly cause: CauseId;
  readonly source: string;
}

const GRANTS = 'oidc-provider 8.8.1 lib/actions/grants';

export const ENGINE_REASONS: readonly EngineReason[] = [
  { detail: 'authorization code already consumed', cause: 'reuse', source: `${GRANTS}/authorization_code.js (RFC 6749 §4.1.2: single use)` },
  { detail: 'authorization code is expired', cause: 'expiry', source: `${GRANTS}/authorization_code.js (RFC 6749 §4.1.2)` },
  { detail: 'authorization code redirect_uri mismatch', cause: 'redirect-mismatch', source: `${GRANTS}/authorization_code.js (RFC 6749 §4.1.3)` },
  { detail: 'PKCE verification failed', cause: 'pkce-verifier-mismatch', source: 'oidc-provider 8.8.1 lib/helpers/pkce.js (RFC 7636 §4.6)' },
  { detail: 'refresh token already used', cause: 'reuse', source: `${GRANTS}/refresh_token.js (rotation with reuse detection, RFC 9700 §4.14.2)` },
  { detail: 'refresh token is expired', cause: 'expiry', source: `${GRANTS}/refresh_token.js` },
  // An assertion made just now by the client's clock, judged expired or early by the server's: the clocks disagree.
  { detail: 'jwt expired', cause: 'clock-skew', source: 'oidc-provider 8.8.1 lib/helpers/jwt.js via lib/shared/token_jwt_auth.js (RFC 7523 §3)' },
  { detail: 'jwt not active yet', cause: 'clock-skew', source: 'oidc-provider 8.8.1 lib/helpers/jwt.js via lib/shared/token_jwt_auth.js (RFC 7523 §3)' },
  { detail: 'invalid secret provided', cause: 'client-authentication', source: 'oidc-provider 8.8.1 lib/shared/token_auth.js (RFC 6749 §2.3.1)' },
  { error: 'access_denied', cause: 'user-denied', source: 'RFC 6749 §4.1.2.1 (the consent page, or serve --consent-denied)' },
  { error: 'slow_down', cause: 'rate-limited', source: 'RFC 8628 §3.5 (serve --oauth2 hooks.ts: a poll sooner than the interval)' },
];

/** The cause the engine's reason names, if the table knows it. */
export function causeOfTruth(truth: GroundTruth | undefined): EngineReason | undefined {
  if (truth === undefined) return undefined;
  return ENGINE_REASONS.find((r) => (r.detail !== undefined ? r.detail === truth.detail : r.error === truth.error));
}
