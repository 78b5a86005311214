import { pkceChallenge } from '../../src/diagnose/oauth2/pkce.js';

/** Builders of OAuth 2.0 HAR captures: each step one entry, as a browser or proxy records it. */
const AS = 'http://127.0.0.1:9000';
export const REDIRECT = 'http://127.0.0.1:53682/callback';
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
export const GRANT_INVALID = JSON.stringify({ error: 'invalid_grant', error_description: 'grant request is invalid' });

export interface Entry {
  readonly at: number;
  readonly method: string;
  readonly url: string;
  readonly body?: string;
  readonly status: number;
  readonly location?: string;
  readonly response?: string;
}

export function har(entries: readonly Entry[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: entries.map((e) => ({
          startedDateTime: new Date(e.at).toISOString(),
          time: 10,
          request: {
            method: e.method,
            url: e.url,
            httpVersion: 'HTTP/1.1',
            headers: e.body === undefined ? [] : [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
            queryString: [],
            ...(e.body === undefined ? {} : { postData: { mimeType: 'application/x-www-form-urlencoded', text: e.body } }),
          },
          response: {
            status: e.status,
            statusText: '',
            httpVersion: 'HTTP/1.1',
            headers: [...(e.location ? [{ name: 'Location', value: e.location }] : []), { name: 'Content-Type', value: 'application/json' }],
            content: { size: (e.response ?? '').length, mimeType: 'application/json', text: e.response ?? '' },
          },
        })),
      },
    }),
  );
}

export function authorize(at: number, state = 'st-1', challenge = pkceChallenge(VERIFIER)): Entry {
  const q = new URLSearchParams({ response_type: 'code', client_id: 'demo', redirect_uri: REDIRECT, state, code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid' });
  return { at, method: 'GET', url: `${AS}/auth?${q}`, status: 303 };
}
export function callback(at: number, code: string, state = 'st-1'): Entry {
  return { at, method: 'GET', url: `${REDIRECT}?code=${code}&state=${state}&iss=${encodeURIComponent(AS)}`, status: 200 };
}
export function token(at: number, code: string, ok: boolean, over: Record<string, string> = {}): Entry {
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER, client_id: 'demo', ...over }).toString();
  return { at, method: 'POST', url: `${AS}/token`, body, status: ok ? 200 : 400, response: ok ? JSON.stringify({ access_token: 'AT-canary-1', refresh_token: 'RT-canary-1', token_type: 'Bearer', scope: 'openid' }) : GRANT_INVALID };
}
export function refresh(at: number, sent: string, issued: string | undefined): Entry {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: sent, client_id: 'demo' }).toString();
  return { at, method: 'POST', url: `${AS}/token`, body, status: issued ? 200 : 400, response: issued ? JSON.stringify({ access_token: `AT-${issued}`, refresh_token: issued, token_type: 'Bearer' }) : GRANT_INVALID };
}

