import { randomBytes, randomInt } from 'node:crypto';
import type { SignatureMethod } from '../oauth/types.js';
import { DIALECT_WRITERS, type Dialect, type DialectContext } from './dialects/index.js';
import type { EnforcementContext } from './enforce.js';
import type { Failure } from './failure.js';
import { header, type ProviderReply, type ProviderRequest } from './http-types.js';
import type { DialectName, OutageOptions } from './options.js';
import { preferredLang } from './pages/html.js';
import type { Store } from './store.js';

const FAILURES = new WeakMap<ProviderReply, Failure>();

function remember(answer: ProviderReply, failure: Failure): ProviderReply {
  FAILURES.set(answer, failure);
  return answer;
}

/** The problem a reply carries, whatever the dialect hid it in (for narration). */
export function problemOf(answer: ProviderReply): string | undefined {
  return FAILURES.get(answer)?.problem;
}

/** Settings fixed at start. */
export interface ProviderConfig {
  readonly signatureMethods: readonly SignatureMethod[];
  readonly requestTokenTtlMs: number | undefined;
  readonly accessTokenTtlMs: number | undefined;
  readonly sessionTtlMs: number | undefined;
  readonly timestampWindowSec: number;
  readonly authorizeRateLimit: { readonly max: number; readonly windowMs: number } | undefined;
  readonly maxBodyBytes: number;
  readonly now: () => number;
}

/** Switches tests and demos may flip while the provider runs (admin API). */
export interface ProviderSettings {
  dialect: DialectName;
  autoApprove: boolean;
  clockSkewSec: number;
  outage: OutageOptions | undefined;
  slowMs: number;
  renewable: boolean;
  authorizeMarksTokenUsed: boolean;
  /** The problem an expired access token gets. */
  expiredAccessTokenProblem: 'token_expired' | 'access_token_expired';
  realm: string;
}

/**
 * Server time: the clock plus the skew as it is now (the settings change
 * while running). The one formula for both the endpoints, which stamp
 * tokens with it, and the store, which forgets by it.
 */
export function serverTime(config: Pick<ProviderConfig, 'now'>, settings: Pick<ProviderSettings, 'clockSkewSec'>): number {
  return config.now() + settings.clockSkewSec * 1000;
}

/** What every endpoint handler gets: state, configuration and the current switches. */
export class ProviderContext {
  constructor(
    readonly store: Store,
    readonly config: ProviderConfig,
    readonly settings: ProviderSettings,
  ) {}

  /** Server time: the clock plus the configured skew. */
  now(): number {
    return serverTime(this.config, this.settings);
  }

  get dialect(): Dialect {
    return DIALECT_WRITERS[this.settings.dialect];
  }

  dialectContext(request: ProviderRequest): DialectContext {
    return { realm: this.settings.realm, lang: preferredLang(header(request, 'accept-language')) };
  }

  /** Writes a refused OAuth or API request in the current dialect. */
  refuse(failure: Failure, request: ProviderRequest): ProviderReply {
    return remember(this.dialect.failure(failure, this.dialectContext(request)), failure);
  }

  /** Writes a refused authorise step (a page for a person) in the current dialect. */
  refuseAuthorize(failure: Failure, request: ProviderRequest): ProviderReply {
    return remember(this.dialect.authorizeFailure(failure, this.dialectContext(request)), failure);
  }

  enforcement(): EnforcementContext {
    return {
      store: this.store,
      now: this.now(),
      timestampWindowSec: this.config.timestampWindowSec,
      signatureMethods: this.config.signatureMethods,
      expiredAccessTokenProblem: this.settings.expiredAccessTokenProblem,
    };
  }

  expiry(ttlMs: number | undefined): number | undefined {
    return ttlMs === undefined ? undefined : this.now() + ttlMs;
  }
}

/** An opaque credential: 144 random bits, URL-safe. */
export function newCredential(): string {
  return randomBytes(18).toString('base64url');
}

/** oob verifiers are typed by a person, so they are short digits (like X's PIN); callback verifiers are long. */
export function newVerifier(oob: boolean): string {
  return oob ? String(randomInt(0, 10_000_000)).padStart(7, '0') : randomBytes(15).toString('base64url');
}
