import { FLOW_PROBLEMS } from './problems-flow.js';
import { rowIndex } from './lazy.js';
import { OAUTH2_PROBLEMS } from './problems-oauth2.js';
import type { ProblemRecord } from './types.js';

/**
 * Every oauth_problem value of the Problem Reporting extension
 * (wiki.oauth.net ProblemReporting; the list in the net.oauth library), the
 * values seen beside it, and plain HTTP statuses when nothing else was said.
 * Status: the net.oauth TO_HTTP_CODE map; pageseeder differs for
 * signature_invalid and the consumer_key_* values (400), Magento 2 uses 403
 * for permission_*. `any` leg: the problem can come back from any request.
 */
export const PROBLEMS: readonly ProblemRecord[] = [
  {
    code: 'version_rejected',
    title: { en: 'oauth_version not supported', ja: 'oauth_version に対応していない' },
    meaning: {
      en: 'The server does not support the oauth_version sent. It should say the range it accepts in oauth_acceptable_versions (e.g. 1.0-1.0).',
      ja: '送った oauth_version にサーバが対応していません。受け付ける範囲を oauth_acceptable_versions（例: 1.0-1.0）で示すべきとされています。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 400,
    companion: 'oauth_acceptable_versions',
    causes: [{ id: 'wrong-version', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'parameter_absent',
    title: { en: 'A required parameter is missing', ja: '必須パラメータがない' },
    meaning: {
      en: 'A required parameter was not received. The server should list the missing names in oauth_parameters_absent.',
      ja: '必須の引数が指定されていません。不足している名前を oauth_parameters_absent で示すべきとされています。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 400,
    companion: 'oauth_parameters_absent',
    causes: [
      { id: 'missing-parameter', prior: 'likely' },
      { id: 'malformed-header', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'parameter_rejected',
    title: { en: 'An unexpected parameter was received', ja: '予期しないパラメータを受け取った' },
    meaning: {
      en: 'The server received a parameter it did not expect. It should list it in oauth_parameters_rejected.',
      ja: '予期していない引数が指定されていました。それを oauth_parameters_rejected で示すべきとされています。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 400,
    companion: 'oauth_parameters_rejected',
    causes: [
      { id: 'unexpected-parameter', prior: 'likely' },
      { id: 'invalid-parameter-value', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'timestamp_refused',
    title: { en: 'oauth_timestamp not accepted', ja: 'oauth_timestamp が受け入れられない' },
    meaning: {
      en: 'The oauth_timestamp is outside what the server accepts (or badly formatted). It should give the accepted range in oauth_acceptable_timestamps (min-max).',
      ja: 'oauth_timestamp の値が受け入れられないもの（範囲外または書式不正）です。受け付ける範囲を oauth_acceptable_timestamps（最小-最大）で示すべきとされています。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 400,
    companion: 'oauth_acceptable_timestamps',
    causes: [
      { id: 'clock-skew', prior: 'likely' },
      { id: 'invalid-parameter-value', prior: 'possible' },
      { id: 'nonce-reuse', prior: 'unlikely' },
    ],
    fixes: [],
  },
  {
    code: 'nonce_used',
    title: { en: 'The nonce was used already', ja: 'nonce が使用済み' },
    meaning: {
      en: 'The oauth_nonce was already used with this timestamp, client and token (RFC 5849 §3.3): the server took the request for a replay.',
      ja: '使用済みの oauth_nonce 値が指定されました（同じタイムスタンプ・クライアント・トークンでの再使用、RFC 5849 §3.3）。サーバはリプレイとみなしました。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 401,
    causes: [
      { id: 'nonce-reuse', prior: 'likely' },
      { id: 'clock-skew', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'signature_method_rejected',
    title: { en: 'Signature method not accepted', ja: '署名方式が受け入れられない' },
    meaning: {
      en: 'The server does not accept the oauth_signature_method sent.',
      ja: '指定された oauth_signature_method が受け入れられません。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 400,
    causes: [{ id: 'wrong-signature-method', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'signature_invalid',
    title: { en: 'The signature does not match', ja: '署名が一致しない' },
    meaning: {
      en: 'The oauth_signature does not match the one the server computed. Either the base string differs (what was signed) or the key differs (which secrets signed it). Some servers echo their base string (debug_sbs, oauth_signature_base_string).',
      ja: '指定された oauth_signature が、サーバの計算した署名と一致しません。署名した内容（ベース文字列）か、署名した鍵（シークレット）のどちらかが違います。サーバによってはベース文字列を返します（debug_sbs、oauth_signature_base_string）。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 401,
    causes: [
      { id: 'signature-base-mismatch', prior: 'likely' },
      { id: 'wrong-secret', prior: 'likely' },
      { id: 'host-mismatch', prior: 'possible' },
      { id: 'token-type-confusion', prior: 'possible' },
      { id: 'wrong-signature-method', prior: 'unlikely' },
    ],
    fixes: [],
  },
  {
    code: 'consumer_key_unknown',
    title: { en: 'Consumer key unknown', ja: 'コンシューマ・キーが未知' },
    meaning: { en: 'The server does not know the oauth_consumer_key sent.', ja: '指定された oauth_consumer_key がサーバにとって未知です。' },
    legs: 'any',
    party: 'client',
    usualStatus: 401,
    causes: [
      { id: 'unknown-consumer', prior: 'likely' },
      { id: 'malformed-header', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'consumer_key_rejected',
    title: { en: 'Consumer key permanently refused', ja: 'コンシューマ・キーが永続的に拒否された' },
    meaning: {
      en: 'The server will not accept this oauth_consumer_key, permanently (for example it is blacklisted or the app is suspended).',
      ja: '指定された oauth_consumer_key は永続的に受け入れられません（例えばブラックリスト入りやアプリの停止）。',
    },
    legs: 'any',
    party: 'provider',
    usualStatus: 401,
    causes: [{ id: 'app-suspended', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'consumer_key_refused',
    title: { en: 'Consumer key temporarily refused', ja: 'コンシューマ・キーが一時的に拒否された' },
    meaning: {
      en: 'The server does not accept this oauth_consumer_key for now (for example the app is being throttled, or it was switched off in its settings).',
      ja: '指定された oauth_consumer_key は一時的に受け入れられません（例えばアクセス頻度の規制や、設定でのアプリの無効化）。',
    },
    legs: 'any',
    party: 'provider',
    usualStatus: 503,
    causes: [
      { id: 'rate-limited', prior: 'likely' },
      { id: 'app-suspended', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'token_used',
    title: { en: 'The token was used already', ja: 'トークンが使用済み' },
    meaning: {
      en: 'The oauth_token has already been consumed and cannot be used again. Temporary credentials are single-use (RFC 5849 §2.3).',
      ja: '指定された oauth_token は使用済みで使えません。一時クレデンシャルは一回限りです（RFC 5849 §2.3）。',
    },
    legs: ['authorize', 'access_token'],
    party: 'client',
    usualStatus: 401,
    causes: [{ id: 'reuse', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'token_expired',
    title: { en: 'The token has expired', ja: 'トークンの期限切れ' },
    meaning: {
      en: 'The oauth_token was issued too long ago and has expired. Where the provider supports it (ScalableOAuth, Yahoo) it can be renewed with oauth_session_handle.',
      ja: '指定された oauth_token は満期して使えません。プロバイダが対応していれば（ScalableOAuth、Yahoo）oauth_session_handle で更新できます。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 401,
    causes: [
      { id: 'expiry', prior: 'likely' },
      { id: 'clock-skew', prior: 'unlikely' },
    ],
    fixes: [],
  },
  {
    code: 'token_revoked',
    title: { en: 'The token was revoked', ja: 'トークンが取り消された' },
    meaning: { en: 'The server has decided never to accept this oauth_token again.', ja: '指定された oauth_token は revoke 済みで使えません。サーバは今後このトークンを受け入れません。' },
    legs: ['resource', 'access_token'],
    party: 'user',
    usualStatus: 401,
    causes: [{ id: 'revocation', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'token_rejected',
    title: { en: 'The token was rejected', ja: 'トークンが拒否された' },
    meaning: {
      en: 'The server does not accept the oauth_token and does not say why: it may never have been issued, or it was used or expired and then forgotten. Reuse, expiry and revocation look the same from outside; the evidence below tells them apart.',
      ja: '指定された oauth_token は受け入れられません（理由は示されません）。発行されたことのないトークンの場合や、使用後・期限切れ後に消去されて記録がない場合が含まれます。使用済み・期限切れ・取り消しは外からは同じに見えるため、以下の手がかりで見分けます。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 401,
    causes: [
      { id: 'reuse', prior: 'possible' },
      { id: 'expiry', prior: 'possible' },
      { id: 'revocation', prior: 'possible' },
      { id: 'token-type-confusion', prior: 'possible' },
      { id: 'host-mismatch', prior: 'unlikely' },
    ],
    fixes: [],
  },
  {
    code: 'verifier_invalid',
    title: { en: 'The verifier is wrong', ja: 'ベリファイアが正しくない' },
    meaning: {
      en: 'The oauth_verifier does not match the one issued for this request token (RFC 5849 §2.3).',
      ja: '指定された oauth_verifier が正しくありません（このリクエスト・トークンに発行されたものと一致しません。RFC 5849 §2.3）。',
    },
    legs: ['access_token'],
    party: 'client',
    usualStatus: 401,
    causes: [
      { id: 'verifier-mismatch', prior: 'likely' },
      { id: 'reuse', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'additional_authorization_required',
    title: { en: 'More authorization needed', ja: '追加の承認が必要' },
    meaning: {
      en: 'The person must grant more permissions before this request can be authorized. A ScalableOAuth client may reuse the access token as a request token and send the person through authorization again.',
      ja: 'アクセス要求を認可する前に、資源所有者からの更なる承認が必要です。ScalableOAuth のクライアントは、アクセス・トークンをリクエスト・トークンとして使い、もう一度認可を受けられます。',
    },
    legs: ['resource'],
    party: 'user',
    usualStatus: 401,
    causes: [{ id: 'insufficient-scope', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'permission_unknown',
    title: { en: 'The person has not decided yet', ja: '利用者がまだ決めていない' },
    meaning: {
      en: 'The person has not yet approved or refused: the access token was requested before the authorization finished.',
      ja: '資源所有者がアクセス要求を認めるかどうか決めていません。認可の手続きが終わる前にトークン要求が行われました。',
    },
    legs: ['access_token'],
    party: 'client',
    usualStatus: 401,
    causes: [{ id: 'not-yet-authorized', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'permission_denied',
    title: { en: 'The person refused access', ja: '利用者がアクセスを拒否した' },
    meaning: { en: 'The person refused the access request.', ja: '資源所有者がアクセス要求を拒みました。' },
    legs: ['callback', 'access_token'],
    party: 'user',
    usualStatus: 401,
    causes: [{ id: 'user-denied', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'user_refused',
    title: { en: 'The person is temporarily refused', ja: '利用者が一時的に受け入れられない' },
    meaning: {
      en: 'The server does not accept the person for now, usually by IP address, for example when rate-limiting during authorization or the token request.',
      ja: '資源所有者（大抵は資源所有者の IP アドレス）が一時的にサーバに受け入れられていません。認可やトークン要求のアクセス規制に使われます。',
    },
    legs: ['authorize', 'access_token'],
    party: 'provider',
    usualStatus: 503,
    causes: [{ id: 'rate-limited', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'token_not_renewable',
    title: { en: 'The token cannot be renewed', ja: 'トークンを更新できない' },
    meaning: {
      en: 'The token cannot be renewed. The value comes from the OAuthConsumer library (next to token_expired); no provider document defining it was found, so its relation to session-handle renewal is an inference.',
      ja: 'トークンを更新できません。この値は OAuthConsumer ライブラリ（token_expired の隣）に由来し、定義するプロバイダ文書は見つかっていません。セッション・ハンドルによる更新との関係は推測です。',
    },
    legs: ['access_token'],
    party: 'client',
    causes: [
      { id: 'expiry', prior: 'possible' },
      { id: 'session-handle-expired', prior: 'possible' },
    ],
    fixes: [
      { for: 'developer', text: { en: 'Stop renewing: discard the token and authorize again.', ja: '更新をやめ、トークンを破棄してもう一度認可を受けます。' } },
    ],
  },
  {
    code: 'access_token_expired',
    title: { en: 'The access token has expired', ja: 'アクセス・トークンの期限切れ' },
    meaning: {
      en: 'The access token has expired. This value is listed beside the standard ones but no provider document using it was found; read it as token_expired for an access token.',
      ja: 'アクセス・トークンが期限切れです。標準の値と並べて挙げられますが、使っているプロバイダの文書は見つかっていません。アクセス・トークンについての token_expired と読んでください。',
    },
    legs: ['resource'],
    party: 'client',
    causes: [
      { id: 'expiry', prior: 'likely' },
      { id: 'revocation', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'token_not_authorized',
    title: { en: 'The token has not been authorized', ja: 'トークンが認可されていない' },
    meaning: {
      en: 'The request token was never approved by the person (a value the net.oauth library maps to 401).',
      ja: 'リクエスト・トークンが利用者に承認されていません（net.oauth ライブラリが 401 に対応付けている値）。',
    },
    legs: ['access_token'],
    party: 'client',
    usualStatus: 401,
    causes: [
      { id: 'not-yet-authorized', prior: 'likely' },
      { id: 'token-type-confusion', prior: 'possible' },
    ],
    fixes: [],
  },
  // Plain HTTP statuses: only the status was recognised (RFC 5849 §3.2).
  {
    code: 'http:400',
    title: { en: 'Bad request (HTTP 400)', ja: '不正なリクエスト（HTTP 400）' },
    meaning: {
      en: 'The server said only 400. RFC 5849 §3.2 uses 400 for an unsupported parameter or signature method, a missing parameter, or a duplicated protocol parameter.',
      ja: 'サーバは 400 だけを返しました。RFC 5849 §3.2 では、未対応のパラメータや署名方式、パラメータの欠落、プロトコル・パラメータの重複に 400 を使います。',
    },
    oauth2: {
      meaning: {
        en: 'The server said only 400. RFC 6749 §5.2 uses 400 at the token endpoint for invalid_request, invalid_grant, unsupported_grant_type and invalid_scope; RFC 6750 §3.1 at a resource for invalid_request.',
        ja: 'サーバは 400 だけを返しました。RFC 6749 §5.2 ではトークン・エンドポイントの invalid_request、invalid_grant、unsupported_grant_type、invalid_scope に、RFC 6750 §3.1 ではリソースでの invalid_request に 400 を使います。',
      },
    },
    legs: 'any',
    party: 'client',
    usualStatus: 400,
    causes: [
      { id: 'missing-parameter', prior: 'possible' },
      { id: 'unexpected-parameter', prior: 'possible' },
      { id: 'wrong-signature-method', prior: 'possible' },
      { id: 'malformed-header', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'http:401',
    title: { en: 'Unauthorized (HTTP 401)', ja: '認証失敗（HTTP 401）' },
    meaning: {
      en: 'The server said only 401. RFC 5849 §3.2 uses 401 for invalid client credentials, an invalid or expired token, an invalid signature, or an invalid or used nonce.',
      ja: 'サーバは 401 だけを返しました。RFC 5849 §3.2 では、不正なクライアント・クレデンシャル、不正または期限切れのトークン、不正な署名、不正または使用済みの nonce に 401 を使います。',
    },
    oauth2: {
      meaning: {
        en: 'The server said only 401. RFC 6749 §5.2 uses 401 for client authentication that failed (invalid_client); RFC 6750 §3.1 for an access token expired, revoked or malformed (invalid_token), with a WWW-Authenticate: Bearer challenge.',
        ja: 'サーバは 401 だけを返しました。RFC 6749 §5.2 ではクライアント認証の失敗（invalid_client）に、RFC 6750 §3.1 では期限切れ・失効・不正なアクセス・トークン（invalid_token）に、WWW-Authenticate: Bearer チャレンジ付きで 401 を使います。',
      },
    },
    legs: 'any',
    party: 'client',
    usualStatus: 401,
    causes: [
      { id: 'wrong-secret', prior: 'possible' },
      { id: 'signature-base-mismatch', prior: 'possible' },
      { id: 'expiry', prior: 'possible' },
      { id: 'revocation', prior: 'possible' },
      { id: 'reuse', prior: 'possible' },
      { id: 'clock-skew', prior: 'possible' },
      { id: 'nonce-reuse', prior: 'possible' },
      { id: 'unknown-consumer', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'http:403',
    title: { en: 'Forbidden (HTTP 403)', ja: '禁止（HTTP 403）' },
    meaning: {
      en: 'The server said only 403: the request was understood but is not allowed (a permission the token lacks, an app restriction, a callback not approved).',
      ja: 'サーバは 403 だけを返しました。リクエストは理解されたものの許可されていません（トークンの権限不足、アプリの制限、未承認のコールバックなど）。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 403,
    causes: [
      { id: 'insufficient-scope', prior: 'possible' },
      { id: 'app-suspended', prior: 'possible' },
      { id: 'callback-not-approved', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'http:404',
    title: { en: 'Not found (HTTP 404)', ja: '見つからない（HTTP 404）' },
    meaning: {
      en: 'The server said only 404: nothing answers at this URL (RFC 9110 §15.5.5). OAuth checks answer 400 or 401 (RFC 5849 §3.2), so a 404 usually means the request went to the wrong place, not that it was signed wrong.',
      ja: 'サーバは 404 だけを返しました。この URL では何も応答しません（RFC 9110 §15.5.5）。OAuth の検査は 400 か 401 を返す（RFC 5849 §3.2）ので、404 はたいてい署名の誤りではなく送り先の誤りです。',
    },
    oauth2: {
      meaning: {
        en: 'The server said only 404: nothing answers at this URL (RFC 9110 §15.5.5). OAuth 2.0 refusals are 400 or 401 (RFC 6749 §5.2), so a 404 usually means the wrong endpoint: compare it with the server\'s metadata (RFC 8414 §2).',
        ja: 'サーバは 404 だけを返しました。この URL では何も応答しません（RFC 9110 §15.5.5）。OAuth 2.0 の拒否は 400 か 401（RFC 6749 §5.2）なので、404 はたいていエンドポイントの誤りです。サーバのメタデータ（RFC 8414 §2）と比べます。',
      },
    },
    legs: 'any',
    party: 'client',
    usualStatus: 404,
    causes: [
      { id: 'wrong-endpoint', prior: 'likely' },
      { id: 'host-mismatch', prior: 'possible' },
      { id: 'wrong-method', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'http:405',
    title: { en: 'Method not allowed (HTTP 405)', ja: 'メソッド不許可（HTTP 405）' },
    meaning: {
      en: 'The server said only 405: the URL exists but does not take this HTTP method (RFC 9110 §15.5.6); its Allow header names those it does.',
      ja: 'サーバは 405 だけを返しました。URL は存在しますが、この HTTP メソッドを受け付けません（RFC 9110 §15.5.6）。Allow ヘッダに受け付けるメソッドがあります。',
    },
    legs: 'any',
    party: 'client',
    usualStatus: 405,
    causes: [
      { id: 'wrong-method', prior: 'likely' },
      { id: 'wrong-endpoint', prior: 'possible' },
    ],
    fixes: [],
  },
  {
    code: 'http:429',
    title: { en: 'Too many requests (HTTP 429)', ja: 'リクエスト過多（HTTP 429）' },
    meaning: { en: 'The server is throttling the client.', ja: 'サーバがクライアントのアクセス頻度を制限しています。' },
    legs: 'any',
    party: 'provider',
    usualStatus: 429,
    causes: [{ id: 'rate-limited', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'http:5xx',
    title: { en: 'Server error (HTTP 5xx)', ja: 'サーバ・エラー（HTTP 5xx）' },
    meaning: {
      en: 'The server failed or is overloaded; OAuth itself may be fine. 503 is also what consumer_key_refused and user_refused use.',
      ja: 'サーバが失敗しているか過負荷です。OAuth 自体には問題がない場合があります。503 は consumer_key_refused や user_refused でも使われます。',
    },
    oauth2: {
      meaning: {
        en: 'The server failed or is overloaded; OAuth itself may be fine. RFC 6749 names the same with server_error and temporarily_unavailable (§4.1.2.1), which a token endpoint may send as a 5xx.',
        ja: 'サーバが失敗しているか過負荷です。OAuth 自体には問題がない場合があります。RFC 6749 は同じことを server_error と temporarily_unavailable（§4.1.2.1）と呼び、トークン・エンドポイントはこれを 5xx で返すことがあります。',
      },
    },
    legs: 'any',
    party: 'provider',
    causes: [
      { id: 'provider-outage', prior: 'likely' },
      { id: 'rate-limited', prior: 'possible' },
    ],
    fixes: [],
  },
  // OAuth 2.0 answers, named for what they are (RFC 6749 §5.2, §4.1.2.1; RFC 6750 §3.1).
  ...OAUTH2_PROBLEMS,
  // What the flow saw itself (an approval page under --authorize http).
  ...FLOW_PROBLEMS,
];

/** How an oauth_problem value nobody listed is explained: generically, never as an error. */
export const UNKNOWN_PROBLEM: Omit<ProblemRecord, 'code'> = {
  title: { en: 'A problem code oauth-doctor does not know', ja: 'oauth-doctor が知らない問題コード' },
  meaning: {
    en: 'The provider reported a problem with a value outside the standard list. Clients are expected to accept such values (the extension says so); read the provider\'s own message and documentation for it.',
    ja: 'プロバイダが標準の一覧にない値で問題を報告しました。クライアントは他の値も受け入れるべきとされています。プロバイダ自身のメッセージとドキュメントを確認してください。',
  },
  legs: 'any',
  party: 'client',
  causes: [{ id: 'provider-specific', prior: 'possible' }],
  fixes: [],
};

// By code without parsing every row (the build indexes them: src/knowledge/lazy.ts).
const BY_CODE = rowIndex(PROBLEMS, 'code');

export function problemRecord(code: string): ProblemRecord | undefined {
  return BY_CODE(code);
}

/** The oauth_problem values of the Problem Reporting extension and its companions (not the http: rows). */
export const STANDARD_PROBLEM_CODES: readonly string[] = PROBLEMS.filter((p) => !p.code.includes(':')).map((p) => p.code);
