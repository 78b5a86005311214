/** What the extractor undid to read a fragment; `explain --json` names them. */
export type Decoding = 'backslash-escapes' | 'html-entities' | 'bytes-repr' | 'object-literal' | 'comma-separated' | 'truncated' | 'log-prefixes';

/** A quote escaped, or a line break or tab written as its escape (a letter after it would be a word: `\note`). */
const ESCAPED = /\\["']|\\[nrt](?![a-z])|\\[nrt](?=\\)/;

/**
 * JSON or parameters logged as a string literal arrive with their quotes
 * escaped (`{\"error\":\"invalid_grant\"}`, `oauth_problem=\"token_rejected\"`),
 * sometimes twice, and a body printed as a Python or JSON string keeps its
 * line breaks as `\n` (`'{\n  "error": "invalid_grant"\n}'`), which no JSON
 * reader takes between tokens. Undoes `\"`, `\'`, `\\` and `\/`, and turns
 * `\n`, `\r` and `\t` into spaces (at most two levels); undefined when there
 * is nothing to undo.
 */
export function decodeBackslashQuotes(text: string): string | undefined {
  if (!ESCAPED.test(text)) return undefined;
  let out = text;
  for (let level = 0; level < 2 && ESCAPED.test(out); level++) {
    out = out.replace(/\\([nrt])|\\(["'\\/])/g, (_whole, space: string | undefined, kept: string | undefined) => (space === undefined ? (kept ?? '') : ' '));
  }
  return out;
}

const NAMED: Readonly<Record<string, string>> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ', '#39': "'", '#34': '"' };

/**
 * Text copied from an HTML page or an HTML-escaped log: `&quot;`, `&amp;`,
 * `&#39;`, `&#x22;` (twice-escaped `&amp;quot;` too). Undefined when there
 * is none. Markup itself is left for the HTML reader.
 */
export function decodeHtmlEntities(text: string): string | undefined {
  if (!/&(?:quot|amp|apos|lt|gt|nbsp|#\d{1,6}|#x[0-9a-f]{1,6});/i.test(text)) return undefined;
  let out = text;
  for (let level = 0; level < 2; level++) {
    const next = out.replace(/&(quot|amp|apos|lt|gt|nbsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (Object.hasOwn(NAMED, lower)) return NAMED[lower] ?? whole;
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
    if (next === out) break;
    out = next;
  }
  return out;
}
