// The engine's own account of every refusal: oidc-provider emits an event for
// each error it answers (`grant.error`, `authorization.error`, …) with the
// error object, whose `error_detail` names the real cause that the wire hides
// behind one `invalid_grant "grant request is invalid"`: "authorization code
// already consumed", "refresh token already used", "code_verifier does not
// match code_challenge", "jwt not active yet". Kept here (bounded, newest
// last) and shown at /admin/state, so tests and `demo` can score a diagnosis
// against what the server really decided. No token, code or secret is kept.
import type { OidcProvider } from './engine.js';

/** The engine's error events (oidc-provider 8 lib/helpers/initialize_app.js) and the step each belongs to. */
export const ENGINE_ERROR_EVENTS = {
  'grant.error': 'token',
  'authorization.error': 'authorize',
  'pushed_authorization_request.error': 'par',
  'device_authorization.error': 'device-authorization',
  'code_verification.error': 'device-verification',
  'introspection.error': 'introspection',
  'revocation.error': 'revocation',
  'userinfo.error': 'userinfo',
  'jwks.error': 'jwks',
  'discovery.error': 'discovery',
  server_error: 'server',
} as const;

type EngineEvent = keyof typeof ENGINE_ERROR_EVENTS | 'grant.revoked' | 'edge';

export interface GroundTruth {
  /** ms since the epoch, real time (not the provider's skewed clock). */
  readonly at: number;
  readonly event: EngineEvent;
  /** The step of the flow it answered. */
  readonly step: string;
  /** The error code sent on the wire (RFC 6749 §5.2), before any dialect rewrites it. */
  readonly error?: string | undefined;
  readonly description?: string | undefined;
  /** The engine's real reason (`error_detail`), never sent to the client. */
  readonly detail?: string | undefined;
  readonly status?: number | undefined;
  readonly clientId?: string | undefined;
  /** The grant_type of a token request. */
  readonly grantType?: string | undefined;
  /** The grant a revocation (grant.revoked, a reuse detection) removed. */
  readonly grantId?: string | undefined;
}

/** Entries kept; past it the oldest goes first. */
const MAX_GROUND_TRUTH = 500;

export class GroundTruthLog {
  readonly #entries: GroundTruth[] = [];
  readonly #now: () => number;
  readonly #limit: number;

  constructor(now: () => number, limit = MAX_GROUND_TRUTH) {
    this.#now = now;
    this.#limit = limit;
  }

  add(entry: Omit<GroundTruth, 'at'>): void {
    this.#entries.push({ at: this.#now(), ...withoutUndefined(entry) });
    if (this.#entries.length > this.#limit) this.#entries.splice(0, this.#entries.length - this.#limit);
  }

  /** Newest last; `since` (ms) keeps the ones at or after it. */
  list(since = 0): GroundTruth[] {
    return this.#entries.filter((e) => e.at >= since);
  }

  /** The newest refusal (grant.revoked is a consequence, not a refusal). */
  last(): GroundTruth | undefined {
    return this.#entries.findLast((e) => e.event !== 'grant.revoked');
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

interface ErrorLike {
  readonly error?: unknown;
  readonly error_description?: unknown;
  readonly error_detail?: unknown;
  readonly statusCode?: unknown;
  readonly message?: unknown;
}

interface ContextLike {
  readonly oidc?: { readonly client?: { readonly clientId?: string }; readonly params?: Record<string, unknown> } | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The log entry for one engine error event. */
export function groundTruthOf(event: keyof typeof ENGINE_ERROR_EVENTS, ctx: ContextLike | undefined, error: ErrorLike | undefined): Omit<GroundTruth, 'at'> {
  const params = ctx?.oidc?.params;
  return {
    event,
    step: ENGINE_ERROR_EVENTS[event],
    error: text(error?.error) ?? (event === 'server_error' ? 'server_error' : undefined),
    description: text(error?.error_description),
    // A server error's message can hold anything: it is not echoed.
    detail: event === 'server_error' ? undefined : text(error?.error_detail),
    status: typeof error?.statusCode === 'number' ? error.statusCode : undefined,
    clientId: ctx?.oidc?.client?.clientId ?? text(params?.['client_id']),
    grantType: text(params?.['grant_type']),
  };
}

/** Listens to the engine's error events and its grant revocations, into `log`. */
export function recordGroundTruth(engine: OidcProvider, log: GroundTruthLog): void {
  for (const event of Object.keys(ENGINE_ERROR_EVENTS) as (keyof typeof ENGINE_ERROR_EVENTS)[]) {
    engine.on(event, (ctx: ContextLike, error: ErrorLike) => log.add(groundTruthOf(event, ctx, error)));
  }
  // Emitted when a reused code or a replayed rotated refresh token revokes the grant (RFC 9700 §4.14.2).
  engine.on('grant.revoked', (ctx: ContextLike, grantId: string) => log.add({ event: 'grant.revoked', step: 'token', grantId, clientId: ctx?.oidc?.client?.clientId }));
}
