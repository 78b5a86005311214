import { maskSecret } from './mask.js';
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
    if (this.secrets.size === 0) return text;
    let out = text;
    const byLength = (this.byLength ??= [...this.secrets].sort((a, b) => b[0].length - a[0].length));
    for (const [secret, mask] of byLength) {
      if (out.includes(secret)) out = out.split(secret).join(mask);
    }
    return out.includes(ELLIPSIS) ? redactCutSecrets(out, byLength) : out;
  }

  /** Masks one value for display (no-op when --show-secrets). */
  mask(value: string | undefined): string {
    if (value === undefined) return '(none)';
    return this.enabled ? maskSecret(value) : value;
  }
}

const ELLIPSIS = '…';
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
