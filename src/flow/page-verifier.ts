/**
 * Finds an out-of-band verifier (the PIN) in an authorisation page, for
 * `--authorize http` with `--callback oob`, where no person reads the page.
 * Each way a provider shows the PIN is one kind below, most specific first.
 * The value must look like a verifier (letters, digits, `-_.~`), never markup.
 *
 * One pass over the page, no backtracking (issue 14 item 8: the regular
 * expressions this replaces took 33 s on `PIN` and 256 KiB of spaces, and
 * read `Your PIN: <code>V</code>` as the PIN "code"): every character is
 * looked at a bounded number of times, so a hostile page of any size costs
 * time linear in its length.
 */
type Kind = 'named-field' | 'labelled-element' | 'data-attribute' | 'kbd-code' | 'query-text' | 'label-text';
const PRIORITY: readonly Kind[] = ['named-field', 'labelled-element', 'data-attribute', 'kbd-code', 'query-text', 'label-text'];

const MIN = 4;
const MAX = 128;
/** How far past a `PIN:` label the value may stand (tags, quotes): a PIN is shown next to its label. */
const LABEL_REACH = 256;
/** Labels read on one page: a page shows its PIN once or twice, not under thousands of labels. */
const MAX_LABELS = 1000;

function isVerifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 46 || code === 95 || code === 126;
}
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
function isDigits(value: string): boolean {
  return /^[0-9]{4,12}$/.test(value);
}

/** A whole verifier-looking value, or undefined. */
function verifierValue(value: string | undefined): string | undefined {
  if (value === undefined || value.length < MIN || value.length > MAX) return undefined;
  for (let i = 0; i < value.length; i++) if (!isVerifierChar(value.charCodeAt(i))) return undefined;
  return value;
}

/** The run of verifier characters starting at `at` when it is a whole value (what follows is no verifier character, nor `=`). */
function valueAt(page: string, at: number): string | undefined {
  let end = at;
  while (end < page.length && end - at <= MAX && isVerifierChar(page.charCodeAt(end))) end++;
  // `name=` is the next parameter's name, not a value.
  if (page.charCodeAt(end) === 61) return undefined;
  return verifierValue(page.slice(at, end));
}

type Attributes = ReadonlyMap<string, { value: string; quoted: boolean }>;

/** The attributes of the tag between `<` at `start` and the `>` at `close` (linear in its length). */
function parseTag(page: string, start: number, close: number): Attributes {
  let i = start + 1;
  if (page[i] === '/') i++;
  while (i < close && !isSpace(page.charCodeAt(i)) && page[i] !== '/') i++;
  const attributes = new Map<string, { value: string; quoted: boolean }>();
  while (i < close) {
    while (i < close && (isSpace(page.charCodeAt(i)) || page[i] === '/')) i++;
    const nameStart = i;
    while (i < close && !isSpace(page.charCodeAt(i)) && page[i] !== '=' && page[i] !== '/') i++;
    const attribute = page.slice(nameStart, i).toLowerCase();
    while (i < close && isSpace(page.charCodeAt(i))) i++;
    if (page[i] !== '=') {
      if (attribute !== '' && !attributes.has(attribute)) attributes.set(attribute, { value: '', quoted: false });
      if (i === nameStart) i++;
      continue;
    }
    i++;
    while (i < close && isSpace(page.charCodeAt(i))) i++;
    const quote = page[i];
    let value: string;
    let quoted = false;
    if (quote === '"' || quote === "'") {
      // The closing quote is looked for inside this tag only, so an unmatched quote costs nothing past it.
      let stop = i + 1;
      while (stop < close && page[stop] !== quote) stop++;
      value = page.slice(i + 1, stop);
      quoted = stop < close;
      i = stop + 1;
    } else {
      const valueStart = i;
      while (i < close && !isSpace(page.charCodeAt(i))) i++;
      value = page.slice(valueStart, i);
    }
    if (attribute !== '' && !attributes.has(attribute)) attributes.set(attribute, { value, quoted });
  }
  return attributes;
}

/** The text between `from` and `to` without its surrounding spaces, when short enough to be a verifier or empty; else undefined. */
function shortText(page: string, from: number, to: number): string | undefined {
  let a = from;
  let b = to;
  while (a < b && isSpace(page.charCodeAt(a))) a++;
  while (b > a && isSpace(page.charCodeAt(b - 1))) b--;
  return b - a <= MAX ? page.slice(a, b) : undefined;
}

/** Reads tags and the text between them; the text of the page as a whole is read for the plain-text kinds. */
function fromMarkup(page: string, found: Map<Kind, string>): void {
  // The open-kbd, open-code, digits, close-code, close-kbd sequence of X/Twitter's PIN page.
  let kbdState = 0;
  let kbdDigits = '';
  let at = page.indexOf('<');
  let close = -1;
  let oauth = -1;
  while (at >= 0) {
    // The first `>` after this `<`: kept while the `<`s before it are passed, so a run of `<` is read once.
    if (close <= at) close = page.indexOf('>', at + 1);
    // No `>` after this point: no more tags anywhere.
    if (close < 0) return;
    const next = page.indexOf('<', at + 1);
    if (next >= 0 && next < close) {
      // `<` inside text (`a < b`): not a tag; the last `<` before `>` may start one.
      kbdState = 0;
      at = page.lastIndexOf('<', close);
      continue;
    }
    // No `<` between this one and `>`, so the text after the tag ends at `next`.
    const textEnd = next < 0 ? page.length : next;
    // Attributes are read only in a tag that mentions oauth (the next mention is kept, so the page is searched once).
    if (oauth < at && oauth !== -2) oauth = page.indexOf('oauth', at);
    if (oauth < 0) oauth = -2;
    if (oauth >= 0 && oauth < close) readTag(parseTag(page, at, close), page, close + 1, next, found);
    const name = tagName(page, at, close);
    const text = kbdState === 0 && name !== 'kbd' ? undefined : shortText(page, close + 1, textEnd);
    // <kbd …><code>1234567</code></kbd>, spaces between allowed.
    if (name === 'kbd') kbdState = text === '' ? 1 : 0;
    else if (kbdState === 1 && name === 'code' && close === at + 5) {
      kbdDigits = text ?? '';
      kbdState = isDigits(kbdDigits) ? 2 : 0;
    } else if (kbdState === 2 && name === '/code') kbdState = text === '' ? 3 : 0;
    else if (kbdState === 3 && name === '/kbd') {
      if (!found.has('kbd-code')) found.set('kbd-code', kbdDigits);
      kbdState = 0;
    } else kbdState = 0;
    at = next;
  }
}

/** The lower-case name of the tag at `start` (`/name` for a closing tag). */
function tagName(page: string, start: number, close: number): string {
  let i = start + 1;
  if (page.charCodeAt(i) === 47) i++;
  while (i < close && i - start <= 12 && !isSpace(page.charCodeAt(i)) && page.charCodeAt(i) !== 47) i++;
  return page.slice(start + 1, i).toLowerCase();
}

function readTag(attributes: Attributes, page: string, textStart: number, textEnd: number, found: Map<Kind, string>): void {
  const name = attributes.get('name')?.value;
  const value = attributes.get('value');
  if (name === 'oauth_verifier' && value?.quoted && !found.has('named-field')) {
    const verifier = verifierValue(value.value);
    if (verifier) found.set('named-field', verifier);
  }
  const id = attributes.get('id');
  if (id?.quoted && (id.value === 'oauth_verifier' || id.value === 'oauth_pin') && textEnd >= 0 && !found.has('labelled-element')) {
    const verifier = verifierValue(shortText(page, textStart, textEnd));
    if (verifier) found.set('labelled-element', verifier);
  }
  const data = attributes.get('data-oauth-verifier');
  if (data?.quoted && !found.has('data-attribute')) {
    const verifier = verifierValue(data.value);
    if (verifier) found.set('data-attribute', verifier);
  }
}

/** `oauth_verifier=V` anywhere (a plain-text or URL rendering). */
function fromQueryText(page: string, found: Map<Kind, string>): void {
  const needle = 'oauth_verifier=';
  for (let at = page.indexOf(needle); at >= 0; at = page.indexOf(needle, at + needle.length)) {
    if (at > 0 && isWordChar(page.charCodeAt(at - 1))) continue;
    const verifier = valueAt(page, at + needle.length);
    if (verifier) return void found.set('query-text', verifier);
  }
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

const LABEL = /\b[vVpP](?:erifier|ERIFIER|in|IN)\b/g;

/**
 * `Your PIN: 1234567`, `verifier is = V`, `PIN code: <code>V</code>`: a label,
 * `code` and `is` optionally, `:` or `=`, then the value after at most a few
 * tags and quotes. Each label is read within LABEL_REACH characters.
 */
function fromLabelText(page: string, found: Map<Kind, string>): void {
  LABEL.lastIndex = 0;
  let labels = 0;
  for (let match = LABEL.exec(page); match !== null && labels < MAX_LABELS; match = LABEL.exec(page), labels++) {
    const verifier = afterLabel(page, match.index + match[0].length);
    if (verifier) return void found.set('label-text', verifier);
  }
}

function afterLabel(page: string, from: number): string | undefined {
  const limit = Math.min(page.length, from + LABEL_REACH);
  let i = from;
  if (page.charCodeAt(i) === 32 && wordAt(page, i + 1, 'code')) i += 5;
  i = skipSpaces(page, i, limit);
  if (wordAt(page, i, 'is')) i = skipSpaces(page, i + 2, limit);
  const sign = page.charCodeAt(i);
  if (sign !== 58 /* : */ && sign !== 61 /* = */) return undefined;
  i++;
  // Markup and punctuation around the value: `<code>`, `<strong class="pin">`, `"`, `**`.
  let punctuation = 0;
  while (i < limit) {
    const code = page.charCodeAt(i);
    if (isSpace(code)) i++;
    else if (code === 60 /* < */) {
      const after = page.charCodeAt(i + 1) === 47 /* / */ ? page.charCodeAt(i + 2) : page.charCodeAt(i + 1);
      if (!((after >= 65 && after <= 90) || (after >= 97 && after <= 122))) return undefined;
      // A tag ends at `>` before any other `<`.
      let close = i + 1;
      while (close < limit && page.charCodeAt(close) !== 62 && page.charCodeAt(close) !== 60) close++;
      if (close >= limit || page.charCodeAt(close) !== 62) return undefined;
      i = close + 1;
    } else if (!isVerifierChar(code) && punctuation < 3) {
      punctuation++;
      i++;
    } else break;
  }
  return i < limit ? valueAt(page, i) : undefined;
}

function skipSpaces(page: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && isSpace(page.charCodeAt(i))) i++;
  return i;
}

/** `word` (lower case) at `at`, in any case, as a whole word. */
function wordAt(page: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((page.charCodeAt(at + k) | 32) !== word.charCodeAt(k)) return false;
  return !isWordChar(page.charCodeAt(at + word.length));
}

export function findVerifierInPage(page: string): string | undefined {
  const found = new Map<Kind, string>();
  fromMarkup(page, found);
  fromQueryText(page, found);
  fromLabelText(page, found);
  for (const kind of PRIORITY) {
    const verifier = found.get(kind);
    if (verifier !== undefined) return verifier;
  }
  return undefined;
}
