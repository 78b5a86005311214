import { usageError } from '../errors.js';
import type { SupportedAuthMethod } from '../oauth2/client-auth.js';
import type { OAuth2Endpoints } from '../oauth2/types.js';

/** A value an OAuth 2.0 preset needs filled from a flag: `--tenant`, `--domain`, `--base-url`, `--realm`. */
export type OAuth2PresetVariable = 'tenant' | 'domain' | 'base' | 'realm';

/** One fact of a preset and where it was read (STYLE habit 3: knowledge is data, with its source). */
interface PresetFact {
  readonly fact: string;
  readonly source: string;
}

/**
 * An OAuth 2.0 / OpenID Connect provider as data (issue 18 item 5): where its
 * metadata is (an issuer to discover) or, when it publishes none, its
 * endpoints; what it is known to accept and refuse; what it does that the
 * RFCs do not say. Templates hold `{tenant}`, `{domain}`, `{base}` or
 * `{realm}`, filled from the flag of that name. Every fact here was read in
 * the source named beside it; a fact that could not be checked is left out
 * (discovery then tells what the metadata says).
 */
export interface OAuth2Preset {
  readonly name: string;
  readonly aliases?: readonly string[] | undefined;
  readonly title: string;
  /** Discovery from here (RFC 8414, OpenID Connect Discovery). */
  readonly issuer?: string | undefined;
  /** Endpoints given instead of (or over) discovery: GitHub and X publish no metadata. */
  readonly endpoints?: OAuth2Endpoints | undefined;
  /** Variables the templates need, in the order their flags are named. */
  readonly variables?: readonly OAuth2PresetVariable[] | undefined;
  /** Defaults for a variable (`--tenant common`). */
  readonly defaults?: Partial<Record<OAuth2PresetVariable, string>> | undefined;
  /** Client authentication methods the provider takes at its token endpoint, when documented. */
  readonly clientAuthMethods?: readonly SupportedAuthMethod[] | undefined;
  /** PKCE: `required` (the authorization request is refused without it), `supported`, or `per-client` (a setting of the app). */
  readonly pkce?: 'required' | 'supported' | 'per-client' | undefined;
  /** Challenge methods accepted, when documented (GitHub: S256 only). */
  readonly pkceMethods?: readonly ('S256' | 'plain')[] | undefined;
  /** The authorization code's documented lifetime, seconds (for the code's age in the diagnosis). */
  readonly codeLifetimeSec?: number | undefined;
  /** A scope that makes sense when none is given. */
  readonly defaultScope?: string | undefined;
  /** Errors of the token endpoint may come with status 200 (GitHub, Slack): read the body whatever the status. */
  readonly errorsWith200?: boolean | undefined;
  /**
   * The metadata's `issuer` is a template the ID token fills (Entra ID's
   * multi-tenant endpoints publish `https://login.microsoftonline.com/{tenantid}/v2.0`):
   * discovery accepts it, and the ID token's `iss` is checked against it with
   * `{tenantid}` from the token's own `tid` claim.
   */
  readonly issuerTemplate?: string | undefined;
  /** A tenant whose metadata names another tenant's issuer (Entra ID's consumers: the consumer tenant's id): tenant → that id. */
  readonly tenantIssuers?: Readonly<Record<string, string>> | undefined;
  /** The client secret is a JWT the developer signs (Sign in with Apple): checked before it is sent. */
  readonly clientSecretJwt?: { readonly alg: string; readonly aud: string; readonly maxLifetimeSec: number } | undefined;
  /** Short facts worth showing before the run starts. */
  readonly notes: readonly string[];
  /** Every fact above and in the notes, with where it was read. */
  readonly sources: readonly PresetFact[];
}

const GOOGLE_OIDC = 'https://developers.google.com/identity/openid-connect/openid-connect#discovery';
const GOOGLE_NATIVE = 'https://developers.google.com/identity/protocols/oauth2/native-app';
const GOOGLE_DEVICE = 'https://developers.google.com/identity/protocols/oauth2/limited-input-device';
const ENTRA_OIDC = 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc';
const ENTRA_COMMON_ISSUER = 'https://github.com/MicrosoftDocs/azure-docs/issues/113944';
const ENTRA_CONSUMERS_ISSUER = 'https://github.com/openiddict/openiddict-core/issues/1764';
const GITHUB_AUTHORIZE = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps';
const GITHUB_TOKEN_ERRORS = 'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors';
const GITHUB_PKCE = 'https://github.blog/changelog/2025-07-14-pkce-support-for-oauth-and-github-app-authentication';
const X_USER_TOKEN = 'https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token';
const X_AUTH_CODE = 'https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code';
const AUTH0_ISSUER_SLASH = 'https://github.com/coreos/go-oidc/issues/66';
const OKTA_AUTH_SERVERS = 'https://developer.okta.com/docs/concepts/auth-servers';
const KEYCLOAK_ENDPOINTS = 'https://www.keycloak.org/securing-apps/oidc-layers';
const KEYCLOAK_QUARKUS = 'https://www.keycloak.org/migration/migrating-to-quarkus';
const KEYCLOAK_TIMEOUTS = 'https://www.keycloak.org/docs/latest/server_admin/#_timeouts';
const SLACK_SIWS = 'https://api.slack.com/authentication/sign-in-with-slack';
const APPLE_TOKENS = 'https://developer.apple.com/documentation/sign_in_with_apple/generate_and_validate_tokens';
const SALESFORCE_DISCOVERY = 'https://login.salesforce.com/.well-known/openid-configuration';
const SALESFORCE_PKCE = 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_pkce.htm&type=5';

const SIX_MONTHS_SEC = 15_777_000;

/** The OAuth 2.0 presets (issue 18 item 5); `--provider NAME` picks one, the OAuth 1.0a ones are in presets.ts. */
export const OAUTH2_PRESETS: readonly OAuth2Preset[] = [
  {
    name: 'google',
    title: 'Google (OpenID Connect)',
    issuer: 'https://accounts.google.com',
    defaultScope: 'openid email',
    pkce: 'supported',
    pkceMethods: ['S256', 'plain'],
    notes: [
      'a desktop app client uses a loopback redirect on any port (http://127.0.0.1:PORT); its client secret is not confidential but is still sent',
      'a refresh token comes only with access_type=offline on the authorization request',
      'the device grant (--grant device) takes a TV and Limited Input client and a short list of scopes',
    ],
    sources: [
      { fact: 'issuer https://accounts.google.com and its discovery document', source: GOOGLE_OIDC },
      { fact: 'installed apps: loopback redirect, PKCE (S256 or plain), a client secret that is not confidential', source: GOOGLE_NATIVE },
      { fact: 'access_type=offline (and prompt=consent for a second one) for a refresh token', source: 'https://github.com/googleworkspace/apps-script-oauth2/pull/210' },
      { fact: 'device grant: its own client type and allowed scopes', source: GOOGLE_DEVICE },
    ],
  },
  {
    name: 'microsoft',
    aliases: ['entra', 'azure'],
    title: 'Microsoft identity platform (Entra ID, v2.0 endpoints)',
    issuer: 'https://login.microsoftonline.com/{tenant}/v2.0',
    variables: ['tenant'],
    defaults: { tenant: 'common' },
    issuerTemplate: 'https://login.microsoftonline.com/{tenantid}/v2.0',
    tenantIssuers: { consumers: '9188040d-6c67-4c5b-b112-36a304b66dad' },
    defaultScope: 'openid profile offline_access',
    pkce: 'supported',
    notes: [
      '--tenant is a tenant ID or domain, or common, organizations or consumers (default common)',
      'common and organizations publish the issuer https://login.microsoftonline.com/{tenantid}/v2.0: the ID token\'s iss is that with its own tid claim; consumers publishes the consumer tenant\'s issuer (9188040d-…)',
      'a refresh token comes with the offline_access scope',
    ],
    sources: [
      { fact: 'tenant-scoped authority https://login.microsoftonline.com/{tenant}/v2.0 with common, organizations, consumers', source: ENTRA_OIDC },
      { fact: 'the common and organizations metadata name the issuer with a literal {tenantid}', source: ENTRA_COMMON_ISSUER },
      { fact: 'consumers answers with the issuer of the consumer tenant 9188040d-6c67-4c5b-b112-36a304b66dad', source: ENTRA_CONSUMERS_ISSUER },
      { fact: 'offline_access for a refresh token', source: ENTRA_OIDC },
    ],
  },
  {
    name: 'github',
    title: 'GitHub OAuth app (no discovery: the endpoints are given)',
    endpoints: {
      authorization: 'https://github.com/login/oauth/authorize',
      token: 'https://github.com/login/oauth/access_token',
      deviceAuthorization: 'https://github.com/login/device/code',
    },
    clientAuthMethods: ['client_secret_post'],
    pkce: 'supported',
    pkceMethods: ['S256'],
    errorsWith200: true,
    defaultScope: 'read:user',
    notes: [
      'the token endpoint answers errors (bad_verification_code, incorrect_client_credentials, redirect_uri_mismatch) with status 200, as a form or as JSON by the Accept header (oauth-doctor asks for JSON)',
      'PKCE is accepted with S256 only, and not required',
      'no OpenID Connect: no ID token, no userinfo endpoint (call https://api.github.com/user with request --bearer)',
    ],
    sources: [
      { fact: 'authorize, access_token and device code endpoints; client_id and client_secret in the POST body', source: GITHUB_AUTHORIZE },
      { fact: 'token errors shaped by the Accept header, with status 200', source: GITHUB_TOKEN_ERRORS },
      { fact: 'PKCE: S256 only, not required', source: GITHUB_PKCE },
    ],
  },
  {
    name: 'x-oauth2',
    aliases: ['twitter-oauth2'],
    title: 'X API v2 (OAuth 2.0 Authorization Code with PKCE)',
    endpoints: {
      authorization: 'https://x.com/i/oauth2/authorize',
      token: 'https://api.x.com/2/oauth2/token',
      revocation: 'https://api.x.com/2/oauth2/revoke',
    },
    clientAuthMethods: ['client_secret_basic', 'none'],
    pkce: 'required',
    pkceMethods: ['S256', 'plain'],
    codeLifetimeSec: 30,
    defaultScope: 'tweet.read users.read offline.access',
    notes: [
      'PKCE is required; the code lives 30 seconds: exchange it at once',
      'a confidential client authenticates with HTTP Basic; a public one sends only client_id',
      'access tokens live two hours; a refresh token comes with the offline.access scope',
      'OAuth 2.0 is for the v2 API only; v1.1 keeps OAuth 1.0a (--provider x)',
    ],
    sources: [
      { fact: 'authorize and token endpoints, PKCE code_challenge, Basic for confidential clients, 30-second code', source: X_USER_TOKEN },
      { fact: 'two-hour access tokens, offline.access for a refresh token, OAuth 2.0 for v2 only', source: X_AUTH_CODE },
    ],
  },
  {
    name: 'auth0',
    title: 'Auth0',
    issuer: 'https://{domain}/',
    variables: ['domain'],
    defaultScope: 'openid profile email',
    notes: [
      '--domain is your tenant\'s domain (e.g. example.eu.auth0.com, or a custom domain)',
      'the issuer ends in a slash (https://DOMAIN/): the ID token\'s iss must match it exactly',
      'an access token for your API needs its audience (--authorize-param audience=API, or --token-param for client credentials); without it the token is opaque, for /userinfo only',
    ],
    sources: [
      { fact: 'the issuer has a trailing slash', source: AUTH0_ISSUER_SLASH },
      { fact: 'audience names the API an access token is for; without it the token is opaque, for /userinfo only', source: 'https://support.auth0.com/center/s/article/value-of-the-audience-attribute-in-access-token-requests-and-its-significance' },
    ],
  },
  {
    name: 'okta',
    title: 'Okta (the default custom authorization server)',
    issuer: 'https://{domain}/oauth2/default',
    variables: ['domain'],
    defaultScope: 'openid profile',
    notes: [
      '--domain is your Okta domain (e.g. dev-123456.okta.com)',
      'the default custom authorization server\'s issuer is https://DOMAIN/oauth2/default; the org authorization server\'s is https://DOMAIN (pass --issuer for that one)',
    ],
    sources: [{ fact: 'org and custom authorization servers, and their issuers', source: OKTA_AUTH_SERVERS }],
  },
  {
    name: 'keycloak',
    title: 'Keycloak',
    issuer: '{base}/realms/{realm}',
    variables: ['base', 'realm'],
    codeLifetimeSec: 60,
    defaultScope: 'openid',
    notes: [
      '--base-url is your server (e.g. https://sso.example.com), --realm the realm name',
      'Keycloak before 17 served under /auth: --base-url https://sso.example.com/auth',
      'codes live 60 s by default (the realm\'s client login timeout); refresh tokens are reused unless "Revoke Refresh Token" is on',
    ],
    sources: [
      { fact: 'issuer and discovery at /realms/{realm-name}', source: KEYCLOAK_ENDPOINTS },
      { fact: 'the /auth prefix removed in the Quarkus distribution (17)', source: KEYCLOAK_QUARKUS },
      { fact: 'client login timeout (accessCodeLifespan 60 s by default), Revoke Refresh Token off by default', source: KEYCLOAK_TIMEOUTS },
    ],
  },
  {
    name: 'slack',
    title: 'Sign in with Slack (OpenID Connect)',
    issuer: 'https://slack.com',
    errorsWith200: true,
    defaultScope: 'openid profile email',
    notes: [
      'Sign in with Slack takes the scopes openid, email and profile; app installation (oauth.v2.access) is another flow',
      'Web API methods answer errors with status 200 and {"ok": false, "error": …}',
    ],
    sources: [
      { fact: 'OpenID Connect: /openid/connect/authorize, openid.connect.token, scopes openid email profile', source: SLACK_SIWS },
      { fact: 'errors as ok: false with status 200', source: 'https://api.slack.com/web#errors' },
    ],
  },
  {
    name: 'apple',
    title: 'Sign in with Apple',
    issuer: 'https://appleid.apple.com',
    clientSecretJwt: { alg: 'ES256', aud: 'https://appleid.apple.com', maxLifetimeSec: SIX_MONTHS_SEC },
    clientAuthMethods: ['client_secret_post'],
    defaultScope: 'openid',
    notes: [
      'the client secret is a JWT you sign: ES256 with your key\'s kid, iss your Team ID, sub the client_id (Services ID), aud https://appleid.apple.com, exp at most 6 months after iat; give it as OAUTH2_CLIENT_SECRET',
    ],
    sources: [
      { fact: 'client_secret as an ES256 JWT: kid, iss (Team ID), iat, exp (≤ 6 months), aud, sub (client_id)', source: APPLE_TOKENS },
      { fact: 'token_endpoint_auth_methods_supported: client_secret_post only', source: 'https://appleid.apple.com/.well-known/openid-configuration' },
    ],
  },
  {
    name: 'salesforce',
    title: 'Salesforce (login.salesforce.com; a sandbox or My Domain: --issuer)',
    issuer: 'https://login.salesforce.com',
    pkce: 'per-client',
    defaultScope: 'openid api refresh_token',
    notes: [
      'sandboxes use https://test.salesforce.com and a My Domain its own host: pass --issuer for those',
      'PKCE can be required by the connected app or the whole org: oauth-doctor sends it by default',
    ],
    sources: [
      { fact: 'issuer and endpoints (authorize, token, revoke, introspect, userinfo) in the discovery document', source: SALESFORCE_DISCOVERY },
      { fact: 'PKCE required per connected app or org-wide', source: SALESFORCE_PKCE },
    ],
  },
];

export function findOAuth2Preset(name: string): OAuth2Preset | undefined {
  const wanted = name.toLowerCase();
  return OAUTH2_PRESETS.find((p) => p.name === wanted || p.aliases?.includes(wanted));
}

/** The flag that fills each variable. */
export const OAUTH2_VARIABLE_FLAGS: Readonly<Record<OAuth2PresetVariable, string>> = { tenant: '--tenant', domain: '--domain', base: '--base-url', realm: '--realm' };

const EXAMPLES: Readonly<Record<OAuth2PresetVariable, string>> = { tenant: 'contoso.onmicrosoft.com', domain: 'example.eu.auth0.com', base: 'https://sso.example.com', realm: 'myrealm' };

/** A preset's issuer and endpoints with its variables filled; a variable with no value and no default is a usage error naming its flag. */
export function instantiateOAuth2Preset(preset: OAuth2Preset, given: Partial<Record<OAuth2PresetVariable, string | undefined>>): { issuer?: string | undefined; endpoints: OAuth2Endpoints } {
  const fill = (template: string): string =>
    template.replace(/\{(tenant|domain|base|realm)\}/g, (_m, name: OAuth2PresetVariable) => {
      const value = given[name] ?? preset.defaults?.[name];
      const flag = OAUTH2_VARIABLE_FLAGS[name];
      if (value === undefined || value === '') throw usageError('missing-preset-variable', `the ${preset.name} preset needs ${flag}`, `e.g. --provider ${preset.name} ${flag} ${EXAMPLES[name]}`);
      if (name === 'base') return value.replace(/\/+$/, '');
      // A domain is a host name, not a URL: https://… given there is told so at once.
      if (name === 'domain' && /[/:]/.test(value)) throw usageError('invalid-flag-value', `${flag} "${value}" is not a host name`, `e.g. ${flag} ${EXAMPLES.domain} (no https://, no path)`);
      return encodeURIComponent(value);
    });
  const endpoints = Object.fromEntries(Object.entries(preset.endpoints ?? {}).map(([key, value]) => [key, typeof value === 'string' ? fill(value) : value])) as OAuth2Endpoints;
  return { issuer: preset.issuer === undefined ? undefined : fill(preset.issuer), endpoints };
}
