import { formValue, type Pair } from '../../oauth/form.js';
import { readTokenBody } from '../../oauth/token-body.js';
import { signRequest } from '../../oauth/sign-request.js';
import type { TokenCredentials } from '../../oauth/types.js';
import type { HttpExchange } from '../../http/types.js';
import type { Leg } from '../../diagnose/types.js';
import { placeParameters } from '../../oauth/placement.js';
import { answerFailure } from '../failure.js';
import type { FlowConfig, LegFailure, LegTransports, PreparedRequest } from '../types.js';

/** The clock and nonce a leg is signed with, taken from the injected world. */
export interface SigningMoment {
  /** oauth_timestamp, seconds (RFC 5849 §3.3). */
  readonly timestamp: string;
  readonly nonce: string;
}

export interface SignedLegInput {
  readonly leg: Leg;
  readonly method: string;
  readonly url: string;
  readonly token?: TokenCredentials | undefined;
  readonly callback?: string | undefined;
  readonly verifier?: string | undefined;
}

const TRANSPORT_OF: Partial<Record<Leg, keyof LegTransports>> = { request_token: 'requestToken', access_token: 'accessToken', resource: 'resource' };

/**
 * Builds one signed request (pure): RFC 5849 §3.1 protocol parameters in the
 * Authorization header (§3.5.1) by default, the form most providers accept;
 * a leg's transport (issue 15 item 18) may change the method and put them in
 * the query (§3.5.3) or a form body (§3.5.2). The base string is the same
 * either way: the same parameters are signed wherever they travel.
 */
export function prepareSigned(config: FlowConfig, moment: SigningMoment, input: SignedLegInput): PreparedRequest {
  const key = TRANSPORT_OF[input.leg];
  const transport = key ? config.transports?.[key] : undefined;
  const method = (transport?.method ?? input.method).toUpperCase();
  const placement = transport?.placement ?? 'header';
  const signed = signRequest({
    method,
    url: input.url,
    client: config.client,
    token: input.token,
    signatureMethod: config.signatureMethod,
    timestamp: moment.timestamp,
    nonce: moment.nonce,
    callback: input.callback,
    verifier: input.verifier,
    realm: config.realm,
  });
  // One placement for every command (oauth/placement.ts); a token leg's POST or PUT carries a form body, empty unless the parameters go in it.
  const hasBody = signed.method === 'POST' || signed.method === 'PUT';
  const placed = placeParameters(signed, placement, hasBody ? { 'content-type': 'application/x-www-form-urlencoded' } : {});
  const body = placed.body ?? (hasBody ? '' : undefined);
  return { leg: input.leg, signed, http: { method: placed.method, url: placed.url, headers: placed.headers, body } };
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** A token response (RFC 5849 §2.1, §2.3): a form body (some label it text/plain or text/html), or a JSON object with the same names (oauth/token-body.ts). */
function parseTokenBody(exchange: HttpExchange): Pair[] {
  return [...readTokenBody(exchange.response.body).fields];
}

export function refused(leg: Leg, exchange: HttpExchange): LegFailure {
  const status = exchange.response.status;
  const header = exchange.response.headers['location'];
  const location = typeof header === 'string' ? header : header?.[0];
  // A signed request is never followed to another URL (the signature covers the URL, RFC 5849 §3.4.1.2): say where it pointed.
  if (status >= 300 && status < 400 && location) {
    return answerFailure(leg, 'redirected', exchange, `the provider answered ${status}, a redirect to ${location.slice(0, 200)} — signed requests are not followed; use that URL for the endpoint`);
  }
  return answerFailure(leg, 'refused', exchange, `the provider answered ${status}`);
}

/**
 * Reads oauth_token and oauth_token_secret from a 2xx token response, or
 * says exactly what is missing. A 2xx without them is a failure too: some
 * providers answer 200 with an error page.
 */
export function readTokenPair(leg: Leg, exchange: HttpExchange): { ok: true; token: string; secret: string; fields: Pair[] } | { ok: false; failure: LegFailure } {
  if (!isSuccess(exchange.response.status)) return { ok: false, failure: refused(leg, exchange) };
  const fields = parseTokenBody(exchange);
  const token = formValue(fields, 'oauth_token');
  const secret = formValue(fields, 'oauth_token_secret');
  const missing = [token === undefined || token === '' ? 'oauth_token' : undefined, secret === undefined ? 'oauth_token_secret' : undefined].filter((m) => m !== undefined);
  if (token === undefined || token === '' || secret === undefined) {
    return { ok: false, failure: answerFailure(leg, 'bad-token-body', exchange, `the ${exchange.response.status} response has no ${missing.join(' and ')} (RFC 5849 §2.1: a form-encoded body, or a JSON object with those names)`) };
  }
  return { ok: true, token, secret, fields };
}
