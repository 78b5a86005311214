import { lazy } from '../../knowledge/lazy.js';
import { isGenericRow, providerCodes } from '../../knowledge/provider-codes.js';
import { type Finding } from './finding.js';
import { findingFromOAuthlibError } from './oauthlib-error.js';
import { isOAuth2OnlyCode } from './oauth2.js';

/**
 * An OAuth 2.0 error written out in prose, as client libraries print it
 * (RFC 6749 §5.2 `error` and `error_description`, no JSON or form around them):
 * golang.org/x/oauth2 `oauth2: "invalid_grant" "Token has been expired or revoked."`,
 * Ruby's `invalid_grant: expired access/refresh token`, a JavaScript console's
 * `error: 'invalid_request', error_description: 'Value passed …'`. Only a code
 * OAuth 2.0 alone defines, or one a provider row documents, is taken as a code.
 */
const KEYED = /\berror["']?\s*[:=]\s*["']([a-z][a-z_]{2,63})["']\s*,?\s*(?:\\n|\s)*["']?error_description["']?\s*[:=]\s*(["'])([^"'\n]{1,400})\2/;
const BARE = /(?:^|[\s"'`(:{[])([a-z]+(?:_[a-z]+)+)["'`]?(?:\s*[:-]\s*|\s+)(["'])?([^\n"']{1,400})/g;

export function readOAuth2Prose(text: string): Finding | undefined {
  const bounded = text.slice(0, 100_000);
  const keyed = KEYED.exec(bounded);
  if (keyed?.[1] !== undefined && keyed[3] !== undefined && isCode(keyed[1])) return finding(keyed[1], keyed[3]);
  let count = 0;
  for (const match of bounded.matchAll(BARE)) {
    if (++count > 200) break;
    const error = match[1];
    if (error === undefined || !isCode(error)) continue;
    const quoted = match[2] !== undefined;
    const description = (match[3] ?? '').replace(/\s+$/, '');
    // Unquoted words run to the end of the line; a sentence there is the description only when it reads as one.
    if (!quoted && !/^[A-Za-z]/.test(description)) return finding(error, undefined);
    return finding(error, description === '' ? undefined : description);
  }
  return undefined;
}

/** The `error` values provider rows document (bad_verification_code, invalid_client_id, …), built once. */
const PROVIDER_ERRORS = lazy(() => new Set(providerCodes().flatMap((row) => (isGenericRow(row) || row.readBy !== 'oauth2' || row.match?.error === undefined ? [] : typeof row.match.error === 'string' ? [row.match.error] : row.match.error))));

/** Codes oauthlib's OAuth 1 endpoints send too: in prose they say nothing about OAuth 2.0. */
const SHARED_WITH_OAUTH1: ReadonlySet<string> = new Set(['invalid_request', 'invalid_client', 'access_denied', 'invalid_signature_method', 'insecure_transport_protocol']);

function isCode(error: string): boolean {
  return isOAuth2OnlyCode(error) || (PROVIDER_ERRORS().has(error) && !SHARED_WITH_OAUTH1.has(error));
}

function finding(error: string, description: string | undefined): Finding {
  return findingFromOAuthlibError(error, description, { carrier: 'plain-text' });
}
