import type { HttpRequest } from './types.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that carry credentials: never sent to an origin they were not meant for. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

export interface RedirectStep {
  readonly next: HttpRequest;
  readonly location: string;
  readonly authorizationDropped: boolean;
}

function isRedirect(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

/** Same scheme, host and port (RFC 6454 origin). */
function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

/**
 * Decides the next hop of a redirect, or undefined when there is none to
 * follow (not a redirect status, no or unusable Location). We follow
 * redirects ourselves rather than letting the HTTP client do it so that an
 * OAuth Authorization header (it holds the signature and the token) never
 * travels to another origin (RFC 9110 §15.4, the fetch standard's rule for
 * credentials on cross-origin redirects). 303, and 301/302 after a POST,
 * become a GET without a body as browsers do; 307/308 keep method and body.
 */
export function redirectStep(request: HttpRequest, status: number, location: string | undefined): RedirectStep | undefined {
  if (!isRedirect(status) || !location) return undefined;
  let target: URL;
  try {
    target = new URL(location, request.url);
  } catch {
    return undefined;
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return undefined;
  target.hash = '';
  const toGet = status === 303 || ((status === 301 || status === 302) && request.method === 'POST');
  const crossOrigin = !sameOrigin(request.url, target.href);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (crossOrigin && CREDENTIAL_HEADERS.includes(name)) continue;
    if (toGet && (name === 'content-type' || name === 'content-length')) continue;
    headers[name] = value;
  }
  const next: HttpRequest = {
    method: toGet ? 'GET' : request.method,
    url: target.href,
    headers,
    body: toGet ? undefined : request.body,
  };
  return { next, location: target.href, authorizationDropped: crossOrigin && 'authorization' in request.headers };
}
