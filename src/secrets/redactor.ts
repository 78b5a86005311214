import { maskSecret } from './mask.js';
import { BASE_STRING_TOKENS } from './parameters.js';
import { percentEncode } from '../oauth/percent-encode.js';
import { ENCODING_LEVELS, firstCharacters, holdsSpelling, secretPattern, shortSecretPattern, spellingUnits, standsAsValue, type SpellingUnit } from './secret-pattern.js';
import { levelsOf, SecretCandidates } from './candidates.js';

/**
 * Up to this length a text is first scanned by hand for a spelling of each
 * secret (holdsSpelling): a printed line of `sign` or `explain` then compiles
 * no pattern unless it holds the secret (each costs about a millisecond on
 * first use). Longer texts, and every text once a secret was scanned for
 * SCANS times (the pattern then pays for itself), go straight to the patterns.
 */
const SCAN_UP_TO = 4096;
const SCANS = 32;

/** From this many secrets on, each text is first asked which of them it may hold (candidates.ts), so redacting stays linear in the text (issue 14 item 1). */
const CANDIDATES_FROM = 64;

/** The literal spellings kept for the cut-secret search: as is, a `+` read as a space, the minimal encoding once to three times. */
function literalForms(value: string): string[] {
  const forms = [value, value.replace(/\+/g, ' ')];
  let encoded = value;
  for (let level = 0; level < ENCODING_LEVELS; level++) forms.push((encoded = percentEncode(encoded)));
  return [...new Set(forms)];
}

interface EntryPatterns {
  /** Every spelling of the value (secret-pattern.ts); for a short value, only where it stands as a value. */
  readonly pattern: RegExp;
  /** The whole string is a spelling of the value (a JSON string, a short value alone). */
  readonly whole: RegExp;
}

interface Entry {
  readonly value: string;
  readonly mask: string;
  /** Made when first needed (patternsOf): a text the hand scan clears never needs them. */
  patterns?: EntryPatterns;
  readonly first: readonly string[];
  readonly literals: readonly string[];
  /** Made on the first hand scan (mayHold). */
  units?: readonly SpellingUnit[];
  /** Hand scans left before the pattern is used on every text (SCANS). */
  scansLeft: number;
  readonly short: boolean;
}

export interface RedactorOptions {
  /**
   * Values shorter than this are masked only where they stand as the value
   * of a secret-named field (secret-pattern.ts), longer ones wherever they
   * appear. 4 by default; the invocation's redactor, which sees our own
   * messages ("a token secret was given…"), uses 8.
   */
  readonly anywhereFrom?: number;
}

/**
 * Knows every secret of a run — the one register each parser feeds — and
 * scrubs it from any text before it is printed or saved, in every spelling
 * (secret-pattern.ts: any percent-encoding up to three levels deep, any hex
 * case, `+` for a space). A secret is masked whatever its length (issue 14
 * item 11): a short one where it stands as a value, so that masking `s`
 * does not destroy the text around it.
 */
export class Redactor {
  private readonly entries = new Map<string, Entry>();
  /** The entries longest first, so one that contains another is replaced whole; made again after an add. */
  private byLength: Entry[] | undefined;
  private readonly anywhereFrom: number;
  /** The entries filed by anchor: the prefilter for many secrets (a capture's 300,000 tokens). */
  private readonly candidates = new SecretCandidates<Entry>();
  /** The entries filed by the first CUT_MIN characters of each literal spelling, for the cut-secret search with many secrets. */
  private readonly cutIndex: CutIndex = { starts: new Set(), literals: [], sorted: true, longest: 0 };

  constructor(
    private readonly enabled = true,
    options: RedactorOptions = {},
  ) {
    this.anywhereFrom = options.anywhereFrom ?? 4;
  }

  /** Registers a secret; undefined and empty values are ignored. */
  add(value: string | undefined): this {
    if (!this.enabled || value === undefined || value === '' || this.entries.has(value)) return this;
    const short = [...value].length < this.anywhereFrom;
    const entry: Entry = {
      value,
      mask: maskSecret(value),
      first: firstCharacters(value),
      literals: literalForms(value),
      scansLeft: SCANS,
      short,
    };
    this.entries.set(value, entry);
    this.candidates.add(value, entry);
    fileForCuts(this.cutIndex, entry);
    this.byLength = undefined;
    return this;
  }

  get active(): boolean {
    return this.enabled;
  }

  redact(text: string): string {
    if (text.includes(VERBATIM_START)) return this.redactMarked(text);
    if (this.entries.size === 0) return text;
    return this.redactWith(text, this.relevant(text));
  }

  private sorted(): Entry[] {
    return (this.byLength ??= [...this.entries.values()].sort((a, b) => b.value.length - a.value.length));
  }

  /**
   * The entries worth trying on `text`, longest first: all of them, or with
   * many secrets those it may hold — filed under an anchor it has, and whose
   * value (a `+` for a space) it holds at some level of percent-decoding — a
   * superset of those present, so a pattern is run only where it may match.
   */
  private relevant(text: string): Entry[] {
    if (this.entries.size < CANDIDATES_FROM) return this.sorted();
    const levels = levelsOf(text);
    const found: Entry[] = [];
    for (const entry of this.candidates.in(text, levels)) {
      const plus = entry.value.replace(/ /g, '+');
      if (entry.short || levels.some((level) => level.includes(entry.value) || level.includes(plus))) found.push(entry);
    }
    return found.sort((a, b) => b.value.length - a.value.length);
  }

  private redactWith(text: string, entries: readonly Entry[]): string {
    let out = text;
    const many = this.entries.size >= CANDIDATES_FROM;
    for (const entry of entries) {
      if (!entry.first.some((c) => out.includes(c))) continue;
      if (!many && !mayHold(out, entry)) continue;
      // With many secrets, their usual spellings are replaced as literals first: a pattern costs a millisecond to
      // compile on its first use, 300,000 of them minutes; it runs only if a rarer spelling is left.
      if (many && !entry.short && this.literalsOnly(entry, (out = replaceLiterals(out, entry)))) continue;
      const { pattern } = patternsOf(entry);
      pattern.lastIndex = 0;
      out = entry.short ? out.replace(pattern, (match: string, at: number, whole: string) => (standsAsValue(whole, at, match.length) ? entry.mask : match)) : out.replace(pattern, entry.mask);
    }
    if (!out.includes(ELLIPSIS)) return out;
    // A secret cut short before an ellipsis need not hold its anchor: with many secrets, every one is looked for there (through the index of their starts).
    return many ? redactCutSecretsIndexed(out, this.cutIndex) : redactCutSecrets(out, entries);
  }

  /** Whether no spelling of the entry is left in `text` once its literal spellings are replaced (no level of decoding holds the value). */
  private literalsOnly(entry: Entry, text: string): boolean {
    const plus = entry.value.replace(/ /g, '+');
    return !levelsOf(text).some((level) => level.includes(entry.value) || level.includes(plus));
  }

  /** A string that is, whole, a spelling of a secret (a JSON value such as "signature": "s&t"), masked; else redacted as text. */
  private redactValue(value: string, entries: readonly Entry[]): string {
    const many = this.entries.size >= CANDIDATES_FROM;
    for (const entry of entries) if (entry.short && (many || mayHold(value, entry)) && patternsOf(entry).whole.test(value)) return entry.mask;
    return this.redactWith(value, entries);
  }

  /**
   * A signature base string as it was signed (issue 15 item 5): the values of
   * its oauth_token, oauth_verifier and oauth_session_handle stay as they are,
   * so it can be diffed byte for byte with a server's echo (debug_sbs). A base
   * string is no credential — it carries no signature and no secret — while
   * anything else registered (consumer and token secrets, keys) is still masked.
   */
  redactBaseString(baseString: string): string {
    if (this.entries.size === 0) return baseString;
    const shown = new Set(tokensInBaseString(baseString));
    if (shown.size === 0) return this.redact(baseString);
    return this.redactWith(baseString, this.relevant(baseString).filter((entry) => !entry.literals.some((form) => shown.has(form))));
  }

  /** Text with base strings marked by verbatimBaseString(): each marked part as redactBaseString, the rest as usual; the marks removed. */
  private redactMarked(text: string): string {
    let out = '';
    let rest = text;
    for (let start = rest.indexOf(VERBATIM_START); start >= 0; start = rest.indexOf(VERBATIM_START)) {
      const end = rest.indexOf(VERBATIM_END, start);
      if (end < 0) break;
      out += this.redact(rest.slice(0, start)) + this.redactBaseString(rest.slice(start + 1, end));
      rest = rest.slice(end + 1);
    }
    return out + this.redact(rest.replaceAll(VERBATIM_START, '').replaceAll(VERBATIM_END, ''));
  }

  /** JSON.stringify's replacer for output and saved files: base strings (`baseString`, `expectedBaseString`, …) as signed, every other string redacted. */
  readonly jsonReplacer = (key: string, value: unknown): unknown => {
    if (typeof value !== 'string' || this.entries.size === 0) return value;
    if (BASE_STRING_KEY.test(key)) return this.redactBaseString(value);
    return value.includes(VERBATIM_START) ? this.redact(value) : this.redactValue(value, this.relevant(value));
  };

  /** Masks one value for display (no-op when --show-secrets). */
  mask(value: string | undefined): string {
    if (value === undefined) return '(none)';
    return this.enabled ? maskSecret(value) : value;
  }
}

function patternsOf(entry: Entry): EntryPatterns {
  if (entry.patterns === undefined) {
    const source = secretPattern(entry.value);
    entry.patterns = { pattern: new RegExp(entry.short ? shortSecretPattern(entry.value) : source, 'g'), whole: new RegExp(`^(?:${source})$`) };
  }
  return entry.patterns;
}

/**
 * False when a hand scan shows `text` holds no spelling of the entry's secret
 * (see SCAN_UP_TO); true when it may. Not for many secrets: they have their
 * own way around the patterns' cost (literals first, see redactWith).
 */
function mayHold(text: string, entry: Entry): boolean {
  if (text.length > SCAN_UP_TO || entry.scansLeft <= 0) return true;
  entry.scansLeft--;
  return holdsSpelling(text, (entry.units ??= spellingUnits(entry.value)));
}

function replaceLiterals(text: string, entry: Entry): string {
  let out = text;
  for (const literal of entry.literals) if (out.includes(literal)) out = out.split(literal).join(entry.mask);
  return out;
}

const ELLIPSIS = '…';
/** Private-use marks around a base string inside printed text (never printed: redact removes them). */
const VERBATIM_START = '\uE000';
const VERBATIM_END = '\uE001';
const BASE_STRING_KEY = /(^b|B)aseString$/;

/** Marks a base string inside a line of output, for the redactor to keep its token values (see redactBaseString). */
export function verbatimBaseString(baseString: string): string {
  return `${VERBATIM_START}${baseString}${VERBATIM_END}`;
}

/**
 * The token values a base string carries, in the forms the redactor knows
 * them (RFC 5849 §3.4.1.1: the parameters are encoded twice in it).
 */
function tokensInBaseString(baseString: string): string[] {
  const parts = baseString.split('&');
  const params = parts.length >= 3 ? parts.slice(2).join('&') : '';
  const found: string[] = [];
  let once: string;
  try {
    once = decodeURIComponent(params);
  } catch {
    return found;
  }
  for (const pair of once.split('&')) {
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    if (eq <= 0 || !BASE_STRING_TOKENS.has(name)) continue;
    const encoded = pair.slice(eq + 1);
    try {
      const value = decodeURIComponent(encoded);
      found.push(value, value.replace(/\+/g, " "), percentEncode(value), percentEncode(percentEncode(value)), encoded);
    } catch {
      found.push(encoded);
    }
  }
  return found;
}

/** Our own masks end the shown prefix with `…(N chars)`: not a cut secret. */
const MASK_TAIL = /^…\(\d+ chars\)/;

/** The shortest part of a secret masked before an ellipsis. */
const CUT_MIN = 4;

interface CutIndex {
  /** The first CUT_MIN characters of every literal spelling long enough to be cut (CUT_MIN + 1 characters or more). */
  readonly starts: Set<string>;
  /** Those spellings with their entries, in code-unit order when `sorted` (so the spellings that start alike are neighbours). */
  readonly literals: { readonly text: string; readonly entry: Entry }[];
  sorted: boolean;
  /** The longest such spelling. */
  longest: number;
}

function fileForCuts(index: CutIndex, entry: Entry): void {
  for (const literal of entry.literals) {
    if (literal.length <= CUT_MIN) continue;
    index.longest = Math.max(index.longest, literal.length);
    index.starts.add(literal.slice(0, CUT_MIN));
    index.literals.push({ text: literal, entry });
    index.sorted = false;
  }
}

/** The first of the sorted literals not before `text`. */
function lowerBound(literals: CutIndex['literals'], text: string): number {
  let lo = 0;
  let hi = literals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((literals[mid] as CutIndex['literals'][number]).text < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The longest part of a secret that stands right before the ellipsis at
 * `at`, and whose it is: each place the cut may start is looked up by its
 * first CUT_MIN characters, then the text from there to the ellipsis among
 * the sorted spellings (issue 14 item 1: every secret of the capture was tried
 * at every ellipsis, quadratic in the capture; measured: 500 cut texts took
 * 4.6 s with 20,000 secrets sharing their first characters).
 */
function cutAt(index: CutIndex, text: string, at: number): { entry: Entry; cut: number } | undefined {
  if (!index.sorted) {
    index.literals.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    index.sorted = true;
  }
  for (let start = Math.max(0, at - index.longest + 1); start <= at - CUT_MIN; start++) {
    if (!index.starts.has(text.slice(start, start + CUT_MIN))) continue;
    const cut = text.slice(start, at);
    for (let k = lowerBound(index.literals, cut); k < index.literals.length; k++) {
      const literal = index.literals[k] as CutIndex['literals'][number];
      if (!literal.text.startsWith(cut)) break;
      if (literal.text.length > cut.length) return { entry: literal.entry, cut: cut.length };
    }
  }
  return undefined;
}

/** redactCutSecrets with many secrets: at each ellipsis the longest cut found through the index is masked. */
function redactCutSecretsIndexed(text: string, index: CutIndex): string {
  let out = text;
  for (let at = out.lastIndexOf(ELLIPSIS); at >= 0; at = at === 0 ? -1 : out.lastIndexOf(ELLIPSIS, at - 1)) {
    if (MASK_TAIL.test(out.slice(at, at + 20))) continue;
    const found = cutAt(index, out, at);
    if (found) out = out.slice(0, at - found.cut) + found.entry.mask + out.slice(at);
  }
  return out;
}

/**
 * A preview cut short (`…`) can end inside a secret, leaving a long prefix of
 * it that the whole-value search above cannot see (issue 7 canary test: a
 * 600-character body preview ended inside an oauth_token_secret). Masks the
 * part of a secret, 4 characters or more, that stands right before an
 * ellipsis (with few secrets: the first of them, longest first, cut there).
 */
function redactCutSecrets(text: string, entries: readonly Entry[]): string {
  let out = text;
  for (let at = out.lastIndexOf(ELLIPSIS); at >= 0; at = at === 0 ? -1 : out.lastIndexOf(ELLIPSIS, at - 1)) {
    if (MASK_TAIL.test(out.slice(at, at + 20))) continue;
    cut: for (const entry of entries) {
      for (const secret of entry.literals) {
        const cut = longestPrefixEndingAt(out, at, secret);
        if (cut >= CUT_MIN) {
          out = out.slice(0, at - cut) + entry.mask + out.slice(at);
          break cut;
        }
      }
    }
  }
  return out;
}

/** The length of the longest proper prefix of `secret` that `text` has just before `end`. */
function longestPrefixEndingAt(text: string, end: number, secret: string): number {
  for (let length = Math.min(secret.length - 1, end); length >= CUT_MIN; length--) {
    if (text.startsWith(secret.slice(0, length), end - length)) return length;
  }
  return 0;
}
