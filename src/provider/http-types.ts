/**
 * What the node:http edge hands to the pure core and what it gets back. The
 * core never sees a socket, so every rule can be tested with plain values.
 */
export interface ProviderRequest {
  readonly method: string;
  /** The request-target as received: path and query, not decoded. */
  readonly target: string;
  /** The Host header (RFC 5849 §3.4.1.2 builds the base string URI from it). */
  readonly host: string;
  /** Header values by lowercase name; repeated headers keep every value. */
  readonly headers: Readonly<Record<string, readonly string[] | undefined>>;
  readonly body: Buffer;
  readonly remoteAddress: string;
  /** The address and port the request arrived on (the admin guard checks Host against them). */
  readonly localAddress?: string | undefined;
  readonly localPort?: number | undefined;
}

export interface ProviderReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function header(request: ProviderRequest, name: string): string | undefined {
  return request.headers[name.toLowerCase()]?.[0];
}

export function reply(status: number, contentType: string, body: string, headers: Record<string, string> = {}): ProviderReply {
  return { status, headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers }, body };
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML = 'text/html; charset=utf-8';
export const TEXT = 'text/plain; charset=utf-8';
