import type { CauseRecord } from './types.js';

/**
 * Causes the OAuth 2.0 provider rows (provider-codes/*.ts) point at. The
 * message classifier defines most of these ids too (knowledge/causes.ts):
 * where it does, its record stands and the one here is dropped, so the ids
 * stay one set. `user-credentials` is the provider rows' own.
 */
export const PROVIDER_CAUSES: readonly CauseRecord[] = [
  {
    id: 'redirect-mismatch',
    title: { en: 'The redirect URI is not the registered one', ja: 'リダイレクト URI が登録済みのものと違う' },
    confirm: {
      en: 'Compare the redirect_uri the request sent (in the authorize URL, and again at the token endpoint) character by character with the ones registered for the client: scheme, host, port, path and trailing slash must match exactly (RFC 6749 §3.1.2, §4.1.3).',
      ja: 'リクエストが送った redirect_uri（認可 URL と、トークン・エンドポイントでの再送）を、クライアントに登録されたものと一文字ずつ比べます。スキーム、ホスト、ポート、パス、末尾のスラッシュまで完全に一致する必要があります（RFC 6749 §3.1.2、§4.1.3）。',
    },
    fixes: [{ for: 'developer', text: { en: 'Register the exact redirect URI the app sends (or send the registered one), and send the same value to the token endpoint.', ja: 'アプリが送るリダイレクト URI をそのまま登録する（または登録済みのものを送る）こと、そしてトークン・エンドポイントにも同じ値を送ることです。' } }],
  },
  {
    id: 'pkce-verifier-mismatch',
    title: { en: 'The PKCE code_verifier does not match the code_challenge', ja: 'PKCE の code_verifier が code_challenge と一致しない' },
    confirm: {
      en: 'Check that the code_verifier sent to the token endpoint is the very one whose S256 hash went as code_challenge with this authorization request (RFC 7636 §4.6): a verifier regenerated on reload, kept in another session or tab, or hashed without base64url is the usual slip.',
      ja: 'トークン・エンドポイントに送った code_verifier が、この認可リクエストの code_challenge として S256 ハッシュを送ったものと同一か確認します（RFC 7636 §4.6）。再読み込みで作り直された、別のセッションやタブに保存された、base64url でなくハッシュされた verifier がよくある誤りです。',
    },
    fixes: [{ for: 'developer', text: { en: 'Keep the code_verifier with the state of the one authorization request it belongs to, and send that one; compute code_challenge as BASE64URL(SHA-256(verifier)) without padding.', ja: 'code_verifier は属する一つの認可リクエストの state と一緒に保存し、それを送ります。code_challenge はパディングなしの BASE64URL(SHA-256(verifier)) で計算します。' } }],
  },
  {
    id: 'client-authentication',
    title: { en: 'The client failed to authenticate (secret, assertion or method)', ja: 'クライアント認証の失敗（シークレット、アサーション、方式）' },
    confirm: {
      en: 'Check the client secret is the current value (not its ID, not an expired or regenerated one), that it is sent the way the client is registered (HTTP Basic or in the body, RFC 6749 §2.3.1), and for a signed assertion that its key, iss, sub and aud are right.',
      ja: 'クライアント・シークレットが現在の値か（ID ではない、期限切れや再生成前のものではない）、登録どおりの方式で送っているか（HTTP Basic または本文、RFC 6749 §2.3.1）、署名付きアサーションなら鍵、iss、sub、aud が正しいかを確認します。',
    },
    fixes: [{ for: 'developer', text: { en: 'Create a new client secret (or key), put its value in the configuration, and send it with the authentication method the client is registered for.', ja: '新しいクライアント・シークレット（または鍵）を作り、その値を設定に入れ、クライアントに登録された認証方式で送ります。' } }],
  },
  {
    id: 'consent-required',
    title: { en: 'Consent, an administrator\'s approval or a sign-in policy is required', ja: '同意、管理者の承認、またはサインイン・ポリシーの条件が必要' },
    confirm: {
      en: 'See whether the person (or an administrator) has consented to the scopes asked for, and whether a policy (MFA, Conditional Access, assignment to the app, an organisation\'s app controls) blocks a non-interactive request.',
      ja: '要求したスコープに利用者（または管理者）が同意しているか、ポリシー（多要素認証、条件付きアクセス、アプリへの割り当て、組織のアプリ制御）が非対話の要求を止めていないかを確認します。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Send the person through an interactive authorization (prompt=consent where supported), or ask an administrator to grant consent or assign the person to the app.', ja: '利用者に対話的な認可を通ってもらう（対応していれば prompt=consent）か、管理者に同意の付与やアプリへの割り当てを依頼します。' } },
      { for: 'user', text: { en: 'Sign in again in the browser and complete any extra step (consent, a second factor); if your organisation blocks the app, ask its administrator.', ja: 'ブラウザでもう一度サインインし、追加の手順（同意、二段階認証）を完了してください。組織がアプリをブロックしている場合は管理者に依頼してください。' } },
    ],
  },
  {
    id: 'session-ended',
    title: { en: 'The sign-in session ended', ja: 'サインイン・セッションが終了した' },
    confirm: {
      en: 'Check whether the person logged out, the provider\'s session idle or maximum time passed, a password changed, or the browser holds no session cookie (a silent request with prompt=none, third-party cookies blocked).',
      ja: '利用者がログアウトした、プロバイダのセッションのアイドル・最大時間を過ぎた、パスワードが変わった、ブラウザにセッション Cookie がない（prompt=none のサイレント要求、サードパーティ Cookie のブロック）かを確認します。',
    },
    fixes: [{ for: 'developer', text: { en: 'Fall back to an interactive sign-in when the silent one or the refresh fails, instead of retrying it.', ja: 'サイレント・サインインやリフレッシュが失敗したら、再試行せずに対話的なサインインに切り替えます。' } }],
  },
  {
    id: 'app-configuration',
    title: { en: 'The app registration does not allow this request', ja: 'アプリ登録の設定がこのリクエストを許していない' },
    confirm: {
      en: 'Open the app\'s registration at the provider and compare it with the request: the tenant or audience, supported account types, enabled grant types and response types, platform type of the redirect URI, the APIs and permissions listed.',
      ja: 'プロバイダのアプリ登録を開き、リクエストと比べます。テナントや audience、サポートするアカウントの種類、有効なグラント種別とレスポンス種別、リダイレクト URI のプラットフォーム種別、一覧された API と権限です。',
    },
    fixes: [{ for: 'developer', text: { en: 'Change the registration to allow what the request does (or change the request to what the registration allows), then try again.', ja: 'リクエストの内容を許すよう登録を変える（または登録が許す内容にリクエストを合わせる）と、もう一度試します。' } }],
  },
  {
    id: 'user-credentials',
    title: { en: 'The person\'s account or password was refused', ja: '利用者のアカウントまたはパスワードが拒否された' },
    confirm: {
      en: 'Check the username and password (with any security token the provider appends), and whether the account is locked, disabled, unconfirmed, expired or in another directory; a password grant cannot pass MFA or a federated login at all.',
      ja: 'ユーザー名とパスワード（プロバイダが付加を求めるセキュリティ・トークンを含む）を確認し、アカウントがロック、無効化、未確認、期限切れ、または別のディレクトリにないかを確かめます。パスワード・グラントは多要素認証やフェデレーション・ログインをそもそも通れません。',
    },
    fixes: [
      { for: 'user', text: { en: 'Sign in to the provider\'s own site to see what it asks of the account (a new password, a confirmation, an unlock).', ja: 'プロバイダ自身のサイトにサインインして、アカウントに何が求められているか（新しいパスワード、確認、ロック解除）を確かめてください。' } },
      { for: 'developer', text: { en: 'Prefer the authorization code flow over the password grant, so the provider can ask for what the account needs.', ja: 'パスワード・グラントではなく認可コード・フローを使い、アカウントに必要な手順をプロバイダが求められるようにします。' } },
    ],
  },
];
