import type { ProviderRecord } from './types.js';

/**
 * Providers met in real error reports beyond the reference sheet. Only what
 * a source said is filled in; a fact from one report or from memory of a
 * retired document says "uncertain" in its note. Self-hosted products are
 * named by path: WooCommerce before WordPress, whose paths it shares.
 */
export function realWorldProviders(): readonly ProviderRecord[] {
  return [
    {
      id: 'woocommerce',
      name: 'WooCommerce REST API',
      hosts: [],
      paths: ['/wp-json/wc/', '/wc-api/'],
      signatureMethods: ['HMAC-SHA1', 'HMAC-SHA256'],
      notes: {
        en: 'WooCommerce accepts one-legged OAuth 1.0a only over plain HTTP; over HTTPS it wants the key and secret as Basic auth or as consumer_key/consumer_secret query parameters. Every authentication failure has the same code; the message names the check.',
        ja: 'WooCommerce が一本足の OAuth 1.0a を受け付けるのは平文の HTTP だけで、HTTPS ではキーとシークレットを Basic 認証か consumer_key/consumer_secret クエリ・パラメータで送ります。認証の失敗はすべて同じコードで、メッセージが検査の種類を示します。',
      },
    },
    {
      id: 'wordpress',
      name: 'WordPress REST API OAuth 1.0a server (plugin)',
      hosts: [],
      paths: ['/oauth1/request', '/oauth1/access', '/oauth1/authorize'],
      requestTokenLifetimeSec: 86_400,
      timestampWindowSec: 900,
      signatureMethods: ['HMAC-SHA1', 'HMAC-SHA256'],
      notes: {
        en: 'The plugin answers with WordPress errors as JSON, {"code":"json_oauth1_…","message":…,"data":{"status":…}}; request tokens live 24 hours; the timestamp window is ±15 minutes; the callback must match the registered one.',
        ja: 'このプラグインは WordPress のエラーを JSON（{"code":"json_oauth1_…","message":…,"data":{"status":…}}）で返します。リクエスト・トークンの寿命は 24 時間、タイムスタンプの許容幅は ±15 分で、コールバックは登録済みのものと一致する必要があります。',
      },
    },
    {
      id: 'tumblr',
      name: 'Tumblr',
      hosts: ['www.tumblr.com', 'api.tumblr.com', '.tumblr.com'],
      signatureMethods: ['HMAC-SHA1'],
      notes: {
        en: 'Tumblr\'s token endpoints (POST www.tumblr.com/oauth/request_token, GET …/oauth/access_token) answer OAuth failures with short plain text, e.g. "oauth_signature [..] does not match expected value [..]" or "oauth_consumer_key required"; the v2 API answers {"meta":{"status":401,"msg":"Unauthorized"},"response":[]} with, lately, "errors":[{"title":…,"code":…,"detail":…}] in Tumblr\'s own codes. HMAC-SHA1 only, parameters in the Authorization header (tumblr/docs api.md).',
        ja: 'Tumblr のトークン・エンドポイント（POST www.tumblr.com/oauth/request_token、GET …/oauth/access_token）は OAuth の失敗を短い平文で返します（例: "oauth_signature [..] does not match expected value [..]"、"oauth_consumer_key required"）。v2 API は {"meta":{"status":401,"msg":"Unauthorized"},"response":[]} を返し、最近は Tumblr 独自のコードを持つ "errors":[{"title":…,"code":…,"detail":…}] が加わります。署名は HMAC-SHA1 のみ、パラメータは Authorization ヘッダで渡します（tumblr/docs api.md）。',
      },
    },
    {
      id: 'trello',
      name: 'Trello',
      hosts: ['trello.com', 'api.trello.com'],
      signatureMethods: ['HMAC-SHA1'],
      notes: {
        en: 'Trello answers in plain text ("invalid signature", "invalid token", "expired token", "invalid key"); PLAINTEXT signatures are refused as "Invalid Signature". The token lifetime is what the authorize URL asked for (expiration=1hour, 1day, 30days or never).',
        ja: 'Trello は平文で答えます（"invalid signature"、"invalid token"、"expired token"、"invalid key"）。PLAINTEXT 署名は "Invalid Signature" で拒否されます。トークンの寿命は認可 URL で指定した値（expiration=1hour、1day、30days、never）です。',
      },
    },
    {
      id: 'xero',
      name: 'Xero (OAuth 1.0a, retired)',
      hosts: ['api.xero.com', 'identity.xero.com'],
      accessTokenLifetimeSec: 1800,
      signatureMethods: ['HMAC-SHA1', 'RSA-SHA1'],
      notes: {
        en: 'Xero answered with Problem Reporting form bodies and oauth_problem_advice (e.g. token_expired, "The access token has expired"). Public-app access tokens lasted 30 minutes; partner apps (RSA-SHA1) renewed them with oauth_session_handle (from memory of Xero\'s retired OAuth 1.0a docs: uncertain).',
        ja: 'Xero は Problem Reporting 形式のフォーム本文と oauth_problem_advice で答えていました（例: token_expired と "The access token has expired"）。公開アプリのアクセス・トークンの寿命は 30 分、パートナー・アプリ（RSA-SHA1）は oauth_session_handle で更新しました（廃止済みの Xero OAuth 1.0a 文書の記憶による: 不確か）。',
      },
    },
    {
      id: 'etsy',
      name: 'Etsy API v2 (OAuth 1.0a, retired)',
      hosts: ['openapi.etsy.com', 'sandbox.openapi.etsy.com'],
      accessTokenLifetimeSec: null,
      signatureMethods: ['HMAC-SHA1'],
      notes: {
        en: 'Etsy v2 answered with form bodies such as oauth_problem=token_rejected (status 403) and oauth_problem=signature_invalid&debug_sbs=…, and an X-Error-Detail header.',
        ja: 'Etsy v2 は oauth_problem=token_rejected（ステータス 403）や oauth_problem=signature_invalid&debug_sbs=… のようなフォーム本文と、X-Error-Detail ヘッダで答えていました。',
      },
    },
    {
      id: 'quickbooks',
      name: 'QuickBooks Online / Intuit (OAuth 1.0a, retired)',
      hosts: ['oauth.intuit.com', 'appcenter.intuit.com', 'quickbooks.api.intuit.com', 'sandbox-quickbooks.api.intuit.com', '.intuit.com'],
      signatureMethods: ['HMAC-SHA1'],
      notes: {
        en: 'Intuit faults carry "message=ApplicationAuthenticationFailed; errorCode=003200; statusCode=401" in JSON or XML. Access tokens lasted 180 days (uncertain).',
        ja: 'Intuit の障害応答は JSON または XML の中に "message=ApplicationAuthenticationFailed; errorCode=003200; statusCode=401" を持ちます。アクセス・トークンの寿命は 180 日でした（不確か）。',
      },
    },
    {
      id: 'garmin',
      name: 'Garmin Connect / Health API',
      hosts: ['connectapi.garmin.com', 'apis.garmin.com', 'connect.garmin.com'],
      signatureMethods: ['HMAC-SHA1'],
      notes: {
        en: 'Garmin\'s partner APIs use OAuth 1.0a (request_token and access_token under connectapi.garmin.com/oauth-service/oauth/). Garmin has announced a move to OAuth 2.0 with OAuth 1.0a retired at the end of 2026 (from a partner\'s copy of the notice: uncertain). No real error body was found to check.',
        ja: 'Garmin のパートナー API は OAuth 1.0a を使います（connectapi.garmin.com/oauth-service/oauth/ の request_token と access_token）。Garmin は OAuth 2.0 への移行と 2026 年末の OAuth 1.0a 廃止を告知しています（パートナーによる告知の写しによる: 不確か）。実際のエラー本文は確認できていません。',
      },
    },
    {
      id: 'discogs',
      name: 'Discogs',
      hosts: ['api.discogs.com', 'www.discogs.com'],
      notes: {
        en: 'Discogs answers OAuth failures in plain text: "Invalid consumer.", "Parameter not found: oauth_consumer_key"; unauthenticated API calls get {"message": "You must authenticate to access this resource."}.',
        ja: 'Discogs は OAuth の失敗を平文で返します（"Invalid consumer."、"Parameter not found: oauth_consumer_key"）。認証のない API 呼び出しには {"message": "You must authenticate to access this resource."} が返ります。',
      },
    },
    {
      id: 'oauthplugin',
      name: 'Rails oauth-plugin servers (Goodreads and others)',
      hosts: ['www.goodreads.com', 'goodreads.com'],
      notes: {
        en: 'Servers on the Rails oauth-plugin answer every failed check with the plain text "Invalid OAuth Request" (Goodreads also appends a random HTML comment).',
        ja: 'Rails の oauth-plugin を使うサーバは、どの検査に失敗しても平文 "Invalid OAuth Request" を返します（Goodreads はさらにランダムな HTML コメントを付けます）。',
      },
    },
    {
      id: 'evernote',
      name: 'Evernote',
      hosts: ['www.evernote.com', 'sandbox.evernote.com', 'app.yinxiang.com'],
      signatureMethods: ['HMAC-SHA1', 'PLAINTEXT'],
      // Thrift's printed exceptions: EDAMUserException(errorCode:AUTH_EXPIRED, parameter:authenticationToken), errorCode=9 …
      codePatterns: [
        { pattern: /EDAM(?:User|System|NotFound)?Exception\s*\([^)]{0,200}?errorCode\s*[:=]\s*(\d{1,2})\b/, prefix: 'EDAM-', needle: 'edam' },
        { pattern: /EDAM(?:User|System|NotFound)?Exception\s*\([^)]{0,200}?errorCode\s*[:=]\s*([A-Z][A-Z_]{3,40})\b/, needle: 'edam' },
        { pattern: /EDAM(?:User|System)Exception\[([A-Z][A-Z_]{3,40})\]/, needle: 'edam' },
        { pattern: /EDAMErrorCode::([A-Z][A-Z_]{3,40})\b/, needle: 'edam' },
      ],
      source: 'https://dev.evernote.com/doc/reference/Errors.html',
      notes: {
        en: 'A new Evernote API key works only on sandbox.evernote.com until Evernote activates it for production; a key used on the wrong service gets a Tomcat "HTTP Status 401 - oauth_consumer_key: …" page.',
        ja: '新しい Evernote の API キーは、Evernote が本番用に有効化するまで sandbox.evernote.com でしか使えません。違うサービスでキーを使うと Tomcat の "HTTP Status 401 - oauth_consumer_key: …" ページが返ります。',
      },
    },
    {
      id: 'vimeo',
      name: 'Vimeo Advanced API (OAuth 1.0a, retired)',
      hosts: ['vimeo.com', '.vimeo.com'],
      signatureMethods: ['HMAC-SHA1'],
    },
    {
      id: 'withings',
      name: 'Withings (OAuth 1.0a, retired)',
      hosts: ['wbsapi.withings.net', 'oauth.withings.com', '.withings.net', '.withings.com'],
      signatureMethods: ['HMAC-SHA1'],
    },
    {
      id: 'fitbit',
      name: 'Fitbit (OAuth 1.0a, retired 2016)',
      hosts: ['api.fitbit.com', 'www.fitbit.com'],
      signatureMethods: ['HMAC-SHA1'],
      // "OAuth 1.0a support will be removed from the Fitbit Web API on April 12, 2016" (dev.fitbit.com/docs/oauth2, quoted in mbmccormick/fitminder#8).
      retiredOAuth1: { on: '2016-04-12', label: 'Fitbit', source: 'https://dev.fitbit.com/docs/oauth2/#oauth-1-0a-deprecated' },
      notes: {
        en: 'Fitbit answered {"errors":[{"errorType":"oauth","fieldName":…,"message":…}],"success":false}; the message could hold a Problem Reporting form ("oauth_problem=parameter_absent&…") or "Invalid signature or token …".',
        ja: 'Fitbit は {"errors":[{"errorType":"oauth","fieldName":…,"message":…}],"success":false} で答えていました。message には Problem Reporting 形式のフォーム（"oauth_problem=parameter_absent&…"）や "Invalid signature or token …" が入ります。',
      },
    },
    {
      id: 'linkedin',
      name: 'LinkedIn (OAuth 1.0a, retired)',
      hosts: ['api.linkedin.com', 'www.linkedin.com'],
      signatureMethods: ['HMAC-SHA1'],
      // "all developers need to migrate to Version 2.0 of our APIs and OAuth 2.0 by March 1" (2019; quoted in PoBuchi/meteor-accounts-linkedin#29, auth0/passport-linkedin-oauth2#60).
      retiredOAuth1: { on: '2019-03-01', label: 'LinkedIn', source: 'https://engineering.linkedin.com/blog/2018/12/developer-program-updates' },
      notes: {
        en: 'LinkedIn answered token requests with form bodies whose oauth_problem_advice named a Java exception and held its own base string, percent-encoded; its v1 API answered {"errorCode":0,"message":"[unauthorized]. …","requestId":…,"status":401,"timestamp":…} (or the same as XML elements).',
        ja: 'LinkedIn はトークン要求にフォーム本文で答え、その oauth_problem_advice には Java の例外名と、パーセント・エンコードされた自分のベース文字列が入っていました。v1 API は {"errorCode":0,"message":"[unauthorized]. …","requestId":…,"status":401,"timestamp":…}（または同じ内容の XML 要素）で答えていました。',
      },
    },
    {
      id: 'khan',
      name: 'Khan Academy API (OAuth 1.0a)',
      hosts: ['www.khanacademy.org', 'api.khanacademy.org'],
      notes: {
        en: 'Khan Academy answers a bad signature with "OAuth error. Invalid signature. Expected signature base string: …", so the server\'s base string can be compared with yours.',
        ja: 'Khan Academy は不正な署名に "OAuth error. Invalid signature. Expected signature base string: …" と答えるため、サーバのベース文字列と自分のものを比べられます。',
      },
    },
    {
      id: 'plurk',
      name: 'Plurk',
      hosts: ['www.plurk.com'],
      signatureMethods: ['HMAC-SHA1'],
      notes: {
        en: 'Plurk answers {"error_text": "40104:incorrect signature"} with status 400.',
        ja: 'Plurk は {"error_text": "40104:incorrect signature"} をステータス 400 で返します。',
      },
    },
    {
      id: 'bitbucket',
      name: 'Bitbucket (OAuth 1.0a, retired)',
      hosts: ['bitbucket.org', 'api.bitbucket.org'],
      notes: {
        en: 'Bitbucket\'s 1.0 API took OAuth 1.0a (bitbucket.org/api/1.0/oauth/request_token) and answered a request it could not verify with "Could not verify OAuth request." (status 400 on the token endpoints); one report fixed it by not sending oauth_verifier in the POST body as well as the header.',
        ja: 'Bitbucket の 1.0 API は OAuth 1.0a（bitbucket.org/api/1.0/oauth/request_token）を受け付け、検証できないリクエストには "Could not verify OAuth request." を返していました（トークン・エンドポイントではステータス 400）。oauth_verifier をヘッダに加えて POST 本文にも送るのをやめて直った報告があります。',
      },
    },
    {
      id: 'mediawiki',
      name: 'MediaWiki OAuth (Wikipedia, Wikidata, Wikimedia Commons)',
      hosts: ['meta.wikimedia.org', 'www.mediawiki.org', 'www.wikidata.org', 'commons.wikimedia.org', 'en.wikipedia.org'],
      notes: {
        en: 'The OAuth extension refuses a signed request with a message key (errorKey "mwoauth-invalid-authorization-…", "mwoauthdatastore-…"); a grant may be limited to one wiki, and a user needs a local account on the wiki called.',
        ja: 'OAuth 拡張機能は署名付きリクエストをメッセージ・キー（errorKey "mwoauth-invalid-authorization-…"、"mwoauthdatastore-…"）で拒否します。許可は一つの wiki に限られることがあり、ユーザーには呼び出す wiki のローカル・アカウントが要ります。',
      },
    },
    {
      id: 'openstreetmap',
      name: 'OpenStreetMap API 0.6 (OAuth 1.0a until 2024)',
      hosts: ['www.openstreetmap.org', 'api.openstreetmap.org', 'master.apis.dev.openstreetmap.org'],
      notes: {
        en: 'The API answered a refused OAuth request with 401, an empty body and "Error: Unauthorized OAuth request." as a response header; its request_token endpoint answered an unknown consumer key with a 500 (a bug in the Rails oauth-plugin it ran on, openstreetmap-website#2222).',
        ja: 'API は拒否した OAuth リクエストに 401、空の本文、応答ヘッダ "Error: Unauthorized OAuth request." で答えていました。request_token エンドポイントは未知のコンシューマ・キーに 500 を返しました（使っていた Rails の oauth-plugin の不具合、openstreetmap-website#2222）。',
      },
    },
  ];
}
