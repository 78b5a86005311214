export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A header's value, looked up case-insensitively; repeated headers joined by ", " (RFC 9110 §5.3). */
export function headerValue(headers: HeaderBag | undefined, name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 0 ? undefined : values.join(', ');
}

/** Each value of a header separately (WWW-Authenticate may come several times, one challenge each). */
export function headerValues(headers: HeaderBag | undefined, name: string): string[] {
  if (!headers) return [];
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') values.push(v);
  }
  return values;
}

/** An HTTP date (RFC 9110 §5.6.7) as ms since the epoch, or undefined. */
export function parseHttpDate(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}
