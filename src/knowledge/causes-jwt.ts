import type { CauseRecord } from './types.js';

/**
 * Why a JWT that came back is refused by the one who checks it: the client
 * checking an ID Token (OpenID Connect Core 1.0 §3.1.3.7, steps 1-13), or an
 * API checking a JWT access token (RFC 9068 §4, RFC 7519 §7.2). The token was
 * issued; what is wrong is one claim, its signature, or the hash that binds it
 * to the code or access token beside it. The time claims (exp, iat, nbf) are
 * the causes `expiry` and `clock-skew` (knowledge/causes.ts).
 */
export const JWT_CAUSES: readonly CauseRecord[] = [
  {
    // OpenID Connect Core §3.1.3.7 step 11, §15.5.2: the nonce claim must equal the value sent in the authentication request.
    id: 'nonce-mismatch',
    title: { en: 'The ID token\'s nonce is not the one this login sent', ja: 'ID トークンの nonce がこのログインで送ったものと違う' },
    confirm: {
      en: 'Compare the nonce claim of the ID token with the nonce the client stored when it sent the person to authorize: the check fails when that stored value is lost (a session or cookie dropped by SameSite rules, a second tab, another instance behind a load balancer), when the callback of an older attempt arrives, or when the provider sends no nonce at all (OpenID Connect Core §3.1.3.7 step 11, §15.5.2).',
      ja: 'ID トークンの nonce クレームを、利用者を認可へ送ったときにクライアントが保存した nonce と比べます。保存した値が失われた（SameSite で落ちたセッションや Cookie、別タブ、ロードバランサの別インスタンス）、古い試行のコールバックが届いた、プロバイダが nonce を返さない、のいずれでも失敗します（OpenID Connect Core §3.1.3.7 手順 11、§15.5.2）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Keep the nonce with the state of each authentication request (a cookie that survives the cross-site redirect: SameSite=None; Secure, or server-side storage every instance shares), compare against that one, and start afresh on a mismatch instead of retrying the callback.', ja: 'nonce は認証要求ごとに state とともに保存し（クロスサイトのリダイレクトを越えて残る Cookie: SameSite=None; Secure、または全インスタンスで共有するサーバ側の保存）、それと比べます。不一致ならコールバックを再試行せず、最初からやり直します。' } },
      { for: 'user', text: { en: 'Start the login again from the application in one tab, without going back or reloading.', ja: 'アプリから一つのタブでログインをやり直してください。戻るや再読み込みはしないでください。' } },
    ],
  },
  {
    // OpenID Connect Core §3.1.3.7 steps 3-5 (aud must contain the client_id; azp when there are several audiences); RFC 7519 §4.1.3; RFC 9068 §4.
    id: 'audience-mismatch',
    title: { en: 'The token\'s audience (aud) is not this client or API', ja: 'トークンの対象者（aud）がこのクライアントまたは API ではない' },
    confirm: {
      en: 'Decode the token and read its aud (and azp): an ID token must list the client_id as an audience and, with several audiences, name it as azp (OpenID Connect Core §3.1.3.7 steps 3-5); an access token must carry the API\'s own identifier (RFC 9068 §4). A token requested for another resource or scope (Graph instead of your API, an Auth0 token without audience), an ID token sent to an API, or a validator configured with another client ID or App ID URI (api://… against the bare GUID) is refused.',
      ja: 'トークンをデコードして aud（と azp）を確認します。ID トークンは client_id を対象者に含み、対象者が複数なら azp でそれを示す必要があります（OpenID Connect Core §3.1.3.7 手順 3〜5）。アクセス・トークンは API 自身の識別子を持つ必要があります（RFC 9068 §4）。別のリソースやスコープ向けに要求したトークン（自分の API ではなく Graph、audience なしの Auth0 トークン）、API に送った ID トークン、別のクライアント ID や App ID URI（api://… と GUID のみ）で設定した検証側は拒否されます。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Request the token for this API (its scope, resource or audience parameter), send the access token, not the ID token, to the API, and set the validator\'s valid audiences to exactly what the tokens carry (the client ID and, where used, the App ID URI).', ja: 'この API 向けにトークンを要求し（scope、resource、audience パラメータ）、API には ID トークンではなくアクセス・トークンを送ります。検証側の有効な対象者は、トークンが実際に持つ値（クライアント ID と、使うなら App ID URI）に正確に合わせます。' } },
    ],
  },
  {
    // OpenID Connect Core §3.1.3.7 step 2: iss must exactly match the issuer of the discovery document (OpenID Connect Discovery §4.3).
    id: 'issuer-mismatch',
    title: { en: 'The token\'s issuer (iss) is not the one configured', ja: 'トークンの発行者（iss）が設定したものと違う' },
    confirm: {
      en: 'Compare the iss claim, character for character, with the issuer the client or API expects: it must be exact (OpenID Connect Core §3.1.3.7 step 2, Discovery §4.3), so a trailing slash, http against https, another tenant or realm, a custom domain against the provider\'s own, or v1 tokens (sts.windows.net) against a v2 issuer (login.microsoftonline.com/…/v2.0) all fail.',
      ja: 'iss クレームを、クライアントや API が期待する発行者と一文字ずつ比べます。完全一致が必要なため（OpenID Connect Core §3.1.3.7 手順 2、Discovery §4.3）、末尾のスラッシュ、http と https、別のテナントやレルム、独自ドメインとプロバイダ自身のドメイン、v1 トークン（sts.windows.net）と v2 の発行者（login.microsoftonline.com/…/v2.0）の違いはいずれも失敗します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Configure the issuer exactly as the provider\'s discovery document gives it (copy its "issuer"), per tenant or realm, and ask for tokens of the version the validator expects.', ja: '発行者はプロバイダのディスカバリ文書の "issuer" をそのまま、テナントやレルムごとに設定し、検証側が期待するバージョンのトークンを要求します。' } },
    ],
  },
  {
    // OpenID Connect Core §3.1.3.7 step 6, §10.1.1 (signing keys rotate; the kid selects one); RFC 7515 §4.1.4; RFC 7517 (JWK Set).
    id: 'signing-key-mismatch',
    title: { en: 'The token\'s signature does not verify with the keys the validator has (kid, JWKS)', ja: 'トークンの署名が検証側の持つ鍵で検証できない（kid、JWKS）' },
    confirm: {
      en: 'Decode the token header: find its kid in the issuer\'s JWK Set (jwks_uri of the discovery document). A kid not there means the keys rotated and the validator holds an old cached set, or the token comes from another issuer, tenant or environment (a token for Graph is signed for Graph); a kid that is there with a failing signature means the wrong algorithm or a hand-configured key or shared secret (HS256) that differs (OpenID Connect Core §3.1.3.7 step 6, §10.1.1; RFC 7515 §4.1.4).',
      ja: 'トークンのヘッダをデコードし、その kid が発行者の JWK セット（ディスカバリ文書の jwks_uri）にあるか確認します。なければ鍵がローテーションされて検証側が古いキャッシュを持っているか、トークンが別の発行者・テナント・環境のものです（Graph 向けのトークンは Graph 用に署名されます）。kid があるのに署名が合わないなら、アルゴリズムの誤りか、手で設定した鍵や共有シークレット（HS256）の違いです（OpenID Connect Core §3.1.3.7 手順 6、§10.1.1、RFC 7515 §4.1.4）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Let the validator read the keys from the issuer\'s jwks_uri and refetch them when a kid is unknown (no hard-coded key, no set cached forever); validate tokens from the issuer they were requested from, with the algorithm it signs with.', ja: '検証側が発行者の jwks_uri から鍵を読み、未知の kid では取り直すようにします（鍵を埋め込まない、セットを無期限にキャッシュしない）。トークンは要求した発行者のものとして、その発行者の署名アルゴリズムで検証します。' } },
    ],
  },
  {
    // OpenID Connect Core §3.1.3.8 and §3.2.2.9 (at_hash), §3.3.2.11 (c_hash): the left half of the hash of the access token or code, by the ID token's alg.
    id: 'token-hash-mismatch',
    title: { en: 'The ID token\'s at_hash or c_hash does not match the token or code beside it', ja: 'ID トークンの at_hash または c_hash が一緒に届いたトークンやコードと一致しない' },
    confirm: {
      en: 'Hash the access token (at_hash) or code (c_hash) with the hash of the ID token\'s alg (SHA-256 for RS256), base64url the left half and compare: a mismatch means the ID token and the token or code come from different responses (mixed by a retry, a cache or a proxy), the client hashed the wrong value or with the wrong algorithm, or the provider computes it wrongly (OpenID Connect Core §3.1.3.8, §3.2.2.9, §3.3.2.11).',
      ja: 'アクセス・トークン（at_hash）またはコード（c_hash）を ID トークンの alg のハッシュ（RS256 なら SHA-256）でハッシュし、左半分を base64url にして比べます。一致しないなら、ID トークンとトークンやコードが別の応答のもの（再試行、キャッシュ、プロキシで混ざった）、クライアントが別の値や別のアルゴリズムでハッシュした、またはプロバイダの計算が誤っている、のいずれかです（OpenID Connect Core §3.1.3.8、§3.2.2.9、§3.3.2.11）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Validate the ID token against the access token or code of the same response, hashing with the algorithm its alg names; if the provider\'s value is wrong, report it (in the code flow the at_hash check is optional, §3.1.3.8).', ja: 'ID トークンは同じ応答のアクセス・トークンやコードと、alg が示すアルゴリズムで検証します。プロバイダの値が誤っているなら報告します（コード・フローでは at_hash の検証は任意です。§3.1.3.8）。' } },
    ],
  },
];
