import { inputError } from '../errors.js';
import { CookieJar } from '../http/cookies.js';
import { firstHeaderValue } from '../http/headers.js';
import type { CallbackListener, ReceivedCallback } from './callback-listener.js';
import { authorizeWithVerifier, parseCallbackUrl } from './legs/authorize.js';
import { findVerifierInPage } from './page-verifier.js';
import { StopAtFailure, type Recorder } from './recorder.js';
import { answerFailure, approvalPageFailure, redirectLoopFailure, stepError } from './failure.js';
import { note, passed, type FlowNote } from './notes.js';
import type { AuthorizedRequestToken, FlowConfig, FlowIo, RequestToken } from './types.js';

const OAUTH_1_0_OOB_NOTE = 'protocol note: OAuth 1.0 out of band has no PIN (OAuth Core 1.0 §6.2.3): the access token is asked for without oauth_verifier';

/** True when a page still asks for input (a login or consent form), so it is no approval yet. */
function hasForm(body: string): boolean {
  return /<form[\s>]/i.test(body);
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

/** What the authorisation leg works with: the run, the token from leg 1 and where to send the person. */
export interface AuthorizeLeg {
  readonly config: FlowConfig;
  readonly io: FlowIo;
  readonly recorder: Recorder;
  readonly requestToken: RequestToken;
  readonly authorizeUrl: string;
  /** The oauth_callback sent in leg 1. */
  readonly callback: string;
  readonly listener: CallbackListener | undefined;
  /** `--probe`: the authorise URL for a request token of the probe's own (never the one the person approves). */
  readonly probeUrl?: (() => Promise<string | undefined>) | undefined;
}

/** Leg 2 (RFC 5849 §2.2) in its three modes; returns the authorised token or stops at a failure. */
export async function authorize(leg: AuthorizeLeg): Promise<AuthorizedRequestToken> {
  const { config, io, recorder, requestToken, authorizeUrl, listener } = leg;
  // Wait for the callback before anything can trigger it.
  const pending = listener?.wait(requestToken.token, io.waitTimeoutMs);
  pending?.catch(() => undefined);

  if (config.authorize === 'http') return authorizeOverHttp(leg, pending);

  const probeNotes: FlowNote[] = [];
  if (config.probeAuthorize && leg.probeUrl) {
    const probeUrl = await leg.probeUrl();
    if (probeUrl === undefined) probeNotes.push(note('--probe: the provider gave no second request token to probe with; the page was not probed'));
    else {
      io.observer?.legStarting?.('authorize', { method: 'GET', url: probeUrl, headers: {} });
      const probe = await io.send({ method: 'GET', url: probeUrl, headers: { accept: 'text/html' } });
      const own = note('with a request token of its own, so the one you approve is untouched');
      if (io.recognisesProblem(probe)) {
        const failure = answerFailure('authorize', 'error-page', probe, 'the authorise page is a known error page');
        recorder.add({ name: 'authorize', ok: false, exchange: probe, ms: probe.totalMs, notes: [note('probed the authorise page before sending a person there'), own], error: stepError(failure) });
        throw new StopAtFailure(failure);
      }
      probeNotes.push(passed('probed the authorise page before sending a person there: no known error page'), own);
    }
  }
  let opened: boolean | undefined;
  if (config.authorize === 'browser') opened = await io.person.openBrowser(authorizeUrl);
  io.observer?.authorizeUrl?.(authorizeUrl, opened);
  const notes = [...probeNotes, note(config.authorize === 'browser' ? (opened ? 'opened in the browser' : 'no browser could be started: open the URL yourself') : 'printed for you to open')];
  recorder.add({ name: 'authorize', ok: true, notes });

  if (config.callback.kind === 'loopback' && pending && listener) {
    const received = await waitWithSpinner(io, pending, `Waiting for the callback on ${listener.url}`);
    return callbackStep(recorder, received.url, requestToken, received.waitedMs, received);
  }
  if (config.verifier !== undefined) {
    recorder.add({ name: 'callback', ok: true, notes: [note('verifier from --verifier')] });
    return authorizeWithVerifier(requestToken, config.verifier);
  }
  if (config.callback.kind === 'oob' && !requestToken.callbackConfirmed) {
    // OAuth Core 1.0 §6.2.3 out of band: no PIN, the person says when they are done.
    const started = io.now();
    const answer = await io.person.ask('approval');
    recorder.add({ name: 'callback', ok: true, ms: io.now() - started, notes: [note(answer ? 'verifier (PIN) typed by the person' : OAUTH_1_0_OOB_NOTE)] });
    return authorizeWithVerifier(requestToken, answer);
  }
  if (config.callback.kind === 'oob') {
    const started = io.now();
    const pin = await io.person.ask('pin');
    recorder.add({ name: 'callback', ok: true, ms: io.now() - started, notes: [note('verifier (PIN) typed by the person')] });
    return authorizeWithVerifier(requestToken, pin);
  }
  const started = io.now();
  const pasted = await io.person.ask('callback-url');
  return callbackStep(recorder, pasted.trim(), requestToken, io.now() - started, undefined, true);
}

function callbackStep(recorder: Recorder, url: string, requestToken: RequestToken, ms: number, received?: ReceivedCallback, pasted = false): AuthorizedRequestToken {
  const result = parseCallbackUrl(url, requestToken);
  const notes: FlowNote[] = [];
  if (received && received.ignoredCount > 0) notes.push(note(`turned away first: ${received.ignoredSummary}`));
  if (result.ok) {
    notes.push(passed('oauth_token matches the pending request token'), result.value.verifier === undefined ? note('protocol note: no oauth_verifier (OAuth 1.0): the access token is asked for without one') : passed('oauth_verifier received'));
    recorder.add({ name: 'callback', ok: true, ms, notes });
    return result.value;
  }
  const { failure } = result;
  recorder.add({ name: 'callback', ok: false, ms, notes, error: stepError(failure) });
  // A URL the person pasted that is not a usable callback is their input, not the provider's answer.
  if (pasted && failure.kind === 'callback-unusable') throw inputError('callback-url-invalid', `the pasted URL is not a usable callback: ${failure.message}`, 'paste the whole address from the browser’s address bar after approving');
  throw new StopAtFailure(failure);
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
async function authorizeOverHttp(leg: AuthorizeLeg, pending: Promise<ReceivedCallback> | undefined): Promise<AuthorizedRequestToken> {
  const { config, io, recorder, requestToken, authorizeUrl, callback, listener } = leg;
  let url = authorizeUrl;
  let ms = 0;
  const hops: FlowNote[] = [];
  const jar = new CookieJar();
  for (let hop = 0; hop < 10; hop++) {
    io.observer?.legStarting?.('authorize', { method: 'GET', url, headers: {} });
    const cookie = jar.header(url);
    const exchange = await io.send({ method: 'GET', url, headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
    jar.store(url, exchange.response.headers, io.now());
    ms += exchange.totalMs;
    const status = exchange.response.status;
    const location = firstHeaderValue(exchange.response.headers, 'location');
    if (status >= 300 && status < 400 && location) {
      const next = new URL(location, url).href;
      if (config.callback.kind !== 'oob' && isCallback(next, callback)) {
        recorder.add({ name: 'authorize', ok: true, exchange, ms, notes: [...hops, note(`${status}: redirected to the callback`)] });
        if (listener && pending) {
          // Deliver it as a browser would; the listener checks the token and answers.
          await io.send({ method: 'GET', url: next, headers: { accept: 'text/html' } });
          const received = await pending;
          return callbackStep(recorder, received.url, requestToken, received.waitedMs, received);
        }
        return callbackStep(recorder, next, requestToken, 0);
      }
      hops.push(note(`${status}: redirected to ${new URL(next).origin}${new URL(next).pathname}${jar.size > 0 ? ` (with ${jar.size} cookie${jar.size === 1 ? '' : 's'} it set)` : ''}`));
      url = next;
      continue;
    }
    const isError = status >= 400 || io.recognisesProblem(exchange);
    if (!isError && config.callback.kind === 'oob') {
      const verifier = config.verifier ?? findVerifierInPage(exchange.response.body);
      if (verifier !== undefined) {
        recorder.add({ name: 'authorize', ok: true, exchange, ms, notes: [...hops, note(config.verifier !== undefined ? 'verifier from --verifier' : 'found the PIN on the page')] });
        return authorizeWithVerifier(requestToken, verifier);
      }
      // An OAuth 1.0 provider shows no PIN out of band: a page that asks nothing more (no form) is the approval.
      if (!requestToken.callbackConfirmed && !hasForm(exchange.response.body)) {
        recorder.add({ name: 'authorize', ok: true, exchange, ms, notes: [...hops, note(`${status}: a page with no PIN and no form`), note(OAUTH_1_0_OOB_NOTE)] });
        return authorizeWithVerifier(requestToken, undefined);
      }
    }
    const failure = isError
      ? answerFailure('authorize', 'error-page', exchange, `the authorise page answered ${status} with an error`)
      : approvalPageFailure(exchange, `the authorise page answered ${status} without redirecting to the callback${config.callback.kind === 'oob' ? ' or showing a PIN' : ''}: it probably waits for a person (use --authorize browser or print)`);
    recorder.add({ name: 'authorize', ok: false, exchange, ms, notes: hops, error: stepError(failure) });
    throw new StopAtFailure(failure);
  }
  const failure = redirectLoopFailure('the authorise page redirected more than 10 times');
  recorder.add({ name: 'authorize', ok: false, ms, notes: hops, error: stepError(failure) });
  throw new StopAtFailure(failure);
}
