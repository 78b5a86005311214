import type { HttpRequest } from '../http/types.js';
import type { ClientAuthApplied } from './client-auth.js';
import { encodeForm, type FormPairs } from './form.js';

/**
 * The requests of OAuth 2.0, built by hand (issue 18 item 4): pure
 * functions from values to an HttpRequest, sent by the project's sender so
 * the bytes recorded are the bytes sent, and a deliberately wrong value
 * (a changed redirect_uri, a verifier from another run) is possible.
 */
export interface AuthorizationParameters {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope?: string | undefined;
  readonly state: string;
  /** OpenID Connect Core §3.1.2.1: sent when the scope has `openid`. */
  readonly nonce?: string | undefined;
  readonly codeChallenge?: string | undefined;
  readonly codeChallengeMethod?: 'S256' | 'plain' | undefined;
  readonly responseType?: string | undefined;
  /** Extra parameters (prompt, audience, resource, …), in order. */
  readonly extra?: FormPairs | undefined;
}

/** RFC 6749 §4.1.1, RFC 7636 §4.3, OIDC Core §3.1.2.1: the parameters in a fixed order. */
export function authorizationPairs(p: AuthorizationParameters): FormPairs {
  const pairs: [string, string][] = [
    ['response_type', p.responseType ?? 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
  ];
  if (p.scope !== undefined && p.scope !== '') pairs.push(['scope', p.scope]);
  pairs.push(['state', p.state]);
  if (p.nonce !== undefined) pairs.push(['nonce', p.nonce]);
  if (p.codeChallenge !== undefined) pairs.push(['code_challenge', p.codeChallenge], ['code_challenge_method', p.codeChallengeMethod ?? 'S256']);
  for (const pair of p.extra ?? []) pairs.push([pair[0], pair[1]]);
  return pairs;
}

/** The authorization URL: the endpoint's own query kept (RFC 6749 §3.1), ours appended. */
export function authorizationUrl(endpoint: string, pairs: FormPairs): string {
  const url = new URL(endpoint);
  const own = url.search.replace(/^\?/, '');
  url.search = [own, encodeForm(pairs)].filter((s) => s !== '').join('&');
  return url.href;
}

/** RFC 9126 §2.1: the same parameters, POSTed with client authentication. */
export function parUrlAfterPush(endpoint: string, clientId: string, requestUri: string): string {
  return authorizationUrl(endpoint, [['client_id', clientId], ['request_uri', requestUri]]);
}

/** A form POST to one of the server's endpoints, with the client's authentication added. */
export function formPost(endpoint: string, pairs: FormPairs, auth: ClientAuthApplied | undefined): HttpRequest {
  const body = encodeForm([...pairs, ...(auth?.form ?? [])]);
  return {
    method: 'POST',
    url: endpoint,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...(auth?.headers ?? {}) },
    body,
  };
}

/** RFC 6749 §4.1.3 (with RFC 7636 §4.5's code_verifier). */
export function codeExchangePairs(code: string, redirectUri: string, verifier: string | undefined): FormPairs {
  const pairs: [string, string][] = [['grant_type', 'authorization_code'], ['code', code], ['redirect_uri', redirectUri]];
  if (verifier !== undefined) pairs.push(['code_verifier', verifier]);
  return pairs;
}

/** RFC 6749 §4.4.2. */
export function clientCredentialsPairs(scope: string | undefined): FormPairs {
  return scope === undefined || scope === '' ? [['grant_type', 'client_credentials']] : [['grant_type', 'client_credentials'], ['scope', scope]];
}

/** RFC 6749 §6. */
export function refreshPairs(refreshToken: string, scope: string | undefined): FormPairs {
  const pairs: [string, string][] = [['grant_type', 'refresh_token'], ['refresh_token', refreshToken]];
  if (scope !== undefined && scope !== '') pairs.push(['scope', scope]);
  return pairs;
}

/** RFC 8628 §3.1. */
export function deviceAuthorizationPairs(scope: string | undefined): FormPairs {
  return scope === undefined || scope === '' ? [] : [['scope', scope]];
}

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** RFC 8628 §3.4. */
export function deviceTokenPairs(deviceCode: string): FormPairs {
  return [['grant_type', DEVICE_CODE_GRANT], ['device_code', deviceCode]];
}

/** RFC 7009 §2.1 and RFC 7662 §2.1: the token and its type hint. */
export function tokenPairs(token: string, hint: 'access_token' | 'refresh_token' | undefined): FormPairs {
  return hint === undefined ? [['token', token]] : [['token', token], ['token_type_hint', hint]];
}

/** OpenID Connect Core §5.3.1 and RFC 6750 §2.1: a GET with the access token in the Authorization header. */
export function bearerRequest(url: string, accessToken: string, method = 'GET', body?: string, contentType?: string): HttpRequest {
  return {
    method,
    url,
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...(contentType !== undefined ? { 'content-type': contentType } : {}) },
    body,
  };
}
