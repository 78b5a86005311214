/**
 * A base string a server quotes in prose: Khan Academy's "Expected signature
 * base string: GET&https%3A…", Google's old "base_string:GET&…". Only the
 * encoded form (METHOD&scheme%3A%2F%2F…, RFC 5849 §3.4.1.1) is taken, so a
 * stray "base string" in a sentence is not. Bounded and linear: untrusted text.
 */
const ECHOED = /base[ _]?string\s{0,3}[:=]?\s{0,3}\[?([A-Z]{3,7}&https?%3A%2F%2F[^\s\]'"<>]{1,8000})/i;

export function echoedBaseString(text: string): string | undefined {
  return ECHOED.exec(text.slice(0, 100_000))?.[1];
}
