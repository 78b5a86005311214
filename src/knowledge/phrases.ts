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
  // ── Providers' own wordings from real reports, before the generic guesses.
  ...realWorldPhrases(),
  // ── Generic phrases from providers nobody listed: heuristic by nature.
  { id: 'generic-nonce-used', kind: 'plain-text', pattern: /nonce (?:has )?(?:already )?been used|nonce (?:was )?already used|duplicate nonce|nonce_used/i, problem: 'nonce_used', confidence: 'heuristic' },
  { id: 'generic-token-used', kind: 'plain-text', pattern: /token (?:has )?already been used|token (?:was )?already used|token_used/i, problem: 'token_used', confidence: 'heuristic' },
  { id: 'generic-token-revoked', kind: 'plain-text', pattern: /token (?:has been |was |is )?revoked|token_revoked/i, problem: 'token_revoked', confidence: 'heuristic' },
  { id: 'generic-token-expired', kind: 'plain-text', pattern: /expired (?:oauth |access |request )?token|token (?:has |is )?expired|token_expired/i, problem: 'token_expired', confidence: 'heuristic' },
  { id: 'generic-verifier', kind: 'plain-text', pattern: /(?:invalid|wrong|incorrect|bad) (?:oauth[_ ])?verifier|verifier (?:is )?(?:invalid|incorrect|wrong)|verifier_invalid/i, problem: 'verifier_invalid', confidence: 'heuristic' },
  { id: 'generic-signature-method', kind: 'plain-text', pattern: /(?:unsupported|invalid|unknown) signature method|signature method (?:is )?(?:not supported|unsupported|rejected)|signature_method_rejected/i, problem: 'signature_method_rejected', confidence: 'heuristic' },
  { id: 'generic-signature-invalid', kind: 'plain-text', pattern: /(?:invalid|incorrect|bad|wrong) (?:oauth[_ ]|request )?signature|signature (?:is )?invalid|signature (?:does not|doesn't) match|signature mismatch|signature_invalid/i, problem: 'signature_invalid', confidence: 'heuristic' },
  { id: 'generic-consumer-key', kind: 'plain-text', pattern: /consumer key (?:is )?(?:invalid|unknown|not found)|(?:invalid|unknown) consumer(?: key)?|invalid api key|consumer_key_unknown/i, problem: 'consumer_key_unknown', confidence: 'heuristic' },
  { id: 'generic-timestamp', kind: 'plain-text', pattern: /(?:invalid|expired|stale) timestamp|timestamp (?:is )?(?:invalid|expired|too old|too far|out of range|refused)|timestamp_refused/i, problem: 'timestamp_refused', confidence: 'heuristic' },
  { id: 'generic-version', kind: 'plain-text', pattern: /(?:unsupported|invalid) (?:oauth[_ ])?version|version_rejected/i, problem: 'version_rejected', confidence: 'heuristic' },
  { id: 'generic-missing-parameter', kind: 'plain-text', pattern: /missing (?:required )?(?:oauth )?(?:parameter|signature)|parameter (?:is )?missing|parameter_absent/i, problem: 'parameter_absent', confidence: 'heuristic' },
  { id: 'generic-user-denied', kind: 'plain-text', pattern: /user (?:has )?(?:denied|refused|cancell?ed)|access (?:was )?denied by (?:the )?user|permission_denied/i, problem: 'permission_denied', confidence: 'heuristic' },
  { id: 'generic-not-yet-authorized', kind: 'plain-text', pattern: /not (?:yet )?been authori[sz]ed|token (?:is )?not (?:yet )?authori[sz]ed|permission_unknown/i, problem: 'permission_unknown', confidence: 'heuristic' },
  { id: 'generic-app-suspended', kind: 'plain-text', pattern: /(?:application|app|client|consumer) (?:has been |is )?(?:suspended|blocked|disabled)/i, problem: 'consumer_key_rejected', confidence: 'heuristic' },
  { id: 'generic-rate-limit', kind: 'plain-text', pattern: /rate limit(?:ed| exceeded)?|too many requests/i, problem: 'http:429', confidence: 'heuristic' },
  { id: 'generic-token-invalid', kind: 'plain-text', pattern: /(?:invalid|unknown|bad) (?:oauth |access |request )?token|token (?:is )?(?:invalid|not found|rejected|not valid)|token_rejected/i, problem: 'token_rejected', confidence: 'heuristic' },
  // Japanese wording seen in providers' messages.
  { id: 'generic-ja-signature', kind: 'plain-text', pattern: /署名が(?:無効|不正|一致しません)/, problem: 'signature_invalid', confidence: 'heuristic' },
  { id: 'generic-ja-token-expired', kind: 'plain-text', pattern: /トークンの?(?:有効期限が切れ|期限切れ)/, problem: 'token_expired', confidence: 'heuristic' },
  { id: 'generic-ja-token-invalid', kind: 'plain-text', pattern: /トークンが(?:無効|不正)/, problem: 'token_rejected', confidence: 'heuristic' },
]);


