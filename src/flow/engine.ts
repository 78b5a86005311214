import type { Leg } from '../diagnose/types.js';
import type { DoctorError } from '../errors.js';
import { inputError, isDoctorError } from '../errors.js';
import { headerValue } from '../http/headers.js';
import type { HttpExchange, HttpRequest } from '../http/types.js';
import { timestampFrom } from '../oauth/sign-request.js';
import type { CallbackListener, ReceivedCallback } from './callback-listener.js';
import { buildAccessTokenRequest, parseAccessTokenResponse } from './legs/access-token.js';
import { authorizeWithVerifier, buildAuthorizeUrl, parseCallbackUrl } from './legs/authorize.js';
import { buildRequestTokenRequest, parseRequestTokenResponse } from './legs/request-token.js';
import { buildResourceRequest, parseResourceResponse } from './legs/resource.js';
import type { SigningMoment } from './legs/shared.js';
import { findVerifierInPage } from './page-verifier.js';
import type { AccessToken, AuthorizedRequestToken, FlowConfig, FlowStep, LegFailure, LegResult, PreparedRequest, RequestToken } from './types.js';

/** What the engine needs from the world; run.ts wires the real one, tests their own. */
export interface FlowIo {
  now(): number;
  nonce(): string;
  /** Sends one request (network errors are DoctorErrors). */
  send(request: HttpRequest, options?: { maxRedirects?: number }): Promise<HttpExchange>;
  /** True when a response is a known error (oauth_problem, a known error page…): the diagnostics module decides. */
  recognisesProblem(exchange: HttpExchange): boolean;
  startListener(port: number | undefined): Promise<CallbackListener>;
  /** How long to wait for the person or the callback. */
  readonly waitTimeoutMs: number;
  readonly person: Person;
  readonly observer?: FlowObserver | undefined;
}

/** The person in front of the terminal (or its absence, in CI). */
export interface Person {
  /** `--step`: resolves when the person wants the leg sent. */
  pause(leg: Leg): Promise<void>;
  /** Opens a URL in the browser; false when no browser could be started. */
  openBrowser(url: string): Promise<boolean>;
  /** The PIN (oob) or the URL the browser was sent to (a registered callback that is not ours). */
  ask(what: 'pin' | 'callback-url'): Promise<string>;
  /** Shows that we are waiting (a spinner on a terminal); returns how to stop showing it. */
  waiting(text: string): () => void;
}

/** Live narration hooks. */
export interface FlowObserver {
  legStarting?(leg: Leg, request?: HttpRequest): void;
  stepDone?(step: FlowStep): void;
  /** The authorise URL, for a person to open (print and browser modes). */
  authorizeUrl?(url: string, opened: boolean | undefined): void;
}

export interface FlowOutcome {
  readonly ok: boolean;
  readonly steps: readonly FlowStep[];
  /** Where it stopped, when the provider refused or answered nonsense. */
  readonly failure?: LegFailure | undefined;
  /** A network, timeout, usage or interrupt error that stopped the run. */
  readonly error?: DoctorError | undefined;
  readonly requestToken?: RequestToken | undefined;
  /** The approved request token and its verifier, once the callback leg is done. */
  readonly authorized?: AuthorizedRequestToken | undefined;
  readonly accessToken?: AccessToken | undefined;
  /** The callback we asked for (oauth_callback). */
  readonly callback?: string | undefined;
  readonly authorizeUrl?: string | undefined;
}

const TITLES: Record<Leg, string> = {
  request_token: 'Request token',
  authorize: 'User authorisation',
  callback: 'Callback',
  access_token: 'Access token',
  resource: 'Protected resource',
};

class Recorder {
  readonly steps: FlowStep[] = [];
  constructor(private readonly observer: FlowObserver | undefined) {}

  add(step: Omit<FlowStep, 'title'>): FlowStep {
    const full: FlowStep = { ...step, title: TITLES[step.name] };
    this.steps.push(full);
    this.observer?.stepDone?.(full);
    return full;
  }
}

/** Thrown inside the engine to stop at a failed leg; never leaves runFlow. */
class StopAtFailure extends Error {
  constructor(readonly failure: LegFailure) {
    super(failure.reason);
  }
}

function callbackValue(config: FlowConfig, listener: CallbackListener | undefined): string {
  if (config.callback.kind === 'oob') return 'oob';
  if (config.callback.kind === 'url') return config.callback.url;
  return listener?.url ?? 'oob';
}

/** True when `location` is the callback URL (same origin and path), whatever its query. */
function isCallback(location: string, callback: string): boolean {
  try {
    const a = new URL(location);
    const b = new URL(callback);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
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
      this.recorder.add({ name: prepared.leg, ok: false, signed: prepared.signed, notes: [], error: errorSummary(error) });
      throw error;
    }
  }

  /** Records a parsed leg; a failed one stops the run. */
  settle<T>(result: LegResult<T>, step: Omit<FlowStep, 'title' | 'ok' | 'error'>): T {
    if (result.ok) {
      this.recorder.add({ ...step, ok: true });
      return result.value;
    }
    this.recorder.add({ ...step, ok: false, error: { code: 'refused', message: result.failure.reason } });
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
    if (!this.recorder.steps.some((s) => s.error)) this.recorder.add({ name: this.currentLeg, ok: false, notes: [], error: errorSummary(error) });
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
    if (config.callback.kind === 'loopback') listener = await io.startListener(config.callback.port);
    const callback = callbackValue(config, listener);
    run.callback = callback;

    // Leg 1: temporary credentials (RFC 5849 §2.1).
    await run.beforeLeg('request_token');
    const rtRequest = buildRequestTokenRequest(config, run.moment(), callback);
    const rtExchange = await run.sendLeg(rtRequest);
    const rtResult = parseRequestTokenResponse(rtExchange);
    const rtNotes = rtResult.ok ? [rtResult.value.callbackConfirmed ? 'oauth_callback_confirmed=true ✓' : 'oauth_callback_confirmed=true is missing (RFC 5849 §2.1 requires it; an OAuth 1.0 provider?)'] : [];
    const requestToken = run.settle(rtResult, { name: 'request_token', signed: rtRequest.signed, exchange: rtExchange, ms: rtExchange.totalMs, notes: rtNotes });
    run.requestToken = requestToken;

    // Leg 2: resource-owner authorisation (RFC 5849 §2.2).
    await run.beforeLeg('authorize');
    const authorizeUrl = buildAuthorizeUrl(config, requestToken);
    run.authorizeUrl = authorizeUrl;
    run.authorized = await authorize(config, io, run.recorder, requestToken, authorizeUrl, callback, listener);

    return run.succeeded(await accessLegs(run, run.authorized));
  } catch (error) {
    return run.stopped(error);
  } finally {
    await listener?.close();
  }
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
  const atRequest = buildAccessTokenRequest(config, run.moment(), authorized);
  const atExchange = await run.sendLeg(atRequest);
  const accessToken = run.settle(parseAccessTokenResponse(atExchange), { name: 'access_token', signed: atRequest.signed, exchange: atExchange, ms: atExchange.totalMs, notes: [] });
  if (config.endpoints.resource) {
    await run.beforeLeg('resource');
    const resRequest = buildResourceRequest(config, run.moment(), accessToken, config.endpoints.resource);
    const resExchange = await run.sendLeg(resRequest);
    run.settle(parseResourceResponse(resExchange), { name: 'resource', signed: resRequest.signed, exchange: resExchange, ms: resExchange.totalMs, notes: [] });
  }
  return accessToken;
}

function errorSummary(error: unknown): { code: string; message: string } {
  return isDoctorError(error) ? { code: error.code, message: error.message } : { code: 'internal', message: String(error) };
}

/** Leg 2 in its three modes; returns the authorised token or stops at a failure. */
async function authorize(
  config: FlowConfig,
  io: FlowIo,
  recorder: Recorder,
  requestToken: RequestToken,
  authorizeUrl: string,
  callback: string,
  listener: CallbackListener | undefined,
): Promise<AuthorizedRequestToken> {
  // Wait for the callback before anything can trigger it.
  const pending = listener?.wait(requestToken.token, io.waitTimeoutMs);
  pending?.catch(() => undefined);

  if (config.authorize === 'http') return authorizeOverHttp(config, io, recorder, requestToken, authorizeUrl, callback, listener, pending);

  if (config.probeAuthorize) {
    io.observer?.legStarting?.('authorize', { method: 'GET', url: authorizeUrl, headers: {} });
    const probe = await io.send({ method: 'GET', url: authorizeUrl, headers: { accept: 'text/html' } });
    if (io.recognisesProblem(probe)) {
      recorder.add({ name: 'authorize', ok: false, exchange: probe, ms: probe.totalMs, notes: ['probed the authorise page before sending a person there'], error: { code: 'refused', message: 'the authorise page is an error page' } });
      throw new StopAtFailure({ leg: 'authorize', reason: 'the authorise page is a known error page', exchange: probe });
    }
  }
  let opened: boolean | undefined;
  if (config.authorize === 'browser') opened = await io.person.openBrowser(authorizeUrl);
  io.observer?.authorizeUrl?.(authorizeUrl, opened);
  const notes = [config.authorize === 'browser' ? (opened ? 'opened in the browser' : 'no browser could be started: open the URL yourself') : 'printed for you to open'];
  recorder.add({ name: 'authorize', ok: true, notes });

  if (config.callback.kind === 'loopback' && pending && listener) {
    const received = await waitWithSpinner(io, pending, `Waiting for the callback on ${listener.url}`);
    return callbackStep(recorder, received.url, requestToken, received.waitedMs, received);
  }
  if (config.verifier !== undefined) {
    recorder.add({ name: 'callback', ok: true, notes: ['verifier from --verifier'] });
    return authorizeWithVerifier(requestToken, config.verifier);
  }
  if (config.callback.kind === 'oob') {
    const started = io.now();
    const pin = await io.person.ask('pin');
    recorder.add({ name: 'callback', ok: true, ms: io.now() - started, notes: ['verifier (PIN) typed by the person'] });
    return authorizeWithVerifier(requestToken, pin);
  }
  const started = io.now();
  const pasted = await io.person.ask('callback-url');
  return callbackStep(recorder, pasted.trim(), requestToken, io.now() - started, undefined, true);
}

function callbackStep(recorder: Recorder, url: string, requestToken: RequestToken, ms: number, received?: ReceivedCallback, pasted = false): AuthorizedRequestToken {
  const result = parseCallbackUrl(url, requestToken);
  const notes: string[] = [];
  if (received && received.ignored.length > 0) notes.push(`turned away first: ${received.ignored.join('; ')}`);
  if (result.ok) {
    notes.push('oauth_token matches the pending request token ✓', 'oauth_verifier received ✓');
    recorder.add({ name: 'callback', ok: true, ms, notes });
    return result.value;
  }
  recorder.add({ name: 'callback', ok: false, ms, notes, error: { code: 'refused', message: result.failure.reason } });
  const denied = /denied|oauth_problem/.test(result.failure.reason);
  // A URL the person pasted that is not a usable callback is their input, not the provider's answer.
  if (pasted && !denied) throw inputError('callback-url-invalid', `the pasted URL is not a usable callback: ${result.failure.reason}`, 'paste the whole address from the browser’s address bar after approving');
  throw new StopAtFailure({ leg: 'callback', reason: result.failure.reason, callbackUrl: url });
}

async function waitWithSpinner<T>(io: FlowIo, promise: Promise<T>, text: string): Promise<T> {
  const stop = io.person.waiting(text);
  try {
    return await promise;
  } finally {
    stop();
  }
}

/**
 * `--authorize http`: fetch the authorise page and follow its redirects
 * ourselves, for providers that approve without a person (the embedded
 * provider, test servers, CI). A redirect to our loopback listener is
 * delivered to it; a redirect to someone else's callback is read, never
 * fetched; an oob page is searched for the PIN.
 */
async function authorizeOverHttp(
  config: FlowConfig,
  io: FlowIo,
  recorder: Recorder,
  requestToken: RequestToken,
  authorizeUrl: string,
  callback: string,
  listener: CallbackListener | undefined,
  pending: Promise<ReceivedCallback> | undefined,
): Promise<AuthorizedRequestToken> {
  let url = authorizeUrl;
  let ms = 0;
  const hops: string[] = [];
  for (let hop = 0; hop < 10; hop++) {
    io.observer?.legStarting?.('authorize', { method: 'GET', url, headers: {} });
    const exchange = await io.send({ method: 'GET', url, headers: { accept: 'text/html' } });
    ms += exchange.totalMs;
    const status = exchange.response.status;
    const location = headerValue(exchange.response.headers, 'location');
    if (status >= 300 && status < 400 && location) {
      const next = new URL(location, url).href;
      if (config.callback.kind !== 'oob' && isCallback(next, callback)) {
        recorder.add({ name: 'authorize', ok: true, exchange, ms, notes: [...hops, `${status}: redirected to the callback`] });
        if (listener && pending) {
          // Deliver it as a browser would; the listener checks the token and answers.
          await io.send({ method: 'GET', url: next, headers: { accept: 'text/html' } });
          const received = await pending;
          return callbackStep(recorder, received.url, requestToken, received.waitedMs, received);
        }
        return callbackStep(recorder, next, requestToken, 0);
      }
      hops.push(`${status}: redirected to ${new URL(next).origin}${new URL(next).pathname}`);
      url = next;
      continue;
    }
    const isError = status >= 400 || io.recognisesProblem(exchange);
    if (!isError && config.callback.kind === 'oob') {
      const verifier = config.verifier ?? findVerifierInPage(exchange.response.body);
      if (verifier !== undefined) {
        recorder.add({ name: 'authorize', ok: true, exchange, ms, notes: [...hops, config.verifier !== undefined ? 'verifier from --verifier' : 'found the PIN on the page'] });
        return authorizeWithVerifier(requestToken, verifier);
      }
    }
    const reason = isError
      ? `the authorise page answered ${status} with an error`
      : `the authorise page answered ${status} without redirecting to the callback${config.callback.kind === 'oob' ? ' or showing a PIN' : ''}: it probably waits for a person (use --authorize browser or print)`;
    recorder.add({ name: 'authorize', ok: false, exchange, ms, notes: hops, error: { code: 'refused', message: reason } });
    throw new StopAtFailure({ leg: 'authorize', reason, exchange });
  }
  const reason = 'the authorise page redirected more than 10 times';
  recorder.add({ name: 'authorize', ok: false, ms, notes: hops, error: { code: 'refused', message: reason } });
  throw new StopAtFailure({ leg: 'authorize', reason });
}
