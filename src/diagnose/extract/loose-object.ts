/**
 * Reads the object literals other languages print where JSON was expected:
 * a Python dict repr (`{'error': 'invalid_grant', 'ok': False}`), a Ruby hash
 * (`{:error=>"x"}`, `{"error"=>"x"}`), a Java `toString()`
 * (`OAuthException{code=89, message=Invalid token}`), and JSON itself.
 * Returns the value as JSON text, or undefined when the span is none of
 * these. One pass, bounded depth; never throws.
 */

type Loose = null | boolean | number | string | Loose[] | { [key: string]: Loose };

const MAX_DEPTH = 32;
const KEYWORDS: Readonly<Record<string, Loose>> = { true: true, false: false, null: null, True: true, False: false, None: null, nil: null };

export function looseObjectToJson(span: string): string | undefined {
  const parser = new LooseParser(span);
  const value = parser.document();
  return value === undefined ? undefined : JSON.stringify(value);
}

class LooseParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  document(): Loose | undefined {
    this.space();
    // Java's toString() names the class first: `OAuthException{…}`.
    const name = /^[A-Za-z_$][\w$.]*(?=[{([])/.exec(this.text.slice(this.pos, this.pos + 200));
    if (name) this.pos += name[0].length;
    const value = this.value(0);
    return value !== undefined && typeof value === 'object' && value !== null ? value : undefined;
  }

  private value(depth: number): Loose | undefined {
    if (depth > MAX_DEPTH) return undefined;
    this.space();
    const c = this.text[this.pos];
    if (c === '{' || c === '(' ) return this.object(depth, c === '{' ? '}' : ')');
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'") return this.quoted();
    // Python's byte string (b'…') and Python 2's unicode string (u'…', as its dict repr prints every key and value).
    if ((c === 'b' || c === 'u') && (this.text[this.pos + 1] === "'" || this.text[this.pos + 1] === '"')) {
      this.pos++;
      return this.quoted();
    }
    return this.bare();
  }

  private object(depth: number, close: string): Loose | undefined {
    this.pos++;
    const out: { [key: string]: Loose } = {};
    for (;;) {
      this.space();
      if (this.text[this.pos] === close) {
        this.pos++;
        return out;
      }
      // Node's util.inspect of an Error before Node 12: `{ [invalid_grant: authentication failure] name: 'invalid_grant' }`,
      // the error's `name: message` in brackets where a key would be, then its own properties (no comma after it).
      if (this.text[this.pos] === '[' && close === '}') {
        const inspected = /^\[([^[\]\n]{1,2000})\]/.exec(this.text.slice(this.pos, this.pos + 2002));
        if (inspected?.[1] !== undefined && !/^\s*["'{[\d]/.test(inspected[1])) {
          this.pos += inspected[0].length;
          out['message'] ??= inspected[1].trim();
          this.space();
          if (this.text[this.pos] === ',') this.pos++;
          continue;
        }
      }
      const key = this.key();
      if (key === undefined) return undefined;
      this.space();
      if (this.text.startsWith('=>', this.pos)) this.pos += 2;
      else if (this.text[this.pos] === ':' || this.text[this.pos] === '=') this.pos++;
      else return undefined;
      const value = this.value(depth + 1);
      if (value === undefined) return undefined;
      out[key] = value;
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== close) return undefined;
    }
  }

  private array(depth: number): Loose | undefined {
    this.pos++;
    const out: Loose[] = [];
    for (;;) {
      this.space();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return out;
      }
      const value = this.value(depth + 1);
      if (value === undefined) return undefined;
      out.push(value);
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') return undefined;
    }
  }

  /** `"k"`, `'k'`, `:k` (a Ruby symbol), or a bare name (Java, JavaScript). */
  private key(): string | undefined {
    const c = this.text[this.pos];
    if (c === '"' || c === "'") return this.quoted();
    if (c === 'u' && (this.text[this.pos + 1] === "'" || this.text[this.pos + 1] === '"')) {
      this.pos++;
      return this.quoted();
    }
    if (c === ':') this.pos++;
    const bare = /^[A-Za-z_$@][\w$.:-]*?(?=\s*(?:=>|[:=]))/.exec(this.text.slice(this.pos, this.pos + 200));
    if (!bare) return undefined;
    this.pos += bare[0].length;
    return bare[0];
  }

  /** A quoted string with the escapes JSON, Python and Ruby share (\n, \t, \", \', \\, \xNN, \uNNNN). */
  private quoted(): string | undefined {
    const quote = this.text[this.pos];
    this.pos++;
    let out = '';
    while (this.pos < this.text.length) {
      const c = this.text[this.pos] ?? '';
      if (c === quote) {
        this.pos++;
        return out;
      }
      if (c === '\n') return undefined;
      if (c === '\\') {
        const next = this.text[this.pos + 1] ?? '';
        const hex = next === 'x' ? this.text.slice(this.pos + 2, this.pos + 4) : next === 'u' ? this.text.slice(this.pos + 2, this.pos + 6) : '';
        if (hex !== '' && /^[0-9a-fA-F]+$/.test(hex) && hex.length === (next === 'x' ? 2 : 4)) {
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 2 + hex.length;
          continue;
        }
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
        this.pos += 2;
        continue;
      }
      out += c;
      this.pos++;
    }
    return undefined;
  }

  /** A number, a keyword (True, nil, …), or — as Java prints them — unquoted text up to the next `,` or closing bracket. */
  private bare(): Loose | undefined {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c === '{' || c === '[' || c === '(') depth++;
      else if (c === '}' || c === ']' || c === ')') {
        if (depth === 0) break;
        depth--;
      } else if (c === ',' && depth === 0) break;
      else if (c === '\n') break;
      this.pos++;
    }
    const word = this.text.slice(start, this.pos).trim();
    if (word === '') return '';
    if (Object.hasOwn(KEYWORDS, word)) return KEYWORDS[word] ?? null;
    if (/^-?\d+(?:\.\d+)?$/.test(word)) return Number(word);
    return word;
  }

  private space(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }
}
