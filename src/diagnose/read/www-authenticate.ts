import type { Pair } from '../../oauth/form.js';
import { parseForm } from '../../oauth/form.js';
import { percentDecode } from '../../oauth/percent-encode.js';

export interface OAuthChallenge {
  readonly realm: string | undefined;
  /** Auth-params after the realm, percent-decoded (RFC 5849 §3.5.1, §3.6). */
  readonly parameters: Pair[];
}

/**
 * Finds the `OAuth` challenge in a WWW-Authenticate value (RFC 9110 §11.6.1,
 * RFC 5849 §3.5.1) and reads its auth-params. Tolerant of what servers send:
 * unquoted values, several challenges in one header, and a form-encoded tail
 * (`oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1-2`).
 * A linear scanner, never a backtracking regex: input is untrusted.
 */
export function parseOAuthChallenge(value: string): OAuthChallenge | undefined {
  const start = findScheme(value);
  if (start === undefined) return undefined;
  let realm: string | undefined;
  const parameters: Pair[] = [];
  let i = start;
  while (i < value.length) {
    while (i < value.length && (value[i] === ',' || value[i] === ' ' || value[i] === '\t')) i++;
    const nameStart = i;
    while (i < value.length && !'=, \t"'.includes(value[i] ?? '')) i++;
    const name = value.slice(nameStart, i);
    while (i < value.length && (value[i] === ' ' || value[i] === '\t')) i++;
    if (name === '' || value[i] !== '=') {
      // Either junk or the next challenge's scheme (`Basic realm=…`): stop.
      if (name !== '' && parameters.length + (realm === undefined ? 0 : 1) > 0) break;
      if (name === '') i++;
      continue;
    }
    i++;
    while (i < value.length && (value[i] === ' ' || value[i] === '\t')) i++;
    let raw = '';
    if (value[i] === '"') {
      i++;
      while (i < value.length && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < value.length) i++;
        raw += value[i];
        i++;
      }
      i++;
    } else {
      const valueStart = i;
      while (i < value.length && value[i] !== ',' && value[i] !== ' ' && value[i] !== '\t') i++;
      raw = value.slice(valueStart, i);
    }
    if (name.toLowerCase() === 'realm') {
      realm = raw;
    } else if (raw.includes('&') && raw.includes('=')) {
      parameters.push([percentDecode(name), percentDecode(raw.slice(0, raw.indexOf('&')))], ...parseForm(raw.slice(raw.indexOf('&') + 1)));
    } else {
      parameters.push([percentDecode(name), percentDecode(adviceSpaces(name, raw))]);
    }
  }
  return { realm, parameters };
}

/**
 * RFC 5849 §3.6 encodes a space as %20, but servers that form-encode
 * (application/x-www-form-urlencoded) send `+`. Only free text reads `+` as
 * a space, and only when the value has no other sign of encoding.
 */
function adviceSpaces(name: string, raw: string): string {
  return name === 'oauth_problem_advice' && raw.includes('+') && !raw.includes(' ') && !raw.includes('%20') ? raw.replaceAll('+', ' ') : raw;
}

/** Index just after the `OAuth` scheme token, or undefined. */
function findScheme(value: string): number | undefined {
  const lower = value.toLowerCase();
  let from = 0;
  for (;;) {
    const at = lower.indexOf('oauth', from);
    if (at === -1) return undefined;
    const before = at === 0 ? ' ' : (lower[at - 1] ?? ' ');
    const after = lower[at + 5];
    if ((before === ' ' || before === ',' || before === '\t') && (after === undefined || after === ' ' || after === '\t')) return at + 5;
    from = at + 5;
  }
}
