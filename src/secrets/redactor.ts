import { maskSecret } from './mask.js';
import { percentEncode } from '../oauth/percent-encode.js';

/**
 * Knows every secret of a run and scrubs it from any text before it is
 * printed or saved: the value as is, percent-encoded once (as in a header or
 * form body) and twice (as inside a signature base string). The shortest
 * secrets are skipped only when they are too short to be meaningful (< 4).
 */
export class Redactor {
  private readonly secrets = new Map<string, string>();

  constructor(private readonly enabled = true) {}

  /** Registers a secret; undefined and empty values are ignored. */
  add(value: string | undefined): this {
    if (!this.enabled || value === undefined || value.length < 4) return this;
    const mask = maskSecret(value);
    const once = percentEncode(value);
    for (const form of [value, once, percentEncode(once)]) this.secrets.set(form, mask);
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
