import { rowIndex } from './lazy.js';
import type { CauseId } from './types.js';
import { FLOW_CAUSES } from './problems-flow.js';
import { PROVIDER_CAUSES } from './causes-providers.js';
import { JWT_CAUSES } from './causes-jwt.js';
import { AUTHORIZATION_REQUEST_CAUSES } from './causes-authorization-request.js';
import type { CauseRecord } from './types.js';

/**
 * Every cause oauth-doctor can rank, with a stable id (the JSON output uses
 * it), how to confirm it and how to fix it. Written from RFC 5849, the
 * OAuth Problem Reporting extension
 * (https://wiki.oauth.net/w/page/12238543/ProblemReporting) and the
 * providers' own documentation each provider row cites.
 */
const OWN: readonly CauseRecord[] = [
  {
    id: 'reuse',
    title: { en: 'The token was used already', ja: 'トークンが使用済み' },
    confirm: {
      en: 'Look for a second use of the same oauth_token: a page reload, the back button, a second tab, a retried or doubled callback, or an access-token request sent twice. Temporary credentials are single-use (RFC 5849 §2.3).',
      ja: '同じ oauth_token が二度使われていないか確認します（再読み込み、戻るボタン、別タブ、コールバックの二重処理や再試行、アクセス・トークン要求の二重送信）。一時クレデンシャルは一回限りです（RFC 5849 §2.3）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Get a fresh request token for every attempt, exchange it exactly once, and make the callback handler idempotent (ignore a second callback for a token already exchanged).', ja: '試行ごとに新しいリクエスト・トークンを取得し、交換は一度だけにします。コールバック処理は冪等にし、交換済みトークンへの二度目のコールバックは無視します。' } },
      { for: 'user', text: { en: 'Go back to the application and start the login again from its first page; do not reload the authorization page or use the back button.', ja: 'アプリに戻り、最初のページからログインをやり直してください。認可ページの再読み込みや戻るボタンは使わないでください。' } },
    ],
    oauth2: {
      confirm: {
        en: 'Look for a second use of the same authorization code or rotated refresh token: a reloaded or doubled callback, a retried token request, two instances redeeming one code. A code is single-use (RFC 6749 §4.1.2); a reused rotated refresh token may revoke the whole family (OAuth 2.0 Security BCP §4.14).',
        ja: '同じ認可コード、またはローテーション済みのリフレッシュ・トークンが二度使われていないか確認します（コールバックの再読み込みや二重処理、トークン要求の再試行、二つのインスタンスによる同じコードの交換）。認可コードは一回限りです（RFC 6749 §4.1.2）。ローテーション済みリフレッシュ・トークンの再利用は、一連のトークン全体の失効を招くことがあります（OAuth 2.0 Security BCP §4.14）。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Redeem each code exactly once and make the callback handler idempotent; after a refresh, store the new refresh token before using it and never send the old one again.', ja: '認可コードは一度だけ交換し、コールバック処理は冪等にします。リフレッシュ後は新しいリフレッシュ・トークンを保存してから使い、古いものは二度と送りません。' } },
        { for: 'user', text: { en: 'Start the login again from the application; do not reload the page it returns to.', ja: 'アプリからログインをやり直してください。戻ってきたページの再読み込みはしないでください。' } },
      ],
    },
  },
  {
    id: 'expiry',
    title: { en: 'The token is too old (expired)', ja: 'トークンの有効期限切れ' },
    confirm: {
      en: 'Compare the time the token was issued with the time it was used, against the provider\'s lifetime (SmugMug request tokens: 5 minutes; X: not documented; Yahoo access tokens: about an hour).',
      ja: 'トークンの発行時刻と使用時刻の差を、プロバイダの有効期間と比べます（SmugMug のリクエスト・トークンは 5 分、X は非公開、Yahoo のアクセス・トークンは約 1 時間）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Request the token right before sending the person to authorize, not ahead of time; for short-lived access tokens (Yahoo) renew with oauth_session_handle.', ja: 'リクエスト・トークンは事前に用意せず、利用者を認可ページへ送る直前に取得します。短命なアクセス・トークン（Yahoo）は oauth_session_handle で更新します。' } },
      { for: 'user', text: { en: 'Start the login again and finish it without a long pause.', ja: 'ログインを最初からやり直し、途中で長く放置せずに完了させてください。' } },
    ],
    oauth2: {
      confirm: {
        en: 'Compare when the code or token was issued with when it was used: authorization codes live seconds to minutes (RFC 6749 §4.1.2 recommends at most 10 minutes), access tokens their expires_in, refresh tokens the provider\'s policy (idle or absolute lifetime).',
        ja: '認可コードやトークンの発行時刻と使用時刻を比べます。認可コードの有効期間は数秒から数分（RFC 6749 §4.1.2 は最長 10 分を推奨）、アクセス・トークンは expires_in、リフレッシュ・トークンはプロバイダの方針（無操作期間または絶対期限）です。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Redeem the code as soon as the callback arrives; refresh the access token before expires_in runs out; when the refresh token itself has expired, send the person through authorization again.', ja: 'コールバックを受けたら直ちに認可コードを交換し、expires_in が切れる前にアクセス・トークンを更新します。リフレッシュ・トークン自体が期限切れなら、利用者にもう一度認可してもらいます。' } },
        { for: 'user', text: { en: 'Start the login again and finish it without a long pause.', ja: 'ログインを最初からやり直し、途中で長く放置せずに完了させてください。' } },
      ],
    },
  },
  {
    id: 'revocation',
    title: { en: 'The token was revoked', ja: 'トークンが取り消された' },
    confirm: {
      en: 'Check whether the person removed the app from their connected apps, changed their password, or the provider invalidated the token; a token that worked before and now fails on every call points here.',
      ja: '利用者が連携アプリを解除した、パスワードを変更した、またはプロバイダがトークンを無効にしたかを確認します。以前は動いたトークンがすべての呼び出しで失敗するなら、これが疑わしいです。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Treat the stored access token as dead: discard it and send the person through authorization again.', ja: '保存しているアクセス・トークンは無効として破棄し、利用者にもう一度認可してもらいます。' } },
      { for: 'user', text: { en: 'Log in to the application again and approve it once more.', ja: 'アプリにもう一度ログインし、改めて許可してください。' } },
    ],
    oauth2: {
      confirm: {
        en: 'Check whether the grant was revoked: the person removed the app or changed their password, an admin revoked the consent, the token was revoked (RFC 7009), or a replayed refresh token made the provider revoke the family.',
        ja: 'グラントが取り消されていないか確認します。利用者によるアプリの解除やパスワード変更、管理者による同意の取り消し、トークンの失効（RFC 7009）、またはリフレッシュ・トークンの再送によるトークン一式の失効です。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Discard the stored access and refresh tokens and send the person through authorization again.', ja: '保存しているアクセス・トークンとリフレッシュ・トークンを破棄し、利用者にもう一度認可してもらいます。' } },
        { for: 'user', text: { en: 'Log in to the application again and approve it once more.', ja: 'アプリにもう一度ログインし、改めて許可してください。' } },
      ],
    },
  },
  {
    id: 'clock-skew',
    title: { en: 'The client\'s clock is off', ja: 'クライアントの時計のずれ' },
    confirm: {
      en: 'Compare oauth_timestamp with the server\'s time (the response Date header, or oauth_acceptable_timestamps); most servers allow about 300 s either way (Yahoo 600 s, Magento only checks the future).',
      ja: 'oauth_timestamp をサーバの時刻（レスポンスの Date ヘッダまたは oauth_acceptable_timestamps）と比べます。多くのサーバは前後約 300 秒まで許容します（Yahoo は 600 秒、Magento は未来方向のみ確認）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Synchronise the clock with NTP and check the time zone handling (oauth_timestamp is seconds since the Unix epoch, UTC); where the clock cannot be fixed, correct by the offset to the server\'s Date header.', ja: 'NTP で時計を合わせ、タイムゾーンの扱いを確認します（oauth_timestamp は UTC の Unix 秒）。時計を直せない環境では、サーバの Date ヘッダとの差で補正します。' } },
      { for: 'user', text: { en: 'Set your device\'s date, time and time zone to automatic, then try again.', ja: '端末の日付・時刻・タイムゾーンを自動設定にしてから、もう一度お試しください。' } },
    ],
    oauth2: {
      confirm: {
        en: 'Compare the client\'s clock with the server\'s (the response Date header): a client assertion (private_key_jwt, client_secret_jwt) or an ID token is refused or rejected when its iat, nbf or exp falls outside the allowed skew, often a few minutes.',
        ja: 'クライアントの時計をサーバの時刻（レスポンスの Date ヘッダ）と比べます。クライアント・アサーション（private_key_jwt、client_secret_jwt）や ID トークンは、iat、nbf、exp が許容範囲（多くは数分）を外れると拒否されます。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Synchronise the clock with NTP; set iat to now and exp a few minutes ahead in client assertions, and allow a small leeway when checking ID tokens.', ja: 'NTP で時計を合わせます。クライアント・アサーションでは iat を現在時刻、exp を数分後にし、ID トークンの検証には小さな猶予を設けます。' } },
        { for: 'user', text: { en: 'Set your device\'s date, time and time zone to automatic, then try again.', ja: '端末の日付・時刻・タイムゾーンを自動設定にしてから、もう一度お試しください。' } },
      ],
    },
  },
  {
    id: 'nonce-reuse',
    title: { en: 'The same nonce was sent twice', ja: '同じ nonce の再送' },
    confirm: {
      en: 'Look for a retry that resent the same signed request (same oauth_nonce and oauth_timestamp), or a nonce generator that repeats (RFC 5849 §3.3).',
      ja: '署名済みリクエストをそのまま再送していないか（同じ oauth_nonce と oauth_timestamp）、nonce の生成が重複していないか確認します（RFC 5849 §3.3）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Sign every attempt afresh, retries included, with a new random nonce (NetSuite: at least 6 characters).', ja: '再試行も含め、毎回新しいランダムな nonce で署名し直します（NetSuite は 6 文字以上）。' } },
    ],
  },
  {
    id: 'wrong-secret',
    title: { en: 'Wrong consumer secret or token secret', ja: 'コンシューマ・シークレットまたはトークン・シークレットの誤り' },
    confirm: {
      en: 'If our base string equals the one the server echoed, the base string is right and the key is wrong. Check the key shape encode(consumer_secret)&encode(token_secret): the & is required even when the token secret is empty, and the token secret must belong to the token sent.',
      ja: 'こちらの署名ベース文字列がサーバの返したものと一致するなら、ベース文字列は正しく鍵が誤っています。鍵の形 encode(consumer_secret)&encode(token_secret) を確認します。トークン・シークレットが空でも & は必要で、送ったトークンと対のシークレットでなければなりません。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Copy the consumer secret again from the app settings (no spaces or newlines), and sign with the token secret that came with the token you send; regenerate the keys if in doubt.', ja: 'アプリ設定からコンシューマ・シークレットをコピーし直し（空白や改行に注意）、送信するトークンと対で発行されたトークン・シークレットで署名します。疑わしければ鍵を再発行します。' } },
    ],
  },
  {
    id: 'signature-base-mismatch',
    title: { en: 'The signature base string differs from the server\'s', ja: '署名ベース文字列がサーバと不一致' },
    confirm: {
      en: 'Compare our base string with the server\'s (debug_sbs, oauth_signature_base_string, or the provider\'s docs example) and find the first difference: usually percent-encoding (%20 not +, uppercase hex), a parameter left out or added, the sort order, the scheme/host/port, or a proxy that changed them (RFC 5849 §3.4.1).',
      ja: 'こちらのベース文字列をサーバのもの（debug_sbs、oauth_signature_base_string、またはドキュメントの例）と比べ、最初の違いを探します。多いのはパーセント・エンコード（+ ではなく %20、16 進は大文字）、パラメータの欠落や余分、並び順、スキーム・ホスト・ポート、プロキシによる書き換えです（RFC 5849 §3.4.1）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Build the base string from exactly what is sent: the URL actually called (lowercase scheme and host, default port dropped, no query), every query and form-body parameter, RFC 3986 encoding; run `oauth-doctor sign` with the same inputs to see the working.', ja: '実際に送る内容からベース文字列を作ります（実際に呼ぶ URL、小文字のスキームとホスト、既定ポートは省略、クエリは除く。クエリとフォーム本文のパラメータをすべて含め、RFC 3986 でエンコード）。同じ入力で `oauth-doctor sign` を実行すると途中経過を確認できます。' } },
    ],
  },
  {
    id: 'wrong-signature-method',
    title: { en: 'A signature method the provider does not accept', ja: 'プロバイダが受け付けない署名方式' },
    confirm: {
      en: 'Compare oauth_signature_method with what the provider accepts: Jira application links want RSA-SHA1, NetSuite HMAC-SHA256 (HMAC-SHA1 ended in 2023.1), X HMAC-SHA1; PLAINTEXT only over TLS.',
      ja: 'oauth_signature_method をプロバイダが受け付ける方式と比べます。Jira のアプリケーション・リンクは RSA-SHA1、NetSuite は HMAC-SHA256（HMAC-SHA1 は 2023.1 で終了）、X は HMAC-SHA1。PLAINTEXT は TLS 上のみです。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Switch to the signature method the provider documents and configure the matching key (an RSA key pair for RSA-SHA1).', ja: 'プロバイダが指定する署名方式に切り替え、対応する鍵を設定します（RSA-SHA1 なら RSA 鍵ペア）。' } },
    ],
  },
  {
    id: 'unknown-consumer',
    title: { en: 'The consumer key is not known to the provider', ja: 'コンシューマ・キーがプロバイダに未登録' },
    confirm: {
      en: 'Check the oauth_consumer_key sent against the app settings: a typo, a key from another environment (sandbox vs production), a deleted or regenerated app, or for Jira a stale key or a missing reciprocal application link.',
      ja: '送った oauth_consumer_key をアプリ設定と照合します。打ち間違い、別環境（サンドボックスと本番）のキー、削除・再発行されたアプリ、Jira では古いキーや相互のアプリケーション・リンクの欠如が考えられます。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Copy the consumer key from the provider\'s app settings for the environment you call, and re-create the app link or app if it was deleted.', ja: '呼び出す環境のアプリ設定からコンシューマ・キーをコピーし直し、アプリやアプリケーション・リンクが削除されていれば作り直します。' } },
    ],
    oauth2: {
      title: { en: 'The client_id is not known to the provider', ja: 'client_id がプロバイダに未登録' },
      confirm: {
        en: 'Check the client_id sent against the app registration: a typo, an id from another tenant or environment, a deleted app, or an OAuth 1.0a consumer key sent where an OAuth 2.0 client id is wanted.',
        ja: '送った client_id をアプリ登録と照合します。打ち間違い、別テナントや別環境の ID、削除されたアプリ、または OAuth 2.0 の client_id の代わりに OAuth 1.0a のコンシューマ・キーを送っていないかです。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Copy the client id from the provider\'s app registration for the tenant and environment you call.', ja: '呼び出すテナントと環境のアプリ登録から client_id をコピーし直します。' } },
      ],
    },
  },
  {
    id: 'app-suspended',
    title: { en: 'The application is suspended, restricted or switched off', ja: 'アプリケーションの停止・制限・無効化' },
    confirm: {
      en: 'Look at the app in the provider\'s developer portal: suspended (X 416), restricted from writing (X 261), integration blocked or feature disabled (NetSuite), inactivated in settings (Hatena), blacklisted (consumer_key_rejected).',
      ja: 'プロバイダの開発者ポータルでアプリの状態を確認します。停止（X 416）、書き込み制限（X 261）、インテグレーションのブロックや機能無効（NetSuite）、設定での無効化（はてな）、ブラックリスト（consumer_key_rejected）など。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Resolve the app\'s status with the provider (developer portal, policy review, enable the feature); no change to the client code will help until then.', ja: 'プロバイダ側でアプリの状態を解決します（開発者ポータル、ポリシー審査、機能の有効化）。それまではクライアントのコードを変えても解決しません。' } },
      { for: 'user', text: { en: 'This is not something you can fix; try again later or contact the application\'s support.', ja: '利用者側では解決できません。時間をおいて試すか、アプリのサポートに連絡してください。' } },
    ],
    // RFC 6749 §5.2 unauthorized_client / invalid_client for a disabled or deleted app (GitHub application_suspended, Entra AADSTS7000112).
    oauth2: {
      confirm: {
        en: 'Look at the app registration in the provider\'s console: suspended (GitHub application_suspended), disabled or deleted (Google deleted_client, Entra AADSTS7000112), or not allowed this grant type (unauthorized_client, RFC 6749 §5.2).',
        ja: 'プロバイダのコンソールでアプリ登録の状態を確認します。停止（GitHub の application_suspended）、無効化や削除（Google の deleted_client、Entra の AADSTS7000112）、またはこのグラント種別が許可されていない（unauthorized_client、RFC 6749 §5.2）などです。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Re-enable or re-create the app registration (and allow the grant type for the client); no change to the client code will help until then.', ja: 'アプリ登録を再有効化または作り直し（クライアントにこのグラント種別を許可し）ます。それまではクライアントのコードを変えても解決しません。' } },
        { for: 'user', text: { en: 'This is not something you can fix; try again later or contact the application\'s support.', ja: '利用者側では解決できません。時間をおいて試すか、アプリのサポートに連絡してください。' } },
      ],
    },
  },
  {
    id: 'rate-limited',
    title: { en: 'Throttled: too many requests', ja: 'アクセス頻度の制限' },
    confirm: {
      en: 'Look at the status (429 or 503) and any Retry-After or rate-limit headers; consumer_key_refused and user_refused are temporary by definition.',
      ja: 'ステータス（429 または 503）と Retry-After やレート制限のヘッダを確認します。consumer_key_refused と user_refused は定義上一時的なものです。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Back off and retry later (honour Retry-After), sign each retry afresh, and reduce the request rate.', ja: '間隔を空けて再試行し（Retry-After に従う）、再試行ごとに署名し直し、リクエスト頻度を下げます。' } },
      { for: 'user', text: { en: 'Wait a while and try again.', ja: 'しばらく待ってからもう一度お試しください。' } },
    ],
    // RFC 6749 §4.1.2.1 temporarily_unavailable; RFC 8628 §3.5 slow_down; RFC 6585 §4 429.
    oauth2: {
      confirm: {
        en: 'Look at the status (429 or 503) and any Retry-After or rate-limit headers; temporarily_unavailable (RFC 6749 §4.1.2.1) and a device poll\'s slow_down (RFC 8628 §3.5) are temporary by definition.',
        ja: 'ステータス（429 または 503）と Retry-After やレート制限のヘッダを確認します。temporarily_unavailable（RFC 6749 §4.1.2.1）とデバイス・ポーリングの slow_down（RFC 8628 §3.5）は定義上一時的なものです。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Back off and retry later (honour Retry-After; after slow_down poll 5 s slower), and reduce the request rate.', ja: '間隔を空けて再試行し（Retry-After に従い、slow_down の後はポーリング間隔を 5 秒延ばす）、リクエスト頻度を下げます。' } },
        { for: 'user', text: { en: 'Wait a while and try again.', ja: 'しばらく待ってからもう一度お試しください。' } },
      ],
    },
  },
  {
    id: 'verifier-mismatch',
    title: { en: 'The verifier does not belong to this token', ja: 'ベリファイアがトークンと対応していない' },
    confirm: {
      en: 'Check that oauth_verifier is the one the callback (or the PIN page) returned for this very oauth_token, copied whole, from the same attempt (RFC 5849 §2.3).',
      ja: 'oauth_verifier が、この oauth_token に対してコールバック（または PIN ページ）が返したものか、欠けずに、同じ試行のものかを確認します（RFC 5849 §2.3）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Keep the request token and its verifier together per attempt (keyed by oauth_token), and send the verifier unchanged.', ja: 'リクエスト・トークンとベリファイアを試行ごとに（oauth_token をキーに）対で保持し、ベリファイアは手を加えずに送ります。' } },
      { for: 'user', text: { en: 'Enter the PIN shown for this login attempt exactly, or start again.', ja: '今回のログインで表示された PIN を正確に入力するか、最初からやり直してください。' } },
    ],
  },
  {
    id: 'not-yet-authorized',
    title: { en: 'The person has not approved yet', ja: '利用者がまだ許可していない' },
    confirm: {
      en: 'Check that the access-token request was sent after the callback arrived (or the PIN was entered), not right after getting the request token.',
      ja: 'アクセス・トークン要求が、リクエスト・トークン取得直後ではなく、コールバック到着後（または PIN 入力後）に送られたか確認します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Wait for the callback (or the PIN) before requesting the access token.', ja: 'コールバック（または PIN）を受け取ってからアクセス・トークンを要求します。' } },
      { for: 'user', text: { en: 'Finish the approval on the provider\'s page, then return to the application.', ja: 'プロバイダのページで許可を完了してから、アプリに戻ってください。' } },
    ],
    // RFC 8628 §3.5 authorization_pending: the device grant's token request before the person approved.
    oauth2: {
      confirm: {
        en: 'A device-code poll answered authorization_pending: the person has not yet entered the user code and approved at the verification URI (RFC 8628 §3.5). Check that the client keeps polling at the interval until then.',
        ja: 'デバイス・コードのポーリングに authorization_pending が返りました。利用者が検証 URI でユーザー・コードを入力して許可していません（RFC 8628 §3.5）。それまでクライアントが interval ごとにポーリングを続けるか確認します。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Treat authorization_pending as "poll again after interval", not as a failure, until expires_in runs out.', ja: 'authorization_pending は失敗ではなく「interval 後に再ポーリング」として扱い、expires_in が切れるまで続けます。' } },
        { for: 'user', text: { en: 'Open the verification address, enter the code shown and approve, then return to the application.', ja: '検証用アドレスを開いて表示されたコードを入力し、許可してからアプリに戻ってください。' } },
      ],
    },
  },
  {
    id: 'user-denied',
    title: { en: 'The person refused access', ja: '利用者がアクセスを拒否した' },
    confirm: {
      en: 'The person pressed Cancel or Deny on the authorization page (X sends the callback with `denied=<token>` instead of oauth_verifier).',
      ja: '利用者が認可ページで「キャンセル」や「拒否」を押しました（X は oauth_verifier の代わりに `denied=<token>` 付きでコールバックします）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Handle a refusal as a normal outcome: show a clear message and offer to start again.', ja: '拒否は通常の結果として扱い、分かりやすいメッセージとやり直しの手段を示します。' } },
      { for: 'user', text: { en: 'If it was a mistake, start the login again and choose Authorize.', ja: '誤操作であれば、ログインをやり直して「許可」を選んでください。' } },
    ],
    oauth2: {
      confirm: {
        en: 'The person pressed Cancel or Deny, or a policy refused on their behalf: the redirect carries error=access_denied (RFC 6749 §4.1.2.1).',
        ja: '利用者が「キャンセル」や「拒否」を押したか、ポリシーが代わりに拒否しました。リダイレクトに error=access_denied が付きます（RFC 6749 §4.1.2.1）。',
      },
    },
  },
  {
    id: 'insufficient-scope',
    title: { en: 'The token lacks the permission needed', ja: 'トークンに必要な権限がない' },
    confirm: {
      en: 'Compare the permission the app requested (X: read / read-write / DM; Hatena: the scope parameter; Yahoo: scopes) with what the call needs; a token keeps the permission it was issued with.',
      ja: 'アプリが要求した権限（X は読み取り／読み書き／DM、はてなは scope、Yahoo はスコープ）と呼び出しに必要な権限を比べます。トークンは発行時の権限のままです。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Raise the app\'s permission (or request the scope), then have the person authorize again: existing tokens keep their old permission.', ja: 'アプリの権限を上げる（またはスコープを要求する）うえで、利用者に再認可してもらいます。既存のトークンは古い権限のままです。' } },
      { for: 'user', text: { en: 'Log in again and approve the permissions the application asks for.', ja: 'もう一度ログインし、アプリが求める権限を許可してください。' } },
    ],
    oauth2: {
      confirm: {
        en: 'Compare the scope asked for and the scope granted (the token response\'s scope, or introspection) with what the call needs; a resource server says insufficient_scope with the scope it wants (RFC 6750 §3.1).',
        ja: '要求したスコープと付与されたスコープ（トークン応答の scope やイントロスペクション）を、呼び出しに必要なスコープと比べます。リソース・サーバは必要なスコープを添えて insufficient_scope を返します（RFC 6750 §3.1）。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Request the scope the call needs (and enable it for the app), then have the person authorize again: a refresh cannot widen a grant.', ja: '呼び出しに必要なスコープを要求し（アプリでも有効にし）、利用者に再認可してもらいます。リフレッシュではグラントを広げられません。' } },
        { for: 'user', text: { en: 'Log in again and approve the permissions the application asks for.', ja: 'もう一度ログインし、アプリが求める権限を許可してください。' } },
      ],
    },
  },
  {
    id: 'callback-not-approved',
    title: { en: 'The callback URL is not registered for the app', ja: 'コールバック URL がアプリに登録されていない' },
    confirm: {
      en: 'Compare the oauth_callback sent on the request-token leg with the callback URLs in the app settings, character for character (scheme, host, port, path).',
      ja: 'リクエスト・トークン取得時に送った oauth_callback を、アプリ設定のコールバック URL と一文字ずつ比べます（スキーム、ホスト、ポート、パス）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Add the exact callback URL to the app\'s approved callbacks, or send one that is already there.', ja: '使うコールバック URL をそのままアプリの許可リストに追加するか、登録済みの URL を送ります。' } },
    ],
  },
  {
    id: 'oob-required',
    title: { en: 'The app is set up for the PIN (oob) flow', ja: 'アプリが PIN（oob）方式の設定になっている' },
    confirm: {
      en: 'X answers 417 when a desktop (PIN) app sends a callback URL; check whether the app settings have a callback URL and what oauth_callback was sent.',
      ja: 'X はデスクトップ（PIN）アプリがコールバック URL を送ると 417 を返します。アプリ設定にコールバック URL があるか、何を oauth_callback に送ったかを確認します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Either send oauth_callback=oob and use the PIN, or register a callback URL in the app settings and send that one.', ja: 'oauth_callback=oob を送って PIN を使うか、アプリ設定にコールバック URL を登録してそれを送ります。' } },
    ],
  },
  {
    id: 'host-mismatch',
    title: { en: 'Legs sent to different hosts', ja: 'レッグごとにホストが異なる' },
    confirm: {
      en: 'Compare the host of every leg and the host in the signed base string: a token issued on api.twitter.com may not be honoured on api.x.com (or the reverse), and the base string must use the host actually called.',
      ja: '各レッグのホストと、署名したベース文字列のホストを比べます。api.twitter.com で発行したトークンが api.x.com で通らない（逆も同様）ことがあり、ベース文字列には実際に呼ぶホストを使う必要があります。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Use one host for all legs (for X, api.x.com throughout) and sign against the URL you actually call.', ja: 'すべてのレッグで一つのホストを使い（X なら api.x.com に統一）、実際に呼ぶ URL で署名します。' } },
    ],
  },
  {
    id: 'token-type-confusion',
    title: { en: 'A request token used as an access token, or the reverse', ja: 'リクエスト・トークンとアクセス・トークンの取り違え' },
    confirm: {
      en: 'Check which token was sent: the temporary (request) token is only for the authorize page and the access-token exchange; API calls need the access token issued by the exchange.',
      ja: 'どのトークンを送ったか確認します。一時（リクエスト）トークンは認可ページとアクセス・トークン交換専用で、API 呼び出しには交換で発行されたアクセス・トークンが必要です。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Store request and access tokens separately (with their own secrets), and sign API calls with the access token and its secret.', ja: 'リクエスト・トークンとアクセス・トークンを（それぞれのシークレットと共に）分けて保存し、API 呼び出しはアクセス・トークンとそのシークレットで署名します。' } },
    ],
    // RFC 6749 §6 (a refresh takes the refresh token), OIDC Core §2 (an ID token is not an access token), RFC 9068 §4.
    oauth2: {
      title: { en: 'One OAuth 2.0 token used as another (access, refresh or ID token)', ja: 'OAuth 2.0 のトークンの取り違え（アクセス・リフレッシュ・ID トークン）' },
      confirm: {
        en: 'Check which token was sent: a refresh needs the refresh_token (RFC 6749 §6), not the access token (Keycloak: "Invalid refresh token. Token type: Bearer"); an API call needs the access token, not the ID token (OpenID Connect Core §2).',
        ja: 'どのトークンを送ったか確認します。リフレッシュにはアクセス・トークンではなく refresh_token が必要です（RFC 6749 §6。Keycloak は「Invalid refresh token. Token type: Bearer」）。API 呼び出しには ID トークンではなくアクセス・トークンが必要です（OpenID Connect Core §2）。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Store the access, refresh and ID tokens of a token response under their own names, and send each only where it belongs.', ja: 'トークン応答のアクセス・リフレッシュ・ID トークンをそれぞれの名前で保存し、それぞれ本来の送り先にだけ送ります。' } },
      ],
    },
  },
  {
    id: 'provider-outage',
    title: { en: 'A problem on the provider\'s side', ja: 'プロバイダ側の障害' },
    confirm: {
      en: 'Many applications failing the same way at the same time, a 5xx status, or the provider\'s status page points here (X, 15 June 2024: almost nobody could log in for a while).',
      ja: '多くのアプリが同時に同じ失敗をしている、5xx ステータス、プロバイダの障害情報が手がかりです（X では 2024 年 6 月 15 日に、しばらくほぼ誰も連携ログインできませんでした）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Check the provider\'s status page and developer forums; retry later with a fresh request token.', ja: 'プロバイダの障害情報や開発者フォーラムを確認し、時間をおいて新しいリクエスト・トークンで再試行します。' } },
      { for: 'user', text: { en: 'Wait and try again later; the fault is not on your side.', ja: '時間をおいて再度お試しください。原因はあなたの側にはありません。' } },
    ],
    // RFC 6749 §5.2 / §4.1.2.1 server_error, temporarily_unavailable; a 5xx from the token endpoint.
    oauth2: {
      confirm: {
        en: 'Many applications failing the same way at the same time, a 5xx status or server_error / temporarily_unavailable (RFC 6749 §4.1.2.1), or the provider\'s status page points here.',
        ja: '多くのアプリが同時に同じ失敗をしている、5xx ステータスや server_error / temporarily_unavailable（RFC 6749 §4.1.2.1）、プロバイダの障害情報が手がかりです。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Check the provider\'s status page; retry later from a fresh authorization request (a code is single-use; a refresh token still valid may be retried).', ja: 'プロバイダの障害情報を確認し、時間をおいて新しい認可リクエストからやり直します（コードは一度きり。有効なリフレッシュ・トークンは再試行できます）。' } },
        { for: 'user', text: { en: 'Wait and try again later; the fault is not on your side.', ja: '時間をおいて再度お試しください。原因はあなたの側にはありません。' } },
      ],
    },
  },
  {
    id: 'missing-parameter',
    title: { en: 'A required parameter was not sent', ja: '必須パラメータが送られていない' },
    confirm: {
      en: 'Look at oauth_parameters_absent when the server sent it; otherwise check the Authorization header for oauth_consumer_key, oauth_signature_method, oauth_signature, oauth_timestamp, oauth_nonce, oauth_token, oauth_callback (request-token leg, RFC 5849 §2.1) and oauth_verifier (access-token leg).',
      ja: 'サーバが oauth_parameters_absent を返していればそれを見ます。なければ Authorization ヘッダに oauth_consumer_key、oauth_signature_method、oauth_signature、oauth_timestamp、oauth_nonce、oauth_token、oauth_callback（リクエスト・トークン取得時、RFC 5849 §2.1）、oauth_verifier（アクセス・トークン交換時）があるか確認します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Send every required protocol parameter; on the request-token leg always send oauth_callback (`oob` when there is none).', ja: '必須のプロトコル・パラメータをすべて送ります。リクエスト・トークン取得時は必ず oauth_callback を送ります（ない場合は `oob`）。' } },
    ],
    // RFC 6749 §4.1.1, §4.1.3, §4.4.2, §6: the parameters each request needs; §5.2 invalid_request.
    oauth2: {
      confirm: {
        en: 'Check the request for what RFC 6749 requires: grant_type on every token request; code, redirect_uri (when the authorization request had one) and the PKCE code_verifier on the code exchange (§4.1.3); refresh_token on a refresh (§6); response_type, client_id and the code_challenge on the authorization request (§4.1.1). error_description often names the one missing.',
        ja: 'RFC 6749 が求めるパラメータがあるか確認します。すべてのトークン要求に grant_type、コード交換には code、（認可リクエストで送った場合）redirect_uri、PKCE の code_verifier（§4.1.3）、リフレッシュには refresh_token（§6）、認可リクエストには response_type、client_id、code_challenge（§4.1.1）。error_description が欠けたものを名指しすることがよくあります。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Send every required parameter form-encoded in the body of the token request (application/x-www-form-urlencoded, RFC 6749 §4.1.3), not as JSON or in the query.', ja: '必須パラメータをすべて、トークン要求の本文にフォーム形式（application/x-www-form-urlencoded、RFC 6749 §4.1.3）で送ります。JSON やクエリではありません。' } },
      ],
    },
  },
  {
    id: 'wrong-version',
    title: { en: 'An oauth_version the server does not support', ja: 'サーバが対応しない oauth_version' },
    confirm: {
      en: 'Check oauth_version: it must be exactly `1.0` (also for 1.0a) or be left out; oauth_acceptable_versions says what the server takes.',
      ja: 'oauth_version を確認します。正確に `1.0`（1.0a でも同じ）にするか、省略します。oauth_acceptable_versions にサーバが受け付ける範囲が示されます。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Send oauth_version=1.0 or omit it (RFC 5849 §3.1).', ja: 'oauth_version=1.0 を送るか省略します（RFC 5849 §3.1）。' } },
    ],
  },
  {
    id: 'unexpected-parameter',
    title: { en: 'A parameter the server did not expect (or a duplicate)', ja: '想定外（または重複）のパラメータ' },
    confirm: {
      en: 'Look at oauth_parameters_rejected; otherwise look for a protocol parameter sent twice (header and body or query — Yahoo rejects duplicates), a misspelled oauth_ name, or a scope the app is not allowed (Hatena).',
      ja: 'oauth_parameters_rejected を見ます。なければ、プロトコル・パラメータの二重送信（ヘッダと本文やクエリ。Yahoo は重複を拒否）、oauth_ で始まる名前の綴り誤り、アプリに許可されていないスコープ（はてな）を探します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Send each protocol parameter once, in one place (the Authorization header), and only scopes the app has enabled.', ja: 'プロトコル・パラメータは一か所（Authorization ヘッダ）に一度だけ送り、スコープはアプリで有効なものだけにします。' } },
    ],
  },
  {
    id: 'invalid-parameter-value',
    title: { en: 'A parameter value in the wrong format', ja: 'パラメータ値の形式の誤り' },
    confirm: {
      en: 'Check the format of each protocol value: oauth_timestamp in whole seconds (not milliseconds), a nonce long enough (NetSuite: 6 characters), a token copied whole.',
      ja: '各プロトコル値の形式を確認します。oauth_timestamp はミリ秒ではなく秒の整数、nonce は十分な長さ（NetSuite は 6 文字以上）、トークンは欠けずにコピーされているか。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Generate values in the documented format (seconds, not milliseconds; random nonces of 16+ characters).', ja: '値を仕様どおりの形式で生成します（ミリ秒ではなく秒、16 文字以上のランダムな nonce）。' } },
    ],
  },
  {
    id: 'malformed-header',
    title: { en: 'The Authorization header is malformed', ja: 'Authorization ヘッダの書式誤り' },
    confirm: {
      en: 'Read the header the client sent: `OAuth ` then name="value" pairs separated by commas, each value percent-encoded and quoted (RFC 5849 §3.5.1); typos and missing quotes make the server see parameters as absent.',
      ja: '送ったヘッダを確認します。`OAuth ` の後に name="value" をカンマ区切りで並べ、値はパーセント・エンコードして引用符で囲みます（RFC 5849 §3.5.1）。綴り誤りや引用符の欠落があると、サーバはパラメータがないものとみなします。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Check the header with `oauth-doctor inspect`, or build it with a library instead of string concatenation.', ja: '`oauth-doctor inspect` でヘッダを確認するか、文字列連結ではなくライブラリで組み立てます。' } },
    ],
  },
  {
    id: 'browser-interference',
    title: { en: 'Something in the browser dropped the token', ja: 'ブラウザ側でトークンが失われた' },
    confirm: {
      en: 'Try the same link in a private window without extensions; browser extensions and cookie blocking have been reported to cause X\'s "no request token" page.',
      ja: '拡張機能のないプライベート・ウィンドウで同じリンクを試します。X の「リクエスト・トークンがありません」ページは、ブラウザ拡張やクッキーのブロックが原因になった例があります。',
    },
    fixes: [
      { for: 'user', text: { en: 'Turn off browser extensions (or use a private window), allow cookies for the provider, and start the login again.', ja: 'ブラウザ拡張を無効にする（またはプライベート・ウィンドウを使う）、プロバイダのクッキーを許可する、のうえでログインをやり直してください。' } },
    ],
    // Google disallowed_useragent (embedded web views), Entra AADSTS50058 (no session cookie), Okta login_required.
    oauth2: {
      confirm: {
        en: 'Try the authorization URL in a normal browser window without extensions: an embedded web view (Google disallowed_useragent, RFC 8252 §8.12), blocked third-party cookies (Entra AADSTS50058, Okta login_required with prompt=none) or an extension can lose the login session.',
        ja: '拡張機能のない通常のブラウザ・ウィンドウで認可 URL を試します。埋め込みウェブビュー（Google の disallowed_useragent、RFC 8252 §8.12）、サードパーティ・クッキーのブロック（Entra の AADSTS50058、prompt=none での Okta の login_required）、拡張機能がログイン・セッションを失わせることがあります。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Open the authorization URL in the system browser (RFC 8252 §6), never in an embedded web view; do not rely on prompt=none where third-party cookies are blocked.', ja: '認可 URL は埋め込みウェブビューではなくシステムのブラウザで開きます（RFC 8252 §6）。サードパーティ・クッキーがブロックされる環境では prompt=none に頼りません。' } },
        { for: 'user', text: { en: 'Turn off browser extensions (or use a private window), allow cookies for the provider, and start the login again.', ja: 'ブラウザ拡張を無効にする（またはプライベート・ウィンドウを使う）、プロバイダのクッキーを許可する、のうえでログインをやり直してください。' } },
      ],
    },
  },
  {
    id: 'session-handle-expired',
    title: { en: 'The session handle used to renew the token has expired', ja: 'トークン更新用のセッション・ハンドルの期限切れ' },
    confirm: {
      en: 'Yahoo sends permission_denied when a refresh at get_token uses an expired or invalid oauth_session_handle.',
      ja: 'Yahoo は、get_token での更新に期限切れまたは無効な oauth_session_handle を使うと permission_denied を返します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Discard the stored tokens and session handle and send the person through authorization again.', ja: '保存したトークンとセッション・ハンドルを破棄し、利用者にもう一度認可してもらいます。' } },
    ],
  },
  {
    id: 'wrong-realm',
    title: { en: 'The realm (account ID) is wrong', ja: 'realm（アカウント ID）の誤り' },
    confirm: {
      en: 'NetSuite expects realm = the account ID, for a sandbox `123456_SB1` (underscore, uppercase) even though the host is `123456-sb1…`; a lowercase `_sb1` gives INVALID_LOGIN. The Login Audit Trail shows the reason.',
      ja: 'NetSuite は realm にアカウント ID を求め、サンドボックスではホストが `123456-sb1…` でも `123456_SB1`（アンダースコア・大文字）です。小文字の `_sb1` は INVALID_LOGIN になります。理由はログイン監査証跡（Login Audit Trail）で確認できます。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Send realm="<ACCOUNT_ID>" exactly as NetSuite writes it (e.g. 123456_SB1).', ja: 'realm="<アカウントID>" を NetSuite の表記どおりに送ります（例: 123456_SB1）。' } },
    ],
  },
  {
    id: 'wrong-endpoint',
    title: { en: 'The wrong endpoint or HTTP method', ja: 'エンドポイントまたは HTTP メソッドの誤り' },
    confirm: {
      en: 'Compare the URL and method with the provider\'s documentation (Magento answers 405 method_not_allowed; the request-token and access-token legs are usually POST).',
      ja: 'URL とメソッドをプロバイダのドキュメントと比べます（Magento は 405 method_not_allowed を返します。リクエスト・トークンとアクセス・トークンの取得は通常 POST です）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Call the documented endpoint with the documented method, and sign that same method and URL.', ja: 'ドキュメントどおりのエンドポイントとメソッドで呼び、同じメソッドと URL で署名します。' } },
    ],
    // RFC 6749 §3.1 (authorization endpoint: GET), §3.2 (token endpoint: POST); RFC 8414 §2 names both.
    oauth2: {
      confirm: {
        en: 'Compare the URL and method with the server\'s metadata (RFC 8414 §2, /.well-known/openid-configuration): the token endpoint takes POST only (RFC 6749 §3.2), the authorization endpoint a GET in the browser (§3.1); a token request sent to the authorization endpoint or to an API path is refused.',
        ja: 'URL とメソッドをサーバのメタデータ（RFC 8414 §2、/.well-known/openid-configuration）と比べます。トークン・エンドポイントは POST のみ（RFC 6749 §3.2）、認可エンドポイントはブラウザでの GET（§3.1）です。トークン要求を認可エンドポイントや API のパスに送ると拒否されます。',
      },
      fixes: [
        { for: 'developer', text: { en: 'Take the endpoints from the metadata (oauth-doctor flow --issuer URL discovers them) and POST the token request form-encoded.', ja: 'エンドポイントはメタデータから取り（oauth-doctor flow --issuer URL が探します）、トークン要求はフォーム形式で POST します。' } },
      ],
    },
  },
  {
    id: 'oauth2-endpoint',
    title: { en: 'The endpoint expects OAuth 2.0, not an OAuth 1.0a signature', ja: 'エンドポイントが OAuth 1.0a の署名ではなく OAuth 2.0 を求めている' },
    confirm: {
      en: 'Look at the scheme of the WWW-Authenticate challenge: `Bearer` means OAuth 2.0 (RFC 6750 §3), `OAuth` means OAuth 1.0a (RFC 5849 §3.5.1). Then read the provider\'s documentation for this very endpoint: X API v2 endpoints name the authentication they accept (some need an OAuth 2.0 user-context token), and some providers have retired OAuth 1.0a altogether.',
      ja: 'WWW-Authenticate チャレンジのスキームを見ます。`Bearer` なら OAuth 2.0（RFC 6750 §3）、`OAuth` なら OAuth 1.0a（RFC 5849 §3.5.1）です。次に、このエンドポイントについてのプロバイダのドキュメントを確認します。X API v2 のエンドポイントは受け付ける認証方式を明記しており（OAuth 2.0 のユーザー・コンテキストのトークンが必要なものもあります）、OAuth 1.0a 自体を廃止したプロバイダもあります。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Call this endpoint with an OAuth 2.0 access token (`Authorization: Bearer <token>`) obtained through the provider\'s OAuth 2.0 flow (authorization code with PKCE for user context), or use an endpoint that still accepts OAuth 1.0a; signing the request differently will not help.', ja: 'このエンドポイントは、プロバイダの OAuth 2.0 フロー（ユーザー・コンテキストなら PKCE 付き認可コード）で得たアクセス・トークンを `Authorization: Bearer <トークン>` として送って呼ぶか、OAuth 1.0a をまだ受け付けるエンドポイントを使います。署名の仕方を変えても解決しません。' } },
      { for: 'developer', text: { en: 'If the provider retired OAuth 1.0a, migrate the integration: register OAuth 2.0 client credentials (client ID and secret, redirect URI) in the developer portal.', ja: 'プロバイダが OAuth 1.0a を廃止しているなら、連携を移行します。開発者ポータルで OAuth 2.0 のクライアント情報（クライアント ID とシークレット、リダイレクト URI）を登録します。' } },
    ],
  },
  {
    id: 'api-access-level',
    title: { en: 'The app\'s API access (Project, access level, usage cap) does not cover this call', ja: 'アプリの API アクセス（プロジェクト、アクセス・レベル、利用上限）がこの呼び出しに対応していない' },
    confirm: {
      en: 'In the provider\'s developer portal, check which Project the app belongs to, its access level or product tier, and its usage, against what the endpoint requires. X names what is missing in `reason` (client-not-enrolled) and `required_enrollment`, and a used-up cap in `period` and `scope`.',
      ja: 'プロバイダの開発者ポータルで、アプリが属するプロジェクト、アクセス・レベル（プラン）、使用量を、エンドポイントの要件と照らし合わせます。X は不足しているものを `reason`（client-not-enrolled）と `required_enrollment` で、使い切った上限を `period` と `scope` で示します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Attach the app to a Project (on X: not a Standalone App) whose access level includes the endpoint, or move to a tier that does, and keep using that same app\'s keys and tokens; signing differently will not help.', ja: 'アプリを、エンドポイントを含むアクセス・レベルのプロジェクトに属させる（X ではスタンドアロン・アプリではなく）か、対応するプランに移り、そのアプリのキーとトークンを使い続けます。署名の仕方を変えても解決しません。' } },
      { for: 'user', text: { en: 'This is not something you can fix; contact the application\'s support.', ja: '利用者側では解決できません。アプリのサポートに連絡してください。' } },
    ],
  },
  {
    id: 'read-only-app',
    title: { en: 'The app (or its token) is read-only and the call writes', ja: 'アプリ（またはそのトークン）が読み取り専用なのに書き込みをしている' },
    confirm: {
      en: 'Look at the app\'s permission in the provider\'s developer portal (X: "Read" vs "Read and write"; Tumblr, Plurk: read-only applications) and at the call: a POST, PUT or DELETE needs write access. A token keeps the permission it was issued with, so one issued before the change is still read-only.',
      ja: 'プロバイダの開発者ポータルでアプリの権限（X の「Read」と「Read and write」、Tumblr や Plurk の読み取り専用アプリ）を確認し、呼び出しと比べます。POST・PUT・DELETE には書き込み権限が必要です。トークンは発行時の権限のままなので、変更前に発行したトークンは読み取り専用のままです。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Give the app write permission in the developer portal, then get a new access token (have the person authorize again, or regenerate the owner\'s token): the old token stays read-only.', ja: '開発者ポータルでアプリに書き込み権限を与え、新しいアクセス・トークンを取得します（利用者に再認可してもらうか、所有者のトークンを再生成）。古いトークンは読み取り専用のままです。' } },
      { for: 'user', text: { en: 'Log in to the application again and approve it, so it gets the permission it now asks for.', ja: 'アプリにもう一度ログインして許可し直し、アプリが現在求める権限を与えてください。' } },
    ],
  },
  {
    id: 'wrong-method',
    title: { en: 'The wrong HTTP method for this endpoint', ja: 'このエンドポイントに対する HTTP メソッドの誤り' },
    confirm: {
      en: 'Compare the method with the provider\'s documentation; a 405 answer names the methods it allows in its Allow header (RFC 9110 §15.5.6). The request-token and access-token legs are usually POST (RFC 5849 §2.1 recommends it).',
      ja: 'メソッドをプロバイダのドキュメントと比べます。405 の応答は許可するメソッドを Allow ヘッダで示します（RFC 9110 §15.5.6）。リクエスト・トークンとアクセス・トークンの取得は通常 POST です（RFC 5849 §2.1 の推奨）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Send the method the endpoint documents (and sign that same method: it is the first part of the base string, RFC 5849 §3.4.1.2).', ja: 'エンドポイントが定めるメソッドで送り、同じメソッドで署名します（ベース文字列の先頭です。RFC 5849 §3.4.1.2）。' } },
    ],
  },
  {
    id: 'redirect-mismatch',
    title: { en: 'The redirect_uri does not match the one registered or used', ja: 'redirect_uri が登録済みまたは認可時のものと一致しない' },
    confirm: {
      en: 'Compare, character for character, the redirect_uri sent with the ones registered for the client (scheme, host, port, path, trailing slash) and, at the token endpoint, with the one sent to the authorization endpoint: RFC 6749 §4.1.3 requires them identical.',
      ja: '送った redirect_uri を、クライアントに登録したもの（スキーム、ホスト、ポート、パス、末尾のスラッシュ）と一文字ずつ比べます。トークン・エンドポイントでは認可エンドポイントに送ったものとも比べます。RFC 6749 §4.1.3 は同一であることを求めます。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Register the exact redirect URI the app uses (or send exactly a registered one), and send the same value to the authorization and token endpoints.', ja: 'アプリが使う redirect URI をそのまま登録する（または登録済みのものを正確に送る）うえで、認可エンドポイントとトークン・エンドポイントに同じ値を送ります。' } },
    ],
  },
  {
    id: 'pkce-verifier-mismatch',
    title: { en: 'The PKCE code_verifier does not match the code_challenge', ja: 'PKCE の code_verifier が code_challenge と一致しない' },
    confirm: {
      en: 'Check that the code_verifier sent to the token endpoint is the one whose challenge went to the authorization endpoint: BASE64URL(SHA256(verifier)) without padding for S256 (RFC 7636 §4.2, §4.6); a verifier regenerated between the two steps, lost with the session, or sent with a different code_challenge_method fails.',
      ja: 'トークン・エンドポイントに送った code_verifier が、認可エンドポイントに送った challenge の元のものか確認します。S256 では BASE64URL(SHA256(verifier)) でパディングなしです（RFC 7636 §4.2、§4.6）。二つの手順の間で verifier を作り直した、セッションとともに失った、code_challenge_method が違う、のいずれでも失敗します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Generate one code_verifier per authorization, keep it with the state until the token request, and send it unchanged; compute the S256 challenge as base64url without padding.', ja: 'code_verifier は認可ごとに一つ生成し、state とともにトークン要求まで保持して、そのまま送ります。S256 の challenge はパディングなしの base64url で計算します。' } },
    ],
  },
  {
    id: 'client-authentication',
    title: { en: 'The client did not authenticate (client ID, secret or method)', ja: 'クライアント認証の失敗（クライアント ID、シークレット、方式）' },
    confirm: {
      en: 'Check the client_id and client_secret against the app settings (an expired or rotated secret is common), and the method the server expects: HTTP Basic, in the body, or a signed client assertion (RFC 6749 §2.3.1; the server lists token_endpoint_auth_methods_supported in its metadata).',
      ja: 'client_id と client_secret をアプリ設定と照合し（期限切れや更新済みのシークレットがよくあります）、サーバが求める方式（HTTP Basic、本文、署名付きクライアント・アサーション）を確認します（RFC 6749 §2.3.1。サーバのメタデータの token_endpoint_auth_methods_supported に一覧があります）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Copy the client secret again (or create a new one if it expired), and send the credentials one way only, the way the server documents.', ja: 'クライアント・シークレットをコピーし直し（期限切れなら新しく作成）、認証情報はサーバの定める一つの方式だけで送ります。' } },
    ],
  },
  {
    id: 'consent-required',
    title: { en: 'Consent or a policy step is still required', ja: '同意またはポリシー上の手続きが必要' },
    confirm: {
      en: 'Read the description for consent, admin approval, MFA or a conditional-access policy (OpenID Connect Core §3.1.2.6 consent_required, interaction_required; Entra ID AADSTS65001, AADSTS50076): the request was fine, the person or an administrator has a step left.',
      ja: '説明に同意、管理者の承認、多要素認証、条件付きアクセスのポリシーが書かれていないか確認します（OpenID Connect Core §3.1.2.6 の consent_required、interaction_required、Entra ID の AADSTS65001、AADSTS50076）。リクエストは正しく、利用者か管理者に残りの手続きがあります。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Send the person through the interactive authorization (prompt=consent where needed), or have an administrator grant consent for the organisation.', ja: '利用者に対話的な認可を通ってもらう（必要なら prompt=consent）か、管理者に組織として同意してもらいます。' } },
      { for: 'user', text: { en: 'Sign in again and approve what is asked; if it says an administrator must approve, ask your administrator.', ja: 'もう一度サインインして求められた内容を許可してください。管理者の承認が必要と表示される場合は、管理者に依頼してください。' } },
    ],
  },
  {
    id: 'session-ended',
    title: { en: 'The person\'s session or sign-in ended', ja: '利用者のセッションまたはサインインが終了した' },
    confirm: {
      en: 'Look for a sign-out, a password change, a long inactivity (Entra ID AADSTS700082: refresh token expired due to inactivity) or a prompt=none request without a session (login_required, OpenID Connect Core §3.1.2.6).',
      ja: 'サインアウト、パスワード変更、長い無操作（Entra ID の AADSTS700082: 無操作によるリフレッシュ・トークンの期限切れ）、セッションのない prompt=none の要求（login_required、OpenID Connect Core §3.1.2.6）がないか確認します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Treat it as a signed-out person: drop the stored tokens and start an interactive sign-in.', ja: 'サインアウトした利用者として扱い、保存したトークンを破棄して対話的なサインインからやり直します。' } },
      { for: 'user', text: { en: 'Sign in to the application again.', ja: 'アプリにもう一度サインインしてください。' } },
    ],
  },
  {
    id: 'app-configuration',
    title: { en: 'The app is not set up for this at the provider', ja: 'プロバイダ側のアプリ設定がこの用途に対応していない' },
    confirm: {
      en: 'Check the app\'s registration in the provider\'s portal: that it exists in this tenant or environment, is enabled, and allows this grant type, response type, API or feature (RFC 6749 §5.2 unauthorized_client; Entra ID AADSTS700016 "not found in the directory").',
      ja: 'プロバイダのポータルでアプリの登録を確認します。このテナントや環境に存在するか、有効か、このグラント種別、レスポンス種別、API、機能を許可しているか（RFC 6749 §5.2 unauthorized_client、Entra ID の AADSTS700016「ディレクトリに見つからない」）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Fix the registration (the right tenant or environment, the grant type or feature enabled), or use the credentials of the app that is set up for it.', ja: '登録を直す（正しいテナントや環境、グラント種別や機能の有効化）か、その用途に設定されたアプリの認証情報を使います。' } },
    ],
  },
  {
    id: 'provider-specific',
    title: { en: 'A condition specific to this provider', ja: 'このプロバイダ固有の条件' },
    confirm: {
      en: 'Read the provider\'s own message and its documentation for this code; oauth-doctor has no record of what it means.',
      ja: 'プロバイダ自身のメッセージと、このコードについてのドキュメントを確認してください。oauth-doctor にはこのコードの意味の記録がありません。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Search the provider\'s documentation and forums for the exact code and message.', ja: 'コードとメッセージをそのまま使って、プロバイダのドキュメントやフォーラムを検索します。' } },
    ],
  },
  {
    id: 'refresh-family-revoked',
    title: { en: 'The refresh token family was revoked after a replay', ja: 'リフレッシュ・トークンの系列が再使用の検知で取り消された' },
    confirm: {
      en: 'Look for an older refresh token of the family presented again (two processes refreshing at once, a retry with the old token): with rotation and reuse detection the server then revokes the whole family, the newest token included (RFC 9700 §4.14.2).',
      ja: '同じ系列の古いリフレッシュ・トークンが再び提示されていないか確認します（二つのプロセスの同時更新、古いトークンでの再試行）。再使用を検知するサーバは系列全体を、最新のトークンも含めて取り消します（RFC 9700 §4.14.2）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Store each new refresh token at once and let one process refresh at a time; after a family is revoked, authorise again.', ja: '新しいリフレッシュ・トークンはすぐに保存し、更新は一度に一つのプロセスだけが行います。系列が取り消された後は再認可が必要です。' } },
    ],
  },
  {
    id: 'state-mismatch',
    title: { en: 'The state that came back is not the one sent', ja: '戻ってきた state が送ったものと違う' },
    confirm: {
      en: 'Compare the callback\'s state with the one sent: a callback of another attempt (a second tab, a reload), a lost session, or a forged callback (RFC 6749 §10.12).',
      ja: 'コールバックの state を送ったものと比べます。別の試行のコールバック（別タブ、再読み込み）、失われたセッション、偽造されたコールバックが考えられます（RFC 6749 §10.12）。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Keep state and the PKCE verifier per authorization request, refuse a callback whose state differs, and start afresh.', ja: 'state と PKCE の verifier は認可要求ごとに保持し、state の違うコールバックは拒否して、やり直します。' } },
    ],
  },
  {
    // RFC 6749 §4.4: a client-credentials token acts for the application alone, with no resource owner behind it; X's v1.1
    // "Application-only authentication is not allowed for this endpoint" / v2 "Authenticating with OAuth 2.0 Application-Only
    // is forbidden for this endpoint", Microsoft Graph's /me with an app-only token.
    id: 'app-only-token',
    title: { en: 'An app-only token was used where a user\'s authorisation is needed', ja: 'ユーザーの認可が必要な所でアプリ専用トークンが使われた' },
    confirm: {
      en: 'See how the token was obtained: a client-credentials grant or an app Bearer token (RFC 6749 §4.4) acts for the application alone, so an endpoint that reads or writes on a person\'s behalf (posting, /me, direct messages) refuses it whatever its scopes.',
      ja: 'トークンの取得方法を確認します。クライアント・クレデンシャル・グラントやアプリの Bearer トークン（RFC 6749 §4.4）はアプリ自身としてだけ動くため、利用者に代わって読み書きするエンドポイント（投稿、/me、ダイレクト・メッセージ）は、スコープに関係なくそれを拒否します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Get a user-context token for this call (the authorization code flow with PKCE, or OAuth 1.0a user tokens where the provider accepts them) and keep the app-only token for endpoints that allow it.', ja: 'この呼び出しにはユーザー・コンテキストのトークン（PKCE 付き認可コード・フロー、またはプロバイダが受け付けるなら OAuth 1.0a のユーザー・トークン）を取得し、アプリ専用トークンはそれを許すエンドポイントだけに使います。' } },
    ],
  },
  {
    // RFC 5849 §3.4.2: the HMAC key is encode(consumer_secret) & encode(token_secret), and at the access-token exchange the token
    // secret is the request token's (oauth_token_secret of the temporary credentials, §2.1). A signer that keeps only the consumer
    // secret passes the request-token leg (no token yet: `consumer_secret&`) and fails this one with signature_invalid.
    id: 'token-secret-missing',
    title: { en: 'The access-token request was signed without the request token\'s secret', ja: 'アクセス・トークン要求がリクエスト・トークンのシークレットなしで署名された' },
    confirm: {
      en: 'Look at the key the library signed the access-token exchange with: it must be encode(consumer_secret)&encode(request_token_secret), the oauth_token_secret that came back with the request token (RFC 5849 §3.4.2, §2.1). A key that ends in "&" with nothing after it is the consumer secret alone: the request-token leg worked with it, this leg cannot.',
      ja: 'アクセス・トークン交換に使った署名鍵を確認します。鍵は encode(consumer_secret)&encode(request_token_secret) で、後者はリクエスト・トークンと一緒に返った oauth_token_secret です（RFC 5849 §3.4.2、§2.1）。「&」で終わり後ろに何もない鍵はコンシューマ・シークレットだけです。リクエスト・トークンのレッグはそれで通りますが、このレッグは通りません。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Keep the oauth_token_secret from the request-token response (in the session, beside the oauth_token) and hand it to the signer for the access-token request: requests-oauthlib resource_owner_secret, node oauth getOAuthAccessToken(token, tokenSecret, verifier), ScribeJava getAccessToken(requestToken, verifier) with the OAuth1RequestToken it returned.', ja: 'リクエスト・トークン応答の oauth_token_secret を（セッションに oauth_token と並べて）保持し、アクセス・トークン要求の署名に渡します。requests-oauthlib なら resource_owner_secret、node の oauth なら getOAuthAccessToken(token, tokenSecret, verifier)、ScribeJava なら返された OAuth1RequestToken を getAccessToken(requestToken, verifier) に渡します。' } },
    ],
  },
  ...FLOW_CAUSES,
  ...JWT_CAUSES,
  ...AUTHORIZATION_REQUEST_CAUSES,
];

/** Every cause: these, then the provider rows' causes (causes-providers.ts) whose ids are not defined here. */
export const CAUSES: readonly CauseRecord[] = [...OWN, ...PROVIDER_CAUSES.filter((cause) => !OWN.some((own) => own.id === cause.id))];

// By id without parsing every row (the build indexes them: src/knowledge/lazy.ts).
const BY_ID = rowIndex(CAUSES, 'id');

export function causeRecord(id: CauseId): CauseRecord | undefined {
  return BY_ID(id);
}
