import { dirname, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { readPrivateFile } from '../files/read-private-file.js';
import { readProfileJson } from './profile-json.js';
import { jsonPlaces } from '../files/json-places.js';
import { findOAuth2Preset, type OAuth2Preset, type OAuth2PresetVariable } from './oauth2.js';
import { isHttpUrl } from './profile.js';
import { redirectUriKind } from '../oauth2/redirect-uri.js';

/**
 * An OAuth 2.0 profile (issue 18 item 5, "JSON profiles as for OAuth
 * 1.0a"): a JSON file for `--provider FILE` naming an authorization server
 * (an issuer to discover, or its endpoints), the client and how the run
 * goes. Flags win over the file, field by field. A client secret is read
 * from an environment variable or a file the profile names (or, in a file
 * private to its owner, the profile itself): it is never required in it.
 *
 *   { "protocol": "oauth2", "issuer": "https://as.example.com", "clientId": "…",
 *     "clientAuth": "post", "clientSecretEnv": "ACME_SECRET", "scope": ["openid", "email"],
 *     "redirectUri": "https://app.example.com/cb", "pkce": "S256",
 *     "authorizeParams": { "prompt": "consent" } }
 *
 * Every problem is told at once, one line each, by line and column, never
 * quoting the file (it may hold a secret, typed into the wrong field too).
 */
export interface OAuth2Profile {
  /** The server as a preset: the profile's issuer and endpoints over the one it extends. */
  readonly preset: OAuth2Preset;
  /** The flags the profile stands for (flag names, flag values); the command's own flags win. */
  readonly flags: OAuth2ProfileFlags;
  /** The client secret the profile leads to (its env variable, its file, itself), and where from. */
  readonly clientSecret?: { readonly value: string; readonly from: string } | undefined;
  readonly warnings: readonly string[];
}

interface OAuth2ProfileFlags {
  clientId?: string;
  clientAuth?: string;
  scope?: string;
  callback?: string;
  callbackPort?: string;
  pkce?: string;
  grant?: string;
  par?: string;
  codeLifetime?: string;
  keyId?: string;
  assertionAud?: string;
  privateKey?: string;
  authorizeParam?: string[];
  tokenParam?: string[];
  tenant?: string;
  domain?: string;
  baseUrl?: string;
  realm?: string;
}

type Kind = 'string' | 'url' | 'redirect-uri' | 'strings' | 'pairs' | 'port' | 'seconds' | 'env-name' | readonly string[];

const CLIENT_AUTH = ['basic', 'post', 'none', 'private-key-jwt', 'client-secret-jwt', 'client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt'] as const;
const RFC7591_AUTH = ['client_secret_basic', 'client_secret_post', 'none', 'private_key_jwt', 'client_secret_jwt'] as const;
/** A clientAuth value, in this profile's short form (basic, post, none, private-key-jwt, client-secret-jwt). */
const shortAuth = (value: string): string => value.replace(/^client_secret_(basic|post)$/, '$1').replace(/^private_key_jwt$/, 'private-key-jwt').replace(/^client_secret_jwt$/, 'client-secret-jwt');
const ENDPOINTS = ['authorization', 'token', 'deviceAuthorization', 'par', 'revocation', 'introspection', 'userinfo', 'jwks'] as const;

/** The fields, as data: name → what its value must be. */
const FIELDS: Record<string, Kind> = {
  protocol: ['oauth2'],
  name: 'string',
  title: 'string',
  extends: 'string',
  notes: 'strings',
  issuer: 'url',
  endpoints: 'url',
  clientId: 'string',
  clientAuth: CLIENT_AUTH,
  // RFC 7591 §2's name for the same thing, as a client registration (or a copy of one) spells it.
  token_endpoint_auth_method: RFC7591_AUTH,
  clientSecret: 'string',
  clientSecretEnv: 'env-name',
  clientSecretFile: 'string',
  privateKeyFile: 'string',
  keyId: 'string',
  assertionAud: ['token-endpoint', 'issuer'],
  scope: 'strings',
  redirectUri: 'redirect-uri',
  callbackPort: 'port',
  pkce: ['S256', 'plain', 'off'],
  grant: ['code', 'device', 'client-credentials', 'refresh'],
  par: ['auto', 'always', 'never'],
  codeLifetimeSec: 'seconds',
  authorizeParams: 'pairs',
  tokenParams: 'pairs',
  tenant: 'string',
  domain: 'string',
  baseUrl: 'url',
  realm: 'string',
};

/** What people write from the metadata or the flags, and the field it is here. */
function suggestion(key: string): string | undefined {
  const flat = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  const k = flat(key).replace(/endpoint$|uri$|url$/, '');
  for (const e of ENDPOINTS) if (flat(e) === k || (e === 'jwks' && k === 'jwks') || (e === 'par' && k === 'pushedauthorizationrequest')) return `endpoints.${e}`;
  for (const f of Object.keys(FIELDS)) if (flat(f) === flat(key) || flat(f) === k || `${flat(f)}s` === flat(key) || flat(f) === `${k}s`) return f;
  if (k === 'clientsecret' || k === 'secret') return 'clientSecretEnv or clientSecretFile';
  if (k === 'callback' || k === 'redirect') return 'redirectUri';
  return undefined;
}

interface Problem {
  readonly path: string;
  readonly message: string;
}

/** The value of one field checked against its kind; the message never holds the value. */
function check(path: string, value: unknown, kind: Kind): string | undefined {
  if (Array.isArray(kind)) return typeof value === 'string' && kind.includes(value) ? undefined : `"${path}" must be ${kind.length > 4 ? kind.slice(0, 5).join(', ') : kind.join(', ')}`;
  switch (kind) {
    case 'string':
      return typeof value === 'string' && value !== '' ? undefined : `"${path}" must be a non-empty string`;
    case 'url':
      return typeof value === 'string' && isHttpUrl(value) ? undefined : `"${path}" must be an absolute http(s) URL`;
    case 'redirect-uri': {
      if (typeof value !== 'string' || value === '') return `"${path}" must be a redirect URI (https://…, http://127.0.0.1/…, or com.example.app:/callback)`;
      const reading = redirectUriKind(value);
      return 'problem' in reading ? `"${path}" ${reading.problem}` : undefined;
    }
    case 'env-name':
      return typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? undefined : `"${path}" must be the name of an environment variable`;
    case 'strings':
      return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '' && !/\s/.test(v))) ? undefined : `"${path}" must be a string or a list of strings without spaces`;
    case 'port':
      return Number.isInteger(value) && (value as number) > 0 && (value as number) <= 65535 ? undefined : `"${path}" must be a port number (1 to 65535)`;
    case 'seconds':
      return Number.isInteger(value) && (value as number) > 0 ? undefined : `"${path}" must be a whole number of seconds`;
    case 'pairs':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string') ? undefined : `"${path}" must be an object of parameter names and string values`;
  }
}

/** Every problem of the parsed profile, each with the place of the field it is about. */
function validateOAuth2Profile(data: unknown): Problem[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [{ path: '', message: 'the file must hold one JSON object' }];
  const record = data as Record<string, unknown>;
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(record)) {
    const kind = FIELDS[key];
    if (kind === undefined) {
      const hint = suggestion(key);
      problems.push({ path: key, message: `unknown field "${key}"${hint ? ` (did you mean ${hint}?)` : ''}` });
      continue;
    }
    if (key === 'endpoints') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ path: key, message: `"endpoints" must be an object: ${ENDPOINTS.join(', ')}` });
        continue;
      }
      for (const [name, url] of Object.entries(value)) {
        if (!(ENDPOINTS as readonly string[]).includes(name)) problems.push({ path: `endpoints.${name}`, message: `"endpoints.${name}" is not ${ENDPOINTS.join(', ')}` });
        else {
          const bad = check(`endpoints.${name}`, url, 'url');
          if (bad) problems.push({ path: `endpoints.${name}`, message: bad });
        }
      }
      continue;
    }
    const bad = check(key, value, kind);
    if (bad) problems.push({ path: key, message: bad });
  }
  const base = typeof record['extends'] === 'string' ? findOAuth2Preset(record['extends']) : undefined;
  if (typeof record['extends'] === 'string' && base === undefined) problems.push({ path: 'extends', message: '"extends" is not an OAuth 2.0 preset (google, microsoft, github, okta, …)' });
  const endpoints = (typeof record['endpoints'] === 'object' && record['endpoints'] !== null ? record['endpoints'] : {}) as Record<string, unknown>;
  if (record['issuer'] === undefined && endpoints['token'] === undefined && base === undefined) problems.push({ path: '', message: 'no "issuer" (for discovery) and no "endpoints.token": one is needed' });
  const auths = [record['clientAuth'], record['token_endpoint_auth_method']];
  if (auths.every((a) => typeof a === 'string') && shortAuth(auths[0] as string) !== shortAuth(auths[1] as string)) problems.push({ path: 'token_endpoint_auth_method', message: '"clientAuth" and "token_endpoint_auth_method" name different client authentications: keep one' });
  const secrets = ['clientSecret', 'clientSecretEnv', 'clientSecretFile'].filter((k) => record[k] !== undefined);
  if (secrets.length > 1) problems.push({ path: secrets[1] ?? '', message: `"${secrets.join('" and "')}" both name the client secret: keep one` });
  for (const variable of ['tenant', 'domain', 'baseUrl', 'realm'] as const) {
    const name: OAuth2PresetVariable = variable === 'baseUrl' ? 'base' : variable;
    if (record[variable] !== undefined && !(base?.variables ?? []).includes(name)) problems.push({ path: variable, message: `"${variable}" only applies with "extends" naming a preset that takes it` });
  }
  return problems;
}

/** `"protocol": "oauth2"`, or the fields of one (and none of an OAuth 1.0a profile's). */
function isOAuth2ProfileData(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const record = data as Record<string, unknown>;
  if (record['protocol'] !== undefined) return record['protocol'] === 'oauth2';
  if (['requestTokenUrl', 'accessTokenUrl', 'consumerKey', 'consumerSecret'].some((k) => k in record)) return false;
  if (typeof record['extends'] === 'string' && findOAuth2Preset(record['extends']) !== undefined) return true;
  return ['issuer', 'endpoints', 'clientId', 'clientAuth', 'clientSecretEnv', 'clientSecretFile', 'redirectUri', 'grant'].some((k) => k in record);
}

/** Reads `--provider FILE` as an OAuth 2.0 profile; every problem as `FILE:LINE:COLUMN: …`, one line each (exit 2). */
export function readOAuth2Profile(path: string, cwd: string, env: Readonly<Record<string, string | undefined>>): OAuth2Profile {
  const full = resolve(cwd, path);
  const { text, mode, data } = readProfileJson(path, cwd, 'fix the file; the README lists the OAuth 2.0 profile fields');
  const problems = validateOAuth2Profile(data);
  if (problems.length > 0) {
    const places = jsonPlaces(text);
    const lines = problems.map((p) => {
      const at = places.get(p.path);
      return `  ${path}${at ? `:${at.line}:${at.column}` : ''}: ${p.message}`;
    });
    throw usageError('profile-invalid', `--provider ${path} has ${problems.length} problem${problems.length === 1 ? '' : 's'} (the README lists the OAuth 2.0 profile fields):\n${lines.join('\n')}`);
  }
  const record = data as Record<string, unknown>;
  const str = (k: string) => (typeof record[k] === 'string' ? (record[k] as string) : undefined);
  const folder = dirname(full);
  const base = str('extends') === undefined ? undefined : findOAuth2Preset(str('extends') ?? '');
  const endpoints = (record['endpoints'] ?? {}) as Record<string, string>;
  const warnings: string[] = [];
  const readableByOthers = process.platform !== 'win32' && (mode & 0o077) !== 0;
  const preset: OAuth2Preset = {
    ...(base ?? { notes: [], sources: [] }),
    name: str('name') ?? base?.name ?? path,
    title: str('title') ?? base?.title ?? `profile ${path}`,
    issuer: str('issuer') ?? base?.issuer,
    endpoints: { ...base?.endpoints, ...endpoints },
    notes: [...(base?.notes ?? []), ...((record['notes'] as string[] | undefined) ?? [])],
    sources: [...(base?.sources ?? []), { fact: 'the profile', source: full }],
  };
  const pairs = (k: string) => (record[k] === undefined ? undefined : Object.entries(record[k] as Record<string, string>).map(([n, v]) => `${n}=${v}`));
  const scope = record['scope'];
  const authNamed = str('clientAuth') ?? str('token_endpoint_auth_method');
  const clientAuth = authNamed === undefined ? undefined : shortAuth(authNamed);
  const flags: OAuth2ProfileFlags = {
    clientId: str('clientId'),
    clientAuth,
    scope: Array.isArray(scope) ? scope.join(' ') : (scope as string | undefined),
    callback: str('redirectUri'),
    callbackPort: record['callbackPort'] === undefined ? undefined : String(record['callbackPort']),
    pkce: str('pkce'),
    grant: str('grant'),
    par: str('par'),
    codeLifetime: record['codeLifetimeSec'] === undefined ? undefined : String(record['codeLifetimeSec']),
    keyId: str('keyId'),
    assertionAud: str('assertionAud'),
    privateKey: str('privateKeyFile') === undefined ? undefined : resolve(folder, str('privateKeyFile') ?? ''),
    authorizeParam: pairs('authorizeParams'),
    tokenParam: pairs('tokenParams'),
    tenant: str('tenant'),
    domain: str('domain'),
    baseUrl: str('baseUrl'),
    realm: str('realm'),
  };
  let clientSecret: OAuth2Profile['clientSecret'];
  const secretEnv = str('clientSecretEnv');
  const secretFile = str('clientSecretFile');
  if (secretEnv !== undefined) {
    const value = env[secretEnv];
    if (value) clientSecret = { value, from: `$${secretEnv} (the profile's clientSecretEnv)` };
    else warnings.push(`the profile names the client secret's variable ${secretEnv}, which is not set`);
  } else if (secretFile !== undefined) {
    const file = readPrivateFile(resolve(folder, secretFile), cwd, { code: 'profile-secret-unreadable', shown: `the profile's clientSecretFile`, hint: 'give the path of a file holding the client secret (relative to the profile)' });
    const value = file.text.replace(/\r?\n$/, '');
    if (value === '') throw usageError('profile-secret-empty', `the profile's clientSecretFile is empty`, 'put the client secret in the file, alone on its line');
    if (process.platform !== 'win32' && (file.mode & 0o077) !== 0) warnings.push(`the profile's clientSecretFile is readable by other users (mode ${file.mode.toString(8)}): chmod 600 it`);
    clientSecret = { value, from: "the profile's clientSecretFile" };
  } else if (str('clientSecret') !== undefined) {
    if (readableByOthers) warnings.push(`${path} holds a client secret and is readable by other users (mode ${mode.toString(8)}): chmod 600 it, or use clientSecretEnv`);
    clientSecret = { value: str('clientSecret') ?? '', from: 'the profile' };
  }
  return { preset, flags, clientSecret, warnings };
}

/** Whether `--provider FILE` is an OAuth 2.0 profile (a file that cannot be read or parsed is not: the OAuth 1.0a reader says why). */
export function isOAuth2ProfileFile(path: string, cwd: string): boolean {
  try {
    return isOAuth2ProfileData(readProfileJson(path, cwd, '').data);
  } catch {
    return false;
  }
}
