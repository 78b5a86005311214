import type { CauseRef, FixRecord, ProblemRecord, Text } from './types.js';

/**
 * OAuth 2.0 error codes, so an OAuth 2.0 answer is named for what it is
 * instead of read as an unknown OAuth 1.0a problem: RFC 6749 §5.2
 * (token endpoint), §4.1.2.1 (authorisation redirect), RFC 6750 §3.1
 * (Bearer challenge). These records say briefly what each code means; flow
 * and inspect rank its causes from what they saw (diagnoseOAuth2), and an
 * OAuth 1.0a request answered so leads to the `oauth2-endpoint` cause.
 */

/** Said once in every record: what oauth-doctor does and does not diagnose. */
const SCOPE_NOTE: Text = {
  en: 'This is an OAuth 2.0 error: flow and inspect rank its causes from what they saw; from the answer alone, explain says what it means and whether the endpoint wants OAuth 2.0 rather than OAuth 1.0a.',
  ja: 'これは OAuth 2.0 のエラーです。flow と inspect は観察した内容から原因を順位付けします。応答だけからは、explain がその意味と、エンドポイントが OAuth 1.0a ではなく OAuth 2.0 を求めているかどうかを示します。',
};

function meaning(en: string, ja: string): Text {
  return { en: `${en} ${SCOPE_NOTE.en}`, ja: `${ja}${SCOPE_NOTE.ja}` };
}

const ENDPOINT_POSSIBLE: CauseRef = { id: 'oauth2-endpoint', prior: 'possible' };

function developer(en: string, ja: string): FixRecord {
  return { for: 'developer', text: { en, ja } };
}

export const OAUTH2_PROBLEMS: readonly ProblemRecord[] = [
  {
    code: 'oauth2:invalid_request',
    title: { en: 'OAuth 2.0: invalid request', ja: 'OAuth 2.0: 不正なリクエスト' },
    meaning: meaning(
      'The request is missing a required parameter, repeats one, or is otherwise malformed (RFC 6749 §5.2, RFC 6750 §3.1).',
      'リクエストに必須パラメータがない、重複している、または形式が不正です（RFC 6749 §5.2、RFC 6750 §3.1）。',
    ),
    legs: 'any',
    party: 'client',
    usualStatus: 400,
    causes: [{ id: 'missing-parameter', prior: 'possible' }, { id: 'redirect-mismatch', prior: 'possible' }, ENDPOINT_POSSIBLE],
    fixes: [developer('Check the request against the endpoint\'s OAuth 2.0 documentation: grant_type, client_id, redirect_uri, and one credential method only.', 'エンドポイントの OAuth 2.0 ドキュメントとリクエストを照合します（grant_type、client_id、redirect_uri、認証方式は一つだけ）。')],
  },
  {
    code: 'oauth2:invalid_client',
    title: { en: 'OAuth 2.0: client authentication failed', ja: 'OAuth 2.0: クライアント認証の失敗' },
    meaning: meaning(
      'The token endpoint could not authenticate the client: unknown client_id, wrong client_secret, or an authentication method it does not support (RFC 6749 §5.2).',
      'トークン・エンドポイントがクライアントを認証できませんでした。未知の client_id、誤った client_secret、または対応していない認証方式です（RFC 6749 §5.2）。',
    ),
    legs: 'any',
    party: 'client',
    usualStatus: 401,
    causes: [{ id: 'client-authentication', prior: 'likely' }, { id: 'unknown-consumer', prior: 'possible' }, { id: 'app-configuration', prior: 'possible' }, ENDPOINT_POSSIBLE],
    fixes: [developer('Use the OAuth 2.0 client ID and client secret from the app settings (not the OAuth 1.0a consumer key and secret), sent as the provider documents (HTTP Basic or in the body).', 'アプリ設定の OAuth 2.0 用クライアント ID とクライアント・シークレット（OAuth 1.0a のコンシューマ・キーとシークレットではありません）を、プロバイダの指定どおり（HTTP Basic または本文）に送ります。')],
  },
  {
    code: 'oauth2:invalid_grant',
    title: { en: 'OAuth 2.0: invalid grant', ja: 'OAuth 2.0: 不正なグラント' },
    meaning: meaning(
      'The authorization code, refresh token or other grant is invalid, expired, revoked, already used, or was issued for another client or redirect_uri (RFC 6749 §5.2).',
      '認可コード、リフレッシュ・トークンなどのグラントが不正、期限切れ、取り消し済み、使用済み、または別のクライアントや redirect_uri に発行されたものです（RFC 6749 §5.2）。',
    ),
    legs: ['access_token'],
    party: 'client',
    usualStatus: 400,
    // What the description says decides among these (evidence/words.ts): "already redeemed", "expired", "revoked", "redirect_uri", "code_verifier", "iat".
    causes: [
      { id: 'reuse', prior: 'possible' },
      { id: 'expiry', prior: 'possible' },
      { id: 'revocation', prior: 'possible' },
      { id: 'redirect-mismatch', prior: 'possible' },
      { id: 'pkce-verifier-mismatch', prior: 'possible' },
      { id: 'session-ended', prior: 'possible' },
      { id: 'refresh-family-revoked', prior: 'unlikely' },
      ENDPOINT_POSSIBLE,
    ],
    fixes: [developer('Exchange each authorization code once, promptly, with the same redirect_uri (and PKCE code_verifier) used to get it; when a refresh token is refused, send the person through authorisation again.', '認可コードは取得時と同じ redirect_uri（と PKCE の code_verifier）で、すぐに一度だけ交換します。リフレッシュ・トークンが拒否されたら、利用者にもう一度認可してもらいます。')],
  },
  {
    code: 'oauth2:unauthorized_client',
    title: { en: 'OAuth 2.0: client not allowed this grant type', ja: 'OAuth 2.0: クライアントにこのグラント種別が許可されていない' },
    meaning: meaning(
      'The client is authenticated but not allowed to use this grant type or response type (RFC 6749 §5.2, §4.1.2.1).',
      'クライアントは認証されましたが、このグラント種別またはレスポンス種別の使用を許可されていません（RFC 6749 §5.2、§4.1.2.1）。',
    ),
    legs: 'any',
    party: 'client',
    usualStatus: 400,
    // RFC 6749 §5.2 keeps unauthorized_client for an authenticated client, but servers answer it for a failed client authentication too
    // (modelcontextprotocol/python-sdk#1480, mosip/esignet#2260, thunder-id/thunderid#4483): check the credentials as well.
    causes: [{ id: 'app-configuration', prior: 'likely' }, { id: 'client-authentication', prior: 'likely' }, { id: 'app-suspended', prior: 'possible' }, ENDPOINT_POSSIBLE],
    fixes: [developer('Enable the grant type (authorization code, client credentials, refresh token) for the app in the provider\'s developer portal, or use one it allows.', 'プロバイダの開発者ポータルでアプリにそのグラント種別（認可コード、クライアント・クレデンシャル、リフレッシュ・トークン）を有効にするか、許可されたものを使います。')],
  },
  {
    code: 'oauth2:unsupported_grant_type',
    title: { en: 'OAuth 2.0: grant type not supported', ja: 'OAuth 2.0: 未対応のグラント種別' },
    meaning: meaning(
      'The authorization server does not support the grant_type sent (RFC 6749 §5.2).',
      '認可サーバは送られた grant_type に対応していません（RFC 6749 §5.2）。',
    ),
    legs: ['access_token'],
    party: 'client',
    usualStatus: 400,
    causes: [{ id: 'app-configuration', prior: 'possible' }, { id: 'missing-parameter', prior: 'possible' }, ENDPOINT_POSSIBLE],
    fixes: [developer('Send a grant_type the token endpoint documents (e.g. authorization_code, refresh_token, client_credentials), form-encoded in the body.', 'トークン・エンドポイントが定める grant_type（authorization_code、refresh_token、client_credentials など）を、本文にフォーム形式で送ります。')],
  },
  {
    code: 'oauth2:invalid_scope',
    title: { en: 'OAuth 2.0: invalid scope', ja: 'OAuth 2.0: 不正なスコープ' },
    meaning: meaning(
      'The scope requested is invalid, unknown, malformed, or beyond what the grant allows (RFC 6749 §5.2, §4.1.2.1).',
      '要求したスコープが不正、未知、書式誤り、またはグラントが許す範囲を超えています（RFC 6749 §5.2、§4.1.2.1）。',
    ),
    legs: ['authorize', 'access_token'],
    party: 'client',
    usualStatus: 400,
    causes: [{ id: 'insufficient-scope', prior: 'likely' }, { id: 'app-configuration', prior: 'possible' }, ENDPOINT_POSSIBLE],
    fixes: [developer('Request only scopes the provider documents and the app has enabled, separated by spaces.', 'プロバイダが定め、アプリで有効にしたスコープだけを、空白区切りで要求します。')],
  },
  {
    code: 'oauth2:access_denied',
    title: { en: 'OAuth 2.0: access denied', ja: 'OAuth 2.0: アクセス拒否' },
    meaning: meaning(
      'The person (or the authorization server) refused the request on the authorisation page (RFC 6749 §4.1.2.1).',
      '利用者（または認可サーバ）が認可ページで要求を拒否しました（RFC 6749 §4.1.2.1）。',
    ),
    legs: ['authorize', 'callback'],
    party: 'user',
    causes: [{ id: 'user-denied', prior: 'likely' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  {
    code: 'oauth2:unsupported_response_type',
    title: { en: 'OAuth 2.0: response type not supported', ja: 'OAuth 2.0: 未対応のレスポンス種別' },
    meaning: meaning(
      'The authorization server does not support the response_type requested on the authorisation page (RFC 6749 §4.1.2.1).',
      '認可サーバは認可ページで要求された response_type に対応していません（RFC 6749 §4.1.2.1）。',
    ),
    legs: ['authorize'],
    party: 'client',
    usualStatus: 400,
    causes: [{ id: 'app-configuration', prior: 'possible' }, ENDPOINT_POSSIBLE],
    fixes: [developer('Send response_type=code (the authorization code flow) unless the provider documents another.', 'プロバイダが別の値を定めていない限り、response_type=code（認可コード・フロー）を送ります。')],
  },
  {
    code: 'oauth2:server_error',
    title: { en: 'OAuth 2.0: server error', ja: 'OAuth 2.0: サーバ・エラー' },
    meaning: meaning(
      'The authorization server met an unexpected condition (RFC 6749 §4.1.2.1: a 500 it could not send through a redirect).',
      '認可サーバで予期しない状態が起きました（RFC 6749 §4.1.2.1。リダイレクトでは送れない 500 の代わり）。',
    ),
    legs: ['authorize', 'callback'],
    party: 'provider',
    causes: [{ id: 'provider-outage', prior: 'likely' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  {
    code: 'oauth2:temporarily_unavailable',
    title: { en: 'OAuth 2.0: temporarily unavailable', ja: 'OAuth 2.0: 一時的に利用不可' },
    meaning: meaning(
      'The authorization server is overloaded or down for maintenance (RFC 6749 §4.1.2.1: a 503 it could not send through a redirect).',
      '認可サーバが過負荷または保守中です（RFC 6749 §4.1.2.1。リダイレクトでは送れない 503 の代わり）。',
    ),
    legs: ['authorize', 'callback'],
    party: 'provider',
    causes: [
      { id: 'provider-outage', prior: 'likely' },
      { id: 'rate-limited', prior: 'possible' },
      ENDPOINT_POSSIBLE,
    ],
    fixes: [],
  },
  {
    code: 'oauth2:invalid_token',
    title: { en: 'OAuth 2.0: invalid Bearer token', ja: 'OAuth 2.0: 不正なベアラー・トークン' },
    meaning: meaning(
      'The resource server refused the access token: expired, revoked, malformed, or not an OAuth 2.0 token at all (RFC 6750 §3.1). An OAuth 1.0a signature is not a Bearer token.',
      'リソース・サーバがアクセス・トークンを拒否しました。期限切れ、取り消し済み、形式不正、あるいはそもそも OAuth 2.0 のトークンではありません（RFC 6750 §3.1）。OAuth 1.0a の署名はベアラー・トークンではありません。',
    ),
    legs: ['resource'],
    party: 'client',
    usualStatus: 401,
    causes: [{ id: 'expiry', prior: 'possible' }, { id: 'revocation', prior: 'possible' }, ENDPOINT_POSSIBLE],
    fixes: [developer('If the client does speak OAuth 2.0 here: refresh the access token (or authorise again) and send it as `Authorization: Bearer <token>`.', 'ここで OAuth 2.0 を使っているなら、アクセス・トークンを更新（または再認可）し、`Authorization: Bearer <トークン>` として送ります。')],
  },
  {
    code: 'oauth2:insufficient_scope',
    title: { en: 'OAuth 2.0: insufficient scope', ja: 'OAuth 2.0: スコープ不足' },
    meaning: meaning(
      'The access token is valid but lacks the scope this resource needs; the challenge may name the scope required (RFC 6750 §3.1).',
      'アクセス・トークンは有効ですが、このリソースに必要なスコープがありません。チャレンジに必要なスコープが示されることがあります（RFC 6750 §3.1）。',
    ),
    legs: ['resource'],
    party: 'client',
    usualStatus: 403,
    causes: [{ id: 'insufficient-scope', prior: 'likely' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  // OpenID Connect Core §3.1.2.6: errors of an authentication request (prompt=none and friends).
  {
    code: 'oauth2:login_required',
    title: { en: 'OpenID Connect: sign-in required', ja: 'OpenID Connect: サインインが必要' },
    meaning: meaning(
      'The authorization server needs the person to sign in (no session, or prompt=none asked it not to show a page) (OpenID Connect Core §3.1.2.6).',
      '認可サーバは利用者のサインインを必要としています（セッションがない、または prompt=none で画面表示を禁じられた）（OpenID Connect Core §3.1.2.6）。',
    ),
    legs: ['authorize', 'callback'],
    party: 'user',
    causes: [{ id: 'session-ended', prior: 'likely' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  {
    code: 'oauth2:interaction_required',
    title: { en: 'OpenID Connect: interaction required', ja: 'OpenID Connect: 対話が必要' },
    meaning: meaning(
      'The person has a step to take on the provider\'s pages (consent, MFA, a policy) that prompt=none did not allow (OpenID Connect Core §3.1.2.6).',
      '利用者がプロバイダの画面で行う手続き（同意、多要素認証、ポリシー）が残っていますが、prompt=none のため表示できませんでした（OpenID Connect Core §3.1.2.6）。',
    ),
    legs: ['authorize', 'callback'],
    party: 'user',
    causes: [{ id: 'consent-required', prior: 'likely' }, { id: 'session-ended', prior: 'possible' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  {
    code: 'oauth2:consent_required',
    title: { en: 'OpenID Connect: consent required', ja: 'OpenID Connect: 同意が必要' },
    meaning: meaning(
      'The person (or an administrator) has not consented to what the client asks (OpenID Connect Core §3.1.2.6).',
      '利用者（または管理者）がクライアントの求める内容に同意していません（OpenID Connect Core §3.1.2.6）。',
    ),
    legs: ['authorize', 'callback'],
    party: 'user',
    causes: [{ id: 'consent-required', prior: 'likely' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  {
    code: 'oauth2:redirect_uri_mismatch',
    title: { en: 'OAuth 2.0: redirect_uri mismatch', ja: 'OAuth 2.0: redirect_uri の不一致' },
    meaning: meaning(
      'The redirect_uri sent is not one registered for the client, or differs from the one used to get the code (RFC 6749 §3.1.2, §4.1.3; Google and GitHub send this code).',
      '送った redirect_uri がクライアントに登録されたものではない、または認可コード取得時のものと異なります（RFC 6749 §3.1.2、§4.1.3。Google や GitHub がこのコードを返します）。',
    ),
    legs: ['authorize', 'access_token'],
    party: 'client',
    usualStatus: 400,
    causes: [{ id: 'redirect-mismatch', prior: 'likely' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  // RFC 8628 §3.5: the device authorization grant's token-endpoint errors.
  {
    code: 'oauth2:authorization_pending',
    title: { en: 'OAuth 2.0: authorization pending', ja: 'OAuth 2.0: 認可待ち' },
    meaning: meaning('The person has not yet finished at the verification URI; keep polling at the interval (RFC 8628 §3.5).', '利用者は検証 URI での操作をまだ終えていません。間隔を守ってポーリングを続けます（RFC 8628 §3.5）。'),
    legs: ['access_token'],
    party: 'user',
    usualStatus: 400,
    causes: [{ id: 'not-yet-authorized', prior: 'likely' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  {
    code: 'oauth2:slow_down',
    title: { en: 'OAuth 2.0: polling too fast', ja: 'OAuth 2.0: ポーリングが速すぎる' },
    meaning: meaning('The client polls the device-flow token endpoint too often; wait 5 more seconds between polls (RFC 8628 §3.5).', 'デバイス・フローのトークン・エンドポイントへのポーリングが頻繁すぎます。間隔を 5 秒延ばします（RFC 8628 §3.5）。'),
    legs: ['access_token'],
    party: 'client',
    usualStatus: 400,
    causes: [{ id: 'rate-limited', prior: 'likely' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  {
    code: 'oauth2:expired_token',
    title: { en: 'OAuth 2.0: device code expired', ja: 'OAuth 2.0: デバイス・コードの期限切れ' },
    meaning: meaning('The device_code expired before the person approved it; start the device flow again (RFC 8628 §3.5).', '利用者が承認する前に device_code の期限が切れました。デバイス・フローをやり直します（RFC 8628 §3.5）。'),
    legs: ['access_token'],
    party: 'client',
    usualStatus: 400,
    causes: [{ id: 'expiry', prior: 'likely' }, ENDPOINT_POSSIBLE],
    fixes: [],
  },
  {
    code: 'oauth2:bearer-challenge',
    title: { en: 'The endpoint asks for an OAuth 2.0 Bearer token', ja: 'エンドポイントが OAuth 2.0 のベアラー・トークンを求めている' },
    meaning: meaning(
      'The response carries a `WWW-Authenticate: Bearer` challenge with no error code: the request held no credentials this endpoint understands (RFC 6750 §3.1), and it offered no OAuth 1.0a challenge beside it.',
      'レスポンスにエラー・コードのない `WWW-Authenticate: Bearer` チャレンジがあります。このエンドポイントが理解できる認証情報がリクエストになかったということで（RFC 6750 §3.1）、OAuth 1.0a のチャレンジは併記されていません。',
    ),
    legs: ['resource'],
    party: 'client',
    usualStatus: 401,
    causes: [{ id: 'oauth2-endpoint', prior: 'likely' }],
    fixes: [],
  },
];

/** An OAuth 2.0 error value nobody listed: still explained, generically. */
export const OAUTH2_UNKNOWN_PROBLEM: Omit<ProblemRecord, 'code'> = {
  title: { en: 'An OAuth 2.0 error oauth-doctor does not know', ja: 'oauth-doctor が知らない OAuth 2.0 のエラー' },
  meaning: meaning(
    'The server answered with an OAuth 2.0-style error whose code is outside RFC 6749 and RFC 6750 (an extension or the provider\'s own); read its error_description and documentation.',
    'サーバは RFC 6749・RFC 6750 にないコードの OAuth 2.0 形式のエラーを返しました（拡張またはプロバイダ独自）。error_description とドキュメントを確認してください。',
  ),
  legs: 'any',
  party: 'client',
  causes: [{ id: 'provider-specific', prior: 'possible' }, ENDPOINT_POSSIBLE],
  fixes: [],
};
