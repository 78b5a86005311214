import type { ProviderCodeRecord, ProviderRecord } from '../types.js';
import { oauth2Row, type OAuth2RowSpec } from './oauth2-row.js';

/**
 * What authorization servers and OAuth libraries write in their own logs and exceptions (issue 12): a Keycloak event
 * line, Spring Security's `OAuth2AuthenticationException: [code]`, IdentityServer's validator lines, League
 * OAuth2 Server's OAuthServerException messages. Each is read as what it is (the provider, its code, the OAuth 2.0
 * error it stands for) through these rows; the patterns that find them are the providers' `codePatterns` below.
 */
const KEYCLOAK_EVENTS = 'https://github.com/keycloak/keycloak/blob/main/server-spi-private/src/main/java/org/keycloak/events/Errors.java';
const SPRING = 'https://github.com/spring-projects/spring-security/blob/main/oauth2/oauth2-client/src/main/java/org/springframework/security/oauth2/client/web/OAuth2LoginAuthenticationFilter.java';
const IDENTITYSERVER = 'https://github.com/DuendeArchive/IdentityServer4/blob/main/src/IdentityServer4/src/Validation/Default/AuthorizeRequestValidator.cs';
const LEAGUE = 'https://github.com/thephpleague/oauth2-server/blob/master/src/Exception/OAuthServerException.php';

export function serverLogProviders(): readonly ProviderRecord[] {
  return [
    {
      id: 'spring',
      name: 'Spring Security (OAuth 2.0 client, Authorization Server)',
      hosts: [],
      // OAuth2AuthenticationException prints its OAuth2Error as `[code] description` (OAuth2Error.toString()); the login page shows `Reason: [code]`.
      codePatterns: [
        { pattern: /OAuth2AuthenticationException:?\s*\[([a-z][a-z_]{2,60})\]/, needle: 'oauth2authenticationexception' },
        { pattern: /\bReason: \[([a-z][a-z_]{2,60})\]/, needle: 'reason: [' },
      ],
      source: SPRING,
    },
    {
      id: 'identityserver',
      name: 'Duende IdentityServer / IdentityServer4',
      hosts: [],
      paths: ['/connect/authorize', '/connect/token'],
      // Its validators log one sentence at Error level, then the request as JSON: `[Error] Invalid redirect_uri: https://…`, `[ERR] Unknown client or not enabled: js`.
      codePatterns: ['error]', 'err]', 'validator', 'identityserver:'].map((needle) => ({ pattern: IDENTITYSERVER_LINE, needle })),
      source: IDENTITYSERVER,
    },
    {
      id: 'league',
      name: 'League OAuth2 Server (Laravel Passport)',
      hosts: [],
      // OAuthServerException and its message, in either order (Laravel logs the message first, the class in the context JSON).
      codePatterns: [
        { pattern: new RegExp(`OAuthServerException[^\\n]{0,300}?(${LEAGUE_MESSAGES})`), needle: 'oauthserverexception' },
        { pattern: new RegExp(`(${LEAGUE_MESSAGES})[^\\n]{0,300}?OAuthServerException`), needle: 'oauthserverexception' },
        { pattern: new RegExp(`\\bleague:(${LEAGUE_MESSAGES})`), needle: 'league:' },
      ],
      source: LEAGUE,
    },
  ];
}

/** A quote around a Keycloak event's key or value: none (older versions), `"` (newer), `\"` (the line inside a JSON log record's message). */
const Q = String.raw`(?:\\?")?`;

/**
 * Keycloak's event log line: `type=CODE_TO_TOKEN_ERROR, realmId=…, clientId=…, …, error=invalid_code` (values quoted in
 * newer versions, escaped inside a JSON log record), and the same event as JSON (the admin console's and the REST API's
 * `{"time":…,"type":"CODE_TO_TOKEN_ERROR","realmId":"…",…,"error":"invalid_code"}`). A refresh refused
 * (REFRESH_TOKEN_ERROR) is read first, by its own rows: Keycloak logs error=invalid_token when the refresh token is
 * refused at the token endpoint, which the client receives as invalid_grant (RFC 6749 §5.2; TokenEndpoint.refreshTokenGrant).
 */
export const KEYCLOAK_EVENT_PATTERNS = [
  { pattern: new RegExp(String.raw`\btype${Q}\s*[:=]\s*${Q}REFRESH_TOKEN_ERROR${Q}\s*,(?=[^\n]{0,4000}?\brealmId\b)[^\n]{0,4000}?\berror${Q}\s*[:=]\s*${Q}([a-z][a-z0-9_]{2,60})\b`), prefix: 'event:refresh:', needle: 'refresh_token_error' },
  { pattern: new RegExp(String.raw`\btype${Q}\s*[:=]\s*${Q}[A-Z][A-Z_]{1,60}_ERROR${Q}\s*,(?=[^\n]{0,4000}?\brealmId\b)[^\n]{0,4000}?\berror${Q}\s*[:=]\s*${Q}([a-z][a-z0-9_]{2,60})\b`), prefix: 'event:', needle: 'realmid' },
] as const;

// Also oauth-doctor's own qualified spelling, typed as the argument (`identityserver:No matching hashed secret found`).
const IDENTITYSERVER_LINE = /(?:\[(?:Error|ERR|Err)\]|Validator:?|\bidentityserver:)\s*"?(Invalid redirect_uri|Unknown client or not enabled|Invalid client configuration for client|Invalid grant type for client|No matching hashed secret found)\b/;

const LEAGUE_MESSAGES = [
  'The resource owner or authorization server denied the request',
  'The authorization grant type is not supported by the authorization server',
  'Client authentication failed',
  'The user credentials were incorrect',
  'The refresh token is invalid',
  'The provided authorization grant \\(e\\.g\\., authorization code, resource owner credentials\\) or refresh token is invalid',
  'The requested scope is invalid, unknown, or malformed',
  'The request is missing a required parameter',
].join('|');

const KEYCLOAK_ROWS: readonly OAuth2RowSpec[] = [
  { code: 'event:invalid_code', message: 'invalid_code', error: 'invalid_grant', title: ['Keycloak event: code not valid', 'Keycloak イベント: コードが無効'], meaning: ['Keycloak refused the authorization code at the token endpoint (the client saw invalid_grant "Code not valid"): already exchanged (codes are single-use), expired, or its session ended.', 'Keycloak がトークン・エンドポイントで認可コードを拒否しました（クライアントには invalid_grant「Code not valid」）。交換済み（一回限り）、期限切れ、またはセッションが終了しています。'], causes: ['reuse', 'expiry!'] },
  { code: 'event:expired_code', message: 'expired_code', error: 'invalid_grant', title: ['Keycloak event: code expired', 'Keycloak イベント: コードの期限切れ'], meaning: ['The code or login step outlived its lifespan before it was used.', 'コードまたはログイン手順が、使われる前に寿命を過ぎました。'], causes: ['expiry'] },
  { code: 'event:invalid_client_credentials', message: 'invalid_client_credentials', error: 'invalid_client', title: ['Keycloak event: client credentials invalid', 'Keycloak イベント: クライアント資格情報が無効'], meaning: ['The client\'s authentication failed: a wrong or missing secret, or a public client set as confidential.', 'クライアント認証に失敗しました。シークレットの誤りや欠落、または公開クライアントが機密クライアントとして設定されています。'], causes: ['client-authentication'] },
  { code: 'event:invalid_client', message: 'invalid_client', error: 'invalid_client', title: ['Keycloak event: invalid client', 'Keycloak イベント: クライアントが無効'], meaning: ['The client could not be authenticated or is not allowed this request.', 'クライアントを認証できないか、このリクエストが許されていません。'], causes: ['client-authentication', 'unknown-consumer'] },
  { code: 'event:client_not_found', message: 'client_not_found', error: 'invalid_client', title: ['Keycloak event: client not found', 'Keycloak イベント: クライアントが見つからない'], meaning: ['No client with this clientId in this realm (a wrong realm or a typo).', 'このレルムにこの clientId のクライアントがありません（レルムの誤りや綴りの誤り）。'], causes: ['unknown-consumer', 'app-configuration!'], legs: 'any' },
  { code: 'event:client_disabled', message: 'client_disabled', error: 'unauthorized_client', title: ['Keycloak event: client disabled', 'Keycloak イベント: クライアントが無効化されている'], meaning: ['The client exists but is switched off in the realm.', 'クライアントは存在しますが、レルムで無効にされています。'], causes: ['app-suspended', 'app-configuration!'], legs: 'any' },
  { code: 'event:invalid_redirect_uri', message: 'invalid_redirect_uri', error: 'invalid_request', title: ['Keycloak event: redirect_uri not valid', 'Keycloak イベント: redirect_uri が無効'], meaning: ['The redirect_uri is not among the client\'s Valid Redirect URIs (the login page says "Invalid parameter: redirect_uri").', 'redirect_uri がクライアントの有効なリダイレクト URI に含まれていません（ログイン画面には「Invalid parameter: redirect_uri」）。'], causes: ['redirect-mismatch'], legs: ['authorize'] },
  { code: 'event:invalid_user_credentials', message: 'invalid_user_credentials', error: 'invalid_grant', title: ['Keycloak event: wrong user credentials', 'Keycloak イベント: ユーザーの資格情報の誤り'], meaning: ['The username or password was wrong.', 'ユーザー名またはパスワードが誤っています。'], causes: ['user-credentials'], party: 'user', legs: 'any' },
  { code: 'event:user_not_found', message: 'user_not_found', error: 'invalid_grant', title: ['Keycloak event: user not found', 'Keycloak イベント: ユーザーが見つからない'], meaning: ['No user with this username in the realm.', 'レルムにこのユーザー名のユーザーがいません。'], causes: ['user-credentials'], party: 'user', legs: 'any' },
  { code: 'event:user_disabled', message: 'user_disabled', error: 'invalid_grant', title: ['Keycloak event: user disabled', 'Keycloak イベント: ユーザーが無効化されている'], meaning: ['The account is disabled (or temporarily locked after failed logins).', 'アカウントが無効化されています（またはログイン失敗で一時ロック）。'], causes: ['user-credentials'], party: 'user', legs: 'any', alias: 'event:user_temporarily_disabled' },
  { code: 'event:user_session_not_found', message: 'user_session_not_found', error: 'invalid_grant', title: ['Keycloak event: user session not found', 'Keycloak イベント: ユーザー・セッションが見つからない'], meaning: ['The SSO session behind the code or token ended (logout, idle or max time, a restart without persistent sessions).', 'コードやトークンの元の SSO セッションが終了しています（ログアウト、アイドル・最大時間、永続化のない再起動）。'], causes: ['session-ended'] },
  { code: 'event:session_expired', message: 'session_expired', error: 'invalid_grant', title: ['Keycloak event: session expired', 'Keycloak イベント: セッションの期限切れ'], meaning: ['The session expired before the step finished.', '手順が終わる前にセッションの期限が切れました。'], causes: ['session-ended'] },
  { code: 'event:cookie_not_found', message: 'cookie_not_found', title: ['Keycloak event: login cookie not found', 'Keycloak イベント: ログイン Cookie が見つからない'], meaning: ['The browser did not send Keycloak\'s login-session cookie back (blocked third-party or SameSite cookies, another host name, a bookmarked login page, a reload after the session ended).', 'ブラウザが Keycloak のログイン・セッション Cookie を返しませんでした（サードパーティや SameSite の Cookie のブロック、別のホスト名、ブックマークしたログイン画面、セッション終了後の再読み込み）。'], causes: ['browser-interference', 'session-ended'], legs: ['authorize'], party: 'user' },
  { code: 'event:code_verifier_missing', message: 'code_verifier_missing', error: 'invalid_grant', title: ['Keycloak event: PKCE code_verifier missing', 'Keycloak イベント: PKCE の code_verifier がない'], meaning: ['The authorization request had a code_challenge, the token request no code_verifier (RFC 7636 §4.5).', '認可リクエストに code_challenge があり、トークン要求に code_verifier がありません（RFC 7636 §4.5）。'], causes: ['pkce-verifier-mismatch'] },
  { code: 'event:invalid_code_verifier', message: 'invalid_code_verifier', error: 'invalid_grant', title: ['Keycloak event: PKCE code_verifier not valid', 'Keycloak イベント: PKCE の code_verifier が無効'], meaning: ['The code_verifier is malformed or does not match the code_challenge (RFC 7636 §4.6).', 'code_verifier の形式が誤っているか、code_challenge と一致しません（RFC 7636 §4.6）。'], causes: ['pkce-verifier-mismatch'], alias: 'event:pkce_verification_failed' },
  { code: 'event:rejected_by_user', message: 'rejected_by_user', error: 'access_denied', title: ['Keycloak event: the person declined', 'Keycloak イベント: 利用者が拒否した'], meaning: ['The person declined on the consent screen.', '利用者が同意画面で拒否しました。'], causes: ['user-denied'], legs: ['authorize'], party: 'user', alias: 'event:consent_denied' },
  { code: 'event:invalid_token', message: 'invalid_token', error: 'invalid_token', title: ['Keycloak event: token not valid', 'Keycloak イベント: トークンが無効'], meaning: ['A token presented (refresh, introspection, userinfo) is expired, revoked or not Keycloak\'s.', '提示されたトークン（リフレッシュ、イントロスペクション、userinfo）が期限切れ、失効、または Keycloak のものではありません。'], causes: ['expiry', 'revocation'], legs: 'any' },
  { code: 'event:refresh:invalid_token', message: 'type=REFRESH_TOKEN_ERROR … error=invalid_token', error: 'invalid_grant', title: ['Keycloak event: refresh token refused', 'Keycloak イベント: リフレッシュ・トークンの拒否'], meaning: ['Keycloak refused the refresh token at the token endpoint (the client saw invalid_grant: "Token is not active", "Session not active", "Stale token", "Invalid refresh token"): the SSO session behind it ended (idle or max time, logout, a restart without persistent sessions), the token expired, or with refresh-token rotation an older one was used again.', 'Keycloak がトークン・エンドポイントでリフレッシュ・トークンを拒否しました（クライアントには invalid_grant「Token is not active」「Session not active」「Stale token」「Invalid refresh token」）。元の SSO セッションが終了した（アイドル・最大時間、ログアウト、永続化のない再起動）、トークンの期限切れ、またはローテーション有効時に古いトークンを再使用しました。'], causes: ['session-ended', 'expiry!', 'reuse'] },
  { code: 'event:refresh:invalid_client_credentials', message: 'type=REFRESH_TOKEN_ERROR … error=invalid_client_credentials', error: 'invalid_client', title: ['Keycloak event: client credentials invalid on refresh', 'Keycloak イベント: 更新時のクライアント資格情報が無効'], meaning: ['The refresh request\'s client authentication failed: a wrong or missing secret.', 'リフレッシュ要求のクライアント認証に失敗しました。シークレットの誤りや欠落です。'], causes: ['client-authentication'] },
  { code: 'event:invalid_request', message: 'invalid_request', error: 'invalid_request', title: ['Keycloak event: invalid request', 'Keycloak イベント: 不正なリクエスト'], meaning: ['A parameter is missing or not valid for this endpoint.', 'パラメータが欠けているか、このエンドポイントには不正です。'], causes: ['missing-parameter', 'invalid-parameter-value'], legs: 'any' },
  { code: 'event:not_allowed', message: 'not_allowed', error: 'unauthorized_client', title: ['Keycloak event: not allowed', 'Keycloak イベント: 許可されていない'], meaning: ['The client is not allowed this flow or grant (its settings: Standard flow, Direct access grants, Service accounts…).', 'クライアントにこのフローやグラントが許されていません（設定: Standard flow、Direct access grants、Service accounts など）。'], causes: ['app-configuration'], legs: 'any' },
];

const SPRING_ROWS: readonly OAuth2RowSpec[] = [
  { code: 'authorization_request_not_found', message: '[authorization_request_not_found]', title: ['Spring Security: the saved authorization request is gone', 'Spring Security: 保存した認可リクエストが見つからない'], meaning: ['The callback arrived but the authorization request saved in the HTTP session (with its state) was not found: the session cookie did not come back (localhost vs 127.0.0.1, SameSite, several instances without shared sessions) or the callback is a replay.', 'コールバックは届きましたが、HTTP セッションに保存した認可リクエスト（state を含む）が見つかりません。セッション Cookie が戻っていない（localhost と 127.0.0.1、SameSite、共有セッションのない複数インスタンス）か、コールバックの再送です。'], causes: ['browser-interference', 'state-mismatch!'], legs: ['callback'] },
  { code: 'invalid_state_parameter', message: '[invalid_state_parameter]', title: ['Spring Security: state does not match', 'Spring Security: state が一致しない'], meaning: ['The callback\'s state is not the one of the saved authorization request (RFC 6749 §10.12).', 'コールバックの state が、保存した認可リクエストのものと一致しません（RFC 6749 §10.12）。'], causes: ['state-mismatch', 'browser-interference'], legs: ['callback'] },
  { code: 'client_registration_not_found', message: '[client_registration_not_found]', title: ['Spring Security: no client registration', 'Spring Security: クライアント登録がない'], meaning: ['The registrationId in the callback path names no spring.security.oauth2.client.registration entry.', 'コールバックのパスの registrationId に対応する spring.security.oauth2.client.registration の設定がありません。'], causes: ['app-configuration'], legs: ['callback'] },
  { code: 'invalid_id_token', message: '[invalid_id_token]', title: ['Spring Security: ID token refused', 'Spring Security: ID トークンの拒否'], meaning: ['The ID token failed validation: its signature (algorithm or key from the JWK set), issuer, audience, or its time claims (exp, iat) against this clock (OpenID Connect Core §3.1.3.7).', 'ID トークンの検証に失敗しました。署名（アルゴリズムや JWK セットの鍵）、発行者、対象者、またはこの時計に対する時刻クレーム（exp、iat）です（OpenID Connect Core §3.1.3.7）。'], causes: ['app-configuration', 'clock-skew!'], legs: ['access_token'] },
  { code: 'invalid_nonce', message: '[invalid_nonce]', title: ['Spring Security: nonce does not match', 'Spring Security: nonce が一致しない'], meaning: ['The ID token\'s nonce is not the one sent with the authorization request: the saved request was lost or belongs to another attempt.', 'ID トークンの nonce が認可リクエストで送ったものと一致しません。保存したリクエストが失われたか、別の試行のものです。'], causes: ['state-mismatch', 'browser-interference'], legs: ['access_token'] },
  { code: 'invalid_token_response', message: '[invalid_token_response]', title: ['Spring Security: the token request failed', 'Spring Security: トークン要求の失敗'], meaning: ['The token endpoint refused the code exchange or answered something Spring could not read; the status and body follow the code (a 401 is the client\'s authentication).', 'トークン・エンドポイントがコード交換を拒否したか、Spring の読めない応答を返しました。コードの後にステータスと本文が続きます（401 はクライアント認証）。'], causes: ['client-authentication', 'app-configuration'], legs: ['access_token'] },
  { code: 'invalid_user_info_response', message: '[invalid_user_info_response]', title: ['Spring Security: the UserInfo request failed', 'Spring Security: UserInfo 要求の失敗'], meaning: ['The UserInfo endpoint refused the access token or answered without the user-name attribute configured.', 'UserInfo エンドポイントがアクセス・トークンを拒否したか、設定したユーザー名属性のない応答を返しました。'], causes: ['insufficient-scope', 'app-configuration'], legs: ['resource'] },
  { code: 'missing_signature_verifier', message: '[missing_signature_verifier]', title: ['Spring Security: no key to check the ID token', 'Spring Security: ID トークンを検証する鍵がない'], meaning: ['No jwk-set-uri (or client secret for HS256) is configured to verify the ID token\'s signature.', 'ID トークンの署名を検証する jwk-set-uri（HS256 ならクライアント・シークレット）が設定されていません。'], causes: ['app-configuration'], legs: ['access_token'] },
];

const SPRING_STATE: ReadonlySet<string> = new Set(['authorization_request_not_found', 'invalid_state_parameter', 'invalid_nonce']);

const IDENTITYSERVER_ROWS: readonly OAuth2RowSpec[] = [
  { code: 'Invalid redirect_uri', message: 'Invalid redirect_uri: <uri>', error: 'invalid_request', title: ['IdentityServer: redirect_uri not registered', 'IdentityServer: redirect_uri が未登録'], meaning: ['The redirect_uri is not in the client\'s RedirectUris, compared as an exact string (scheme, host, port, path, trailing slash); the log\'s JSON beside it shows AllowedRedirectUris.', 'redirect_uri がクライアントの RedirectUris に含まれていません（スキーム、ホスト、ポート、パス、末尾のスラッシュまで文字列として比較）。横の JSON に AllowedRedirectUris が出ます。'], causes: ['redirect-mismatch'], legs: ['authorize'] },
  { code: 'Unknown client or not enabled', message: 'Unknown client or not enabled: <client_id>', error: 'unauthorized_client', title: ['IdentityServer: unknown or disabled client', 'IdentityServer: 未知または無効なクライアント'], meaning: ['No enabled client with this client_id (a typo, the wrong store, Enabled = false, or a client configuration refused just before: "Invalid client configuration for client").', 'この client_id の有効なクライアントがありません（綴りの誤り、別のストア、Enabled = false、または直前に「Invalid client configuration for client」で設定が拒否された）。'], causes: ['unknown-consumer', 'app-configuration!'], legs: 'any' },
  { code: 'Invalid client configuration for client', message: 'Invalid client configuration for client <id>: <reason>', error: 'unauthorized_client', title: ['IdentityServer: client configuration refused', 'IdentityServer: クライアント設定の拒否'], meaning: ['The client\'s own settings did not validate (no redirect URI, an invalid CORS origin…); the reason follows the colon.', 'クライアント自身の設定が検証に通りませんでした（リダイレクト URI がない、CORS オリジンが不正など）。理由はコロンの後に続きます。'], causes: ['app-configuration'], legs: 'any' },
  { code: 'Invalid grant type for client', message: 'Invalid grant type for client: <grant>', error: 'unauthorized_client', title: ['IdentityServer: grant type not allowed', 'IdentityServer: 許可されていないグラント種別'], meaning: ['The client\'s AllowedGrantTypes do not include this grant (RFC 6749 §5.2 unauthorized_client).', 'クライアントの AllowedGrantTypes にこのグラントが含まれていません（RFC 6749 §5.2 unauthorized_client）。'], causes: ['app-configuration'], legs: 'any' },
  { code: 'No matching hashed secret found', message: 'No matching hashed secret found.', error: 'invalid_client', title: ['IdentityServer: client secret does not match', 'IdentityServer: クライアント・シークレットの不一致'], meaning: ['The secret sent matches none of the client\'s stored (hashed) secrets: a wrong secret, or one stored without .Sha256().', '送られたシークレットが、保存された（ハッシュ化された）どのシークレットとも一致しません。シークレットの誤り、または .Sha256() なしで保存されたものです。'], causes: ['client-authentication'] },
];

const LEAGUE_ROWS: readonly OAuth2RowSpec[] = [
  { code: 'The resource owner or authorization server denied the request', message: 'The resource owner or authorization server denied the request.', error: 'access_denied', title: ['League OAuth2 Server: access denied', 'League OAuth2 Server: アクセス拒否'], meaning: ['The person declined the authorization (or the server refused on their behalf), RFC 6749 §4.1.2.1.', '利用者が認可を拒否した（またはサーバが代わりに拒否した）ものです（RFC 6749 §4.1.2.1）。'], causes: ['user-denied'], legs: ['authorize', 'callback'], party: 'user' },
  { code: 'The authorization grant type is not supported by the authorization server', message: 'The authorization grant type is not supported by the authorization server.', error: 'unsupported_grant_type', title: ['League OAuth2 Server: grant type not supported', 'League OAuth2 Server: 未対応のグラント種別'], meaning: ['No enabled grant answers this grant_type: the grant is not enabled on the server (Passport\'s password grant, a custom grant not registered), or grant_type did not arrive (a JSON body where a form was expected, a typo).', 'この grant_type に応えるグラントが有効になっていません。サーバでそのグラントが有効でない（Passport のパスワード・グラント、未登録のカスタム・グラント）か、grant_type が届いていません（フォームの代わりの JSON 本文、綴りの誤り）。'], causes: ['app-configuration', 'missing-parameter!'] },
  { code: 'Client authentication failed', message: 'Client authentication failed', error: 'invalid_client', status: 401, title: ['League OAuth2 Server: client authentication failed', 'League OAuth2 Server: クライアント認証の失敗'], meaning: ['The client_id is unknown or the client_secret does not match (or a confidential client sent none).', 'client_id が未知か、client_secret が一致しません（または機密クライアントが送っていません）。'], causes: ['client-authentication', 'unknown-consumer'] },
  { code: 'The user credentials were incorrect', message: 'The user credentials were incorrect.', error: 'invalid_grant', title: ['League OAuth2 Server: wrong user credentials', 'League OAuth2 Server: ユーザーの資格情報の誤り'], meaning: ['The password grant\'s username or password is wrong.', 'パスワード・グラントのユーザー名またはパスワードが誤っています。'], causes: ['user-credentials'], party: 'user' },
  { code: 'The refresh token is invalid', message: 'The refresh token is invalid.', error: 'invalid_grant', title: ['League OAuth2 Server: refresh token invalid', 'League OAuth2 Server: リフレッシュ・トークンが無効'], meaning: ['The refresh token is revoked (each refresh revokes the one used), expired, or was issued to another client; its hint says which.', 'リフレッシュ・トークンが失効（更新のたびに使ったものは失効）、期限切れ、または別のクライアントに発行されたものです。ヒントにどれかが出ます。'], causes: ['revocation', 'reuse!', 'expiry'] },
  { code: 'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid', message: 'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.', error: 'invalid_grant', title: ['League OAuth2 Server: grant invalid', 'League OAuth2 Server: グラントが無効'], meaning: ['RFC 6749 §5.2 invalid_grant in full; the hint beside it names the check that failed.', 'RFC 6749 §5.2 の invalid_grant そのままの文です。横のヒントが失敗した検査を示します。'], causes: ['reuse', 'expiry!', 'redirect-mismatch'] },
  { code: 'The requested scope is invalid, unknown, or malformed', message: 'The requested scope is invalid, unknown, or malformed', error: 'invalid_scope', title: ['League OAuth2 Server: scope invalid', 'League OAuth2 Server: スコープが無効'], meaning: ['A scope asked for is not registered on the server or not allowed for this client.', '要求したスコープがサーバに登録されていないか、このクライアントに許されていません。'], causes: ['insufficient-scope', 'app-configuration!'] },
  { code: 'The request is missing a required parameter', message: 'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.', error: 'invalid_request', title: ['League OAuth2 Server: invalid request', 'League OAuth2 Server: 不正なリクエスト'], meaning: ['A parameter is missing or not valid; the hint beside it names which ("Check the `code` parameter").', 'パラメータが欠けているか不正です。横のヒントがどれかを示します（「Check the `code` parameter」）。'], causes: ['missing-parameter', 'invalid-parameter-value'] },
];

export function serverLogProviderCodes(): readonly ProviderCodeRecord[] {
  return [
    ...KEYCLOAK_ROWS.map((spec) => oauth2Row('keycloak', KEYCLOAK_EVENTS, spec, 'envelope')),
    // The state and nonce checks are the flow's own (RFC 6749 §10.12): read as the state mismatch they are, Spring's meaning laid over.
    ...SPRING_ROWS.map((spec) => ({ ...oauth2Row('spring', SPRING, spec, 'envelope'), ...(SPRING_STATE.has(spec.code) ? { maps: 'flow:state-mismatch' } : {}) })),
    ...IDENTITYSERVER_ROWS.map((spec) => oauth2Row('identityserver', IDENTITYSERVER, spec, 'envelope')),
    ...LEAGUE_ROWS.map((spec) => oauth2Row('league', LEAGUE, spec, 'envelope')),
  ];
}
