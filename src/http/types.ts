/**
 * What the network layer sends and what it hands back. A record of both sides
 * (STYLE habit 1, oauth2c's habit): the flow can show the request even when
 * the reply was a failure, and tests can assert on every hop.
 */

export interface HttpRequest {
  readonly method: string;
  /** Absolute http(s) URL. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
}

/** How the kept part of a body decoded. */
export type BodyEncoding = 'empty' | 'utf-8' | 'invalid-utf-8' | 'binary';

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers keep every value. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The kept part of the body as text (invalid UTF-8 becomes U+FFFD). */
  readonly body: string;
  readonly encoding: BodyEncoding;
  /** Bytes that arrived in total, kept or not. */
  readonly bodyBytes: number;
  /** Bytes kept in `body`. */
  readonly keptBytes: number;
  /** True when more arrived than was kept. */
  readonly truncated: boolean;
  /** The Content-Encoding the body arrived in and was decoded from (RFC 9110 §8.4), when it had one. */
  readonly contentCoding?: ContentCoding | undefined;
}

export type ContentCoding = 'gzip' | 'deflate' | 'br';

/** An earlier hop of a redirect chain. */
export interface RedirectHop {
  readonly request: HttpRequest;
  readonly status: number;
  readonly location: string;
  /** True when the Authorization header was dropped for the next hop (another origin). */
  readonly authorizationDropped: boolean;
}

export interface HttpExchange {
  /** The request of the last hop, as sent. */
  readonly request: HttpRequest;
  readonly response: HttpResponse;
  /** Redirects followed before the last hop, in order. */
  readonly redirects: readonly RedirectHop[];
  /** Milliseconds since the epoch when the first hop was sent. */
  readonly startedAt: number;
  /** Until the last hop's status line and headers arrived. */
  readonly headersMs: number;
  /** Until the last hop's body was read. */
  readonly totalMs: number;
}

export interface BodyLimits {
  /** Bytes kept as text; the rest is counted and discarded. */
  readonly keepBytes: number;
  /** Past this many bytes in total the read stops with `body-too-large`. */
  readonly maxBytes: number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { keepBytes: 1024 * 1024, maxBytes: 64 * 1024 * 1024 };
