import { lazy } from './lazy.js';
import { localisedXPageConcepts } from './concepts-x-pages.js';
import { oauth2Concepts } from './concepts-oauth2.js';
import type { ConceptRecord } from './types.js';

/**
 * The message classifier's tables (issue #12, STYLE habit 3): for each
 * concept, the words that name its subject and the words that say what is
 * wrong with it, in English and Japanese. Adding a wording is adding a
 * word here; src/diagnose/classify/ reads them (case, punctuation, word
 * order, plurals and run-together words do not matter). A reading from
 * these words is always `heuristic` and names the words it rests on.
 * Rows are tried in order within a tier; the earliest match in the text wins.
 */

// ── Shared state words (English).
const INVALID = ['invalid', 'not valid', 'is not valid', "isn't valid", 'incorrect', 'wrong', 'bad', 'malformed', 'not accepted', 'unacceptable'];
const MISMATCH = ['mismatch', 'mismatched', 'does not match', "doesn't match", 'did not match', "didn't match", 'do not match', "don't match", 'not match', 'not matching', 'no match', 'differs'];
const FAILED = ['failed', 'fail', 'failure', 'verification', 'verification failed', 'could not verify', 'unable to verify', 'cannot verify', 'failed to verify', 'not verified', 'could not be verified', 'validation', 'validation failed', 'failed to validate', 'error', 'rejected', 'not authentic'];
const UNKNOWN = ['unknown', 'not found', 'no such', 'unrecognized', 'unrecognised', 'not recognized', 'not recognised', 'does not exist', "doesn't exist", 'not exist', 'not registered', 'not provisioned', 'nonexistent'];
const USED = ['used', 'already used', 'been used', 'already', 'redeemed', 'already redeemed', 'consumed', 'reused', 'replayed', 'used up', 'already exchanged'];
const REVOKED = ['revoked', 'invalidated', 'deauthorized', 'deauthorised', 'been revoked'];
const EXPIRED = ['expired', 'expire', 'expiry', 'expiration', 'too old', 'timed out', 'no longer valid', 'stale', 'outdated', 'lifetime exceeded', 'not active', 'inactive'];
const DISABLED = ['revoked', 'disabled', 'blocked', 'suspended', 'banned', 'deactivated', 'deleted', 'blacklisted', 'inactive', 'not active'];
const MISSING = ['missing', 'required', 'absent', 'not provided', 'not present', 'not supplied', 'must be provided', 'must be present', 'not sent', 'no', 'empty', 'is required', 'not specified'];
const LACKS = ['insufficient', 'missing', 'required', 'requires', 'not granted', 'lacks', 'lack', 'does not have', "doesn't have", 'do not have', "don't have", 'not have', 'not enough', 'not sufficient', 'needed', 'need', 'denied', 'not allowed', 'not included', 'no'];
const NOT_ALLOWED = ['not permitted', 'not allowed', 'not allowed to use', 'not authorized to use', 'not authorised to use', 'not enabled', 'not enabled for', 'not approved for', 'does not have access', "doesn't have access", 'no access', 'not whitelisted', 'not entitled', 'cannot', 'can not', 'unable to'];

// ── Shared subject words.
const SIGNATURE = ['signature', 'oauth signature', 'request signature', 'hmac signature', 'rsa signature'];
const CONSUMER_KEY = ['consumer key', 'consumer', 'oauth consumer key', 'client key', 'api key', 'app key', 'application key', 'consumer id', 'client id', 'clientid', 'key'];
const TOKEN = ['token', 'oauth token', 'access token', 'request token', 'refresh token', 'temporary credentials', 'temporary credential', 'token credentials', 'session token'];
const TIMESTAMP = ['timestamp', 'oauth timestamp', 'time stamp', 'request time', 'request timestamp'];
const NONCE = ['nonce', 'oauth nonce'];
const VERIFIER = ['verifier', 'oauth verifier', 'pin', 'pin code', 'verification code'];

const JA_INVALID = ['無効', '不正', '誤り', '正しくありません', '間違', 'エラー'];
const JA_MISMATCH = ['一致しません', '一致しない', '不一致', '合いません'];

function en(row: Omit<ConceptRecord, 'lang'>): ConceptRecord {
  return { ...row, lang: 'en' };
}
function ja(row: Omit<ConceptRecord, 'lang'>): ConceptRecord {
  return { ...row, lang: 'ja' };
}

export const concepts = lazy((): readonly ConceptRecord[] => [
  // ── Tier 0: words that name their cause outright.
  en({ id: 'read-only', concept: 'permission', subject: ['read only', 'readonly', 'read only application', 'read only access', 'read only app'], state: [], problem: 'additional_authorization_required', causes: ['read-only-app', 'insufficient-scope'], tier: 0, source: 'X code 261 ("Application cannot perform write actions"), Tumblr/Plurk "Read-only application cannot POST"' }),
  en({ id: 'write-denied', concept: 'permission', subject: ['write', 'write access', 'write actions', 'write permission', 'write permissions', 'write operations'], state: [...NOT_ALLOWED, 'forbidden', 'insufficient', 'not have', 'does not have', 'lacks'], problem: 'additional_authorization_required', causes: ['read-only-app', 'insufficient-scope'], tier: 0 }),
  en({ id: 'api-access-level', concept: 'permission', subject: ['access level', 'access tier', 'api tier', 'tier', 'elevated access', 'essential access', 'basic access', 'access plan', 'plan', 'subscription', 'subset', 'product access', 'developer account', 'access'], state: ['too low', 'insufficient', 'not sufficient', 'upgrade', 'not available', 'not included', 'does not include', 'different', 'higher', 'elevated', 'essential', 'subset', 'limited', 'not enrolled', 'not eligible', 'apply for', 'tier', 'level'], problem: 'additional_authorization_required', causes: ['api-access-level'], tier: 0, source: 'X code 453 ("You currently have access to a subset of Twitter API v2 endpoints … you may need a different access level")' }),
  en({ id: 'client-not-permitted', concept: 'permission', subject: ['client', 'application', 'app', 'consumer', 'api key', 'developer app', 'account', 'integration'], state: NOT_ALLOWED.filter((w) => w !== 'cannot' && w !== 'can not' && w !== 'unable to'), problem: 'additional_authorization_required', causes: ['api-access-level', 'app-configuration'], tier: 0, source: 'X: "This client is not permitted to use xAuth"' }),
  en({ id: 'scope-lacking', concept: 'permission', subject: ['scope', 'oauth scope', 'permission', 'privilege', 'access rights', 'rights', 'role', 'authorization scope'], state: LACKS, problem: 'additional_authorization_required', causes: ['insufficient-scope'], tier: 0 }),
  en({ id: 'rate-limit', concept: 'rate-limit', subject: ['rate limit', 'rate limited', 'rate limiting', 'ratelimit', 'ratelimited', 'rate exceeded', 'too many requests', 'too many calls', 'too many attempts', 'throttled', 'throttling', 'throttle', 'quota exceeded', 'over quota', 'slow down', 'enhance your calm', 'wait before retrying', 'wait before trying', 'wait before retry', 'retry after'], state: [], problem: 'http:429', causes: ['rate-limited'], tier: 0 }),
  en({ id: 'limit-exceeded', concept: 'rate-limit', subject: ['limit', 'quota', 'request limit', 'call limit', 'usage', 'usage limit'], state: ['exceeded', 'reached', 'hit', 'over', 'too many', 'used up', 'exhausted'], problem: 'http:429', causes: ['rate-limited'], tier: 0 }),
  en({ id: 'token-type', concept: 'token', subject: ['expected request token', 'expected access token', 'an expected request token', 'not a request token', 'not an access token', 'token type', 'type of token', 'kind of token'], state: [...MISMATCH, 'wrong', 'invalid', 'unexpected', 'not', 'is a'], problem: 'token_rejected', causes: ['token-type-confusion', 'reuse'], tier: 0, source: 'Xero OAuth 1.0a oauth_problem_advice "Token does not match an expected REQUEST token" (waynerobinson/xeroizer#248)' }),
  en({ id: 'not-oauth-request', concept: 'parameter', subject: ['oauth 1.0a protocol', 'oauth 1.0 protocol', 'oauth protocol', 'oauth request', 'oauth specification', 'oauth spec', 'oauth endpoint'], state: ["doesn't appear to conform", 'does not appear to conform', 'does not conform', "doesn't conform", 'not conform', 'not comply', 'does not comply', 'not a valid', 'not valid'], problem: 'parameter_absent', causes: ['missing-parameter', 'malformed-header'], tier: 0, source: 'Discogs: "This URL is an OAuth endpoint, but the request you made doesn\'t appear to conform to the OAuth 1.0a protocol." (maxep/DiscogsAPI#3)' }),
  ...oauth2Concepts(),
  ja({ id: 'ja-read-only', concept: 'permission', subject: ['読み取り専用', '読み込み専用', 'リードオンリー'], state: [], problem: 'additional_authorization_required', causes: ['read-only-app', 'insufficient-scope'], tier: 0 }),
  ja({ id: 'ja-scope', concept: 'permission', subject: ['権限', 'スコープ', 'アクセス権', 'パーミッション'], state: ['ありません', '不足', '足りません', '必要', '持っていません', 'ない', '許可されていません'], problem: 'additional_authorization_required', causes: ['insufficient-scope'], tier: 0 }),
  ja({ id: 'ja-access-level', concept: 'permission', subject: ['アクセスレベル', 'プラン'], state: ['不足', '足りません', 'アップグレード', '必要', '利用できません'], problem: 'additional_authorization_required', causes: ['api-access-level'], tier: 0 }),
  ja({ id: 'ja-rate-limit', concept: 'rate-limit', subject: ['レート制限', '回数制限', 'リクエストが多すぎ', 'リクエスト数の上限', '制限を超え', '上限に達', 'しばらく時間をおいて', 'しばらくしてから'], state: [], problem: 'http:429', causes: ['rate-limited'], tier: 0 }),

  // ── Tier 1: a subject and what is wrong with it.
  en({ id: 'signature-method', concept: 'signature-method', subject: ['signature method', 'oauth signature method', 'signature algorithm', 'hmac sha1', 'hmac sha256', 'rsa sha1', 'rsa sha256', 'plaintext'], state: ['unsupported', 'not supported', 'invalid', 'unknown', 'not allowed', 'rejected', 'not accepted', 'not permitted', 'disabled', 'not implemented', 'only'], problem: 'signature_method_rejected', causes: ['wrong-signature-method'], tier: 1 }),
  en({ id: 'nonce-used', concept: 'nonce', subject: NONCE, state: ['used', 'already used', 'been used', 'already', 'duplicate', 'duplicated', 'reused', 'replay', 'replayed', 'seen', 'not unique', 'repeated', 'invalid', 'not valid', 'too short'], problem: 'nonce_used', causes: ['nonce-reuse'], tier: 1, outranks: ['key-and-secret'] }),
  en({ id: 'timestamp', concept: 'timestamp', subject: TIMESTAMP, state: [...INVALID, 'expired', 'too old', 'too new', 'too far', 'in the future', 'future', 'out of range', 'out of bounds', 'outside', 'not within', 'refused', 'rejected', 'stale', 'skew', 'skewed', 'window', 'difference', 'too large', 'too small', 'exceeds', 'ahead', 'behind', 'old'], problem: 'timestamp_refused', causes: ['clock-skew'], tier: 1 , outranks: ['key-and-secret']}),
  en({ id: 'clock', concept: 'clock', subject: ['clock', 'system time', 'server time', 'device time', 'local time', 'computer time', 'time'], state: ['skew', 'skewed', 'out of sync', 'not in sync', 'not synchronized', 'not synchronised', 'drift', 'ahead', 'behind', 'off by', 'is off'], problem: 'timestamp_refused', causes: ['clock-skew'], tier: 1 }),
  en({ id: 'verifier', concept: 'verifier', subject: VERIFIER, state: [...INVALID, ...MISMATCH, 'expired', 'rejected', 'unknown'], problem: 'verifier_invalid', causes: ['verifier-mismatch'], tier: 1 }),
  en({ id: 'callback', concept: 'callback', subject: ['callback', 'callback url', 'callback uri', 'oauth callback', 'return url', 'redirect'], state: ['not approved', 'not registered', 'not whitelisted', 'not allowed', 'not permitted', ...MISMATCH, 'invalid', 'not valid', 'unauthorized', 'unauthorised', 'not authorized', 'not configured', 'must match', 'different', 'locked', 'rejected'], problem: 'parameter_rejected', parameters: { oauth_parameters_rejected: 'oauth_callback' }, causes: ['callback-not-approved'], tier: 1 }),
  en({ id: 'key-and-secret', concept: 'key-and-secret', subject: ['key and secret', 'keys and secrets', 'key secret', 'consumer secret', 'token secret', 'secret', 'credentials', 'api credentials', 'consumer key and secret', 'keys and tokens'], state: ['check', 'verify', ...INVALID, ...MISMATCH], problem: 'signature_invalid', causes: ['wrong-secret', 'unknown-consumer'], tier: 1, source: '"OAuth error: please check your key and secret"' }),
  // Problem Reporting: consumer_key_rejected is for good (suspended, revoked), consumer_key_refused for now (throttled, switched off).
  en({ id: 'consumer-key-disabled', concept: 'consumer-key', subject: CONSUMER_KEY, state: [...DISABLED, 'rejected', 'permanently'], problem: 'consumer_key_rejected', causes: ['app-suspended'], tier: 1 }),
  en({ id: 'consumer-key-expired', concept: 'consumer-key', subject: CONSUMER_KEY, state: EXPIRED, problem: 'consumer_key_rejected', causes: ['app-suspended', 'app-configuration'], tier: 1 }),
  en({ id: 'consumer-key-refused', concept: 'consumer-key', subject: CONSUMER_KEY, state: ['refused', 'temporarily', 'not accepted at this time'], problem: 'consumer_key_refused', causes: ['app-suspended', 'rate-limited'], tier: 1, source: 'oauthlib: invalid_client "Consumer key refused."' }),
  en({ id: 'consumer-key-unknown', concept: 'consumer-key', subject: CONSUMER_KEY, state: [...INVALID, ...UNKNOWN], problem: 'consumer_key_unknown', oauth2: 'oauth2:invalid_client', causes: ['unknown-consumer'], tier: 1, source: '"ConsumerKey is invalid", "ClientID not provisioned"' }),
  en({ id: 'token-used', concept: 'token', subject: TOKEN, state: USED, problem: 'token_used', causes: ['reuse'], tier: 1 }),
  en({ id: 'token-revoked', concept: 'token', subject: TOKEN, state: REVOKED, problem: 'token_revoked', causes: ['revocation'], tier: 1 }),
  en({ id: 'token-expired', concept: 'token', subject: TOKEN, state: EXPIRED, problem: 'token_expired', causes: ['expiry'], tier: 1 }),
  en({ id: 'token-not-authorized', concept: 'token', subject: TOKEN, state: ['not authorized', 'not authorised', 'not yet authorized', 'not yet authorised', 'not approved', 'unauthorized'], problem: 'permission_unknown', causes: ['not-yet-authorized'], tier: 1 }),
  en({ id: 'token-invalid', concept: 'token', subject: TOKEN, state: [...INVALID, ...UNKNOWN, ...MISMATCH, 'rejected'], problem: 'token_rejected', causes: [], tier: 1 }),
  en({ id: 'signature-invalid', concept: 'signature', subject: SIGNATURE, state: [...INVALID, ...MISMATCH, ...FAILED, 'broken'], problem: 'signature_invalid', causes: ['signature-base-mismatch', 'wrong-secret'], tier: 1, source: '"Verification of signature failed", "The OAuth signature was invalid.", "InvalidSignature"' }),
  en({ id: 'header-malformed', concept: 'parameter', subject: ['authorization header', 'oauth header', 'auth header', 'header'], state: ['malformed', 'could not parse', 'cannot parse', 'unable to parse', 'unparseable', 'invalid format', 'bad format', 'not well formed', 'invalid'], problem: 'parameter_rejected', causes: ['malformed-header'], tier: 1 }),
  en({ id: 'parameter-duplicate', concept: 'parameter', subject: ['parameter', 'oauth parameter', 'oauth'], state: ['duplicate', 'duplicated', 'repeated', 'multiple', 'more than once', 'twice'], problem: 'parameter_rejected', causes: ['unexpected-parameter'], tier: 1 }),
  en({ id: 'parameter-missing', concept: 'parameter', subject: ['parameter', 'oauth parameter', 'authorization header', 'oauth header', 'header', 'oauth consumer key', 'oauth token', 'oauth signature', 'oauth nonce', 'oauth timestamp', 'oauth signature method', 'oauth verifier', 'oauth callback', 'authentication credentials', 'credentials', 'authorization', 'access token', 'api key', 'x api key'], state: MISSING, problem: 'parameter_absent', causes: ['missing-parameter'], tier: 1, source: 'Microsoft Graph "Access token is empty." (microsoftgraph/msgraph-sample-reactspa#54); "Request is missing x-api-key." (USEPA/ctxR#33)' }),
  en({ id: 'version', concept: 'version', subject: ['oauth version', 'oauth protocol version'], state: ['unsupported', 'not supported', 'invalid', 'wrong', 'bad', 'rejected'], problem: 'version_rejected', causes: ['wrong-version'], tier: 1 }),
  en({ id: 'user-denied', concept: 'user-denied', subject: ['user', 'resource owner', 'end user', 'person'], state: ['denied', 'refused', 'declined', 'cancelled', 'canceled', 'did not authorize', 'did not approve', 'aborted', 'rejected by'], problem: 'permission_denied', causes: ['user-denied'], tier: 1 }),
  en({ id: 'method-not-allowed', concept: 'endpoint', subject: ['method', 'http method', 'request method', 'get', 'post', 'put', 'delete', 'verb'], state: ['not allowed', 'not supported', 'unsupported', 'not permitted', 'is invalid', 'invalid for', 'does not support', 'not accepted'], problem: 'http:405', causes: ['wrong-method'], tier: 1 }),
  en({ id: 'endpoint-missing', concept: 'endpoint', subject: ['endpoint', 'url', 'path', 'route', 'resource', 'api endpoint', 'page', 'api version'], state: ['not found', 'does not exist', 'no such', 'unknown', 'deprecated', 'retired', 'sunset', 'gone', 'no longer available', 'no longer supported', 'moved', 'not supported'], problem: 'http:404', causes: ['wrong-endpoint'], tier: 1 }),
  ...localisedXPageConcepts(),
  ja({ id: 'ja-signature', concept: 'signature', subject: ['署名', 'シグネチャ', 'シグニチャ', 'signature'], state: [...JA_INVALID, ...JA_MISMATCH, '失敗', '検証できません', '確認できません'], problem: 'signature_invalid', causes: ['signature-base-mismatch', 'wrong-secret'], tier: 1 }),
  ja({ id: 'ja-consumer-key-refused', concept: 'consumer-key', subject: ['コンシューマキー', 'コンシューマーキー', 'apiキー', 'アプリケーションキー', 'クライアントid', 'アプリ'], state: ['停止', '無効化', '凍結', 'ブロック', '取り消'], problem: 'consumer_key_rejected', causes: ['app-suspended'], tier: 1 }),
  ja({ id: 'ja-consumer-key', concept: 'consumer-key', subject: ['コンシューマキー', 'コンシューマーキー', 'apiキー', 'アプリケーションキー', 'クライアントid'], state: [...JA_INVALID, '見つかりません', '存在しません', '不明', '登録されていません'], problem: 'consumer_key_unknown', causes: ['unknown-consumer'], tier: 1 }),
  ja({ id: 'ja-nonce', concept: 'nonce', subject: ['nonce', 'ノンス'], state: ['使用済', '既に使用', 'すでに使用', '重複', '再利用'], problem: 'nonce_used', causes: ['nonce-reuse'], tier: 1 }),
  ja({ id: 'ja-timestamp', concept: 'timestamp', subject: ['タイムスタンプ', '時刻', '時計'], state: [...JA_INVALID, 'ずれ', '範囲外', '古すぎ', '期限切れ', '許容範囲', '合っていません'], problem: 'timestamp_refused', causes: ['clock-skew'], tier: 1 }),
  ja({ id: 'ja-verifier', concept: 'verifier', subject: ['ベリファイア', '検証コード', 'pinコード', 'pin', 'verifier'], state: [...JA_INVALID, ...JA_MISMATCH], problem: 'verifier_invalid', causes: ['verifier-mismatch'], tier: 1 }),
  ja({ id: 'ja-callback', concept: 'callback', subject: ['コールバック', 'リダイレクト'], state: [...JA_MISMATCH, '許可されていません', '登録されていません', '承認されていません', '無効', '不正'], problem: 'parameter_rejected', parameters: { oauth_parameters_rejected: 'oauth_callback' }, causes: ['callback-not-approved', 'redirect-mismatch'], tier: 1 }),
  ja({ id: 'ja-token-used', concept: 'token', subject: ['トークン'], state: ['使用済', '既に使用', 'すでに使用', '再利用', '使われています'], problem: 'token_used', causes: ['reuse'], tier: 1 }),
  ja({ id: 'ja-token-revoked', concept: 'token', subject: ['トークン'], state: ['取り消', '取消', '無効化', '破棄', '失効'], problem: 'token_revoked', causes: ['revocation'], tier: 1 }),
  ja({ id: 'ja-token-expired', concept: 'token', subject: ['トークン'], state: ['期限切れ', '有効期限が切れ', '有効期限切れ', '期限が切れ'], problem: 'token_expired', causes: ['expiry'], tier: 1 }),
  ja({ id: 'ja-token-missing', concept: 'parameter', subject: ['トークン', 'パラメータ', 'パラメーター', 'ヘッダ'], state: ['ありません', '不足', '必須', '指定されていません', '欠落', '見つかりません'], problem: 'parameter_absent', causes: ['missing-parameter'], tier: 1 }),
  ja({ id: 'ja-token-invalid', concept: 'token', subject: ['トークン'], state: [...JA_INVALID, '存在しません', '認識できません'], problem: 'token_rejected', causes: [], tier: 1 }),
  ja({ id: 'ja-user-denied', concept: 'user-denied', subject: ['ユーザー', 'ユーザ', '利用者', 'アクセス'], state: ['拒否', 'キャンセル'], problem: 'permission_denied', causes: ['user-denied'], tier: 1 }),

  // ── Tier 2: words that say little (a failure, an outage): read only when nothing better was.
  en({ id: 'lti-launch', concept: 'signature', subject: ['lti launch', 'lti request', 'lti message', 'basic lti launch', 'lti launch request', 'lti'], state: [...FAILED, ...INVALID, 'could not validate', "couldn't validate", 'could not be validated', 'unable to validate', 'not validated', 'unauthorized', 'not authorized', 'verification error', 'refused'], problem: 'signature_invalid', providerCode: 'lti:launch', provider: 'lti', causes: ['signature-base-mismatch', 'wrong-secret', 'clock-skew', 'nonce-reuse'], likely: 2, tier: 2, source: 'ims-lti gem "Invalid LTI launch"; INGInious "Couldn\'t validate LTI request" (INGInious/INGInious#641); LTI 1.1 Implementation Guide §4.1.1' }),
  en({ id: 'authentication-failed', concept: 'authentication', subject: ['authentication', 'authenticate', 'auth', 'oauth', 'oauth authentication', 'oauth request', 'credentials', 'oauth credentials'], state: ['failed', 'failure', 'fail', 'could not', 'unable', 'invalid', 'error', 'not valid', 'rejected', 'unsuccessful', 'not verified', 'could not verify', 'denied', 'problem'], problem: 'http:401', causes: ['wrong-secret', 'signature-base-mismatch'], tier: 2 }),
  en({ id: 'outage', concept: 'outage', subject: ['service unavailable', 'temporarily unavailable', 'internal server error', 'internal error', 'server error', 'bad gateway', 'gateway timeout', 'maintenance', 'over capacity', 'something went wrong', 'try again later', 'is down', 'unexpected error', 'backend error', 'upstream', 'unavailable', 'overloaded', 'capacity'], state: [], problem: 'http:5xx', causes: ['provider-outage'], tier: 2 }),
  ja({ id: 'ja-authentication', concept: 'authentication', subject: ['認証'], state: ['失敗', 'できません', 'エラー', '無効'], problem: 'http:401', causes: ['wrong-secret', 'signature-base-mismatch'], tier: 2 }),
  ja({ id: 'ja-outage', concept: 'outage', subject: ['サーバーエラー', 'サーバエラー', '内部エラー', 'メンテナンス', '一時的に利用できません', 'サービスを利用できません', '混み合って'], state: [], problem: 'http:5xx', causes: ['provider-outage'], tier: 2 }),
]);
