import type { AccessTokenRecord, RequestTokenRecord, SessionRecord } from './state.js';

/**
 * How long the provider remembers credentials that can no longer be used,
 * and how many it keeps at most. The provider exists to diagnose: a reused
 * token must still be answered `token_used`, an old one `token_expired`, a
 * revoked one `token_revoked` — for a while. Past that a token is forgotten
 * and answered as unknown (`token_rejected`), which is honest.
 */
export interface RetentionPolicy {
  /** Kept this long after a request token's lifetime ends (used or denied ones end no later than that). */
  readonly requestTokenMs: number;
  /** Kept this long after an access token expired (and cannot be renewed) or was revoked. */
  readonly accessTokenMs: number;
  /** Kept this long after a session handle expired or was revoked. */
  readonly sessionMs: number;
  /** Hard caps: past them the oldest is forgotten first, so memory is bounded under a flood. */
  readonly maxRequestTokens: number;
  /** Separate from request tokens, so a flood of request-token calls cannot push out working access tokens. */
  readonly maxAccessTokens: number;
}

export const MIN_RETENTION_MS = 60 * 60_000;
export const RETENTION_TTL_FACTOR = 6;

/** max(1 h, 6 × the lifetime) unless the user chose one (`--token-retention`). */
export function retentionFor(lifetimeMs: number | undefined, chosenMs: number | undefined): number {
  return chosenMs ?? Math.max(MIN_RETENTION_MS, RETENTION_TTL_FACTOR * (lifetimeMs ?? 0));
}

/**
 * RFC 5849 §2.1/§2.3: a request token is usable until it expires and only
 * once; a used, denied or revoked one stopped being usable before its
 * expiry, so counting from the expiry keeps every one at least the
 * retention period after its last use. No lifetime: only the cap bounds it.
 */
export function requestTokenForgetAt(record: RequestTokenRecord, retentionMs: number): number {
  return record.expiresAt === undefined ? Infinity : record.expiresAt + retentionMs;
}

/** When a session handle stops renewing: revoked, expired, or never. */
function sessionEndsAt(session: SessionRecord): number {
  if (session.revoked) return session.revokedAt ?? Infinity;
  return session.expiresAt ?? Infinity;
}

export function sessionForgetAt(session: SessionRecord, retentionMs: number): number {
  return sessionEndsAt(session) + retentionMs;
}

/**
 * An access token is usable until revoked or expired — but an expired one
 * that is still its session's current token can be renewed (OAuth Session
 * extension), so it lives as long as that session does.
 */
export function accessTokenForgetAt(record: AccessTokenRecord, session: SessionRecord | undefined, retentionMs: number): number {
  if (record.revoked) return (record.revokedAt ?? Infinity) + retentionMs;
  const ownEnd = record.expiresAt ?? Infinity;
  const renewableUntil = session !== undefined && session.currentToken === record.token ? sessionEndsAt(session) : -Infinity;
  return Math.max(ownEnd, renewableUntil) + retentionMs;
}
