import type { ProviderCodeRecord } from '../types.js';
import { oauth2Row, type OAuth2RowSpec } from './oauth2-row.js';

/**
 * Google's OAuth 2.0 dialect: the token endpoint's `error_description`
 * wordings (stable for years, quoted in countless reports), the
 * "Error 400: redirect_uri_mismatch" kind of sign-in page, and the JSON
 * `error.status` of Google APIs (google.rpc.Status).
 */
const TOKEN = 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code';
const PAGES = 'https://developers.google.com/identity/protocols/oauth2/web-server#authorization-errors';
const SERVICE = 'https://developers.google.com/identity/protocols/oauth2/service-account#error-codes';
const API = 'https://cloud.google.com/apis/design/errors';

const AUTHORIZE = ['authorize'] as const;

const TOKEN_ROWS: readonly OAuth2RowSpec[] = [
  {
    code: 'invalid_grant:expired-or-revoked',
    message: 'Token has been expired or revoked.',
    error: 'invalid_grant',
    match: { error: 'invalid_grant', description: /^Token has been expired or revoked\.?$/i },
    title: ['Google: the refresh token expired or was revoked', 'Google: リフレッシュ・トークンの期限切れまたは取り消し'],
    meaning: ['Google no longer honours this refresh token: the person revoked access, it went six months unused, the password changed, more than 100 newer ones were issued, or the app\'s consent screen is in "Testing" (tokens last 7 days).', 'Google はこのリフレッシュ・トークンをもう受け付けません。利用者がアクセスを取り消した、6 か月間使われなかった、パスワードが変わった、より新しいトークンが 100 個を超えて発行された、または同意画面が「テスト」状態（トークンは 7 日）です。'],
    causes: ['expiry', 'revocation!'],
    fix: ['Send the person through consent again (access_type=offline, prompt=consent); publish the consent screen to "In production" so refresh tokens stop expiring after 7 days.', '利用者にもう一度同意してもらいます（access_type=offline、prompt=consent）。同意画面を「本番環境」に公開すれば、リフレッシュ・トークンが 7 日で失効しなくなります。'],
  },
  {
    code: 'invalid_grant:bad-request',
    message: 'Bad Request',
    error: 'invalid_grant',
    match: { error: 'invalid_grant', description: /^Bad Request$/i },
    title: ['Google: the authorization code was refused', 'Google: 認可コードが拒否された'],
    meaning: ['Google refused the code without detail. In practice: the code was exchanged already (codes are single-use), it is older than its few minutes, or the redirect_uri differs from the one used to get it.', 'Google は詳細なしにコードを拒否しました。実際には、コードが交換済み（一回限り）、数分の寿命を過ぎた、または取得時と redirect_uri が異なる、のいずれかです。'],
    causes: ['reuse', 'expiry', 'redirect-mismatch'],
  },
  {
    code: 'invalid_grant:malformed-code',
    message: 'Malformed auth code.',
    error: 'invalid_grant',
    match: { error: 'invalid_grant', description: /^Malformed auth code\.?$/i },
    title: ['Google: malformed authorization code', 'Google: 認可コードの形式が不正'],
    meaning: ['The code is not one Google issued as sent: usually it was URL-encoded twice (`4%2F0…` instead of `4/0…`), decoded once too often, or cut short.', 'コードが Google の発行したままの形ではありません。多くは二重に URL エンコードされた（`4/0…` ではなく `4%2F0…`）、デコードされすぎた、または途中で切れたものです。'],
    causes: ['invalid-parameter-value'],
  },
  {
    code: 'invalid_grant:code-redeemed',
    message: 'Code was already redeemed.',
    error: 'invalid_grant',
    match: { error: 'invalid_grant', description: /^Code was already redeemed\.?$/i },
    title: ['Google: the code was already redeemed', 'Google: コードは交換済み'],
    meaning: ['This authorization code has been exchanged once; exchange each code exactly once.', 'この認可コードはすでに一度交換されています。コードは一度だけ交換します。'],
    causes: ['reuse'],
  },
  {
    code: 'invalid_grant:code-verifier',
    message: 'Invalid code verifier. / Missing code verifier.',
    error: 'invalid_grant',
    match: { error: 'invalid_grant', description: /^(?:Invalid|Missing) code verifier\.?$/i },
    title: ['Google: PKCE code_verifier wrong or missing', 'Google: PKCE の code_verifier が誤りまたは欠落'],
    meaning: ['The authorization request carried a code_challenge, and the token request\'s code_verifier is missing or does not match it (RFC 7636 §4.6).', '認可リクエストに code_challenge があり、トークン要求の code_verifier がないか一致しません（RFC 7636 §4.6）。'],
    causes: ['pkce-verifier-mismatch'],
  },
  {
    code: 'invalid_grant:invalid-jwt-time',
    message: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    error: 'invalid_grant',
    match: { error: 'invalid_grant', description: /Token must be a short-lived token|Check your iat and exp values/i },
    title: ['Google: the service account JWT is outside its time window', 'Google: サービス・アカウントの JWT が時間枠の外'],
    meaning: ['The assertion\'s iat/exp do not bracket Google\'s clock within an hour: the machine\'s clock is off (a VM resumed from sleep, a container without NTP) or exp is more than 60 minutes after iat.', 'アサーションの iat/exp が 1 時間以内で Google の時刻を含みません。マシンの時計がずれている（スリープから復帰した VM、NTP のないコンテナ）か、exp が iat から 60 分を超えています。'],
    causes: ['clock-skew'],
    fix: ['Synchronise the clock (NTP) and set exp to at most iat + 3600.', '時計を NTP で合わせ、exp を iat + 3600 以内にします。'],
  },
  {
    code: 'invalid_grant:invalid-jwt-signature',
    message: 'Invalid JWT Signature.',
    error: 'invalid_grant',
    match: { error: 'invalid_grant', description: /^Invalid JWT Signature\.?$/i },
    title: ['Google: the service account key is not valid', 'Google: サービス・アカウントの鍵が無効'],
    meaning: ['The JWT was signed with a key Google does not hold for this service account: the key was deleted or the JSON key file belongs to another account.', 'JWT が、Google がこのサービス・アカウントについて持たない鍵で署名されています。鍵が削除されたか、JSON 鍵ファイルが別のアカウントのものです。'],
    causes: ['client-authentication'],
  },
  {
    code: 'invalid_grant:invalid-subject',
    message: 'Invalid email or User ID',
    error: 'invalid_grant',
    match: { error: 'invalid_grant', description: /^(?:Invalid email or User ID|Not a valid email or user ID\.?)$/i },
    title: ['Google: the impersonated user is not valid', 'Google: なりすまし対象のユーザーが無効'],
    meaning: ['Domain-wide delegation named a `sub` that is not a user of the Workspace domain.', 'ドメイン全体の委任で、Workspace ドメインのユーザーではない `sub` が指定されました。'],
    causes: ['app-configuration', 'user-credentials'],
  },
  {
    code: 'invalid_client:not-found',
    message: 'The OAuth client was not found.',
    error: 'invalid_client',
    status: 401,
    match: { error: 'invalid_client', description: /^The OAuth client was not found\.?$/i },
    title: ['Google: the OAuth client was not found', 'Google: OAuth クライアントが見つからない'],
    meaning: ['No OAuth client has this client_id: a typo, a client deleted in the Cloud console, or an ID from another project.', 'この client_id の OAuth クライアントがありません。誤記、Cloud コンソールで削除されたクライアント、または別のプロジェクトの ID です。'],
    causes: ['unknown-consumer'],
    legs: 'any',
  },
  {
    code: 'invalid_client:deleted',
    message: 'The OAuth client was deleted.',
    error: 'deleted_client',
    status: 401,
    match: { error: ['invalid_client', 'deleted_client'], description: /^The OAuth client was deleted\.?$/i },
    title: ['Google: the OAuth client was deleted', 'Google: OAuth クライアントが削除された'],
    meaning: ['The OAuth client was deleted in the Cloud console; restore it within 30 days or create a new one.', 'OAuth クライアントが Cloud コンソールで削除されました。30 日以内なら復元し、そうでなければ作り直します。'],
    causes: ['app-suspended', 'unknown-consumer'],
    legs: 'any',
  },
  {
    code: 'invalid_client:unauthorized',
    message: 'Unauthorized',
    error: 'invalid_client',
    status: 401,
    match: { error: 'invalid_client', description: /^Unauthorized$/i },
    title: ['Google: client secret refused', 'Google: クライアント・シークレットが拒否された'],
    meaning: ['The client_id exists but the client_secret sent with it is not its secret (a reset secret, or the secret of another client).', 'client_id は存在しますが、一緒に送った client_secret がそのシークレットではありません（再発行されたシークレット、または別のクライアントのもの）。'],
    causes: ['client-authentication'],
  },
  {
    code: 'unauthorized_client:method',
    message: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
    error: 'unauthorized_client',
    match: { error: 'unauthorized_client', description: /unauthorized to retrieve access tokens using this method/i },
    title: ['Google: client not authorised for this method or these scopes', 'Google: この方式またはスコープはクライアントに許可されていない'],
    meaning: ['Usually domain-wide delegation: the service account\'s client ID is not authorised for these scopes in the Workspace admin console.', '多くはドメイン全体の委任で、サービス・アカウントのクライアント ID が Workspace 管理コンソールでこれらのスコープを許可されていません。'],
    causes: ['app-configuration', 'insufficient-scope'],
  },
  {
    code: 'redirect_uri_mismatch',
    message: 'Bad Request (token endpoint) / The redirect URI in the request does not match the ones authorized for the OAuth client.',
    error: 'redirect_uri_mismatch',
    match: { error: 'redirect_uri_mismatch' },
    title: ['Google: redirect_uri does not match', 'Google: redirect_uri が一致しない'],
    meaning: ['The redirect_uri is not among the client\'s authorised redirect URIs (exact match), or at the token endpoint it differs from the one sent to the authorize endpoint.', 'redirect_uri がクライアントの承認済みリダイレクト URI（完全一致）にないか、トークン・エンドポイントで認可エンドポイントに送ったものと異なります。'],
    causes: ['redirect-mismatch'],
    legs: 'any',
  },
];

/** Google's sign-in error page: "Error 400: redirect_uri_mismatch", read from any text by providers-oauth2.ts. */
const PAGE_ROWS: readonly OAuth2RowSpec[] = [
  {
    code: 'page:redirect_uri_mismatch',
    message: 'Error 400: redirect_uri_mismatch',
    error: 'redirect_uri_mismatch',
    title: ['Google sign-in page: redirect_uri_mismatch', 'Google のサインイン・ページ: redirect_uri_mismatch'],
    meaning: ['Google\'s sign-in page refused the authorization request because its redirect_uri is not an authorised redirect URI of the OAuth client (exact match, scheme and port included).', 'Google のサインイン・ページが認可リクエストを拒否しました。redirect_uri が OAuth クライアントの承認済みリダイレクト URI（スキームとポートまで完全一致）にありません。'],
    causes: ['redirect-mismatch'],
    legs: AUTHORIZE,
    fix: ['Add the exact URI shown in the error details to "Authorized redirect URIs" of the OAuth client in the Google Cloud console.', 'エラー詳細に表示された URI をそのまま、Google Cloud コンソールの OAuth クライアントの「承認済みのリダイレクト URI」に追加します。'],
  },
  {
    code: 'page:admin_policy_enforced',
    message: 'Error 400: admin_policy_enforced',
    error: 'admin_policy_enforced',
    title: ['Google: blocked by the Workspace administrator', 'Google: Workspace 管理者によりブロック'],
    meaning: ['The person\'s Google Workspace administrator does not allow this app (API access controls), or not these scopes.', '利用者の Google Workspace 管理者が、このアプリ（API アクセス制御）またはこれらのスコープを許可していません。'],
    causes: ['consent-required'],
    legs: AUTHORIZE,
    party: 'user',
  },
  {
    code: 'page:org_internal',
    message: 'Error 403: org_internal',
    error: 'org_internal',
    title: ['Google: the app is internal to its organisation', 'Google: アプリは組織内専用'],
    meaning: ['The OAuth consent screen is "Internal": only accounts of the app\'s own Workspace organisation may sign in.', 'OAuth 同意画面が「内部」なので、アプリ自身の Workspace 組織のアカウントしかサインインできません。'],
    causes: ['app-configuration'],
    legs: AUTHORIZE,
  },
  {
    code: 'page:disallowed_useragent',
    message: 'Error 403: disallowed_useragent',
    error: 'disallowed_useragent',
    title: ['Google: sign-in refused in an embedded browser', 'Google: 埋め込みブラウザでのサインインが拒否された'],
    meaning: ['Google refuses OAuth in embedded web views (WebView, in-app browsers); the app must open the system browser.', 'Google は埋め込み Web ビュー（WebView、アプリ内ブラウザ）での OAuth を拒否します。アプリはシステムのブラウザを開く必要があります。'],
    causes: ['browser-interference'],
    legs: AUTHORIZE,
  },
  {
    code: 'page:access_denied',
    message: 'Error 403: access_denied',
    error: 'access_denied',
    title: ['Google: access denied (test users or unverified app)', 'Google: アクセス拒否（テスト・ユーザーまたは未確認アプリ）'],
    meaning: ['Either the person declined, or the app is in "Testing" and this account is not one of its test users ("has not completed the Google verification process").', '利用者が拒否したか、アプリが「テスト」状態でこのアカウントがテスト・ユーザーに含まれていません（「Google の確認プロセスを完了していません」）。'],
    causes: ['app-configuration', 'user-denied'],
    legs: AUTHORIZE,
  },
  {
    code: 'page:invalid_request',
    message: 'Error 400: invalid_request',
    error: 'invalid_request',
    title: ['Google: the authorization request is invalid', 'Google: 認可リクエストが不正'],
    meaning: ['A parameter of the authorization request is missing or not allowed (response_type, client_id, a loopback or out-of-band redirect Google no longer accepts).', '認可リクエストのパラメータが欠けているか許可されていません（response_type、client_id、Google が受け付けなくなったループバックや OOB のリダイレクトなど）。'],
    causes: ['missing-parameter', 'app-configuration'],
    legs: AUTHORIZE,
  },
  {
    code: 'page:invalid_client',
    message: 'Error 401: invalid_client',
    error: 'invalid_client',
    title: ['Google sign-in page: the OAuth client is unknown', 'Google のサインイン・ページ: OAuth クライアントが不明'],
    meaning: ['The client_id of the authorization request is not a Google OAuth client (a typo, a deleted client, or an API key used as client ID).', '認可リクエストの client_id が Google の OAuth クライアントではありません（誤記、削除されたクライアント、クライアント ID として使われた API キー）。'],
    causes: ['unknown-consumer'],
    legs: AUTHORIZE,
  },
  {
    code: 'page:invalid_scope',
    message: 'Error 400: invalid_scope',
    error: 'invalid_scope',
    title: ['Google: a requested scope is invalid', 'Google: 要求したスコープが不正'],
    meaning: ['A scope in the request is not a valid Google scope, or is not allowed for this kind of client.', '要求したスコープが Google の有効なスコープでないか、この種類のクライアントには許可されていません。'],
    causes: ['invalid-parameter-value', 'insufficient-scope'],
    legs: AUTHORIZE,
  },
];

/** Google APIs' JSON error (google.rpc.Status): `{"error":{"code":401,"message":…,"status":"UNAUTHENTICATED"}}`. */
const API_ROWS: readonly OAuth2RowSpec[] = [
  {
    code: 'UNAUTHENTICATED',
    message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    // The sentence names the status as surely as the code (providers-oauth2.ts codePatterns): a log line often has only the sentence.
    alias: 'Request had invalid authentication credentials',
    status: 401,
    title: ['Google API: invalid authentication credentials', 'Google API: 認証情報が無効'],
    meaning: ['The API did not accept the access token: it expired (they last an hour), was revoked, is missing, or is not an OAuth 2.0 access token (an ID token or API key sent as Bearer).', 'API がアクセス・トークンを受け付けませんでした。期限切れ（寿命は 1 時間）、取り消し、欠落、または OAuth 2.0 のアクセス・トークンではない（ID トークンや API キーを Bearer で送った）のいずれかです。'],
    causes: ['expiry', 'token-type-confusion', 'missing-parameter'],
    legs: ['resource'],
  },
  {
    // google.api.ErrorReason CREDENTIALS_MISSING (googleapis/googleapis google/api/error_reason.proto); the legacy body says `"reason": "required"` or "unauthorized".
    code: 'CREDENTIALS_MISSING',
    message: 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    alias: 'Request is missing required authentication credential',
    status: 401,
    title: ['Google API: no credential it accepts was sent', 'Google API: 受け付けられる認証情報が送られていない'],
    meaning: ['No credential reached the API, or none of the kind this method takes: the Authorization header is missing or empty (a token never fetched, a header dropped by a redirect or a proxy), or only an API key was sent where the method needs an OAuth 2.0 access token. This is not a signature problem.', 'API に認証情報が届いていないか、このメソッドが受け付ける種類のものがありません。Authorization ヘッダがない、または空（トークンを取得していない、リダイレクトやプロキシでヘッダが落ちた）か、OAuth 2.0 のアクセス・トークンが必要なメソッドに API キーだけを送っています。署名の問題ではありません。'],
    causes: ['missing-parameter', 'token-type-confusion!'],
    legs: ['resource'],
  },
  {
    code: 'ACCESS_TOKEN_EXPIRED',
    message: 'Request had invalid authentication credentials. (reason ACCESS_TOKEN_EXPIRED)',
    status: 401,
    title: ['Google API: the access token expired', 'Google API: アクセス・トークンの期限切れ'],
    meaning: ['The access token is past its hour; refresh it (or get a new one) and retry.', 'アクセス・トークンが 1 時間の寿命を過ぎました。更新（または再取得）して再試行します。'],
    causes: ['expiry'],
    legs: ['resource'],
  },
  {
    code: 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
    message: 'Request had invalid authentication credentials. (reason ACCESS_TOKEN_TYPE_UNSUPPORTED)',
    status: 401,
    title: ['Google API: not an access token this API takes', 'Google API: この API が受け付けるアクセス・トークンではない'],
    meaning: ['The Bearer value is not a Google OAuth 2.0 access token this API accepts: an ID token, a token of another issuer, or a refresh token sent as Bearer.', 'Bearer の値が、この API が受け付ける Google の OAuth 2.0 アクセス・トークンではありません。ID トークン、別の発行者のトークン、または Bearer として送ったリフレッシュ・トークンです。'],
    causes: ['token-type-confusion'],
    legs: ['resource'],
  },
  {
    code: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
    message: 'Request had insufficient authentication scopes.',
    status: 403,
    title: ['Google API: the token lacks a scope', 'Google API: トークンのスコープが不足'],
    meaning: ['The access token is valid but was not granted a scope this method needs; ask for the scope and get a new token.', 'アクセス・トークンは有効ですが、このメソッドに必要なスコープが付与されていません。スコープを要求して新しいトークンを取得します。'],
    causes: ['insufficient-scope'],
    legs: ['resource'],
  },
  {
    code: 'PERMISSION_DENIED',
    message: 'The caller does not have permission',
    status: 403,
    title: ['Google API: permission denied', 'Google API: 権限がない'],
    meaning: ['The caller is authenticated but lacks permission: the API is not enabled for the project, the account has no role on the resource, or the token lacks a scope.', '呼び出し元は認証されていますが権限がありません。プロジェクトで API が有効でない、アカウントにリソースのロールがない、またはトークンのスコープ不足です。'],
    causes: ['insufficient-scope', 'app-configuration'],
    legs: ['resource'],
  },
  {
    code: 'RESOURCE_EXHAUSTED',
    message: 'Quota exceeded / rate limit',
    status: 429,
    title: ['Google API: quota or rate limit exhausted', 'Google API: 割り当てまたはレート制限の超過'],
    meaning: ['The project used up a quota or hit a rate limit; back off and retry, or raise the quota.', 'プロジェクトが割り当てを使い切ったかレート制限に達しました。間隔を空けて再試行するか、割り当てを増やします。'],
    causes: ['rate-limited'],
    legs: ['resource'],
    party: 'client',
  },
];

export function googleProviderCodes(): readonly ProviderCodeRecord[] {
  return [
    ...TOKEN_ROWS.map((spec) => oauth2Row('google', spec.code.startsWith('invalid_grant:invalid-') || spec.code.startsWith('unauthorized_client') ? SERVICE : TOKEN, spec)),
    ...PAGE_ROWS.map((spec) => oauth2Row('google', PAGES, spec)),
    ...API_ROWS.map((spec) => oauth2Row('google', API, spec, 'envelope')),
  ];
}
