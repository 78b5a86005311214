import { formDecode } from './percent-encode.js';

export type Pair = readonly [name: string, value: string];

/**
 * Parses application/x-www-form-urlencoded data (a body, or a query without
 * its `?`) the way RFC 5849 §3.4.1.3.1 requires (W3C HTML 4.0 §17.13.4):
 * `+` is a space; every pair counts, repeated names and empty values
 * included; only the first `=` splits, so `x=y=z` is x → "y=z"; a name
 * without `=` has the empty value. Empty segments (`a=1&&b=2`) are not pairs.
 */
export function parseForm(text: string): Pair[] {
  return splitForm(text).map(([name, value]) => [formDecode(name), formDecode(value)]);
}

/** The pairs of parseForm before decoding, as written on the wire (for tools that show or misread the raw text). */
export function splitForm(text: string): Pair[] {
  if (text === '') return [];
  const pairs: Pair[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    pairs.push(eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)]);
  }
  return pairs;
}

/** The query component of a URL (`URL.search`, with or without its `?`) as form pairs (RFC 5849 §3.4.1.3.1). */
export function parseQuery(search: string): Pair[] {
  return parseForm(search.startsWith('?') ? search.slice(1) : search);
}

/** Serialises pairs as a form body with RFC 3986 encoding (space as %20). */
export function serializeForm(pairs: readonly Pair[], encode: (s: string) => string): string {
  return pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
}

/** First value of a name, or undefined. */
export function formValue(pairs: readonly Pair[], name: string): string | undefined {
  return pairs.find(([n]) => n === name)?.[1];
}
