import { maskSecret } from './mask.js';
import { BASE_STRING_TOKENS } from './parameters.js';
import { percentEncode } from '../oauth/percent-encode.js';

/**
 * How many times a secret may have been percent-encoded where it shows up:
 * once in a header or form body, twice inside a base string or a header
 * value (a PLAINTEXT signature is the encoded secret, encoded again in the
 * header), three times when a provider echoes that header back inside a
 * form-encoded error body (issue 7 canary test).
 */
const ENCODING_LEVELS = 3;

/**
 * Knows every secret of a run and scrubs it from any text before it is
 * printed or saved: the value as is, percent-encoded up to ENCODING_LEVELS
 * times, and form-decoded (a raw `+` read as a space). The shortest secrets
 * are skipped only when they are too short to be meaningful (< 4).
 */
export class Redactor {
  private readonly secrets = new Map<string, string>();
  /** The secrets longest first, so one that contains another is replaced whole; made again after an add. */
  private byLength: Array<[string, string]> | undefined;

  constructor(private readonly enabled = true) {}

  /** Registers a secret; undefined and empty values are ignored. */
  add(value: string | undefined): this {
    if (!this.enabled || value === undefined || value.length < 4) return this;
    const mask = maskSecret(value);
    const forms = [value, value.replace(/\+/g, ' ')];
    let encoded = value;
    for (let level = 0; level < ENCODING_LEVELS; level++) forms.push((encoded = percentEncode(encoded)));
    for (const form of forms) this.secrets.set(form, mask);
    this.byLength = undefined;
    return this;
  }

  get active(): boolean {
    return this.enabled;
  }

  redact(text: string): string {
    if (text.includes(VERBATIM_START)) return this.redactMarked(text);
    if (this.secrets.size === 0) return text;
    return this.redactWith(text, (this.byLength ??= [...this.secrets].sort((a, b) => b[0].length - a[0].length)));
  }

  private redactWith(text: string, byLength: readonly (readonly [string, string])[]): string {
    let out = text;
    for (const [secret, mask] of byLength) {
      if (out.includes(secret)) out = out.split(secret).join(mask);
    }
    return out.includes(ELLIPSIS) ? redactCutSecrets(out, byLength) : out;
  }

  /**
   * A signature base string as it was signed (issue 15 item 5): the values of
   * its oauth_token, oauth_verifier and oauth_session_handle stay as they are,
   * so it can be diffed byte for byte with a server's echo (debug_sbs). A base
   * string is no credential — it carries no signature and no secret — while
   * anything else registered (consumer and token secrets, keys) is still masked.
   */
  redactBaseString(baseString: string): string {
    if (this.secrets.size === 0) return baseString;
    const shown = new Set(tokensInBaseString(baseString));
    if (shown.size === 0) return this.redact(baseString);
    const keep = [...this.secrets].filter(([form]) => !shown.has(form)).sort((a, b) => b[0].length - a[0].length);
    return this.redactWith(baseString, keep);
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
  readonly jsonReplacer = (key: string, value: unknown): unknown => (typeof value === 'string' ? (BASE_STRING_KEY.test(key) ? this.redactBaseString(value) : this.redact(value)) : value);

  /** Masks one value for display (no-op when --show-secrets). */
  mask(value: string | undefined): string {
    if (value === undefined) return '(none)';
    return this.enabled ? maskSecret(value) : value;
  }
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

/**
 * A preview cut short (`…`) can end inside a secret, leaving a long prefix of
 * it that the whole-value search above cannot see (issue 7 canary test: a
 * 600-character body preview ended inside an oauth_token_secret). Masks the
 * part of a secret, 4 characters or more, that stands right before an
 * ellipsis.
 */
function redactCutSecrets(text: string, secrets: readonly (readonly [secret: string, mask: string])[]): string {
  let out = text;
  for (let at = out.lastIndexOf(ELLIPSIS); at >= 0; at = at === 0 ? -1 : out.lastIndexOf(ELLIPSIS, at - 1)) {
    if (MASK_TAIL.test(out.slice(at, at + 20))) continue;
    for (const [secret, mask] of secrets) {
      const cut = longestPrefixEndingAt(out, at, secret);
      if (cut >= 4) {
        out = out.slice(0, at - cut) + mask + out.slice(at);
        break;
      }
    }
  }
  return out;
}

/** The length of the longest proper prefix of `secret` that `text` has just before `end`. */
function longestPrefixEndingAt(text: string, end: number, secret: string): number {
  for (let length = Math.min(secret.length - 1, end); length >= 4; length--) {
    if (text.startsWith(secret.slice(0, length), end - length)) return length;
  }
  return 0;
}
