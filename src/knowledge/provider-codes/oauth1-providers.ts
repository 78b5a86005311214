import type { ProblemOverlay, ProviderCodeRecord } from '../types.js';

/**
 * OAuth 1.0a providers still in the wild, beyond the reference sheet:
 * Evernote's EDAM error codes (all of them), NetSuite token-based
 * authentication, E*TRADE, LTI 1.x tool libraries, Magento 2 / Adobe
 * Commerce, and X v1.1 codes not listed before. Each row names its source.
 */
const EDAM = 'https://dev.evernote.com/doc/reference/Errors.html#Enum_EDAMErrorCode';
const NETSUITE = 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1534941088.html';
const ETRADE = 'https://apisb.etrade.com/docs/api/authorization/request_token.html';
const MAGENTO = 'https://developer.adobe.com/commerce/webapi/get-started/authentication/oauth-errors/';
const X_CODES = 'https://docs.x.com/x-api/fundamentals/response-codes-and-errors';
const IMS_LTI = 'https://github.com/omsmith/ims-lti/blob/master/src/hmac-sha1.coffee';
const PYLTI = 'https://github.com/mitodl/pylti/blob/master/pylti/common.py';
const LTI_GUIDE = 'https://www.imsglobal.org/specs/ltiv1p1/implementation-guide';
const MAGENTO_24 = 'https://github.com/magento/magento2/issues/35510';
const LTI_GEM = 'https://github.com/instructure/ims-lti/blob/master/lib/ims/lti/request_validator.rb';

function own(title: readonly [string, string], meaning: readonly [string, string], causes: ProblemOverlay['causes'], party: 'client' | 'user' | 'provider' = 'client'): ProblemOverlay {
  return { title: { en: title[0], ja: title[1] }, meaning: { en: meaning[0], ja: meaning[1] }, legs: 'any', party, causes, fixes: [] };
}

/** EDAMErrorCode (Errors.thrift), number → name; 8 and 9 live with the earlier Evernote rows. */
const EDAM_CODES: readonly (readonly [number, string, string | ProblemOverlay])[] = [
  [1, 'UNKNOWN', own(['Evernote: unknown error', 'Evernote: 不明なエラー'], ['The service failed without a reason.', 'サービスが理由を示さずに失敗しました。'], [{ id: 'provider-outage', prior: 'likely' }], 'provider')],
  [2, 'BAD_DATA_FORMAT', own(['Evernote: bad data format', 'Evernote: データ形式の誤り'], ['A value sent has the wrong format (the `parameter` says which).', '送った値の形式が誤っています（`parameter` がどれかを示します）。'], [{ id: 'invalid-parameter-value', prior: 'likely' }])],
  [3, 'PERMISSION_DENIED', own(['Evernote: permission denied', 'Evernote: 権限がない'], ['The token does not allow this operation (a basic-access API key, or a note or notebook not shared with this account).', 'トークンではこの操作が許可されていません（基本アクセスの API キー、またはこのアカウントと共有されていないノートやノートブック）。'], [{ id: 'insufficient-scope', prior: 'likely' }, { id: 'api-access-level', prior: 'possible' }])],
  [4, 'INTERNAL_ERROR', own(['Evernote: internal error', 'Evernote: 内部エラー'], ['Evernote failed internally.', 'Evernote 内部で失敗しました。'], [{ id: 'provider-outage', prior: 'likely' }], 'provider')],
  [5, 'DATA_REQUIRED', own(['Evernote: data required', 'Evernote: 必須データがない'], ['A required value is missing (the `parameter` names it).', '必須の値がありません（`parameter` が示します）。'], [{ id: 'missing-parameter', prior: 'likely' }])],
  [6, 'LIMIT_REACHED', own(['Evernote: account limit reached', 'Evernote: アカウントの上限'], ['An account limit (notes, notebooks, tags …) was reached.', 'アカウントの上限（ノート、ノートブック、タグなど）に達しました。'], [{ id: 'provider-specific', prior: 'likely' }], 'user')],
  [7, 'QUOTA_REACHED', own(['Evernote: upload quota reached', 'Evernote: アップロード容量の上限'], ['The monthly upload quota of the account is used up.', 'アカウントの月間アップロード容量を使い切りました。'], [{ id: 'provider-specific', prior: 'likely' }], 'user')],
  [10, 'DATA_CONFLICT', own(['Evernote: data conflict', 'Evernote: データの競合'], ['The change conflicts with the current state of the object.', '変更がオブジェクトの現在の状態と競合しています。'], [{ id: 'provider-specific', prior: 'likely' }])],
  [11, 'ENML_VALIDATION', own(['Evernote: invalid note content (ENML)', 'Evernote: ノート内容（ENML）が不正'], ['The note content is not valid ENML.', 'ノートの内容が正しい ENML ではありません。'], [{ id: 'invalid-parameter-value', prior: 'likely' }])],
  [12, 'SHARD_UNAVAILABLE', own(['Evernote: shard unavailable', 'Evernote: シャードが利用不可'], ['The server holding the account is unavailable for now.', 'アカウントを保持するサーバが一時的に利用できません。'], [{ id: 'provider-outage', prior: 'likely' }], 'provider')],
  [13, 'LEN_TOO_SHORT', own(['Evernote: value too short', 'Evernote: 値が短すぎる'], ['A value is shorter than allowed.', '値が許容より短すぎます。'], [{ id: 'invalid-parameter-value', prior: 'likely' }])],
  [14, 'LEN_TOO_LONG', own(['Evernote: value too long', 'Evernote: 値が長すぎる'], ['A value is longer than allowed.', '値が許容より長すぎます。'], [{ id: 'invalid-parameter-value', prior: 'likely' }])],
  [15, 'TOO_FEW', own(['Evernote: too few items', 'Evernote: 項目が少なすぎる'], ['Too few items were given.', '項目が少なすぎます。'], [{ id: 'invalid-parameter-value', prior: 'likely' }])],
  [16, 'TOO_MANY', own(['Evernote: too many items', 'Evernote: 項目が多すぎる'], ['Too many items were given.', '項目が多すぎます。'], [{ id: 'invalid-parameter-value', prior: 'likely' }])],
  [17, 'UNSUPPORTED_OPERATION', own(['Evernote: unsupported operation', 'Evernote: 未対応の操作'], ['The operation is not supported (for this account type or API version).', 'この操作は（このアカウント種別や API バージョンでは）サポートされていません。'], [{ id: 'wrong-endpoint', prior: 'likely' }])],
  [18, 'TAKEN_DOWN', own(['Evernote: content taken down', 'Evernote: コンテンツが削除された'], ['The content was taken down and cannot be served.', 'コンテンツが削除され、提供できません。'], [{ id: 'provider-specific', prior: 'likely' }], 'provider')],
  [19, 'RATE_LIMIT_REACHED', own(['Evernote: API rate limit reached', 'Evernote: API のレート制限'], ['The API key made too many calls for this user in the hour; wait rateLimitDuration seconds.', 'API キーがこのユーザーについて 1 時間の呼び出し上限を超えました。rateLimitDuration 秒待ちます。'], [{ id: 'rate-limited', prior: 'likely' }])],
  [20, 'BUSINESS_SECURITY_LOGIN_REQUIRED', own(['Evernote: business login required', 'Evernote: ビジネスのログインが必要'], ['The Evernote Business account requires the person to log in again.', 'Evernote Business アカウントでは利用者の再ログインが必要です。'], [{ id: 'session-ended', prior: 'likely' }], 'user')],
  [21, 'DEVICE_LIMIT_REACHED', own(['Evernote: device limit reached', 'Evernote: 端末数の上限'], ['The account has reached its number of devices.', 'アカウントの端末数の上限に達しました。'], [{ id: 'provider-specific', prior: 'likely' }], 'user')],
  [22, 'OPENID_ALREADY_TAKEN', own(['Evernote: OpenID already linked', 'Evernote: OpenID は連携済み'], ['The OpenID is already linked to another account.', 'その OpenID はすでに別のアカウントに連携されています。'], [{ id: 'provider-specific', prior: 'likely' }], 'user')],
  [23, 'INVALID_OPENID_TOKEN', own(['Evernote: invalid OpenID token', 'Evernote: OpenID トークンが無効'], ['The OpenID token is invalid.', 'OpenID トークンが無効です。'], [{ id: 'invalid-parameter-value', prior: 'likely' }])],
  [24, 'USER_NOT_ASSOCIATED', own(['Evernote: user not associated', 'Evernote: ユーザーが関連付けられていない'], ['No Evernote account is associated with this identity.', 'この ID に関連付けられた Evernote アカウントがありません。'], [{ id: 'provider-specific', prior: 'likely' }], 'user')],
  [25, 'USER_NOT_REGISTERED', own(['Evernote: user not registered', 'Evernote: ユーザーが未登録'], ['The user has no Evernote account.', 'ユーザーに Evernote アカウントがありません。'], [{ id: 'provider-specific', prior: 'likely' }], 'user')],
  [26, 'USER_ALREADY_ASSOCIATED', own(['Evernote: user already associated', 'Evernote: ユーザーは関連付け済み'], ['The account is already associated with another identity.', 'アカウントはすでに別の ID に関連付けられています。'], [{ id: 'provider-specific', prior: 'likely' }], 'user')],
  [27, 'ACCOUNT_CLEAR', own(['Evernote: account cleared', 'Evernote: アカウントが消去された'], ['The account was cleared; local data must be discarded.', 'アカウントが消去されました。ローカルのデータを破棄する必要があります。'], [{ id: 'revocation', prior: 'likely' }], 'user')],
  [28, 'SSO_AUTHENTICATION_REQUIRED', own(['Evernote: single sign-on required', 'Evernote: シングル・サインオンが必要'], ['The business requires signing in through its SSO.', 'ビジネス側がその SSO によるサインインを求めています。'], [{ id: 'session-ended', prior: 'likely' }], 'user')],
];

function edamRows(): ProviderCodeRecord[] {
  return EDAM_CODES.map(([n, name, meaning]) => ({
    provider: 'evernote',
    code: `EDAM-${n}`,
    alias: name,
    message: name,
    source: EDAM,
    ...(typeof meaning === 'string' ? { maps: meaning } : { overlay: meaning }),
  }));
}

const NETSUITE_ROWS: readonly ProviderCodeRecord[] = [
  { provider: 'netsuite', code: 'InvalidToken', message: 'The token is invalid, revoked or does not belong to the account (Login Audit Trail detail)', maps: 'token_rejected', source: NETSUITE, overlay: { causes: [{ id: 'revocation', prior: 'likely' }, { id: 'wrong-realm', prior: 'likely' }, { id: 'host-mismatch', prior: 'possible' }] } },
  { provider: 'netsuite', code: 'InvalidConsumerKey', message: 'The consumer key of the integration record is wrong or the record is disabled (Login Audit Trail detail)', maps: 'consumer_key_unknown', source: NETSUITE },
  { provider: 'netsuite', code: 'InvalidAccount', message: 'The realm (account ID) is wrong: a sandbox needs 123456_SB1 (Login Audit Trail detail)', source: NETSUITE, overlay: own(['NetSuite: wrong account (realm)', 'NetSuite: アカウント（realm）の誤り'], ['The realm does not name the account the token belongs to; for a sandbox write 123456_SB1 (underscore, capitals) although the host says 123456-sb1.', 'realm がトークンの属するアカウントを指していません。サンドボックスではホスト名が 123456-sb1 でも realm は 123456_SB1（アンダースコア・大文字）です。'], [{ id: 'wrong-realm', prior: 'likely' }]) },
  { provider: 'netsuite', code: 'InvalidSignatureMethod', message: 'HMAC-SHA1 is not accepted any more; sign with HMAC-SHA256 (Login Audit Trail detail)', maps: 'signature_method_rejected', source: NETSUITE },
  { provider: 'netsuite', code: 'RoleDisabled', message: 'The role of the token is inactive or lacks the "User Access Tokens" / "Log in using Access Tokens" permission', source: NETSUITE, overlay: own(['NetSuite: the token\'s role cannot log in with tokens', 'NetSuite: トークンのロールでトークン・ログインできない'], ['The role the token was issued for is inactive or lacks the permission to log in using access tokens.', 'トークンの発行先ロールが無効か、アクセス・トークンでログインする権限がありません。'], [{ id: 'insufficient-scope', prior: 'likely' }, { id: 'app-configuration', prior: 'possible' }]) },
  { provider: 'netsuite', code: 'UserLocked', message: 'The user of the token is locked or inactive', source: NETSUITE, overlay: own(['NetSuite: the user is locked or inactive', 'NetSuite: ユーザーがロックまたは無効'], ['The employee the token belongs to is locked out, inactive, or lost access.', 'トークンの所有者（従業員）がロックアウト、無効化、またはアクセスを失っています。'], [{ id: 'revocation', prior: 'likely' }], 'user') },
  { provider: 'netsuite', code: 'USER_ERROR', message: 'USER_ERROR (REST web services; the detail names the check)', source: 'https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1545222128.html', overlay: own(['NetSuite: user error', 'NetSuite: ユーザー・エラー'], ['NetSuite refused the request for a reason its detail names (often the login itself).', 'NetSuite が、詳細に示す理由でリクエストを拒否しました（多くはログインそのもの）。'], [{ id: 'wrong-realm', prior: 'possible' }, { id: 'wrong-secret', prior: 'possible' }]) },
];

const ETRADE_ROWS: readonly ProviderCodeRecord[] = [
  { provider: 'etrade', code: 'token_expired', message: 'token_expired: access tokens expire at midnight US Eastern, or after two hours idle', maps: 'token_expired', source: ETRADE, overlay: { meaning: { en: 'E*TRADE access tokens expire at midnight US Eastern time and go inactive after two hours without a call; renew_access_token revives an inactive one, an expired one needs the whole flow again.', ja: 'E*TRADE のアクセス・トークンは米国東部時間の深夜 0 時に失効し、2 時間呼び出しがないと非アクティブになります。非アクティブなら renew_access_token で復活し、失効したものはフロー全体のやり直しが必要です。' }, causes: [{ id: 'expiry', prior: 'likely' }] } },
  { provider: 'etrade', code: 'token_rejected', message: 'token_rejected: an unknown, old or sandbox/production-crossed token', maps: 'token_rejected', source: ETRADE, overlay: { meaning: { en: 'E*TRADE did not accept the token: request tokens live 5 minutes; sandbox keys and tokens work only on apisb.etrade.com, production ones only on api.etrade.com.', ja: 'E*TRADE がトークンを受け付けませんでした。リクエスト・トークンの寿命は 5 分で、サンドボックスのキーとトークンは apisb.etrade.com、本番のものは api.etrade.com でしか使えません。' }, causes: [{ id: 'expiry', prior: 'likely' }, { id: 'host-mismatch', prior: 'likely' }, { id: 'reuse', prior: 'possible' }] } },
  { provider: 'etrade', code: 'consumer_key_rejected', message: 'consumer_key_rejected: the key is not enabled for this environment', maps: 'consumer_key_rejected', source: ETRADE, overlay: { causes: [{ id: 'host-mismatch', prior: 'likely' }, { id: 'app-suspended', prior: 'possible' }] } },
];

const MAGENTO_ROWS: readonly ProviderCodeRecord[] = [
  { provider: 'magento', code: 'token_revoke', message: 'token_revoke (Magento\'s spelling, code 11): the person revoked the token', maps: 'token_revoked', source: MAGENTO },
  { provider: 'magento', code: 'consumer_key_rejected', message: 'consumer_key_rejected (code 8): the consumer key has the wrong length or does not exist', maps: 'consumer_key_rejected', source: MAGENTO, overlay: { causes: [{ id: 'unknown-consumer', prior: 'likely' }, { id: 'invalid-parameter-value', prior: 'possible' }] } },
  { provider: 'magento', code: 'signature_method_rejected', message: 'signature_method_rejected (code 6): Adobe Commerce 2.4 accepts HMAC-SHA256 only', maps: 'signature_method_rejected', source: MAGENTO, overlay: { causes: [{ id: 'wrong-signature-method', prior: 'likely' }] } },
  // Magento 2's "The signature is invalid. Verify and try again." (also as oauth_problem): from 2.4.4 only HMAC-SHA256 is accepted
  // (OauthInterface::getSupportedSignatureMethods), and some releases answer an HMAC-SHA1 request with this refusal rather than
  // "Signature method %1 is not supported" [magento/magento2#35510, klaviyo/magento2-klaviyo#177, magento/magento2#37913].
  {
    provider: 'magento',
    code: 'signature_invalid',
    message: 'The signature is invalid. Verify and try again.',
    maps: 'signature_invalid',
    source: MAGENTO_24,
    overlay: {
      meaning: {
        en: 'Magento refused the signature. Magento 2.4.4 and later (Adobe Commerce) accept HMAC-SHA256 only, so a client still signing with HMAC-SHA1 gets this; otherwise the base string differs (query parameters such as searchCriteria[…] encoded differently, or the token and secret of another integration).',
        ja: 'Magento が署名を拒否しました。Magento 2.4.4 以降（Adobe Commerce）は HMAC-SHA256 しか受け付けないため、HMAC-SHA1 で署名するクライアントはこれを受け取ります。そうでなければ署名ベース文字列が異なります（searchCriteria[…] などのクエリ・パラメータのエンコードの違い、または別の統合のトークンとシークレット）。',
      },
      causes: [
        { id: 'signature-base-mismatch', prior: 'likely' },
        { id: 'wrong-secret', prior: 'likely' },
        // Likely too, but the wording alone does not say 2.4.4 or later: the method sent (evidence/signature-method.ts) decides.
        { id: 'wrong-signature-method', prior: 'likely' },
      ],
    },
  },
  { provider: 'magento', code: 'permission_denied', message: 'permission_denied (code 15): the integration is not authorised for this resource', maps: 'permission_denied', source: MAGENTO, overlay: { party: 'client', causes: [{ id: 'insufficient-scope', prior: 'likely' }] } },
];

function lti(code: string, message: string, source: string, maps: string): ProviderCodeRecord {
  return { provider: 'lti', code, message, source, maps };
}

/** LTI 1.x tool libraries' refusals of a launch (their own error texts, matched in phrases by the classifier; here the codes they raise). */
const LTI_ROWS: readonly ProviderCodeRecord[] = [
  lti('ims-lti:signature', 'Invalid Signature (ims-lti for Node: HMAC_SHA1 check failed)', IMS_LTI, 'signature_invalid'),
  lti('ims-lti:nonce', 'Expired nonce / Invalid nonce (ims-lti for Node: nonce store)', IMS_LTI, 'nonce_used'),
  lti('pylti:LTIException', 'OAuth error: Please check your key and secret (pylti: the launch did not verify)', PYLTI, 'signature_invalid'),
  lti('ims-lti-ruby:invalid', 'Invalid LTI launch / OAuth signature invalid (ims-lti gem: valid_request? false)', LTI_GEM, 'signature_invalid'),
  // A tool's or platform's refusal that names no check ("Invalid LTI launch", "Couldn't validate LTI request"): what the
  // tool verifies is the launch's OAuth 1.0a signature, timestamp window and nonce (LTI 1.1 Implementation Guide §4.1.1).
  {
    provider: 'lti',
    code: 'launch',
    message: 'Invalid LTI launch / Could not validate LTI request (the tool refused the launch without naming the check)',
    maps: 'signature_invalid',
    source: LTI_GUIDE,
    overlay: {
      meaning: {
        en: 'The tool could not verify the LTI 1.x launch: its OAuth 1.0a signature (the key and shared secret, or the launch URL it signs against: scheme, host, port and trailing slash behind a proxy), its oauth_timestamp (outside the tool\'s window, often 5 to 90 minutes) or its oauth_nonce (seen before, as when the platform re-posts a launch).',
        ja: 'ツールが LTI 1.x の起動を検証できませんでした。OAuth 1.0a の署名（キーと共有シークレット、またはツールが署名を検証する起動 URL: プロキシの後ろでのスキーム、ホスト、ポート、末尾のスラッシュ）、oauth_timestamp（ツールの許容範囲外、多くは 5〜90 分）、または oauth_nonce（再送された起動などで使用済み）のいずれかです。',
      },
      causes: [
        { id: 'signature-base-mismatch', prior: 'likely' },
        { id: 'wrong-secret', prior: 'likely' },
        { id: 'clock-skew', prior: 'possible' },
        { id: 'nonce-reuse', prior: 'possible' },
      ],
    },
  },
];

/** X v1.1 codes beyond the reference sheet [X_CODES]. */
const X_ROWS: readonly ProviderCodeRecord[] = [
  { provider: 'x', code: '64', message: 'Your account is suspended and is not permitted to access this feature', status: 403, source: X_CODES, overlay: own(['X: the account is suspended', 'X: アカウントが凍結されている'], ['The account behind the token is suspended.', 'トークンのアカウントが凍結されています。'], [{ id: 'app-suspended', prior: 'likely' }], 'user') },
  { provider: 'x', code: '87', message: 'Client is not permitted to perform this action', status: 403, source: X_CODES, overlay: own(['X: the client is not permitted this action', 'X: クライアントにこの操作が許可されていない'], ['The app may not call this endpoint (xAuth, an elevated endpoint, or an access level it lacks).', 'アプリはこのエンドポイントを呼べません（xAuth、上位のエンドポイント、または持っていないアクセス・レベル）。'], [{ id: 'api-access-level', prior: 'likely' }, { id: 'insufficient-scope', prior: 'possible' }]) },
  { provider: 'x', code: '130', message: 'Over capacity', status: 503, source: X_CODES, overlay: own(['X: over capacity', 'X: 過負荷'], ['X is temporarily over capacity.', 'X が一時的に過負荷です。'], [{ id: 'provider-outage', prior: 'likely' }], 'provider') },
  { provider: 'x', code: '131', message: 'Internal error', status: 500, source: X_CODES, overlay: own(['X: internal error', 'X: 内部エラー'], ['X failed internally.', 'X 内部で失敗しました。'], [{ id: 'provider-outage', prior: 'likely' }], 'provider') },
  { provider: 'x', code: '326', message: 'To protect our users from spam and other malicious activity, this account is temporarily locked.', status: 403, source: X_CODES, overlay: own(['X: the account is temporarily locked', 'X: アカウントが一時的にロック'], ['X locked the account; the person must log in on x.com and complete the challenge.', 'X がアカウントをロックしました。利用者が x.com にログインしてチャレンジを完了する必要があります。'], [{ id: 'app-suspended', prior: 'likely' }], 'user') },
  { provider: 'x', code: '453', message: 'You currently have access to a subset of X API v2 endpoints and limited v1.1 endpoints only.', status: 403, source: X_CODES, overlay: own(['X: this endpoint needs a higher access level', 'X: このエンドポイントには上位のアクセス・レベルが必要'], ['The app\'s access tier does not include this v1.1 endpoint.', 'アプリのアクセス・レベルにこの v1.1 エンドポイントが含まれていません。'], [{ id: 'api-access-level', prior: 'likely' }]) },
  { provider: 'x', code: '186', message: 'Tweet needs to be a bit shorter.', status: 403, source: X_CODES, overlay: own(['X: the post is too long', 'X: 投稿が長すぎる'], ['The status text is over the length limit.', '投稿の本文が長さの上限を超えています。'], [{ id: 'invalid-parameter-value', prior: 'likely' }]) },
  { provider: 'x', code: '187', message: 'Status is a duplicate.', status: 403, source: X_CODES, overlay: own(['X: duplicate post', 'X: 重複した投稿'], ['The same text was posted just before.', '同じ本文が直前に投稿されています。'], [{ id: 'provider-specific', prior: 'likely' }]) },
  { provider: 'x', code: '226', message: 'This request looks like it might be automated.', status: 403, source: X_CODES, overlay: own(['X: the request looks automated', 'X: 自動化されたリクエストと判定'], ['X\'s spam protection refused the action.', 'X のスパム対策がこの操作を拒否しました。'], [{ id: 'rate-limited', prior: 'likely' }]) },
  { provider: 'x', code: '231', message: 'User must verify login', status: 403, source: X_CODES, overlay: own(['X: the person must verify their login', 'X: 利用者がログインを確認する必要がある'], ['X wants the person to confirm the login on x.com first.', 'X は、利用者がまず x.com でログインを確認することを求めています。'], [{ id: 'session-ended', prior: 'likely' }], 'user') },
  { provider: 'x', code: '251', message: 'This endpoint has been retired and should not be used.', status: 410, source: X_CODES, overlay: own(['X: the endpoint was retired', 'X: エンドポイントは廃止済み'], ['The endpoint no longer exists; use its successor (often in API v2).', 'エンドポイントはもう存在しません。後継（多くは API v2）を使います。'], [{ id: 'wrong-endpoint', prior: 'likely' }]) },
  { provider: 'x', code: '348', message: 'Client application is not permitted to to invalidate this token.', status: 403, source: X_CODES, overlay: own(['X: not permitted to invalidate this token', 'X: このトークンを無効化する権限がない'], ['Only the app the token was issued to may invalidate it.', 'トークンを無効化できるのは、発行先のアプリだけです。'], [{ id: 'token-type-confusion', prior: 'likely' }]) },
];

export function oauth1ProviderCodes(): readonly ProviderCodeRecord[] {
  return [...edamRows(), ...NETSUITE_ROWS, ...ETRADE_ROWS, ...MAGENTO_ROWS, ...LTI_ROWS, ...X_ROWS];
}
