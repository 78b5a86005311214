import { looksLikeCurlVerbose, readCurlVerbose } from '../../capture/curl-verbose.js';
import { decodeBackslashQuotes, decodeHtmlEntities, type Decoding } from './decode.js';
import { looseObjectToJson } from './loose-object.js';
import { statusInWords } from './status.js';
import { withoutLogPrefixes } from './noise.js';
import { percentEncode } from '../../oauth/percent-encode.js';

/**
 * The tolerant extractor (issue #12): finds every structured fragment in
 * pasted text — a status line, header lines, JSON (also after a prefix, in a
 * log line or an exception message, as a Python/Ruby/Java literal, inside a
 * `b'…'` byte repr), JSON or parameters whose quotes arrive backslash- or
 * HTML-escaped, XML, form-encoded parameters (also comma-separated), URLs
 * with a query — each with where it was found and what was decoded. The
 * readers in read/ get these fragments instead of the raw paste.
 *
 * Linear in the input (every scan moves forward; the few rescans are
 * bounded in number), bounded in output, and it never throws.
 */

export type FragmentKind = 'json' | 'form' | 'url' | 'xml' | 'html';

interface Fragment {
  readonly kind: FragmentKind;
  /** The fragment as a reader wants it: JSON text, a form string, a URL, markup. */
  readonly text: string;
  /** Offset of the fragment in the text it was found in (after decoding, when something was decoded). */
  readonly at: number;
  /** What had to be undone to read it. */
  readonly decoded: readonly Decoding[];
}

/** What a whole paste is, when it is a shape of its own. */
export type PasteShape = 'har' | 'curl-command' | 'curl-verbose';

export interface Extraction {
  readonly shape?: PasteShape | undefined;
  /** The status a status line in the text gave (the last one: a redirect or `100 Continue` comes first). */
  readonly status?: number | undefined;
  readonly headers: Readonly<Record<string, string[]>>;
  readonly fragments: readonly Fragment[];
  /** For a curl -v transcript: the response body curl printed. */
  readonly body?: string | undefined;
}

/** Past this, a paste is cut: larger than any error response. */
const MAX_EXTRACT_CHARS = 2 * 1024 * 1024;
const MAX_FRAGMENTS = 64;
const MAX_SPAN = 200_000;

export function extract(input: string): Extraction {
  try {
    return extractUnguarded(input);
  } catch {
    return { headers: {}, fragments: [] };
  }
}

/** extract without its guard, for the property tests. */
export function extractUnguarded(input: string): Extraction {
  const text = typeof input === 'string' ? input.slice(0, MAX_EXTRACT_CHARS) : '';
  const shape = pasteShape(text);
  if (shape === 'curl-verbose') return fromCurlVerbose(text);
  const fragments: Fragment[] = [];
  const add = (fragment: Fragment) => {
    if (fragments.length < MAX_FRAGMENTS && !fragments.some((f) => f.kind === fragment.kind && f.text === fragment.text)) fragments.push(fragment);
  };
  scan(text, [], add);
  // Quotes and ampersands that arrived escaped: read the text again with them undone.
  const unescaped = decodeBackslashQuotes(text);
  if (unescaped !== undefined) scan(unescaped, ['backslash-escapes'], add);
  const unentitied = decodeHtmlEntities(text);
  if (unentitied !== undefined) scan(unentitied, ['html-entities'], add);
  // A value a logger printed over several lines, each stamped with a time and level: read again without the stamps.
  const unprefixed = text.includes('{') ? withoutLogPrefixes(text) : undefined;
  if (unprefixed !== undefined) scan(unprefixed, ['log-prefixes'], add);
  return { shape, status: statusLine(text), headers: headerLines(text), fragments };
}

function pasteShape(text: string): PasteShape | undefined {
  const start = text.trimStart();
  if (/^(?:\$\s+)?curl(?:\.exe)?\s/.test(start)) return 'curl-command';
  if (start.startsWith('{') && /^\{\s*"log"\s*:\s*\{/.test(start.slice(0, 200)) && start.includes('"entries"')) return 'har';
  if (looksLikeCurlVerbose(text)) return 'curl-verbose';
  return undefined;
}

/** The last response of a curl -v transcript: its status and headers as curl printed them, the body as fragments. */
function fromCurlVerbose(text: string): Extraction {
  const transcript = readCurlVerbose(text);
  const last = [...transcript.messages].reverse().find((m) => m.response !== undefined);
  const response = last?.response;
  const headers: Record<string, string[]> = {};
  for (const [name, value] of response?.headers ?? []) (headers[name.toLowerCase()] ??= []).push(value);
  return { shape: 'curl-verbose', status: response?.status, headers, fragments: [], body: response?.body ?? '' };
}

function scan(text: string, decoded: readonly Decoding[], add: (fragment: Fragment) => void): void {
  const spans = braceSpans(text);
  for (const span of spans) objectFragment(span.text, span.at, decoded, add);
  // A log that cut the answer off mid-object (`{"error": "invalid_request", "error_description": "…"` and no `}`): closed and read, said so.
  const cut = spans.length === 0 ? truncatedObject(text) : undefined;
  if (cut) add({ kind: 'json', text: cut.text, at: cut.at, decoded: [...decoded, 'truncated'] });
  for (const list of bracketLists(text)) objectFragment(`{${list.text}}`, list.at, decoded, add);
  for (const bytes of byteReprs(text)) {
    for (const span of braceSpans(bytes.text)) objectFragment(span.text, bytes.at + span.at, [...decoded, 'bytes-repr'], add);
  }
  for (const form of formFragments(text)) add({ kind: 'form', text: form.text, at: form.at, decoded: form.commas ? [...decoded, 'comma-separated'] : decoded });
  for (const url of urls(text)) add({ kind: 'url', text: url.text, at: url.at, decoded });
  const markup = markupStart(text);
  if (markup) add({ kind: markup.kind, text: text.slice(markup.at, markup.at + MAX_SPAN), at: markup.at, decoded });
}

function objectFragment(span: string, at: number, decoded: readonly Decoding[], add: (fragment: Fragment) => void): void {
  const json = parsesAsJson(span) ? span : looseObjectToJson(span);
  if (json === undefined || json === '{}' || json === '[]') return;
  add({ kind: 'json', text: json, at, decoded: json === span ? decoded : [...decoded, 'object-literal'] });
}

function parsesAsJson(span: string): boolean {
  try {
    JSON.parse(span);
    return true;
  } catch {
    return false;
  }
}

/**
 * Balanced `{…}` spans (brackets inside strings skipped; a string ends at
 * its quote or at a line end, so an apostrophe in prose cannot swallow the
 * rest). One forward pass; when an opening brace never closes, the scan
 * goes on after it, at most a few times.
 */
export function braceSpans(text: string): { text: string; at: number }[] {
  const spans: { text: string; at: number }[] = [];
  let from = 0;
  for (let restarts = 0; restarts < 4 && from < text.length; restarts++) {
    const start = text.indexOf('{', from);
    if (start === -1) break;
    let depth = 0;
    let quote: string | undefined;
    let open = start;
    let i = start;
    for (; i < text.length && spans.length < MAX_FRAGMENTS; i++) {
      const c = text[i];
      if (quote !== undefined) {
        if (c === '\\') i++;
        else if (c === quote || c === '\n') quote = undefined;
        continue;
      }
      if (depth === 0) {
        if (c !== '{') continue;
        open = i;
      }
      if (c === '"' || (c === "'" && isQuoteStart(text, i))) quote = c;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0 && c === '}') {
          if (i + 1 - open <= MAX_SPAN) spans.push({ text: withClassName(text, open, i + 1), at: open });
        } else if (depth <= 0) depth = 0;
      }
    }
    if (depth === 0) break;
    from = open + 1;
  }
  return spans;
}

/**
 * The last `{` that never closes, closed: the text from it to the end, cut
 * back to the last complete `"key": "value"` pair, with the braces it lacks.
 * Only a JSON object whose first member is a quoted key; undefined otherwise.
 */
function truncatedObject(text: string): { text: string; at: number } | undefined {
  const found = text.search(/\{\s*"[^"\n]{1,64}"\s*:/);
  // Members pasted without their braces (`"ok":false,"error":"bad_client_secret"`) are an object too.
  const bare = found < 0 && /^\s*"[^"\n]{1,64}"\s*:/.test(text);
  const at = bare ? 0 : found;
  if (at < 0 || text.length - at > MAX_SPAN) return undefined;
  const tail = (bare ? `{${text}` : text.slice(at)).trimEnd();
  const complete = /^[\s\S]*"\s*(?=,|$)/.exec(tail)?.[0] ?? tail;
  for (const candidate of [tail, complete]) {
    let depth = 0;
    let quote = false;
    for (let i = 0; i < candidate.length; i++) {
      const c = candidate[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === '"') quote = false;
      } else if (c === '"') quote = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
    }
    if (quote || depth <= 0 || depth > 4) continue;
    const closed = candidate.replace(/,\s*$/, '') + '}'.repeat(depth);
    if (parsesAsJson(closed)) return { text: closed, at };
  }
  return undefined;
}

/** A single quote opens a string after `{`, `[`, `,`, `:`, `=`, `>` or space before one of those; not in `don't`. */
function isQuoteStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || '{[,:=>('.includes(text[j] ?? '');
}

/** `OAuthException{…}`: keep the class name a Java toString() printed before the brace (the loose reader skips it). */
function withClassName(text: string, open: number, end: number): string {
  let j = open;
  while (j > 0 && j > open - 100 && /[\w$.]/.test(text[j - 1] ?? '')) j--;
  return j < open && /[A-Za-z_$]/.test(text[j] ?? '') ? text.slice(j, end) : text.slice(open, end);
}

/**
 * A key-value list printed in square brackets, as a Java or Kotlin toString()
 * or a logger prints a map: `[error: invalid_client, description: null]`,
 * `[code=401, message=Unauthorized]`. Two pairs at least (one bracketed
 * `name: message` is an error's own line, read as words); one line; not nested.
 */
function bracketLists(text: string): { text: string; at: number }[] {
  const found: { text: string; at: number }[] = [];
  const pattern = /\[\s*([A-Za-z_][\w.-]{0,40}\s*[:=][^[\]\n]{0,2000})\]/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && found.length < 8) {
    const inner = match[1] ?? '';
    if (/,\s*[A-Za-z_][\w.-]{0,40}\s*[:=]/.test(inner)) found.push({ text: inner, at: match.index });
  }
  return found;
}

/** Python's `b'…'` / `b"…"`: the text inside, its escapes undone. */
function byteReprs(text: string): { text: string; at: number }[] {
  const found: { text: string; at: number }[] = [];
  const pattern = /(?<![\w])b(['"])/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && found.length < 8) {
    const quote = match[1] ?? "'";
    const start = match.index + 2;
    let out = '';
    let i = start;
    for (; i < text.length && i - start < MAX_SPAN; i++) {
      const c = text[i];
      if (c === quote || c === '\n') break;
      if (c === '\\') {
        const next = text[i + 1] ?? '';
        const hex = text.slice(i + 2, i + 4);
        if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(hex)) {
          out += String.fromCharCode(parseInt(hex, 16));
          i += 3;
        } else {
          out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
          i++;
        }
        continue;
      }
      out += c;
    }
    if (out.includes('{')) found.push({ text: out, at: match.index });
    pattern.lastIndex = Math.max(i, pattern.lastIndex);
  }
  return found;
}

const FORM_ANCHOR = /(?:^|[^\w])(oauth_problem|error)=/g;
const PAIR = /^[\s,&;]*([A-Za-z_][\w.-]{0,63})=(?:"([^"\n]{0,2000})"|'([^'\n]{0,2000})'|([^\s,&;"'<>]{0,4000}))/;

/**
 * Parameter runs that start at `oauth_problem=` or `error=`: `&`-separated
 * (OAuth Core §5.3), comma- or space-separated as some providers and log
 * lines write them, values quoted or not. Re-encoded as one form string.
 */
function formFragments(text: string): { text: string; at: number; commas: boolean }[] {
  const found: { text: string; at: number; commas: boolean }[] = [];
  FORM_ANCHOR.lastIndex = 0;
  let match: RegExpExecArray | null;
  for (let anchors = 0; anchors < 32 && found.length < 8 && (match = FORM_ANCHOR.exec(text)) !== null; anchors++) {
    const at = match.index + match[0].length - (match[1] ?? '').length - 1;
    let pos = at;
    const pairs: string[] = [];
    let commas = false;
    let quoted = false;
    while (pairs.length < 32) {
      const pair = PAIR.exec(text.slice(pos, pos + 4200));
      if (!pair) break;
      if (pairs.length > 0 && /^\s*,/.test(pair[0])) commas = true;
      const raw = pair[4];
      if (raw === undefined) quoted = true;
      const value = raw ?? percentEncode(pair[2] ?? pair[3] ?? '');
      pairs.push(`${pair[1] ?? ''}=${value}`);
      pos += pair[0].length;
    }
    // The next anchor may sit inside this run (a quote that opened wrongly swallowed it): look again just after this one.
    FORM_ANCHOR.lastIndex = at + 1;
    // A plain `&`-joined run is read as it was by the form reader; only what needed re-encoding is a fragment of its own.
    if (pairs.length > 0 && (commas || quoted)) found.push({ text: pairs.join('&'), at, commas });
  }
  return found;
}

function urls(text: string): { text: string; at: number }[] {
  const found: { text: string; at: number }[] = [];
  const pattern = /https?:\/\/[^\s"'<>`]+[?#][^\s"'<>`]*/gi;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && found.length < 8) found.push({ text: match[0].replace(/[),.;\]}]+$/, ''), at: match.index });
  return found;
}

function markupStart(text: string): { kind: 'xml' | 'html'; at: number } | undefined {
  const xml = /<\?xml\b|<(?:rsp|error|errors|hash|oauth)\b[^>]*>/i.exec(text.slice(0, MAX_SPAN));
  const html = /<!doctype html|<html\b|<body\b/i.exec(text.slice(0, MAX_SPAN));
  if (html && (!xml || html.index <= xml.index)) return { kind: 'html', at: html.index };
  return xml ? { kind: 'xml', at: xml.index } : undefined;
}

const STATUS_LINE = /(?:^|[\s"'([])HTTP\/\d(?:\.\d)?\s+([1-5]\d\d)\b/g;

/** The status a status line, or else the words (`status: 401`, `HTTP Error 401`, `401 Unauthorized`; extract/status.ts), give; the last one wins. */
function statusLine(text: string): number | undefined {
  const head = text.length > MAX_SPAN * 2 ? text.slice(0, MAX_SPAN) + text.slice(-MAX_SPAN) : text;
  let status: number | undefined;
  for (const match of head.matchAll(STATUS_LINE)) status = Number(match[1]);
  if (status !== undefined) return status;
  return statusInWords(head) ?? grpcStatus(head);
}

/**
 * The HTTP status a gRPC status stands for (google.rpc.Code, googleapis/google/rpc/code.proto, which names each code's
 * HTTP mapping): Go's `rpc error: code = Unauthenticated desc = …`, Python's `StatusCode.UNAUTHENTICATED`, .NET's
 * `Status(StatusCode="Unauthenticated", …)`, `grpc-status: 16`, `grpc_status:16`, Google's JSON `"status": "UNAUTHENTICATED"`.
 */
const GRPC_HTTP: Readonly<Record<string, number>> = {
  cancelled: 499, unknown: 500, invalid_argument: 400, deadline_exceeded: 504, not_found: 404, already_exists: 409,
  permission_denied: 403, resource_exhausted: 429, failed_precondition: 400, aborted: 409, out_of_range: 400,
  unimplemented: 501, internal: 500, unavailable: 503, data_loss: 500, unauthenticated: 401,
};
const GRPC_NUMBERS = ['ok', 'cancelled', 'unknown', 'invalid_argument', 'deadline_exceeded', 'not_found', 'already_exists', 'permission_denied', 'resource_exhausted', 'failed_precondition', 'aborted', 'out_of_range', 'unimplemented', 'internal', 'unavailable', 'data_loss', 'unauthenticated'];
const GRPC_STATUS = /\brpc error: code = ([A-Za-z]{2,24})\b|\bStatusCode(?:\.|\s*=\s*["']?)([A-Za-z_]{2,24})\b|\bgrpc[-_]status["']?\s*[:=]\s*["']?([A-Za-z_]{2,24}|\d{1,2})\b|"status"\s*:\s*"([A-Z_]{2,24})"/g;

function grpcStatus(text: string): number | undefined {
  let status: number | undefined;
  let count = 0;
  for (const match of text.matchAll(GRPC_STATUS)) {
    if (++count > 64) break;
    const raw = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const name = /^\d+$/.test(raw) ? (GRPC_NUMBERS[Number(raw)] ?? '') : raw.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    const http = GRPC_HTTP[name];
    if (http !== undefined) status = http;
  }
  return status;
}

const HEADER_NAMES = ['www-authenticate', 'content-type', 'date', 'retry-after', 'location', 'error', 'x-rate-limit-remaining', 'x-ratelimit-remaining'];
const HEADER = /^[ \t<>]*([A-Za-z][\w-]{1,40}):[ \t]*(.+)$/gm;

/**
 * A header as a member of a printed object: Python's `{'WWW-Authenticate': 'Bearer error="invalid_client"'}`,
 * Ruby's `"www-authenticate"=>"…"`, an NSDictionary's `"Www-Authenticate" = "…";`, a JavaScript `'www-authenticate': '…'`.
 */
const HEADER_MEMBER = /(["'])(www-authenticate|content-type|retry-after|date|location)\1\s*(?:=>|[:=])\s*(["'])((?:\\.|(?!\3)[^\\\n]){1,2000})\3/gi;

/** Header lines anywhere in the text (a log that printed the response's headers), the ones the readers use. */
function headerLines(text: string): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  const head = text.slice(0, MAX_SPAN);
  for (const match of head.matchAll(HEADER)) {
    const name = (match[1] ?? '').toLowerCase();
    if (HEADER_NAMES.includes(name)) (headers[name] ??= []).push((match[2] ?? '').trim());
  }
  let members = 0;
  for (const match of head.matchAll(HEADER_MEMBER)) {
    if (++members > 32) break;
    const name = (match[2] ?? '').toLowerCase();
    const value = (match[4] ?? '').replace(/\\(["'\\])/g, '$1').trim();
    if (value !== '' && !(headers[name] ?? []).includes(value)) (headers[name] ??= []).push(value);
  }
  return headers;
}
