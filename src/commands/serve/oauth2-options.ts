// `serve --oauth2`: its flags turned into provider options. Clients come from
// OAUTH_DOCTOR_OAUTH2_CLIENTS, --client and --public-client, in that order
// (as serve's OAuth 1.0a consumers come from OAUTH_DOCTOR_CONSUMERS and --consumer).
import type { Environment } from '../../cli/environment.js';
import { parseDuration } from '../../cli/duration.js';
import { usageError } from '../../errors.js';
import { readTextFile } from '../../files/read-text-file.js';
import { isOAuth2DialectName, OAUTH2_DIALECTS, type OAuth2ClientRegistration, type OAuth2ProviderOptions, type OAuth2Settings } from '../../provider/oauth2/options.js';
import type { ServeOptions } from './options.js';
import { splitKeyValue } from './consumer-list.js';
import { parseConsumerList, refuseDuplicateKeys } from './consumer-sources.js';

/** serve --oauth2's clients from the environment: `id1:secret1,id2:secret2`. */
const OAUTH2_CLIENTS_VARIABLE = 'OAUTH_DOCTOR_OAUTH2_CLIENTS';

const seconds = (value: string, flag: string, allowNegative = false) => Math.round(parseDuration(value, flag, { bareUnit: 's', allowNegative }) / 1000);

function readJwks(value: string, env: Environment): { clientId: string; jwks: { keys: Record<string, unknown>[] } } {
  const pair = splitKeyValue(value);
  if (!pair) throw usageError('invalid-client', `--client-jwks "${value.slice(0, 40)}" is not ID:FILE`, 'e.g. --client-jwks my-app:public-jwks.json (a JWK Set of the client\'s public keys)');
  const text = readTextFile(pair.value, env.cwd, { code: 'client-jwks-unreadable', shown: `--client-jwks ${pair.value}`, hint: 'give the path of a JWK Set file (RFC 7517 §5)' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw usageError('invalid-client-jwks', `--client-jwks ${pair.value} is not JSON`, 'give a JWK Set: {"keys":[{…public JWK…}]}');
  }
  const keys = (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'object' || k === null || 'd' in (k as object))) {
    throw usageError('invalid-client-jwks', `--client-jwks ${pair.value} is not a JWK Set of public keys`, 'give {"keys":[…]} with public keys only (no "d")');
  }
  return { clientId: pair.key, jwks: { keys: keys as Record<string, unknown>[] } };
}

function clients(options: ServeOptions, env: Environment): OAuth2ClientRegistration[] {
  const fromEnv = parseConsumerList(env.env[OAUTH2_CLIENTS_VARIABLE] ?? '', OAUTH2_CLIENTS_VARIABLE);
  const fromFlags = (options.client ?? []).map((value, index) => {
    const pair = splitKeyValue(value);
    if (!pair) throw usageError('invalid-client', `--client ${value.includes(':') ? `"${value.slice(0, value.indexOf(':'))}:…"` : 'value'} is not ID:SECRET`, `e.g. --client my-app:s3cr3t, or ${OAUTH2_CLIENTS_VARIABLE}="my-app:s3cr3t"`);
    return { key: pair.key, secret: pair.value, from: `--client #${index + 1}` };
  });
  const publics = (options.publicClient ?? []).map((id) => ({ key: id, from: '--public-client' }));
  refuseDuplicateKeys([...fromEnv, ...fromFlags, ...publics]);
  const redirectUris = (options.redirectUri ?? []).length > 0 ? options.redirectUri : undefined;
  for (const uri of (options.redirectUri ?? [])) {
    if (!URL.canParse(uri)) throw usageError('invalid-redirect-uri', `--redirect-uri "${uri}" is not an absolute URI`, 'e.g. --redirect-uri http://127.0.0.1/callback');
  }
  const all: OAuth2ClientRegistration[] = [...fromEnv, ...fromFlags].map(({ key, secret }) => ({ clientId: key, secret, redirectUris }));
  all.push(...publics.map(({ key }) => ({ clientId: key, redirectUris })));
  for (const value of (options.clientJwks ?? [])) {
    const { clientId, jwks } = readJwks(value, env);
    const index = all.findIndex((c) => c.clientId === clientId);
    if (index >= 0) all[index] = { ...all[index], clientId, jwks };
    else all.push({ clientId, jwks, redirectUris, privateKeyJwtOnly: true });
  }
  return all;
}

/** Turns serve's flags into the OAuth 2 provider's options; every bad value is a usage error naming its flag. */
export function oauth2ProviderOptions(options: ServeOptions, env: Environment): OAuth2ProviderOptions {
  // The OAuth 1.0a default dialect means "none given" here.
  const dialect = options.dialect === 'problem-reporting' ? 'rfc6749' : options.dialect;
  if (!isOAuth2DialectName(dialect)) throw usageError('unknown-dialect', `--dialect "${options.dialect}" is no OAuth 2 dialect`, `with --oauth2 use ${OAUTH2_DIALECTS.join(', ')}`);
  const matching = options.redirectMatching ?? 'loopback-any-port';
  if (matching !== 'exact' && matching !== 'loopback-any-port') throw usageError('invalid-redirect-matching', `--redirect-matching "${matching}" is not known`, 'use exact or loopback-any-port');
  const outage = options.outage;
  if (outage !== undefined && outage !== false && outage !== true && !['500', '502', '503'].includes(outage)) throw usageError('invalid-outage', `--outage "${outage}" must be 500, 502 or 503`, 'e.g. --outage 502, or --outage alone for 503');
  const settings: Partial<OAuth2Settings> = {
    dialect,
    autoApprove: options.autoApprove ?? false,
    consentDenied: options.consentDenied ?? false,
    rotateRefreshToken: options.rotateRefresh ?? true,
    pkceRequired: options.requirePkce ?? false,
    redirectMatching: matching,
    ...(options.codeTtl === undefined ? {} : { codeTtlSec: seconds(options.codeTtl, '--code-ttl') }),
    ...(options.accessTokenTtl === undefined ? {} : { accessTokenTtlSec: seconds(options.accessTokenTtl, '--access-token-ttl') }),
    ...(options.refreshTokenTtl === undefined ? {} : { refreshTokenTtlSec: seconds(options.refreshTokenTtl, '--refresh-token-ttl') }),
    ...(options.clockSkew === undefined ? {} : { clockSkewSec: seconds(options.clockSkew, '--clock-skew', true) }),
    ...(options.deviceInterval === undefined ? {} : { deviceIntervalSec: seconds(options.deviceInterval, '--device-interval') }),
    ...(options.slow === undefined ? {} : { tokenSlowMs: parseDuration(options.slow, '--slow', { bareUnit: 's' }) }),
    ...(outage === undefined || outage === false ? {} : { tokenFailure: outage === true ? 503 : (Number(outage) as 500 | 502 | 503) }),
  };
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!/^\d+$/.test(options.port ?? '0') || port > 65535) throw usageError('invalid-number', `--port "${options.port ?? ''}" must be a whole number from 0 to 65535`, 'e.g. --port 9000');
  return { host: options.host, port, clients: clients(options, env), settings };
}
