import type { Finding } from './finding.js';

/** The code a bare HTTP error status reads as: `http:401`, `http:429`, every 5xx as `http:5xx`. */
export function httpStatusCode(status: number): string {
  return status >= 500 ? 'http:5xx' : `http:${status}`;
}

/** What is known beside a status-only reading: problem-details parameters, the provider's message, the body's own status. */
export type BesideStatus = Omit<Partial<Finding>, 'code' | 'source' | 'confidence'>;

/**
 * The reading when nothing but the status speaks (RFC 9110 §15): a
 * heuristic, which the ranking treats as such. Whatever else was found
 * rides beside it.
 */
export function statusFinding(status: number, beside: BesideStatus = {}): Finding {
  return { parameters: {}, ...beside, code: httpStatusCode(status), source: 'status-only', confidence: 'heuristic' };
}
