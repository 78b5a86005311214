import type { Pair } from './form.js';
import { percentDecode, percentEncode } from './percent-encode.js';

/**
 * RFC 5849 §3.5.1: `OAuth realm="…", name="value", …` with every name and value
 * percent-encoded (§3.6). The realm is not encoded but quoted, so quotes and
 * backslashes in it are escaped as in an HTTP quoted-string.
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

/**
 * Parses an `OAuth …` credentials value (RFC 5849 §3.5.1, RFC 7235 auth-param
 * syntax). Tolerant: it reads what real clients send (unquoted values, stray
 * spaces, a trailing comma) and lists every deviation as a defect rather than
 * throwing. Returns undefined when the scheme is not OAuth.
 */
export function parseAuthorizationHeader(value: string): ParsedAuthorization | undefined {
  const match = /^\s*OAuth(?:\s+|$)/i.exec(value);
  if (!match) return undefined;
  const parameters: Pair[] = [];
  const defects: string[] = [];
  let realm: string | undefined;
  let rest = value.slice(match[0].length);
  const param = /^\s*([^\s=,"]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,"]*))\s*(?:,|$)/;
  while (rest.trim() !== '') {
    const m = param.exec(rest);
    if (!m) {
      defects.push(`cannot read "${rest.trim().slice(0, 40)}"`);
      break;
    }
    const name = m[1] ?? '';
    const quoted = m[2];
    const raw = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (m[3] ?? '');
    if (quoted === undefined) defects.push(`${name} is not quoted`);
    if (name.toLowerCase() === 'realm') {
      realm = raw;
    } else {
      parameters.push([percentDecode(name), percentDecode(raw)]);
    }
    rest = rest.slice(m[0].length);
  }
  return { parameters, realm, defects };
}
