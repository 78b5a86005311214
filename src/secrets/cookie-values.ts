/**
 * Cookies an authorization server sets during login and consent are
 * session credentials (RFC 6265 §8.3: whoever holds the value is logged
 * in), so the headers --verbose shows keep each cookie's name and length,
 * never its value. Other headers are returned as they are.
 */
export function shownHeaderValue(name: string, value: string): string {
  const lower = name.toLowerCase();
  // RFC 6265 §4.2.1: cookie-string = cookie-pair *( ";" SP cookie-pair ).
  if (lower === 'cookie') return value.split(';').map((pair) => maskPair(pair.trim())).join('; ');
  // RFC 6265 §4.1.1: the first pair is the cookie; the attributes after it (Path, Expires, …) are not secret.
  if (lower === 'set-cookie') {
    const semi = value.indexOf(';');
    return semi < 0 ? maskPair(value) : `${maskPair(value.slice(0, semi))}${value.slice(semi)}`;
  }
  return value;
}

function maskPair(pair: string): string {
  const eq = pair.indexOf('=');
  if (eq < 0) return pair;
  const length = pair.length - eq - 1;
  return length === 0 ? pair : `${pair.slice(0, eq + 1)}…(${length})`;
}

/** A header record as shown: every cookie value masked, every other header as it is. */
export function shownHeaders<T extends string | readonly string[] | undefined>(headers: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = (typeof value === 'string' ? shownHeaderValue(name, value) : Array.isArray(value) ? value.map((v: string) => shownHeaderValue(name, v)) : value) as T;
  }
  return out;
}
