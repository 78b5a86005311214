import type { ProviderRequest } from '../http-types.js';
import { header } from '../http-types.js';
import type { ReceivedRequest } from '../read-request.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

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
    url: `http://${request.host}${request.target}`,
    authorization: request.headers['authorization'] ?? [],
    body: request.body.length > 0 || contentType ? { contentType: contentType ?? '', content } : undefined,
  };
  return { received, bodyIsUtf8 };
}
