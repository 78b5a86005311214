import { fingerprintToken } from '../../diagnose/fingerprint.js';
import { EMPTY_LEDGER, priorUse, recordRevocation, recordRotation, recordUse, type Ledger, type LedgerKind } from '../../diagnose/oauth2/ledger.js';
import type { OAuth2Evidence, PriorUse, RefreshEvent } from '../../diagnose/oauth2/types.js';
import { DoctorError } from '../../errors.js';
import type { HttpExchange, HttpRequest } from '../../http/types.js';
import { applyClientAuth, type ClientAuthApplied, type SupportedAuthMethod } from '../../oauth2/client-auth.js';
import type { FormPairs } from '../../oauth2/form.js';
import { formPost } from '../../oauth2/requests.js';
import { clockOffsetSec } from '../../oauth2/responses.js';
import type { OAuth2Refusal } from '../../oauth2/types.js';
import type { OAuth2FlowConfig, OAuth2Io, OAuth2StepName, OAuth2StepRecord, Working } from './types.js';

const STEP_TITLES: Record<OAuth2StepName, string> = {
  discovery: 'Discovery',
  jwks: 'JWKS',
  'access-token': 'Access token (JWT)',
  par: 'Pushed authorization request',
  authorize: 'Authorization',
  callback: 'Callback',
  token: 'Code exchange',
  refresh: 'Refresh',
  'client-credentials': 'Client credentials',
  'device-authorization': 'Device authorization',
  'device-token': 'Device token',
  revocation: 'Revocation',
  introspection: 'Introspection',
  userinfo: 'UserInfo',
  resource: 'Resource',
};

/** Thrown inside the engine to stop at a refused step; never leaves runOAuth2Flow. */
export class Stop extends Error {
  constructor(
    readonly step: OAuth2StepName,
    readonly refusal: OAuth2Refusal,
    readonly exchange?: HttpExchange | undefined,
  ) {
    super(refusal.error);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One run's state: the steps recorded, the evidence gathered for the
 * diagnosis as the steps go (OAuth2Evidence, fingerprints only), and the
 * reuse ledger read before each code or refresh token is presented.
 */
export class Session {
  readonly steps: OAuth2StepRecord[] = [];
  readonly evidence: Mutable<OAuth2Evidence> = { oauth2Request: true };
  readonly refreshes: RefreshEvent[] = [];
  private ledger: Ledger;
  /** The method sent: the config's, or the one discovery chose from the metadata (chooseClientAuth). */
  clientAuth: SupportedAuthMethod;
  clientAuthFromMetadata = false;
  /** The scope asked: the config's, or `openid` when none was given and the server is an OpenID Connect provider. */
  scope: string | undefined;
  private paused: OAuth2StepName | undefined;

  constructor(
    readonly config: OAuth2FlowConfig,
    readonly io: OAuth2Io,
  ) {
    this.ledger = io.ledger?.load() ?? EMPTY_LEDGER;
    this.clientAuth = config.clientAuth;
    this.scope = config.scope;
    this.evidence.provider = config.provider;
    this.evidence.issuer = config.issuer;
    this.evidence.codeLifetimeSec = config.codeLifetimeSec;
  }

  secret(value: string | undefined): void {
    if (value !== undefined && value !== '') this.io.observer?.secret?.(value);
  }

  record(step: Omit<OAuth2StepRecord, 'title'> & { title?: string }): OAuth2StepRecord {
    const full: OAuth2StepRecord = { ...step, title: step.title ?? STEP_TITLES[step.name] };
    this.steps.push(full);
    this.io.observer?.stepDone?.(full);
    return full;
  }

  /** `--step`: one pause before a step, however many requests it sends (discovery's two URLs, redirects, polls). */
  async pause(name: OAuth2StepName, title: string = STEP_TITLES[name]): Promise<void> {
    if (this.io.pause === undefined || this.paused === name) return;
    this.paused = name;
    await this.io.pause(name, title.replace(/ \(.*\)$/, ''));
  }

  /** Sends one request of a step; a network failure is recorded as the step and rethrown. */
  async send(name: OAuth2StepName, request: HttpRequest, options: { maxRedirects?: number; title?: string } = {}): Promise<HttpExchange> {
    await this.pause(name, options.title);
    this.io.observer?.stepStarting?.(name, options.title ?? STEP_TITLES[name], request);
    try {
      const exchange = await this.io.send(request, { maxRedirects: options.maxRedirects ?? 0 });
      const offset = clockOffsetSec(exchange.response, exchange.startedAt + exchange.headersMs);
      if (offset !== undefined) this.evidence.clockOffsetSec = offset;
      return exchange;
    } catch (error) {
      if (error instanceof DoctorError) this.record({ name, title: options.title, ok: false, exchanges: [], request, working: [], notes: [], error: { code: error.code, message: error.message } });
      throw error;
    }
  }

  /** Client authentication for a request to `endpoint` (token, PAR, revocation, introspection, device authorization). */
  async auth(endpoint: string): Promise<ClientAuthApplied> {
    const c = this.config;
    const applied = await applyClientAuth(this.clientAuth, c.client, {
      audience: c.assertionAudience,
      issuer: this.evidence.metadata?.issuer ?? c.issuer,
      tokenEndpoint: endpoint,
      now: Math.floor(this.io.now() / 1000),
      jti: Buffer.from(this.io.random(16)).toString('base64url'),
      alg: c.assertionAlg,
    });
    this.secret(applied.assertion?.jwt);
    // RFC 6749 §2.3.1: the Basic credentials are the secret in base64, replayable as they stand.
    this.secret(applied.headers['authorization']?.replace(/^Basic\s+/i, ''));
    return applied;
  }

  /** A form POST with client authentication, and the working it shows. */
  async post(endpoint: string, pairs: FormPairs): Promise<{ request: HttpRequest; working: Working[]; auth: ClientAuthApplied }> {
    const auth = await this.auth(endpoint);
    const working: Working[] = [{ label: 'client auth', value: this.clientAuthFromMetadata ? `${auth.method} (chosen from the metadata, see Discovery)` : auth.method }];
    if (auth.assertion) {
      const { claims, alg } = auth.assertion;
      working.push({ label: 'assertion', value: `${alg} iss=sub=${claims.iss} aud=${claims.aud} iat=${claims.iat} exp=${claims.exp} jti=${claims.jti}` });
    }
    return { request: formPost(endpoint, pairs, auth), working, auth };
  }

  /** What the ledger knew of a code or refresh token, then its use now recorded. */
  use(kind: LedgerKind, value: string): PriorUse | undefined {
    const fp = fingerprintToken(value);
    const prior = priorUse(this.ledger, kind, fp);
    this.ledger = recordUse(this.ledger, { kind, fp, at: this.io.now(), issuer: this.evidence.metadata?.issuer ?? this.config.issuer });
    return prior;
  }

  rotated(from: string, to: string): void {
    this.ledger = recordRotation(this.ledger, fingerprintToken(from), fingerprintToken(to), this.io.now());
  }

  revoked(value: string): void {
    this.ledger = recordRevocation(this.ledger, 'refresh_token', fingerprintToken(value), this.io.now());
  }

  saveLedger(): void {
    this.io.ledger?.save(this.ledger);
  }

  evidenceNow(failedStep: OAuth2StepName | undefined): OAuth2Evidence {
    return { ...this.evidence, observedAt: this.io.now(), failedStep: failedStep === 'jwks' || failedStep === 'access-token' ? 'token' : failedStep, refreshes: [...this.refreshes] };
  }
}

/** A random URL-safe value (state, nonce): 16 bytes, base64url. */
export function randomValue(io: OAuth2Io): string {
  return Buffer.from(io.random(16)).toString('base64url');
}
