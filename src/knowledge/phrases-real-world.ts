import type { PhraseRecord } from './types.js';

/**
 * Providers' own wordings met in real error reports (see
 * test/fixtures/real-world/README.md). Tried before the generic phrases, so
 * a provider's exact sentence wins over a short guess. Linear patterns only.
 */
export function realWorldPhrases(): readonly PhraseRecord[] {
  return [
    // API Gateway's answer to a request with no SigV4 signature or to a path/method not deployed [https://repost.aws/knowledge-center/api-gateway-authentication-token-errors].
    { id: 'aws-missing-authentication-token', kind: 'plain-text', pattern: /\bMissing Authentication Token\b/, problem: 'aws:MissingAuthenticationToken', providerCode: 'aws:MissingAuthenticationToken', provider: 'aws', confidence: 'heuristic' },
    { id: 'tumblr-signature-mismatch', kind: 'plain-text', pattern: /oauth_signature \[[^\]\s]{0,200}\] does not match expected value/i, problem: 'signature_invalid', provider: 'tumblr', confidence: 'mapped' },
    { id: 'khan-expected-base-string', kind: 'plain-text', pattern: /OAuth error\. Invalid signature\. Expected signature base string/i, problem: 'signature_invalid', provider: 'khan', confidence: 'mapped' },
    { id: 'quickbooks-3200', kind: 'plain-text', pattern: /(?:Application)?AuthenticationFailed; errorCode=0{0,3}3200\b/, problem: 'quickbooks:3200', providerCode: 'quickbooks:3200', provider: 'quickbooks', confidence: 'mapped' },
    { id: 'quickbooks-3100', kind: 'plain-text', pattern: /AuthorizationFailed; errorCode=0{0,3}3100\b/, problem: 'additional_authorization_required', providerCode: 'quickbooks:3100', provider: 'quickbooks', confidence: 'mapped' },
    { id: 'netsuite-invalid-login-attempt', kind: 'plain-text', pattern: /\bINVALID_LOGIN_ATTEMPT\b/, problem: 'netsuite:INVALID_LOGIN_ATTEMPT', providerCode: 'netsuite:INVALID_LOGIN_ATTEMPT', provider: 'netsuite', confidence: 'mapped' },
    // NetSuite's sentence without its code, as SOAP faults, zeep and SDKs print it [netsuitephp/netsuite-php#121; jacobsvante/netsuite#1].
    { id: 'netsuite-invalid-login-text', kind: 'plain-text', pattern: /\bInvalid login attempt\b/i, problem: 'netsuite:INVALID_LOGIN', providerCode: 'netsuite:INVALID_LOGIN', provider: 'netsuite', confidence: 'heuristic' },
    { id: 'netsuite-ambiguous-authentication', kind: 'plain-text', pattern: /\bAmbiguous authentication\b/, problem: 'netsuite:AMBIGUOUS_AUTHENTICATION', providerCode: 'netsuite:AMBIGUOUS_AUTHENTICATION', provider: 'netsuite', confidence: 'heuristic' },
    { id: 'evernote-edam-consumer-key', kind: 'plain-text', pattern: /EDAMUserException\(errorCode=8, parameter='consumerKey'\)/, problem: 'consumer_key_unknown', providerCode: 'evernote:EDAM-8', provider: 'evernote', confidence: 'mapped' },
    { id: 'evernote-edam-auth-expired', kind: 'plain-text', pattern: /EDAMUserException\(errorCode=9\b/, problem: 'token_expired', providerCode: 'evernote:EDAM-9', provider: 'evernote', confidence: 'mapped' },
    { id: 'evernote-tomcat-consumer-key', kind: 'plain-text', pattern: /HTTP Status 401 - oauth_consumer_key/, problem: 'consumer_key_unknown', provider: 'evernote', confidence: 'heuristic' },
    // Magento 2's own sentence (Magento\\Framework\\Oauth): in a JSON message, a 401 body or an oauth_problem value [magento/magento2#37913, #33940].
    { id: 'magento-signature-invalid', kind: 'plain-text', pattern: /\bThe signature is invalid\. Verify and try again\b/i, problem: 'signature_invalid', providerCode: 'magento:signature_invalid', provider: 'magento', confidence: 'mapped' },
    { id: 'withings-342', kind: 'plain-text', pattern: /signature \(using oauth\) is invalid/i, problem: 'signature_invalid', providerCode: 'withings:342', provider: 'withings', confidence: 'heuristic' },
    { id: 'vimeo-signature-not-valid', kind: 'plain-text', pattern: /The oauth_signature passed was not valid/i, problem: 'signature_invalid', providerCode: 'vimeo:401', provider: 'vimeo', confidence: 'heuristic' },
    // The Rails oauth-plugin's one answer to every failed check (Goodreads).
    { id: 'oauthplugin-invalid-oauth-request', kind: 'plain-text', pattern: /Invalid OAuth Request/, problem: 'oauthplugin:invalid-oauth-request', providerCode: 'oauthplugin:invalid-oauth-request', confidence: 'heuristic' },
    { id: 'discogs-must-authenticate', kind: 'plain-text', pattern: /You must authenticate to access this resource/i, problem: 'parameter_absent', provider: 'discogs', confidence: 'heuristic' },
    { id: 'linkedin-token-not-valid', kind: 'plain-text', pattern: /The token used in the OAuth request is not valid/i, problem: 'token_rejected', provider: 'linkedin', confidence: 'heuristic' },
    { id: 'woocommerce-key-permissions', kind: 'plain-text', pattern: /API key provided does not have (?:read|write) permissions/i, problem: 'additional_authorization_required', provider: 'woocommerce', confidence: 'heuristic' },
    // django-piston / django-oauth-plus (Bitbucket's OAuth 1.0 API ran on it): its signature check failed [adafruit/Adafruit-WebIDE#41; mlavin/django-all-access#28].
    { id: 'django-oauth-could-not-verify', kind: 'plain-text', pattern: /Could not verify OAuth request/i, problem: 'signature_invalid', confidence: 'heuristic' },
    // OpenStreetMap API 0.6 (OAuth 1.0a until 2024): 401, empty body, the reason in an `Error:` header [openstreetmap/iD#3519].
    { id: 'openstreetmap-unauthorized-oauth-request', kind: 'plain-text', pattern: /^Unauthorized OAuth request\.?$/, problem: 'openstreetmap:unauthorized-oauth-request', providerCode: 'openstreetmap:unauthorized-oauth-request', provider: 'openstreetmap', confidence: 'heuristic' },
    // Short generic wordings the generic list below did not catch (Tumblr, Discogs, WooCommerce, Trello).
    { id: 'generic-oauth-parameter-required', kind: 'plain-text', pattern: /\boauth_[a-z_]{3,40} (?:is )?required|parameter not found: ?oauth_[a-z_]{3,40}|consumer[ _]key (?:is )?missing/i, problem: 'parameter_absent', confidence: 'heuristic' },
    { id: 'generic-invalid-key', kind: 'plain-text', pattern: /\binvalid (?:app |application )?key\b/i, problem: 'consumer_key_unknown', confidence: 'heuristic' },
  ];
}
