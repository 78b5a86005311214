import { resolve } from 'node:path';
import type { Environment } from '../../cli/environment.js';
import { parseSignatureMethod } from '../../cli/credentials.js';
import { parseDuration as parseSharedDuration } from '../../cli/duration.js';
import { usageError } from '../../errors.js';
import { readTextFile } from '../../files/read-text-file.js';
import type { ConsumerRegistration, ProviderOptions } from '../../provider/options.js';
import { isDialectName } from '../../provider/options.js';
import type { ServeOptions } from './options.js';
import { splitKeyValue } from './consumer-list.js';
import { CONSUMERS_VARIABLE, refuseDuplicateKeys, sharedSecretConsumers } from './consumer-sources.js';

/** `2s`, `500ms`, `10m`, `1h`, `30d`; a bare number is seconds (the shared parser, cli/duration.ts). */
function parseDuration(value: string, flag: string): number {
  return parseSharedDuration(value, flag, { bareUnit: 's' });
}

/** A lifetime is compared with the provider's clock, never waited on by a timer: up to a year rather than a timer's 24 days. */
const LIFETIME_MAX_MS = 366 * 86_400_000;
function parseLifetime(value: string | undefined, flag: string): number | undefined {
  return value === undefined ? undefined : parseSharedDuration(value, flag, { bareUnit: 's', maxMs: LIFETIME_MAX_MS });
}

/** Whole seconds from a duration flag (`600`, `10m`, `-10m` when negative is allowed). */
function durationSeconds(value: string, flag: string, allowNegative: boolean): number {
  return Math.round(parseSharedDuration(value, flag, { bareUnit: 's', allowNegative }) / 1000);
}

function parseInteger(value: string, flag: string, min: number, max: number, example: number): number {
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) throw usageError('invalid-number', `${flag} "${value}" must be a whole number from ${min} to ${max}`, `e.g. ${flag} ${example}`);
  return Number(value);
}

function splitKeyFile(value: string): { key: string; file: string } {
  const pair = splitKeyValue(value);
  if (!pair) throw usageError('invalid-consumer', `--rsa-consumer "${value.slice(0, 40)}" is not KEY:FILE`, 'e.g. --rsa-consumer my-app:public.pem');
  return { key: pair.key, file: pair.value };
}

function readPublicKey(path: string, env: Environment): string {
  return readTextFile(path, env.cwd, { code: 'public-key-unreadable', shown: `--rsa-consumer ${path}`, hint: 'give the path of a PEM public key or certificate' });
}

function consumers(options: ServeOptions, env: Environment): ConsumerRegistration[] {
  const status = (key: string) => (options.reject.includes(key) ? 'rejected' : options.throttle.includes(key) ? 'throttled' : 'active');
  const hmac = sharedSecretConsumers(options.consumer, options.consumersFile, env);
  const rsaFlags = options.rsaConsumer.map(splitKeyFile);
  refuseDuplicateKeys([...hmac, ...rsaFlags.map(({ key }) => ({ key, from: '--rsa-consumer' }))]);
  const all: ConsumerRegistration[] = [...hmac.map(({ key, secret }) => ({ key, secret })), ...rsaFlags.map(({ key, file }) => ({ key, publicKey: readPublicKey(file, env) }))];
  for (const key of [...options.throttle, ...options.reject, ...options.oobOnly]) {
    if (!all.some((c) => c.key === key)) throw usageError('unknown-consumer', `${key} is not a registered consumer`, `register it with --consumer, --consumers-file or ${CONSUMERS_VARIABLE} first`);
  }
  return all.map((c) => ({ ...c, status: status(c.key), oobOnly: options.oobOnly.includes(c.key) || undefined }));
}

function outage(value: string | boolean | undefined): ProviderOptions['outage'] {
  if (value === undefined || value === false) return undefined;
  if (value === true || value === '503') return { status: 503 };
  if (value === '500' || value === '502') return { status: Number(value) as 500 | 502 };
  throw usageError('invalid-outage', `--outage "${value}" must be 500, 502 or 503`, 'e.g. --outage 502, or --outage alone for 503');
}

/** `5/1m`: at most 5 authorisations per client address per minute. */
function authorizeLimit(value: string | undefined): ProviderOptions['authorizeRateLimit'] {
  if (value === undefined) return undefined;
  const [max = '', window = ''] = value.split('/');
  if (!/^\d+$/.test(max) || window === '') throw usageError('invalid-authorize-limit', `--authorize-limit "${value}" is not N/DURATION`, 'e.g. --authorize-limit 5/1m');
  return { max: Number(max), windowMs: parseDuration(window, '--authorize-limit') };
}

/** Turns the flags into provider options; every bad value is a usage error naming its flag. */
export function providerOptions(options: ServeOptions, env: Environment): ProviderOptions {
  if (!isDialectName(options.dialect)) throw usageError('unknown-dialect', `--dialect "${options.dialect}" is not known`, 'use problem-reporting, x, oauthlib or jira');
  const duration = (value: string | undefined, flag: string) => (value === undefined ? undefined : parseDuration(value, flag));
  return {
    host: options.host,
    port: options.port === undefined ? 0 : parseInteger(options.port, '--port', 0, 65535, 8080),
    consumers: consumers(options, env),
    dialect: options.dialect,
    autoApprove: options.autoApprove ?? false,
    requestTokenTtlMs: parseLifetime(options.requestTokenTtl, '--request-token-ttl'),
    accessTokenTtlMs: parseLifetime(options.accessTokenTtl, '--access-token-ttl'),
    sessionTtlMs: parseLifetime(options.sessionTtl, '--session-ttl'),
    tokenRetentionMs: parseLifetime(options.tokenRetention, '--token-retention'),
    renewable: options.renew,
    clockSkewSec: options.clockSkew === undefined ? undefined : durationSeconds(options.clockSkew, '--clock-skew', true),
    timestampWindowSec: options.timestampWindow === undefined ? undefined : durationSeconds(options.timestampWindow, '--timestamp-window', false),
    signatureMethods: options.signatureMethods?.split(',').map((m) => parseSignatureMethod(m.trim(), '--signature-methods')),
    outage: outage(options.outage),
    slowMs: duration(options.slow, '--slow'),
    authorizeMarksTokenUsed: options.authorizeMarksUsed ?? false,
    authorizeRateLimit: authorizeLimit(options.authorizeLimit),
    stateFile: options.state === undefined ? undefined : resolve(env.cwd, options.state),
  };
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts served without --allow-remote. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
