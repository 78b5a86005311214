import { connect } from 'node:net';
import { buildAuthorizationHeader } from '../../src/oauth/authorization-header.js';
import { serializeForm, type Pair } from '../../src/oauth/form.js';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { newNonce, signRequest, timestampFrom } from '../../src/oauth/sign-request.js';
import type { SignatureMethod, SignedRequest } from '../../src/oauth/types.js';
import type { RunningProvider } from '../../src/provider/index.js';

export interface TestClient {
  readonly key: string;
  readonly secret: string;
  readonly privateKey?: string;
}

export interface OAuthCall {
  readonly method?: string;
  /** Path (with query) relative to the provider URL. */
  readonly path: string;
  readonly client: TestClient;
  readonly token?: { readonly token: string; readonly secret: string };
  readonly callback?: string;
  readonly verifier?: string;
  readonly signatureMethod?: SignatureMethod;
  readonly timestamp?: string;
  readonly nonce?: string;
  readonly extra?: readonly Pair[];
  /** Form body parameters (signed). */
  readonly form?: readonly Pair[];
  /** Where the protocol parameters travel (RFC 5849 §3.5). */
  readonly location?: 'header' | 'body' | 'query';
  readonly includeVersion?: boolean;
  /** Change the signed request before it is sent (to break it). */
  readonly tamper?: (signed: SignedRequest) => SignedRequest;
  readonly headers?: Record<string, string>;
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  readonly signed: SignedRequest;
  readonly form: URLSearchParams;
}

/** Signs with our core and sends with fetch, protocol parameters in the header, the body or the query. */
export async function call(provider: RunningProvider, options: OAuthCall): Promise<Answer> {
  const method = options.method ?? 'POST';
  const url = provider.url + options.path;
  const form = options.form ?? [];
  const body = form.length > 0 ? { contentType: 'application/x-www-form-urlencoded', content: serializeForm(form, percentEncode) } : undefined;
  let signed = signRequest({
    method,
    url,
    client: { consumerKey: options.client.key, consumerSecret: options.client.secret, privateKey: options.client.privateKey },
    token: options.token ? { token: options.token.token, tokenSecret: options.token.secret } : undefined,
    signatureMethod: options.signatureMethod ?? 'HMAC-SHA1',
    timestamp: options.timestamp ?? timestampFrom(Date.now()),
    nonce: options.nonce ?? newNonce(),
    callback: options.callback,
    verifier: options.verifier,
    includeVersion: options.includeVersion,
    extraProtocolParameters: options.extra,
    body,
  });
  if (options.tamper) signed = options.tamper(signed);
  const location = options.location ?? 'header';
  const protocolForm = serializeForm(signed.protocolParameters, percentEncode);
  let target = url;
  let content = body?.content;
  const headers: Record<string, string> = { ...options.headers };
  if (location === 'header') headers['authorization'] = signed.authorization;
  if (location === 'query') target += (url.includes('?') ? '&' : '?') + protocolForm;
  if (location === 'body') content = content ? `${content}&${protocolForm}` : protocolForm;
  if (content !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(target, { method, headers, body: content, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text, signed, form: new URLSearchParams(text) };
}

/** request_token → authorize (?action=approve) → access_token, returning every credential. */
export async function fullFlow(provider: RunningProvider, client: TestClient = provider.consumer, callback = 'http://127.0.0.1:9/callback') {
  const temporary = await requestToken(provider, client, callback);
  const verifier = await approve(provider, temporary.token);
  const access = await call(provider, { path: '/oauth/access_token', client, token: temporary, verifier });
  if (access.status !== 200) throw new Error(`access_token failed: ${access.status} ${access.body}`);
  return { temporary, verifier, access: { token: access.form.get('oauth_token') ?? '', secret: access.form.get('oauth_token_secret') ?? '' }, sessionHandle: access.form.get('oauth_session_handle') ?? '', response: access };
}

export async function requestToken(provider: RunningProvider, client: TestClient = provider.consumer, callback = 'http://127.0.0.1:9/callback', extra: Partial<OAuthCall> = {}) {
  const answer = await call(provider, { path: '/oauth/request_token', client, callback, ...extra });
  if (answer.status !== 200) throw new Error(`request_token failed: ${answer.status} ${answer.body}`);
  return { token: answer.form.get('oauth_token') ?? '', secret: answer.form.get('oauth_token_secret') ?? '' };
}

/** Approves by the script route (?action=approve) and reads the verifier from the redirect. */
export async function approve(provider: RunningProvider, token: string, extraQuery = ''): Promise<string> {
  const response = await fetch(`${provider.endpoints.authorize}?oauth_token=${encodeURIComponent(token)}&action=approve${extraQuery}`, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`authorize failed: ${response.status} ${await response.text()}`);
  return new URL(location).searchParams.get('oauth_verifier') ?? '';
}

/** Parses `OAuth realm="…", name="value"` into a map (values percent-decoded). */
export function parseChallenge(value: string | null): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of (value ?? '').matchAll(/([a-z_]+)="([^"]*)"/g)) map.set(m[1] ?? '', decodeURIComponent(m[2] ?? ''));
  return map;
}

/** Rebuilds the Authorization header after changing the protocol parameters (to send a broken request). */
function editProtocol(edit: (pairs: Pair[]) => Pair[]): (signed: SignedRequest) => SignedRequest {
  return (signed) => {
    const protocolParameters = edit([...signed.protocolParameters]);
    return { ...signed, protocolParameters, authorization: buildAuthorizationHeader(protocolParameters, signed.realm) };
  };
}

export const dropProtocol = (name: string) => editProtocol((pairs) => pairs.filter(([n]) => n !== name));
export const setProtocol = (name: string, value: string) => editProtocol((pairs) => pairs.map(([n, v]) => [n, n === name ? value : v] as const));

/** A raw HTTP/1.1 exchange over a socket, for requests fetch refuses to send. */
export function rawRequest(port: number, text: string | Buffer, options: { readonly endAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (received += d));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(received) : reject(error)));
    socket.on('close', () => resolve(received));
    socket.write(text, () => {
      if (options.endAfterWrite) socket.end();
    });
  });
}

export function statusOf(raw: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
}
