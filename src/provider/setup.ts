import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inputError, usageError } from '../errors.js';
import { loadPublicKey } from '../oauth/signature.js';
import { SIGNATURE_METHODS } from '../oauth/types.js';
import type { ProviderConfig, ProviderSettings } from './context.js';
import { DEFAULTS, isDialectName, type ConsumerRegistration, type ProviderOptions } from './options.js';
import type { ServerLimits } from './server.js';
import type { ConsumerRecord } from './state.js';
import { retentionFor, type RetentionPolicy } from './retention.js';
import { readStateFile, StatePersister } from './state-file.js';
import { Store } from './store.js';

/** Options from code are checked as strictly as flags: a bad value is a usage error naming it. */
function checkNumber(value: number | undefined, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < min || value > max) throw usageError('invalid-provider-option', `${name} must be a number from ${min} to ${max}, not ${value}`, `leave ${name} out for the default`);
  return value;
}

export function resolveConfig(options: ProviderOptions): ProviderConfig {
  return {
    signatureMethods: options.signatureMethods ?? SIGNATURE_METHODS,
    requestTokenTtlMs: checkNumber(options.requestTokenTtlMs, 'requestTokenTtlMs', 0) ?? DEFAULTS.requestTokenTtlMs,
    accessTokenTtlMs: checkNumber(options.accessTokenTtlMs, 'accessTokenTtlMs', 0),
    sessionTtlMs: checkNumber(options.sessionTtlMs, 'sessionTtlMs', 0),
    timestampWindowSec: checkNumber(options.timestampWindowSec, 'timestampWindowSec', 0) ?? DEFAULTS.timestampWindowSec,
    authorizeRateLimit: options.authorizeRateLimit,
    maxBodyBytes: checkNumber(options.maxBodyBytes, 'maxBodyBytes', 0) ?? DEFAULTS.maxBodyBytes,
    now: options.now ?? Date.now,
  };
}

export function resolveSettings(options: ProviderOptions): ProviderSettings {
  const dialect = options.dialect ?? DEFAULTS.dialect;
  if (!isDialectName(dialect)) throw usageError('unknown-dialect', `dialect "${String(dialect)}" is not known`, 'use problem-reporting, x, oauthlib or jira');
  return {
    dialect,
    autoApprove: options.autoApprove ?? false,
    clockSkewSec: checkNumber(options.clockSkewSec, 'clockSkewSec', -1e9) ?? 0,
    outage: options.outage,
    slowMs: checkNumber(options.slowMs, 'slowMs', 0) ?? 0,
    renewable: options.renewable ?? true,
    authorizeMarksTokenUsed: options.authorizeMarksTokenUsed ?? false,
    expiredAccessTokenProblem: options.expiredAccessTokenProblem ?? 'token_expired',
    realm: options.realm ?? '',
  };
}

export function resolveLimits(options: ProviderOptions): ServerLimits {
  return {
    maxBodyBytes: checkNumber(options.maxBodyBytes, 'maxBodyBytes', 0) ?? DEFAULTS.maxBodyBytes,
    headersTimeoutMs: checkNumber(options.headersTimeoutMs, 'headersTimeoutMs', 1) ?? DEFAULTS.headersTimeoutMs,
    requestTimeoutMs: checkNumber(options.requestTimeoutMs, 'requestTimeoutMs', 1) ?? DEFAULTS.requestTimeoutMs,
    maxHeaderBytes: checkNumber(options.maxHeaderBytes, 'maxHeaderBytes', 1024) ?? DEFAULTS.maxHeaderBytes,
  };
}

function consumerRecord(registration: ConsumerRegistration): ConsumerRecord {
  if (!registration.key) throw usageError('invalid-consumer', 'a consumer needs a key', 'register consumers as { key, secret } or { key, publicKey }');
  if (registration.secret === undefined && !registration.publicKey) throw usageError('invalid-consumer', `consumer ${registration.key} needs a secret or an RSA public key`, 'register consumers as { key, secret } or { key, publicKey }');
  if (registration.publicKey) loadPublicKey(registration.publicKey, `the public key of consumer ${registration.key}`);
  return { ...registration, status: registration.status ?? 'active' };
}

function demoConsumer(): ConsumerRecord {
  return { key: `demo-${randomBytes(6).toString('hex')}`, secret: randomBytes(18).toString('base64url'), status: 'active', generated: true };
}

/**
 * The retention rules: lifetimes as `resolveConfig` settled them (so the
 * defaults and checks live in one place), the chosen retention and the caps.
 */
function resolveRetention(options: ProviderOptions, config: ProviderConfig): RetentionPolicy {
  const chosen = checkNumber(options.tokenRetentionMs, 'tokenRetentionMs', 0);
  return {
    requestTokenMs: retentionFor(config.requestTokenTtlMs, chosen),
    accessTokenMs: retentionFor(config.accessTokenTtlMs, chosen),
    sessionMs: retentionFor(config.sessionTtlMs, chosen),
    maxRequestTokens: checkNumber(options.maxRequestTokens, 'maxRequestTokens', 1) ?? DEFAULTS.maxRequestTokens,
    maxAccessTokens: checkNumber(options.maxAccessTokens, 'maxAccessTokens', 1) ?? DEFAULTS.maxAccessTokens,
  };
}

function resolveMaxNonceBytes(options: ProviderOptions): number | undefined {
  return checkNumber(options.maxNonceBytes, 'maxNonceBytes', 1024);
}

/**
 * The store, loaded from the state file when there is one, with the given
 * consumers registered (replacing saved ones of the same key) and a demo
 * consumer generated when there would be none.
 *
 * `now` is the server clock the endpoints stamp tokens with
 * (`() => context.now()`), read late so that a clock skew changed while
 * running (`/admin/settings`, `update()`) moves forgetting with it. It is
 * first called while loading the state file, so the caller must have its
 * clock ready by then.
 */
export function openStore(options: ProviderOptions, config: ProviderConfig, now: () => number): { store: Store; persister: StatePersister | undefined } {
  let persister: StatePersister | undefined;
  const store = new Store(() => persister?.schedule(), { ...resolveRetention(options, config), now, maxNonceBytes: resolveMaxNonceBytes(options) });
  const saved = options.stateFile ? readStateFile(options.stateFile) : undefined;
  if (saved) store.load(saved);
  for (const registration of options.consumers ?? []) store.putConsumer(consumerRecord(registration));
  if (store.allConsumers().length === 0) store.putConsumer(demoConsumer());
  if (options.stateFile) {
    persister = new StatePersister(options.stateFile, () => store.snapshot(), options.onStateError);
    // At start an unwritable path is a configuration error (exit 2), not something to find out later.
    persister.flushOrThrow();
  }
  return { store, persister };
}

/** Listens and resolves with the port; a bind failure is an input error with advice. */
export async function listen(server: Server, host: string, port: number | undefined): Promise<number> {
  server.listen(checkNumber(port, 'port', 0, 65535) ?? DEFAULTS.port, host);
  try {
    await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error as Error))]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw inputError('provider-listen-failed', `cannot listen on ${host}:${port ?? 0} (${code})`, code === 'EADDRINUSE' ? 'choose another --port, or leave it out for a free one' : 'check --host');
  }
  return (server.address() as AddressInfo).port;
}
