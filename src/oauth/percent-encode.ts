/**
 * RFC 5849 §3.6 percent-encoding: UTF-8 first, then every octet outside the
 * unreserved set `A-Z a-z 0-9 - . _ ~` becomes `%XX` with uppercase hex.
 * Unlike encodeURIComponent this never throws (a lone surrogate encodes as
 * U+FFFD, which is what would travel on the wire) and it escapes `!*'()`.
 */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

export function percentEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/**
 * Percent-decoding as a form or query is decoded (RFC 5849 §3.4.1.3.1 treats
 * both as application/x-www-form-urlencoded): `+` is a space; a malformed
 * `%` sequence is kept literally rather than rejected, as browsers do.
 */
export function formDecode(value: string): string {
  return percentDecode(value.replace(/\+/g, ' '));
}

/** Percent-decoding without the `+` rule (Authorization header values, RFC 5849 §3.5.1). */
export function percentDecode(value: string): string {
  if (!value.includes('%')) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x25 && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
