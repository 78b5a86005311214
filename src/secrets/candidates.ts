/**
 * Which of many registered secrets a text may hold, in time linear in the
 * text whatever their number (issue 14 item 1: inspect of a capture with
 * 100,000 flows registers 300,000 tokens and secrets, and testing each one
 * against each string printed made `--json` quadratic).
 *
 * A prefilter, never the masking itself: each value is filed under one
 * anchor, four letters and digits in a row from it — of all such in the
 * value, the one filed under least so far, so tokens that share a prefix
 * or a counter (`rs000001`, `rs000002`, …) do not pile up in one list. Letters and digits are never changed by
 * percent-encoding at any depth or by form encoding (RFC 3986 §2.3), so
 * every spelling the redactor masks carries the anchor verbatim — and a
 * spelling that over-encodes them (`%41` for `A`, issue 14 item 7b) carries
 * it once percent-decoded, which is the second text scanned. Values with no
 * such run are always candidates.
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BASE = ALPHABET.length;
const KEYS = BASE ** 4;
/** Letter or digit → 0..61; anything else → -1. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

function digit(code: number): number {
  return code < 128 ? (DIGIT[code] as number) : -1;
}

/** The keys of every four letters or digits in a row in `value`. */
function windowsOf(value: string): number[] {
  const keys: number[] = [];
  let run = 0;
  let key = 0;
  for (let i = 0; i < value.length; i++) {
    const d = digit(value.charCodeAt(i));
    if (d < 0) {
      run = 0;
      key = 0;
      continue;
    }
    key = (key * BASE + d) % KEYS;
    if (++run >= 4) keys.push(key);
  }
  return keys;
}

/** %XX decoded once, leaving anything else as it is (never throws). */
function percentDecodeLoosely(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A text and the same text percent-decoded once, twice and three times
 * (over-encoded spellings: letters and digits written as %XX, issue 14 item 7b),
 * as far as decoding changes it. A spelling of a value, however encoded up to
 * three levels deep, holds the value itself in one of them.
 */
export function levelsOf(text: string): string[] {
  const levels = [text];
  let decoded = text;
  for (let level = 0; level < 3 && decoded.includes('%'); level++) {
    const next = percentDecodeLoosely(decoded);
    if (next === decoded) break;
    levels.push((decoded = next));
  }
  return levels;
}

export class SecretCandidates<T> {
  /** One bit per anchor key: a text position whose key is not here holds no value. */
  private readonly present = new Uint8Array(Math.ceil(KEYS / 8));
  private readonly byAnchor = new Map<number, T[]>();
  private readonly unanchored: T[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Files `item` under the anchor of `value`. */
  add(value: string, item: T): void {
    this.count++;
    const windows = windowsOf(value);
    if (windows.length === 0) {
      this.unanchored.push(item);
      return;
    }
    let key = windows[0] as number;
    let least = Infinity;
    for (const candidate of windows) {
      const filed = this.byAnchor.get(candidate)?.length ?? 0;
      if (filed <= least) {
        least = filed;
        key = candidate;
      }
    }
    this.present[key >>> 3] = (this.present[key >>> 3] as number) | (1 << (key & 7));
    const list = this.byAnchor.get(key);
    if (list) list.push(item);
    else this.byAnchor.set(key, [item]);
  }

  /** Every item whose value may appear in `text` (a superset), each once; `levels`: the text's levels (levelsOf), when already made. */
  in(text: string, levels: readonly string[] = levelsOf(text)): Set<T> {
    const found = new Set<T>(this.unanchored);
    for (const level of levels) this.scan(level, found);
    return found;
  }

  private scan(text: string, found: Set<T>): void {
    let run = 0;
    let key = 0;
    const present = this.present;
    for (let i = 0; i < text.length; i++) {
      const d = digit(text.charCodeAt(i));
      if (d < 0) {
        run = 0;
        key = 0;
        continue;
      }
      key = (key * BASE + d) % KEYS;
      if (++run < 4) continue;
      if (((present[key >>> 3] as number) & (1 << (key & 7))) === 0) continue;
      const list = this.byAnchor.get(key);
      if (list) for (const item of list) found.add(item);
    }
  }
}
