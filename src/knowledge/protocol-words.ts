import { lazy } from './lazy.js';
import type { ProtocolTranslationRecord, ProtocolWordRecord, ProviderProtocolRecord } from './types.js';

/**
 * Which protocol a pasted answer belongs to, as data (issue #12): the words,
 * parameter names and header forms only one of OAuth 1.0a (RFC 5849) and
 * OAuth 2.0 (RFC 6749, RFC 6750, OpenID Connect) has. read/protocol.ts reads
 * a whole paste (the start and end of a very long one) against these rows once; the readers ask
 * it which protocol the words around an error speak, instead of each shape
 * deciding for itself. A word both protocols use (token, access token,
 * signature, nonce, timestamp, unauthorized) is in neither list.
 */
export const protocolWords = lazy((): readonly ProtocolWordRecord[] => [
  // ── OAuth 1.0a's own words.
  { id: 'oauth1-parameter', protocol: 'oauth1', pattern: /(?<![.\w])oauth_(?:consumer_key|token|token_secret|signature|signature_method|nonce|timestamp|verifier|callback|callback_confirmed|version|problem|problem_advice|body_hash|acceptable_timestamps|acceptable_versions)\b/i, source: 'RFC 5849 §3.1 (protocol parameters), §2.1, §2.3; OAuth Problem Reporting (oauth_problem). Not a dotted name\'s last part: AppAuth\'s error domain org.openid.appauth.oauth_token is OAuth 2.0\'s token endpoint' },
  { id: 'oauth1-header', protocol: 'oauth1', pattern: /\bAuthorization:\s*OAuth\s+(?:realm|oauth_)/i, source: 'RFC 5849 §3.5.1 (the "OAuth" authentication scheme)' },
  { id: 'oauth1-consumer', protocol: 'oauth1', pattern: /\bconsumer[ _-]?(?:key|secret)s?\b|\bConsumer(?:Key|Secret)\w*/i, source: 'OAuth Core 1.0a §3 (Definitions: Consumer Key, Consumer Secret) and §4.3 (Consumers: the Consumer Developer establishes them with the Service Provider; §4.2 is Service Providers); RFC 5849 §1.1 calls them client credentials' },
  { id: 'oauth1-token-secret', protocol: 'oauth1', pattern: /\b(?:access[ _-]?)?token[ _-]?secret\b|\bAccessTokenSecret\b|\bTokenSecret\b/i, source: 'RFC 5849 §2.3 (the token shared-secret, oauth_token_secret)' },
  { id: 'oauth1-temporary-credentials', protocol: 'oauth1', pattern: /\btemporary credentials?\b|\brequest_token(?:_url|_secret)?\b|\bRequestToken(?:Url|Secret)?\b/, source: 'RFC 5849 §2.1 (temporary credentials, the request token endpoint)' },
  // "Request token" as a noun: OAuth Core 1.0a's name for what RFC 5849 calls temporary credentials ("Invalid request token",
  // passport-oauth1's "Failed to obtain request token"). Never the verb ("failed to request token", "cannot request token"),
  // nor a status phrase before a word ("400 Bad Request token expired").
  { id: 'oauth1-request-token', protocol: 'oauth1', pattern: /(?<!\b(?:to|not|cannot|can't|could|will|would|should|must|bad|and|or)\s+)\brequest[ -]tokens?\b/i, source: 'OAuth Core 1.0a §6.1 (Obtaining an Unauthorized Request Token); RFC 5849 §1.1 and §2.1 (temporary credentials, formerly the request token)' },
  // The same words in Japanese, as Japanese providers and libraries write them (Hatena, Twitter JA pages, OAuth 1.0a tutorials):
  // request token, consumer key / secret, (access) token secret. A "code verifier" (コードベリファイア) is PKCE's, so no verifier here.
  { id: 'oauth1-words-ja', protocol: 'oauth1', pattern: /リクエスト[・･ ]?トークン|コンシューマー?[・･ ]?(?:キー|シークレット)|トークン[・･ ]?シークレット/, source: 'OAuth Core 1.0a §6.1 (request token), §3 (Consumer Key, Consumer Secret), RFC 5849 §2.3 (token secret); Hatena OAuth 1.0a docs "リクエストトークン" (https://developer.hatena.ne.jp/ja/documents/auth/apis/oauth/consumer)' },
  // OAuth 1.0a's verifier spelt as words or a field (RFC 5849 §2.2 oauth_verifier); OAuth 2.0's is a code_verifier (RFC 7636).
  { id: 'oauth1-verifier', protocol: 'oauth1', pattern: /\boauth[ -]verifier\b|\boauthVerifier\b/i, source: 'RFC 5849 §2.2 (oauth_verifier, the verification code)' },
  { id: 'oauth1-base-string', protocol: 'oauth1', pattern: /\bsignature[ _-]?base[ _-]?string\b|\bdebug_sbs\b/i, source: 'RFC 5849 §3.4.1 (the signature base string)' },
  { id: 'oauth1-signature-method', protocol: 'oauth1', pattern: /\b(?:HMAC|RSA)-SHA1\b|\bPLAINTEXT\b/, source: 'RFC 5849 §3.4 (signature methods HMAC-SHA1, RSA-SHA1, PLAINTEXT)' },
  // Client libraries that speak OAuth 1.0a only.
  { id: 'oauth1-library', protocol: 'oauth1', pattern: /\boauth-php\b|\bOAuthRequester\b|\bOAuthException2\b|\boauth\.signpost\b|\bOAuth(?:Communication|Expectation|MessageSigner|NotAuthorized)Exception\b|\bOAuth::Unauthorized\b|\bCan't extract token and secret\b/, source: 'ScribeJava, its OAuth 1.0a token extractor ("Response body is incorrect. Can\'t extract token and secret from this: …": https://github.com/scribejava/scribejava/blob/master/scribejava-core/src/main/java/com/github/scribejava/core/extractors/AbstractOAuth1TokenExtractor.java); oauth-php (OAuthRequester, OAuthException2: https://code.google.com/archive/p/oauth-php/); signpost (oauth.signpost.exception.*: https://github.com/mttkay/signpost); Ruby oauth gem (OAuth::Unauthorized: https://github.com/oauth-xx/oauth-ruby)' },
  // Xero's OAuth 1.0a application types (private, public, partner); its OAuth 2.0 apps have none of these names.
  { id: 'oauth1-xero-partner-app', protocol: 'oauth1', pattern: /\bpartner (?:API type )?application\b/i, source: 'Xero OAuth 1.0a partner applications (RSA-SHA1, renewable 30-minute tokens): https://github.com/XeroAPI/XeroOAuth-PHP' },
  // OAuth Problem Reporting's codes, in any case (TOKEN_USED, signature_invalid): OAuth 2.0 has none of them.
  { id: 'oauth1-problem-code', protocol: 'oauth1', pattern: /\b(?:token_used|token_expired|token_revoked|token_rejected|signature_invalid|signature_method_rejected|consumer_key_unknown|consumer_key_rejected|consumer_key_refused|timestamp_refused|nonce_used|parameter_absent|parameter_rejected|permission_unknown|permission_denied|additional_authorization_required|verifier_invalid|version_rejected)\b/i, source: 'OAuth Problem Reporting §2 (oauth_problem values)' },
  { id: 'oauth1-named', protocol: 'oauth1', pattern: /\boauth ?1(?:\.0a?)?\b|oauth1[_./-]|\bOAuth1\w*|\brfc ?5849\b|\bx_auth_(?:mode|username|password)\b|\bxAuth\b/i, source: 'RFC 5849; xAuth (X\'s OAuth 1.0a extension)' },

  // ── OAuth 2.0's own words.
  { id: 'oauth2-named', protocol: 'oauth2', pattern: /\boauth ?2(?:\.0)?\b|oauth2[_./-]|[_./-]oauth2\b|\bOAuth2\w*/i, source: 'RFC 6749 (The OAuth 2.0 Authorization Framework), by name or a library named for it' },
  { id: 'oauth2-client-parameters', protocol: 'oauth2', endpoint: 'token', pattern: /\bclient_(?:id|secret|assertion(?:_type)?)\b|\bclient[ ]secret\b/i, source: 'RFC 6749 §2.3.1 (client_id, client_secret); RFC 7523 §2.2 (client_assertion)' },
  { id: 'oauth2-grant-parameters', protocol: 'oauth2', endpoint: 'token', pattern: /\bgrant_type\b|\bauthorization_code\b|\bclient_credentials\b|\bcode_verifier\b|\bjwt-bearer\b/i, source: 'RFC 6749 §4.1.3, §4.4.2 (grant_type); RFC 7636 §4.5 (code_verifier); RFC 7523 §2.1' },
  { id: 'oauth2-token-endpoint', protocol: 'oauth2', endpoint: 'token', pattern: /\/token\b(?![-_.])|\baccess token response\b/i, source: 'RFC 6749 §3.2 (the token endpoint; OAuth 1.0a\'s endpoints are request_token and access_token)' },
  { id: 'oauth2-authorization-parameters', protocol: 'oauth2', pattern: /\bredirect_uri\b|\bresponse_type\b|\bcode_challenge\b/i, source: 'RFC 6749 §4.1.1, §3.1.2; RFC 7636 §4.3' },
  { id: 'oauth2-access-token-parameter', protocol: 'oauth2', pattern: /(?<![/\w])access_token\b(?!_(?:url|secret))|\bexpires_in\b|\btoken_type\b/, source: 'RFC 6749 §5.1 (access_token, token_type, expires_in; OAuth 1.0a sends oauth_token)' },
  { id: 'oauth2-refresh-token', protocol: 'oauth2', pattern: /\brefresh[ _-]?tokens?\b|\bRefreshToken\w*/i, source: 'RFC 6749 §1.5 (refresh tokens; OAuth 1.0a has none)' },
  { id: 'oauth2-scope', protocol: 'oauth2', pattern: /\bscopes?\b|\binsufficient_scope\b/i, source: 'RFC 6749 §3.3 (access token scope); RFC 6750 §3.1' },
  { id: 'oauth2-openid', protocol: 'oauth2', pattern: /\bopenid\b|\bOidc\w*|\bMsal\w*|\bAADSTS\d|\bid[_ ]token\b/i, source: 'OpenID Connect Core §2 (the ID Token); Entra ID AADSTS codes' },
  { id: 'oauth2-bearer', protocol: 'oauth2', bearer: true, pattern: /\bbearer\b|"access_token"/i, source: 'RFC 6750 §2.1 (Authorization: Bearer)' },
  { id: 'oauth2-jwt', protocol: 'oauth2', bearer: true, pattern: /\bjwts?\b/i, source: 'RFC 9068 (JWT access tokens); RFC 7523' },
  { id: 'oauth2-grpc', protocol: 'oauth2', bearer: true, pattern: /\brpc error\b|\bgrpc\b|\bStatusCode[.=]|\bRpcException\b/i, source: 'gRPC authentication: Bearer tokens in the `authorization` metadata (grpc.io/docs/guides/auth)' },
]);

/**
 * The protocols a provider's API speaks today: a provider that speaks only one is
 * evidence for it; one that speaks both (X, Yahoo, Tumblr, …) is evidence for neither.
 * Sources are the providers' own pages, as in providers*.ts.
 */
export const providerProtocols = lazy((): readonly ProviderProtocolRecord[] => [
  // OAuth 1.0a only.
  { provider: 'flickr', protocols: ['oauth1'], names: /\bFlickr\b/i, source: 'https://www.flickr.com/services/api/auth.oauth.html' },
  { provider: 'smugmug', protocols: ['oauth1'], names: /\bSmugMug\b/i, source: 'https://api.smugmug.com/api/v2/doc/tutorial/authorization.html' },
  { provider: 'mastercard', protocols: ['oauth1'], names: /\bMastercard\b/i, source: 'https://developer.mastercard.com/platform/documentation/security-and-authentication/using-oauth-1a-to-access-mastercard-apis/' },
  { provider: 'evernote', protocols: ['oauth1'], names: /\bEvernote\b|\bEDAM[A-Z]\w*/, source: 'https://dev.evernote.com/doc/articles/authentication.php' },
  { provider: 'etrade', protocols: ['oauth1'], names: /\bE\*TRADE\b|\bpyetrade\b/i, source: 'https://apisb.etrade.com/docs/api/authorization/request_token.html' },
  { provider: 'lti', protocols: ['oauth1'], source: 'IMS LTI 1.1 Implementation Guide §4 (OAuth 1.0a message signing)' },
  { provider: 'magento', protocols: ['oauth1'], names: /\bMagento\b/i, source: 'https://developer.adobe.com/commerce/webapi/get-started/authentication/gs-authentication-oauth/' },
  { provider: 'trello', protocols: ['oauth1'], names: /\bTrello\b/i, source: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/' },
  { provider: 'discogs', protocols: ['oauth1'], names: /\bDiscogs\b/i, source: 'https://www.discogs.com/developers#page:authentication' },
  { provider: 'garmin', protocols: ['oauth1'], source: 'Garmin Connect Developer Program (OAuth 1.0a consumer keys)' },
  { provider: 'woocommerce', protocols: ['oauth1'], names: /\bWooCommerce\b/i, source: 'https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-http' },
  { provider: 'wordpress', protocols: ['oauth1'], source: 'https://github.com/WP-API/OAuth1' },
  { provider: 'jira', protocols: ['oauth1'], source: 'https://developer.atlassian.com/server/jira/platform/oauth/' },
  { provider: 'khan', protocols: ['oauth1'], names: /\bKhan Academy\b|\bkhan-api\b/i, source: 'https://github.com/Khan/khan-api/wiki/Khan-Academy-API-Authentication' },
  { provider: 'plurk', protocols: ['oauth1'], names: /\bPlurk\b/i, source: 'https://www.plurk.com/API' },
  { provider: 'hatena', protocols: ['oauth1'], names: /\bHatena\b|はてな/i, source: 'https://developer.hatena.ne.jp/ja/documents/auth/apis/oauth' },
  { provider: 'oauthplugin', protocols: ['oauth1'], source: 'WordPress OAuth 1.0a server plugin' },
  // OAuth 2.0 only (OpenID Connect included).
  { provider: 'entra', protocols: ['oauth2'], names: /\bAzure AD\b|\bMicrosoft Entra\b|\bMicrosoft Graph\b/, source: 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols' },
  { provider: 'google', protocols: ['oauth2'], names: /\bgoogleapis?\b|\bgoogle-auth\w*|\bGoogle APIs?\b|\bGoogle\.Apis\b|\bgoogle[._](?:auth|oauth2)[._]|\boauth2client\b/i, source: 'https://developers.google.com/identity/protocols/oauth2 (OAuth 1.0 retired 2015); google-auth-library-python raises google.auth.exceptions.RefreshError (google/oauth2/_client.py); oauth2client is Google\'s retired Python client' },
  { provider: 'github', protocols: ['oauth2'], source: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps' },
  { provider: 'okta', protocols: ['oauth2'], names: /\bOkta\b/, source: 'https://developer.okta.com/docs/concepts/oauth-openid/' },
  { provider: 'auth0', protocols: ['oauth2'], names: /\bAuth0\b/, source: 'https://auth0.com/docs/authenticate/protocols/oauth' },
  { provider: 'keycloak', protocols: ['oauth2'], names: /\bKeycloak\b/i, source: 'https://www.keycloak.org/docs/latest/server_admin/#sso-protocols' },
  { provider: 'slack', protocols: ['oauth2'], names: /\bSlack\b/, source: 'https://api.slack.com/authentication/oauth-v2' },
  { provider: 'apple', protocols: ['oauth2'], source: 'https://developer.apple.com/documentation/sign_in_with_apple/sign_in_with_apple_rest_api' },
  { provider: 'salesforce', protocols: ['oauth2'], names: /\bSalesforce\b|\bjsforce\b/i, source: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_authenticate.htm' },
  { provider: 'facebook', protocols: ['oauth2'], names: /\bFacebook\b|\bfbtrace_id\b|\bInstagram\b/i, source: 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens' },
  { provider: 'dropbox', protocols: ['oauth2'], names: /\bDropbox\b/, source: 'https://developers.dropbox.com/oauth-guide (OAuth 1.0 retired 2017)' },
  { provider: 'box', protocols: ['oauth2'], source: 'https://developer.box.com/guides/authentication/oauth2/' },
  { provider: 'zoom', protocols: ['oauth2'], source: 'https://developers.zoom.us/docs/integrations/oauth/' },
  { provider: 'spotify', protocols: ['oauth2'], names: /\bSpotify\b|\bspotipy\b/i, source: 'https://developer.spotify.com/documentation/web-api/concepts/authorization' },
  { provider: 'discord', protocols: ['oauth2'], names: /\bDiscord\b/, source: 'https://discord.com/developers/docs/topics/oauth2' },
  { provider: 'twitch', protocols: ['oauth2'], names: /\bTwitch\b/i, source: 'https://dev.twitch.tv/docs/authentication/' },
  { provider: 'atlassian', protocols: ['oauth2'], source: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/' },
  { provider: 'shopify', protocols: ['oauth2'], names: /\bShopify\b/, source: 'https://shopify.dev/docs/apps/build/authentication-authorization' },
  { provider: 'hubspot', protocols: ['oauth2'], names: /\bHubSpot\b/i, source: 'https://developers.hubspot.com/docs/api/oauth-quickstart-guide (API keys retired 2022)' },
  { provider: 'zoho', protocols: ['oauth2'], names: /\bZoho\b/i, source: 'https://www.zoho.com/accounts/protocol/oauth.html' },
  { provider: 'cognito', protocols: ['oauth2'], names: /\bCognito\w*/i, source: 'https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html' },
  { provider: 'strava', protocols: ['oauth2'], names: /\bStrava\b|\bstravalib\b/i, source: 'https://developers.strava.com/docs/authentication/' },
]);

/**
 * What an OAuth 1.0a reading of words is in OAuth 2.0, when the paste is OAuth 2.0's (read/protocol.ts).
 * Rows are tried in order; the first whose concept (or row) and words fit gives the code. `needsEvidence`:
 * only when the paste speaks of OAuth 2.0, never by default (words about credentials may be a login form's).
 */
export const protocolTranslations = lazy((): readonly ProtocolTranslationRecord[] => [
  // RFC 6749 §5.2 invalid_grant: "the provided authorization grant (e.g., authorization code …) or refresh token is invalid, expired, revoked".
  { id: 'refresh-token-words', concepts: ['token', 'oauth2-refresh', 'oauth2-session'], words: /refresh/i, to: 'oauth2:invalid_grant', signal: 'bearer-words', source: 'RFC 6749 §5.2 invalid_grant (a refresh token), §6' },
  // RFC 8628 §3.4: the device_code is a grant the client presents at the token endpoint; one that expired is refused there (§3.5).
  { id: 'device-code-words', concepts: ['oauth2-device'], words: /device|verification[ _-]?code|user[ _-]?code|polling/i, to: 'oauth2:invalid_grant', signal: 'bearer-words', source: 'RFC 8628 §3.4, §3.5 (expired_token); RFC 6749 §5.2 invalid_grant' },
  { id: 'grant-words', concepts: ['oauth2-grant'], to: 'oauth2:invalid_grant', signal: 'bearer-words', source: 'RFC 6749 §5.2 invalid_grant (an authorization code)' },
  // A token used twice is a grant, never an access token (a Bearer token is presented on every call): an authorization code
  // is single-use (RFC 6749 §4.1.2, §10.5) and a rotated refresh token is spent once (RFC 9700 §4.14.2); both are refused as
  // invalid_grant. Only words that say "again" ("already", "redeemed", "been used"): "the token used in the request" is no reuse.
  { id: 'reuse-words', codes: ['token_used'], words: /\balready\b|\bredeemed\b|\bbeen used\b|\bre-?used\b|\bconsumed\b|\bexchanged\b|\bused up\b|\breplayed\b/i, to: 'oauth2:invalid_grant', signal: 'bearer-words', source: 'RFC 6749 §4.1.2 and §10.5 (codes are single-use), §5.2 invalid_grant; RFC 9700 §4.14.2 (refresh token rotation)' },
  // RFC 6749 §5.2 invalid_grant: token words in a paste whose request is a grant at the token endpoint (grant_type, a refresh
  // token, a code_verifier) and that names no Bearer token: the token refused is the grant, not an access token (RFC 6750 §3.1).
  { id: 'token-words-grant-request', concepts: ['token'], codes: ['token_rejected', 'token_expired', 'token_revoked', 'token_used'], pasteRows: ['oauth2-grant-parameters', 'oauth2-refresh-token'], to: 'oauth2:invalid_grant', signal: 'bearer-words', source: 'RFC 6749 §5.2 invalid_grant, §4.1.3, §6' },
  // RFC 6750 §3.1 invalid_token: "The access token provided is expired, revoked, malformed, or invalid for other reasons."
  { id: 'token-words', concepts: ['token', 'oauth2-session'], codes: ['token_rejected', 'token_expired', 'token_revoked', 'token_used'], to: 'oauth2:invalid_token', signal: 'bearer-words', source: 'RFC 6750 §3.1 invalid_token' },
  // RFC 6750 §3.1 insufficient_scope: "The request requires higher privileges than provided by the access token."
  { id: 'scope-words', rows: ['scope-lacking', 'ja-scope'], words: /scope|スコープ/i, to: 'oauth2:insufficient_scope', signal: 'bearer-words', source: 'RFC 6750 §3.1 insufficient_scope' },
  // Permission words without the word scope are any API's authorisation, not the token's scope, unless the paste is OAuth 2.0's.
  { id: 'permission-words', rows: ['scope-lacking', 'ja-scope'], to: 'oauth2:insufficient_scope', signal: 'bearer-words', needsEvidence: true, source: 'RFC 6750 §3.1 insufficient_scope' },
  // The credentials an API call carries in OAuth 2.0 are its access token (RFC 6750 §2); at the token endpoint they are the client's (RFC 6749 §5.2 invalid_client).
  { id: 'credential-words-token-endpoint', concepts: ['key-and-secret', 'authentication'], words: /credential|authenticat|\bauth\b/i, endpoint: 'token', to: 'oauth2:invalid_client', signal: 'client-words', source: 'RFC 6749 §5.2 invalid_client ("Client authentication failed")' },
  { id: 'credential-words', concepts: ['key-and-secret', 'authentication'], words: /credential/i, to: 'oauth2:invalid_token', signal: 'bearer-words', source: 'RFC 6750 §3.1 invalid_token; Google APIs 401 "Invalid Credentials" (https://developers.google.com/drive/api/guides/handle-errors)' },
  { id: 'authentication-words', concepts: ['authentication'], to: 'oauth2:invalid_token', signal: 'bearer-words', needsEvidence: true, source: 'RFC 6750 §3.1 invalid_token' },
  // redirect_uri is OAuth 2.0's parameter alone (OAuth 1.0a has oauth_callback): RFC 6749 §3.1.2.2 requires it to match a
  // registered one, §4.1.2.1 says an invalid or mismatching one is never redirected to (the error is shown to the resource owner),
  // §4.1.3 / §5.2 refuse a code exchanged with another. Strava {"field":"redirect_uri","code":"invalid"}, authentik "The request
  // fails due to a missing, invalid, or mismatching redirection URI", Okta "must be an absolute URI that is whitelisted".
  { id: 'redirect-words', concepts: ['oauth2-redirect'], to: 'oauth2:redirect_uri_mismatch', signal: 'oauth2-words', source: 'RFC 6749 §3.1.2.2, §4.1.2.1, §4.1.3; Google/GitHub redirect_uri_mismatch; https://github.com/craibo/ha_strava/issues/200; https://github.com/goauthentik/authentik/issues/12137' },
  // The client's own credentials missing at the token endpoint: RFC 6749 §5.2 invalid_client ("no client authentication included").
  { id: 'client-credential-missing-token-endpoint', rows: ['credential-missing', 'credential-none'], words: /\bclient|\bapp(?:lication)?[ _-]?id\b|\bcredential/i, endpoint: 'token', to: 'oauth2:invalid_client', signal: 'client-words', needsEvidence: true, source: 'RFC 6749 §5.2 invalid_client ("unknown client, no client authentication included")' },
  // A parameter missing, repeated or malformed in an OAuth 2.0 request: RFC 6749 §5.2 / §4.1.2.1 invalid_request, RFC 6750 §3.1
  // invalid_request ("missing a required parameter … or is otherwise malformed"). Only with OAuth 2.0 evidence: OAuth 1.0a's
  // parameter_absent / parameter_rejected (OAuth Problem Reporting §2) are the same words. A call with no credential at all
  // (credential-missing rows) is not among them: RFC 6750 §3.1 says the resource server SHOULD NOT send an error code then.
  { id: 'parameter-words', rows: ['parameter-missing', 'parameter-duplicate', 'header-malformed'], words: /\bparam(?:eter)?s?\b|\b(?:client_id|client_secret|redirect_uri|grant_type|code_verifier|code_challenge|response_type|refresh_token|client_assertion)\b/i, to: 'oauth2:invalid_request', signal: 'oauth2-words', needsEvidence: true, source: 'RFC 6749 §5.2, §4.1.2.1 invalid_request; RFC 6750 §3.1 invalid_request' },
]);
