import { ProviderContext, serverTime, type ProviderSettings } from './context.js';
import { expire, publicState, revoke, setConsumerStatus } from './endpoints/admin.js';
import { DEFAULTS, type ConsumerStatus, type ProviderOptions } from './options.js';
import { ENDPOINT_PATHS } from './router.js';
import { createProviderServer } from './server.js';
import { listen, openStore, resolveConfig, resolveLimits, resolveSettings } from './setup.js';
import type { ConsumerRecord, ProviderState } from './state.js';
import { SWEEP_INTERVAL_MS } from './store.js';

export type { ProviderOptions, ConsumerRegistration, DialectName, ProviderExchange } from './options.js';
export { DIALECTS } from './options.js';
export type { ProviderState } from './state.js';
export { PROBLEM_CODES } from './problems.js';

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
  const config = resolveConfig(options);
  const settings = resolveSettings(options);
  // Read late, as context.now() does: the skew may change while running. (The context cannot be
  // asked itself: it needs the store, and loading the state file already reads the clock.)
  const { store, persister } = openStore(options, config, () => serverTime(config, settings));
  const context = new ProviderContext(store, config, settings);
  const { server, cancelPending } = createProviderServer(context, resolveLimits(options), options.onExchange);
  const host = options.host ?? DEFAULTS.host;
  const port = await listen(server, host, options.port);
  const url = `http://${urlHost(host)}:${port}`;
  settings.realm ||= url;

  // A quiet provider forgets too; a sweep that forgets something saves the state file. unref: never keeps the process alive.
  const sweeper = setInterval(() => store.sweep(context.now()), SWEEP_INTERVAL_MS).unref();

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
        clearInterval(sweeper);
        cancelPending();
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => {
        persister?.flush();
      });
      return closed;
    },
  };
}
