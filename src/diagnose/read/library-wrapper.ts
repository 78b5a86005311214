import { lazy } from '../../knowledge/lazy.js';
import { libraryWrappers } from '../../knowledge/provider-codes/client-libraries.js';
import type { LibraryWrapperRecord } from '../../knowledge/types.js';

/**
 * A client library's exception around the provider's answer (issue 12): passport's `InternalOAuthError: Failed to obtain
 * request token (status: 401 data: …)`, ScribeJava's `Response body is incorrect. Can't extract token and secret from
 * this: '…'`. The library's words say which step failed; they are not what the provider said, so they are blanked before
 * the readers read the rest, and the answer the wrapper quotes is read on its own. A status is taken only where the
 * wrapper states one (`status: 401`, `statusCode: 307`). Linear in the text; never throws.
 */
export interface Wrapped {
  readonly rows: readonly LibraryWrapperRecord[];
  /** The provider code the first row with one stands for (client-libraries.ts). */
  readonly code: string | undefined;
  /** The text with the wrapper's words blanked (same length, so places in it stay). */
  readonly rest: string;
  /** The provider's answer the wrapper quotes, unescaped. */
  readonly body: string | undefined;
  /** The status the wrapper states beside it. */
  readonly status: number | undefined;
}

const MAX_SCAN = 200_000;
/** How far after its words a wrapper's `status:` and `data:` stand. */
const DATA_WINDOW = 200;

const globals = lazy(() => libraryWrappers().map((row) => ({ row, global: new RegExp(row.words.source, row.words.flags.includes('g') ? row.words.flags : `${row.words.flags}g`) })));

/** A stack frame's line: Java's `at a.b.C.m(C.java:12)` or its bare form, Node's `at fn (/path/x.js:1:2)`. */
const FRAME_LINE = /\n[ \t>]*(?:at\s+\S|[\w$]+(?:\.[\w$<>]+)+\([\w$.]+:\d+\))/;

export function libraryWrapperIn(text: string): Wrapped | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const bounded = text.slice(0, MAX_SCAN);
  const rows: LibraryWrapperRecord[] = [];
  let rest = bounded;
  let body: string | undefined;
  let status: number | undefined;
  let code: string | undefined;
  for (const { row, global } of globals()) {
    let found = false;
    for (const match of bounded.matchAll(global)) {
      found = true;
      const end = match.index + match[0].length;
      rest = `${rest.slice(0, match.index)}${' '.repeat(match[0].length)}${rest.slice(end)}`;
      if (body === undefined) {
        const answer = row.body === 'quoted' ? quotedAfter(bounded, end) : row.body === 'data' ? dataAfter(bounded, end) : undefined;
        if (answer !== undefined) {
          body = answer.body;
          status ??= answer.status;
        }
      }
      if (row.body === 'data') status ??= statusAfter(bounded, end);
    }
    if (!found) continue;
    rows.push(row);
    code ??= row.code;
  }
  if (rows.length === 0) return undefined;
  return { rows, code, rest: `${rest}${text.slice(MAX_SCAN)}`, body, status };
}

/** The end of what a wrapper quotes: the next stack frame's line, or the end of the text. */
function cutAt(text: string, from: number): number {
  const frame = FRAME_LINE.exec(text.slice(from));
  return frame === null ? text.length : from + frame.index;
}

/** ScribeJava's `from this: '…'`: from the quote to the last quote before the stack trace. */
function quotedAfter(text: string, end: number): { body: string; status?: undefined } | undefined {
  const open = /^\s{0,4}'/.exec(text.slice(end, end + 8));
  if (open === null) return undefined;
  const start = end + open[0].length;
  const cut = cutAt(text, start);
  const close = text.lastIndexOf("'", cut - 1);
  return { body: text.slice(start, close >= start ? close : cut) };
}

/** `status: 401` or `statusCode: 307` just after the wrapper's words (passport's toString and its error object). */
function statusAfter(text: string, end: number): number | undefined {
  const found = /\bstatus(?:Code)?['"]?\s*[:=]\s*(\d{3})\b/.exec(text.slice(end, end + DATA_WINDOW));
  const value = found?.[1] === undefined ? undefined : Number(found[1]);
  return value !== undefined && value >= 100 && value <= 599 ? value : undefined;
}

/**
 * passport's `(status: 401 data: …)` (InternalOAuthError.toString) and its error object printed by console.log
 * (`oauthError: { statusCode: 307, data: '…' } }`): the data is the provider's answer.
 */
function dataAfter(text: string, end: number): { body: string; status: number | undefined } | undefined {
  const window = text.slice(end, end + DATA_WINDOW);
  const data = /\bdata['"]?\s*:\s*/.exec(window);
  if (data === null) return undefined;
  const start = end + data.index + data[0].length;
  const status = statusAfter(text, end);
  const quote = text[start];
  if (quote === "'" || quote === '"' || quote === '`') {
    const literal = stringLiteral(text, start, quote);
    return literal === undefined ? undefined : { body: literal, status };
  }
  const cut = cutAt(text, start);
  // toString closes its parenthesis after the data: it is no part of the answer.
  const raw = text.slice(start, cut).replace(/\)\s*$/, '');
  return { body: raw, status };
}

/** A JavaScript string literal from its opening quote, unescaped (`\n`, `\'`, `\"`, `\\`, `\t`); undefined if unclosed. */
function stringLiteral(text: string, start: number, quote: string): string | undefined {
  let out = '';
  const limit = Math.min(text.length, start + MAX_SCAN);
  for (let i = start + 1; i < limit; i++) {
    const c = text[i];
    if (c === quote) return out;
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
      i++;
    } else out += c ?? '';
  }
  return undefined;
}
