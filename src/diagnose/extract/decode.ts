/** What the extractor undid to read a fragment; `explain --json` names them. */
export type Decoding = 'backslash-escapes' | 'html-entities' | 'bytes-repr' | 'object-literal' | 'comma-separated' | 'truncated';

/**
 * JSON or parameters logged as a string literal arrive with their quotes
 * escaped (`{\"error\":\"invalid_grant\"}`, `oauth_problem=\"token_rejected\"`),
 * sometimes twice. Undoes `\"`, `\'`, `\\` and `\/` (at most two levels);
 * undefined when there is nothing to undo.
 */
export function decodeBackslashQuotes(text: string): string | undefined {
  if (!text.includes('\\"') && !text.includes("\\'")) return undefined;
  let out = text;
  for (let level = 0; level < 2 && (out.includes('\\"') || out.includes("\\'")); level++) {
    out = out.replace(/\\(["'\\/])/g, '$1');
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
