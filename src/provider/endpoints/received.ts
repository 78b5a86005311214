import type { ProviderRequest } from '../http-types.js';
import { header } from '../http-types.js';
import type { ReceivedRequest } from '../read-request.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The URL the client addressed: the request-target with the Host header
 * (RFC 5849 §3.4.1.2), or the target itself in absolute-form (RFC 9112 §3.2.2,
 * as sent through a proxy).
 */
function absoluteUrl(request: ProviderRequest): string {
  return /^https?:\/\//i.test(request.target) ? request.target : `http://${request.host}${request.target}`;
}

/**
 * Turns the edge's bytes into the text the rules read. A form body that is
 * not UTF-8 is reported, since its parameters would be signed (RFC 5849 §3.6);
 * any other body is not signed and is read leniently.
 */
export function receivedRequest(request: ProviderRequest): { received: ReceivedRequest; bodyIsUtf8: boolean } {
  const contentType = header(request, 'content-type');
  let content: string;
  let bodyIsUtf8 = true;
  try {
    content = utf8.decode(request.body);
  } catch {
    content = request.body.toString('utf8');
    bodyIsUtf8 = false;
  }
  const received: ReceivedRequest = {
    method: request.method,
    url: absoluteUrl(request),
    authorization: request.headers['authorization'] ?? [],
    body: request.body.length > 0 || contentType ? { contentType: contentType ?? '', content } : undefined,
  };
  return { received, bodyIsUtf8 };
}
