import { parseQuery, formValue } from '../../oauth/form.js';
import { mintAuthorized, type AuthorizedRequestToken, type FlowConfig, type LegResult, type RequestToken } from '../types.js';

/** RFC 5849 §2.2: the resource-owner authorisation URL is the endpoint with oauth_token added to its query. */
export function buildAuthorizeUrl(config: FlowConfig, requestToken: RequestToken): string {
  const url = new URL(config.endpoints.authorize);
  url.searchParams.set('oauth_token', requestToken.token);
  return url.href;
}

/** A verifier typed by the person (out-of-band PIN, RFC 5849 §2.2 "oob"). */
export function authorizeWithVerifier(requestToken: RequestToken, verifier: string): AuthorizedRequestToken {
  return mintAuthorized({ requestToken, verifier: verifier.trim() });
}

/**
 * Reads a callback URL (the redirect after authorisation, RFC 5849 §2.2):
 * oauth_token must be the pending request token, oauth_verifier must be
 * there. X sends `denied=<token>` when the person cancels; a provider may
 * put an oauth_problem in the query.
 */
export function parseCallbackUrl(callbackUrl: string, pending: RequestToken): LegResult<AuthorizedRequestToken> {
  let query: string;
  try {
    query = new URL(callbackUrl).search;
  } catch {
    query = callbackUrl.includes('?') ? callbackUrl.slice(callbackUrl.indexOf('?')) : callbackUrl;
  }
  const params = parseQuery(query);
  const token = formValue(params, 'oauth_token');
  const verifier = formValue(params, 'oauth_verifier');
  const denied = formValue(params, 'denied');
  const problem = formValue(params, 'oauth_problem');
  if (denied !== undefined) return { ok: false, failure: { leg: 'callback', reason: 'the person denied access (the callback carries denied=…)' } };
  if (problem !== undefined) return { ok: false, failure: { leg: 'callback', reason: `the callback carries oauth_problem=${problem}` } };
  if (token === undefined) return { ok: false, failure: { leg: 'callback', reason: 'the callback URL has no oauth_token' } };
  if (token !== pending.token) return { ok: false, failure: { leg: 'callback', reason: 'the callback’s oauth_token is not the pending request token (a callback from another attempt?)' } };
  if (verifier === undefined || verifier === '') return { ok: false, failure: { leg: 'callback', reason: 'the callback URL has no oauth_verifier (OAuth 1.0a, RFC 5849 §2.2)' } };
  return { ok: true, value: mintAuthorized({ requestToken: pending, verifier }) };
}
