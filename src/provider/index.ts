import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { inputError, usageError } from '../errors.js';
import { loadPublicKey } from '../oauth/signature.js';
import { SIGNATURE_METHODS } from '../oauth/types.js';
import { ProviderContext, type ProviderConfig, type ProviderSettings } from './context.js';
import { expire, publicState, revoke, setConsumerStatus } from './endpoints/admin.js';
import { DEFAULTS, isDialectName, type ConsumerRegistration, type ConsumerStatus, type ProviderOptions } from './options.js';
import { ENDPOINT_PATHS } from './router.js';
import { createProviderServer } from './server.js';
import type { ConsumerRecord, ProviderState } from './state.js';
import { readStateFile, StatePersister } from './state-file.js';
import { Store } from './store.js';

export type { ProviderOptions, ConsumerRegistration, ConsumerStatus, DialectName, OutageOptions, ProviderExchange } from './options.js';
export { DIALECTS, isDialectName } from './options.js';
export type { ProviderState, ConsumerRecord, RequestTokenRecord, AccessTokenRecord, SessionRecord } from './state.js';
export type { ProviderSettings } from './context.js';
export { PROBLEMS, PROBLEM_CODES, type ProblemCode } from './problems.js';
export { ENDPOINT_PATHS } from './router.js';

/** A running embedded provider: where it is, who may use it, and switches for tests. */
export interface RunningProvider {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly endpoints: { readonly requestToken: string; readonly authorize: string; readonly accessToken: string; readonly resource: string; readonly admin: string };
  /** The first consumer with a shared secret: the generated demo consumer unless `consumers` were given. */
  readonly consumer: { readonly key: string; readonly secret: string };
  /** Every registered consumer (with secrets: this object lives in your process). */
  readonly consumers: readonly ConsumerRecord[];
  /** The live switches (dialect, clock skew, outage, …); change them with `update`. */
  readonly settings: Readonly<ProviderSettings>;
  update(settings: Partial<Omit<ProviderSettings, 'realm'>>): void;
  /** Revokes a request token, access token or session handle (→ token_revoked / token_not_renewable). */
  revokeToken(token: string): 'request-token' | 'access-token' | 'session' | undefined;
  /** Makes a token or session expire now (→ token_expired). */
  expireToken(token: string): boolean;
  setConsumerStatus(key: string, status: ConsumerStatus): boolean;
  /** Throttles a consumer (→ consumer_key_refused, 503) or lifts the throttle. */
  throttleConsumer(key: string, throttled?: boolean): boolean;
  /** Refuses authorisation from a client address (→ user_refused, 503). */
  refuseAddress(address: string, refused?: boolean): void;
  /** The whole state, secrets included. */
  state(): ProviderState;
  /** The state as GET /admin/state shows it: no secrets. */
  publicState(): unknown;
  close(): Promise<void>;
}

function checkNumber(value: number | undefined, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < min || value > max) throw usageError('invalid-provider-option', `${name} must be a number from ${min} to ${max}, not ${value}`);
  return value;
}

function consumerRecord(registration: ConsumerRegistration): ConsumerRecord {
  if (!registration.key) throw usageError('invalid-consumer', 'a consumer needs a key');
  if (registration.secret === undefined && !registration.publicKey) throw usageError('invalid-consumer', `consumer ${registration.key} needs a secret or an RSA public key`);
  if (registration.publicKey) loadPublicKey(registration.publicKey, `the public key of consumer ${registration.key}`);
  return { ...registration, status: registration.status ?? 'active' };
}

function demoConsumer(): ConsumerRecord {
  return { key: `demo-${randomBytes(6).toString('hex')}`, secret: randomBytes(18).toString('base64url'), status: 'active', generated: true };
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the embedded OAuth 1.0a provider on node:http. See
 * {@link ProviderOptions} for every switch; with none it listens on a free
 * 127.0.0.1 port with one generated consumer, in the problem-reporting
 * dialect, state in memory.
 */
export async function startProvider(options: ProviderOptions = {}): Promise<RunningProvider> {
  const dialect = options.dialect ?? DEFAULTS.dialect;
  if (!isDialectName(dialect)) throw usageError('unknown-dialect', `dialect "${String(dialect)}" is not known`, 'use problem-reporting, x, oauthlib or jira');
  const signatureMethods = options.signatureMethods ?? SIGNATURE_METHODS;
  const config: ProviderConfig = {
    signatureMethods,
    requestTokenTtlMs: checkNumber(options.requestTokenTtlMs, 'requestTokenTtlMs', 0) ?? DEFAULTS.requestTokenTtlMs,
    accessTokenTtlMs: checkNumber(options.accessTokenTtlMs, 'accessTokenTtlMs', 0),
    sessionTtlMs: checkNumber(options.sessionTtlMs, 'sessionTtlMs', 0),
    timestampWindowSec: checkNumber(options.timestampWindowSec, 'timestampWindowSec', 0) ?? DEFAULTS.timestampWindowSec,
    authorizeRateLimit: options.authorizeRateLimit,
    maxBodyBytes: checkNumber(options.maxBodyBytes, 'maxBodyBytes', 0) ?? DEFAULTS.maxBodyBytes,
    now: options.now ?? Date.now,
  };
  const settings: ProviderSettings = {
    dialect,
    autoApprove: options.autoApprove ?? false,
    clockSkewSec: checkNumber(options.clockSkewSec, 'clockSkewSec', -1e9) ?? 0,
    outage: options.outage,
    slowMs: checkNumber(options.slowMs, 'slowMs', 0) ?? 0,
    renewable: options.renewable ?? true,
    authorizeMarksTokenUsed: options.authorizeMarksTokenUsed ?? false,
    expiredAccessTokenProblem: options.expiredAccessTokenProblem ?? 'token_expired',
    realm: options.realm ?? '',
  };

  const stateFile = options.stateFile;
  let persister: StatePersister | undefined;
  const store = new Store(() => persister?.schedule());
  const saved = stateFile ? readStateFile(stateFile) : undefined;
  if (saved) store.load(saved);
  for (const registration of options.consumers ?? []) store.putConsumer(consumerRecord(registration));
  if (store.allConsumers().length === 0) store.putConsumer(demoConsumer());
  if (stateFile) {
    persister = new StatePersister(stateFile, () => store.snapshot());
    persister.flush();
  }

  const context = new ProviderContext(store, config, settings);
  const limits = {
    maxBodyBytes: config.maxBodyBytes,
    headersTimeoutMs: checkNumber(options.headersTimeoutMs, 'headersTimeoutMs', 1) ?? DEFAULTS.headersTimeoutMs,
    requestTimeoutMs: checkNumber(options.requestTimeoutMs, 'requestTimeoutMs', 1) ?? DEFAULTS.requestTimeoutMs,
    maxHeaderBytes: checkNumber(options.maxHeaderBytes, 'maxHeaderBytes', 1024) ?? DEFAULTS.maxHeaderBytes,
  };
  const { server, cancelPending } = createProviderServer(context, limits, options.onExchange);
  const host = options.host ?? DEFAULTS.host;
  server.listen(checkNumber(options.port, 'port', 0, 65535) ?? DEFAULTS.port, host);
  try {
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw inputError('provider-listen-failed', `cannot listen on ${host}:${options.port ?? 0} (${code})`, code === 'EADDRINUSE' ? 'choose another --port, or leave it out for a free one' : 'check --host');
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(host)}:${port}`;
  settings.realm ||= url;

  const withSecret = store.allConsumers().find((c) => c.secret !== undefined && c.status === 'active') ?? store.allConsumers()[0];
  let closed: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    endpoints: {
      requestToken: url + ENDPOINT_PATHS.requestToken,
      authorize: url + ENDPOINT_PATHS.authorize,
      accessToken: url + ENDPOINT_PATHS.accessToken,
      resource: url + ENDPOINT_PATHS.resource,
      admin: url + ENDPOINT_PATHS.admin,
    },
    consumer: { key: withSecret?.key ?? '', secret: withSecret?.secret ?? '' },
    consumers: store.allConsumers(),
    settings,
    update: (changes) => Object.assign(settings, changes),
    revokeToken: (token) => revoke(token, context),
    expireToken: (token) => expire(token, context),
    setConsumerStatus: (key, status) => setConsumerStatus(key, status, context),
    throttleConsumer: (key, throttled = true) => setConsumerStatus(key, throttled ? 'throttled' : 'active', context),
    refuseAddress: (address, refused = true) => store.setAddressRefused(address, refused),
    state: () => structuredClone(store.snapshot()),
    publicState: () => publicState(store.snapshot()),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        cancelPending();
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => persister?.flush());
      return closed;
    },
  };
}
