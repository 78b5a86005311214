/**
 * The text a person would read on a page: script and style dropped, tags
 * removed, common entities decoded, whitespace collapsed. Written with
 * indexOf loops, not lazy regexes, so hostile input stays linear.
 */
const MAX_INPUT = 200_000;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  middot: '·',
};

export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000).toLowerCase();
  return head.includes('<html') || head.includes('<!doctype html') || head.includes('<body') || head.includes('<div') || head.includes('<p>') || head.includes('<h1');
}

export function visibleText(html: string): string {
  let text = dropElements(html.slice(0, MAX_INPUT), 'script');
  text = dropElements(text, 'style');
  text = stripTags(text);
  return collapseWhitespace(decodeEntities(text));
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function dropElements(text: string, tag: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    const open = lower.indexOf(`<${tag}`, from);
    if (open === -1) break;
    const close = lower.indexOf(`</${tag}`, open);
    out += text.slice(from, open);
    if (close === -1) return out;
    const end = lower.indexOf('>', close);
    from = end === -1 ? text.length : end + 1;
  }
  return out + text.slice(from);
}

/** Inline elements do not break a word: `リクエスト・<b>トークン</b>が` reads as one phrase. */
const INLINE_TAGS = new Set(['a', 'b', 'i', 'em', 'strong', 'span', 'font', 'code', 'small', 'big', 'u', 's', 'mark', 'abbr', 'tt', 'kbd', 'q', 'sub', 'sup']);

function tagName(tag: string): string {
  const name = /^<\/?\s*([A-Za-z][A-Za-z0-9]{0,15})/.exec(tag)?.[1];
  return name === undefined ? '' : name.toLowerCase();
}

function stripTags(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<', from);
    if (open === -1) break;
    const close = text.indexOf('>', open);
    if (close === -1) break;
    out += text.slice(from, open) + (INLINE_TAGS.has(tagName(text.slice(open, Math.min(close + 1, open + 20)))) ? '' : ' ');
    from = close + 1;
  }
  return out + text.slice(from);
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}
