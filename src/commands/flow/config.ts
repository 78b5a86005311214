import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isInteractive, type Environment } from '../../cli/environment.js';
import { parseSignatureMethod } from '../../cli/credentials.js';
import { readPrivateKeyFile, type PrivateKeyFile } from '../../keys/private-key-file.js';
import { usageError } from '../../errors.js';
import { findPreset, instantiatePreset, isHttpUrl, presetOrThrow, readProfile, type ProviderPreset, type ProviderProfile } from '../../presets/index.js';
import type { AuthorizeMode, CallbackMode, FlowEndpoints, LegTransport, LegTransports, ParameterPlacement } from '../../flow/types.js';
import { isRsaMethod, type SignatureMethod } from '../../oauth/methods.js';
import type { FlowOptions } from './options.js';

export interface ResolvedProvider {
  readonly preset: ProviderPreset;
  readonly profile?: ProviderProfile | undefined;
  readonly local: boolean;
}

function checkUrl(value: string, flag: string): string {
  if (isHttpUrl(value)) return value;
  throw usageError('invalid-url', `${flag} "${value}" is not an absolute http(s) URL`, `e.g. ${flag} https://api.example.com/oauth/request_token`);
}

export function parsePositiveInt(value: string, flag: string, max = 2 ** 31 - 1): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw usageError('invalid-number', `${flag} "${value}" is not a whole number from 1 to ${max}`, `e.g. ${flag} 30000`);
  return Number(value);
}

/** --provider NAME (a preset) or FILE (a profile); neither: the endpoint flags alone. */
export function resolveProvider(options: FlowOptions, env: Environment): ResolvedProvider {
  const name = options.provider;
  if (name === undefined) {
    const missing = (['requestTokenUrl', 'authorizeUrl', 'accessTokenUrl'] as const).filter((k) => !options[k]).map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    if (missing.length > 0) throw usageError('missing-provider', `no provider: pass --provider NAME|FILE, or all three endpoints (missing ${missing.join(', ')})`, 'try oauth-doctor flow --provider local --authorize http');
    const preset: ProviderPreset = { name: 'custom', title: 'endpoints from the command line', requestTokenUrl: '', authorizeUrl: '', accessTokenUrl: '', signatureMethod: 'HMAC-SHA1', dialect: 'unknown', notes: [] };
    return { preset, local: false };
  }
  if (!findPreset(name) && existsSync(resolve(env.cwd, name))) {
    const profile = readProfile(name, env.cwd);
    return { preset: profile.preset, profile, local: false };
  }
  const preset = presetOrThrow(name);
  return { preset, local: preset.name === 'local' };
}

/** The endpoints: flags win over the profile or preset; templates filled with --base-url / --account. */
export function resolveEndpoints(options: FlowOptions, provider: ResolvedProvider, localBase?: string): { preset: ProviderPreset; endpoints: FlowEndpoints } {
  if (provider.preset.threeLegged === false && options.requestTokenUrl === undefined) {
    throw usageError('preset-without-flow', `${provider.preset.title} has no three-legged flow`, `sign and send its calls with oauth-doctor request --provider ${provider.preset.name} URL`);
  }
  const preset = instantiatePreset(provider.preset, { base: localBase ?? options.baseUrl, account: options.account });
  const pick = (flag: string | undefined, fromPreset: string | undefined, name: string) => (flag !== undefined ? checkUrl(flag, name) : fromPreset);
  const endpoints: FlowEndpoints = {
    requestToken: pick(options.requestTokenUrl, preset.requestTokenUrl, '--request-token-url') ?? '',
    authorize: pick(options.authorizeUrl, preset.authorizeUrl, '--authorize-url') ?? '',
    accessToken: pick(options.accessTokenUrl, preset.accessTokenUrl, '--access-token-url') ?? '',
    resource: pick(options.resourceUrl, preset.resourceUrl, '--resource-url'),
  };
  return { preset, endpoints };
}

export function parseCallback(options: FlowOptions, profile: ProviderProfile | undefined, preset?: ProviderPreset): CallbackMode {
  const fallback = profile?.callback ?? preset?.callback;
  const value = (options.callback ?? 'loopback') === 'loopback' && fallback !== undefined ? fallback : (options.callback ?? 'loopback');
  const port = options.callbackPort === undefined ? undefined : parsePositiveInt(options.callbackPort, '--callback-port', 65535);
  const host = options.callbackHost;
  if (host !== undefined && host !== 'localhost' && host !== '127.0.0.1') throw usageError('invalid-callback-host', `--callback-host "${host}" is not localhost or 127.0.0.1`, 'use the host name your callback is registered with at the provider');
  if (value === 'loopback') return { kind: 'loopback', port, host };
  if (port !== undefined) throw usageError('callback-port-without-loopback', '--callback-port only applies to --callback loopback', 'drop --callback-port, or use --callback loopback');
  if (host !== undefined) throw usageError('callback-host-without-loopback', '--callback-host only applies to --callback loopback', 'drop --callback-host, or use --callback loopback');
  if (value === 'oob') return { kind: 'oob' };
  return { kind: 'url', url: checkUrl(value, '--callback') };
}

export function parseAuthorizeMode(value: string | undefined, env: Environment, local: boolean): AuthorizeMode {
  if (value === undefined) return isInteractive(env) ? 'browser' : local ? 'http' : 'print';
  if (value === 'browser' || value === 'print' || value === 'http') return value;
  throw usageError('invalid-authorize-mode', `--authorize "${value}" is not browser, print or http`, 'browser opens it, print shows it, http fetches it (auto-approving providers)');
}

export interface ClientSettings {
  readonly consumerKey: string | undefined;
  readonly consumerSecret: string | undefined;
  readonly privateKey: PrivateKeyFile | undefined;
  readonly signatureMethod: SignatureMethod;
}

/** Credentials: flag, then environment variable, then profile (secrets in files are the CI-friendly way). */
export async function resolveClient(options: FlowOptions, env: Environment, provider: ResolvedProvider, preset: ProviderPreset): Promise<ClientSettings> {
  const fromEnv = (name: string) => env.env[name] || undefined;
  const signatureMethod = options.signatureMethod !== undefined ? parseSignatureMethod(options.signatureMethod) : preset.signatureMethod;
  const keyFlag = options.privateKey ?? fromEnv('OAUTH_PRIVATE_KEY_FILE');
  const keyFile = keyFlag ?? provider.profile?.privateKeyFile;
  const privateKey = keyFile ? await readPrivateKeyFile(keyFile, env, options.privateKey ? '--private-key' : keyFlag ? 'OAUTH_PRIVATE_KEY_FILE' : 'the profile’s privateKeyFile') : undefined;
  return {
    consumerKey: options.consumerKey ?? fromEnv('OAUTH_CONSUMER_KEY') ?? provider.profile?.consumerKey,
    consumerSecret: options.consumerSecret ?? fromEnv('OAUTH_CONSUMER_SECRET') ?? provider.profile?.consumerSecret,
    privateKey,
    signatureMethod,
  };
}

/** A non-local provider needs a consumer key, and a secret unless an RSA method signs. */
export function requireClient(client: ClientSettings, hint?: string): { consumerKey: string; consumerSecret: string } {
  if (!client.consumerKey) throw usageError('missing-consumer-key', 'no consumer key', hint ?? 'pass --consumer-key, set OAUTH_CONSUMER_KEY, or put consumerKey in the profile');
  if (isRsaMethod(client.signatureMethod)) {
    if (!client.privateKey) throw usageError('missing-private-key', `${client.signatureMethod} needs a private key`, 'pass --private-key FILE or set OAUTH_PRIVATE_KEY_FILE');
  } else if (client.consumerSecret === undefined) {
    throw usageError('missing-consumer-secret', 'no consumer secret', hint ?? 'set OAUTH_CONSUMER_SECRET (or pass --consumer-secret; flags show in ps)');
  }
  return { consumerKey: client.consumerKey, consumerSecret: client.consumerSecret ?? '' };
}

/**
 * Issue 15 item 2: with no terminal (or CI set), no --authorize chosen and a
 * loopback callback, nobody can approve the request token and nothing can
 * reach the listener: waiting --wait-timeout for it helps no one. Say at once
 * which flags make the run possible.
 */
export function checkSomeoneCanAuthorize(options: FlowOptions, env: Environment, local: boolean, callback: CallbackMode): void {
  if (isInteractive(env) || local || options.authorize !== undefined || options.verifier !== undefined || callback.kind !== 'loopback') return;
  const why = env.env['CI'] ? 'CI is set' : 'there is no terminal';
  throw usageError(
    'nobody-to-authorize',
    `${why}, so nobody can approve the request token in a browser and no callback can reach the loopback listener`,
    'pass --authorize http (a provider that approves without a person), --callback oob --verifier PIN (a PIN you already have), or --authorize print for a person to open the URL on this machine',
  );
}

const METHODS = /^(GET|POST|PUT)$/i;

/**
 * Per-leg method and placement (issue 15 item 18): the flags win over the
 * preset or profile. `--oauth-params query` puts every leg's protocol
 * parameters in the query (RFC 5849 §3.5.3), `body` in a form body (§3.5.2).
 */
export function resolveTransports(options: FlowOptions, preset: ProviderPreset): LegTransports {
  const placement = options.oauthParams;
  if (placement !== undefined && placement !== 'header' && placement !== 'query' && placement !== 'body') {
    throw usageError('invalid-oauth-params', `--oauth-params "${placement}" is not header, query or body`, 'header (the default, RFC 5849 §3.5.1), query (§3.5.3) or body (§3.5.2, POST only)');
  }
  const method = (value: string | undefined, flag: string): string | undefined => {
    if (value === undefined) return undefined;
    if (!METHODS.test(value)) throw usageError('invalid-method', `${flag} "${value}" is not GET, POST or PUT`, `e.g. ${flag} GET`);
    return value.toUpperCase();
  };
  const leg = (key: keyof LegTransports, flagValue: string | undefined, flag: string): LegTransport => {
    const base = preset.transports?.[key];
    const chosen = { method: method(flagValue, flag) ?? base?.method, placement: (placement as ParameterPlacement | undefined) ?? base?.placement };
    const effective = chosen.method ?? (key === 'resource' ? 'GET' : 'POST');
    if (chosen.placement === 'body' && effective === 'GET') throw usageError('body-on-get', `the ${key} leg is a GET, which has no body for the OAuth parameters`, `use --oauth-params query or header, or ${flag} POST`);
    return chosen;
  };
  return {
    requestToken: leg('requestToken', options.requestTokenMethod, '--request-token-method'),
    accessToken: leg('accessToken', options.accessTokenMethod, '--access-token-method'),
    resource: leg('resource', options.resourceMethod, '--resource-method'),
  };
}
