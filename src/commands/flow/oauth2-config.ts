import { isInteractive, type Environment } from '../../cli/environment.js';
import { usageError } from '../../errors.js';
import { isHttpUrl } from '../../presets/index.js';
import { readPrivateKeyFile } from '../../keys/private-key-file.js';
import type { AssertionAudience, SupportedAuthMethod } from '../../oauth2/client-auth.js';
import type { OAuth2Endpoints } from '../../oauth2/types.js';
import { AFTER_STEPS, type AfterStep, type OAuth2Callback, type OAuth2FlowConfig, type OAuth2Grant } from '../../flow/oauth2/types.js';
import type { AuthorizeMode } from '../../flow/types.js';
import type { FlowOptions } from './command.js';
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
const OAUTH1_ONLY = ['requestTokenUrl', 'accessTokenUrl', 'consumerKey', 'consumerSecret', 'signatureMethod', 'verifier', 'realm', 'oauthParams', 'requestTokenMethod', 'accessTokenMethod', 'probe', 'provider'] as const;

/** Flags, then environment (OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET, OAUTH2_REFRESH_TOKEN): the whole configuration checked before anything is sent. */
export async function resolveOAuth2Config(options: FlowOptions, env: Environment): Promise<OAuth2FlowConfig> {
  const fromEnv = (name: string) => env.env[name] || undefined;
  const mixed = OAUTH1_ONLY.filter((k) => options[k] !== undefined).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  if (mixed.length > 0) throw usageError('oauth1-flag-in-oauth2-run', `${mixed.join(', ')} ${mixed.length === 1 ? 'is an' : 'are'} OAuth 1.0a flag${mixed.length === 1 ? '' : 's'}, and this is an OAuth 2.0 run (--issuer, --client-id or --grant)`, 'drop them, or drop the OAuth 2.0 flags for an OAuth 1.0a flow');
  const grant = oneOf(options.grant, GRANTS, '--grant', 'code');
  const issuer = url(options.issuer, '--issuer');
  const endpoints: OAuth2Endpoints = {
    authorization: url(options.authorizationEndpoint, '--authorization-endpoint'),
    token: url(options.tokenEndpoint, '--token-endpoint'),
    deviceAuthorization: url(options.deviceAuthorizationEndpoint, '--device-authorization-endpoint'),
    par: url(options.parEndpoint, '--par-endpoint'),
    revocation: url(options.revocationEndpoint, '--revocation-endpoint'),
    introspection: url(options.introspectionEndpoint, '--introspection-endpoint'),
    userinfo: url(options.userinfoEndpoint, '--userinfo-endpoint'),
    jwks: url(options.jwksUri, '--jwks-uri'),
  };
  if (issuer === undefined && endpoints.token === undefined) throw usageError('missing-issuer', 'no authorization server: pass --issuer URL (discovery), or --token-endpoint URL and the other endpoints the grant needs', 'e.g. oauth-doctor flow --issuer https://accounts.google.com --client-id ID');
  const clientId = options.clientId ?? fromEnv('OAUTH2_CLIENT_ID');
  if (clientId === undefined) throw usageError('missing-client-id', 'no client_id', 'pass --client-id ID or set OAUTH2_CLIENT_ID');
  const clientSecret = options.clientSecret ?? fromEnv('OAUTH2_CLIENT_SECRET');
  const keyFlag = options.privateKey ?? fromEnv('OAUTH2_PRIVATE_KEY_FILE');
  const privateKey = keyFlag === undefined ? undefined : (await readPrivateKeyFile(keyFlag, env, options.privateKey ? '--private-key' : 'OAUTH2_PRIVATE_KEY_FILE')).key;
  const defaultAuth = privateKey ? 'private-key-jwt' : clientSecret !== undefined ? 'basic' : 'none';
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
  if (grant === 'code') checkSomeoneCanApprove(options, env, callback);
  return {
    provider: 'custom',
    issuer,
    endpoints,
    client: { clientId, clientSecret, privateKey, keyId: options.keyId },
    clientAuth,
    assertionAudience: oneOf<AssertionAudience>(options.assertionAud, ['token-endpoint', 'issuer'], '--assertion-aud', 'token-endpoint'),
    assertionAlg: options.assertionAlg,
    grant,
    scope: options.scope,
    pkce: oneOf(options.pkce, ['S256', 'plain', 'off'] as const, '--pkce', 'S256'),
    callback,
    authorize,
    refreshToken,
    then: then as AfterStep[],
    par: options.par === undefined ? 'auto' : oneOf(options.par === true ? 'always' : options.par, ['auto', 'always', 'never'] as const, '--par', 'auto'),
    codeLifetimeSec: options.codeLifetime === undefined ? undefined : parsePositiveInt(options.codeLifetime, '--code-lifetime', 86_400),
  };
}

function parseOAuth2Callback(options: FlowOptions): OAuth2Callback {
  const value = options.callback ?? 'loopback';
  const port = options.callbackPort === undefined ? undefined : parsePositiveInt(options.callbackPort, '--callback-port', 65535);
  const host = options.callbackHost;
  if (host !== undefined && host !== 'localhost' && host !== '127.0.0.1') throw usageError('invalid-callback-host', `--callback-host "${host}" is not localhost or 127.0.0.1`, 'use the host name registered as the redirect URI');
  if (value === 'loopback') return { kind: 'loopback', port, host };
  if (value === 'oob') throw usageError('oob-in-oauth2', 'OAuth 2.0 has no oob callback (it was removed, RFC 8252 §7)', 'use --callback loopback (default), a registered redirect URI, or --grant device for a device without a browser');
  if (port !== undefined || host !== undefined) throw usageError('callback-port-without-loopback', '--callback-port and --callback-host only apply to --callback loopback', 'drop them, or use --callback loopback');
  return { kind: 'url', url: url(value, '--callback') ?? value };
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
