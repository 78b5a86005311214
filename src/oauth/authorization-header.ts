import type { Pair } from './form.js';
import { percentDecode, percentEncode } from './percent-encode.js';

/**
 * RFC 5849 §3.5.1: `OAuth realm="…", name="value", …` with every name and value
 * percent-encoded (§3.6). The realm is not encoded but quoted, so quotes and
 * backslashes in it are escaped as in an HTTP quoted-string (RFC 7230 §3.2.6).
 */
export function buildAuthorizationHeader(protocol: readonly Pair[], realm?: string): string {
  const parts: string[] = [];
  if (realm !== undefined) parts.push(`realm="${realm.replace(/["\\]/g, '\\$&')}"`);
  for (const [name, value] of protocol) parts.push(`${percentEncode(name)}="${percentEncode(value)}"`);
  return `OAuth ${parts.join(', ')}`;
}

export interface ParsedAuthorization {
  /** Protocol parameters in the order received, decoded; `realm` excluded. */
  readonly parameters: Pair[];
  readonly realm: string | undefined;
  /** Anything that does not follow §3.5.1; empty when well-formed. */
  readonly defects: string[];
}

// One auth-param (RFC 7235 §2.1): name, `=`, then a quoted-string or a bare token.
const AUTH_PARAM = /^([^\s=,"]+)\s*=\s*(?:"((?:[^"\\]|\\[\s\S])*)"|([^\s,"]*))/;
// §3.6: a value on the wire holds only unreserved characters and %XX triplets.
const PERCENT_ENCODED = /^(?:[A-Za-z0-9\-._~]|%[0-9A-Fa-f]{2})*$/;

/**
 * Parses an `OAuth …` credentials value (RFC 5849 §3.5.1, RFC 7235 auth-param
 * syntax). Tolerant: it reads what real clients send (unquoted values,
 * missing commas, empty list elements, unencoded values) and lists every
 * deviation from §3.5.1 as a defect rather than throwing. Returns undefined
 * when the scheme is not OAuth.
 */
export function parseAuthorizationHeader(value: string): ParsedAuthorization | undefined {
  const scheme = /^\s*OAuth(?:\s+|$)/i.exec(value);
  if (!scheme) return undefined;
  const parameters: Pair[] = [];
  const defects: string[] = [];
  const seen = new Set<string>();
  let realm: string | undefined;
  // RFC 7230 §7: empty list elements (`a="1",,b="2"`) are legal and skipped.
  let rest = value.slice(scheme[0].length).replace(/^[\s,]+/, '');
  while (rest !== '') {
    const m = AUTH_PARAM.exec(rest);
    // A quote right after a bare value is an unterminated or misplaced quoted-string.
    if (!m || rest[m[0].length] === '"') {
      defects.push(`cannot read "${rest.slice(0, 40)}"`);
      break;
    }
    const name = m[1] ?? '';
    const quoted = m[2];
    const raw = quoted !== undefined ? quoted.replace(/\\([\s\S])/g, '$1') : (m[3] ?? '');
    if (quoted === undefined) defects.push(`${name} is not quoted`);
    if (name.toLowerCase() === 'realm') {
      realm = raw;
    } else {
      if (!PERCENT_ENCODED.test(name) || !PERCENT_ENCODED.test(raw)) defects.push(`${name} is not percent-encoded (RFC 5849 §3.6)`);
      const decodedName = percentDecode(name);
      if (seen.has(decodedName)) defects.push(`${decodedName} appears more than once`);
      seen.add(decodedName);
      parameters.push([decodedName, percentDecode(raw)]);
    }
    rest = rest.slice(m[0].length);
    const separator = /^\s*(?:,[\s,]*|$)/.exec(rest);
    if (separator && separator[0] !== '') {
      rest = rest.slice(separator[0].length);
    } else if (rest !== '') {
      defects.push(`no comma after ${name}`);
      rest = rest.trimStart();
    }
  }
  return { parameters, realm, defects };
}
