import { lazy } from './lazy.js';
import { providers } from './providers.js';
import { realWorldProviderCodes } from './provider-codes-real-world.js';
import { apiProviderCodes } from './provider-codes/api-providers.js';
import { cloudApiProviderCodes } from './provider-codes/cloud-apis.js';
import { entraProviderCodes } from './provider-codes/entra.js';
import { envelopeProviderCodes } from './provider-codes/envelopes.js';
import { googleProviderCodes } from './provider-codes/google.js';
import { appleProviderCodes, identityProviderCodes } from './provider-codes/identity-providers.js';
import { serverLogProviderCodes } from './provider-codes/server-logs.js';
import { clientLibraryProviderCodes } from './provider-codes/client-libraries.js';
import { oauth1ProviderCodes } from './provider-codes/oauth1-providers.js';
import { xV2ProviderCodes } from './provider-codes-x-v2.js';
import type { ProblemOverlay, ProviderCodeRecord } from './types.js';

/** NetSuite says only "invalid login" for most TBA failures; the Login Audit Trail has the reason [N1][N3]. */
const NETSUITE_INVALID_LOGIN: ProblemOverlay = {
  title: { en: 'NetSuite: invalid login attempt', ja: 'NetSuite: 無効なログイン試行' },
  meaning: {
    en: 'NetSuite refused the token-based login without saying why here; the Login Audit Trail in the NetSuite UI records the reason.',
    ja: 'NetSuite がトークン・ベース認証のログインを拒否しました。理由はここでは示されず、NetSuite 画面のログイン監査証跡（Login Audit Trail）に記録されます。',
  },
  legs: ['resource'],
  party: 'client',
  usualStatus: 401,
  causes: [
    { id: 'wrong-realm', prior: 'likely' },
    { id: 'wrong-secret', prior: 'likely' },
    { id: 'signature-base-mismatch', prior: 'possible' },
    { id: 'wrong-signature-method', prior: 'possible' },
    { id: 'clock-skew', prior: 'possible' },
    { id: 'revocation', prior: 'possible' },
    { id: 'unknown-consumer', prior: 'possible' },
  ],
  fixes: [{ for: 'developer', text: { en: 'Open Setup → Users/Roles → View Login Audit Trail in NetSuite to see the detail for this attempt.', ja: 'NetSuite のログイン監査証跡（Setup → Users/Roles → View Login Audit Trail）で、この試行の詳細を確認します。' } }],
};

/**
 * Providers' own codes mapped onto the standard vocabulary
 * (a row's `source` says where its facts come from: the provider's
 * documentation or a public issue thread quoting its answer). A row whose code is a
 * standard value adds what that provider means by it. A row without `maps`
 * stands alone: its overlay is the whole explanation.
 */
export const providerCodes = lazy((): readonly ProviderCodeRecord[] => [
  // ── X / Twitter: v1.1 JSON `{"errors":[{"code":…,"message":…}]}` [T1][T4]
  {
    provider: 'x',
    code: '32',
    message: 'Could not authenticate you',
    status: 401,
    maps: 'signature_invalid',
    overlay: {
      title: { en: 'X could not authenticate the request', ja: 'X がリクエストを認証できなかった' },
      meaning: {
        en: 'X\'s catch-all for OAuth data it could not verify: the signature, the keys, the token or the timestamp.',
        ja: 'X が検証できなかった OAuth データ全般を表す包括的なエラーです（署名、キー、トークン、タイムスタンプのいずれか）。',
      },
      causes: [
        { id: 'wrong-secret', prior: 'likely' },
        { id: 'signature-base-mismatch', prior: 'likely' },
        { id: 'host-mismatch', prior: 'possible' },
        { id: 'clock-skew', prior: 'possible' },
        { id: 'revocation', prior: 'possible' },
      ],
    },
  },
  {
    provider: 'x',
    code: '89',
    message: 'Invalid or expired token',
    status: 401,
    maps: 'token_rejected',
    overlay: {
      title: { en: 'X: invalid or expired token', ja: 'X: トークンが無効または期限切れ' },
      meaning: {
        en: 'X did not accept the token. X access tokens do not expire: they die when the person revokes the app or X suspends it, so on API calls revocation is the usual reading; on the OAuth legs it is a used or old request token.',
        ja: 'X がトークンを受け入れませんでした。X のアクセス・トークンは期限切れにならず、利用者の取り消しやアプリの停止で無効になるため、API 呼び出しでは取り消しが通常の解釈です。OAuth の各レッグでは使用済みまたは古いリクエスト・トークンです。',
      },
      causes: [
        { id: 'revocation', prior: 'likely' },
        { id: 'reuse', prior: 'possible' },
        { id: 'expiry', prior: 'possible' },
        { id: 'token-type-confusion', prior: 'possible' },
        { id: 'host-mismatch', prior: 'possible' },
      ],
    },
  },
  {
    provider: 'x',
    code: '88',
    message: 'Rate limit exceeded',
    status: 429,
    maps: 'consumer_key_refused',
    overlay: {
      title: { en: 'X: rate limit exceeded', ja: 'X: レート制限超過' },
      causes: [{ id: 'rate-limited', prior: 'likely' }],
    },
  },
  {
    provider: 'x',
    code: '99',
    message: 'Unable to verify your credentials',
    status: 403,
    maps: 'token_rejected',
    overlay: {
      title: { en: 'X: unable to verify your credentials', ja: 'X: クレデンシャルを検証できない' },
      meaning: { en: 'X could not verify the credentials; check that the token is still valid.', ja: 'X がクレデンシャルを検証できませんでした。トークンがまだ有効か確認してください。' },
    },
  },
  {
    provider: 'x',
    code: '135',
    message: 'Could not authenticate you (Timestamp out of bounds)',
    status: 401,
    maps: 'timestamp_refused',
    overlay: {
      meaning: {
        en: 'X refused the oauth_timestamp: the client clock has drifted. X does not publish its window and sends no oauth_acceptable_timestamps; compare with the response Date header.',
        ja: 'X が oauth_timestamp を拒否しました。クライアントの時計がずれています。X は許容幅を公開しておらず oauth_acceptable_timestamps も返さないため、レスポンスの Date ヘッダと比べます。',
      },
    },
  },
  {
    provider: 'x',
    code: '215',
    message: 'Bad authentication data',
    status: 400,
    maps: 'parameter_absent',
    overlay: {
      title: { en: 'X: bad authentication data', ja: 'X: 認証データが不正' },
      meaning: {
        en: 'The endpoint requires authentication and the OAuth data was missing or wholly unreadable.',
        ja: '認証が必要なエンドポイントで、OAuth のデータがないか、まったく読めませんでした。',
      },
      causes: [
        { id: 'missing-parameter', prior: 'likely' },
        { id: 'malformed-header', prior: 'likely' },
      ],
    },
  },
  {
    provider: 'x',
    code: '220',
    message: 'Your credentials do not allow access to this resource',
    status: 403,
    overlay: {
      title: { en: 'X: these credentials do not allow access to this resource', ja: 'X: このクレデンシャルではこのリソースにアクセスできない' },
      meaning: {
        en: 'The token is valid but restricted: it does not carry access to this endpoint.',
        ja: 'トークンは有効ですが制限されており、このエンドポイントへのアクセス権がありません。',
      },
      legs: ['resource'],
      party: 'client',
      usualStatus: 403,
      causes: [{ id: 'insufficient-scope', prior: 'likely' }],
      fixes: [],
    },
  },
  {
    provider: 'x',
    code: '261',
    message: 'Application cannot perform write actions',
    status: 403,
    overlay: {
      title: { en: 'X: the application cannot perform write actions', ja: 'X: アプリケーションが書き込み操作を行えない' },
      meaning: {
        en: 'X has restricted the application: it may not write (post, follow, …).',
        ja: 'X がアプリケーションを制限しており、書き込み（投稿、フォローなど）ができません。',
      },
      legs: ['resource'],
      party: 'provider',
      usualStatus: 403,
      causes: [
        { id: 'app-suspended', prior: 'likely' },
        { id: 'insufficient-scope', prior: 'possible' },
      ],
      fixes: [],
    },
  },
  {
    provider: 'x',
    code: '415',
    message: 'Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings',
    status: 403,
    overlay: {
      title: { en: 'X: callback URL not approved', ja: 'X: コールバック URL が承認されていない' },
      meaning: {
        en: 'The oauth_callback sent with the request-token request is not among the callback URLs approved in the app settings.',
        ja: 'リクエスト・トークン要求で送った oauth_callback が、アプリ設定で承認されたコールバック URL に含まれていません。',
      },
      legs: ['request_token'],
      party: 'client',
      usualStatus: 403,
      causes: [{ id: 'callback-not-approved', prior: 'likely' }],
      fixes: [],
    },
  },
  {
    provider: 'x',
    code: '416',
    message: 'Invalid / suspended application',
    status: 401,
    maps: 'consumer_key_rejected',
    overlay: {
      title: { en: 'X: invalid or suspended application', ja: 'X: アプリケーションが無効または停止中' },
      causes: [
        { id: 'app-suspended', prior: 'likely' },
        { id: 'unknown-consumer', prior: 'possible' },
      ],
    },
  },
  {
    provider: 'x',
    code: '417',
    message: 'Desktop applications only support the oauth_callback value \'oob\'',
    status: 401,
    overlay: {
      title: { en: 'X: desktop applications only support oauth_callback=oob', ja: 'X: デスクトップ・アプリは oauth_callback=oob のみ対応' },
      meaning: {
        en: 'The app is registered as a desktop (PIN) application but the request sent a callback URL.',
        ja: 'アプリはデスクトップ（PIN）アプリとして登録されていますが、リクエストがコールバック URL を送りました。',
      },
      legs: ['request_token'],
      party: 'client',
      usualStatus: 401,
      causes: [{ id: 'oob-required', prior: 'likely' }],
      fixes: [],
    },
  },
  // ── X API v2: RFC 9457 problem details, `type` …/2/problems/<name> (see provider-codes-x-v2.ts)
  ...xV2ProviderCodes(),
  // ── X authorize and authenticate pages (HTML, not API errors) [T5]; the seed case.
  {
    provider: 'x',
    code: 'page:request-token-invalid',
    message: 'The request token for this page is invalid. It may have already been used, or expired because it is too old.',
    maps: 'token_rejected',
    overlay: {
      title: { en: 'X\'s authorize page rejected the request token', ja: 'X の認可ページがリクエスト・トークンを拒否した' },
      meaning: {
        en: 'The page where the person approves the app did not accept the oauth_token in its URL: X says it was used already or is too old. The fault lies with the application or with X, not with the person.',
        ja: '利用者がアプリを許可するページが、URL の oauth_token を受け付けませんでした。X は使用済みか古すぎると言っています。原因は利用者ではなく、アプリ（連携サービス）側か X 側にあります。',
      },
      legs: ['authorize'],
      party: 'client',
      causes: [
        { id: 'reuse', prior: 'likely' },
        { id: 'expiry', prior: 'possible' },
        { id: 'host-mismatch', prior: 'possible' },
        { id: 'provider-outage', prior: 'possible' },
      ],
      fixes: [
        { for: 'user', text: { en: 'Wait a while and retry from the application\'s own login button (not by reloading the X page).', ja: 'しばらく待ってから、X のページを再読み込みせず、アプリ側のログイン・ボタンからやり直してください。' } },
        {
          for: 'user',
          text: {
            en: 'If it keeps failing: in X open Settings and privacy → Security and account access → Apps and sessions → Connected apps, revoke the application, then log in to it again.',
            ja: '何度も失敗する場合: X で「設定とプライバシー」→「セキュリティとアカウントアクセス」→「アプリとセッション」→「連携しているアプリ」を開き、そのアプリの許可を取り消してから、もう一度ログインしてください。',
          },
        },
        { for: 'developer', text: { en: 'Get a fresh request token for every attempt and never send the person to a token already used; use one host (api.x.com) for all legs; if many apps fail at once, it is X.', ja: '試行ごとに新しいリクエスト・トークンを取得し、使用済みのトークンで利用者を送り出さないこと。すべてのレッグで一つのホスト（api.x.com）を使うこと。多くのアプリが同時に失敗しているなら X 側の問題です。' } },
      ],
    },
  },
  {
    provider: 'x',
    code: 'page:no-request-token',
    message: 'There is no request token for this page.',
    maps: 'parameter_absent',
    overlay: {
      title: { en: 'X\'s authorize page received no request token', ja: 'X の認可ページにリクエスト・トークンが届いていない' },
      meaning: {
        en: 'No oauth_token reached X\'s authorize page at all. This is a different failure from "the request token for this page is invalid" (a token that arrived but was refused): here the URL lost the token, or X failed (15 June 2024: almost nobody could log in for a while).',
        ja: 'X の認可ページに oauth_token がまったく届いていません。「このページのリクエスト・トークンが無効です」（届いたが拒否された）とは別の失敗で、URL からトークンが失われたか、X 側の障害です（2024 年 6 月 15 日には、しばらくほぼ誰も連携ログインできませんでした）。',
      },
      legs: ['authorize'],
      party: 'client',
      causes: [
        { id: 'missing-parameter', prior: 'likely' },
        { id: 'provider-outage', prior: 'possible' },
        { id: 'browser-interference', prior: 'possible' },
        { id: 'host-mismatch', prior: 'possible' },
      ],
      fixes: [
        { for: 'developer', text: { en: 'Build the authorize URL as https://api.x.com/oauth/authorize?oauth_token=<request token> (or /oauth/authenticate) and check that no redirect drops the query.', ja: '認可 URL を https://api.x.com/oauth/authorize?oauth_token=<リクエスト・トークン>（または /oauth/authenticate）として組み立て、リダイレクトでクエリが失われていないか確認します。' } },
      ],
    },
  },
  {
    provider: 'x',
    code: 'page:token-used',
    message: 'This page is no longer valid. It looks like someone already used the token information you provided.',
    maps: 'token_used',
    overlay: { legs: ['authorize'] },
  },
  {
    provider: 'x',
    code: 'denied',
    message: 'callback with denied=<token>',
    maps: 'permission_denied',
    overlay: {
      meaning: {
        en: 'X redirected to the callback with `denied=<request token>` instead of oauth_verifier: the person cancelled the authorization.',
        ja: 'X が oauth_verifier の代わりに `denied=<リクエスト・トークン>` を付けてコールバックしました。利用者が認可をキャンセルしました。',
      },
      legs: ['callback'],
    },
  },
  // ── Flickr [F1][F2]
  { provider: 'flickr', code: '96', message: 'Invalid signature', maps: 'signature_invalid' },
  { provider: 'flickr', code: '97', message: 'Missing signature', maps: 'parameter_absent' },
  { provider: 'flickr', code: '100', message: 'Invalid API Key', maps: 'consumer_key_unknown' },
  {
    provider: 'flickr',
    code: 'page:token-not-recognised',
    message: 'Flickr doesn\'t recognise the "oauth_token" this application is trying to use.',
    maps: 'token_rejected',
    overlay: { legs: ['authorize'] },
  },
  // ── SmugMug legacy API 1.2.2 faults [S1]; request tokens last 5 minutes and are single-use.
  { provider: 'smugmug', code: '30', message: 'expired timestamp', maps: 'timestamp_refused' },
  { provider: 'smugmug', code: '31', message: 'invalid consumer key', maps: 'consumer_key_unknown' },
  { provider: 'smugmug', code: '33', message: 'invalid/used nonce', maps: 'nonce_used' },
  { provider: 'smugmug', code: '35', message: 'invalid signature', maps: 'signature_invalid' },
  { provider: 'smugmug', code: '36', message: 'invalid/expired token', maps: 'token_rejected' },
  { provider: 'smugmug', code: '37', message: 'unsupported signature method', maps: 'signature_method_rejected' },
  { provider: 'smugmug', code: '38', message: 'unsupported version', maps: 'version_rejected' },
  {
    provider: 'smugmug',
    code: 'parameter_absent',
    message: 'parameter_absent',
    maps: 'parameter_absent',
    overlay: {
      fixes: [{ for: 'developer', text: { en: 'SmugMug: this usually means oauth_callback was not sent to a 1.0a endpoint; send it (or `oob`).', ja: 'SmugMug: 多くの場合、1.0a のエンドポイントに oauth_callback を送っていないことを意味します。送ってください（または `oob`）。' } }],
    },
  },
  // ── Magento 1 (Mage_Oauth) and Magento 2 [M1][M2]
  {
    provider: 'magento',
    code: 'unknown_problem',
    message: 'unknown_problem&code=<n>',
    overlay: {
      title: { en: 'Magento: unmapped error', ja: 'Magento: 分類されていないエラー' },
      meaning: { en: 'Magento 1 sends unknown_problem with a numeric code for errors it has no oauth_problem for.', ja: 'Magento 1 は、対応する oauth_problem がないエラーに数値の code を付けて unknown_problem を返します。' },
      legs: 'any',
      party: 'provider',
      causes: [{ id: 'provider-specific', prior: 'likely' }],
      fixes: [],
    },
  },
  {
    provider: 'magento',
    code: 'internal_error',
    message: 'internal_error&message=…',
    overlay: {
      title: { en: 'Magento: internal error', ja: 'Magento: 内部エラー' },
      meaning: { en: 'Magento 1 failed internally while handling the OAuth request; the message parameter says more.', ja: 'Magento 1 が OAuth リクエストの処理中に内部で失敗しました。message パラメータに詳細があります。' },
      legs: 'any',
      party: 'provider',
      causes: [{ id: 'provider-outage', prior: 'likely' }],
      fixes: [],
    },
  },
  {
    provider: 'magento',
    code: 'method_not_allowed',
    message: 'method_not_allowed',
    status: 405,
    overlay: {
      title: { en: 'Magento: HTTP method not allowed', ja: 'Magento: HTTP メソッドが許可されていない' },
      meaning: { en: 'Magento 2 does not allow this HTTP method on the OAuth endpoint.', ja: 'Magento 2 は OAuth エンドポイントでこの HTTP メソッドを許可していません。' },
      legs: 'any',
      party: 'client',
      usualStatus: 405,
      causes: [{ id: 'wrong-endpoint', prior: 'likely' }],
      fixes: [],
    },
  },
  { provider: 'magento', code: 'consumer_key_invalid', message: 'consumer_key_invalid', status: 403, maps: 'consumer_key_unknown' },
  {
    provider: 'magento',
    code: 'token_used',
    message: 'token_used',
    maps: 'token_used',
    overlay: {
      meaning: {
        en: 'Magento request tokens are single-use: token_used means this token was already authorized or exchanged (Magento does not implement token expiry, so it is not age).',
        ja: 'Magento のリクエスト・トークンは一回限りで、token_used はこのトークンが認可済みまたは交換済みであることを意味します（Magento はトークンの期限を実装していないため、古さが原因ではありません）。',
      },
      causes: [{ id: 'reuse', prior: 'likely' }],
    },
  },
  {
    provider: 'magento',
    code: 'timestamp_refused',
    message: 'timestamp_refused',
    maps: 'timestamp_refused',
    overlay: {
      meaning: {
        en: 'Magento 1 refuses a timestamp ≤ 0 or more than 600 s in the future; it does not check the past. So the client clock is ahead, or the value is not seconds.',
        ja: 'Magento 1 は 0 以下、または 600 秒より未来のタイムスタンプを拒否し、過去は確認しません。クライアントの時計が進んでいるか、値が秒単位ではありません。',
      },
    },
  },
  // ── NetSuite token-based authentication [N1][N2][N3]
  { provider: 'netsuite', code: 'INVALID_LOGIN', message: 'Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI', status: 401, overlay: NETSUITE_INVALID_LOGIN },
  { provider: 'netsuite', code: 'INVALID_LOGIN_ATTEMPT', message: 'Invalid login attempt (RESTlet)', status: 401, overlay: NETSUITE_INVALID_LOGIN },
  { provider: 'netsuite', code: 'InvalidSignature', message: 'InvalidSignature', maps: 'signature_invalid' },
  {
    provider: 'netsuite',
    code: 'InvalidTimestamp',
    message: 'InvalidTimestamp',
    maps: 'timestamp_refused',
    overlay: { meaning: { en: 'NetSuite accepts oauth_timestamp within ±5 minutes of its clock.', ja: 'NetSuite はサーバ時刻の前後 5 分以内の oauth_timestamp を受け付けます。' } },
  },
  { provider: 'netsuite', code: 'NonceUsed', message: 'NonceUsed', maps: 'nonce_used' },
  {
    provider: 'netsuite',
    code: 'nonce_rejected',
    message: 'nonce_rejected',
    maps: 'parameter_rejected',
    overlay: {
      title: { en: 'NetSuite: nonce rejected', ja: 'NetSuite: nonce が拒否された' },
      meaning: { en: 'NetSuite rejects an oauth_nonce shorter than 6 characters.', ja: 'NetSuite は 6 文字未満の oauth_nonce を拒否します。' },
      causes: [{ id: 'invalid-parameter-value', prior: 'likely' }],
    },
  },
  {
    provider: 'netsuite',
    code: 'consumer_key_refused',
    message: 'consumer_key_refused',
    maps: 'consumer_key_refused',
    overlay: {
      meaning: { en: 'NetSuite refuses the consumer key: the integration record is blocked.', ja: 'NetSuite がコンシューマ・キーを拒否しました。インテグレーション・レコードがブロックされています。' },
      causes: [{ id: 'app-suspended', prior: 'likely' }],
    },
  },
  {
    provider: 'netsuite',
    code: 'FeatureDisabled',
    message: 'FeatureDisabled',
    overlay: {
      title: { en: 'NetSuite: feature disabled', ja: 'NetSuite: 機能が無効' },
      meaning: { en: 'A feature the request needs (such as token-based authentication) is not enabled for the account.', ja: 'リクエストに必要な機能（トークン・ベース認証など）がアカウントで有効になっていません。' },
      legs: 'any',
      party: 'provider',
      causes: [{ id: 'app-suspended', prior: 'likely' }],
      fixes: [{ for: 'developer', text: { en: 'Enable the feature under Setup → Company → Enable Features (SuiteCloud), or ask the account administrator.', ja: 'Setup → Company → Enable Features（SuiteCloud）で機能を有効にするか、アカウント管理者に依頼します。' } }],
    },
  },
  // ── oauthlib-based servers: `error=…&error_description=…` (the description refines it, see phrases.ts)
  { provider: 'oauthlib', code: 'invalid_request', message: 'invalid_request', status: 400, maps: 'http:400' },
  { provider: 'oauthlib', code: 'invalid_client', message: 'invalid_client', status: 401, maps: 'consumer_key_unknown' },
  { provider: 'oauthlib', code: 'access_denied', message: 'callback with error=access_denied', maps: 'permission_denied' },
  { provider: 'oauthlib', code: 'invalid_signature_method', message: 'invalid_signature_method', status: 400, maps: 'signature_method_rejected' },
  {
    provider: 'oauthlib',
    code: 'insecure_transport_protocol',
    message: 'Only HTTPS connections are permitted.',
    overlay: {
      title: { en: 'Only HTTPS is permitted', ja: 'HTTPS のみ許可' },
      meaning: { en: 'The server accepts OAuth requests over HTTPS only and this one came over plain HTTP.', ja: 'サーバは HTTPS 経由の OAuth リクエストのみを受け付けますが、このリクエストは HTTP で届きました。' },
      legs: 'any',
      party: 'client',
      usualStatus: 400,
      causes: [{ id: 'wrong-endpoint', prior: 'likely' }],
      fixes: [{ for: 'developer', text: { en: 'Call the https:// URL (and sign that URL).', ja: 'https:// の URL を呼び、その URL で署名します。' } }],
    },
  },
  // ── Yahoo: standard values with Yahoo's own meanings [Y1][Y3]
  {
    provider: 'yahoo',
    code: 'token_expired',
    message: 'token_expired',
    maps: 'token_expired',
    overlay: {
      meaning: {
        en: 'Yahoo: the access token is valid but expired (they are short-lived, an hour is typical). Renew it at get_token with the old oauth_token and oauth_session_handle.',
        ja: 'Yahoo: アクセス・トークンは正当ですが期限切れです（短命で、1 時間が一般的）。get_token に古い oauth_token と oauth_session_handle を送って更新します。',
      },
    },
  },
  {
    provider: 'yahoo',
    code: 'permission_denied',
    message: 'permission_denied',
    maps: 'permission_denied',
    overlay: {
      meaning: {
        en: 'Yahoo uses permission_denied when the access session handle has expired or is invalid, usually during a refresh.',
        ja: 'Yahoo は、アクセス用のセッション・ハンドルが期限切れまたは無効なとき（多くは更新時）に permission_denied を返します。',
      },
      party: 'client',
      causes: [
        { id: 'session-handle-expired', prior: 'likely' },
        { id: 'user-denied', prior: 'possible' },
      ],
    },
  },
  {
    provider: 'yahoo',
    code: 'parameter_rejected',
    message: 'parameter_rejected',
    maps: 'parameter_rejected',
    overlay: { meaning: { en: 'Yahoo: a parameter was sent twice.', ja: 'Yahoo: パラメータが重複して送られました。' } },
  },
  {
    provider: 'yahoo',
    code: 'parameter_absent',
    message: 'parameter_absent',
    maps: 'parameter_absent',
    overlay: {
      meaning: { en: 'Yahoo: a parameter is missing, often because of a typo or a quoting error in the Authorization header.', ja: 'Yahoo: パラメータがありません。多くは Authorization ヘッダの綴り誤りや引用符の誤りです。' },
      causes: [
        { id: 'malformed-header', prior: 'likely' },
        { id: 'missing-parameter', prior: 'likely' },
      ],
    },
  },
  {
    provider: 'yahoo',
    code: 'token_rejected',
    message: 'token_rejected',
    maps: 'token_rejected',
    overlay: {
      meaning: { en: 'Yahoo: the token is badly formatted, or a request token was used in place of an access token.', ja: 'Yahoo: トークンの形式が不正か、アクセス・トークンの代わりにリクエスト・トークンが使われました。' },
      causes: [
        { id: 'invalid-parameter-value', prior: 'likely' },
        { id: 'token-type-confusion', prior: 'likely' },
        { id: 'expiry', prior: 'possible' },
      ],
    },
  },
  {
    provider: 'yahoo',
    code: 'additional_authorization_required',
    message: 'additional_authorization_required',
    maps: 'additional_authorization_required',
    overlay: { meaning: { en: 'Yahoo: the token lacks the scopes this call needs.', ja: 'Yahoo: トークンにこの呼び出しに必要なスコープがありません。' } },
  },
  // ── Hatena [H1]: hints from Hatena's problem list
  {
    provider: 'hatena',
    code: 'parameter_rejected',
    message: 'parameter_rejected',
    maps: 'parameter_rejected',
    overlay: {
      meaning: { en: 'Hatena: an unexpected parameter, or a requested scope that is not enabled for the app.', ja: 'はてな: 予期しないパラメータ、またはアプリで有効になっていないスコープが要求されました。' },
      causes: [
        { id: 'insufficient-scope', prior: 'likely' },
        { id: 'unexpected-parameter', prior: 'likely' },
      ],
    },
  },
  {
    provider: 'hatena',
    code: 'timestamp_refused',
    message: 'timestamp_refused',
    maps: 'timestamp_refused',
    overlay: { meaning: { en: 'Hatena: the timestamp is not accepted; check the clock and the time zone (Hatena sends oauth_acceptable_timestamps).', ja: 'はてな: タイムスタンプが受け入れられません。時計とタイムゾーンを確認してください（oauth_acceptable_timestamps が返されます）。' } },
  },
  {
    provider: 'hatena',
    code: 'nonce_used',
    message: 'nonce_used',
    maps: 'nonce_used',
    overlay: { meaning: { en: 'Hatena: the same request was sent twice; do not send an identical request again.', ja: 'はてな: 同じリクエストが二度送られました。同一のリクエストを再送しないでください。' } },
  },
  {
    provider: 'hatena',
    code: 'signature_invalid',
    message: 'signature_invalid',
    maps: 'signature_invalid',
    overlay: {
      meaning: { en: 'Hatena: a key, secret or token is set wrong.', ja: 'はてな: キー、シークレット、トークンのいずれかの設定が誤っています。' },
      causes: [
        { id: 'wrong-secret', prior: 'likely' },
        { id: 'signature-base-mismatch', prior: 'possible' },
      ],
    },
  },
  {
    provider: 'hatena',
    code: 'consumer_key_refused',
    message: 'consumer_key_refused',
    maps: 'consumer_key_refused',
    overlay: {
      meaning: { en: 'Hatena: the application is inactivated in its settings.', ja: 'はてな: アプリケーションが設定で無効化されています。' },
      causes: [{ id: 'app-suspended', prior: 'likely' }],
    },
  },
  {
    provider: 'hatena',
    code: 'token_used',
    message: 'token_used',
    maps: 'token_used',
    overlay: { meaning: { en: 'Hatena: the token is already in use.', ja: 'はてな: トークンはすでに使用されています。' } },
  },
  // ── Atlassian Jira / Confluence application links [A1][A2][A3]
  {
    provider: 'jira',
    code: 'consumer_key_unknown',
    message: 'consumer_key_unknown',
    maps: 'consumer_key_unknown',
    overlay: {
      meaning: { en: 'Jira: a stale consumer key, or no reciprocal application link for it.', ja: 'Jira: 古いコンシューマ・キーか、対応する相互のアプリケーション・リンクがありません。' },
    },
  },
  {
    provider: 'jira',
    code: 'signature_invalid',
    message: 'signature_invalid',
    maps: 'signature_invalid',
    overlay: {
      meaning: {
        en: 'Jira: the base URL or a proxy\'s Host/protocol does not match what Jira believes its URL is. Jira echoes its base string in oauth_signature_base_string.',
        ja: 'Jira: ベース URL、またはプロキシの Host やプロトコルが、Jira が認識している自分の URL と一致しません。Jira は oauth_signature_base_string で自分のベース文字列を返します。',
      },
      causes: [
        { id: 'signature-base-mismatch', prior: 'likely' },
        { id: 'host-mismatch', prior: 'likely' },
        { id: 'wrong-secret', prior: 'possible' },
        { id: 'wrong-signature-method', prior: 'possible' },
      ],
    },
  },
  {
    provider: 'jira',
    code: 'timestamp_refused',
    message: 'timestamp_refused',
    maps: 'timestamp_refused',
    overlay: { meaning: { en: 'Jira: the clocks (or time-zone data) of the two servers differ by more than 5 minutes.', ja: 'Jira: 二つのサーバの時計（またはタイムゾーン・データ）が 5 分以上ずれています。' } },
  },
  ...realWorldProviderCodes(),
  ...oauth1ProviderCodes(),
  // OAuth 2.0 dialects: GitHub before Google (both send redirect_uri_mismatch; GitHub's carries its error_uri).
  ...apiProviderCodes(),
  ...googleProviderCodes(),
  ...entraProviderCodes(),
  ...identityProviderCodes(),
  ...appleProviderCodes(),
  ...serverLogProviderCodes(),
  ...clientLibraryProviderCodes(),
  ...envelopeProviderCodes(),
  ...cloudApiProviderCodes(),
]);

/** `x:89` → the record, and `(x, 89)` likewise. */
export function providerCodeRecord(providerCode: string): ProviderCodeRecord | undefined;
export function providerCodeRecord(provider: string, code: string): ProviderCodeRecord | undefined;
export function providerCodeRecord(providerOrQualified: string, code?: string): ProviderCodeRecord | undefined {
  const [provider, own] = code === undefined ? splitQualified(providerOrQualified) : [providerOrQualified, code];
  if (provider === undefined || own === undefined) return undefined;
  return byProviderAndCode().get(`${provider}\u0000${own}`);
}

/** provider + code (or alias) → row, built once: lookups run on every read. The first row of a key wins, as a find would. */
const byProviderAndCode = lazy(() => {
  const index = new Map<string, ProviderCodeRecord>();
  for (const row of providerCodes()) {
    for (const code of row.alias === undefined ? [row.code] : [row.code, row.alias]) {
      const key = `${row.provider}\u0000${code}`;
      if (!index.has(key)) index.set(key, row);
    }
  }
  return index;
});

/** Rows a generic carrier (a `code` field, an `oauth_problem` value, a typed name) may claim: not those found by a provider's own shape. */
export function isGenericRow(row: ProviderCodeRecord): boolean {
  return row.readBy === undefined;
}

/**
 * The provider's own code an OAuth 2.0 answer carries (RFC 6749 §5.2 `error`,
 * `error_description`, `error_uri`): a code named in the description
 * (`AADSTS70008: …`) first, then the first row whose match holds.
 */
export function oauth2ProviderRow(shape: { readonly error: string; readonly description?: string | undefined; readonly uri?: string | undefined }, hostProvider?: string, named?: readonly string[]): ProviderCodeRecord | undefined {
  const inText = shape.description === undefined ? undefined : providerRowInText(shape.description);
  if (inText) return inText;
  const { byError, anyError } = oauth2Rows();
  const candidates = [...(byError.get(shape.error) ?? []), ...anyError];
  // Table order decides between candidates (GitHub before Google for redirect_uri_mismatch).
  candidates.sort((a, b) => a.order - b.order);
  const evidenced = (provider: string): boolean => provider === hostProvider || named?.includes(provider) === true;
  // Words any server may send are a provider's answer only with that provider's evidence.
  const generic = RESTATED_CODES.has(shape.error) && shape.description !== undefined && isGenericWording(shape.description);
  const claimable = (row: ProviderCodeRecord): boolean => (row.match?.hostOnly !== true && !(generic && row.match?.description !== undefined)) || evidenced(row.provider);
  return candidates.find(({ row }) => claimable(row) && row.match !== undefined && matches(row.match, shape))?.row;
}

/**
 * Words any server may send with a standard code (issue 12): an HTTP reason phrase (RFC 9110 §15: "Bad Request",
 * "Unauthorized"), or the code restated in a few plain words ("Invalid token", "invalid client credentials",
 * "Authorization code expired"). A provider row matched on such a description is that provider's answer only where
 * something else says the provider: its host, or its name in the paste (oauthlib's `(invalid_grant) Bad Request` is
 * no Google answer by itself). A provider's own wording ("authentication failure", "Invalid Token!") still names it.
 */
const GENERIC_WORDS = new Set(['bad', 'request', 'unauthorized', 'forbidden', 'not', 'found', 'internal', 'server', 'error', 'invalid', 'expired', 'revoked', 'token', 'code', 'client', 'credentials', 'authorization', 'auth', 'grant', 'refresh', 'access', 'secret', 'the', 'is', 'has', 'been', 'provided', 'or', 'id']);

/**
 * The codes such words merely restate (a refused grant, client, request or token): beside another code they are a
 * provider's own pairing (Auth0 answers a wrong client secret with access_denied, "Unauthorized").
 */
const RESTATED_CODES: ReadonlySet<string> = new Set(['invalid_grant', 'invalid_client', 'invalid_request', 'invalid_token', 'unauthorized_client']);

function isGenericWording(message: string): boolean {
  // Punctuation of a provider's own ("Invalid Token!", Zoom's) is no plain restatement.
  const words = message.toLowerCase().trim().replace(/\.$/, '').split(/\s+/).filter((w) => w !== '');
  return words.length > 0 && words.length <= 4 && words.every((w) => GENERIC_WORDS.has(w));
}

interface IndexedRow {
  readonly row: ProviderCodeRecord;
  readonly order: number;
}

/** The OAuth 2.0 rows, by the `error` their match names (and those that name none), built once. */
const oauth2Rows = lazy(() => {
  const byError = new Map<string, IndexedRow[]>();
  const anyError: IndexedRow[] = [];
  providerCodes().forEach((row, order) => {
    if (row.readBy !== 'oauth2' || row.match === undefined) return;
    const errors = row.match.error === undefined ? [] : typeof row.match.error === 'string' ? [row.match.error] : row.match.error;
    if (errors.length === 0) anyError.push({ row, order });
    for (const error of errors) {
      const list = byError.get(error) ?? [];
      list.push({ row, order });
      byError.set(error, list);
    }
  });
  return { byError, anyError };
});

/** Every provider's code patterns, with the word each needs, built once. */
const codePatterns = lazy(() => providers().flatMap((provider) => (provider.codePatterns ?? []).map((p) => ({ provider: provider.id, ...p, global: globalOf(p.pattern) }))));

function matches(match: NonNullable<ProviderCodeRecord['match']>, shape: { readonly error: string; readonly description?: string | undefined; readonly uri?: string | undefined }): boolean {
  if (match.error !== undefined && !(typeof match.error === 'string' ? match.error === shape.error : match.error.includes(shape.error))) return false;
  if (match.description !== undefined && (shape.description === undefined || !match.description.test(shape.description.slice(0, 2000)))) return false;
  if (match.uri !== undefined && (shape.uri === undefined || !match.uri.test(shape.uri.slice(0, 500)))) return false;
  return match.error !== undefined || match.description !== undefined || match.uri !== undefined;
}

const GLOBAL = new Map<RegExp, RegExp>();

function globalOf(pattern: RegExp): RegExp {
  let global = GLOBAL.get(pattern);
  if (!global) GLOBAL.set(pattern, (global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)));
  return global;
}

/** A provider code that names itself in text (`AADSTS50011`, `EDAMUserException(errorCode:9)`), when its row is known. */
function providerRowInText(text: string): ProviderCodeRecord | undefined {
  return providerCodeInText(text)?.row;
}

/** providerRowInText, with where in the text the code was named. */
export function providerCodeInText(text: string): { readonly row: ProviderCodeRecord; readonly index: number } | undefined {
  const bounded = text.slice(0, 100_000);
  const found = codeIn(bounded);
  // A message inside a JSON string of a log line has its quotes escaped (`"error": "JWTExpired: \"exp\" claim …"`): read as written.
  return found ?? (bounded.includes('\\"') ? codeIn(bounded.replaceAll('\\"', '"')) : undefined);
}

function codeIn(bounded: string): { readonly row: ProviderCodeRecord; readonly index: number } | undefined {
  const lower = bounded.toLowerCase();
  for (const { provider, needle, prefix, global } of codePatterns()) {
    if (!lower.includes(needle)) continue;
    let tries = 0;
    for (const match of bounded.matchAll(global)) {
      if (++tries > 20) break;
      const own = match[1];
      if (own === undefined) continue;
      // A second group refines the first (Meta's code and error_subcode): the pair's row first, then the code's.
      const refined = match[2] === undefined ? undefined : providerCodeRecord(provider, `${prefix ?? ''}${own}/${match[2]}`);
      const row = refined ?? providerCodeRecord(provider, `${prefix ?? ''}${own}`);
      if (row) return { row, index: match.index };
    }
  }
  return undefined;
}

export function qualifiedCode(record: Pick<ProviderCodeRecord, 'provider' | 'code'>): string {
  return `${record.provider}:${record.code}`;
}

function splitQualified(qualified: string): [string | undefined, string | undefined] {
  const at = qualified.indexOf(':');
  return at <= 0 ? [undefined, undefined] : [qualified.slice(0, at), qualified.slice(at + 1)];
}

/**
 * A non-standard oauth_problem value a provider is known to send
 * (`consumer_key_invalid`, `nonce_rejected`, …): whichever provider sent it,
 * it is read through that row.
 */
export function providerRowForProblemValue(value: string): ProviderCodeRecord | undefined {
  return providerCodes().find((r) => isGenericRow(r) && r.code === value && r.maps !== value && r.provider !== 'oauthlib' && r.code !== 'denied' && /^[a-z_]+$/.test(r.code));
}
