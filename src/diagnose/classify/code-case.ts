/**
 * Registered codes written the way a language names things: Swift's
 * `.invalidGrant`, Kotlin's `InvalidGrant` or `INVALID_GRANT`, Elixir's
 * `:invalid_grant`, a Rust `OAuthError::InvalidClient`, `invalid-grant`,
 * `"invalid token"`. Each is the same registered value (RFC 6749 §5.2,
 * §4.1.2.1; RFC 6750 §3.1; RFC 8628 §3.5) once its words are joined by `_`.
 */

/** The snake_case value an identifier or a spaced/hyphenated code spells: `invalidGrant` → `invalid_grant`. */
export function snakeCode(word: string): string {
  return word
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}

/** Words a type name adds to a code (`InvalidGrantError`, `InvalidClientException`): not part of it. */
const TYPE_SUFFIX = /_(?:error|exception|failure|fault)$/;

/** An identifier: letters and digits, maybe joined by `_` or `-` (a lone word is no code: checked below). */
const IDENTIFIER = /(?:^|[^A-Za-z0-9_])([A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*)/g;

export interface CasedCode {
  /** The registered value (`invalid_grant`). */
  readonly code: string;
  /** As written (`invalidGrant`), when that is not the registered spelling. */
  readonly written: string | undefined;
  /** Where it starts in the text. */
  readonly start: number;
  /** Where it ends in the text. */
  readonly end: number;
}

/**
 * The first identifier in `text` that, put in snake_case (and without a type
 * suffix), is a value `accept` takes: `written` says how it was spelt when
 * that was not snake_case already (an Elixir atom `:invalid_grant` is spelt
 * right). At most 20,000 identifiers are looked at; linear, never throws.
 */
export function casedCodeIn(text: string, accept: (code: string) => boolean): CasedCode | undefined {
  const bounded = text.slice(0, 100_000);
  let count = 0;
  let first: CasedCode | undefined;
  for (const match of bounded.matchAll(IDENTIFIER)) {
    if (++count > 20_000) break;
    const written = match[1];
    if (written === undefined || !/[_-]|[a-z0-9][A-Z]/.test(written)) continue;
    const snake = snakeCode(written);
    const code = accept(snake) ? snake : snake.replace(TYPE_SUFFIX, '');
    if (!accept(code)) continue;
    const end = (match.index ?? 0) + match[0].length;
    const start = end - written.length;
    // Spelt as registered, it is the snake_case readers' to take, but for an atom (`:invalid_grant`, not JSON's `:"invalid_grant"`).
    if (written === code && bounded[start - 1] !== ':') continue;
    const found = { code, written: written === code ? undefined : written, start, end };
    // Nested wrappers name a category first (`serverError(… Code.invalidGrant …)`): the one labelled as the code wins.
    if (LABELLED.test(bounded.slice(Math.max(0, found.start - 24), found.start))) return found;
    first ??= found;
  }
  return first;
}

/** What stands before the code itself: `Code.`, `code: `, `error: `, `"error" => `, `error=`. */
const LABELLED = /(?:\bcode\W{0,3}|\berror["']?\s*(?:=>|[:=])\s*["':]?)$/i;
