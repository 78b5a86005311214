import { inputError } from '../errors.js';
import { parseForm, parseQuery, type Pair } from './form.js';
import { percentEncode } from './percent-encode.js';
import type { RequestBody, SourcedParameter } from './types.js';

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Parses an absolute http(s) URL or throws a typed input error. */
export function parseHttpUrl(url: string, what = 'URL'): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw inputError('invalid-url', `${what} "${url}" is not an absolute URL`, 'give the full URL, e.g. https://api.example.com/oauth/request_token');
  }
  if (!(parsed.protocol in DEFAULT_PORTS)) {
    throw inputError('invalid-url', `${what} "${url}" is not http or https`, 'OAuth 1.0a requests go over http:// or https://');
  }
  return parsed;
}

/**
 * The URL as it goes on the wire, which is the one the base string URI and
 * the query parameters are computed from: RFC 3986 §6.2.2 syntax-based
 * normalisation as WHATWG URL applies it — scheme and host lowercased, an IDN
 * host in punycode, dot segments removed (§5.2.4; `%2E` counts as a dot),
 * characters that cannot travel raw (a space, non-ASCII) percent-encoded as
 * UTF-8 with upper-case hex (§2.1, §6.2.2.1) — and no fragment (never sent,
 * §3.5). Escapes already written are kept as written: those are the bytes
 * the server sees and signs, so they are the bytes signed here.
 */
export function wireUrl(url: string): string {
  const parsed = parseHttpUrl(url);
  parsed.hash = '';
  return parsed.href;
}

/**
 * RFC 5849 §3.4.1.2 base string URI: scheme and host lowercased, the default
 * port (80 for http, 443 for https) dropped, any other port kept, no query
 * and no fragment. WHATWG URL parsing already lowercases and drops default
 * ports, but we do it explicitly so the rule is visible and tested.
 *
 * The host is what goes in the `Host` header, which §3.4.1.2 says it must
 * match: an IDN host in its ASCII (punycode) form, an IPv6 address in
 * brackets and compressed (`[::1]`). The path is kept exactly as it is sent,
 * percent-encodings included (`/r%20v/X`); only characters that cannot be
 * sent raw (a space, non-ASCII) are encoded, as an HTTP client must.
 */
export function baseStringUri(url: string): string {
  const parsed = parseHttpUrl(url);
  const scheme = parsed.protocol.toLowerCase();
  const host = parsed.hostname.toLowerCase();
  const port = parsed.port && parsed.port !== DEFAULT_PORTS[scheme] ? `:${parsed.port}` : '';
  const path = parsed.pathname === '' ? '/' : parsed.pathname;
  return `${scheme}//${host}${port}${path}`;
}

/** RFC 5849 §3.4.1.3.1: only a single-part form-encoded body contributes parameters. */
export function isFormBody(body: RequestBody | undefined): boolean {
  if (!body) return false;
  const mediaType = body.contentType.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/x-www-form-urlencoded';
}

/**
 * RFC 5849 §3.4.1.3.1 parameter sources: the query component, the protocol
 * parameters (the Authorization header, whose `realm` is not a parameter),
 * and a form-encoded body. Names present in several sources all count.
 * `oauth_signature` is left out wherever it came from, since a signature
 * cannot sign itself (§3.4.1.3.1, last paragraph); a `realm` in the query or
 * body is an ordinary parameter and stays.
 */
export function collectParameters(url: string, protocol: readonly Pair[], body?: RequestBody): SourcedParameter[] {
  const params: SourcedParameter[] = [];
  const add = (name: string, value: string, source: SourcedParameter['source']) => {
    if (name !== 'oauth_signature') params.push({ name, value, source });
  };
  for (const [name, value] of parseQuery(parseHttpUrl(url).search)) add(name, value, 'query');
  for (const [name, value] of protocol) if (name !== 'realm') add(name, value, 'oauth');
  if (body && isFormBody(body)) for (const [name, value] of parseForm(body.content)) add(name, value, 'body');
  return params;
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * RFC 5849 §3.4.1.3.2 normalisation: encode each name and value, sort by
 * encoded name then encoded value in byte order (the encoded strings are
 * ASCII, so UTF-16 comparison is byte order), join with `=` and `&`.
 */
export function normalizeParameters(params: readonly SourcedParameter[]): { sorted: SourcedParameter[]; normalized: string } {
  const encoded = params.map((p) => ({ p, name: percentEncode(p.name), value: percentEncode(p.value) }));
  encoded.sort((a, b) => compareBytes(a.name, b.name) || compareBytes(a.value, b.value));
  return {
    sorted: encoded.map((e) => e.p),
    normalized: encoded.map((e) => `${e.name}=${e.value}`).join('&'),
  };
}

/**
 * RFC 5849 §3.4.1.1: METHOD & encode(base URI) & encode(normalised
 * parameters). The method is uppercased, and encoded too (§3.6) because an
 * extension method may hold characters such as `!` or `*` (RFC 7230 tchar).
 */
export function signatureBaseString(method: string, baseUri: string, normalizedParameters: string): string {
  return [percentEncode(method.toUpperCase()), percentEncode(baseUri), percentEncode(normalizedParameters)].join('&');
}
