import { concepts } from '../../knowledge/concepts.js';
import { lazy } from '../../knowledge/lazy.js';
import type { ConceptRecord } from '../../knowledge/types.js';
import { foldText, isUnspaced, prepareText, termWords, wordsOf, type Word } from './prepare.js';

/**
 * The message classifier (issue #12): what a provider's free text is about,
 * read from the word tables in knowledge/concepts*.ts. A subject and a state
 * must stand in one sentence, at most MAX_GAP characters apart, in either
 * order. Linear in the text: it is cut into words once, each word is looked
 * up once, and each term keeps at most MAX_HITS places. Never throws.
 */
export interface Classification {
  readonly record: ConceptRecord;
  /** The words that drove the reading, as they stand in the text. */
  readonly words: readonly string[];
  /** Where in the text its subject stands. */
  readonly at: number;
  /** How long the subject term is: at one place, the longer (more specific) term wins. */
  readonly length: number;
  /** The input's own words from the first matched term to the last (what the provider said, no more). */
  readonly quoted: string;
}

const MAX_GAP = 48;
const NEAR_SPAN = 80;
const MAX_HITS = 32;
/** Longest run-together word tried as two or three known words (`invalidsignature`). */
const MAX_COMPOUND = 40;

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Term {
  readonly key: string;
  readonly words: readonly string[];
  /** The last word is a prefix (`страниц*`). */
  readonly prefix: boolean;
}

interface Index {
  /** Spaced terms by their first word. */
  readonly byFirst: ReadonlyMap<string, readonly Term[]>;
  /** Terms whose only word is a prefix, by its first two characters. */
  readonly prefixed: ReadonlyMap<string, readonly Term[]>;
  /** Unspaced terms by their first character. */
  readonly unspaced: ReadonlyMap<string, readonly string[]>;
  /** Every word of every spaced term: what a run-together word may be split into. */
  readonly vocabulary: ReadonlySet<string>;
}

const index = lazy((): Index => {
  const byFirst = new Map<string, Term[]>();
  const prefixed = new Map<string, Term[]>();
  const unspaced = new Set<string>();
  const vocabulary = new Set<string>();
  const seen = new Set<string>();
  const add = (raw: string): void => {
    if (seen.has(raw)) return;
    seen.add(raw);
    if (isUnspaced(raw)) {
      unspaced.add(foldText(prepareText(raw)));
      return;
    }
    const prefix = raw.endsWith('*');
    const words = termWords(prefix ? raw.slice(0, -1) : raw);
    const first = words[0];
    if (first === undefined) return;
    const term: Term = { key: raw, words, prefix };
    for (const w of words) vocabulary.add(w);
    if (prefix && words.length === 1) (prefixed.get(first.slice(0, 2)) ?? prefixed.set(first.slice(0, 2), []).get(first.slice(0, 2)))?.push(term);
    else (byFirst.get(first) ?? byFirst.set(first, []).get(first))?.push(term);
  };
  for (const record of concepts()) for (const list of [record.subject, record.state, record.near ?? [], record.block ?? []]) for (const term of list) add(term);
  const byChar = new Map<string, string[]>();
  for (const term of unspaced) {
    const first = term[0];
    if (first !== undefined) (byChar.get(first) ?? byChar.set(first, []).get(first))?.push(term);
  }
  return { byFirst, prefixed, unspaced: byChar, vocabulary };
});

/** Where each term occurs in the text (at most MAX_HITS places each). */
function occurrences(text: string, folded: string): Map<string, Span[]> {
  const { byFirst, prefixed, unspaced, vocabulary } = index();
  const hits = new Map<string, Span[]>();
  const note = (key: string, span: Span): void => {
    const list = hits.get(key) ?? hits.set(key, []).get(key);
    if (list && list.length < MAX_HITS) list.push(span);
  };
  const words = splitCompounds(wordsOf(text), vocabulary);
  for (let i = 0; i < words.length; i++) {
    const first = words[i];
    if (first === undefined) continue;
    for (const term of byFirst.get(first.word) ?? []) {
      let j = 1;
      for (; j < term.words.length; j++) {
        const word = words[i + j];
        const wanted = term.words[j];
        if (word === undefined || wanted === undefined) break;
        const last = j === term.words.length - 1;
        if (!(word.word === wanted || (last && term.prefix && word.word.startsWith(wanted)))) break;
      }
      if (j === term.words.length) note(term.key, { start: first.start, end: words[i + j - 1]?.end ?? first.end });
    }
    for (const term of prefixed.get(first.word.slice(0, 2)) ?? []) if (first.word.startsWith(term.words[0] ?? '\u0000')) note(term.key, { start: first.start, end: first.end });
  }
  // Japanese, Chinese and Korean terms: one pass over the text, each character looked up once.
  if (UNSPACED_ANY.test(folded)) {
    for (let at = 0; at < folded.length; at++) {
      const candidates = unspaced.get(folded[at] ?? '');
      if (candidates === undefined) continue;
      for (const term of candidates) if (folded.startsWith(term, at)) note(term, { start: at, end: at + term.length });
    }
  }
  return hits;
}

/** `invalidsignature` → `invalid` `signature`: a word nobody listed, made of two or three words somebody did. */
function splitCompounds(words: readonly Word[], vocabulary: ReadonlySet<string>): Word[] {
  const out: Word[] = [];
  const tried = new Map<string, string[] | undefined>();
  for (const w of words) {
    if (vocabulary.has(w.word) || w.word.length < 6 || w.word.length > MAX_COMPOUND || /\d/.test(w.word)) {
      out.push(w);
      continue;
    }
    const parts = tried.has(w.word) ? tried.get(w.word) : splitInto(w.word, vocabulary, 3);
    tried.set(w.word, parts);
    if (parts === undefined) out.push(w);
    else {
      let at = w.start;
      for (const part of parts) {
        const end = Math.min(w.end, at + part.length);
        out.push({ word: part, start: at, end });
        at = end;
      }
    }
  }
  return out;
}

function splitInto(word: string, vocabulary: ReadonlySet<string>, depth: number): string[] | undefined {
  if (depth === 0) return undefined;
  for (let cut = word.length - 2; cut >= 2; cut--) {
    const head = word.slice(0, cut);
    if (!vocabulary.has(head)) continue;
    const tail = word.slice(cut);
    if (vocabulary.has(tail) || vocabulary.has(stemTail(tail))) return [head, vocabulary.has(tail) ? tail : stemTail(tail)];
    const rest = splitInto(tail, vocabulary, depth - 1);
    if (rest) return [head, ...rest];
  }
  return undefined;
}

function stemTail(tail: string): string {
  return tail.endsWith('s') ? tail.slice(0, -1) : tail;
}

/** A run of 12+ token characters mixing letters and digits: what a key, token or secret looks like. */
const CREDENTIAL_LIKE = /(?=[A-Za-z0-9+/=_.~-]{12,})(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[A-Za-z0-9+/=_.~-]{12,}/;

const UNSPACED_ANY = /[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/** A sentence's end, or a parenthesis: a subject and a state on either side of one are not said of each other ("token (never issued, or expired)"). */
const BOUNDARY = /[.!?;](?=\s|$)|[。！？\n()（）]/;

/** The key a term's places are kept under (unspaced terms as folded). */
const keyOf = (term: string): string => keys().get(term) ?? term;
const keys = lazy((): ReadonlyMap<string, string> => {
  const map = new Map<string, string>();
  for (const record of concepts()) for (const list of [record.subject, record.state, record.near ?? [], record.block ?? []]) for (const term of list) if (isUnspaced(term)) map.set(term, foldText(prepareText(term)));
  return map;
});

function spansOf(hits: ReadonlyMap<string, Span[]>, terms: readonly string[]): Span[] {
  const out: Span[] = [];
  for (const term of terms) for (const span of hits.get(keyOf(term)) ?? []) out.push(span);
  return out;
}

function gapBetween(text: string, a: Span, b: Span): number | undefined {
  const [left, right] = a.start <= b.start ? [a, b] : [b, a];
  if (right.start < left.end) return 0;
  if (right.start - left.end > MAX_GAP * 8) return undefined;
  const between = text.slice(left.end, right.start);
  // A run of spaces counts as one (a URL blanked out by prepareText is no distance between words).
  const gap = between.replace(/\s+/g, ' ').length;
  if (gap > MAX_GAP) return undefined;
  return BOUNDARY.test(between) ? undefined : gap;
}

interface Match {
  readonly span: Span;
  readonly subject: Span;
  readonly spans: readonly Span[];
}

function matchRecord(text: string, hits: ReadonlyMap<string, Span[]>, record: ConceptRecord): Match | undefined {
  const blocked = spansOf(hits, record.block ?? []);
  const subjects = spansOf(hits, record.subject).filter((s) => !blocked.some((b) => b.start <= s.start && b.end >= s.end));
  if (subjects.length === 0) return undefined;
  const near = record.near === undefined ? undefined : spansOf(hits, record.near);
  if (near !== undefined && near.length === 0) return undefined;
  let best: Match | undefined;
  const consider = (span: Span, subject: Span, parts: readonly Span[]): void => {
    if (near !== undefined && !near.some((n) => n.start >= span.start - NEAR_SPAN && n.end <= span.end + NEAR_SPAN)) return;
    if (best === undefined || subject.start < best.subject.start || (subject.start === best.subject.start && subject.end > best.subject.end)) best = { span, subject, spans: parts };
  };
  if (record.state.length === 0) {
    for (const s of subjects) consider(s, s, [s]);
    return best;
  }
  const states = spansOf(hits, record.state);
  for (const s of subjects) {
    for (const t of states) {
      if (t.start === s.start && t.end === s.end) continue;
      if (gapBetween(text, s, t) === undefined) continue;
      consider({ start: Math.min(s.start, t.start), end: Math.max(s.end, t.end) }, s, s.start <= t.start ? [s, t] : [t, s]);
    }
  }
  return best;
}

function allMatches(input: string): Classification[] {
  if (typeof input !== 'string' || input.trim() === '') return [];
  const text = prepareText(input);
  const folded = foldText(text);
  const hits = occurrences(text, folded);
  if (hits.size === 0) return [];
  const out: Classification[] = [];
  for (const record of concepts()) {
    if (!record.subject.some((term) => hits.has(keyOf(term)))) continue;
    const match = matchRecord(text, hits, record);
    if (!match) continue;
    const words = dedupe(match.spans.map((s) => input.slice(s.start, s.end)));
    const span = input.slice(match.span.start, match.span.end);
    // What stands between the words may be a token or a secret ("token Sx9… is invalid"): then only the words are quoted.
    out.push({ record, words, at: match.subject.start, length: match.subject.end - match.subject.start, quoted: CREDENTIAL_LIKE.test(span) ? words.join(' … ') : span });
  }
  return out;
}

function dedupe(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.trim()))];
}

const recordOrder = lazy((): ReadonlyMap<ConceptRecord, number> => new Map(concepts().map((r, i) => [r, i])));

/** The best reading of the text, or undefined when no concept's words are there. */
export function classify(input: string): Classification | undefined {
  try {
    const matches = allMatches(input);
    let best: Classification | undefined;
    let bestOrder = 0;
    const order = recordOrder();
    for (const m of matches) {
      const o = order.get(m.record) ?? 0;
      const better =
        best === undefined ||
        m.record.tier < best.record.tier ||
        (m.record.tier === best.record.tier && (m.at < best.at || (m.at === best.at && (m.length > best.length || (m.length === best.length && o < bestOrder)))));
      if (better) {
        best = m;
        bestOrder = o;
      }
    }
    // A protocol's own word decides a shared one (redirect_uri beside "Callback URL mismatch" is OAuth 2.0's redirect).
    const chosen = best;
    return (chosen && matches.find((m) => m.record.outranks?.includes(chosen.record.concept) === true)) ?? best;
  } catch {
    return undefined;
  }
}

/** Everything the text speaks of ("expired or revoked" is both), best first, for ranking causes by a description. */
export function classifyAll(input: string): Classification[] {
  try {
    return allMatches(input).sort((a, b) => a.record.tier - b.record.tier || a.at - b.at);
  } catch {
    return [];
  }
}
