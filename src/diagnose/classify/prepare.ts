/**
 * Text made ready for the classifier: bounded, case folded, run-together
 * words split (`ConsumerKey` → `consumer key`, `signature_invalid` →
 * `signature invalid`), curly apostrophes straightened, and cut into words
 * with their offsets. One pass each; no backtracking patterns.
 */

/** Error messages are short; a long paste is read from its start. */
const MAX_CLASSIFY_INPUT = 20_000;

export interface Word {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Scripts written without spaces between words: their terms are matched as they stand. */
const UNSPACED = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

export function isUnspaced(term: string): boolean {
  return UNSPACED.test(term);
}

/**
 * Separators become spaces and curly apostrophes straight ones, one
 * character for one, so an offset in the prepared text is an offset in the
 * input (the reading quotes the input's own words). Case is kept: words are
 * split at case changes and folded one by one (wordsOf).
 */
export function prepareText(input: string): string {
  const bounded = input.length > MAX_CLASSIFY_INPUT ? input.slice(0, MAX_CLASSIFY_INPUT) : input;
  // Python's string prefixes (`b'Invalid consumer.'`, `u'…'`, `r"…"`) are no part of the words.
  return bounded
    .replace(/(?<![\p{L}\p{N}'])[bBuUrR]{1,2}(?=['"])/gu, (prefix) => ' '.repeat(prefix.length))
    // A URL or a path is where the request went, not what the provider said of it (`hit /oauth/token/request, it throws Consumer key expired`).
    .replace(/\bhttps?:\/\/[^\s"'<>]{1,2000}|(?<=^|[\s"'(=])\/[\w.~%-]{1,200}(?:\/[\w.~%-]{0,200}){1,20}/g, (url) => ' '.repeat(url.length)).replace(/[_\-+/\\|・･]/g, ' ').replace(/[’‘`´]/g, "'");
}

/** The prepared text case-folded for the terms of unspaced scripts (whose case does not change length). */
export function foldText(prepared: string): string {
  const folded = prepared.toLowerCase();
  return folded.length === prepared.length ? folded : prepared;
}

/** A plural or third-person -s is not a different word here (tokens → token, expires → expire). */
function stem(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/**
 * A word, and where a run-together word changes case (`ConsumerKey`,
 * `OAuthException`, `invalidSignature`). Made on first use: V8 parses a
 * pattern when it is made, and their Unicode classes took 0.8 ms of every
 * explain's start-up (issue #17), also of the many that classify no text.
 */
let wordPattern: RegExp | undefined;
let caseChangePattern: RegExp | undefined;

export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.matchAll((wordPattern ??= /[\p{L}\p{N}']+/gu))) {
    const whole = match[0];
    const lower = whole.toLowerCase();
    // Most words are one case or capitalised: only a word with a case change inside is split.
    if (lower === whole || (whole.length > 1 && whole.slice(1) === lower.slice(1))) {
      if (!whole.includes("'") && !lower.includes('\u0307')) {
        out.push({ word: stem(lower), start: match.index, end: match.index + whole.length });
        continue;
      }
      const lead = /^'*/.exec(whole)?.[0].length ?? 0;
      const raw = lower.replace(/^'+|'+$/g, '');
      if (raw !== '') out.push({ word: stem(raw.replace(/\u0307/g, '')), start: match.index + lead, end: match.index + lead + raw.length });
      continue;
    }
    let at = match.index;
    for (const part of whole.split((caseChangePattern ??= /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu}\p{Lu})(?=\p{Lu}\p{Ll})/u))) {
      const lead = /^'*/.exec(part)?.[0].length ?? 0;
      const raw = part.replace(/^'+|'+$/g, '');
      if (raw !== '') out.push({ word: stem(raw.toLowerCase().replace(/\u0307/g, '')), start: at + lead, end: at + lead + raw.length });
      at += part.length;
    }
  }
  return out;
}

/** A term's words in the form the text's words take. */
export function termWords(term: string): string[] {
  return wordsOf(prepareText(term)).map((w) => w.word);
}
