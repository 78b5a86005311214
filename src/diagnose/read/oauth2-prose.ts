import { lazy } from '../../knowledge/lazy.js';
import { isGenericRow, oauth2ProviderRow, providerCodes } from '../../knowledge/provider-codes.js';
import { type Finding } from './finding.js';
import { findingFromOAuthlibError } from './oauthlib-error.js';
import { isOAuth2OnlyCode } from './oauth2.js';
import { casedCodeIn } from '../classify/code-case.js';

/**
 * An OAuth 2.0 error written out in prose, as client libraries print it
 * (RFC 6749 §5.2 `error` and `error_description`, no JSON or form around them):
 * golang.org/x/oauth2 `oauth2: "invalid_grant" "Token has been expired or revoked."`,
 * Ruby's `invalid_grant: expired access/refresh token`, a JavaScript console's
 * `error: 'invalid_request', error_description: 'Value passed …'`, Spring Security's OAuth2Error.toString()
 * `[invalid_grant] Bad Request` (OAuth2AuthenticationException, MSAL4J and others print the same); a stack frame on the
 * next line is no description. Only a code
 * OAuth 2.0 alone defines, or one a provider row documents, is taken as a code.
 */
const KEYED = /\berror["']?\s*[:=]\s*["']([a-z][a-z_]{2,63})["']\s*,?\s*(?:\\n|\s)*["']?error_description["']?\s*[:=]\s*(["'])([^"'\n]{1,400})\2/;
const BARE = /(?:^|[\s"'`(:{[])([a-z]+(?:_[a-z]+)+)["'`)\]]?(?:(?:\s*[:,-]\s*|\s+)(?!at\s+[\w$<>.]+\()(["'])?([^\n"']{1,400})|\s*$)/gm;

/**
 * `shared`: the paste speaks of OAuth 2.0 (an oauth2 package, client_secret) and not of OAuth 1.0a, so a code
 * oauthlib's OAuth 1 endpoints share (`invalid_client: Unauthorized`) is taken too; without it, such a code is
 * taken only when its description speaks of what OAuth 2.0 alone has ("The OAuth client was not found.").
 */
export function readOAuth2Prose(text: string, shared = false): Finding | undefined {
  const bounded = text.slice(0, 100_000);
  const keyed = KEYED.exec(bounded);
  if (keyed?.[1] !== undefined && keyed[3] !== undefined && (isCode(keyed[1]) || SHARED_WITH_OAUTH1.has(keyed[1]))) return finding(keyed[1], keyed[3], keyed[0].includes(':') ? 'json-body' : 'plain-text');
  let count = 0;
  for (const match of bounded.matchAll(BARE)) {
    if (++count > 200) break;
    const error = match[1];
    if (error === undefined) continue;
    const sharedCode = SHARED_WITH_OAUTH1.has(error) && !error.startsWith('invalid_signature') && error !== 'insecure_transport_protocol';
    if (!isCode(error) && !sharedCode) continue;
    const quoted = match[2] !== undefined;
    // A description in parentheses (`invalid_grant (The provided authorization grant is invalid: …)`) is one too.
    const description = (match[3] ?? '').replace(/\s+$/, '').replace(/^\((.*)\)$/, '$1');
    // Unquoted words run to the end of the line; a sentence there is the description only when it reads as one.
    const read = !quoted && !/^[A-Za-z]/.test(description) ? finding(error, undefined) : finding(error, description === '' ? undefined : description);
    if (sharedCode && !isCode(error) && !shared && read.errorShape?.oauth2Words !== true && oauth2ProviderRow({ error, description }) === undefined) continue;
    return read;
  }
  return undefined;
}

/**
 * A registered code written as a language names it (`.invalidGrant`, `InvalidGrant`, `INVALID_GRANT`, `:invalid_grant`
 * is the snake_case reader's), with the quoted text after it as its description
 * (`OAuthError.invalidClient("Client authentication failed")`, `Code.invalidGrant, description: "…"`). A code oauthlib's
 * OAuth 1 endpoints share counts only beside an OAuth-named type (`OAuth2Error.invalidClient`).
 */
export function readCasedOAuth2Code(text: string): Finding | undefined {
  const bounded = text.slice(0, 100_000);
  const cased = casedCodeIn(bounded, (code) => isOAuth2OnlyCode(code) || SHARED_CASED.has(code)) ?? spacedCodeIn(bounded);
  if (cased === undefined) return undefined;
  const before = bounded.slice(Math.max(0, cased.start - 40), cased.start);
  if (!isOAuth2OnlyCode(cased.code) && !/oauth/i.test(before)) return undefined;
  const rest = bounded.slice(cased.end, cased.end + 500);
  // `description: "…"`, `"error_description" => "…"`, `error_description: Some("…")`, or the call's argument `("…")`.
  // Or, last, the words after it on its line (Spring's `InvalidGrantException, Invalid refresh token: …`).
  const described = /(?:description|message)["']?\s*(?:=>|[:=])\s*(?:Some\()?["']([^"'\n]{1,400})["']/.exec(rest) ?? /^["']?\s*\(\s*["']([^"'\n]{1,400})["']/.exec(rest) ?? /^["']?\s*[,:-]\s*([A-Za-z][^\n]{2,400})/.exec(rest);
  return findingFromOAuthlibError(cased.code, described?.[1], { carrier: 'plain-text', ...(cased.written !== undefined ? { asWritten: cased.written } : {}) });
}

const SHARED_CASED: ReadonlySet<string> = new Set(['invalid_request', 'invalid_client', 'access_denied']);

/**
 * Codes whose words, written out with spaces ("Unsupported grant type: refresh_token", "Invalid grant"), are OAuth 2.0's
 * alone (RFC 6749 §5.2, §4.1.2.1; OpenID Connect Core §3.1.2.6). Not "invalid token", "expired token", "insufficient scope" or "server error":
 * OAuth 1.0a pages and any server say those.
 */
const SPACED = /\b(unsupported grant type|invalid grant|unauthorized client|invalid scope|unsupported response type|login required|consent required|interaction required|account selection required|redirect uri mismatch|authorization pending)\b/i;

function spacedCodeIn(text: string): { code: string; written: string; start: number; end: number } | undefined {
  const match = SPACED.exec(text);
  if (match?.[1] === undefined) return undefined;
  return { code: match[1].toLowerCase().replaceAll(' ', '_'), written: match[1], start: match.index, end: match.index + match[0].length };
}

/** The `error` values provider rows document (bad_verification_code, invalid_client_id, …), built once. */
const PROVIDER_ERRORS = lazy(() => new Set(providerCodes().flatMap((row) => (isGenericRow(row) || row.readBy !== 'oauth2' || row.match?.error === undefined ? [] : typeof row.match.error === 'string' ? [row.match.error] : row.match.error))));

/** Codes oauthlib's OAuth 1 endpoints send too: in prose they say nothing about OAuth 2.0. */
const SHARED_WITH_OAUTH1: ReadonlySet<string> = new Set(['invalid_request', 'invalid_client', 'access_denied', 'invalid_signature_method', 'insecure_transport_protocol']);

function isCode(error: string): boolean {
  return isOAuth2OnlyCode(error) || (PROVIDER_ERRORS().has(error) && !SHARED_WITH_OAUTH1.has(error));
}

/** A keyed `error: "…", error_description: "…"` with colons is a JSON (or JavaScript) object printed, maybe cut off: JSON's carrier. */
function finding(error: string, description: string | undefined, carrier: 'json-body' | 'plain-text' = 'plain-text'): Finding {
  return findingFromOAuthlibError(error, description, { carrier });
}
