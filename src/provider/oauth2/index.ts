// `serve --oauth2`'s provider: an OAuth 2.0 + OpenID Connect authorization
// server on loopback, built on oidc-provider, with live fault switches.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { usageError } from '../../errors.js';
import { Storage } from './adapter.js';
import { installClock, realTime } from './clock.js';
import { DEMO_ACCOUNT, engineConfiguration } from './config.js';
import { installDialects } from './dialects/index.js';
import { loadEngine, type OidcProvider } from './engine.js';
import { GroundTruthLog, recordGroundTruth } from './ground-truth.js';
import { installHooks } from './hooks.js';
import { makeSigningKeys } from './keys.js';
import { initialSettings, type OAuth2ClientRegistration, type OAuth2ProviderOptions, type OAuth2Settings } from './options.js';
import { ROUTES } from './routes.js';
import { requestListener } from './server.js';

export type { OAuth2ProviderOptions, OAuth2Settings } from './options.js';

interface OAuth2Endpoints {
  readonly issuer: string;
  readonly discovery: string;
  readonly authorizationServerMetadata: string;
  readonly authorization: string;
  readonly token: string;
  readonly userinfo: string;
  readonly jwks: string;
  readonly revocation: string;
  readonly introspection: string;
  readonly deviceAuthorization: string;
  readonly deviceVerification: string;
  readonly pushedAuthorizationRequest: string;
  readonly admin: string;
}

export interface RunningOAuth2Provider {
  readonly issuer: string;
  readonly endpoints: OAuth2Endpoints;
  readonly clients: readonly OAuth2ClientRegistration[];
  /** The one account a person signs in as on the login page (OpenID Connect Core §5.1 `sub`). */
  readonly account: string;
  /** What a client registered without redirect URIs gets. */
  readonly defaultRedirectUris: readonly string[];
  /** Live: changing a field applies to the next request. */
  readonly settings: OAuth2Settings;
  readonly engine: OidcProvider;
  /** What the engine really decided at each refusal (its error events' error_detail), newest last. */
  readonly groundTruth: GroundTruthLog;
  /** Removes everything issued under a grant (what POST /admin/revoke-grant does); the count removed. */
  revokeGrant(grantId: string): number;
  close(): Promise<void>;
}

/** The redirect URIs a client gets when none are given: loopback, any port (RFC 8252 §7.3). */
const DEFAULT_REDIRECT_URIS = ['http://127.0.0.1/callback', 'http://localhost/callback', 'http://[::1]/callback'] as const;

/** A demo client, made when none is given: confidential, its secret printed in full so it can be used. */
function generatedClient(): OAuth2ClientRegistration {
  return { clientId: `demo-${randomBytes(4).toString('hex')}`, secret: randomBytes(24).toString('base64url'), generated: true };
}

function endpointsOf(issuer: string): OAuth2Endpoints {
  const at = (path: string) => `${issuer}${path}`;
  return {
    issuer,
    discovery: at(ROUTES.openidConfiguration),
    authorizationServerMetadata: at(ROUTES.oauthAuthorizationServer),
    authorization: at(ROUTES.authorization),
    token: at(ROUTES.token),
    userinfo: at(ROUTES.userinfo),
    jwks: at(ROUTES.jwks),
    revocation: at(ROUTES.revocation),
    introspection: at(ROUTES.introspection),
    deviceAuthorization: at(ROUTES.deviceAuthorization),
    deviceVerification: at(ROUTES.deviceVerification),
    pushedAuthorizationRequest: at(ROUTES.pushedAuthorizationRequest),
    admin: at('/admin'),
  };
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** A client the engine will not register (oidc-provider's InvalidClientMetadata, RFC 7591 §3.2.2) is a usage error naming its reason. */
function engineRefusal(error: unknown): unknown {
  const { name, error_description: description } = (error ?? {}) as { name?: unknown; error_description?: unknown };
  if (name !== 'InvalidClientMetadata' || typeof description !== 'string') return error;
  return usageError('invalid-client', `serve --oauth2: the engine refuses a client: ${description}`, 'check --client, --public-client, --client-jwks and --redirect-uri');
}

export async function startOAuth2Provider(options: OAuth2ProviderOptions = {}): Promise<RunningOAuth2Provider> {
  const host = options.host ?? '127.0.0.1';
  const settings = initialSettings(options.settings);
  const clients = options.clients && options.clients.length > 0 ? options.clients : [generatedClient()];
  const defaultRedirectUris = options.redirectUris && options.redirectUris.length > 0 ? options.redirectUris : DEFAULT_REDIRECT_URIS;
  const [{ default: Provider, errors: { SlowDown } }, keys] = await Promise.all([loadEngine(), makeSigningKeys()]);
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, maxHeaderSize: 16 * 1024 });
  // Idle keep-alive sockets stay open a minute: a client's pool (undici closes its own after 4 s by its clock) never
  // sends into one the server has just closed, which a loaded machine otherwise shows as a reset (Node's default is 5 s).
  server.keepAliveTimeout = 60_000;
  // Bound first: the issuer names the port the socket really has (RFC 8414 §2: issuer is the base of every endpoint).
  const address = await listen(server, host, options.port ?? 0);
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const issuer = `http://${hostPart}:${address.port}`;
  const storage = new Storage(realTime);
  const groundTruth = new GroundTruthLog(realTime);
  // RFC 8628 §3.3: a wrong, expired or used user code, or the person's Abort, re-renders the code page without an engine event.
  const devicePageRefused = (detail: string, errorName: string) =>
    groundTruth.add({ event: 'code_verification.error', step: 'device-verification', detail, ...(errorName === 'AbortedError' ? { error: 'access_denied' } : {}) });
  const configuration = engineConfiguration({ settings, clients, defaultRedirects: defaultRedirectUris, storage, keys, devicePageRefused });
  let engine: OidcProvider;
  try {
    engine = new Provider(issuer, configuration);
  } catch (error) {
    // Bound already: a refusal must not leave the socket open (the process would never exit).
    server.close();
    throw engineRefusal(error);
  }
  // The engine refuses; the dialect layer rewrites its answers on the way out (--dialect, live).
  installDialects(engine, settings);
  recordGroundTruth(engine, groundTruth);
  // Inside the dialect layer: a slow_down made here is rewritten in the dialect too.
  installHooks(engine, settings, realTime, configuration.clients ?? [], SlowDown);
  const removeClock = installClock();
  const pending = new Set<NodeJS.Timeout>();
  server.on('request', requestListener({ provider: engine, settings, storage, pending, groundTruth }));
  return {
    issuer,
    endpoints: endpointsOf(issuer),
    clients,
    account: DEMO_ACCOUNT.sub,
    defaultRedirectUris,
    settings,
    engine,
    groundTruth,
    revokeGrant: (grantId) => storage.revokeGrant(grantId),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        removeClock();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
