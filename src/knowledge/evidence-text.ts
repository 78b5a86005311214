import type { Text } from './types.js';

/**
 * Sentences the ranking writes as evidence, with `{name}` placeholders
 * filled from what a session recorded. Data like the rest of the knowledge
 * base, so a language is a column, not code.
 */
export const EVIDENCE_TEXT = {
  noSession: {
    en: 'No session evidence: causes are ranked by the problem alone; each says how to confirm it.',
    ja: 'セッションの記録がないため、問題の種類だけで順位付けしています。各原因に確認方法を示します。',
  },
  tokenExchangedBefore: {
    en: 'This token was already exchanged at leg {index} ({leg}, HTTP {status}) {ago} earlier: temporary credentials are single-use (RFC 5849 §2.3).',
    ja: 'このトークンは {ago} 前にレッグ {index}（{leg}、HTTP {status}）で交換済みです。一時クレデンシャルは一回限りです（RFC 5849 §2.3）。',
  },
  tokenSentBefore: {
    en: 'The same token was sent before, at leg {index} ({leg}).',
    ja: '同じトークンがレッグ {index}（{leg}）ですでに送られています。',
  },
  doubleCallback: {
    en: 'The callback arrived {count} times for this token.',
    ja: 'このトークンに対してコールバックが {count} 回届いています。',
  },
  firstUse: {
    en: 'This is the first use of the token in the session (issued at leg {index}).',
    ja: 'このトークンはセッション内で初めて使われています（レッグ {index} で発行）。',
  },
  requestTokenAsAccess: {
    en: 'The token sent to the API was issued by the request-token leg (leg {index}): a temporary token, not an access token.',
    ja: 'API に送ったトークンはリクエスト・トークン取得（レッグ {index}）で発行された一時トークンで、アクセス・トークンではありません。',
  },
  accessTokenAsRequest: {
    en: 'The token sent on the {leg} leg was issued by the access-token leg (leg {index}): an access token where a request token belongs.',
    ja: '{leg} レッグで送ったトークンはアクセス・トークン取得（レッグ {index}）で発行されたもので、リクエスト・トークンを送るべき場所です。',
  },
  tokenKindMatches: {
    en: 'The token sent is the kind this leg expects (issued at leg {index}, {leg}).',
    ja: '送ったトークンはこのレッグが求める種類です（レッグ {index}、{leg} で発行）。',
  },
  tokenAgeOverLifetime: {
    en: 'The token was {age} old when used; {provider} request tokens last {lifetime}.',
    ja: 'トークンは使用時に発行から {age} 経っていました。{provider} のリクエスト・トークンの有効期間は {lifetime} です。',
  },
  tokenAgeNearLifetime: {
    en: 'The token was {age} old when used, close to the {lifetime} lifetime.',
    ja: 'トークンは使用時に発行から {age} 経っており、有効期間 {lifetime} に近い状態でした。',
  },
  tokenAgeWithinLifetime: {
    en: 'The token was only {age} old when used, well within the {lifetime} lifetime.',
    ja: 'トークンは使用時に発行から {age} しか経っておらず、有効期間 {lifetime} の範囲内でした。',
  },
  tokenAgeUnknownLifetime: {
    en: 'The token was {age} old when used; the provider documents no lifetime (one report for X saw about 15 minutes).',
    ja: 'トークンは使用時に発行から {age} 経っていました。プロバイダは有効期間を公開していません（X では約 15 分で拒否された報告が一件あります）。',
  },
  tokenAgeFresh: {
    en: 'The token was only {age} old when used.',
    ja: 'トークンは使用時に発行から {age} しか経っていませんでした。',
  },
  accessTokenNeverExpires: {
    en: '{provider} access tokens do not expire; they stop working only when revoked.',
    ja: '{provider} のアクセス・トークンは期限切れにならず、取り消された場合にのみ無効になります。',
  },
  clockBehind: {
    en: 'The client clock is {seconds} s behind the server ({source}).',
    ja: 'クライアントの時計はサーバより {seconds} 秒遅れています（{source}）。',
  },
  clockAhead: {
    en: 'The client clock is {seconds} s ahead of the server ({source}).',
    ja: 'クライアントの時計はサーバより {seconds} 秒進んでいます（{source}）。',
  },
  clockAgrees: {
    en: 'The client and server clocks agree within {seconds} s ({source}).',
    ja: 'クライアントとサーバの時計の差は {seconds} 秒以内です（{source}）。',
  },
  timestampBeforeWindow: {
    en: 'oauth_timestamp {timestamp} is {seconds} s before the earliest the server accepts ({min}): the client clock is at least that far behind.',
    ja: 'oauth_timestamp {timestamp} は、サーバが受け付ける最小値（{min}）より {seconds} 秒前です。クライアントの時計は少なくともそれだけ遅れています。',
  },
  timestampAfterWindow: {
    en: 'oauth_timestamp {timestamp} is {seconds} s after the latest the server accepts ({max}): the client clock is at least that far ahead.',
    ja: 'oauth_timestamp {timestamp} は、サーバが受け付ける最大値（{max}）より {seconds} 秒後です。クライアントの時計は少なくともそれだけ進んでいます。',
  },
  timestampInsideWindow: {
    en: 'oauth_timestamp {timestamp} lies inside the accepted range {min}-{max}.',
    ja: 'oauth_timestamp {timestamp} は許容範囲 {min}-{max} の内側です。',
  },
  acceptedWindow: {
    en: 'The server accepts oauth_timestamp from {min} to {max} ({from} to {to} UTC); compare with the oauth_timestamp sent.',
    ja: 'サーバが受け付ける oauth_timestamp は {min} から {max}（UTC で {from} から {to}）です。送った oauth_timestamp と比べてください。',
  },
  sourceDateHeader: { en: 'from the response Date header', ja: 'レスポンスの Date ヘッダより' },
  sourceSession: { en: 'measured during the session', ja: 'セッション中に測定' },
  sourceDateVsTimestamp: { en: 'the response Date header against the oauth_timestamp the server echoed', ja: 'レスポンスの Date ヘッダと、サーバが返した oauth_timestamp の比較' },
  hostAliasesMixed: {
    en: 'The legs went to different names of the same service: {hosts}. A token issued on one may not be honoured on the other.',
    ja: 'レッグが同じサービスの別のホスト名に送られています: {hosts}。一方で発行したトークンが他方で通らないことがあります。',
  },
  hostsDiffer: {
    en: 'The OAuth legs went to different hosts: {hosts}.',
    ja: 'OAuth の各レッグが異なるホストに送られています: {hosts}。',
  },
  oneHost: {
    en: 'All OAuth legs went to {host}.',
    ja: 'OAuth のすべてのレッグが {host} に送られています。',
  },
  signedForOtherHost: {
    en: 'The base string was signed for {signed} but the request went to {sent}.',
    ja: 'ベース文字列は {signed} 向けに署名されていますが、リクエストは {sent} に送られています。',
  },
  callbackDiffers: {
    en: 'oauth_callback sent: {sent}; registered: {registered}.',
    ja: '送った oauth_callback: {sent}。登録済み: {registered}。',
  },
  callbackLoopbackHost: {
    en: 'oauth_callback sent was {sent}. Providers compare it with the registered callback as text, so {other} is another URL: if the app is registered with {other}, pass --callback-host {otherHost} (and --callback-port with its port).',
    ja: '送った oauth_callback は {sent} でした。プロバイダは登録済みのコールバックと文字列として比べるため、{other} は別の URL です。アプリに {other} で登録しているなら --callback-host {otherHost} を付けてください（ポートがあれば --callback-port も）。',
  },
  callbackMatches: {
    en: 'The oauth_callback sent matches the registered one ({registered}).',
    ja: '送った oauth_callback は登録済みのもの（{registered}）と一致します。',
  },
  callbackNotOob: {
    en: 'oauth_callback sent was {sent}, not oob.',
    ja: '送った oauth_callback は oob ではなく {sent} でした。',
  },
  callbackMissing: {
    en: 'No oauth_callback was sent on the request-token leg (it is required; use oob when there is none, RFC 5849 §2.1).',
    ja: 'リクエスト・トークン取得時に oauth_callback が送られていません（必須。ない場合は oob、RFC 5849 §2.1）。',
  },
  parametersAbsent: {
    en: 'The server says these were missing: {names}.',
    ja: 'サーバはこれらが欠けていると示しています: {names}。',
  },
  parametersEmpty: {
    en: 'The paste shows {names} sent with no value: it was never set (a code bug), so nothing was reused or expired.',
    ja: '貼り付けた内容では {names} が値なしで送られています。値が設定されていない（コードの不具合）ため、再利用や期限切れではありません。',
  },
  statusRedirect: {
    en: 'HTTP {status} is a redirect: the endpoint moved (http instead of https, a missing or extra trailing slash, another host), so the request was never read.',
    ja: 'HTTP {status} はリダイレクトです。エンドポイントが移動している（https ではなく http、末尾スラッシュの有無、別のホスト）ため、リクエストは読まれていません。',
  },
  parametersRejected: {
    en: 'The server rejected these parameters: {names}.',
    ja: 'サーバはこれらのパラメータを拒否しました: {names}。',
  },
  acceptableVersions: {
    en: 'The server accepts oauth_version {min} to {max}.',
    ja: 'サーバが受け付ける oauth_version は {min} から {max} です。',
  },
  baseStringsEqualRsa: {
    en: 'Our base string is identical to the one the server computed, so what was signed is right, host included: the RSA key is the cause — the public key the provider holds (Jira: the application link) is not the pair of the private key that signed.',
    ja: 'こちらのベース文字列はサーバが計算したものと同一で、ホストを含め署名内容は正しいです。原因は RSA 鍵です。プロバイダが持つ公開鍵（Jira ではアプリケーション・リンク）が、署名した秘密鍵と対になっていません。',
  },
  signedByOauthDoctor: {
    en: 'oauth-doctor signed this request itself and its base string follows RFC 5849 exactly (checked against the RFC examples and oauthlib); the server echoed none to compare, so a wrong consumer or token secret is the likelier cause.',
    ja: 'このリクエストは oauth-doctor 自身が署名しており、そのベース文字列は RFC 5849 どおりです（RFC の例と oauthlib で検証済み）。比べるベース文字列をサーバは返していないため、コンシューマーまたはトークンのシークレット違いの可能性が高いです。',
  },
  baseStringsEqual: {
    en: 'Our base string is identical to the one the server computed, so what was signed is right: the key (secrets) or the method differs.',
    ja: 'こちらのベース文字列はサーバが計算したものと同一です。署名した内容は正しく、鍵（シークレット）か方式が異なります。',
  },
  baseStringsDiffer: {
    en: 'Our base string differs from the server\'s at character {index}, in the {part}.',
    ja: 'こちらのベース文字列は {index} 文字目（{part}）でサーバのものと異なります。',
  },
  baseStringParameterOnlyOurs: {
    en: 'Parameters only in ours: {names}.',
    ja: 'こちらにだけあるパラメータ: {names}。',
  },
  baseStringParameterOnlyTheirs: {
    en: 'Parameters only in the server\'s: {names}.',
    ja: 'サーバ側にだけあるパラメータ: {names}。',
  },
  baseStringParameterValues: {
    en: 'Parameters whose values differ: {names}.',
    ja: '値が異なるパラメータ: {names}。',
  },
  serverBaseStringOnly: {
    en: 'The server echoed its base string; compare it with yours (run `oauth-doctor sign` with the same inputs, or pass --session).',
    ja: 'サーバがベース文字列を返しています。手元のものと比べてください（同じ入力で `oauth-doctor sign` を実行するか、--session を指定）。',
  },
  nonceRepeated: {
    en: 'The same oauth_nonce was sent at leg {index}{sameTimestamp}.',
    ja: '同じ oauth_nonce がレッグ {index} でも送られています{sameTimestamp}。',
  },
  nonceSameTimestamp: { en: ' with the same timestamp', ja: '（同じタイムスタンプ）' },
  nonceFresh: {
    en: 'The nonce was not repeated within this session.',
    ja: 'このセッション内で nonce は重複していません。',
  },
  methodNotAccepted: {
    en: 'Signed with {method}; {provider} accepts {accepted}.',
    ja: '{method} で署名しましたが、{provider} が受け付けるのは {accepted} です。',
  },
  methodOlderOnly: {
    en: 'Signed with {method}, which {provider} accepted in older releases; its current release accepts {latest} only.',
    ja: '{method} で署名しました。{provider} は古いリリースでは受け付けましたが、現在のリリースが受け付けるのは {latest} だけです。',
  },
  methodAccepted: {
    en: '{method} is a method {provider} accepts.',
    ja: '{method} は {provider} が受け付ける方式です。',
  },
  statusServerError: {
    en: 'HTTP {status}: the server itself failed.',
    ja: 'HTTP {status}: サーバ自体が失敗しています。',
  },
  statusThrottled: {
    en: 'HTTP {status}: the server is throttling.',
    ja: 'HTTP {status}: サーバがアクセスを制限しています。',
  },
  statusUnusual: {
    en: 'HTTP {status} (this problem usually comes with {usual}).',
    ja: 'HTTP {status}（この問題は通常 {usual} です）。',
  },
  heuristicSource: {
    en: 'Recognised from free text ({source}), not from a code: the reading is a best guess.',
    ja: 'コードではなく自由文（{source}）から認識しました。推定に基づく読み取りです。',
  },
  heuristicWords: {
    en: 'Read from the words {words} ({lang}), not from a code: a best guess; the provider\'s own code, if it sent one, would settle it.',
    ja: 'コードではなく語 {words}（{lang}）から読み取りました。推定です。プロバイダがコードを送っていれば、それで確定します。',
  },
  wordsSay: {
    en: 'The provider\'s message says {words}.',
    ja: 'プロバイダのメッセージに {words} とあります。',
  },
  nearCode: {
    en: 'The provider sent "{sent}", which is no code Problem Reporting defines; read as {code} (did you mean {code}?).',
    ja: 'プロバイダは「{sent}」を送りましたが、Problem Reporting の定めるコードではありません。{code} として読みました（{code} のことでしょうか）。',
  },
  casedCode: {
    en: 'The provider sent "{sent}": the registered OAuth 2.0 code {code} (RFC 6749 §5.2, §4.1.2.1; RFC 6750 §3.1) spelt the way a client library names it; read as that code.',
    ja: 'プロバイダは「{sent}」を送りました。これは登録済みの OAuth 2.0 コード {code}（RFC 6749 §5.2、§4.1.2.1、RFC 6750 §3.1）を、クライアント・ライブラリの命名で書いたものです。そのコードとして読みました。',
  },
  notACode: {
    en: 'The provider sent "{sent}" where a code belongs: it is no code oauth-doctor knows, so the reading rests on its words.',
    ja: 'プロバイダはコードの位置に「{sent}」を送りました。oauth-doctor の知るコードではないため、その語から読み取りました。',
  },
  statusNotFound: {
    en: 'HTTP 404: the server has nothing at this URL; an OAuth check rarely answers 404.',
    ja: 'HTTP 404: この URL にはサーバ側に何もありません。OAuth の検査で 404 が返ることはまれです。',
  },
  statusMethod: {
    en: 'HTTP 405: the server does not accept this method at this URL (its Allow header lists those it does).',
    ja: 'HTTP 405: この URL ではこのメソッドを受け付けません（Allow ヘッダに受け付けるメソッドがあります）。',
  },
  providerNote: { en: '{note}', ja: '{note}' },
  oauth2BearerAnsweredSigned: {
    en: 'A `WWW-Authenticate: Bearer` challenge answered leg {index} ({leg}), which was signed with OAuth 1.0a ({method}).',
    ja: 'OAuth 1.0a（{method}）で署名したレッグ {index}（{leg}）に、`WWW-Authenticate: Bearer` チャレンジが返されました。',
  },
  oauth2BearerChallenge: {
    en: 'The response asks for a Bearer token (`WWW-Authenticate: Bearer`, RFC 6750 §3).',
    ja: 'レスポンスはベアラー・トークンを求めています（`WWW-Authenticate: Bearer`、RFC 6750 §3）。',
  },
  oauth2BearerBeside: {
    en: 'The server offers a Bearer challenge beside the OAuth one: it takes OAuth 2.0 here as well, so check which one this endpoint needs.',
    ja: 'サーバは OAuth のチャレンジと並べて Bearer のチャレンジも示しています。ここでは OAuth 2.0 も受け付けるので、このエンドポイントがどちらを必要とするか確認してください。',
  },
  oauth2BearerRequest: {
    en: 'The request already carried `Authorization: Bearer`: this is an OAuth 2.0 exchange, which oauth-doctor does not diagnose.',
    ja: 'リクエストはすでに `Authorization: Bearer` を送っています。これは OAuth 2.0 のやり取りで、oauth-doctor の診断対象外です。',
  },
  oauth2ReadAs: {
    en: 'Read as OAuth 2.0, not OAuth 1.0a, because: {signs}.',
    ja: '次の理由で OAuth 1.0a ではなく OAuth 2.0 と判断しました: {signs}。',
  },
  'oauth2Sign_bearer-challenge': { en: 'a `WWW-Authenticate: Bearer` challenge (RFC 6750 §3)', ja: '`WWW-Authenticate: Bearer` チャレンジ（RFC 6750 §3）' },
  'oauth2Sign_oauth2-only-code': { en: 'an error code only OAuth 2.0 defines (RFC 6749 §5.2, §4.1.2.1; RFC 6750 §3.1)', ja: 'OAuth 2.0 だけが定めるエラー・コード（RFC 6749 §5.2、§4.1.2.1、RFC 6750 §3.1）' },
  'oauth2Sign_bearer-request': { en: 'the request carried `Authorization: Bearer`', ja: 'リクエストが `Authorization: Bearer` を送っていた' },
  'oauth2Sign_error-uri': { en: 'an error_uri (RFC 6749 §5.2; oauthlib\'s OAuth 1 errors may carry one too, so only a hint)', ja: 'error_uri（RFC 6749 §5.2。oauthlib の OAuth 1 エラーにも付くことがあるため手がかりにとどまる）' },
  'oauth2Sign_oauth2-words': { en: 'the description speaks of what only OAuth 2.0 has (a client secret, a redirect_uri, a code_verifier, an authorization code, an Entra ID AADSTS code); only a hint', ja: '説明が OAuth 2.0 にしかないもの（クライアント・シークレット、redirect_uri、code_verifier、認可コード、Entra ID の AADSTS コード）に触れている（手がかりにとどまる）' },
  'oauth2Sign_provider-dialect': { en: 'the error is one a known OAuth 2.0 provider documents (its code, or its exact wording of error_description)', ja: '既知の OAuth 2.0 プロバイダが文書化しているエラー（そのコード、または error_description の文言そのもの）' },
  'oauth2Sign_json-error': { en: 'an `error` member in a JSON answer (RFC 6749 §5.2 answers in application/json; oauthlib\'s OAuth 1 endpoints answer form-encoded); only a hint', ja: 'JSON の応答に `error` がある（RFC 6749 §5.2 は application/json で答える。oauthlib の OAuth 1 エンドポイントはフォーム形式で答える）（手がかりにとどまる）' },
  'oauth2Sign_oauth2-context': { en: 'the text around the error speaks of OAuth 2.0 (an oauth2 library or class, client_secret, an access token response) and not of OAuth 1.0a; only a hint', ja: 'エラーの前後の文が OAuth 2.0 に触れ（oauth2 のライブラリやクラス、client_secret、アクセストークン応答）、OAuth 1.0a には触れていない（手がかりにとどまる）' },
  'oauth2Sign_enum-form': { en: 'the code is written as a type or enum case of a client library (.invalidGrant, InvalidGrant, INVALID_GRANT), the way OAuth 2.0 libraries name RFC 6749 §5.2 codes; only a hint', ja: 'コードがクライアント・ライブラリの型や列挙子として書かれている（.invalidGrant、InvalidGrant、INVALID_GRANT）。OAuth 2.0 のライブラリが RFC 6749 §5.2 のコードをそう名付ける（手がかりにとどまる）' },
  'oauth2Sign_bearer-words': { en: 'a token refused in words, with a Bearer token, a JWT, a gRPC call or a JSON body around it and no oauth_* parameter anywhere: an access token sent the RFC 6750 way (RFC 6750 §3.1 invalid_token); only a hint', ja: 'トークンが拒否されたという文で、前後にベアラー・トークン、JWT、gRPC 呼び出し、JSON 本文があり、oauth_* パラメータはどこにもない。RFC 6750 の方法で送られたアクセストークン（RFC 6750 §3.1 invalid_token）（手がかりにとどまる）' },
  'oauth2Sign_client-words': { en: 'the message speaks of the client\'s authentication (client authentication, client credentials, a client secret or assertion) in a paste that speaks of OAuth 2.0 (client_id, grant_type, a token endpoint, Bearer) and not of OAuth 1.0a: RFC 6749 §5.2 invalid_client; only a hint', ja: 'メッセージがクライアント認証（クライアント認証、クライアント・クレデンシャル、クライアント・シークレットやアサーション）に触れ、貼り付けた文が OAuth 2.0（client_id、grant_type、トークン・エンドポイント、Bearer）に触れて OAuth 1.0a には触れていない。RFC 6749 §5.2 の invalid_client（手がかりにとどまる）' },
  'oauth2Sign_oauth2-vocabulary': { en: 'the paste speaks OAuth 2.0\'s words (an access_token or refresh_token, a client_id, a grant_type, a scope, Bearer, an OAuth 2.0-only provider) and none of OAuth 1.0a\'s; only a hint', ja: '貼り付けた文が OAuth 2.0 の語（access_token や refresh_token、client_id、grant_type、scope、Bearer、OAuth 2.0 だけのプロバイダ）を使い、OAuth 1.0a の語は使っていない（手がかりにとどまる）' },
  'oauth2Sign_no-oauth1-evidence': { en: 'nothing in the paste is OAuth 1.0a\'s (no oauth_* parameter, consumer key or token secret, no OAuth 1.0a provider): words about a token are read as today\'s APIs mean them, OAuth 2.0; only a hint', ja: '貼り付けた文に OAuth 1.0a のもの（oauth_* パラメータ、コンシューマ・キー、トークン・シークレット、OAuth 1.0a のプロバイダ）が何もない。トークンについての文を今日の API の意味どおり OAuth 2.0 として読んだ（手がかりにとどまる）' },
  'oauth2Sign_jwt-assertion': { en: 'the request carried an RFC 7523 JWT assertion (grant_type …:jwt-bearer, client_assertion)', ja: 'リクエストが RFC 7523 の JWT アサーション（grant_type …:jwt-bearer、client_assertion）を送っていた' },
  jwtAssertionClock: {
    en: 'The request carried a JWT assertion (RFC 7523 §3): the server checks its exp, nbf and iat against its own clock, so a clock a few minutes off refuses it.',
    ja: 'リクエストは JWT アサーション（RFC 7523 §3）を送っていました。サーバは exp、nbf、iat を自分の時計と照合するため、時計が数分ずれていると拒否されます。',
  },
  'oauth2Sign_redirect-state': { en: 'a state parameter in the redirect, which OAuth 1.0a does not have (RFC 6749 §4.1.2.1)', ja: 'リダイレクトの state パラメータ（OAuth 1.0a にはない、RFC 6749 §4.1.2.1）' },
  xV2OAuth1Refused: {
    en: 'X says this endpoint refuses OAuth 1.0a User Context and supports only: {supported}.',
    ja: 'X によると、このエンドポイントは OAuth 1.0a User Context を受け付けず、対応するのは次だけです: {supported}。',
  },
  xV2AppOnlyRefused: {
    en: 'X says this endpoint refuses OAuth 2.0 Application-Only and supports only: {supported} (a user context is needed).',
    ja: 'X によると、このエンドポイントは OAuth 2.0 Application-Only を受け付けず、対応するのは次だけです: {supported}（ユーザー・コンテキストが必要）。',
  },
  bareUnauthorizedOAuth2: {
    en: 'A 401 with nothing more on an OAuth 2.0 call: RFC 6750 §3.1 answers so for an access token expired, revoked or invalid, and an expired one is the most common.',
    ja: 'OAuth 2.0 の呼び出しにそれ以上の情報のない 401: RFC 6750 §3.1 では期限切れ・失効・不正なアクセス・トークンにこう答え、最も多いのは期限切れです。',
  },
  xV2OAuth1Supported: {
    en: 'X says this endpoint supports OAuth 1.0a User Context ({supported}) but read the request as "{used}".',
    ja: 'X によると、このエンドポイントは OAuth 1.0a User Context に対応しています（{supported}）が、リクエストを「{used}」と認識しました。',
  },
  'notAProblem_x-v2-partial-errors': {
    en: 'this is X API v2 reporting per-resource errors (an `errors` array beside `data`, e.g. resource-not-found) on a request it authenticated, not an authentication problem.',
    ja: 'これは X API v2 が認証済みのリクエストについてリソースごとのエラー（`data` と並ぶ `errors` 配列。resource-not-found など）を報告しているもので、認証の問題ではありません。',
  },
  'notAProblem_har-capture': {
    en: 'this is a HAR capture with no single failed answer to explain; read it with oauth-doctor inspect FILE.har, which checks every request in it.',
    ja: 'これは HAR キャプチャで、説明すべき失敗した応答が一つに定まりません。oauth-doctor inspect FILE.har で読んでください（すべてのリクエストを検査します）。',
  },
  'notAProblem_curl-command': {
    en: 'this is a curl command, not a provider\'s answer; check it with oauth-doctor inspect --curl \'curl …\', or run it with -si and pipe the answer to oauth-doctor explain -.',
    ja: 'これは curl コマンドで、プロバイダの応答ではありません。oauth-doctor inspect --curl \'curl …\' で検査するか、-si を付けて実行し応答を oauth-doctor explain - に渡してください。',
  },
  xV2UnknownAuthentication: {
    en: 'X could not tell which authentication the request used ("Unknown"): the Authorization header did not read as OAuth 1.0a.',
    ja: 'X はリクエストの認証方式を判別できませんでした（「Unknown」）。Authorization ヘッダが OAuth 1.0a として読めませんでした。',
  },
  providerRetiredOAuth1: {
    en: '{provider} retired OAuth 1.0a on {date} ({source}) and accepts OAuth 2.0 only: a request signed with oauth_signature is refused whatever its signature. Register an OAuth 2.0 client (client_id and client_secret) and use the authorization code flow.',
    ja: '{provider} は {date} に OAuth 1.0a を廃止し（{source}）、OAuth 2.0 だけを受け付けます。oauth_signature で署名したリクエストは、署名の正否に関係なく拒否されます。OAuth 2.0 のクライアント（client_id と client_secret）を登録し、認可コード・フローを使います。',
  },
  keyWithoutTokenSecret: {
    en: 'The signing key the paste shows ends in "&" with nothing after it, while the request sends an oauth_token: the token secret is missing from the key (RFC 5849 §3.4.2: consumer_secret&token_secret).',
    ja: '貼り付けに見える署名鍵は「&」で終わり後ろに何もありませんが、リクエストは oauth_token を送っています。鍵にトークン・シークレットが欠けています（RFC 5849 §3.4.2: consumer_secret&token_secret）。',
  },
  keyWithTokenSecret: {
    en: 'The signing key the paste shows has a token secret after its "&" (RFC 5849 §3.4.2): check it is the one that came with this token.',
    ja: '貼り付けに見える署名鍵には「&」の後にトークン・シークレットがあります（RFC 5849 §3.4.2）。このトークンと対のものか確認します。',
  },
  accessTokenLegSigned: {
    en: 'This is the access-token exchange (it sends oauth_verifier, or calls the access-token URL): its key is consumer_secret&request_token_secret (RFC 5849 §3.4.2, §2.3). A signer that keeps only the consumer secret passes the request-token leg and fails this one.',
    ja: 'これはアクセス・トークン交換です（oauth_verifier を送るか、アクセス・トークンの URL を呼んでいます）。鍵は consumer_secret&request_token_secret です（RFC 5849 §3.4.2、§2.3）。コンシューマ・シークレットだけを持つ署名処理は、リクエスト・トークンのレッグは通りますが、このレッグで失敗します。',
  },
  requestTokenLegNoSecret: {
    en: 'This is the request-token leg: no token secret exists yet, so the key is consumer_secret& (RFC 5849 §3.4.2, §2.1).',
    ja: 'これはリクエスト・トークンのレッグです。トークン・シークレットはまだないため、鍵は consumer_secret& です（RFC 5849 §3.4.2、§2.1）。',
  },
} as const satisfies Record<string, Text>;

export type EvidenceKey = keyof typeof EVIDENCE_TEXT;
