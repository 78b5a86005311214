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

  constructor(private readonly enabled = true) {}

  /** Registers a secret; undefined and empty values are ignored. */
  add(value: string | undefined): this {
    if (!this.enabled || value === undefined || value.length < 4) return this;
    const mask = maskSecret(value);
    const forms = [value, value.replace(/\+/g, ' ')];
    let encoded = value;
    for (let level = 0; level < ENCODING_LEVELS; level++) forms.push((encoded = percentEncode(encoded)));
    for (const form of forms) this.secrets.set(form, mask);
    return this;
  }

  get active(): boolean {
    return this.enabled;
  }

  redact(text: string): string {
    if (this.secrets.size === 0) return text;
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const [secret, mask] of [...this.secrets].sort((a, b) => b[0].length - a[0].length)) {
      if (out.includes(secret)) out = out.split(secret).join(mask);
    }
    return out;
  }

  /** Masks one value for display (no-op when --show-secrets). */
  mask(value: string | undefined): string {
    if (value === undefined) return '(none)';
    return this.enabled ? maskSecret(value) : value;
  }
}
