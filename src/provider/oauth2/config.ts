// The engine's configuration, built from the live settings: every fault switch
// is read by a function at the moment the engine asks (ttl.*, rotation, PKCE),
// so changing a setting through the admin endpoint applies to the next request.
import { randomBytes } from 'node:crypto';
import type { ClientMetadata } from 'oidc-provider';
import type { OidcConfiguration } from './engine.js';
import { OAUTH2_DEFAULTS, type OAuth2ClientRegistration, type OAuth2Settings } from './options.js';
import { deviceConfirmSource, deviceInputSource, deviceSuccessSource, errorPage, type DevicePageRefusal } from './pages.js';
import type { Storage } from './adapter.js';
import { INTERACTION_PATH, ROUTES } from './routes.js';
import type { SigningKeys } from './keys.js';

/** The one person who signs in at this provider (OpenID Connect Core §5.1 standard claims). */
export const DEMO_ACCOUNT = { sub: 'alice', name: 'Alice Example', email: 'alice@example.test', email_verified: true } as const;

/** How far a client assertion's times, or a token's expiry, may be off before it counts (oidc-provider's clockTolerance). */
const CLOCK_TOLERANCE_SEC = 5;

const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt', 'none'] as const;

/** A client's metadata for the engine (RFC 7591 §2 names). Loopback clients are `native` (RFC 8252 §7.3). */
function clientMetadata(client: OAuth2ClientRegistration, defaultRedirects: readonly string[]): ClientMetadata {
  const redirectUris = [...(client.redirectUris ?? defaultRedirects)];
  const grantTypes = ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'];
  if (client.secret !== undefined || client.privateKeyJwtOnly) grantTypes.push('client_credentials');
  return {
    client_id: client.clientId,
    ...(client.secret !== undefined
      ? { client_secret: client.secret, token_endpoint_auth_method: 'client_secret_basic' }
      : { token_endpoint_auth_method: client.privateKeyJwtOnly ? 'private_key_jwt' : 'none' }),
    ...(client.jwks ? { jwks: { keys: [...client.jwks.keys] } as ClientMetadata['jwks'] } : {}),
    application_type: 'native',
    redirect_uris: redirectUris,
    grant_types: grantTypes,
    response_types: ['code'],
    scope: 'openid profile email offline_access api:read api:write',
  };
}

interface ConfigParts {
  readonly settings: OAuth2Settings;
  readonly clients: readonly OAuth2ClientRegistration[];
  readonly defaultRedirects: readonly string[];
  readonly storage: Storage;
  readonly keys: SigningKeys;
  /** Hears why the device code page was shown again (the engine emits no event for it). */
  readonly devicePageRefused?: DevicePageRefusal;
}

export function engineConfiguration({ settings, clients, defaultRedirects, storage, keys, devicePageRefused }: ConfigParts): OidcConfiguration {
  return {
    adapter: storage.adapter(),
    routes: {
      authorization: ROUTES.authorization,
      token: ROUTES.token,
      userinfo: ROUTES.userinfo,
      jwks: ROUTES.jwks,
      revocation: ROUTES.revocation,
      introspection: ROUTES.introspection,
      device_authorization: ROUTES.deviceAuthorization,
      code_verification: ROUTES.deviceVerification,
      pushed_authorization_request: ROUTES.pushedAuthorizationRequest,
    },
    clients: clients.map((c) => clientMetadata(c, defaultRedirects)),
    jwks: { keys: keys.keys as never },
    // Signed cookies for the interaction: keys made at every start, as the signing keys.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: (_ctx, sub) => (sub === DEMO_ACCOUNT.sub ? { accountId: sub, claims: () => ({ ...DEMO_ACCOUNT }) } : undefined),
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'profile', 'email', 'offline_access', 'api:read', 'api:write'],
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}${interaction.uid}` },
    clientAuthMethods: [...CLIENT_AUTH_METHODS],
    // A code for a person; refresh tokens for every code grant (not only offline_access), as most providers give them.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => settings.rotateRefreshToken,
    // RFC 7636; the engine requires it of public clients whatever this says (OAuth 2.0 Security BCP §2.1.1).
    pkce: { methods: ['S256'], required: (_ctx, client) => settings.pkceRequired || client.clientAuthMethod === 'none' },
    // Seconds a time claim or an opaque token's expiry may be off (the engine's default is 15).
    clockTolerance: CLOCK_TOLERANCE_SEC,
    // The code flow only (OAuth 2.0 Security BCP §2.1.2: no implicit grant).
    responseTypes: ['code'],
    ttl: {
      AuthorizationCode: () => settings.codeTtlSec,
      AccessToken: () => settings.accessTokenTtlSec,
      ClientCredentials: () => settings.accessTokenTtlSec,
      RefreshToken: () => settings.refreshTokenTtlSec,
      IdToken: () => settings.accessTokenTtlSec,
      DeviceCode: () => OAUTH2_DEFAULTS.deviceCodeTtlSec,
      Interaction: () => 3600,
      Session: () => 14 * 24 * 3600,
      Grant: () => 14 * 24 * 3600,
    },
    // RFC 9207: iss in the authorization response, so a client can check it.
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: () => true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false },
      deviceFlow: { enabled: true, userCodeInputSource: deviceInputSource(devicePageRefused), userCodeConfirmSource: deviceConfirmSource, successSource: deviceSuccessSource },
      rpInitiatedLogout: { enabled: false },
      // Resource-less access tokens are opaque; client credentials get one for the provider itself.
      resourceIndicators: { enabled: false },
    },
    // CORS for a browser client on loopback (a single-page app under test); nothing else calls us cross-origin.
    clientBasedCORS: (_ctx, origin) => /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(origin),
    renderError: errorPage,
    conformIdTokenClaims: false,
  };
}
