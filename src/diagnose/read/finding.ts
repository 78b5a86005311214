import { trimProviderText } from '../../terminal/sanitize.js';
import type { OAuth2Signal, ProblemConfidence, ProblemSource, WordsReading } from '../types.js';

/** What one carrier found, before the code is mapped onto the standard vocabulary. */
export interface Finding {
  /** As found: an oauth_problem value, or a provider-qualified code such as `x:89`. */
  readonly code: string;
  readonly providerCode?: string | undefined;
  readonly provider?: string | undefined;
  readonly source: ProblemSource;
  readonly confidence: ProblemConfidence;
  readonly parameters: Readonly<Record<string, string>>;
  readonly message?: string | undefined;
  readonly serverBaseString?: string | undefined;
  /** The raw `error=` answer an oauthlib-style or OAuth 2.0 server gave, kept so read-problem can tell the two apart. */
  readonly errorShape?: ErrorShape | undefined;
  readonly oauth2Signals?: readonly OAuth2Signal[] | undefined;
  /** The status the body itself states (RFC 9457 §3.1.2 `status`): used when the HTTP status is not known. */
  readonly status?: number | undefined;
  /** The words the message classifier read it from. */
  readonly classified?: WordsReading | undefined;
  readonly asSent?: string | undefined;
}

/**
 * Why a body that was read whole holds no problem, when the reader can say:
 * `x-v2-partial-errors` is X API v2 reporting per-resource errors (an
 * `errors` array beside `data`) on a request it authenticated.
 */
export type NotAProblemReason = 'x-v2-partial-errors' | 'har-capture' | 'curl-command';

/** `error`, `error_description`, `error_uri` (RFC 6749 §5.2, oauthlib OAuth1Error), and what was beside them. */
export interface ErrorShape {
  readonly error: string;
  readonly description?: string | undefined;
  readonly uri?: string | undefined;
  readonly scope?: string | undefined;
  /** A redirect's `state` (RFC 6749 §4.1.2.1): OAuth 1.0a has none. */
  readonly state?: boolean | undefined;
  /** Where the shape was found, for an OAuth 2.0 reading (an oauthlib reading says `oauthlib-error`). */
  readonly carrier?: 'json-body' | 'form-body' | 'url-query' | 'plain-text' | undefined;
  /** oauth_* parameters beside it (an OAuth 1.0a callback's oauth_token): evidence against OAuth 2.0. */
  readonly oauth1Beside?: boolean | undefined;
  /** The description speaks of what only OAuth 2.0 has (client secret, redirect_uri, code_verifier, AADSTS…). */
  readonly oauth2Words?: boolean | undefined;
  /** The description speaks of what only OAuth 1.0a has (a consumer key, oauth_* parameters, a nonce, a request token): evidence against OAuth 2.0. */
  readonly oauth1Words?: boolean | undefined;
  /** The code as written when it was not the registered spelling (`.invalidGrant`, `InvalidGrant`, `invalid token`): a mapped reading. */
  readonly asWritten?: string | undefined;
}

/** Provider text is untrusted and may be huge: keep a bounded excerpt as data. */
export function excerpt(text: string, max = 500): string {
  const trimmed = trimProviderText(text);
  return trimmed.length <= max ? trimmed : trimmed.slice(0, max) + '…';
}
