// `serve --oauth2`: its flags turned into provider options. Clients come from
// OAUTH_DOCTOR_OAUTH2_CLIENTS, --client and --public-client, in that order
// (as serve's OAuth 1.0a consumers come from OAUTH_DOCTOR_CONSUMERS and --consumer).
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import type { Environment } from '../../cli/environment.js';
import { parseDuration } from '../../cli/duration.js';
import { usageError } from '../../errors.js';
import { readTextFile } from '../../files/read-text-file.js';
import {
  isOAuth2DialectName,
  OAUTH2_DIALECTS,
  settingProblem,
  settingRange,
  type NumberSettingName,
  type OAuth2ClientRegistration,
  type OAuth2ProviderOptions,
  type OAuth2Settings,
} from '../../provider/oauth2/options.js';
import type { ServeOptions } from './options.js';
import { consumerListEntries, splitKeyValue } from './consumer-list.js';
import { redirectUriKind, shownRedirectUri } from '../../oauth2/redirect-uri.js';
import { CLIENT_WORDS, refuseDuplicateKeys } from './consumer-sources.js';

/** serve --oauth2's clients from the environment: `id1:secret1,id2:secret2`. */
const OAUTH2_CLIENTS_VARIABLE = 'OAUTH_DOCTOR_OAUTH2_CLIENTS';

/**
 * A numeric fault switch from its flag: a duration in the setting's unit,
 * refused with one line when it is a fraction of the engine's seconds or
 * outside the setting's bounds (the same check as POST /admin/settings).
 */
function setting(name: NumberSettingName, value: string, flag: string): number {
  const unitMs = name.endsWith('Ms') ? 1 : 1000;
  // The setting's own bounds judge the amount (a refresh token may live 366 d, past a timer's 24 d): the engine compares lifetimes with its clock.
  const ms = parseDuration(value, flag, { bareUnit: 's', allowNegative: name === 'clockSkewSec', maxMs: Number.MAX_SAFE_INTEGER });
  const amount = ms / unitMs;
  const problem = settingProblem(name, amount);
  if (problem !== undefined) throw usageError('invalid-duration', `${flag} "${value}" ${Number.isInteger(amount) ? `is out of range: ${settingRange(name)}` : 'is not a whole number of seconds (the engine counts lifetimes in seconds)'}`, `e.g. ${flag} ${EXAMPLES[name]}`);
  return amount;
}

const EXAMPLES: Readonly<Record<NumberSettingName, string>> = { codeTtlSec: '5s', accessTokenTtlSec: '10m', refreshTokenTtlSec: '30d', clockSkewSec: '-10m', deviceIntervalSec: '5s', tokenSlowMs: '2s' };

/**
 * RFC 6749 Appendix A.1: client-id = *VSCHAR (%x20-7E). A space is allowed
 * there but never survives a shell or a Basic header's `id:secret`, so it is
 * refused with the control characters; a colon ends the id in ID:SECRET.
 */
function clientIdProblem(id: string): string | undefined {
  if (id === '') return 'is empty';
  if (!/^[\x21-\x7e]+$/.test(id)) return 'has a character outside printable ASCII or a space (RFC 6749 Appendix A.1)';
  if (id.includes(':')) return 'has a colon, which would end the id in ID:SECRET and in a Basic header (RFC 6749 §2.3.1)';
  return undefined;
}

function checkClientId(id: string, from: string): void {
  const problem = clientIdProblem(id);
  if (problem !== undefined) throw usageError('invalid-client', `${from}: the client id ${problem}`, 'e.g. --public-client my-app, or --client my-app:s3cr3t for a confidential client');
}

/** OAUTH_DOCTOR_OAUTH2_CLIENTS: comma-separated ID:SECRET entries; empty entries are skipped. */
function clientsFromEnvironment(text: string): { key: string; secret: string; from: string }[] {
  return consumerListEntries(text).map(({ number, pair }) => {
    if (!pair) throw usageError('invalid-client', `${OAUTH2_CLIENTS_VARIABLE}: entry ${number} is not ID:SECRET`, `e.g. ${OAUTH2_CLIENTS_VARIABLE}="app1:secret1,app2:secret2"`);
    return { key: pair.key, secret: pair.value, from: `${OAUTH2_CLIENTS_VARIABLE} entry ${number}` };
  });
}

/** Members of a private JWK (RFC 7518 §6.2.2, §6.3.2, §6.4.1; RFC 8037 §2): a JWK Set given to serve holds public keys only. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
/** RFC 7523 §2.2 needs asymmetric keys: RSA, EC (RFC 7518 §6) or OKP (RFC 8037). */
const ASYMMETRIC_KEY_TYPES = ['RSA', 'EC', 'OKP'] as const;

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
  const isJwk = (k: unknown): k is Record<string, unknown> => typeof k === 'object' && k !== null && !Array.isArray(k);
  if (!Array.isArray(keys) || keys.length === 0 || !keys.every(isJwk)) {
    throw usageError('invalid-client-jwks', `--client-jwks ${pair.value} is not a JWK Set`, 'give {"keys":[…]} with at least one public key (RFC 7517 §5)');
  }
  keys.forEach((key, index) => {
    const secret = PRIVATE_MEMBERS.find((member) => member in key);
    if (secret !== undefined) throw usageError('invalid-client-jwks', `--client-jwks ${pair.value}: key ${index + 1} has "${secret}", a private or symmetric key's member`, 'give the public keys only; the client keeps its private key');
    if (!(ASYMMETRIC_KEY_TYPES as readonly unknown[]).includes(key['kty'])) throw usageError('invalid-client-jwks', `--client-jwks ${pair.value}: key ${index + 1} has kty ${JSON.stringify(key['kty'] ?? null).slice(0, 20)}`, 'private_key_jwt needs RSA, EC or OKP public keys (RFC 7523 §2.2)');
    // Node's own JWK import (RFC 7517/7518 checks: the curve, the point on it, the modulus) rather than the first assertion failing later.
    try {
      createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
    } catch {
      throw usageError('invalid-client-jwks', `--client-jwks ${pair.value}: key ${index + 1} (${String(key['kty'])}) is not a usable public key`, 'export it again from the key pair, e.g. with node:crypto\'s export({ format: "jwk" })');
    }
  });
  return { clientId: pair.key, jwks: { keys: keys as Record<string, unknown>[] } };
}

function clients(options: ServeOptions, env: Environment): OAuth2ClientRegistration[] {
  const fromEnv = clientsFromEnvironment(env.env[OAUTH2_CLIENTS_VARIABLE] ?? '');
  const fromFlags = (options.client ?? []).map((value, index) => {
    const pair = splitKeyValue(value);
    if (!pair) throw usageError('invalid-client', `--client ${value.includes(':') ? `"${value.slice(0, value.indexOf(':'))}:…"` : 'value'} is not ID:SECRET`, `e.g. --client my-app:s3cr3t, or ${OAUTH2_CLIENTS_VARIABLE}="my-app:s3cr3t"`);
    return { key: pair.key, secret: pair.value, from: `--client #${index + 1}` };
  });
  const publics = (options.publicClient ?? []).map((id, index) => {
    // Never quoted past the colon: what follows may be a secret given by mistake.
    if (id.includes(':')) throw usageError('invalid-client', `--public-client "${id.slice(0, id.indexOf(':'))}:…" has a secret, and a public client has none (RFC 6749 §2.1)`, `give --client ${id.slice(0, id.indexOf(':'))}:SECRET for a confidential client, or --public-client ${id.slice(0, id.indexOf(':')) || 'ID'}`);
    return { key: id, from: `--public-client #${index + 1}` };
  });
  for (const { key, from } of [...fromEnv, ...fromFlags, ...publics]) checkClientId(key, from);
  refuseDuplicateKeys([...fromEnv, ...fromFlags, ...publics], CLIENT_WORDS);
  const all: OAuth2ClientRegistration[] = [...fromEnv, ...fromFlags].map(({ key, secret }) => ({ clientId: key, secret }));
  all.push(...publics.map(({ key }) => ({ clientId: key })));
  const withKeys = new Set<string>();
  for (const value of (options.clientJwks ?? [])) {
    const { clientId, jwks } = readJwks(value, env);
    checkClientId(clientId, '--client-jwks');
    if (withKeys.has(clientId)) throw usageError('duplicate-client', `client ${clientId} is given --client-jwks twice`, 'put all its public keys in one JWK Set file');
    withKeys.add(clientId);
    if (publics.some((p) => p.key === clientId)) throw usageError('invalid-client', `--client-jwks ${clientId}: ${clientId} is a --public-client, which does not authenticate (RFC 6749 §2.1)`, `drop --public-client ${clientId}: a client with keys only is registered for private_key_jwt`);
    const index = all.findIndex((c) => c.clientId === clientId);
    if (index >= 0) all[index] = { ...all[index], clientId, jwks };
    else all.push({ clientId, jwks, privateKeyJwtOnly: true });
  }
  return all;
}

/** --redirect-uri: the redirect URIs of every client given without its own, the generated demo client too. */
function redirectUris(options: ServeOptions): string[] {
  const uris = options.redirectUri ?? [];
  uris.forEach((uri, index) => {
    // The one rule of flow --callback and profiles (src/oauth2/redirect-uri.ts): absolute, no fragment (RFC 6749 §3.1.2), no user@ (RFC 3986 §7.6),
    // http(s) or a private-use scheme (RFC 8252 §7.1) — so never javascript:, data: or file:, which a browser runs or reads rather than follows.
    const reading = redirectUriKind(uri);
    if ('problem' in reading) throw usageError('invalid-redirect-uri', `--redirect-uri "${shownRedirectUri(uri)}" ${reading.problem}`, 'e.g. --redirect-uri http://127.0.0.1/callback, https://app.example.com/cb or com.example.app:/callback');
    if (uris.indexOf(uri) !== index) throw usageError('invalid-redirect-uri', `--redirect-uri "${shownRedirectUri(uri)}" is given twice`, 'give each redirect URI once');
  });
  return uris;
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
    parRequired: options.requirePar ?? false,
    redirectMatching: matching,
    ...(options.codeTtl === undefined ? {} : { codeTtlSec: setting('codeTtlSec', options.codeTtl, '--code-ttl') }),
    ...(options.accessTokenTtl === undefined ? {} : { accessTokenTtlSec: setting('accessTokenTtlSec', options.accessTokenTtl, '--access-token-ttl') }),
    ...(options.refreshTokenTtl === undefined ? {} : { refreshTokenTtlSec: setting('refreshTokenTtlSec', options.refreshTokenTtl, '--refresh-token-ttl') }),
    ...(options.clockSkew === undefined ? {} : { clockSkewSec: setting('clockSkewSec', options.clockSkew, '--clock-skew') }),
    ...(options.deviceInterval === undefined ? {} : { deviceIntervalSec: setting('deviceIntervalSec', options.deviceInterval, '--device-interval') }),
    ...(options.slow === undefined ? {} : { tokenSlowMs: setting('tokenSlowMs', options.slow, '--slow') }),
    ...(outage === undefined || outage === false ? {} : { tokenFailure: outage === true ? 503 : (Number(outage) as 500 | 502 | 503) }),
  };
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!/^\d+$/.test(options.port ?? '0') || port > 65535) throw usageError('invalid-number', `--port "${options.port ?? ''}" must be a whole number from 0 to 65535`, 'e.g. --port 9000');
  return { host: options.host, port, clients: clients(options, env), redirectUris: redirectUris(options), settings };
}
