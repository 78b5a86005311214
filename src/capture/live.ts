import type { HttpExchange } from '../http/types.js';
import type { Capture, CapturedExchange, HeaderList } from './types.js';

/**
 * A live exchange (what `request` just sent and got back) as the captured
 * exchange inspect reads (STYLE habit 13: one model for the same bytes), so
 * the request is checked by inspect's own checks and variant finder.
 * The Host header is the one sent: the URL's host unless -H Host replaced it.
 */
export function captureFromExchange(exchange: HttpExchange, origin = 'this request'): Capture {
  const headers = (record: Readonly<Record<string, string | readonly string[]>>): HeaderList =>
    Object.entries(record).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as const] : value.map((v) => [name, v] as const)));
  const request = exchange.request;
  const captured: CapturedExchange = {
    index: 0,
    origin,
    startedAt: exchange.startedAt,
    durationMs: exchange.totalMs,
    waitMs: exchange.headersMs,
    request: {
      method: request.method,
      url: request.url,
      headers: request.headers['host'] === undefined ? [['host', new URL(request.url).host], ...headers(request.headers)] : headers(request.headers),
      body: request.body === undefined ? undefined : { contentType: request.headers['content-type'], text: request.body },
    },
    response: { status: exchange.response.status, headers: headers(exchange.response.headers), body: exchange.response.body },
  };
  return { format: 'http', source: origin, exchanges: [captured], totalEntries: 1, notes: [] };
}
