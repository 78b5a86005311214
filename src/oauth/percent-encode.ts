/**
 * RFC 5849 §3.6 percent-encoding: UTF-8 first, then every octet outside the
 * unreserved set `A-Z a-z 0-9 - . _ ~` becomes `%XX` with uppercase hex.
 *
 * encodeURIComponent already does this except that it leaves `! * ' ( )`
 * alone, so those are escaped afterwards. It throws on a lone surrogate; we
 * never throw and encode it as U+FFFD instead, which is what a UTF-8 encoder
 * would put on the wire.
 */
export function percentEncode(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    encoded = encodeURIComponent(Buffer.from(value, 'utf8').toString('utf8'));
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Percent-decoding as a form or query is decoded (RFC 5849 §3.4.1.3.1 treats
 * both as application/x-www-form-urlencoded): `+` is a space; a malformed
 * `%` sequence is kept literally rather than rejected, as browsers do.
 */
export function formDecode(value: string): string {
  return percentDecode(value.replace(/\+/g, ' '));
}

const ENCODED_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * Percent-decoding without the `+` rule (Authorization header values, RFC
 * 5849 §3.5.1). Never throws: each run of `%XX` triplets is decoded as UTF-8
 * (invalid sequences become U+FFFD, as a WHATWG decoder does), and anything
 * that is not a valid triplet, e.g. `%` or `%G1`, stays as it is.
 */
export function percentDecode(value: string): string {
  if (!value.includes('%')) return value;
  return value.replace(ENCODED_RUN, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
}
