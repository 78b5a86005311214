import { isInteractive, type Environment } from '../../cli/environment.js';
import { redirectUriKind, shownRedirectUri } from '../../oauth2/redirect-uri.js';
import { usageError } from '../../errors.js';
import { findOAuth2Preset, instantiateOAuth2Preset, isHttpUrl, OAUTH2_PRESETS, OAUTH2_VARIABLE_FLAGS, type OAuth2Preset, type OAuth2PresetVariable } from '../../presets/index.js';
import { readPrivateKeyFile } from '../../keys/private-key-file.js';
import { readOAuth2Profile, type OAuth2Profile } from '../../presets/oauth2-profile.js';
import type { AssertionAudience, SupportedAuthMethod } from '../../oauth2/client-auth.js';
import type { OAuth2Endpoints } from '../../oauth2/types.js';
import { AFTER_STEPS, type AfterStep, type OAuth2Callback, type OAuth2FlowConfig, type OAuth2Grant, type Rehearsal } from '../../flow/oauth2/types.js';
import type { AuthorizeMode } from '../../flow/types.js';
import type { FlowOptions } from './options.js';
import { parsePositiveInt } from './config.js';

const GRANTS: readonly OAuth2Grant[] = ['code', 'device', 'client-credentials', 'refresh'];
const AUTH: Record<string, SupportedAuthMethod> = {
  basic: 'client_secret_basic',
  post: 'client_secret_post',
  none: 'none',
  'private-key-jwt': 'private_key_jwt',
  'client-secret-jwt': 'client_secret_jwt',
};

function url(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isHttpUrl(value)) throw usageError('invalid-url', `${flag} "${value}" is not an absolute http(s) URL`, `e.g. ${flag} https://as.example.com/…`);
  return value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError('invalid-flag-value', `${flag} "${value}" is not ${allowed.join(', ')}`, `e.g. ${flag} ${allowed[0] ?? ''}`);
}

/** The OAuth 1.0a flags an OAuth 2.0 run refuses, rather than ignoring them silently. */
const OAUTH1_ONLY = ['requestTokenUrl', 'accessTokenUrl', 'consumerKey', 'consumerSecret', 'signatureMethod', 'verifier', 'realm', 'oauthParams', 'requestTokenMethod', 'accessTokenMethod', 'probe', 'provider', 'account'] as const;

/** `NAME=VALUE` of --authorize-param / --token-param. */
function pairsOf(values: readonly string[] | undefined, flag: string): [string, string][] {
  return (values ?? []).map((value) => {
    const at = value.indexOf('=');
    if (at < 1) throw usageError('invalid-flag-value', `${flag} "${value}" is not NAME=VALUE`, `e.g. ${flag} prompt=consent`);
    return [value.slice(0, at), value.slice(at + 1)];
  });
}

/** --provider NAME for an OAuth 2.0 preset; an OAuth 1.0a preset's name here is told apart. */
function oauth2Preset(options: FlowOptions): OAuth2Preset | undefined {
  if (options.provider === undefined) return undefined;
  const preset = findOAuth2Preset(options.provider);
  if (preset === undefined) throw usageError('unknown-provider', `--provider "${options.provider}" is not an OAuth 2.0 preset`, `use one of ${OAUTH2_PRESETS.map((p) => p.name).join(', ')}, or --issuer URL; OAuth 1.0a presets take no --client-id or --issuer`);
  return preset;
}

/** The flags that fill the preset's templates; one that it does not take is refused rather than ignored. */
function presetVariables(options: FlowOptions, preset: OAuth2Preset | undefined): Partial<Record<OAuth2PresetVariable, string | undefined>> {
  const given: Record<OAuth2PresetVariable, string | undefined> = { tenant: options.tenant, domain: options.domain, base: options.baseUrl, realm: options.realm };
  for (const name of Object.keys(given) as OAuth2PresetVariable[]) {
    if (given[name] !== undefined && !(preset?.variables ?? []).includes(name)) {
      const flag = OAUTH2_VARIABLE_FLAGS[name];
      throw usageError('flag-without-preset', `${flag} only applies to a preset that takes it${preset ? ` (${preset.name} does not)` : ''}`, `drop ${flag}, or use --provider ${OAUTH2_PRESETS.filter((p) => p.variables?.includes(name)).map((p) => p.name).join(' or ')}`);
    }
  }
  return given;
}

/** Flags, then environment (OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET, OAUTH2_REFRESH_TOKEN): the whole configuration checked before anything is sent. */
export async function resolveOAuth2Config(given: FlowOptions, env: Environment): Promise<OAuth2FlowConfig> {
  const fromEnv = (name: string) => env.env[name] || undefined;
  // --provider FILE: an OAuth 2.0 profile stands for flags; the command's own flags win, one by one.
  const profile: OAuth2Profile | undefined = given.provider !== undefined && findOAuth2Preset(given.provider) === undefined ? readOAuth2Profile(given.provider, env.cwd, env.env) : undefined;
  const options: FlowOptions = profile ? { ...given, ...definedOnly(profile.flags), ...definedOnly(given) } : given;
  const preset = profile?.preset ?? oauth2Preset(options);
  const variables = presetVariables(options, preset);
  const fromPreset = preset ? instantiateOAuth2Preset(preset, variables) : undefined;
  const mixed = OAUTH1_ONLY.filter((k) => options[k] !== undefined && !(preset && (k === 'provider' || (k === 'realm' && preset.variables?.includes('realm'))))).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  if (mixed.length > 0) throw usageError('oauth1-flag-in-oauth2-run', `${mixed.join(', ')} ${mixed.length === 1 ? 'is an' : 'are'} OAuth 1.0a flag${mixed.length === 1 ? '' : 's'}, and this is an OAuth 2.0 run (--issuer, --client-id or --grant)`, 'drop them, or drop the OAuth 2.0 flags for an OAuth 1.0a flow');
  const grant = oneOf(options.grant, GRANTS, '--grant', 'code');
  // Flags win over the preset, endpoint by endpoint.
  const issuer = url(options.issuer, '--issuer') ?? (fromPreset?.issuer === undefined ? undefined : url(fromPreset.issuer, preset?.variables?.includes('base') ? '--base-url' : '--issuer'));
  const presetEndpoints = fromPreset?.endpoints ?? {};
  const endpoints: OAuth2Endpoints = {
    authorization: url(options.authorizationEndpoint, '--authorization-endpoint') ?? presetEndpoints.authorization,
    token: url(options.tokenEndpoint, '--token-endpoint') ?? presetEndpoints.token,
    deviceAuthorization: url(options.deviceAuthorizationEndpoint, '--device-authorization-endpoint') ?? presetEndpoints.deviceAuthorization,
    par: url(options.parEndpoint, '--par-endpoint') ?? presetEndpoints.par,
    revocation: url(options.revocationEndpoint, '--revocation-endpoint') ?? presetEndpoints.revocation,
    introspection: url(options.introspectionEndpoint, '--introspection-endpoint') ?? presetEndpoints.introspection,
    userinfo: url(options.userinfoEndpoint, '--userinfo-endpoint') ?? presetEndpoints.userinfo,
    jwks: url(options.jwksUri, '--jwks-uri') ?? presetEndpoints.jwks,
  };
  if (issuer === undefined && endpoints.token === undefined) throw usageError('missing-issuer', 'no authorization server: pass --issuer URL (discovery), or --token-endpoint URL and the other endpoints the grant needs', 'e.g. oauth-doctor flow --issuer https://accounts.google.com --client-id ID');
  const clientId = options.clientId ?? fromEnv('OAUTH2_CLIENT_ID');
  if (clientId === undefined) throw usageError('missing-client-id', 'no client_id', 'pass --client-id ID or set OAUTH2_CLIENT_ID');
  const clientSecret = options.clientSecret ?? fromEnv('OAUTH2_CLIENT_SECRET') ?? profile?.clientSecret?.value;
  const keyFlag = options.privateKey ?? fromEnv('OAUTH2_PRIVATE_KEY_FILE');
  const privateKey = keyFlag === undefined ? undefined : (await readPrivateKeyFile(keyFlag, env, options.privateKey ? '--private-key' : 'OAUTH2_PRIVATE_KEY_FILE')).key;
  // The preset's documented method when it names one (GitHub: post), else basic with a secret (RFC 6749 §2.3.1's MUST), none without.
  const presetAuth = preset?.clientAuthMethods?.find((m) => m !== 'none' && m !== 'private_key_jwt');
  const defaultAuth = privateKey ? 'private-key-jwt' : clientSecret !== undefined ? (presetAuth === 'client_secret_post' ? 'post' : 'basic') : 'none';
  const clientAuth = AUTH[oneOf(options.clientAuth, Object.keys(AUTH), '--client-auth', defaultAuth)] ?? 'none';
  if ((clientAuth === 'client_secret_basic' || clientAuth === 'client_secret_post' || clientAuth === 'client_secret_jwt') && clientSecret === undefined) {
    throw usageError('missing-client-secret', `--client-auth ${options.clientAuth ?? 'basic'} needs the client secret`, 'set OAUTH2_CLIENT_SECRET (or pass --client-secret; flags show in ps), or --client-auth none for a public client');
  }
  if (clientAuth === 'private_key_jwt' && privateKey === undefined) throw usageError('missing-private-key', '--client-auth private-key-jwt needs a private key', 'pass --private-key FILE (PEM) or set OAUTH2_PRIVATE_KEY_FILE');
  const refreshToken = options.refreshToken ?? fromEnv('OAUTH2_REFRESH_TOKEN');
  if (grant === 'refresh' && refreshToken === undefined) throw usageError('missing-refresh-token', '--grant refresh needs a refresh token', 'set OAUTH2_REFRESH_TOKEN (or pass --refresh-token; flags show in ps)');
  const then = (options.then ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const step of then) if (!(AFTER_STEPS as readonly string[]).includes(step)) throw usageError('invalid-flag-value', `--then "${step}" is not ${AFTER_STEPS.join(', ')}`, 'e.g. --then userinfo,refresh,revoke');
  const authorize = oneOf<AuthorizeMode>(options.authorize, ['browser', 'print', 'http'], '--authorize', isInteractive(env) ? 'browser' : 'print');
  const callback = parseOAuth2Callback(options);
  const pkce = oneOf(options.pkce, ['S256', 'plain', 'off'] as const, '--pkce', 'S256');
  if (preset?.pkce === 'required' && pkce === 'off' && !options.exchangeTwice) throw usageError('pkce-required', `${preset.title} requires PKCE`, 'drop --pkce off (S256 is the default)');
  // The preset's documented challenge methods (GitHub: S256 only): a method the provider refuses is refused here, before a code is spent.
  if (preset?.pkceMethods !== undefined && pkce !== 'off' && !preset.pkceMethods.includes(pkce)) {
    throw usageError('pkce-method-refused', `${preset.title} takes PKCE with ${preset.pkceMethods.join(' or ')} only, not ${pkce}`, `drop --pkce ${pkce} (S256 is the default)${preset.pkce === 'required' ? '' : ', or --pkce off'}`);
  }
  if (grant === 'code') checkSomeoneCanApprove(options, env, callback);
  const rehearsal = rehearsalOf(options, grant, pkce);
  return {
    provider: preset?.name ?? 'custom',
    issuer,
    endpoints,
    client: { clientId, clientSecret, privateKey, keyId: options.keyId },
    clientAuth,
    clientAuthSource: options.clientAuth !== undefined ? 'flag' : presetAuth !== undefined ? 'preset' : 'default',
    assertionAudience: oneOf<AssertionAudience>(options.assertionAud, ['token-endpoint', 'issuer'], '--assertion-aud', 'token-endpoint'),
    assertionAlg: options.assertionAlg,
    grant,
    scope: options.scope ?? preset?.defaultScope,
    pkce,
    callback,
    authorize,
    refreshToken,
    then: then as AfterStep[],
    par: options.par === undefined ? 'auto' : oneOf(options.par === true ? 'always' : options.par, ['auto', 'always', 'never'] as const, '--par', 'auto'),
    codeLifetimeSec: options.codeLifetime === undefined ? preset?.codeLifetimeSec : parsePositiveInt(options.codeLifetime, '--code-lifetime', 86_400),
    authorizeParams: pairsOf(options.authorizeParam, '--authorize-param'),
    tokenParams: pairsOf(options.tokenParam, '--token-param'),
    rehearsal,
    preset,
    warnings: profile?.warnings,
    profile: profile ? given.provider : undefined,
    acceptedIssuers: tenantIssuer(preset, options.tenant ?? preset?.defaults?.tenant, issuer),
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The rehearsal flags (a failure reproduced on purpose): each belongs to the
 * code grant, and --code-verifier to a run that sends a challenge.
 */
function rehearsalOf(options: FlowOptions, grant: OAuth2Grant, pkce: 'S256' | 'plain' | 'off'): Rehearsal | undefined {
  const flags = [options.exchangeTwice ? '--exchange-twice' : undefined, options.tokenRedirectUri !== undefined ? '--token-redirect-uri' : undefined, options.codeVerifier !== undefined ? '--code-verifier' : undefined].filter((f): f is string => f !== undefined);
  if (flags.length === 0) return undefined;
  if (grant !== 'code') throw usageError('rehearsal-needs-code-grant', `${flags.join(', ')} rehearse${flags.length === 1 ? 's' : ''} a failure of the code exchange`, 'drop it, or use --grant code (the default)');
  if (options.codeVerifier !== undefined && pkce === 'off') throw usageError('rehearsal-needs-pkce', '--code-verifier replaces the PKCE verifier, and --pkce off sends none', 'drop --pkce off');
  // RFC 7636 §4.1: 43–128 of [A-Z a-z 0-9 - . _ ~]; another value is sent as given (a server then says invalid_request or invalid_grant).
  return { exchangeTwice: options.exchangeTwice === true, tokenRedirectUri: options.tokenRedirectUri, codeVerifier: options.codeVerifier };
}

function parseOAuth2Callback(options: FlowOptions): OAuth2Callback {
  const value = options.callback ?? 'loopback';
  const port = options.callbackPort === undefined ? undefined : parsePositiveInt(options.callbackPort, '--callback-port', 65535);
  const host = options.callbackHost;
  if (host !== undefined && host !== 'localhost' && host !== '127.0.0.1') throw usageError('invalid-callback-host', `--callback-host "${host}" is not localhost or 127.0.0.1`, 'use the host name registered as the redirect URI');
  if (value === 'loopback') return { kind: 'loopback', port, host };
  if (value === 'oob') throw usageError('oob-in-oauth2', 'OAuth 2.0 has no oob callback (it was removed, RFC 8252 §7)', 'use --callback loopback (default), a registered redirect URI, or --grant device for a device without a browser');
  if (port !== undefined || host !== undefined) throw usageError('callback-port-without-loopback', '--callback-port and --callback-host only apply to --callback loopback', 'drop them, or use --callback loopback');
  // RFC 6749 §3.1.2, RFC 8252 §7.1: http(s) or a native app's private-use scheme (com.example.app:/callback), no fragment, no userinfo.
  const reading = redirectUriKind(value);
  if ('problem' in reading) throw usageError('invalid-callback', `--callback "${shownRedirectUri(value)}" ${reading.problem}`, 'give the redirect URI registered for the client, e.g. https://app.example.com/cb or com.example.app:/callback, or --callback loopback');
  return { kind: 'url', url: value };
}

/** Without a terminal (or with CI set), nobody approves in a browser: say at once which flags make the run possible (exit 2). */
function checkSomeoneCanApprove(options: FlowOptions, env: Environment, callback: OAuth2Callback): void {
  // An explicit --authorize browser|print is a person's own say-so that someone is there (as for OAuth 1.0a).
  if (isInteractive(env) || options.authorize !== undefined) return;
  if (callback.kind === 'url' && !env.stdinIsTTY) return;
  const why = env.env['CI'] ? 'CI is set' : 'there is no terminal';
  throw usageError(
    'nobody-to-authorize',
    `${why}, so nobody can approve the authorization request in a browser`,
    'pass --authorize http (a server that approves without a person), --grant client-credentials or --grant refresh (no person needed), or --callback URL with the redirected URL piped on stdin',
  );
}

/** Entra ID's consumers tenant: its metadata names the consumer tenant's own issuer (the preset's tenantIssuers), which is then the issuer. */
function tenantIssuer(preset: OAuth2Preset | undefined, tenant: string | undefined, issuer: string | undefined): string[] | undefined {
  const id = tenant === undefined ? undefined : preset?.tenantIssuers?.[tenant.toLowerCase()];
  const segment = `/${encodeURIComponent(tenant ?? '')}/`;
  return id === undefined || issuer === undefined || !issuer.includes(segment) ? undefined : [issuer.replace(segment, `/${id}/`)];
}
