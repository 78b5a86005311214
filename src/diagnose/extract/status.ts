/**
 * The HTTP status a pasted text states in words (issue #12): a client
 * library's exception or a log line names the status of the answer it got
 * without printing a status line. Each form is anchored to words that make
 * the number a status, never a bare three-digit number ("line 401", "port
 * 443", "error code 32" are not statuses):
 *
 * - a status word before it: `status code 403` (axios), `status: 401`,
 *   `"status":401`, `:status=>401` (a Ruby hash), `statusCode=404`,
 *   `StatusCodeError: 401` (request-promise), `HTTP response code: 401`
 *   (Java's HttpURLConnection), `with a status of 401`;
 * - the word HTTP before it: `HTTP Error 401` (Python's urllib),
 *   `Server returned HTTP 411`, `HTTP status 401`, `http_code 401`;
 * - Python requests' `401 Client Error: Unauthorized for url: …`;
 * - the number with its own reason phrase (RFC 9110 §15): `401 Unauthorized`,
 *   `(401) Unauthorized` (.NET WebException), `400 - Bad Request`,
 *   `Unauthorized (401)`; the phrase must be the number's.
 */

/** RFC 9110 §15 reason phrases (and the older ones still printed: RFC 2616's `Authorization Required` from Apache, `Request Entity Too Large`). */
const REASON_PHRASES: Readonly<Record<string, readonly string[]>> = {
  '400': ['bad request'],
  '401': ['unauthorized', 'unauthorised', 'authorization required', 'authentication required'],
  '402': ['payment required'],
  '403': ['forbidden'],
  '404': ['not found'],
  '405': ['method not allowed'],
  '406': ['not acceptable'],
  '407': ['proxy authentication required'],
  '408': ['request timeout', 'request time-out'],
  '409': ['conflict'],
  '410': ['gone'],
  '411': ['length required'],
  '412': ['precondition failed'],
  '413': ['content too large', 'payload too large', 'request entity too large'],
  '414': ['uri too long', 'request-uri too long'],
  '415': ['unsupported media type'],
  '421': ['misdirected request'],
  '422': ['unprocessable content', 'unprocessable entity'],
  '426': ['upgrade required'],
  '428': ['precondition required'],
  '429': ['too many requests'],
  '431': ['request header fields too large'],
  '500': ['internal server error'],
  '501': ['not implemented'],
  '502': ['bad gateway', 'proxy error'],
  '503': ['service unavailable', 'service temporarily unavailable'],
  '504': ['gateway timeout', 'gateway time-out'],
};

const PHRASE_ALTERNATIVES = [...new Set(Object.values(REASON_PHRASES).flat())]
  .sort((a, b) => b.length - a.length)
  .map((p) => p.replace(/[-]/g, '[- ]?').replace(/ /g, '[ _-]?'))
  .join('|');

/** What may stand between a number and its reason phrase: `401 Unauthorized`, `(401) Unauthorized`, `401 - Unauthorized`, `code=401, message='Unauthorized'`. */
const BETWEEN = String.raw`\)?(?:\s*[-:]\s*|\s+|["']?\s*[,;]\s*(?:message|reason|reason[ _-]?phrase|status[ _-]?text)\s*[:=]\s*["']?)`;

/** A number that measures something (`500 ms`, `401 bytes`, `403 times`) is not a status. */
const NOT_A_QUANTITY = String.raw`(?!\s*(?:ms|milliseconds?|s|secs?|seconds?|minutes?|min|hours?|bytes?|[kKMG]i?B|%|percent|times|x)\b)`;
/** A number that counts or places something (`line 401: …`, `port 443`, `item 404 - Not Found`) is not a status. */
const NOT_A_COUNTED_THING = String.raw`(?<!\b(?:line|lines|row|rows|column|col|item|items|page|pages|port|step|case|issue|ticket|version|v|no|number|#)\.?\s*)`;

/**
 * The patterns, made on first use: V8 parses a pattern when it is made, and
 * these three (every reason phrase, case-insensitive) took 0.4 ms of the
 * start-up of every explain, also of a bare code, which states no status
 * (issue #17).
 */
let patterns: { readonly statusWords: RegExp; readonly requestsError: RegExp; readonly withPhrase: RegExp } | undefined;
function statusPatterns(): NonNullable<typeof patterns> {
  return (patterns ??= {
    /** A status word, then an optional separator (`:`, `=`, `=>`, `#`, `of`), then the number, then maybe its reason phrase. */
    statusWords: new RegExp(
      String.raw`(?:\b(?:http[ _-]?)?(?:status(?:[ _-]?code)?(?:[ _-]?error)?|response[ _-]?code|http[ _-]?code|failed with code)|\bhttp(?:[ _-]?(?:error|response|request failed|status|code))*|\bResponse\{[^{}\n]{0,60}?\bcode)["']?\s*(?:=>|[:=#]|\bof\b|\bis\b)?\s*["']?\(?([1-5]\d\d)(?![\d%\w]|[.,]\d|\.\w)${NOT_A_QUANTITY}(?:${BETWEEN}(${PHRASE_ALTERNATIVES})\b)?`,
      'gid',
    ),
    /** Python requests' raise_for_status(): `401 Client Error: Unauthorized for url: …`, `503 Server Error`. */
    requestsError: new RegExp(String.raw`\b([45]\d\d) (?:Client|Server) Error\b(?::\s*(${PHRASE_ALTERNATIVES})\b)?`, 'gid'),
    /** The number beside its reason phrase, either order: `401 Unauthorized`, `(401) Unauthorized`, `400 - Bad Request`, `Unauthorized (401)`. */
    withPhrase: new RegExp(String.raw`(?<![\w.:/-])${NOT_A_COUNTED_THING}\(?([1-5]\d\d)${BETWEEN}(${PHRASE_ALTERNATIVES})\b|\b(${PHRASE_ALTERNATIVES})\s*[(\[]([1-5]\d\d)[)\]]`, 'gi'),
  });
}

const MAX_MATCHES = 64;

/** A status the text states, and where: the span covers the number and, when it is the number's own, its reason phrase. */
interface StatedStatus {
  readonly status: number;
  /** The statement holds the number's own reason phrase. */
  readonly named: boolean;
  readonly start: number;
  readonly end: number;
}

function phraseOf(number: string, phrase: string | undefined): boolean {
  if (phrase === undefined) return false;
  const said = phrase.toLowerCase().replace(/[_-]/g, ' ').replace(/\s+/g, ' ');
  return (REASON_PHRASES[number] ?? []).some((p) => p.replace(/-/g, ' ') === said || p.replace(/[- ]/g, '') === said.replace(/ /g, ''));
}

/** Every status the text's words state, in order (at most a few dozen of each form). */
function statedStatuses(text: string): StatedStatus[] {
  const { statusWords, requestsError, withPhrase } = statusPatterns();
  const found: StatedStatus[] = [];
  let count = 0;
  // A status word or requests' `401 Client Error`, then maybe a phrase: the phrase is part of the statement only when it is the number's own.
  for (const pattern of [statusWords, requestsError]) {
    count = 0;
    for (const match of text.matchAll(pattern)) {
      if (++count > MAX_MATCHES) break;
      const number = match[1] ?? '';
      const own = phraseOf(number, match[2]);
      const end = own || match[2] === undefined ? match.index + match[0].length : (match.indices?.[1]?.[1] ?? match.index + match[0].length);
      found.push({ status: Number(number), named: own, start: match.index, end: pattern === requestsError && !own ? match.index + (/^\d+ \w+ Error/.exec(match[0])?.[0].length ?? 0) : end });
    }
  }
  count = 0;
  for (const match of text.matchAll(withPhrase)) {
    if (++count > MAX_MATCHES) break;
    const number = match[1] ?? match[4] ?? '';
    if (phraseOf(number, match[2] ?? match[3])) found.push({ status: Number(number), named: true, start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The status the text's words state, the last one said (a redirect or a retry comes first); undefined when none. */
export function statusInWords(text: string): number | undefined {
  return statedStatuses(text).at(-1)?.status;
}

/**
 * The text with each status stated with its own reason phrase blanked out
 * (one space per character, so offsets hold): `Authorization Required` in
 * `401 Authorization Required` is the status's name, not the provider's
 * words, and must not read as a missing parameter. A status stated bare
 * (`"status":401`) stays, so a JSON body around it still parses.
 */
export function withoutStatedStatuses(text: string): string {
  const stated = statedStatuses(text).filter((s) => s.named);
  if (stated.length === 0) return text;
  let out = '';
  let at = 0;
  for (const { start, end } of stated) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + ' '.repeat(end - from);
    at = end;
  }
  return out + text.slice(at);
}
