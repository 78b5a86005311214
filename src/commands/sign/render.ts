import { shellQuote } from '../../terminal/shell-quote.js';
import type { Palette } from '../../terminal/color.js';
import type { SignedRequest } from '../../oauth/types.js';
import { maskSecret } from '../../secrets/mask.js';
import { verbatimBaseString } from '../../secrets/redactor.js';
import { isFormBody } from '../../oauth/base-string.js';
import { percentEncode } from '../../oauth/percent-encode.js';
import { isRsaMethod } from '../../oauth/methods.js';

/**
 * A curl line that sends exactly the request that was signed: the method
 * written out for every request but a GET without a body (curl sends POST
 * for a body, issue 15 item 1); the normalised wire URL (wireUrl: dot
 * segments resolved, non-ASCII encoded), `-g` so curl does not read `[]{}`
 * as a glob and `--path-as-is` so it leaves the path alone (issue 16).
 */
export function curlCommand(request: SignedRequest): string {
  const parts = ['curl', '-g', '--path-as-is'];
  if (request.method !== 'GET' || request.body) parts.push('-X', request.method);
  parts.push(shellQuote(request.wireUrl), '-H', shellQuote(`Authorization: ${request.authorization}`));
  if (request.body) {
    parts.push('-H', shellQuote(`Content-Type: ${request.body.contentType}`), '--data-raw', shellQuote(request.body.content));
  }
  return parts.join(' ');
}

export interface SigningKeyShape {
  readonly consumerSecret: string;
  readonly tokenSecret: string | undefined;
  readonly reveal: boolean;
}

/**
 * `encode(consumer_secret)&encode(token_secret)` (RFC 5849 §3.4.2) with both
 * halves masked unless revealed; revealed, each half is shown encoded, as it
 * is in the key.
 */
export function describeSigningKey(method: SignedRequest['signatureMethod'], key: SigningKeyShape): string {
  if (isRsaMethod(method)) return 'RSA private key (PEM); secrets are not used';
  const show = (s: string | undefined) => (s === undefined || s === '' ? '(empty)' : key.reveal ? percentEncode(s) : maskSecret(s));
  return `encode(consumer_secret)&encode(token_secret) = ${show(key.consumerSecret)}&${show(key.tokenSecret)}`;
}

/** The working of one signature, as text lines (redaction is the caller's output layer). */
export function renderSignedRequest(request: SignedRequest, key: SigningKeyShape, c: Palette): string[] {
  const width = Math.max(...request.parameters.map((p) => p.name.length), 4);
  const lines = [c.bold('Parameters (normalised order, RFC 5849 §3.4.1.3.2)')];
  // Source first, in a fixed-width column, so the table stays aligned whatever the values.
  for (const p of request.parameters) lines.push(`  ${c.dim(p.source.padEnd(5))}  ${p.name.padEnd(width)}  ${p.value === '' ? c.dim('(empty)') : p.value}`);
  if (request.body && !isFormBody(request.body)) lines.push(c.dim(`  (the ${request.body.contentType} body is not signed, RFC 5849 §3.4.1.3.1)`));
  if (request.wireUrl !== request.url) lines.push('', c.bold('URL as sent (normalised, RFC 3986 §6.2.2)'), `  ${request.wireUrl}`);
  lines.push('', c.bold('Base string URI (§3.4.1.2)'), `  ${request.baseUri}`);
  lines.push('', c.bold('Signature base string (§3.4.1.1)'), `  ${verbatimBaseString(request.baseString)}`);
  lines.push('', c.bold('Signing key (§3.4.2)'), `  ${describeSigningKey(request.signatureMethod, key)}`);
  lines.push('', c.bold(`Signature (${request.signatureMethod})`), `  ${request.signature}`);
  lines.push('', c.bold('Authorization header (§3.5.1)'), `  ${request.authorization}`);
  lines.push('', c.bold('curl'), `  ${curlCommand(request)}`);
  return lines;
}
