import type { DoctorError } from '../errors.js';
import type { SignatureMethod } from '../oauth/types.js';

export const DIALECTS = ['problem-reporting', 'x', 'oauthlib', 'jira'] as const;
/** How errors are written: the Problem Reporting extension, X/Twitter, Python oauthlib, or Atlassian Jira. */
export type DialectName = (typeof DIALECTS)[number];

export function isDialectName(value: string): value is DialectName {
  return (DIALECTS as readonly string[]).includes(value);
}

/** `active`, `rejected` (blacklisted → consumer_key_rejected) or `throttled` (→ consumer_key_refused). */
export type ConsumerStatus = 'active' | 'rejected' | 'throttled';

/** A client application registered with the provider. */
export interface ConsumerRegistration {
  readonly key: string;
  /** Shared secret for HMAC-SHA1, HMAC-SHA256 and PLAINTEXT. */
  readonly secret?: string | undefined;
  /** PEM public key (or certificate) for RSA-SHA1 (RFC 5849 §3.4.3). */
  readonly publicKey?: string | undefined;
  readonly status?: ConsumerStatus | undefined;
  /** Callback URLs this consumer may use (prefix match); absent: any. X answers an unlisted one with code 415. */
  readonly callbacks?: readonly string[] | undefined;
  /** A "desktop" app that may only use `oob` (X code 417 otherwise). */
  readonly oobOnly?: boolean | undefined;
}

/** Outage mode: every OAuth and API endpoint answers with this status and an HTML page (admin endpoints keep working). */
export interface OutageOptions {
  readonly status: 500 | 502 | 503;
  readonly retryAfterSec?: number | undefined;
}

/**
 * Options of {@link startProvider}. Every field is optional; durations are in
 * milliseconds unless the name says seconds. This shape is a public API used
 * by `flow`, `demo`, `inspect` and tests: add fields, do not rename them.
 */
export interface ProviderOptions {
  /** Interface to bind. Default `127.0.0.1`. */
  readonly host?: string | undefined;
  /** Port to bind. Default 0: a free port chosen by the system. */
  readonly port?: number | undefined;
  /** Registered consumers. Default: one generated HMAC consumer (`provider.consumer`). */
  readonly consumers?: readonly ConsumerRegistration[] | undefined;
  /** Approve every authorisation at once (no page for a person). Default false; `?action=approve|deny` works either way. */
  readonly autoApprove?: boolean | undefined;
  /** How errors are written. Default `problem-reporting`. */
  readonly dialect?: DialectName | undefined;
  /** realm in `WWW-Authenticate`. Default: the provider's own URL. */
  readonly realm?: string | undefined;
  /** Signature methods accepted. Default all seven (SIGNATURE_METHODS: HMAC-SHA1/256/512, RSA-SHA1/256/512, PLAINTEXT). */
  readonly signatureMethods?: readonly SignatureMethod[] | undefined;
  /** Request-token lifetime (RFC 5849 §2.1 SHOULD be limited). Default 10 minutes. */
  readonly requestTokenTtlMs?: number | undefined;
  /** Access-token lifetime (OAuth Session extension, `oauth_expires_in`). Default: never expires. */
  readonly accessTokenTtlMs?: number | undefined;
  /** Session-handle lifetime (`oauth_authorization_expires_in`). Default: never expires. */
  readonly sessionTtlMs?: number | undefined;
  /** Accept renewal of access tokens with `oauth_session_handle`. Default true; false answers `token_not_renewable`. */
  readonly renewable?: boolean | undefined;
  /** The problem an expired access token gets: `token_expired` (default) or `access_token_expired`. */
  readonly expiredAccessTokenProblem?: 'token_expired' | 'access_token_expired' | undefined;
  /** Server clock offset in seconds (server time = now() + skew): simulates a client clock that is off. Default 0. */
  readonly clockSkewSec?: number | undefined;
  /** Accepted distance of oauth_timestamp from server time, in seconds. Default 300. */
  readonly timestampWindowSec?: number | undefined;
  /** Clock, ms since the epoch. Default Date.now. */
  readonly now?: (() => number) | undefined;
  /** Outage mode (503/500/502 with an HTML body). Default off. */
  readonly outage?: OutageOptions | undefined;
  /** Delay every response by this long. Default 0. */
  readonly slowMs?: number | undefined;
  /** Opening the authorise page uses the request token up, so a second visit fails (as on X). Default false. */
  readonly authorizeMarksTokenUsed?: boolean | undefined;
  /** Authorisation attempts allowed per client address within `windowMs` before `user_refused`. Default: unlimited. */
  readonly authorizeRateLimit?: { readonly max: number; readonly windowMs: number } | undefined;
  /**
   * How long a token that can no longer be used (used, expired, denied,
   * revoked) is still recognised, so it is answered token_used /
   * token_expired / token_revoked rather than token_rejected. Default
   * max(1 h, 6 × the token's lifetime); request tokens count from their
   * expiry, access tokens and sessions from expiry or revocation.
   */
  readonly tokenRetentionMs?: number | undefined;
  /** Most request tokens kept; past it the oldest is forgotten. Default 10,000. */
  readonly maxRequestTokens?: number | undefined;
  /** Most access tokens kept (each with its session handle); past it the oldest is forgotten. Default 10,000. */
  readonly maxAccessTokens?: number | undefined;
  /** Most bytes the nonce table may hold (RFC 5849 §3.3 replay checks); past it the oldest nonces are forgotten. Default 32 MiB. */
  readonly maxNonceBytes?: number | undefined;
  /** Keep state in this file (atomic writes, mode 0600) and reload it on start. Default: memory only. */
  readonly stateFile?: string | undefined;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined;
  /** Time allowed to receive the request headers (slow clients). Default 10 s. */
  readonly headersTimeoutMs?: number | undefined;
  /** Time allowed to receive the whole request. Default 30 s. */
  readonly requestTimeoutMs?: number | undefined;
  /** Largest header section, in bytes; larger gets 431. Default 16 KiB. */
  readonly maxHeaderBytes?: number | undefined;
  /**
   * Called when writing `stateFile` fails while running (EACCES, ENOSPC): once
   * per streak of failures, with a `state-file-unwritable` error. The provider
   * keeps serving and the last good file stays. Default: ignored.
   */
  readonly onStateError?: ((error: DoctorError) => void) | undefined;
  /** Called after every answered request (method, path, status, oauth_problem, ms): `serve` narrates with it. */
  readonly onExchange?: ((exchange: ProviderExchange) => void) | undefined;
}

/** One answered request, as reported to `onExchange`. */
export interface ProviderExchange {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The oauth_problem the provider answered with, if it refused. */
  readonly problem: string | undefined;
  readonly ms: number;
}

/** Defaults, in one place. */
export const DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  dialect: 'problem-reporting' as DialectName,
  requestTokenTtlMs: 10 * 60_000,
  timestampWindowSec: 300,
  maxBodyBytes: 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxHeaderBytes: 16 * 1024,
  maxRequestTokens: 10_000,
  maxAccessTokens: 10_000,
} as const;
