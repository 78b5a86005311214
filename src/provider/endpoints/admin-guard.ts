import { header, type ProviderRequest } from '../http-types.js';

/** Admin bodies are a few short fields. */
export const ADMIN_MAX_BODY_BYTES = 4 * 1024;
/** An address an admin call may refuse: an IP literal, never a megabyte. */
export const ADMIN_MAX_ADDRESS_CHARS = 64;
/** The refused-address list the admin endpoint grows. */
export const ADMIN_MAX_REFUSED_ADDRESSES = 1000;

/** Why an admin request was turned away (stable codes, for the JSON answer and tests). */
export type AdminRefusal = 'not-loopback' | 'foreign-host' | 'cross-origin' | 'cross-site';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** `name:port` → [name, port]; a bracketed IPv6 literal keeps its brackets. */
function splitHost(value: string): [string, string | undefined] {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(value.trim().toLowerCase());
  return match ? [match[1] ?? '', match[2]] : ['', undefined];
}

function boundName(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain.includes(':') ? `[${plain}]` : plain;
}

/**
 * A Host a page in the user's own browser sends only when it talks to us by
 * a loopback name or the address we are bound to, on our port. Anything else
 * (`evil.example` resolving to 127.0.0.1) is DNS rebinding.
 */
function isOwnHost(request: ProviderRequest): boolean {
  const raw = header(request, 'host');
  // Only HTTP/1.0 tools leave Host out; every browser (the rebinding attacker's vehicle) sends it.
  if (raw === undefined) return true;
  const [name, port] = splitHost(raw);
  const names = new Set(LOOPBACK_NAMES);
  const bound = boundName(request.localAddress);
  if (bound !== undefined) names.add(bound);
  if (!names.has(name)) return false;
  const ownPort = request.localPort === undefined ? undefined : String(request.localPort);
  if (ownPort === undefined) return true;
  return port === undefined || port === '' ? ownPort === '80' : port === ownPort;
}

/** Origin, when a browser sends one, must be this provider itself (Fetch §3.2.5; RFC 6454 §7). */
function isOwnOrigin(request: ProviderRequest): boolean {
  const origin = header(request, 'origin');
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:') return false;
  return isOwnHost({ ...request, headers: { ...request.headers, host: [parsed.host || 'origin.invalid'] } });
}

/**
 * The checks the callback listener makes, for /admin/*: a loopback client,
 * our own Host (DNS rebinding), our own Origin and no cross-site fetch
 * (Fetch Metadata, `Sec-Fetch-Site`: `same-origin` or `none` only). Tools
 * such as curl send neither Origin nor Sec-Fetch-Site and pass.
 */
export function adminRefusal(request: ProviderRequest): AdminRefusal | undefined {
  if (!isLoopback(request.remoteAddress)) return 'not-loopback';
  if (!isOwnHost(request)) return 'foreign-host';
  if (!isOwnOrigin(request)) return 'cross-origin';
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'cross-site';
  return undefined;
}

export const ADMIN_REFUSAL_TEXT: Record<AdminRefusal, { readonly status: number; readonly error: string }> = {
  'not-loopback': { status: 403, error: 'admin endpoints answer loopback clients only' },
  'foreign-host': { status: 421, error: 'admin endpoints answer requests for this provider\'s own host name only (127.0.0.1, localhost, [::1] or the bound address)' },
  'cross-origin': { status: 403, error: 'admin endpoints refuse requests from another origin' },
  'cross-site': { status: 403, error: 'admin endpoints refuse cross-site requests' },
};
