/**
 * The one header reader (issue 13): the project holds headers in two shapes,
 * a record with lower-case names (HttpResponse, what the diagnostics module
 * reads) and a list in wire order (captures). Both are read here, by name,
 * case-insensitively. Kept apart from send.ts so the pure modules that read
 * replies do not pull in undici.
 */

/** Header fields by name; a repeated field keeps every value. */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Header fields in the order they appeared, repeated names kept. */
export type HeaderList = readonly (readonly [name: string, value: string])[];

export type AnyHeaders = HeaderBag | HeaderList;

/** Each value of a header separately, in order (WWW-Authenticate may come several times, one challenge each). */
export function headerValues(headers: AnyHeaders | undefined, name: string): string[] {
  if (!headers) return [];
  const wanted = name.toLowerCase();
  if (isHeaderList(headers)) return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') values.push(v);
  }
  return values;
}

/**
 * The first value of a header: for fields that hold one value (Location,
 * Date, Content-Length, Host), where a repeated field is an error and the
 * first is what most recipients act on.
 */
export function firstHeaderValue(headers: AnyHeaders | undefined, name: string): string | undefined {
  return headerValues(headers, name)[0];
}

/** Every value of a list-valued header joined by ", " (RFC 9110 §5.3: the same meaning as one field). */
export function joinedHeaderValue(headers: AnyHeaders | undefined, name: string): string | undefined {
  const values = headerValues(headers, name);
  return values.length === 0 ? undefined : values.join(', ');
}

function isHeaderList(headers: AnyHeaders): headers is HeaderList {
  return Array.isArray(headers);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// RFC 9110 §5.6.7: asctime-date = day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP time-of-day SP year, in GMT.
const ASCTIME = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/;
// A date that names its zone; without one, Date.parse would read the server's clock in this machine's zone.
const NAMED_ZONE = /(?:GMT|UTC|UT|Z|[+-]\d\d:?\d\d)$/i;

/**
 * An HTTP date (RFC 9110 §5.6.7: IMF-fixdate, and the obsolete RFC 850 and
 * asctime forms, all in GMT) as ms since the epoch, or undefined. A date in
 * another zone counts when it names the zone (some servers send +0000 or UTC).
 */
export function parseHttpDate(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const asctime = ASCTIME.exec(text);
  if (asctime) {
    const [, month = '', day = '', hours = '', minutes = '', seconds = '', year = ''] = asctime;
    const index = MONTHS.indexOf(month);
    return index < 0 ? undefined : Date.UTC(Number(year), index, Number(day), Number(hours), Number(minutes), Number(seconds));
  }
  if (!NAMED_ZONE.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
