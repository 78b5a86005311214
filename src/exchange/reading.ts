import { captureFromExchange } from '../capture/live.js';
import { headerRecord, type CapturedExchange } from '../capture/types.js';
import { readProblem } from '../diagnose/read-problem.js';
import type { DetectedProblem, Leg } from '../diagnose/types.js';
import { firstHeaderValue, parseHttpDate } from '../http/headers.js';
import type { HttpExchange } from '../http/types.js';
import { secretsInText } from '../diagnose/secrets-in-text.js';
import { formValue, parseQuery } from '../oauth/form.js';
import { readTokenBody } from '../oauth/token-body.js';
import { isCredentialParameter } from '../secrets/parameters.js';
import { viewRequest, type OAuthRequestView } from './request-view.js';

/**
 * The one reading of an exchange (issue 13, STYLE habit 13): what an
 * OAuth 1.0a leg (RFC 5849 §2) sent and got back, read the same way where a
 * response arrives live (flow, request) and where it was captured
 * (inspect). The model it reads is the captured exchange
 * (src/capture/types.ts); a live HttpExchange becomes one through
 * captureFromExchange. Holds raw tokens in memory only: whatever is printed
 * goes through the redactor (`secrets`), evidence gets fingerprints
 * (src/exchange/evidence.ts).
 */
export interface ExchangeReading {
  readonly leg: Leg;
  /** The request's method as sent, and its URL (the last hop's, for a live exchange). */
  readonly method: string;
  readonly url: string;
  /** When it started (the sender's or the capture's clock), ms since the epoch. */
  readonly at: number | undefined;
  readonly status: number | undefined;
  /** The oauth_token the request carried (the protocol parameter, else the authorise URL's or callback's query, X's denied=, a form body). */
  readonly tokenSent: string | undefined;
  /** The oauth_token (and secret) a successful token response issued (RFC 5849 §2.1, §2.3). */
  readonly tokenIssued: string | undefined;
  readonly tokenSecretIssued: string | undefined;
  /** oauth_callback_confirmed of a successful request-token response; undefined for other legs. */
  readonly callbackConfirmed: boolean | undefined;
  /** oauth_expires_in of a token response (OAuth Session extension; Yahoo sends it for request tokens too), seconds. */
  readonly tokenLifetimeSec: number | undefined;
  /** oauth_verifier: on the callback or in the authorise page's redirect, else the one the request sent. */
  readonly verifier: string | undefined;
  /** oauth_timestamp as a number, when it is one (RFC 5849 §3.3). */
  readonly timestamp: number | undefined;
  /** oauth_nonce, oauth_signature_method and oauth_callback as sent (RFC 5849 §3.1, §2.1). */
  readonly nonce: string | undefined;
  readonly signatureMethod: string | undefined;
  readonly callback: string | undefined;
  /** The response's Date header, ms since the epoch (the server's clock, RFC 9110 §6.6.1). */
  readonly serverDate: number | undefined;
  /** The problem the diagnostics module reads in the response, if any. */
  readonly problem: DetectedProblem | undefined;
  /** Every secret-like value the exchange holds, to register with the redactor before anything is printed. */
  readonly secrets: readonly string[];
}

/** What a token response issued (RFC 5849 §2.1, §2.3): form pairs, or a JSON object with the same names. */
export interface IssuedFields {
  readonly token?: string | undefined;
  readonly secret?: string | undefined;
  readonly confirmed?: boolean | undefined;
  readonly sessionHandle?: string | undefined;
  readonly expiresIn?: string | undefined;
}

export function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** What a token response body issued, read by the one token-body reader (src/oauth/token-body.ts: a form, or a JSON object with the same names). */
export function readIssued(body: string | undefined): IssuedFields {
  if (!body) return {};
  const { fields } = readTokenBody(body);
  const read = (name: string) => formValue(fields, name);
  const confirmed = read('oauth_callback_confirmed');
  return { token: read('oauth_token'), secret: read('oauth_token_secret'), confirmed: confirmed === undefined ? undefined : confirmed === 'true', sessionHandle: read('oauth_session_handle'), expiresIn: read('oauth_expires_in') };
}

function locationOf(exchange: CapturedExchange): string | undefined {
  return exchange.response ? firstHeaderValue(exchange.response.headers, 'location') : undefined;
}

function verifierFrom(view: OAuthRequestView): string | undefined {
  const direct = view.queryParams.find((p) => p.name === 'oauth_verifier')?.value;
  if (direct !== undefined) return direct;
  const location = locationOf(view.exchange);
  if (!location) return undefined;
  try {
    return new URL(location, view.url).searchParams.get('oauth_verifier') ?? undefined;
  } catch {
    return undefined;
  }
}

function credentialValues(pairs: readonly { readonly name: string; readonly value: string }[]): string[] {
  return pairs.filter((p) => isCredentialParameter(p.name) && p.value !== '').map((p) => p.value);
}

function locationSecrets(view: OAuthRequestView): string[] {
  const location = locationOf(view.exchange);
  if (!location) return [];
  try {
    return credentialValues(parseQuery(new URL(location, view.url).search).map(([name, value]) => ({ name, value })));
  } catch {
    return [];
  }
}

/** Credentials in a response body: as the token-body reader reads it (form or JSON), then in the other shapes a provider may quote one in (XML, `name: V`, …). */
function bodySecrets(body: string | undefined): string[] {
  return body ? [...readTokenBody(body).secrets, ...secretsInText(body)] : [];
}

/**
 * Reads one exchange as the leg it is (inspect classifies a capture's legs,
 * the flow knows its own). `issued` is the token body when the caller has
 * already read it (inspect classifies with it).
 */
export function readExchange(view: OAuthRequestView, leg: Leg, issued: IssuedFields = isSuccess(view.exchange.response?.status) ? readIssued(view.exchange.response?.body) : {}): ExchangeReading {
  const exchange = view.exchange;
  const response = exchange.response;
  const status = response?.status;
  const sent = view.get('oauth_token') ?? view.queryParams.find((p) => p.name === 'oauth_token' || p.name === 'denied')?.value ?? view.bodyParams.find((p) => p.name === 'oauth_token')?.value;
  const issuing = leg === 'request_token' || leg === 'access_token';
  const timestampText = view.get('oauth_timestamp');
  const problem = response ? readProblem({ status: response.status, headers: headerRecord(response.headers), body: response.body, url: exchange.request.url, requestHeaders: headerRecord(exchange.request.headers) }) : undefined;
  const verifier = leg === 'callback' || leg === 'authorize' ? verifierFrom(view) : view.get('oauth_verifier');
  const secrets = [...credentialValues(view.protocol), ...credentialValues(view.queryParams), ...credentialValues(view.bodyParams), ...locationSecrets(view), ...bodySecrets(response?.body)];
  if (verifier !== undefined) secrets.push(verifier);
  // A PLAINTEXT signature is the key itself: consumer_secret&token_secret (RFC 5849 §3.4.4).
  if (view.get('oauth_signature_method')?.toUpperCase() === 'PLAINTEXT') {
    const signature = view.get('oauth_signature');
    if (signature) secrets.push(signature, ...signature.split('&'));
  }
  return {
    leg,
    method: view.method,
    url: view.url.href,
    at: exchange.startedAt,
    status,
    tokenSent: sent === '' ? undefined : sent,
    tokenIssued: issuing ? issued.token : undefined,
    tokenSecretIssued: issuing ? issued.secret : undefined,
    callbackConfirmed: leg === 'request_token' && isSuccess(status) ? (issued.confirmed ?? false) : undefined,
    tokenLifetimeSec: issued.expiresIn !== undefined && /^\d{1,9}$/.test(issued.expiresIn) ? Number(issued.expiresIn) : undefined,
    verifier,
    timestamp: timestampText !== undefined && /^\d{1,12}$/.test(timestampText) ? Number(timestampText) : undefined,
    nonce: view.get('oauth_nonce'),
    signatureMethod: view.get('oauth_signature_method'),
    callback: view.get('oauth_callback'),
    serverDate: response ? parseHttpDate(firstHeaderValue(response.headers, 'date')) : undefined,
    problem,
    secrets: [...new Set(secrets.filter((v) => v !== ''))],
  };
}

/** The captured exchange a live one is (src/capture/live.ts), seen through OAuth 1.0a. */
function viewLive(exchange: HttpExchange): OAuthRequestView {
  const [captured] = captureFromExchange(exchange).exchanges;
  return viewRequest(captured as CapturedExchange);
}

/** A live exchange, read as the leg the sender made it for. */
export function readLive(exchange: HttpExchange, leg: Leg): ExchangeReading {
  return readExchange(viewLive(exchange), leg);
}

