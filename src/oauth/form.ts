import { formDecode } from './percent-encode.js';

export type Pair = readonly [name: string, value: string];

/**
 * Parses application/x-www-form-urlencoded data (a query string or a body) the
 * way RFC 5849 §3.4.1.3.1 requires: every pair counts, repeated names and
 * empty values included; only the first `=` splits, so `x=y=z` is x → "y=z".
 */
export function parseForm(input: string): Pair[] {
  const text = input.startsWith('?') ? input.slice(1) : input;
  if (text === '') return [];
  const pairs: Pair[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push([formDecode(name), formDecode(value)]);
  }
  return pairs;
}

/** Serialises pairs as a form body with RFC 3986 encoding (space as %20). */
export function serializeForm(pairs: readonly Pair[], encode: (s: string) => string): string {
  return pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
}

/** First value of a name, or undefined. */
export function formValue(pairs: readonly Pair[], name: string): string | undefined {
  return pairs.find(([n]) => n === name)?.[1];
}
