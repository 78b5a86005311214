import type { ProviderCodeRecord } from './types.js';

/**
 * X API v2 problem types (RFC 9457 problem details, `type` =
 * `https://api.twitter.com/2/problems/<name>` or the same under
 * api.x.com), read as `x:v2:<name>`. Only types that matter to a client
 * signing with OAuth 1.0a, each seen in public bug reports:
 *
 * - oauth1-permissions: plhery/node-twitter-api-v2#493 (fixed by setting
 *   Read and write, then regenerating the tokens).
 * - unsupported-authentication: abraham/twitteroauth#1127, sferik/x-ruby#28,
 *   xdevplatform/xmcp#7 (OAuth 1.0a refused); myConsciousness/twitter-api-v2#44
 *   (both directions); 10up/autoshare-for-twitter#387 ("Unknown").
 * - client-forbidden (reason client-not-enrolled): xdevplatform/samples#58
 *   (a standalone app; fixed by attaching it to a Project), #150,
 *   abraham/twitteroauth#1163, michimani/gotwi#311 (OAuth 1.0a keys).
 * - usage-capped: xdevplatform/xdk#25 (429 while the rate-limit headers
 *   still showed requests remaining).
 *
 * Generic `about:blank` answers (401 "Unauthorized": plhery/node-twitter-api-v2#594,
 * #425) have no row: they are read by their status. Partial errors in an
 * `errors` array beside `data` (resource-not-found, not-authorized-for-resource:
 * zeeraktalat/hatespeech#9) are not authentication problems and are not read.
 */
export function xV2ProviderCodes(): readonly ProviderCodeRecord[] {
  return [
    {
      provider: 'x',
      code: 'v2:oauth1-permissions',
      message: 'Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.',
      status: 403,
      overlay: {
        title: { en: 'X API v2: the app\'s OAuth 1.0a permission does not allow this endpoint', ja: 'X API v2: アプリの OAuth 1.0a 権限ではこのエンドポイントを使えない' },
        meaning: {
          en: 'X accepted who is calling but refused the call: the permission the OAuth 1.0a access token carries is too low for this endpoint (typically Read only, for a write such as POST /2/tweets). Either the app\'s permission is Read only, or the token was generated before the app was switched to Read and write: a token keeps the permission it was issued with.',
          ja: 'X は呼び出し元を認めたうえで呼び出しを拒否しました。OAuth 1.0a のアクセス・トークンが持つ権限が、このエンドポイントには足りません（POST /2/tweets のような書き込みに対して「読み取りのみ」など）。アプリの権限が読み取りのみか、アプリを「読み書き」に切り替える前にトークンを生成したかのどちらかです。トークンは発行時の権限のままです。',
        },
        legs: ['resource'],
        party: 'client',
        usualStatus: 403,
        causes: [{ id: 'insufficient-scope', prior: 'likely' }],
        fixes: [
          {
            for: 'developer',
            text: {
              en: 'In the X developer portal, open the app\'s User authentication settings and set App permissions to "Read and write" (or "Read and write and Direct message"). Then regenerate the access token and secret under Keys and tokens: tokens generated before the change keep the old permission. Tokens other people granted through the OAuth flow need them to authorize the app again.',
              ja: 'X の開発者ポータルでアプリの「User authentication settings」を開き、App permissions を「Read and write」（または「Read and write and Direct message」）にします。そのうえで「Keys and tokens」でアクセス・トークンとシークレットを再生成します。変更前に生成したトークンは古い権限のままです。OAuth フローで他の利用者から得たトークンは、その利用者にもう一度アプリを認可してもらう必要があります。',
            },
          },
        ],
      },
    },
    {
      provider: 'x',
      code: 'v2:unsupported-authentication',
      message: 'Authenticating with <type> is forbidden for this endpoint. Supported authentication types are [<types>].',
      status: 403,
      overlay: {
        title: { en: 'X API v2: this endpoint does not accept the authentication used', ja: 'X API v2: このエンドポイントは使われた認証方式を受け付けない' },
        meaning: {
          en: 'X refused the kind of authentication, not the credentials: the detail names the type X saw (`authentication_used`) and the types this endpoint supports (`authentication_supported`). When OAuth 1.0a User Context is the type refused, the endpoint needs OAuth 2.0 (an app-only Bearer token, or a user-context token from the OAuth 2.0 flow). When OAuth 1.0a User Context is among the supported types, the request was not read as OAuth 1.0a at all ("Unknown" means X could not make sense of the Authorization header).',
          ja: 'X が拒否したのはクレデンシャルではなく認証の種類です。詳細には、X が認識した種類（`authentication_used`）と、このエンドポイントが対応する種類（`authentication_supported`）が示されます。拒否されたのが OAuth 1.0a User Context なら、このエンドポイントには OAuth 2.0（アプリ専用の Bearer トークン、または OAuth 2.0 フローで得たユーザー・コンテキストのトークン）が必要です。対応する種類に OAuth 1.0a User Context が含まれるなら、リクエストはそもそも OAuth 1.0a と認識されていません（「Unknown」は X が Authorization ヘッダを解釈できなかったことを意味します）。',
        },
        legs: ['resource'],
        party: 'client',
        usualStatus: 403,
        causes: [
          { id: 'oauth2-endpoint', prior: 'likely' },
          { id: 'malformed-header', prior: 'possible' },
        ],
        fixes: [
          {
            for: 'developer',
            text: {
              en: 'Call this endpoint with one of the authentication types X lists as supported in the detail; re-signing with OAuth 1.0a will not help when OAuth 1.0a User Context is not among them.',
              ja: '詳細で X が対応として挙げている認証方式のいずれかでこのエンドポイントを呼びます。その中に OAuth 1.0a User Context がなければ、OAuth 1.0a で署名し直しても解決しません。',
            },
          },
        ],
      },
    },
    {
      provider: 'x',
      code: 'v2:client-forbidden',
      message: 'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.',
      status: 403,
      overlay: {
        title: { en: 'X API v2: the app is not enrolled for this endpoint (Project or access level)', ja: 'X API v2: アプリがこのエンドポイントの利用登録を満たしていない（プロジェクトまたはアクセス・レベル）' },
        meaning: {
          en: 'X refused the app, not the signature: v2 endpoints take keys and tokens only from an app attached to a Project, whose access level includes the endpoint. `reason` says why (client-not-enrolled) and `required_enrollment` what is needed.',
          ja: 'X が拒否したのは署名ではなくアプリです。v2 のエンドポイントは、プロジェクトに属し、そのアクセス・レベルがエンドポイントを含むアプリのキーとトークンしか受け付けません。`reason` に理由（client-not-enrolled）、`required_enrollment` に必要な登録が示されます。',
        },
        legs: ['resource'],
        party: 'client',
        usualStatus: 403,
        causes: [
          { id: 'api-access-level', prior: 'likely' },
          { id: 'app-suspended', prior: 'possible' },
        ],
        fixes: [],
      },
    },
    {
      provider: 'x',
      code: 'v2:usage-capped',
      message: 'Usage cap exceeded: Monthly product cap',
      status: 429,
      overlay: {
        title: { en: 'X API v2: usage cap exceeded', ja: 'X API v2: 利用上限の超過' },
        meaning: {
          en: 'Not an authentication problem: X authenticated the request, but the app has used up the cap of its product tier for the period named in `period` (e.g. Monthly) and `scope` (e.g. Product). The rate-limit headers may still show requests remaining.',
          ja: '認証の問題ではありません。X はリクエストを認証しましたが、アプリがプロダクトの利用上限を `period`（例: Monthly）と `scope`（例: Product）で示される期間について使い切っています。レート制限のヘッダにはまだ残りがあると表示されることがあります。',
        },
        legs: ['resource'],
        party: 'client',
        usualStatus: 429,
        causes: [
          { id: 'rate-limited', prior: 'likely' },
          { id: 'api-access-level', prior: 'possible' },
        ],
        fixes: [
          {
            for: 'developer',
            text: {
              en: 'Retrying will not help before the period resets: check the usage in the developer portal, wait for the reset, or move to a tier with a higher cap. New tokens or a different signature change nothing here.',
              ja: '期間がリセットされるまで再試行しても解決しません。開発者ポータルで使用量を確認し、リセットを待つか、上限の高いプランに移ります。トークンの再発行や署名の変更では何も変わりません。',
            },
          },
        ],
      },
    },
  ];
}
