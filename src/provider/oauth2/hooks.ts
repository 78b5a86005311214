// Fault switches that oidc-provider has no option for, put into the engine
// through its own extension points rather than around it:
// - the device grant's polling pace (RFC 8628 §3.5 slow_down, which 8.8.1
//   never sends) and the `interval` it asks for (§3.2): a Koa middleware
//   (provider.use) that reads the engine's answer after it is made, and turns
//   an authorization_pending that came too soon into the engine's own SlowDown
//   error, emitted as the engine emits its refusals (grant.error), so the
//   ground truth and the dialect layer see it as any other refusal;
// - exact redirect URI matching against RFC 8252 §7.3's loopback-any-port
//   rule (the engine's Client#redirectUriAllowed, which applies §7.3 to
//   native clients): that method of this provider's own Client class;
// - every authentication method a client's credentials allow, as most
//   providers do: the engine holds a client to the one registered
//   token_endpoint_auth_method (basic and post count as one), so a client
//   with a secret could not send a client_secret_jwt assertion. Its Client.find
//   hands the token, introspection, revocation, PAR and device endpoints the
//   client registered under the method the request presents, when the
//   client's credentials allow it (a secret: client_secret_jwt; a JWK Set:
//   private_key_jwt).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientMetadata } from 'oidc-provider';
import type { OidcProvider } from './engine.js';
import type { OAuth2Settings } from './options.js';
import { ROUTES } from './routes.js';

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 §3.5: after slow_down "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
const SLOW_DOWN_STEP_SEC = 5;
/** Device codes whose pace is tracked at once; past it the oldest is forgotten. */
const MAX_TRACKED_DEVICE_CODES = 10_000;

interface Pace {
  lastPollAt: number;
  intervalSec: number;
}

/** The polling pace of each pending device code (by the code's value, kept only while polls come). */
export class DevicePacer {
  readonly #codes = new Map<string, Pace>();

  /** A poll at `now` (ms) of a still-pending code: slow_down with the new interval, or undefined (authorization_pending stands). */
  poll(deviceCode: string, now: number, baseIntervalSec: number): { intervalSec: number; gapMs: number } | undefined {
    const pace = this.#codes.get(deviceCode);
    this.#codes.delete(deviceCode);
    if (pace === undefined) {
      this.#remember(deviceCode, { lastPollAt: now, intervalSec: baseIntervalSec });
      return undefined;
    }
    const gapMs = now - pace.lastPollAt;
    const tooSoon = gapMs < pace.intervalSec * 1000;
    const next = { lastPollAt: now, intervalSec: tooSoon ? pace.intervalSec + SLOW_DOWN_STEP_SEC : pace.intervalSec };
    this.#remember(deviceCode, next);
    return tooSoon ? { intervalSec: next.intervalSec, gapMs } : undefined;
  }

  #remember(deviceCode: string, pace: Pace): void {
    this.#codes.set(deviceCode, pace);
    while (this.#codes.size > MAX_TRACKED_DEVICE_CODES) {
      const oldest = this.#codes.keys().next().value;
      if (oldest === undefined) break;
      this.#codes.delete(oldest);
    }
  }
}

/** oidc-provider's errors.SlowDown: (description, detail). */
export type SlowDownError = new (description?: string, detail?: string) => Error & { error: string; error_description?: string; statusCode: number };

interface KoaLike {
  path: string;
  method: string;
  status: number;
  body: unknown;
  readonly oidc?: { readonly params?: Record<string, unknown>; readonly client?: { readonly clientId?: string } } | undefined;
}

type Middleware = (ctx: KoaLike, next: () => Promise<void>) => Promise<void>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** The middleware: `interval` on device authorization answers, slow_down on polls that come too soon. */
function pacingMiddleware(settings: OAuth2Settings, pacer: DevicePacer, emit: (ctx: KoaLike, error: Error) => void, SlowDown: SlowDownError, now: () => number): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.method !== 'POST') return;
    if (ctx.path === ROUTES.deviceAuthorization && ctx.status === 200 && isRecord(ctx.body)) {
      ctx.body = { ...ctx.body, interval: settings.deviceIntervalSec };
      return;
    }
    if (ctx.path !== ROUTES.token || !isRecord(ctx.body) || ctx.body['error'] !== 'authorization_pending') return;
    const params = ctx.oidc?.params;
    const deviceCode = params?.['device_code'];
    if (params?.['grant_type'] !== DEVICE_CODE_GRANT || typeof deviceCode !== 'string') return;
    const slow = pacer.poll(deviceCode, now(), settings.deviceIntervalSec);
    if (slow === undefined) return;
    const description = `polling too often: ${slow.gapMs} ms since the last poll; wait ${slow.intervalSec} s between polls`;
    const error = new SlowDown(description, `device code polled ${slow.gapMs} ms after the previous poll, under the interval; interval raised to ${slow.intervalSec} s (RFC 8628 §3.5)`);
    ctx.status = error.statusCode;
    ctx.body = { error: error.error, error_description: description };
    emit(ctx, error);
  };
}

/** RFC 3986 §6.2.3 normalised form of a URI, or undefined when it does not parse. */
const normalised = (uri: string): string | undefined => (URL.canParse(uri) ? new URL(uri).href : undefined);

/**
 * `exact` compares the whole URI, port included; `loopback-any-port` is the
 * engine's own rule (RFC 8252 §7.3: a loopback redirect of a native client
 * matches on any port). Set on this provider's Client class only.
 */
function installRedirectMatching(engine: OidcProvider, settings: OAuth2Settings): void {
  const prototype = engine.Client.prototype as { redirectUriAllowed(this: { redirectUris?: string[] }, value: string): boolean };
  const engineRule = prototype.redirectUriAllowed;
  prototype.redirectUriAllowed = function redirectUriAllowed(value: string): boolean {
    if (settings.redirectMatching === 'loopback-any-port') return engineRule.call(this, value);
    const wanted = normalised(value);
    return wanted !== undefined && (this.redirectUris ?? []).some((registered) => normalised(registered) === wanted);
  };
}

type AssertionMethod = 'client_secret_jwt' | 'private_key_jwt';

/** The method a client assertion presents: HS* is signed with the secret (RFC 7523 §2.2, OIDC Core §9). */
export function assertionMethod(assertion: unknown): AssertionMethod | undefined {
  if (typeof assertion !== 'string') return undefined;
  const [header] = assertion.split('.');
  try {
    const alg = (JSON.parse(Buffer.from(header ?? '', 'base64url').toString('utf8')) as { alg?: unknown }).alg;
    return typeof alg === 'string' ? (alg.startsWith('HS') ? 'client_secret_jwt' : 'private_key_jwt') : undefined;
  } catch {
    return undefined;
  }
}

interface RequestView {
  readonly oidc?: { readonly params?: Record<string, unknown>; readonly authorization?: { readonly methods?: readonly string[] } } | undefined;
}

/** See the head of this file: a client's other authentication methods, by the request's assertion. */
function installAuthMethodVariants(engine: OidcProvider, metadata: readonly ClientMetadata[]): void {
  const current = new AsyncLocalStorage<RequestView>();
  engine.use(((ctx: RequestView, next: () => Promise<void>) => current.run(ctx, next)) as Parameters<OidcProvider['use']>[0]);
  const Client = engine.Client as unknown as { find(id: string): Promise<unknown>; new (metadata: ClientMetadata): unknown };
  const engineFind = Client.find.bind(Client);
  const byId = new Map(metadata.map((m) => [m.client_id, m]));
  const variants = new Map<string, unknown>();
  Client.find = async (id: string) => {
    const found = await engineFind(id);
    const ctx = current.getStore();
    const wanted = ctx?.oidc?.authorization?.methods?.includes('client_secret_jwt') ? assertionMethod(ctx.oidc.params?.['client_assertion']) : undefined;
    const registered = byId.get(id);
    if (found === undefined || wanted === undefined || registered === undefined || registered.token_endpoint_auth_method === wanted) return found;
    if (wanted === 'client_secret_jwt' ? registered.client_secret === undefined : registered.jwks === undefined) return found;
    const key = `${id}\n${wanted}`;
    let variant = variants.get(key);
    if (variant === undefined) {
      variant = new Client({ ...registered, token_endpoint_auth_method: wanted });
      variants.set(key, variant);
    }
    return variant;
  };
}

/**
 * RFC 9126 §5 as a live switch: the engine reads a client's
 * requirePushedAuthorizationRequests (process_request_object.js) from the
 * instance its schema made at start, so each client found is given a getter
 * reading the setting; discovery says so too (§5,
 * require_pushed_authorization_requests).
 */
function installParRequired(engine: OidcProvider, settings: OAuth2Settings): void {
  const Client = engine.Client as unknown as { find(id: string): Promise<unknown> };
  const find = Client.find.bind(Client);
  const patched = new WeakSet<object>();
  Client.find = async (id: string) => {
    const found = await find(id);
    if (typeof found === 'object' && found !== null && !patched.has(found)) {
      Object.defineProperty(found, 'requirePushedAuthorizationRequests', { get: () => settings.parRequired, configurable: true });
      patched.add(found);
    }
    return found;
  };
  engine.use((async (ctx: KoaLike, next: () => Promise<void>) => {
    await next();
    if (ctx.path === ROUTES.openidConfiguration && isRecord(ctx.body) && settings.parRequired) ctx.body = { ...ctx.body, require_pushed_authorization_requests: true };
  }) as Parameters<OidcProvider['use']>[0]);
}

/** Every hook, on one engine. */
export function installHooks(engine: OidcProvider, settings: OAuth2Settings, now: () => number, clients: readonly ClientMetadata[], SlowDown: SlowDownError): void {
  const emit = (ctx: KoaLike, error: Error) => void engine.emit('grant.error', ctx, error);
  engine.use(pacingMiddleware(settings, new DevicePacer(), emit, SlowDown, now) as Parameters<OidcProvider['use']>[0]);
  installRedirectMatching(engine, settings);
  installAuthMethodVariants(engine, clients);
  installParRequired(engine, settings);
}
