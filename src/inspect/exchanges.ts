import type { CapturedExchange } from '../capture/types.js';
import type { Leg } from '../diagnose/types.js';
import { isSuccess, readExchange, readIssued, type ExchangeReading, type IssuedFields } from '../exchange/reading.js';
import { viewRequest, type OAuthRequestView } from '../exchange/request-view.js';

/**
 * One captured exchange understood as a leg of an OAuth 1.0a flow (RFC 5849
 * §2): the one reading of it (src/exchange/reading.ts: which token it
 * carried and which it was given back, the problem the provider reported,
 * the secrets it holds), with the request's OAuth view. Holds raw tokens in
 * memory only: everything printed goes through the redactor, evidence gets
 * fingerprints.
 */
export interface InspectedExchange extends ExchangeReading {
  readonly exchange: CapturedExchange;
  readonly view: OAuthRequestView;
  readonly host: string;
}

const REQUEST_TOKEN_PATH = /request[_-]?token|\/initiate\b|get_?request_?token/i;
const ACCESS_TOKEN_PATH = /access[_-]?token|get_?(?:access_?)?token|\/token\b/i;
const AUTHORIZE_PATH = /authori[sz]e|authenticate|request_auth/i;

function classify(view: OAuthRequestView, issues: IssuedFields, status: number | undefined): Leg | undefined {
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

/** Reads one exchange; undefined when it is not part of an OAuth 1.0a flow. */
export function inspectExchange(exchange: CapturedExchange): InspectedExchange | undefined {
  const view = viewRequest(exchange);
  const issues = isSuccess(exchange.response?.status) ? readIssued(exchange.response?.body) : {};
  const leg = classify(view, issues, exchange.response?.status);
  if (!leg) return undefined;
  return { ...readExchange(view, leg, issues), exchange, view, host: view.url.host.toLowerCase() };
}

/** Every secret-like value an exchange holds, to register with the redactor before anything is printed. */
export function secretsOf(inspected: InspectedExchange): readonly string[] {
  return inspected.secrets;
}
