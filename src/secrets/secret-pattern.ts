/**
 * The shapes in which one secret can show up in text (issue 14 item 7b), as
 * a regular expression source: each character as it is or percent-encoded,
 * in any case of hex digit (`%4C`, `%4c`, RFC 3986 §2.1 makes them
 * equivalent), encoded beyond the minimum (`%7E` for `~`, `%4C` for `L`: a
 * decoder accepts both, RFC 3986 §2.3), up to ENCODING_LEVELS deep (`%254C`
 * inside a base string, `%25254C` in a header echoed in a form body), and a
 * space as `+` or a `+` read back as a space by a form decoder (WHATWG URL
 * §5.1). Enumerating these forms is impossible (2^n spellings of an n-character
 * secret); one pattern per secret matches them all, in one linear pass.
 */

/** How deep a secret may be percent-encoded where it shows up (see Redactor). */
export const ENCODING_LEVELS = 3;

const LEVELS = `%(?:25){0,${ENCODING_LEVELS - 1}}`;

function escapeLiteral(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** One hex digit in either case: `c` → `[cC]`. */
function hexDigit(d: string): string {
  const upper = d.toUpperCase();
  const lower = d.toLowerCase();
  return upper === lower ? upper : `[${upper}${lower}]`;
}

/** One octet percent-encoded at any level: 0x4C → `%(?:25){0,2}4[cC]`. */
function encodedOctet(byte: number): string {
  const hex = byte.toString(16).toUpperCase().padStart(2, '0');
  return `${LEVELS}${hexDigit(hex[0] ?? '0')}${hexDigit(hex[1] ?? '0')}`;
}

/** The alternatives for one code point of a secret. */
function characterPattern(c: string): string {
  const alternatives = [escapeLiteral(c), [...Buffer.from(c, 'utf8')].map(encodedOctet).join('')];
  if (c === '+') alternatives.push(' ');
  if (c === ' ') alternatives.push('\\+');
  return `(?:${alternatives.join('|')})`;
}

/** A regular expression source matching `value` in every spelling above (and nothing longer or shorter). */
export function secretPattern(value: string): string {
  return [...value].map(characterPattern).join('');
}

/** One code point of a secret, as secretPattern spells it: itself, `+` for a space and back, or its UTF-8 octets percent-encoded. */
export interface SpellingUnit {
  readonly literal: string;
  readonly alternative: string | undefined;
  /** Each octet's two hex digits, upper case. */
  readonly octets: readonly string[];
}

export function spellingUnits(value: string): SpellingUnit[] {
  return [...value].map((c) => ({
    literal: c,
    alternative: c === '+' ? ' ' : c === ' ' ? '+' : undefined,
    octets: [...Buffer.from(c, 'utf8')].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')),
  }));
}

const hexAt = (text: string, at: number, digit: string): boolean => text[at] === digit || text[at] === digit.toLowerCase();

/** Where `%(?:25){0,2}XY` (any case of hex digit) starting at `at` can end: each level secretPattern's LEVELS allows. */
function octetEnds(text: string, at: number, hex: string, out: number[]): void {
  if (text[at] !== '%') return;
  let p = at + 1;
  for (let level = 0; level < ENCODING_LEVELS; level++) {
    if (hexAt(text, p, hex[0] ?? '') && hexAt(text, p + 1, hex[1] ?? '')) out.push(p + 2);
    if (text[p] !== '2' || text[p + 1] !== '5') return;
    p += 2;
  }
}

function unitEnds(text: string, at: number, unit: SpellingUnit, out: number[]): void {
  if (text.startsWith(unit.literal, at)) out.push(at + unit.literal.length);
  if (unit.alternative !== undefined && text[at] === unit.alternative) out.push(at + 1);
  let ends = [at];
  for (const hex of unit.octets) {
    const next: number[] = [];
    for (const p of ends) octetEnds(text, p, hex, next);
    if (next.length === 0) return;
    ends = next;
  }
  out.push(...ends);
}

/**
 * Whether `text` holds a spelling of the secret, matched by hand exactly as
 * secretPattern's expression would (every alternative of every code point
 * followed, like a regular expression's backtracking), without compiling it:
 * the first use of such a pattern compiles it, about a millisecond each, which
 * was most of what `sign` spent on its few printed lines (start-up, issue #17).
 * Linear in the text for a secret without `%` in it; meant for short texts.
 */
export function holdsSpelling(text: string, units: readonly SpellingUnit[]): boolean {
  const first = units[0];
  if (first === undefined) return false;
  // A spelling starts with the first code point as it is, its alternative, or `%`: only those places are tried.
  for (const start of new Set([first.literal[0] ?? '', '%', first.alternative ?? ''])) {
    if (start === '') continue;
    for (let i = text.indexOf(start); i !== -1; i = text.indexOf(start, i + 1)) {
      let at = [i];
      for (const unit of units) {
        const next: number[] = [];
        for (const p of at) unitEnds(text, p, unit, next);
        at = next.length > 1 ? [...new Set(next)] : next;
        if (at.length === 0) break;
      }
      if (at.length > 0) return true;
    }
  }
  return false;
}

/** The characters a spelling of `value` can start with (a cheap test before the pattern is run). */
export function firstCharacters(value: string): string[] {
  const first = [...value][0];
  if (first === undefined) return [];
  return [first, '%', ...(first === '+' ? [' '] : first === ' ' ? ['+'] : [])];
}

/** `secret` → `[sS][eE][cC][rR][eE][tT]`, for a name matched in any case without making the whole pattern caseless. */
function caseless(word: string): string {
  return [...word].map((c) => (c.toUpperCase() === c.toLowerCase() ? escapeLiteral(c) : `[${c.toUpperCase()}${c.toLowerCase()}]`)).join('');
}

/**
 * What a name whose value is a secret ends with: every credential parameter
 * of src/secrets/parameters.ts (oauth_token_secret, client_secret,
 * oauth_verifier, denied, …), the signature (a PLAINTEXT one is the key),
 * and the names our own output and configuration give them (consumerSecret,
 * --token-secret, signingKey, privateKey, PIN).
 */
const SECRET_NAME_ENDINGS = ['secret', 'token', 'verifier', 'signature', 'session_handle', 'sessionHandle', 'signingKey', 'signing_key', 'privateKey', 'private_key', 'password', 'passphrase', 'pin', 'denied'];
const secretName = () => `[A-Za-z0-9_.\\-]*(?:${SECRET_NAME_ENDINGS.map(caseless).join('|')})`;

/**
 * Where a short value stands as the value of a secret-named field: `name=V`
 * (form, query, curl --data), `name%3DV` (a base string or an echoed one),
 * `name="V"` (Authorization header, RFC 5849 §3.5.1), `"name": "V"` and
 * `name: V` (JSON, YAML, logs), `name = V`, `name => "V"` (Ruby), a table
 * row `name   V`, a flag `--name V`, `<name>V</name>` (XML, CDATA too), and an
 * HTML element or input named for one (`<code id="oauth_verifier">V</code>`,
 * `<input name="oauth_verifier" value="V">`).
 */
function valuePosition(): string {
  const name = secretName();
  return [
    `${name}(?:["']?[ \\t]*(?:=>|[=:])[ \\t]*["']?|%3[dD]|%253[dD]|[ \\t]{2,})`,
    `--${name}[ \\t]+`,
    `<(?=[A-Za-z])[^<>]{0,200}${name}[^<>]{0,200}(?:>(?:<!\\[CDATA\\[)?|value=["']?)`,
  ].join('|');
}

/** What ends a value: the end, white space, a quote, a separator, an encoded `&` (inside a base string or a PLAINTEXT signature), a closing bracket or tag. */
const VALUE_END = `(?=$|[\\s&"',;<>)\\]}\\\\]|%26|%2526|\\]\\]>)`;

/**
 * A value position ends at lastIndex: sticky, so the lookbehind runs once,
 * backwards from there. Made on first use: only a short secret asks, and
 * building it (the caseless names, the parse) was a start-up cost of every command.
 */
let valuePositionAt: RegExp | undefined;

/**
 * True when the `length` characters of `text` at `at` stand as a value: after
 * a secret-named field (valuePosition), quoted whole (`--signature-method
 * "V"` in an error message, `'V'`), or alone on their line (a signature
 * under its heading).
 */
export function standsAsValue(text: string, at: number, length: number): boolean {
  valuePositionAt ??= new RegExp(`(?<=${valuePosition()})`, 'y');
  valuePositionAt.lastIndex = at;
  if (valuePositionAt.test(text)) return true;
  const before = text[at - 1];
  const after = text[at + length];
  if ((before === '"' || before === "'") && after === before) return true;
  return aloneOnLine(text, at, length);
}

/** Only spaces and tabs between text[at, at + length) and the ends of its line (scanned outwards, so a long line costs nothing). */
function aloneOnLine(text: string, at: number, length: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i >= 0 && text[i] !== '\n' && text[i] !== '\r') return false;
  let j = at + length;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  return j === text.length || text[j] === '\n' || text[j] === '\r';
}

/**
 * A short secret (1 to 3 characters: `s`, `t`, `abc` in tests and sandboxes,
 * issue 14 item 11; 4 to 7 in the invocation's early error messages) is
 * masked where it stands as a value (standsAsValue), in any spelling, and
 * nowhere else: masking every `s` of the output would destroy it and tell
 * the secret anyway. This is the candidate pattern; a candidate is masked
 * when standsAsValue says so (a lookbehind tried at every position instead
 * cost 40 ms a MB).
 */
export function shortSecretPattern(value: string): string {
  return `${secretPattern(value)}${VALUE_END}`;
}
