import { headerRecord, type CapturedExchange } from '../capture/types.js';
import { firstHeaderValue, parseHttpDate } from '../http/headers.js';
import { readProblem } from '../diagnose/read-problem.js';
import type { DetectedProblem, Leg } from '../diagnose/types.js';
import { parseForm, formValue } from '../oauth/form.js';
import { viewRequest, type OAuthRequestView } from './request-view.js';

/**
 * One captured exchange understood as a leg of an OAuth 1.0a flow (RFC 5849
 * §2): which leg, which token it carried and which it was given back, and
 * the problem the provider reported, if any. Holds raw tokens in memory
 * only: everything printed goes through the redactor, evidence gets
 * fingerprints.
 */
export interface InspectedExchange {
  readonly exchange: CapturedExchange;
  readonly view: OAuthRequestView;
  readonly leg: Leg;
  readonly host: string;
  /** When it started (capture clock), ms since the epoch. */
  readonly at: number | undefined;
  readonly status: number | undefined;
  /** The oauth_token the request carried. */
  readonly tokenSent: string | undefined;
  /** The oauth_token (and secret) a successful token response issued. */
  readonly tokenIssued: string | undefined;
  readonly tokenSecretIssued: string | undefined;
  readonly callbackConfirmed: boolean | undefined;
  /** oauth_expires_in of a token response (OAuth Session extension; Yahoo sends it for request tokens too), seconds. */
  readonly tokenLifetimeSec: number | undefined;
  /** oauth_verifier seen on the callback or in the authorize page's redirect. */
  readonly verifier: string | undefined;
  /** The response's Date header, ms since the epoch. */
  readonly serverDate: number | undefined;
  readonly problem: DetectedProblem | undefined;
  /** oauth_timestamp as a number, when it is one. */
  readonly timestamp: number | undefined;
}

const REQUEST_TOKEN_PATH = /request[_-]?token|\/initiate\b|get_?request_?token/i;
const ACCESS_TOKEN_PATH = /access[_-]?token|get_?(?:access_?)?token|\/token\b/i;
const AUTHORIZE_PATH = /authori[sz]e|authenticate|request_auth/i;

export function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** Form pairs of a token response body (RFC 5849 §2.1, §2.3); JSON bodies with the same names are read too. */
function tokenResponse(body: string | undefined): { token?: string; secret?: string; confirmed?: boolean; sessionHandle?: string; expiresIn?: string } {
  if (!body) return {};
  const text = body.trim();
  let read: (name: string) => string | undefined;
  if (text.startsWith('{')) {
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      read = (name) => (typeof json[name] === 'string' ? (json[name] as string) : undefined);
    } catch {
      return {};
    }
  } else {
    const pairs = parseForm(text);
    read = (name) => formValue(pairs, name);
  }
  const confirmed = read('oauth_callback_confirmed');
  return { token: read('oauth_token'), secret: read('oauth_token_secret'), confirmed: confirmed === undefined ? undefined : confirmed === 'true', sessionHandle: read('oauth_session_handle'), expiresIn: read('oauth_expires_in') };
}

function classify(view: OAuthRequestView, issues: ReturnType<typeof tokenResponse>, status: number | undefined): Leg | undefined {
  const path = view.url.pathname;
  if (view.signed || view.authorization) {
    if (view.get('oauth_verifier') !== undefined) return 'access_token';
    if (view.get('oauth_callback') !== undefined) return 'request_token';
    if (REQUEST_TOKEN_PATH.test(path)) return 'request_token';
    if (ACCESS_TOKEN_PATH.test(path)) return 'access_token';
    if (isSuccess(status) && issues.token && issues.secret) return issues.confirmed !== undefined || view.get('oauth_token') === undefined ? 'request_token' : 'access_token';
    return 'resource';
  }
  const token = view.queryParams.find((p) => p.name === 'oauth_token') ?? view.bodyParams.find((p) => p.name === 'oauth_token');
  const verifier = view.queryParams.some((p) => p.name === 'oauth_verifier');
  const denied = view.queryParams.some((p) => p.name === 'denied');
  if (AUTHORIZE_PATH.test(path) && (token || /oauth/i.test(path))) return 'authorize';
  if (token && (verifier || denied)) return 'callback';
  if (denied) return 'callback';
  if (token && /oauth/i.test(path)) return 'authorize';
  return undefined;
}

function verifierFrom(view: OAuthRequestView, exchange: CapturedExchange): string | undefined {
  const direct = view.queryParams.find((p) => p.name === 'oauth_verifier')?.value;
  if (direct !== undefined) return direct;
  const location = exchange.response ? firstHeaderValue(exchange.response.headers, 'location') : undefined;
  if (!location) return undefined;
  try {
    return new URL(location, view.url).searchParams.get('oauth_verifier') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Reads one exchange; undefined when it is not part of an OAuth 1.0a flow. */
export function inspectExchange(exchange: CapturedExchange): InspectedExchange | undefined {
  const view = viewRequest(exchange);
  const response = exchange.response;
  const status = response?.status;
  const issues = isSuccess(status) ? tokenResponse(response?.body) : {};
  const leg = classify(view, issues, status);
  if (!leg) return undefined;
  const tokenSent = view.get('oauth_token') ?? view.queryParams.find((p) => p.name === 'oauth_token' || p.name === 'denied')?.value ?? view.bodyParams.find((p) => p.name === 'oauth_token')?.value;
  const issuing = leg === 'request_token' || leg === 'access_token';
  const timestampText = view.get('oauth_timestamp');
  const timestamp = timestampText !== undefined && /^\d{1,12}$/.test(timestampText) ? Number(timestampText) : undefined;
  const problem = response ? readProblem({ status: response.status, headers: headerRecord(response.headers), body: response.body, url: exchange.request.url, requestHeaders: headerRecord(exchange.request.headers) }) : undefined;
  return {
    exchange,
    view,
    leg,
    host: view.url.host.toLowerCase(),
    at: exchange.startedAt,
    status,
    tokenSent: tokenSent === '' ? undefined : tokenSent,
    tokenIssued: issuing ? issues.token : undefined,
    tokenSecretIssued: issuing ? issues.secret : undefined,
    callbackConfirmed: leg === 'request_token' && isSuccess(status) ? (issues.confirmed ?? false) : undefined,
    tokenLifetimeSec: issues.expiresIn !== undefined && /^\d{1,9}$/.test(issues.expiresIn) ? Number(issues.expiresIn) : undefined,
    verifier: leg === 'callback' || leg === 'authorize' ? verifierFrom(view, exchange) : view.get('oauth_verifier'),
    serverDate: response ? parseHttpDate(firstHeaderValue(response.headers, 'date')) : undefined,
    problem,
    timestamp,
  };
}

/** Every secret-like value an exchange holds, to register with the redactor before anything is printed. */
export function secretsOf(inspected: InspectedExchange): string[] {
  const values = [inspected.tokenSent, inspected.tokenIssued, inspected.tokenSecretIssued, inspected.verifier, inspected.view.get('oauth_verifier'), inspected.view.get('oauth_token')];
  const body = inspected.exchange.response?.body;
  if (body && /oauth_session_handle/.test(body)) values.push(tokenResponse(body).sessionHandle);
  // A PLAINTEXT signature is the key itself: consumer_secret&token_secret.
  if (inspected.view.get('oauth_signature_method')?.toUpperCase() === 'PLAINTEXT') {
    const signature = inspected.view.get('oauth_signature');
    if (signature) values.push(signature, ...signature.split('&'));
  }
  return values.filter((v): v is string => v !== undefined && v !== '');
}
