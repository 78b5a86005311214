import type { CauseRef, ProblemOverlay, ProviderCodeRecord } from './types.js';

/**
 * Codes seen in real providers' answers beyond the reference sheet, found in
 * bug reports and in the servers' own error writers (see
 * test/fixtures/real-world/README.md for where each shape was seen). A row
 * whose meaning rests on one report says so in `message`.
 */

/** WooCommerce puts every authentication failure under one code; its message says which check failed. */
const WOOCOMMERCE_AUTH_ERROR: ProblemOverlay = {
  title: { en: 'WooCommerce refused the OAuth 1.0a signature check', ja: 'WooCommerce が OAuth 1.0a の署名検査で拒否した' },
  meaning: {
    en: 'WooCommerce reports every authentication failure under this one code; the message beside it names the check that failed (signature, timestamp, nonce, consumer key, permissions). WooCommerce accepts OAuth 1.0a only over plain HTTP: over HTTPS it expects the key and secret as Basic auth or query parameters.',
    ja: 'WooCommerce は認証の失敗をすべてこの一つのコードで返し、添えられたメッセージがどの検査で失敗したか（署名、タイムスタンプ、ノンス、コンシューマ・キー、権限）を示します。WooCommerce が OAuth 1.0a を受け付けるのは平文の HTTP だけで、HTTPS ではキーとシークレットを Basic 認証かクエリ・パラメータで送ります。',
  },
  legs: ['resource'],
  party: 'client',
  usualStatus: 401,
  causes: [
    { id: 'wrong-secret', prior: 'likely' },
    { id: 'signature-base-mismatch', prior: 'likely' },
    { id: 'host-mismatch', prior: 'possible' },
    { id: 'clock-skew', prior: 'possible' },
    { id: 'nonce-reuse', prior: 'possible' },
    { id: 'unknown-consumer', prior: 'possible' },
  ],
  fixes: [
    {
      for: 'developer',
      text: {
        en: 'Sign against the exact URL WooCommerce sees (scheme, host, the /wp-json/wc/v3/… path, no trailing slash difference); over HTTPS send the key and secret as Basic auth instead of OAuth.',
        ja: 'WooCommerce が受け取るとおりの URL（スキーム、ホスト、/wp-json/wc/v3/… のパス、末尾スラッシュの有無まで）で署名します。HTTPS ではOAuth ではなく Basic 認証でキーとシークレットを送ります。',
      },
    },
  ],
};

/** QuickBooks Online (Intuit) answered OAuth 1.0a failures with one code too (errorCode=003200). */
const QUICKBOOKS_AUTH_FAILED: ProblemOverlay = {
  title: { en: 'QuickBooks: application authentication failed', ja: 'QuickBooks: アプリケーション認証に失敗' },
  meaning: {
    en: 'Intuit refused the OAuth credentials of the request without saying which part was wrong: the signature, the keys, or a token that has expired or was disconnected. Intuit\'s OAuth 1.0a access tokens lasted 180 days (uncertain: from memory of Intuit\'s retired documentation); Intuit has since moved to OAuth 2.0.',
    ja: 'Intuit がリクエストの OAuth クレデンシャルを拒否しましたが、どの部分が誤りか（署名、キー、期限切れまたは切断されたトークン）は示していません。Intuit の OAuth 1.0a アクセス・トークンの有効期間は 180 日でした（不確か: 廃止済みの Intuit 文書の記憶による）。Intuit は現在 OAuth 2.0 に移行しています。',
  },
  legs: ['resource'],
  party: 'client',
  usualStatus: 401,
  causes: [
    { id: 'expiry', prior: 'likely' },
    { id: 'revocation', prior: 'likely' },
    { id: 'wrong-secret', prior: 'possible' },
    { id: 'signature-base-mismatch', prior: 'possible' },
    { id: 'host-mismatch', prior: 'possible' },
  ],
  fixes: [
    {
      for: 'developer',
      text: {
        en: 'Check the token has not passed its lifetime or been disconnected in the company\'s app settings, and that sandbox companies are called on the sandbox host and production companies on the production host.',
        ja: 'トークンが有効期間を過ぎていないか、会社のアプリ設定で切断されていないかを確認し、サンドボックスの会社にはサンドボックスのホスト、本番の会社には本番のホストを使っているか確かめます。',
      },
    },
  ],
};

/** The Rails oauth-plugin answers any failed verification with the same plain text (Goodreads ran on it). */
const INVALID_OAUTH_REQUEST: ProblemOverlay = {
  title: { en: '"Invalid OAuth Request" (Rails oauth-plugin)', ja: '「Invalid OAuth Request」（Rails の oauth-plugin）' },
  meaning: {
    en: 'A server built on the Rails oauth-plugin (Goodreads among them) refused the request. The plugin sends this same text for every failed check — signature, timestamp, nonce, an unknown or unauthorised token — so the text alone does not say which.',
    ja: 'Rails の oauth-plugin を使うサーバ（Goodreads など）がリクエストを拒否しました。このプラグインは署名、タイムスタンプ、ノンス、未知または未認可のトークンのどの検査に失敗しても同じ文言を返すため、文言だけではどれか分かりません。',
  },
  legs: 'any',
  party: 'client',
  usualStatus: 401,
  causes: [
    { id: 'not-yet-authorized', prior: 'likely' },
    { id: 'wrong-secret', prior: 'likely' },
    { id: 'signature-base-mismatch', prior: 'likely' },
    { id: 'reuse', prior: 'possible' },
    { id: 'clock-skew', prior: 'possible' },
    { id: 'host-mismatch', prior: 'possible' },
  ],
  fixes: [
    {
      for: 'developer',
      text: {
        en: 'Compare your base string with one from a client known to work; on the access-token leg, make sure the person pressed Allow before you exchange the request token, and that you sign with the request token\'s secret.',
        ja: '動作が確認されているクライアントのベース文字列と比べます。アクセス・トークンの段階では、利用者が「許可」を押してからリクエスト・トークンを交換しているか、リクエスト・トークンのシークレットで署名しているかを確かめます。',
      },
    },
  ],
};

/** Tumblr's API answers a refused OAuth 1.0a request with one 401 envelope; its code and detail rarely say which check failed. */
const TUMBLR_NOT_AUTHORIZED: ProblemOverlay = {
  title: { en: 'Tumblr: not authorized', ja: 'Tumblr: 認可されていない' },
  meaning: {
    en: 'Tumblr refused the request\'s OAuth credentials (status 401 in the meta object). Tumblr signs with HMAC-SHA1 only and takes the OAuth parameters in the Authorization header. Reports show the same answer for a wrong consumer key or secret, a token from another app, a bad signature over a form or multipart body, and a call on a blog the token\'s user does not own.',
    ja: 'Tumblr がリクエストの OAuth クレデンシャルを拒否しました（meta オブジェクトのステータス 401）。Tumblr の署名は HMAC-SHA1 のみで、OAuth パラメータは Authorization ヘッダで受け取ります。報告では、コンシューマ・キーやシークレットの誤り、別のアプリのトークン、フォームやマルチパート本文を含めた署名の誤り、トークンの利用者が所有しないブログへの呼び出しのいずれでも同じ答えが返っています。',
  },
  legs: ['resource'],
  party: 'client',
  usualStatus: 401,
  causes: [
    { id: 'wrong-secret', prior: 'likely' },
    { id: 'signature-base-mismatch', prior: 'likely' },
    { id: 'insufficient-scope', prior: 'possible' },
    { id: 'revocation', prior: 'possible' },
    { id: 'clock-skew', prior: 'possible' },
  ],
  fixes: [
    {
      for: 'developer',
      text: {
        en: 'Check the consumer key and secret against the app at www.tumblr.com/oauth/apps and that the token was issued to that app; sign multipart uploads without the file parts; call blog endpoints only for blogs the authorising user owns. Try GET /v2/user/info first: if it works, the credentials are right and the failing call is the problem.',
        ja: 'コンシューマ・キーとシークレットが www.tumblr.com/oauth/apps のアプリと一致し、トークンがそのアプリに発行されたものか確認します。マルチパートのアップロードはファイル部分を含めずに署名し、ブログのエンドポイントは認可した利用者が所有するブログにだけ使います。まず GET /v2/user/info を試し、成功するならクレデンシャルは正しく、失敗している呼び出しの側に問題があります。',
      },
    },
  ],
};

/** LinkedIn's retired v1 API put every OAuth 1.0a refusal under "[unauthorized]." with an internal trace after it. */
const LINKEDIN_UNAUTHORIZED: ProblemOverlay = {
  title: { en: 'LinkedIn: [unauthorized] (OAuth 1.0a)', ja: 'LinkedIn: [unauthorized]（OAuth 1.0a の拒否）' },
  meaning: {
    en: 'LinkedIn\'s v1 API refused the OAuth 1.0a request. When the message goes on with "OAU:" followed by the key, the token and a timestamp, it is LinkedIn\'s own trace and does not name the failed check; a report where GET calls worked and POST calls got this answer points at the signature over the request body.',
    ja: 'LinkedIn の v1 API が OAuth 1.0a のリクエストを拒否しました。メッセージの後に "OAU:" とキー、トークン、タイムスタンプが続く場合、それは LinkedIn 内部のトレースで、失敗した検査を示していません。GET は成功し POST だけがこの答えになった報告があり、リクエスト本文を含めた署名が疑われます。',
  },
  legs: ['resource'],
  party: 'client',
  usualStatus: 401,
  causes: [
    { id: 'signature-base-mismatch', prior: 'likely' },
    { id: 'wrong-secret', prior: 'likely' },
    { id: 'revocation', prior: 'possible' },
    { id: 'clock-skew', prior: 'possible' },
  ],
  fixes: [
    {
      for: 'developer',
      text: {
        en: 'Compare the base string of a failing call with a working GET: a JSON or XML body is not part of the signature, form parameters are. LinkedIn has since retired OAuth 1.0a; new integrations use OAuth 2.0.',
        ja: '失敗する呼び出しのベース文字列を成功する GET と比べます。JSON や XML の本文は署名に含めず、フォーム・パラメータは含めます。LinkedIn はその後 OAuth 1.0a を廃止しており、新しい連携は OAuth 2.0 を使います。',
      },
    },
  ],
};

const MEDIAWIKI = 'https://github.com/wikimedia/mediawiki-extensions-OAuth/blob/master/i18n/en.json';

function mediawiki(code: string, message: string, en: [string, string], ja: [string, string], causes: readonly CauseRef[]): ProviderCodeRecord {
  return {
    provider: 'mediawiki',
    code,
    message,
    source: MEDIAWIKI,
    status: 403,
    overlay: { title: { en: en[0], ja: ja[0] }, meaning: { en: en[1], ja: ja[1] }, legs: ['resource'], party: 'client', usualStatus: 403, causes: [...causes] },
  };
}

/** The MediaWiki OAuth extension's refusals of a signed request, by its message keys (`errorKey`). */
const MEDIAWIKI_ROWS: readonly ProviderCodeRecord[] = [
  mediawiki(
    'mwoauth-invalid-authorization-wrong-wiki',
    'The authorization headers in your request are not valid for $1',
    ['MediaWiki: the grant is not for this wiki', 'The access token was granted for another wiki (a consumer restricted to one project, used at another): call the API of the wiki it was granted for, or ask for a grant valid on all projects.'],
    ['MediaWiki: この wiki 向けの許可ではない', 'アクセストークンは別の wiki 向けに許可されています（一つのプロジェクトに限られたコンシューマを別のプロジェクトで使用）。許可された wiki の API を呼ぶか、全プロジェクトで有効な許可を求めます。'],
    [{ id: 'host-mismatch', prior: 'likely' }, { id: 'app-configuration', prior: 'possible' }],
  ),
  mediawiki(
    'mwoauth-invalid-authorization-invalid-user',
    "The authorization headers in your request are for a user that doesn't exist here",
    ['MediaWiki: the user has no account on this wiki', 'The token is valid, but the user it stands for has no local account on the wiki called (its global account is not attached there): call the wiki the user has an account on, or attach the account first.'],
    ['MediaWiki: この wiki にユーザーのアカウントがない', 'トークンは有効ですが、それが表すユーザーは呼び出した wiki にローカル・アカウントを持っていません（グローバル・アカウントが結び付いていない）。アカウントのある wiki を呼ぶか、先にアカウントを結び付けます。'],
    [{ id: 'host-mismatch', prior: 'likely' }, { id: 'revocation', prior: 'possible' }],
  ),
  mediawiki(
    'mwoauth-invalid-authorization-wrong-user',
    'The authorization headers in your request are for a different user',
    ['MediaWiki: the token is another user\'s', 'The access token belongs to a different user than the one the request acts for (a token kept from another login).'],
    ['MediaWiki: 別のユーザーのトークン', 'アクセストークンが、リクエストの対象とは別のユーザーのものです（別のログインで得たトークンを使っている）。'],
    [{ id: 'token-type-confusion', prior: 'likely' }, { id: 'revocation', prior: 'possible' }],
  ),
  mediawiki(
    'mwoauth-invalid-authorization-not-approved',
    'The authorization headers in your request are not valid: the consumer is not approved',
    ['MediaWiki: the consumer is not approved for this use', 'The consumer is not approved (still proposed, disabled, or owner-only and used by someone else): an administrator must approve it, or use it as its owner.'],
    ['MediaWiki: コンシューマが承認されていない', 'コンシューマが承認されていません（提案中、無効化、または所有者専用を他人が使用）。管理者の承認を得るか、所有者として使います。'],
    [{ id: 'app-configuration', prior: 'likely' }, { id: 'app-suspended', prior: 'possible' }],
  ),
  mediawiki(
    'mwoauth-invalid-authorization-blocked-user',
    'The authorization headers in your request are for a user who is blocked here',
    ['MediaWiki: the user is blocked', 'The user the token stands for is blocked or locked on this wiki.'],
    ['MediaWiki: ユーザーがブロックされている', 'トークンが表すユーザーは、この wiki でブロックまたはロックされています。'],
    [{ id: 'revocation', prior: 'likely' }],
  ),
];

export function realWorldProviderCodes(): readonly ProviderCodeRecord[] {
  return [
    // ── WordPress REST API OAuth 1.0a server plugin (WP-API/OAuth1): WP_Error JSON {"code":…,"message":…,"data":{"status":…}}
    { provider: 'wordpress', code: 'json_oauth1_signature_mismatch', message: 'OAuth signature does not match', status: 401, maps: 'signature_invalid' },
    { provider: 'wordpress', code: 'json_oauth1_failed_parameter_sort', message: 'Invalid Signature - failed to sort parameters', status: 401, maps: 'signature_invalid' },
    { provider: 'wordpress', code: 'json_oauth1_invalid_signature_method', message: 'Signature method is invalid (HMAC-SHA1 and HMAC-SHA256 only)', status: 401, maps: 'signature_method_rejected' },
    {
      provider: 'wordpress',
      code: 'json_oauth1_invalid_timestamp',
      message: 'Invalid timestamp',
      status: 401,
      maps: 'timestamp_refused',
      overlay: { meaning: { en: 'The WordPress OAuth1 plugin accepts timestamps within 15 minutes either side of its clock (filter json_oauth1_timestamp_window).', ja: 'WordPress の OAuth1 プラグインは、サーバ時刻の前後 15 分以内のタイムスタンプを受け付けます（フィルタ json_oauth1_timestamp_window）。' } },
    },
    { provider: 'wordpress', code: 'json_oauth1_nonce_already_used', message: 'Invalid nonce - nonce has already been used', status: 401, maps: 'nonce_used' },
    { provider: 'wordpress', code: 'json_oauth1_missing_parameter', message: 'No OAuth parameters supplied / missing parameter', status: 400, maps: 'parameter_absent' },
    { provider: 'wordpress', code: 'json_oauth1_invalid_token', message: 'Invalid token / Access token does not exist', status: 400, maps: 'token_rejected' },
    {
      provider: 'wordpress',
      code: 'json_oauth1_expired_token',
      message: 'OAuth request token has expired',
      status: 401,
      maps: 'token_expired',
      overlay: { meaning: { en: 'The WordPress OAuth1 plugin keeps a request token for 24 hours; this one is older and was deleted.', ja: 'WordPress の OAuth1 プラグインはリクエスト・トークンを 24 時間保持します。このトークンはそれより古く、削除されました。' } },
    },
    { provider: 'wordpress', code: 'json_oauth1_unauthorized_token', message: 'OAuth token has not been authorized', status: 401, maps: 'permission_unknown' },
    { provider: 'wordpress', code: 'json_oauth1_invalid_verifier', message: 'OAuth verifier does not match', status: 400, maps: 'verifier_invalid' },
    { provider: 'wordpress', code: 'json_oauth1_consumer_mismatch', message: 'Token is not registered for the given consumer', status: 401, maps: 'token_rejected' },
    { provider: 'wordpress', code: 'json_oauth1_invalid_callback', message: 'Callback URL is invalid (must match the registered one; oob only when oob is registered)', status: 400, maps: 'parameter_rejected' },
    // ── WooCommerce: REST (wc/v1+) and legacy wc-api v1–v3 [woocommerce/woocommerce#11019, #10271]
    { provider: 'woocommerce', code: 'woocommerce_rest_authentication_error', message: 'Invalid signature - provided signature does not match. (and the other checks)', status: 401, overlay: WOOCOMMERCE_AUTH_ERROR },
    { provider: 'woocommerce', code: 'woocommerce_api_authentication_error', message: 'Invalid Signature - provided signature does not match (legacy wc-api)', status: 401, overlay: WOOCOMMERCE_AUTH_ERROR },
    // ── QuickBooks Online (Intuit) fault JSON/XML: "message=ApplicationAuthenticationFailed; errorCode=003200; statusCode=401"
    { provider: 'quickbooks', code: '3200', message: 'ApplicationAuthenticationFailed / AuthenticationFailed', status: 401, overlay: QUICKBOOKS_AUTH_FAILED },
    {
      provider: 'quickbooks',
      code: '3100',
      message: 'AuthorizationFailed',
      status: 403,
      maps: 'additional_authorization_required',
      overlay: { meaning: { en: 'QuickBooks authenticated the app but the token does not grant access to this company or this API (wrong realm ID, or a scope the connection lacks).', ja: 'QuickBooks はアプリを認証しましたが、トークンにこの会社またはこの API へのアクセス権がありません（realm ID の誤り、または接続に含まれないスコープ）。' } },
    },
    // ── Flickr legacy REST codes beside 96/97/100 (Flickr API documentation)
    { provider: 'flickr', code: '98', message: 'Invalid auth token / Login failed', maps: 'token_rejected' },
    { provider: 'flickr', code: '99', message: 'Insufficient permissions (the token lacks the perms the method needs)', maps: 'additional_authorization_required' },
    // ── Vimeo Advanced API (legacy OAuth 1.0a): <rsp stat="fail"><err code="401" msg="Invalid signature" …/> [hybridauth/hybridauth#508]
    { provider: 'vimeo', code: '401', message: 'Invalid signature — the oauth_signature passed was not valid (only this code confirmed)', maps: 'signature_invalid' },
    // ── Evernote EDAM (Thrift) errors surfacing as text: EDAMUserException(errorCode=…)
    { provider: 'evernote', code: 'EDAM-8', alias: 'INVALID_AUTH', source: 'https://dev.evernote.com/doc/reference/Errors.html#Enum_EDAMErrorCode', message: 'INVALID_AUTH — with parameter consumerKey the key is not valid for this service (sandbox vs production, or not activated)', maps: 'consumer_key_unknown' },
    { provider: 'evernote', code: 'EDAM-9', alias: 'AUTH_EXPIRED', source: 'https://dev.evernote.com/doc/reference/Errors.html#Enum_EDAMErrorCode', message: 'AUTH_EXPIRED — the authentication token has expired (lifetime set when the person authorised; uncertain default)', maps: 'token_expired' },
    // ── Withings legacy OAuth 1.0a JSON {"status":342,…} (one report; uncertain)
    { provider: 'withings', code: '342', message: 'The signature (using OAuth) is invalid (uncertain: from one report)', maps: 'signature_invalid' },
    // ── Tumblr API v2 envelope {"meta":{"status":401,"msg":…},"response":[],"errors":[{"title":…,"code":…,"detail":…}]}
    // 1016 "Unable to authorize": shape given in the task brief, meaning best guess from its text; 401: the envelope alone, or a code with no row (tumblr-utils#244 code 0).
    { provider: 'tumblr', code: '1016', message: 'Unable to authorize (meaning read from the text: uncertain)', status: 401, overlay: TUMBLR_NOT_AUTHORIZED },
    { provider: 'tumblr', code: '401', message: 'Not Authorized / Unauthorized (meta status 401, no code Tumblr documents)', status: 401, overlay: TUMBLR_NOT_AUTHORIZED },
    // ── LinkedIn v1 (retired): {"errorCode":0,"message":"[unauthorized]. OAU:…","status":401,…} [masylum/linkedin-js#9; hexgnu/linkedin#270]
    { provider: 'linkedin', code: 'unauthorized', message: '[unauthorized]. OAU:… (LinkedIn\'s trace; names no check)', status: 401, overlay: LINKEDIN_UNAUTHORIZED },
    // ── OpenStreetMap API 0.6: `Error: Unauthorized OAuth request.` header, empty 401 body [openstreetmap/iD#3519]
    {
      provider: 'openstreetmap',
      code: 'unauthorized-oauth-request',
      message: 'Unauthorized OAuth request. (in the Error response header)',
      status: 401,
      overlay: {
        ...INVALID_OAUTH_REQUEST,
        title: { en: 'OpenStreetMap: unauthorized OAuth request', ja: 'OpenStreetMap: 認可されない OAuth リクエスト' },
        meaning: {
          en: 'The OpenStreetMap API could not verify the OAuth 1.0a request and said so only in its Error response header, with an empty body. Its OAuth 1.0a server was the Rails oauth-plugin, which gives one answer for every failed check (signature, token, timestamp, nonce). OpenStreetMap retired OAuth 1.0a in 2024: new clients use OAuth 2.0.',
          ja: 'OpenStreetMap の API は OAuth 1.0a のリクエストを検証できず、そのことを本文なしで Error 応答ヘッダだけで伝えました。その OAuth 1.0a サーバは Rails の oauth-plugin で、どの検査（署名、トークン、タイムスタンプ、ノンス）に失敗しても同じ答えを返します。OpenStreetMap は 2024 年に OAuth 1.0a を廃止しており、新しいクライアントは OAuth 2.0 を使います。',
        },
        legs: ['resource'],
      },
    },
    // ── MediaWiki OAuth extension: `{"errorKey":"mwoauth-…","messageTranslations":{…}}` (REST) or the same key in an API error
    // [wikimedia/mediawiki-extensions-OAuth: i18n/en.json, MWOAuthServer/ResourceServer checks; opensanctions/poliloom#85]
    ...MEDIAWIKI_ROWS,
    // ── NetSuite SOAP: a tokenPassport beside a passport (or another login) in one request [NetSweet/netsuite#368]
    {
      provider: 'netsuite',
      code: 'AMBIGUOUS_AUTHENTICATION',
      message: 'Ambiguous authentication (invalidCredentialsFault, USER_ERROR)',
      source: 'https://github.com/NetSweet/netsuite/issues/368',
      status: 500,
      overlay: {
        title: { en: 'NetSuite: ambiguous authentication', ja: 'NetSuite: 認証方法があいまい' },
        meaning: {
          en: 'The SOAP request carried more than one way to log in (a tokenPassport and a passport, or a login call on a token-based session): NetSuite takes none of them.',
          ja: 'SOAP リクエストにログイン方法が複数あります（tokenPassport と passport、またはトークン認証のセッションでの login 呼び出し）。NetSuite はどれも受け付けません。',
        },
        legs: ['resource'],
        party: 'client',
        usualStatus: 500,
        causes: [
          { id: 'unexpected-parameter', prior: 'likely' },
          { id: 'app-configuration', prior: 'possible' },
        ],
        fixes: [{ for: 'developer', text: { en: 'Send only the tokenPassport header for token-based authentication: no passport, no login() call, no NLAuth header.', ja: 'トークン・ベース認証では tokenPassport ヘッダだけを送ります。passport、login() 呼び出し、NLAuth ヘッダは送りません。' } }],
      },
    },
    // ── Yahoo: the Bearer token arrived over plain http [whatadewitt/yahoo-fantasy-sports-api#37]
    {
      provider: 'yahoo',
      code: 'bearer_token_not_over_ssl',
      message: 'Please provide valid credentials. OAuth oauth_problem="bearer_token_not_over_ssl", realm="yahooapis.com"',
      source: 'https://github.com/whatadewitt/yahoo-fantasy-sports-api/issues/37',
      status: 401,
      // RFC 6750 §5.3 requires TLS for a Bearer token; a request that breaks the transport rule is RFC 6750 §3.1's invalid_request.
      maps: 'oauth2:invalid_request',
      overlay: {
        title: { en: 'Yahoo: the Bearer token was sent over plain HTTP', ja: 'Yahoo: Bearer トークンが平文の HTTP で送られた' },
        meaning: {
          en: 'Yahoo refuses an access token sent to an http:// URL: its APIs take tokens over HTTPS only (RFC 6750 §5.3).',
          ja: 'Yahoo は http:// の URL に送られたアクセストークンを拒否します。API は HTTPS でのみトークンを受け付けます（RFC 6750 §5.3）。',
        },
        legs: ['resource'],
        party: 'client',
        usualStatus: 401,
        causes: [
          { id: 'wrong-endpoint', prior: 'likely' },
          { id: 'host-mismatch', prior: 'possible' },
        ],
        fixes: [{ for: 'developer', text: { en: 'Call the https:// form of the API URL.', ja: 'API の URL を https:// にします。' } }],
      },
    },
    // ── Rails oauth-plugin (Goodreads and others): plain "Invalid OAuth Request" [baahrens/goodreads-api-node#20]
    { provider: 'oauthplugin', code: 'invalid-oauth-request', message: 'Invalid OAuth Request', status: 401, overlay: INVALID_OAUTH_REQUEST },
  ];
}
