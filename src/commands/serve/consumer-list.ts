// No imports, on purpose: src/cli/invocation-secrets.ts loads this on every
// command's start-up path (issue #8) to mask serve's secrets in early errors.

/**
 * serve's consumers from the environment: `key1:secret1,key2:secret2`.
 *
 * Not OAUTH_CONSUMER_KEY / OAUTH_CONSUMER_SECRET, which `sign` and `flow`
 * read: those hold the credentials a *client* signs with, often a real
 * provider's, and a shell that exports them for `flow` would then silently
 * register a real secret with the test provider and replace its generated
 * demo consumer. A provider also holds several consumers, which one pair
 * cannot say. Giving the provider the same pair is one explicit step:
 * OAUTH_DOCTOR_CONSUMERS="$OAUTH_CONSUMER_KEY:$OAUTH_CONSUMER_SECRET".
 */
export const CONSUMERS_VARIABLE = 'OAUTH_DOCTOR_CONSUMERS';

/**
 * Splits `KEY:VALUE` (a secret, or a public-key file) at the first colon: a
 * value may hold colons, a key may not. Undefined when either half is
 * missing or the key has white space or control characters. Messages built
 * from a failure never quote the text: it may be a secret.
 */
export function splitKeyValue(text: string): { key: string; value: string } | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return undefined;
  const key = text.slice(0, colon);
  if (/[\s\p{Cc}]/u.test(key)) return undefined;
  return { key, value: text.slice(colon + 1) };
}

/** One non-empty entry of the list, numbered as messages count them (from 1, empty entries included). */
export interface ConsumerListEntry {
  readonly number: number;
  /** Undefined when the entry is not KEY:SECRET. */
  readonly pair: { readonly key: string; readonly value: string } | undefined;
}

/** The list's comma-separated entries, trimmed; empty ones are skipped. */
export function consumerListEntries(value: string): ConsumerListEntry[] {
  const entries: ConsumerListEntry[] = [];
  value.split(',').forEach((raw, index) => {
    const entry = raw.trim();
    if (entry !== '') entries.push({ number: index + 1, pair: splitKeyValue(entry) });
  });
  return entries;
}

/** The secrets in an OAUTH_DOCTOR_CONSUMERS value, for masking; never throws (a bad entry is serve's to report). */
export function consumerSecretsIn(value: string): string[] {
  return consumerListEntries(value).flatMap(({ pair }) => (pair ? [pair.value] : []));
}
