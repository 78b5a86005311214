import type { CapturedExchange } from '../capture/types.js';
import { firstHeaderValue, headerValues } from '../http/headers.js';
import { parseAuthorizationHeader, type ParsedAuthorization } from '../oauth/authorization-header.js';
import { splitForm } from '../oauth/form.js';
import { formDecode } from '../oauth/percent-encode.js';

/** Where a parameter travelled (RFC 5849 §3.5: header, form body or query). */
export type WireSource = 'header' | 'query' | 'body';

/** A parameter as it was on the wire: decoded, with the raw text kept for the variants that misread it. */
export interface WireParameter {
  readonly name: string;
  readonly value: string;
  readonly source: WireSource;
  /** As written on the wire (query and body only). */
  readonly rawName?: string | undefined;
  readonly rawValue?: string | undefined;
}

/** A captured request seen through OAuth 1.0a: its protocol parameters, wherever they were sent. */
export interface OAuthRequestView {
  readonly exchange: CapturedExchange;
  /** Method exactly as sent. */
  readonly method: string;
  readonly url: URL;
  /** Scheme and authority exactly as written in the captured URL (case kept). */
  readonly rawScheme: string;
  readonly rawAuthority: string;
  /** The Host (or HTTP/2 :authority) header, when the capture has one. */
  readonly hostHeader: string | undefined;
  readonly authorization: ParsedAuthorization | undefined;
  readonly realm: string | undefined;
  readonly queryParams: readonly WireParameter[];
  readonly headerParams: readonly WireParameter[];
  /** Parameters of a form body (RFC 5849 §3.4.1.3.1); empty for other bodies. */
  readonly bodyParams: readonly WireParameter[];
  readonly body: { readonly contentType: string | undefined; readonly text: string } | undefined;
  readonly isFormBody: boolean;
  /** Every oauth_* parameter occurrence, from all three places. */
  readonly protocol: readonly WireParameter[];
  /** Whether it carries an oauth_signature (a signed OAuth request). */
  readonly signed: boolean;
  /** First value of a protocol parameter, wherever it was. */
  get(name: string): string | undefined;
}

/** Splits a query or form body into parameters, keeping the raw text of each (RFC 5849 §3.4.1.3.1). */
export function wireParameters(text: string, source: WireSource): WireParameter[] {
  return splitForm(text).map(([rawName, rawValue]) => ({ name: formDecode(rawName), value: formDecode(rawValue), source, rawName, rawValue }));
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Builds the OAuth view of a captured request; never throws on odd input. */
export function viewRequest(exchange: CapturedExchange): OAuthRequestView {
  const request = exchange.request;
  const url = new URL(request.url);
  const authorityMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(request.url);
  const rawScheme = authorityMatch?.[1] ?? url.protocol.slice(0, -1);
  const rawAuthority = (authorityMatch?.[2] ?? url.host).replace(/^.*@/, '');
  const hostHeader = firstHeaderValue(request.headers, 'host') ?? firstHeaderValue(request.headers, ':authority');
  let authorization: ParsedAuthorization | undefined;
  for (const value of headerValues(request.headers, 'authorization')) {
    authorization = parseAuthorizationHeader(value);
    if (authorization) break;
  }
  const headerParams: WireParameter[] = (authorization?.parameters ?? []).map(([name, value]) => ({ name, value, source: 'header' as const }));
  const queryParams = wireParameters(url.search.replace(/^\?/, ''), 'query');
  const body = request.body;
  const isFormBody = body !== undefined && mediaType(body.contentType) === 'application/x-www-form-urlencoded';
  const bodyParams = isFormBody && body ? wireParameters(body.text, 'body') : [];
  const protocol = [...headerParams, ...queryParams, ...bodyParams].filter((p) => p.name.startsWith('oauth_'));
  const get = (name: string) => protocol.find((p) => p.name === name)?.value;
  return {
    exchange,
    method: request.method,
    url,
    rawScheme,
    rawAuthority,
    hostHeader,
    authorization,
    realm: authorization?.realm,
    queryParams,
    headerParams,
    bodyParams,
    body: body ? { contentType: body.contentType, text: body.text } : undefined,
    isFormBody,
    protocol,
    signed: protocol.some((p) => p.name === 'oauth_signature'),
    get,
  };
}
