import { lazy } from './lazy.js';
import { realWorldPhrases } from './phrases-real-world.js';
import type { PhraseRecord } from './types.js';

/**
 * The one place free text is matched (STYLE habit 2): known error pages and
 * plain-text phrases, tried in order, first match wins, against text with
 * tags stripped, entities decoded and whitespace collapsed. A page whose
 * wording is known exactly is `mapped`; a short generic phrase is
 * `heuristic`, and says so. Patterns are linear (no nested quantifiers):
 * the input is untrusted.
 */
const SEP = '[・･/／ ]?';

export const phrases = lazy((): readonly PhraseRecord[] => [
  // ── X authorize / authenticate pages [T5] and the Japanese seed.
  {
    id: 'x-page-request-token-invalid-en',
    kind: 'html-page',
    pattern: /The request token for this page is invalid\.?(?: It may have already been used, or expired because it is too old\.?)?/i,
    problem: 'token_rejected',
    providerCode: 'x:page:request-token-invalid',
    provider: 'x',
    confidence: 'mapped',
  },
  {
    id: 'x-page-request-token-invalid-ja',
    kind: 'html-page',
    pattern: new RegExp(`このページのリクエスト${SEP}トークンが無効です。?(?:使用済み、または期限切れの可能性があります。?)?`),
    problem: 'token_rejected',
    providerCode: 'x:page:request-token-invalid',
    provider: 'x',
    confidence: 'mapped',
  },
  {
    id: 'x-page-no-request-token-en',
    kind: 'html-page',
    pattern: /There is no request token for this page\.?/i,
    problem: 'parameter_absent',
    providerCode: 'x:page:no-request-token',
    provider: 'x',
    confidence: 'mapped',
    parameters: { oauth_parameters_absent: 'oauth_token' },
  },
  {
    id: 'x-page-no-request-token-ja',
    kind: 'html-page',
    pattern: new RegExp(`このページに対するリクエスト${SEP}トークンがありません。?`),
    problem: 'parameter_absent',
    providerCode: 'x:page:no-request-token',
    provider: 'x',
    confidence: 'mapped',
    parameters: { oauth_parameters_absent: 'oauth_token' },
  },
  {
    id: 'x-page-token-used-2009',
    kind: 'html-page',
    pattern: /This page is no longer valid\.? It looks like someone already used the token information you provided\.?/i,
    problem: 'token_used',
    providerCode: 'x:page:token-used',
    provider: 'x',
    confidence: 'mapped',
  },
  {
    id: 'flickr-page-token-not-recognised',
    kind: 'html-page',
    pattern: /Flickr doesn['’]t recogni[sz]e the "?oauth_token"? this application is trying to use\.?/i,
    problem: 'token_rejected',
    providerCode: 'flickr:page:token-not-recognised',
    provider: 'flickr',
    confidence: 'mapped',
  },
  // ── X's API wording without its JSON wrapper [T1][T3][T4].
  { id: 'x-timestamp-out-of-bounds', kind: 'plain-text', pattern: /Timestamp out of bounds/i, problem: 'timestamp_refused', providerCode: 'x:135', provider: 'x', confidence: 'heuristic' },
  { id: 'x-invalid-or-expired-token', kind: 'plain-text', pattern: /Invalid (?:or|\/) expired token/i, problem: 'token_rejected', providerCode: 'x:89', provider: 'x', confidence: 'heuristic' },
  { id: 'x-bad-authentication-data', kind: 'plain-text', pattern: /Bad authentication data/i, problem: 'parameter_absent', providerCode: 'x:215', provider: 'x', confidence: 'heuristic' },
  { id: 'x-callback-not-approved', kind: 'plain-text', pattern: /Callback URL not approved|Not a valid callback URL format/i, problem: 'x:415', providerCode: 'x:415', provider: 'x', confidence: 'heuristic' },
  { id: 'x-desktop-oob', kind: 'plain-text', pattern: /Desktop applications only support the oauth_callback value/i, problem: 'x:417', providerCode: 'x:417', provider: 'x', confidence: 'heuristic' },
  { id: 'x-suspended-application', kind: 'plain-text', pattern: /Invalid \/ suspended application/i, problem: 'consumer_key_rejected', providerCode: 'x:416', provider: 'x', confidence: 'heuristic' },
  { id: 'x-cannot-write', kind: 'plain-text', pattern: /Application cannot perform write actions/i, problem: 'x:261', providerCode: 'x:261', provider: 'x', confidence: 'heuristic' },
  { id: 'x-unable-to-verify', kind: 'plain-text', pattern: /Unable to verify your credentials/i, problem: 'token_rejected', providerCode: 'x:99', provider: 'x', confidence: 'heuristic' },
  { id: 'x-credentials-restricted', kind: 'plain-text', pattern: /Your credentials do not allow access to this resource/i, problem: 'x:220', providerCode: 'x:220', provider: 'x', confidence: 'heuristic' },
  { id: 'x-failed-to-validate', kind: 'plain-text', pattern: /Failed to validate oauth signature and token/i, problem: 'signature_invalid', provider: 'x', confidence: 'heuristic' },
  { id: 'x-could-not-authenticate', kind: 'plain-text', pattern: /Could not authenticate (?:you|with OAuth)/i, problem: 'signature_invalid', providerCode: 'x:32', provider: 'x', confidence: 'heuristic' },
  // ── oauthlib's error_description values (oauthlib/oauth1/rfc5849/endpoints).
  { id: 'oauthlib-missing-mandatory', kind: 'plain-text', pattern: /Missing mandatory (?:OAuth )?parameters?/i, problem: 'parameter_absent', confidence: 'heuristic' },
  { id: 'oauthlib-duplicate-entries', kind: 'plain-text', pattern: /Duplicate OAuth[12]? entries|oauth_ params must come from only 1 signature/i, problem: 'parameter_rejected', confidence: 'heuristic' },
  { id: 'oauthlib-invalid-version', kind: 'plain-text', pattern: /Invalid OAuth version/i, problem: 'version_rejected', confidence: 'heuristic' },
  { id: 'oauthlib-timestamp', kind: 'plain-text', pattern: /Invalid timestamp size|Timestamp must be an integer|Timestamp given is invalid/i, problem: 'timestamp_refused', confidence: 'heuristic' },
  { id: 'oauthlib-client-key-format', kind: 'plain-text', pattern: /Invalid client key format/i, problem: 'consumer_key_unknown', confidence: 'heuristic' },
  { id: 'oauthlib-nonce-format', kind: 'plain-text', pattern: /Invalid nonce format/i, problem: 'parameter_rejected', confidence: 'heuristic' },
  { id: 'oauthlib-https-only', kind: 'plain-text', pattern: /Only HTTPS connections are permitted/i, problem: 'oauthlib:insecure_transport_protocol', providerCode: 'oauthlib:insecure_transport_protocol', confidence: 'heuristic' },
  // ── A client library refusing the callback because its state is not the one it sent (RFC 6749 §10.12):
  // Authlib/oauthlib MismatchingStateError (authlib/authlib#376, oauthlib/oauthlib#875), oidc-client(-ts)
  // "No matching state found in storage" (authts/react-oidc-context#445), AppAuth "State returned in
  // authorization response (…) does not match", and the plain "state mismatch" wordings of other libraries.
  // "state" must be what does not match: not a state=… parameter before another mismatch (a PKCE verifier's),
  // nor a word qualified by another ("Validation state does not match").
  // oauthlib's OAuth 2.0 TokenExpiredError (error = 'token_expired', oauthlib/oauth2/rfc6749/errors.py): requests-oauthlib raises it
  // when the access token's expires_at has passed and no auto-refresh is set; the access token expired (RFC 6750 §3.1 invalid_token),
  // not OAuth 1.0a's token_expired problem.
  { id: 'oauthlib-oauth2-token-expired', kind: 'plain-text', pattern: /\boauth2\.rfc6749\.errors\.TokenExpiredError\b|\bTokenExpiredError:?\s*\(token_expired\)/, problem: 'oauth2:invalid_token', confidence: 'mapped' },
  { id: 'library-mismatching-state', kind: 'plain-text', pattern: /\bMismatchingStateError\b|\bmismatching_state\b|State not equal in request and response/i, problem: 'flow:state-mismatch', confidence: 'mapped' },
  { id: 'library-no-matching-state', kind: 'plain-text', pattern: /No (?:matching )?state found in storage|No matching state found/i, problem: 'flow:state-mismatch', confidence: 'mapped' },
  { id: 'library-state-does-not-match', kind: 'plain-text', pattern: /(?<![A-Za-z][ _-])\bstate(?: (?:parameter|param|value))?(?: returned in (?:the )?authori[sz]ation response)?(?: \([^)\n]{0,200}\))? do(?:es)?(?:n't| not) match\b|\b(?:oauth2?|the|returned|callback|response) state (?:(?:parameter|param|value) )?do(?:es)?(?:n't| not) match\b|\bstate[ _-]mismatch(?:ed)?\b|\bmismatch(?:ed|ing) (?:oauth2? )?state\b/i, problem: 'flow:state-mismatch', confidence: 'heuristic' },
  // ── Providers' own wordings from real reports, before the generic guesses.
  ...realWorldPhrases(),
  // Generic wordings are no longer phrases here: the message classifier
  // (knowledge/concepts*.ts, src/diagnose/classify/) reads them from their
  // words, in any order and form, and names the words it read.
]);


