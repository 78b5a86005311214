import { parseForm, type Pair } from './form.js';
import { isCredentialParameter } from '../secrets/parameters.js';

/**
 * A token response body read once (issue 14 item 7, issue 15 item 14).
 *
 * RFC 5849 §2.1 and §2.3 define it as application/x-www-form-urlencoded, and
 * most providers send that (some labelled text/plain or text/html). Several
 * OAuth 1.0a providers answer with a JSON object with the same names instead
 * (`{"oauth_token": "…", "oauth_token_secret": "…", "oauth_callback_confirmed": true}`),
 * so a body that is a JSON object is read as one, whatever its Content-Type.
 *
 * The same reading gives the token to the flow and every credential value
 * to the run's Redactor, over the whole body (no window: a secret after
 * 64 KiB of padding is read, so it is masked too).
 */
export interface TokenBody {
  readonly format: 'form' | 'json';
  /** The fields in order; JSON scalars as text (`true` → "true", 3600 → "3600"). */
  readonly fields: readonly Pair[];
  /** Every credential value in the body (src/secrets/parameters.ts), nested JSON objects and arrays included. */
  readonly secrets: readonly string[];
}

/** How deep nested JSON is searched for credentials: far deeper than any token response, and bounded for a hostile one. */
const MAX_DEPTH = 32;

export function readTokenBody(body: string): TokenBody {
  const text = body.replace(/^\uFEFF/, '').trim();
  const json = text.startsWith('{') ? parseJsonObject(text) : undefined;
  if (json !== undefined) {
    const fields = Object.entries(json).flatMap(([name, value]): Pair[] => (isScalar(value) ? [[name, String(value)]] : []));
    const secrets: string[] = [];
    collectJsonSecrets(json, secrets, 0);
    return { format: 'json', fields, secrets };
  }
  const fields = parseForm(text);
  return { format: 'form', fields, secrets: fields.filter(([name, value]) => isCredentialParameter(name) && value !== '').map(([, value]) => value) };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function collectJsonSecrets(value: unknown, into: string[], depth: number): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  const entries: [string | undefined, unknown][] = Array.isArray(value) ? value.map((v): [undefined, unknown] => [undefined, v]) : Object.entries(value);
  for (const [name, item] of entries) {
    if (name !== undefined && isCredentialParameter(name) && isScalar(item) && String(item) !== '') into.push(String(item));
    else collectJsonSecrets(item, into, depth + 1);
  }
}
