import type { HttpResponse } from './types.js';

/**
 * Single header value (the first, when repeated). Kept apart from send.ts so
 * the pure flow modules that read replies do not pull in undici.
 */
export function headerValue(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : value?.[0];
}
