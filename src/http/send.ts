import { performance } from 'node:perf_hooks';
import { request as undiciRequest, type Dispatcher } from 'undici';
import { VERSION } from '../version.js';
import { decodeBody, readCappedBody } from './body.js';
import { decodeContent } from './content-coding.js';
import { interruptedError, networkError, timeoutError } from './errors.js';
import { firstHeaderValue } from './headers.js';
import { redirectStep } from './redirect.js';
import { DEFAULT_BODY_LIMITS, type BodyLimits, type HttpExchange, type HttpRequest, type HttpResponse, type RedirectHop } from './types.js';

export interface SendOptions {
  readonly dispatcher: Dispatcher;
  /** Bound on each hop, from connect to the last byte of the body. */
  readonly timeoutMs: number;
  /** The environment's abort signal (Ctrl-C): the request stops and the error is `interrupted`. */
  readonly signal: AbortSignal;
  /** Redirects to follow (0: none, the 3xx is the answer). */
  readonly maxRedirects?: number | undefined;
  readonly limits?: BodyLimits | undefined;
  /** The injected clock, for `startedAt`. */
  readonly now: () => number;
}

interface Hop {
  readonly response: HttpResponse;
  readonly headersMs: number;
}

/**
 * Sends one request (following redirects itself, see redirect.ts) and returns
 * what was sent and what came back. Every failure is a DoctorError: class
 * `network` with a specific code, or `interrupted` on Ctrl-C.
 */
export async function sendHttp(request: HttpRequest, options: SendOptions): Promise<HttpExchange> {
  const startedAt = options.now();
  const started = performance.now();
  const redirects: RedirectHop[] = [];
  let current = withDefaults(request);
  const maxRedirects = options.maxRedirects ?? 0;
  for (;;) {
    const hopStart = performance.now();
    const hop = await sendOnce(current, options);
    const location = firstHeaderValue(hop.response.headers, 'location');
    const step = redirects.length < maxRedirects ? redirectStep(current, hop.response.status, location) : undefined;
    if (!step) {
      return {
        request: current,
        response: hop.response,
        redirects,
        startedAt,
        headersMs: Math.round(hopStart - started + hop.headersMs),
        totalMs: Math.round(performance.now() - started),
      };
    }
    redirects.push({ request: current, status: hop.response.status, location: step.location, authorizationDropped: step.authorizationDropped });
    current = step.next;
  }
}

/** Adds the headers every request carries unless the caller set them. */
function withDefaults(request: HttpRequest): HttpRequest {
  return { ...request, headers: { 'user-agent': `oauth-doctor/${VERSION}`, accept: '*/*', ...request.headers } };
}

async function sendOnce(request: HttpRequest, options: SendOptions): Promise<Hop> {
  if (options.signal.aborted) throw interruptedError();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  const onInterrupt = () => deadline.abort();
  options.signal.addEventListener('abort', onInterrupt, { once: true });
  const started = performance.now();
  try {
    const reply = await undiciRequest(request.url, {
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers,
      body: request.body,
      dispatcher: options.dispatcher,
      signal: deadline.signal,
    });
    const headersMs = performance.now() - started;
    const limits = options.limits ?? DEFAULT_BODY_LIMITS;
    const body = await readCappedBody(reply.body, limits, request.url);
    const headers = reply.headers as HttpResponse['headers'];
    const compressed = body.totalBytes > body.kept.length;
    // Issue 15 item 15: providers send gzip token responses even unasked; undici's request() does not decode them.
    const decoded = await decodeContent(body.kept, firstHeaderValue(headers, 'content-encoding'), limits.keepBytes, compressed);
    const truncated = compressed || decoded.truncated;
    const { text, encoding } = decodeBody(decoded.bytes, truncated);
    const response: HttpResponse = {
      status: reply.statusCode,
      headers,
      body: text,
      encoding,
      bodyBytes: body.totalBytes,
      keptBytes: decoded.bytes.length,
      truncated,
      ...(decoded.coding ? { contentCoding: decoded.coding } : {}),
    };
    return { response, headersMs };
  } catch (error) {
    if (options.signal.aborted) throw interruptedError();
    if (deadline.signal.aborted) throw timeoutError(request.url, options.timeoutMs);
    throw networkError(error, request.url);
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', onInterrupt);
  }
}
