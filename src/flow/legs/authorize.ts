import { parseQuery, formValue } from '../../oauth/form.js';
import { callbackFailure } from '../failure.js';
import { mintAuthorized, type AuthorizedRequestToken, type FlowConfig, type LegResult, type RequestToken } from '../types.js';

const TEMPLATE = /\{(oauth_token|consumer_key|oauth_callback)\}/g;

/**
 * RFC 5849 §2.2: the resource-owner authorisation URL is the endpoint with
 * oauth_token added to its query; a templated endpoint places the values
 * itself (E*TRADE's key= and token=). oauth_callback is added for providers
 * that take it here (OAuth Core 1.0 §6.2.1; Garmin), and for a provider that
 * did not confirm the callback on leg 1, which is how OAuth 1.0 knew it.
 */
export function buildAuthorizeUrl(config: FlowConfig, requestToken: RequestToken, callback?: string): string {
  const values: Record<string, string> = { oauth_token: requestToken.token, consumer_key: config.client.consumerKey, oauth_callback: callback ?? 'oob' };
  const template = config.endpoints.authorize;
  const templated = /\{(oauth_token|consumer_key|oauth_callback)\}/.test(template);
  const url = new URL(templated ? template.replace(TEMPLATE, (_m, name: string) => encodeURIComponent(values[name] ?? '')) : template);
  if (!/\{oauth_token\}/.test(template)) url.searchParams.set('oauth_token', requestToken.token);
  const wantsCallback = config.authorizeCallback === true || !requestToken.callbackConfirmed;
  if (wantsCallback && callback !== undefined && callback !== 'oob' && !/\{oauth_callback\}/.test(template) && !url.searchParams.has('oauth_callback')) url.searchParams.set('oauth_callback', callback);
  return url.href;
}

/** A verifier typed by the person (out-of-band PIN, RFC 5849 §2.2 "oob"). */
export function authorizeWithVerifier(requestToken: RequestToken, verifier: string | undefined): AuthorizedRequestToken {
  // OAuth Core 1.0 (before 1.0a) has no verifier: the access token is asked for without one.
  return mintAuthorized({ requestToken, verifier: verifier?.trim() || undefined });
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
  const fail = (...args: Parameters<typeof callbackFailure>) => ({ ok: false, failure: callbackFailure(...args) }) as const;
  if (denied !== undefined) return fail('callback-denied', callbackUrl, 'the person denied access (the callback carries denied=…)');
  if (problem !== undefined) return fail('callback-problem', callbackUrl, `the callback carries oauth_problem=${problem}`);
  if (token === undefined) return fail('callback-unusable', callbackUrl, 'the callback URL has no oauth_token', 'no-token');
  if (token !== pending.token) return fail('callback-unusable', callbackUrl, 'the callback’s oauth_token is not the pending request token (a callback from another attempt?)', 'other-token');
  if (verifier === undefined || verifier === '') {
    // OAuth 1.0 (before 1.0a) had no verifier; a provider that never confirmed the callback is one (issue 15 item 17).
    if (!pending.callbackConfirmed) return { ok: true, value: mintAuthorized({ requestToken: pending, verifier: undefined }) };
    return fail('callback-unusable', callbackUrl, 'the callback URL has no oauth_verifier (OAuth 1.0a, RFC 5849 §2.2)', 'no-verifier');
  }
  return { ok: true, value: mintAuthorized({ requestToken: pending, verifier }) };
}
