import { parseForm, type Pair } from '../../oauth/form.js';
import { formDecode } from '../../oauth/percent-encode.js';
import type { ProblemSource } from '../types.js';
import type { Finding } from './finding.js';
import { findingFromOAuthPairs } from './oauth-parameters.js';

const BASE_STRING_KEYS = ['debug_sbs', 'oauth_signature_base_string'];
const STOP = new Set([' ', '\t', '\r', '\n', '"', "'", '<', '>', '`']);
const START = new Set([...STOP, '?', '#']);

/**
 * The form-encoded run of text around `key=`: a whole body, or the
 * `oauth_problem=…&…` part of a log line such as `401 oauth_problem=token_rejected`.
 */
export function formSegmentAround(text: string, key: string): string | undefined {
  return formSegmentWithContext(text, key)?.segment;
}

/** The segment, and whether it is the query or fragment of a URL (it follows `?` or `#`). */
function formSegmentWithContext(text: string, key: string): { segment: string; inUrl: boolean } | undefined {
  const at = text.indexOf(`${key}=`);
  if (at === -1) return undefined;
  let start = at;
  while (start > 0 && !START.has(text[start - 1] ?? ' ')) start--;
  let end = at;
  while (end < text.length && !STOP.has(text[end] ?? ' ')) end++;
  const before = text[start - 1];
  return { segment: text.slice(start, end), inUrl: before === '?' || before === '#' };
}

/** A value written with its quotes (`error=%22access_denied%22`, `error='access_denied'`): the quotes are not part of it. */
export function unquotedValue(value: string): string {
  const trimmed = value.trim();
  return /^(["'`])[^"'`]*\1$/.test(trimmed) ? trimmed.slice(1, -1) : value;
}

/** The whitespace-delimited word around `needle`, e.g. a URL in a log line. */
export function wordAround(text: string, needle: string): string | undefined {
  const at = text.indexOf(needle);
  if (at === -1) return undefined;
  let start = at;
  while (start > 0 && !STOP.has(text[start - 1] ?? ' ')) start--;
  let end = at;
  while (end < text.length && !STOP.has(text[end] ?? ' ')) end++;
  return text.slice(start, end);
}

/**
 * Splits a form segment into pairs, lifting out an echoed base string first.
 * Flickr's debug_sbs is not encoded as a value: its own `&` separators are
 * raw (`debug_sbs=POST&https%3A…&oauth_callback%3D…`), so a base string
 * (METHOD & URI & parameters, RFC 5849 §3.4.1.1) is read as three raw parts.
 */
export function splitFormWithBaseString(segment: string): { pairs: Pair[]; baseString: string | undefined } {
  for (const key of BASE_STRING_KEYS) {
    const at = segment.indexOf(`${key}=`);
    if (at === -1 || (at > 0 && segment[at - 1] !== '&')) continue;
    const rest = segment.slice(at + key.length + 1);
    let value: string;
    let after: string;
    if (/^[A-Za-z]+&/.test(rest)) {
      const third = nthIndexOf(rest, '&', 3);
      value = third === -1 ? rest : rest.slice(0, third);
      after = third === -1 ? '' : rest.slice(third + 1);
    } else {
      const next = rest.indexOf('&');
      value = formDecode(next === -1 ? rest : rest.slice(0, next));
      after = next === -1 ? '' : rest.slice(next + 1);
    }
    const before = segment.slice(0, Math.max(0, at - 1));
    return { pairs: [...parseForm(before), ...parseForm(after)], baseString: value };
  }
  return { pairs: parseForm(segment), baseString: undefined };
}

function nthIndexOf(text: string, char: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(char, at + 1);
    if (at === -1) return -1;
  }
  return at;
}

/** `oauth_problem=…` in a form body or anywhere in a line of text (Problem Reporting, OAuth Core §5.3 encoding). */
export function readFormBody(text: string, source: ProblemSource = 'form-body'): Finding | undefined {
  const found = formSegmentWithContext(text, 'oauth_problem');
  if (found === undefined) return undefined;
  // Copied out of an HTML page, the separators arrive as `&amp;` (seen from Etsy v2).
  const segment = found.segment.includes('&amp;') ? found.segment.replaceAll('&amp;', '&') : found.segment;
  const { pairs, baseString } = splitFormWithBaseString(segment);
  const finding = findingFromOAuthPairs(pairs, found.inUrl ? 'url-query' : source);
  if (!finding) return undefined;
  return baseString === undefined ? finding : { ...finding, serverBaseString: finding.serverBaseString ?? baseString };
}
