import type { Leg } from '../diagnose/types.js';
import { isDoctorError } from '../errors.js';
import type { HttpExchange } from '../http/types.js';
import { timestampFrom } from '../oauth/sign-request.js';
import { authorize } from './authorize-step.js';
import type { CallbackListener } from './callback-listener.js';
import { buildAccessTokenRequest, parseAccessTokenResponse } from './legs/access-token.js';
import { authorizeWithVerifier, buildAuthorizeUrl } from './legs/authorize.js';
import { buildRequestTokenRequest, parseRequestTokenResponse } from './legs/request-token.js';
import { buildResourceRequest, parseResourceResponse } from './legs/resource.js';
import type { SigningMoment } from './legs/shared.js';
import { stepError, stopError } from './failure.js';
import { note, passed } from './notes.js';
import { Recorder, StopAtFailure } from './recorder.js';
import type { AccessToken, AuthorizedRequestToken, FlowConfig, FlowIo, FlowOutcome, FlowStep, LegResult, PreparedRequest, RequestToken } from './types.js';

/** Tries of a typed PIN on the access-token leg, the first included. */
export const PIN_TRIES = 3;

function callbackValue(config: FlowConfig, listener: CallbackListener | undefined): string {
  if (config.callback.kind === 'oob') return 'oob';
  if (config.callback.kind === 'url') return config.callback.url;
  return listener?.url ?? 'oob';
}

/** One run's state: the recorder, the leg in progress, what the legs produced so far. */
class FlowRun {
  readonly recorder: Recorder;
  currentLeg: Leg = 'request_token';
  requestToken: RequestToken | undefined;
  authorized: AuthorizedRequestToken | undefined;
  authorizeUrl: string | undefined;
  callback: string | undefined;

  constructor(
    readonly config: FlowConfig,
    readonly io: FlowIo,
  ) {
    this.recorder = new Recorder(io.observer);
  }

  /** oauth_timestamp and oauth_nonce from the injected clock and nonce source (RFC 5849 §3.3). */
  moment(): SigningMoment {
    return { timestamp: timestampFrom(this.io.now()), nonce: this.io.nonce() };
  }

  /**
   * Before a leg is built: `--step` waits for the person here, so the request
   * is signed afterwards with a fresh timestamp and nonce.
   */
  async beforeLeg(leg: Leg): Promise<void> {
    this.currentLeg = leg;
    await this.io.person.pause(leg);
  }

  /** Sends a prepared request; a network error is recorded on the step, then rethrown. */
  async sendLeg(prepared: PreparedRequest): Promise<HttpExchange> {
    this.currentLeg = prepared.leg;
    this.io.observer?.legStarting?.(prepared.leg, prepared.http);
    try {
      return await this.io.send(prepared.http);
    } catch (error) {
      this.recorder.add({ name: prepared.leg, ok: false, signed: prepared.signed, notes: [], error: stopError(error) });
      throw error;
    }
  }

  /** Records a parsed leg; a failed one stops the run. */
  settle<T>(result: LegResult<T>, step: Omit<FlowStep, 'title' | 'ok' | 'error'>): T {
    if (result.ok) {
      this.recorder.add({ ...step, ok: true });
      return result.value;
    }
    this.recorder.add({ ...step, ok: false, error: stepError(result.failure) });
    throw new StopAtFailure(result.failure);
  }

  private base(): Omit<FlowOutcome, 'ok'> {
    return { steps: this.recorder.steps, requestToken: this.requestToken, authorized: this.authorized, callback: this.callback, authorizeUrl: this.authorizeUrl };
  }

  succeeded(accessToken: AccessToken): FlowOutcome {
    return { ...this.base(), ok: true, accessToken };
  }

  /** A failed leg or a DoctorError becomes the outcome; anything else is a bug and propagates. */
  stopped(error: unknown): FlowOutcome {
    if (error instanceof StopAtFailure) return { ...this.base(), ok: false, failure: error.failure };
    if (!isDoctorError(error)) throw error;
    if (!this.recorder.steps.some((s) => s.error)) this.recorder.add({ name: this.currentLeg, ok: false, notes: [], error: stopError(error) });
    return { ...this.base(), ok: false, error };
  }
}

/**
 * Runs the three-legged flow (RFC 5849 §2) one leg at a time: build (pure),
 * send (the one sender), parse (pure), record. Stops at the first failure
 * and returns everything it saw; it never throws a DoctorError.
 */
export async function runFlow(config: FlowConfig, io: FlowIo): Promise<FlowOutcome> {
  const run = new FlowRun(config, io);
  let listener: CallbackListener | undefined;
  try {
    if (config.callback.kind === 'loopback') listener = await io.startListener(config.callback.port, config.callback.host);
    const callback = callbackValue(config, listener);
    run.callback = callback;

    // Leg 1: temporary credentials (RFC 5849 §2.1).
    await run.beforeLeg('request_token');
    const rtRequest = buildRequestTokenRequest(config, run.moment(), callback);
    const rtExchange = await run.sendLeg(rtRequest);
    const rtResult = parseRequestTokenResponse(rtExchange);
    const rtNotes = rtResult.ok ? [rtResult.value.callbackConfirmed ? passed('oauth_callback_confirmed=true') : note(OAUTH_1_0_NOTE)] : [];
    const requestToken = run.settle(rtResult, { name: 'request_token', signed: rtRequest.signed, exchange: rtExchange, ms: rtExchange.totalMs, notes: rtNotes });
    run.requestToken = requestToken;

    // Leg 2: resource-owner authorisation (RFC 5849 §2.2).
    await run.beforeLeg('authorize');
    const authorizeUrl = buildAuthorizeUrl(config, requestToken, callback);
    run.authorizeUrl = authorizeUrl;
    const probeUrl = config.probeAuthorize && config.authorize !== 'http' ? () => probeAuthorizeUrl(run, callback) : undefined;
    run.authorized = await authorize({ config, io, recorder: run.recorder, requestToken, authorizeUrl, callback, listener, probeUrl });

    return run.succeeded(await accessLegs(run, run.authorized));
  } catch (error) {
    return run.stopped(error);
  } finally {
    await listener?.close();
  }
}

/**
 * Issue 15 item 17: a provider that does not confirm the callback speaks
 * OAuth 1.0 (before 1.0a, RFC 5849 §2.1 footnote): a protocol difference, not
 * a failure. oauth-doctor adapts to it.
 */
const OAUTH_1_0_NOTE = 'protocol note: no oauth_callback_confirmed, so this provider speaks OAuth 1.0, not 1.0a: oauth_callback also goes on the authorise URL (OAuth Core 1.0 §6.2.1) and the access token is exchanged without oauth_verifier if the callback brings none';

/**
 * Issue 15 item 3: `--probe` must not open the authorise page with the
 * request token the person is about to approve (X uses a token up when its
 * page is opened). It asks for a request token of its own, signed the same
 * way, and probes with that; undefined when the provider will not give one.
 */
async function probeAuthorizeUrl(run: FlowRun, callback: string): Promise<string | undefined> {
  const { config, io } = run;
  const request = buildRequestTokenRequest(config, run.moment(), callback);
  const exchange = await io.send(request.http);
  const parsed = parseRequestTokenResponse(exchange);
  return parsed.ok ? buildAuthorizeUrl(config, parsed.value, callback) : undefined;
}

/**
 * Legs 3 and 4 again, from a request token already approved: what a second
 * exchange of the same token gets (the demo's "reused request token").
 */
export async function resumeFlow(config: FlowConfig, io: FlowIo, authorized: AuthorizedRequestToken): Promise<FlowOutcome> {
  const run = new FlowRun(config, io);
  run.requestToken = authorized.requestToken;
  run.authorized = authorized;
  run.currentLeg = 'access_token';
  try {
    return run.succeeded(await accessLegs(run, authorized));
  } catch (error) {
    return run.stopped(error);
  }
}

/** Legs 3 and 4: token credentials (RFC 5849 §2.3), then a protected resource (§3) when there is one. */
async function accessLegs(run: FlowRun, authorized: AuthorizedRequestToken): Promise<AccessToken> {
  const { config } = run;
  await run.beforeLeg('access_token');
  let current = authorized;
  let accessToken: AccessToken | undefined;
  for (let attempt = 1; accessToken === undefined; attempt++) {
    const atRequest = buildAccessTokenRequest(config, run.moment(), current);
    const atExchange = await run.sendLeg(atRequest);
    const parsed = parseAccessTokenResponse(atExchange);
    const step = { name: 'access_token' as const, signed: atRequest.signed, exchange: atExchange, ms: atExchange.totalMs, notes: [] };
    const again = !parsed.ok && attempt < PIN_TRIES && run.io.retryPin ? await run.io.retryPin(parsed.failure, attempt) : undefined;
    if (again !== undefined && !parsed.ok) {
      // Recorded, not fatal: the request token is still pending, only the PIN was wrong.
      run.recorder.add({ ...step, ok: false, notes: [note(`PIN refused; another try (${attempt + 1} of ${PIN_TRIES})`)], error: stepError(parsed.failure) });
      current = authorizeWithVerifier(current.requestToken, again);
      continue;
    }
    accessToken = run.settle(parsed, step);
  }
  if (config.endpoints.resource) {
    await run.beforeLeg('resource');
    const resRequest = buildResourceRequest(config, run.moment(), accessToken, config.endpoints.resource);
    const resExchange = await run.sendLeg(resRequest);
    run.settle(parseResourceResponse(resExchange), { name: 'resource', signed: resRequest.signed, exchange: resExchange, ms: resExchange.totalMs, notes: [] });
  }
  return accessToken;
}
