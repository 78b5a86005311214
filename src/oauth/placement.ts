import { usageError } from '../errors.js';
import { isFormBody } from './base-string.js';
import { serializeForm } from './form.js';
import { percentEncode } from './percent-encode.js';
import type { SignedRequest } from './types.js';

/** RFC 5849 §3.5: where the protocol parameters travel. */
export const PLACEMENTS = ['header', 'query', 'body'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export interface PlacedRequest {
  readonly method: string;
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

const FORM = 'application/x-www-form-urlencoded';

export function parsePlacement(value: string | undefined): Placement {
  const placement = value ?? 'header';
  if (!(PLACEMENTS as readonly string[]).includes(placement)) throw usageError('invalid-placement', `--placement "${value}" is not header, query or body`, 'header (Authorization, §3.5.1), query (§3.5.3) or body (a form body, §3.5.2)');
  return placement as Placement;
}

/**
 * Puts a signed request's protocol parameters where `placement` says, on the
 * wire URL (wireUrl): the base string is the same wherever they go, since
 * §3.4.1.3.1 collects them from any of the three.
 * - header (§3.5.1): `Authorization: OAuth realm="…", …`.
 * - query (§3.5.3): appended to the query, each name and value encoded (§3.6); no realm.
 * - body (§3.5.2): appended to a form body, which the request must have or may
 *   gain (a GET or HEAD has no body to carry them, nor does a JSON body); no realm.
 */
export function placeParameters(signed: SignedRequest, placement: Placement, headers: Readonly<Record<string, string>> = {}): PlacedRequest {
  const protocol = serializeForm(signed.protocolParameters, percentEncode);
  const body = signed.body?.content;
  if (placement === 'header') return { method: signed.method, url: signed.wireUrl, headers: { ...headers, authorization: signed.authorization }, body };
  if (placement === 'query') {
    const url = new URL(signed.wireUrl);
    const search = url.search === '' || url.search === '?' ? protocol : `${url.search.slice(1)}&${protocol}`;
    return { method: signed.method, url: `${url.origin}${url.pathname}?${search}`, headers, body };
  }
  if (signed.body && !isFormBody(signed.body)) {
    throw usageError('placement-needs-form-body', `--placement body puts the OAuth parameters in a form body, but this body is ${signed.body.contentType}`, 'use --placement header (or query) with a body that is not a form');
  }
  if (signed.method === 'GET' || signed.method === 'HEAD') {
    throw usageError('placement-needs-form-body', `--placement body needs a request with a body; ${signed.method} has none (RFC 5849 §3.5.2)`, 'use --placement header or query, or -X POST');
  }
  return {
    method: signed.method,
    url: signed.wireUrl,
    headers: { ...headers, 'content-type': signed.body?.contentType ?? FORM },
    body: body === undefined || body === '' ? protocol : `${body}&${protocol}`,
  };
}
