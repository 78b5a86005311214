import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import { readProfileJson } from './profile-json.js';
import { isSignatureMethod, methodList, type SignatureMethod } from '../oauth/types.js';
import type { LegTransport, LegTransports, ParameterPlacement } from '../flow/types.js';
import { PLACEMENTS } from '../oauth/placement.js';
import { findPreset } from './presets.js';
import type { ErrorDialect, ProviderPreset } from './types.js';

/**
 * A provider profile: a JSON file describing a provider the presets do not
 * know, or overriding one (`"extends": "x"`). It may hold credentials; then
 * it must be private to its owner (mode 0600), and we warn when it is not.
 *
 *   { "name": "acme", "requestTokenUrl": "…", "authorizeUrl": "…", "accessTokenUrl": "…",
 *     "resourceUrl": "…", "signatureMethod": "HMAC-SHA1", "realm": "…", "scopeParameter": "scope",
 *     "requestTokenLifetimeSec": 300, "timestampWindowSec": 300, "dialect": "problem-reporting",
 *     "callback": "oob" | "loopback" | "https://…", "registeredCallback": "https://…",
 *     "consumerKey": "…", "consumerSecret": "…", "privateKeyFile": "key.pem" }
 */
export interface ProviderProfile {
  readonly preset: ProviderPreset;
  readonly callback?: string | undefined;
  readonly registeredCallback?: string | undefined;
  readonly consumerKey?: string | undefined;
  readonly consumerSecret?: string | undefined;
  /** Resolved against the profile's folder. */
  readonly privateKeyFile?: string | undefined;
  /** Things the person should know (e.g. the file is readable by others). */
  readonly warnings: readonly string[];
}

const DIALECTS: readonly ErrorDialect[] = ['problem-reporting', 'x', 'oauthlib', 'jira', 'flickr', 'netsuite', 'magento', 'json', 'unknown'];
const STRING_FIELDS = ['name', 'extends', 'title', 'requestTokenUrl', 'authorizeUrl', 'accessTokenUrl', 'resourceUrl', 'signatureMethod', 'realm', 'scopeParameter', 'dialect', 'callback', 'registeredCallback', 'consumerKey', 'consumerSecret', 'privateKeyFile'] as const;
const NUMBER_FIELDS = ['requestTokenLifetimeSec', 'timestampWindowSec'] as const;
const KNOWN = new Set<string>([...STRING_FIELDS, ...NUMBER_FIELDS, 'notes', 'legs', 'authorizeCallback']);
const LEG_KEYS = ['requestToken', 'accessToken', 'resource'] as const;

/** `"legs": {"requestToken": {"method": "GET", "placement": "query"}, …}` (issue 15 item 18): every problem, or the transports. */
function validateLegs(value: unknown, problems: string[]): LegTransports | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('"legs" must be an object with requestToken, accessToken and/or resource');
    return undefined;
  }
  const out: Record<string, LegTransport> = {};
  for (const [leg, spec] of Object.entries(value as Record<string, unknown>)) {
    if (!(LEG_KEYS as readonly string[]).includes(leg)) {
      problems.push(`"legs.${leg}" is not requestToken, accessToken or resource`);
      continue;
    }
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      problems.push(`"legs.${leg}" must be an object with method and/or placement`);
      continue;
    }
    const { method, placement, ...rest } = spec as Record<string, unknown>;
    for (const key of Object.keys(rest)) problems.push(`"legs.${leg}.${key}" is not method or placement`);
    if (method !== undefined && (typeof method !== 'string' || !/^(GET|POST|PUT)$/i.test(method))) problems.push(`"legs.${leg}.method" must be GET, POST or PUT`);
    if (placement !== undefined && (typeof placement !== 'string' || !(PLACEMENTS as readonly string[]).includes(placement))) problems.push(`"legs.${leg}.placement" must be header, query or body`);
    if (placement === 'body' && typeof method === 'string' && method.toUpperCase() === 'GET') problems.push(`"legs.${leg}": a GET has no body to carry the parameters`);
    out[leg] = { method: typeof method === 'string' ? method.toUpperCase() : undefined, placement: placement as ParameterPlacement | undefined };
  }
  return out as LegTransports;
}

/** An absolute http:// or https:// URL (what a provider endpoint or callback must be). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Validates a parsed profile and returns every problem at once (changesets'
 * habit), so a person fixes the file in one go.
 */
export function validateProfile(data: unknown): { problems: string[]; fields: Record<string, string | number> } {
  const problems: string[] = [];
  const fields: Record<string, string | number> = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { problems: ['the file must hold one JSON object'], fields };
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!KNOWN.has(key)) problems.push(`unknown field "${key}"`);
  for (const key of STRING_FIELDS) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') problems.push(`"${key}" must be a non-empty string`);
    else fields[key] = value;
  }
  for (const key of NUMBER_FIELDS) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) problems.push(`"${key}" must be a positive number of seconds`);
    else fields[key] = value;
  }
  const base = typeof fields['extends'] === 'string' ? findPreset(fields['extends']) : undefined;
  if (fields['extends'] !== undefined && !base) problems.push(`"extends": "${fields['extends']}" is not a known provider`);
  for (const key of ['requestTokenUrl', 'authorizeUrl', 'accessTokenUrl'] as const) {
    if (fields[key] === undefined && !base) problems.push(`"${key}" is missing`);
  }
  for (const key of ['requestTokenUrl', 'authorizeUrl', 'accessTokenUrl', 'resourceUrl', 'registeredCallback'] as const) {
    const value = fields[key];
    if (typeof value === 'string' && !isHttpUrl(value)) problems.push(`"${key}" is not an absolute http(s) URL`);
  }
  const method = fields['signatureMethod'];
  if (typeof method === 'string' && !isSignatureMethod(method.toUpperCase())) problems.push(`"signatureMethod": "${method}" is not ${methodList()}`);
  const dialect = fields['dialect'];
  if (typeof dialect === 'string' && !DIALECTS.includes(dialect as ErrorDialect)) problems.push(`"dialect": "${dialect}" is not one of ${DIALECTS.join(', ')}`);
  const callback = fields['callback'];
  if (typeof callback === 'string' && callback !== 'oob' && callback !== 'loopback' && !isHttpUrl(callback)) problems.push(`"callback" must be "loopback", "oob" or an absolute URL`);
  if (record['authorizeCallback'] !== undefined && typeof record['authorizeCallback'] !== 'boolean') problems.push('"authorizeCallback" must be true or false');
  validateLegs(record['legs'], problems);
  if (record['notes'] !== undefined && !(Array.isArray(record['notes']) && record['notes'].every((n) => typeof n === 'string'))) problems.push('"notes" must be a list of strings');
  return { problems, fields };
}

/** Reads and validates `--provider FILE`. */
export function readProfile(path: string, cwd: string): ProviderProfile {
  const full = resolve(cwd, path);
  const { mode, data } = readProfileJson(path, cwd, 'fix the file; see the README for the profile fields');
  const { problems, fields } = validateProfile(data);
  if (problems.length > 0) {
    throw usageError('profile-invalid', `--provider ${path} has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`, 'fix the file; see the README for the profile fields');
  }
  const str = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : undefined);
  const num = (k: string) => (typeof fields[k] === 'number' ? (fields[k] as number) : undefined);
  const base = str('extends') ? findPreset(str('extends') ?? '') : undefined;
  const notes = (data as { notes?: string[] }).notes;
  const preset: ProviderPreset = {
    name: str('name') ?? base?.name ?? path,
    title: str('title') ?? base?.title ?? `profile ${path}`,
    requestTokenUrl: str('requestTokenUrl') ?? base?.requestTokenUrl ?? '',
    authorizeUrl: str('authorizeUrl') ?? base?.authorizeUrl ?? '',
    accessTokenUrl: str('accessTokenUrl') ?? base?.accessTokenUrl ?? '',
    resourceUrl: str('resourceUrl') ?? base?.resourceUrl,
    signatureMethod: ((str('signatureMethod')?.toUpperCase() as SignatureMethod | undefined) ?? base?.signatureMethod ?? 'HMAC-SHA1'),
    signatureMethods: base?.signatureMethods,
    realm: str('realm') ?? base?.realm,
    scopeParameter: str('scopeParameter') ?? base?.scopeParameter,
    requestTokenLifetimeSec: num('requestTokenLifetimeSec') ?? base?.requestTokenLifetimeSec,
    timestampWindowSec: num('timestampWindowSec') ?? base?.timestampWindowSec,
    dialect: (str('dialect') as ErrorDialect | undefined) ?? base?.dialect ?? 'unknown',
    notes: notes ?? base?.notes ?? [],
    transports: validateLegs((data as { legs?: unknown }).legs, []) ?? base?.transports,
    authorizeCallback: (data as { authorizeCallback?: boolean }).authorizeCallback ?? base?.authorizeCallback,
    callback: base?.callback,
  };
  const warnings: string[] = [];
  if (str('consumerSecret') !== undefined || str('privateKeyFile') !== undefined) {
    if ((mode & 0o077) !== 0) warnings.push(`${path} holds a secret but other users can read it (mode ${mode.toString(8).padStart(4, '0')}); run chmod 600 ${path}`);
  }
  const keyFile = str('privateKeyFile');
  return {
    preset,
    callback: str('callback'),
    registeredCallback: str('registeredCallback'),
    consumerKey: str('consumerKey'),
    consumerSecret: str('consumerSecret'),
    privateKeyFile: keyFile === undefined ? undefined : resolve(full, '..', keyFile),
    warnings,
  };
}
