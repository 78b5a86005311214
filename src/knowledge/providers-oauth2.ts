import { KEYCLOAK_EVENT_PATTERNS } from './provider-codes/server-logs.js';
import type { ProviderRecord } from './types.js';

/**
 * OAuth 2.0 / OpenID Connect providers whose answers people paste: hosts that
 * name them, and codes that name themselves in any text. Each names the
 * public page its facts come from.
 */
export function oauth2Providers(): readonly ProviderRecord[] {
  return [
    {
      id: 'entra',
      name: 'Microsoft Entra ID (Azure AD)',
      hosts: ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.partner.microsoftonline.cn', 'login.windows.net', 'sts.windows.net', '.ciamlogin.com', '.b2clogin.com'],
      codePatterns: [{ pattern: /\b(AADSTS\d{4,7})\b/, needle: 'aadsts' }],
      source: 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes',
      notes: {
        en: 'Entra ID names every sign-in failure with an AADSTS code; the Trace ID and Correlation ID beside it find the attempt in the tenant\'s sign-in logs. Authorization codes live about 10 minutes; refresh tokens expire after 90 days unused (24 hours for single-page apps).',
        ja: 'Entra ID はすべてのサインイン失敗を AADSTS コードで示します。添えられた Trace ID と Correlation ID で、テナントのサインイン・ログからその試行を探せます。認可コードの寿命は約 10 分、リフレッシュ・トークンは 90 日使われないと失効します（シングルページ・アプリは 24 時間）。',
      },
    },
    {
      id: 'google',
      name: 'Google',
      hosts: ['oauth2.googleapis.com', 'accounts.google.com', 'www.googleapis.com', '.googleapis.com'],
      // The sign-in error page: "Error 400: redirect_uri_mismatch" (only codes with a row are claimed).
      codePatterns: [
        { pattern: /\bError (?:400|401|403): ([a-z_]{3,40})\b/, prefix: 'page:', needle: 'error 4' },
        // Its APIs' two documented 401 sentences (https://cloud.google.com/apis/design/errors), in any wrapper: rows CREDENTIALS_MISSING and UNAUTHENTICATED.
        { pattern: /\b(Request is missing required authentication credential|Request had invalid authentication credentials)\b/, needle: 'authentication credential' },
      ],
      source: 'https://developers.google.com/identity/protocols/oauth2',
      notes: {
        en: 'Google refresh tokens stop working when the person revokes access, after six months unused, on a password change (with Gmail scopes), beyond 100 refresh tokens per account and client, and after 7 days for an app whose consent screen is in "Testing".',
        ja: 'Google のリフレッシュ・トークンは、利用者のアクセス取り消し、6 か月間の未使用、パスワード変更（Gmail のスコープ使用時）、アカウントとクライアントごと 100 個を超えた場合、同意画面が「テスト」のアプリでは 7 日後に無効になります。',
      },
    },
    {
      id: 'github',
      name: 'GitHub',
      hosts: ['github.com', 'api.github.com'],
      // GitHub's own error codes, which no other provider sends: a library that prints one bare (`%Ueberauth.Failure.Error{key: "bad_verification_code"}`, `GitHub OAuth failed: incorrect_client_credentials`) still names GitHub.
      // Not as an `error` member or parameter: the OAuth 2.0 readers take those (RFC 6749 §5.2).
      codePatterns: GITHUB_OWN_CODES.map((code) => ({ pattern: new RegExp(`(?<!\\berror["']?\\s*[:=]\\s*["']?)\\b(${code})\\b`), needle: code })),
      source: 'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors',
    },
    { id: 'okta', name: 'Okta', hosts: ['.okta.com', '.oktapreview.com', '.okta-emea.com'], codePatterns: [{ pattern: /\b(E0000\d{3})\b/, needle: 'e0000' }], source: 'https://developer.okta.com/docs/reference/error-codes/' },
    { id: 'auth0', name: 'Auth0', hosts: ['.auth0.com'], source: 'https://auth0.com/docs/authenticate/protocols/oauth' },
    { id: 'keycloak', name: 'Keycloak', hosts: [], paths: ['/protocol/openid-connect/'], codePatterns: KEYCLOAK_EVENT_PATTERNS, source: 'https://github.com/keycloak/keycloak (services/src/main/java/org/keycloak/protocol/oidc/endpoints/TokenEndpoint.java)' },
    {
      id: 'slack',
      name: 'Slack',
      hosts: ['slack.com', '.slack.com'],
      // Client libraries print Slack's `error` bare: `slacker.Error: invalid_auth`, `SlackError: invalid_auth`, a Go struct `{Ok:false … Error:invalid_auth}`.
      codePatterns: [{ pattern: /\bslack(?:er)?\b[^\n]{0,80}?\b([a-z]+(?:_[a-z]+)+)\b/i, needle: 'slack' }, { pattern: /\bOk:\s?false\b[^\n]{0,200}?\bError:\s?([a-z]+(?:_[a-z]+)+)\b/, needle: 'ok:' }],
      source: 'https://api.slack.com/methods/oauth.v2.access',
    },
    { id: 'apple', name: 'Sign in with Apple', hosts: ['appleid.apple.com'], source: 'https://developer.apple.com/documentation/sign_in_with_apple/errorresponse' },
    {
      id: 'salesforce',
      name: 'Salesforce',
      hosts: ['login.salesforce.com', 'test.salesforce.com', '.my.salesforce.com', '.force.com'],
      // The REST API's `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`, also as printed by clients.
      codePatterns: [{ pattern: /\b(INVALID_SESSION_ID)\b/, needle: 'invalid_session_id' }],
      source: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm',
    },
    {
      id: 'facebook',
      name: 'Facebook / Meta Graph API',
      hosts: ['graph.facebook.com', 'www.facebook.com', 'graph.instagram.com', 'api.instagram.com'],
      // SDKs print the error fields: `type: OAuthException, code: 190, error_subcode: 463`, `errorCode: 190, subErrorCode: 460, errorType: OAuthException`.
      codePatterns: [
        { pattern: /OAuthException[^\n]{0,200}?\bcode:?\s*(\d{1,5})\b[^\n]{0,40}?sub_?(?:error_?)?code:?\s*(\d{1,5})/i, needle: 'oauthexception' },
        { pattern: /\b(?:error_?)?code:?\s*(\d{1,5})\b[^\n]{0,40}?\bsub_?(?:error_?)?code:?\s*(\d{1,5})\b[^\n]{0,200}?OAuthException/i, needle: 'oauthexception' },
      ],
      source: 'https://developers.facebook.com/docs/graph-api/guides/error-handling',
    },
    {
      id: 'dropbox',
      name: 'Dropbox',
      hosts: ['api.dropboxapi.com', 'content.dropboxapi.com', 'api.dropbox.com', 'www.dropbox.com'],
      // error_summary is `<tag>/…`, also when the JSON around it was escaped or printed by another language.
      codePatterns: [{ pattern: /error_summary[^a-z\n]{0,40}?\b([a-z]+(?:_[a-z]+)+)\\*\//, needle: 'error_summary' }],
      source: 'https://www.dropbox.com/developers/documentation/http/documentation',
    },
    { id: 'box', name: 'Box', hosts: ['api.box.com', 'account.box.com'], source: 'https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/' },
    {
      id: 'zoom',
      name: 'Zoom',
      hosts: ['zoom.us', 'api.zoom.us'],
      // The REST API's `{"code":124,"message":…}`, claimed only where the text names Zoom.
      codePatterns: [{ pattern: /zoom[\s\S]{0,400}?["']?code\\*["']?\s*(?::|=>)\s*(\d{3,4})\b/i, needle: 'zoom' }],
      source: 'https://developers.zoom.us/docs/api/rest/error-definitions/',
    },
    { id: 'spotify', name: 'Spotify', hosts: ['accounts.spotify.com', 'api.spotify.com'], source: 'https://developer.spotify.com/documentation/web-api/concepts/api-calls' },
    { id: 'discord', name: 'Discord', hosts: ['discord.com', 'discordapp.com'], source: 'https://discord.com/developers/docs/topics/opcodes-and-status-codes' },
    { id: 'twitch', name: 'Twitch', hosts: ['id.twitch.tv', 'api.twitch.tv'], source: 'https://dev.twitch.tv/docs/authentication/' },
    { id: 'atlassian', name: 'Atlassian (OAuth 2.0 3LO)', hosts: ['auth.atlassian.com', 'api.atlassian.com'], source: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/' },
    { id: 'strava', name: 'Strava', hosts: ['www.strava.com'], source: 'https://developers.strava.com/docs/authentication/' },
    { id: 'etrade', name: 'E*TRADE', hosts: ['api.etrade.com', 'apisb.etrade.com', 'us.etrade.com'], requestTokenLifetimeSec: 300, signatureMethods: ['HMAC-SHA1'], source: 'https://apisb.etrade.com/docs/api/authorization/request_token.html',
      notes: {
        en: 'E*TRADE request tokens expire after 5 minutes; access tokens expire at midnight US Eastern time and go inactive after two hours without use (renew_access_token revives them).',
        ja: 'E*TRADE のリクエスト・トークンは 5 分で失効します。アクセス・トークンは米国東部時間の深夜 0 時に失効し、2 時間使われないと非アクティブになります（renew_access_token で復活します）。',
      } },
    // Cloud APIs whose own codes people paste beside OAuth errors (knowledge/provider-codes/cloud-apis.ts); no hosts: an OAuth answer from their sign-in services keeps its own reading.
    {
      id: 'aws',
      name: 'Amazon Web Services (Signature Version 4, IAM, STS, S3)',
      hosts: [],
      // How the SDKs print a code (only codes with a row are claimed): botocore/AWS CLI `An error occurred (ExpiredToken) when calling …`,
      // aws-sdk-go-v2 `api error ExpiredToken: …`, the Java SDK `(Service: …; Status Code: 403; Error Code: AccessDenied; …)`,
      // S3's XML `<Code>AccessDenied</Code>`, the JSON protocols' `"__type":"…#ExpiredTokenException"` and query protocol's `"Code":"…"`.
      codePatterns: [
        { pattern: /An error occurred \(([A-Za-z]+)\)/, needle: 'an error occurred (' },
        { pattern: /\bapi error ([A-Z][A-Za-z]+):/, needle: 'api error ' },
        { pattern: /\bError Code: ([A-Z][A-Za-z]+)\b/, needle: 'error code: ' },
        { pattern: /<Code>([A-Za-z]+)<\/Code>/, needle: '<code>' },
        { pattern: /"__type"\s*:\s*"(?:[\w.:-]+#)?([A-Za-z]+)"/, needle: '__type' },
        { pattern: /"Code"\s*:\s*"([A-Za-z]+)"/, needle: '"code"' },
        // The JavaScript SDKs name the error by its code: `ExpiredToken: The security token …`, `ExpiredTokenException: …`.
        { pattern: /(?:^|[\s\]])([A-Z][a-z]+(?:[A-Z][a-z]+)+): /, needle: ': ' },
      ],
      source: 'https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html',
    },
    {
      id: 'azure',
      name: 'Microsoft Azure (Resource Manager, Microsoft Graph, Storage)',
      hosts: [],
      // The Azure CLI and SDKs print `(AuthorizationFailed) The client …` and `Code: AuthorizationFailed`; only codes with a row are claimed.
      codePatterns: [
        { pattern: /(?:^|\s)\(([A-Z][A-Za-z_]+)\)\s/, needle: ')' },
        // `Code: AuthorizationFailed` (Azure CLI), `Error code: InvalidAuthenticationToken` (the Graph SDKs).
        { pattern: /\b[Cc]ode: ([A-Z][A-Za-z_]+)\b/, needle: 'code: ' },
      ],
      source: 'https://learn.microsoft.com/en-us/graph/errors',
    },
    { id: 'lti', name: 'LTI 1.0/1.1 tool launch (OAuth 1.0a body signing)', hosts: [], signatureMethods: ['HMAC-SHA1'], source: 'https://www.imsglobal.org/specs/ltiv1p1/implementation-guide',
      notes: {
        en: 'An LTI 1.x launch is a form POST signed with OAuth 1.0a (HMAC-SHA1) by the platform; the tool checks it with the shared key and secret. The URL signed is the launch URL the platform knows: behind a proxy or load balancer the tool must check against the same scheme, host and port.',
        ja: 'LTI 1.x の起動は、プラットフォームが OAuth 1.0a（HMAC-SHA1）で署名したフォーム POST です。ツールは共有のキーとシークレットで検証します。署名される URL はプラットフォームが知る起動 URL なので、プロキシやロードバランサの後ろではツールも同じスキーム、ホスト、ポートで検証する必要があります。',
      } },
  ];
}

/** GitHub's token-endpoint and device-flow codes (its troubleshooting pages); redirect_uri_mismatch is left out: Google sends it too. */
const GITHUB_OWN_CODES = ['bad_verification_code', 'bad_refresh_token', 'incorrect_client_credentials', 'unverified_user_email', 'incorrect_device_code', 'device_flow_disabled'];
