import type { LibraryWrapperRecord, ProviderCodeRecord, ProviderRecord } from '../types.js';
import { oauth2Row, type OAuth2RowSpec } from './oauth2-row.js';

/**
 * OAuth client libraries' own exceptions that wrap the provider's answer (issue 12): passport's InternalOAuthError,
 * ScribeJava's "Response body is incorrect" OAuthException. The library's words say which step failed, never why: why is
 * in the provider's answer the wrapper quotes (`(status: 401 data: oauth_problem=…)`, `from this: '…'`), which is read
 * first (read/library-wrapper.ts). These rows are the reading when the paste holds nothing of the provider's own.
 */
const PASSPORT_OAUTH1 = 'https://github.com/jaredhanson/passport-oauth1/blob/master/lib/strategy.js (_createOAuthError, InternalOAuthError.toString: "(status: N data: …)")';
const PASSPORT_OAUTH2 = 'https://github.com/jaredhanson/passport-oauth2/blob/master/lib/strategy.js (_createOAuthError, "Failed to obtain access token", "Failed to fetch user profile")';
const SCRIBEJAVA = 'https://github.com/scribejava/scribejava/blob/master/scribejava-core/src/main/java/com/github/scribejava/core/extractors/AbstractOAuth1TokenExtractor.java and OAuth2AccessTokenExtractor.java ("Response body is incorrect. Can\'t extract … from this: \'…\'")';

export function clientLibraryProviders(): readonly ProviderRecord[] {
  return [
    { id: 'passport', name: 'Passport (passport-oauth1, passport-oauth2)', hosts: [], source: PASSPORT_OAUTH2 },
    { id: 'scribejava', name: 'ScribeJava', hosts: [], source: SCRIBEJAVA },
  ];
}

/**
 * The wrappers, as data: the library's own words (blanked before the readers read the rest: they are not the provider's),
 * where the provider's answer stands after them, and the row their message stands for. Tried in order; all that match
 * are blanked, the first with a code gives the reading.
 */
export function libraryWrappers(): readonly LibraryWrapperRecord[] {
  return [
    // passport-oauth1 (also passport-oauth's older strategies/oauth.js, and misspelt "failed to obtained" in some forks).
    { id: 'passport-request-token', library: 'passport', words: /\bfailed to obtain(?:ed)? (?:the )?request token\b/i, body: 'data', code: 'passport:request-token-failed', source: PASSPORT_OAUTH1 },
    { id: 'passport-access-token', library: 'passport', words: /\bfailed to obtain(?:ed)? (?:the )?access token\b/i, body: 'data', code: 'passport:access-token-failed', source: PASSPORT_OAUTH2 },
    { id: 'passport-profile', library: 'passport', words: /\bfailed to fetch user profile\b/i, body: 'data', code: 'passport:profile-failed', source: PASSPORT_OAUTH2 },
    // The class name alone: its message is one of the above, or the library's own text.
    { id: 'passport-class', library: 'passport', words: /\bInternalOAuthError\b/, body: 'data', source: PASSPORT_OAUTH2 },
    // ScribeJava 1.x to 8.x: OAuth 1.0a "token and secret", OAuth 2.0 (and 1.x OAuth 1.0a) "a token", or the regex it looked for.
    { id: 'scribejava-response', library: 'scribejava', words: /\bResponse body is incorrect\. Can't extract (?:token and secret|a token|an? '[^'\n]{0,200}'|[\w ]{1,40}) from this:?/, body: 'quoted', code: 'scribejava:response-unreadable', source: SCRIBEJAVA },
  ];
}

const ROWS: Readonly<Record<string, { readonly source: string; readonly rows: readonly OAuth2RowSpec[] }>> = {
  passport: {
    source: PASSPORT_OAUTH1,
    rows: [
      {
        code: 'request-token-failed',
        message: 'InternalOAuthError: Failed to obtain request token',
        title: ['Passport: the request-token call failed', 'Passport: リクエスト・トークンの取得に失敗'],
        meaning: [
          'passport-oauth1 could not get a request token (RFC 5849 §2.1), and the paste holds none of the provider\'s answer. Most often the provider refused the call: the consumer key or secret is wrong, the callback URL is not the one registered for the app (X/Twitter: "Callback URL not approved"), or the signature was computed differently. Log err.oauthError (its statusCode and data): the provider\'s own words say which.',
          'passport-oauth1 がリクエスト・トークン（RFC 5849 §2.1）を取得できませんでした。貼り付けにプロバイダの応答はありません。多くはプロバイダの拒否です。コンシューマ・キーやシークレットの誤り、アプリに登録したものと違うコールバック URL（X/Twitter の「Callback URL not approved」）、または異なる署名の計算です。err.oauthError（statusCode と data）を記録すると、プロバイダ自身の言葉でどれかがわかります。',
        ],
        causes: ['wrong-secret', 'callback-not-approved!', 'signature-base-mismatch'],
        legs: ['request_token'],
      },
      {
        code: 'access-token-failed',
        message: 'InternalOAuthError: Failed to obtain access token',
        title: ['Passport: the token exchange failed', 'Passport: アクセス・トークンの取得に失敗'],
        meaning: [
          'passport could not exchange the grant for an access token (passport-oauth2: the code at the token endpoint, RFC 6749 §4.1.3; passport-oauth1: the request token and verifier, RFC 5849 §2.3), and the paste holds none of the provider\'s answer. Usually the client\'s id or secret, a redirect_uri different from the authorization request\'s, or a code already used; sometimes the call never reached the provider (TLS, proxy, DNS). Log err.oauthError: its data is the provider\'s answer.',
          'passport がグラントをアクセス・トークンに交換できませんでした（passport-oauth2 はトークン・エンドポイントでのコード、RFC 6749 §4.1.3。passport-oauth1 はリクエスト・トークンと verifier、RFC 5849 §2.3）。貼り付けにプロバイダの応答はありません。多くはクライアントの ID やシークレット、認可リクエストと違う redirect_uri、使用済みのコードです。呼び出しがプロバイダに届いていないこともあります（TLS、プロキシ、DNS）。err.oauthError を記録すると、その data がプロバイダの応答です。',
        ],
        causes: ['client-authentication', 'redirect-mismatch!', 'reuse'],
        legs: ['access_token'],
      },
      {
        code: 'profile-failed',
        message: 'InternalOAuthError: Failed to fetch user profile',
        title: ['Passport: the profile call failed', 'Passport: プロフィールの取得に失敗'],
        meaning: [
          'The access token was obtained, but the provider\'s user-profile API refused it or answered in a shape the strategy does not read: a scope not granted, the app not allowed that API, or a profile URL of another version of the provider\'s API. Log err.oauthError: its data is the provider\'s answer.',
          'アクセス・トークンは取得できましたが、プロバイダのプロフィール API が拒否したか、ストラテジの読めない形で応答しました。付与されていないスコープ、その API を許されていないアプリ、または別の版の API のプロフィール URL です。err.oauthError を記録すると、その data がプロバイダの応答です。',
        ],
        causes: ['insufficient-scope', 'app-configuration!'],
        legs: ['resource'],
      },
    ],
  },
  scribejava: {
    source: SCRIBEJAVA,
    rows: [
      {
        code: 'response-unreadable',
        message: 'OAuthException: Response body is incorrect. Can\'t extract token and secret from this: \'…\'',
        title: ['ScribeJava: the token answer held no token', 'ScribeJava: トークン応答にトークンがない'],
        meaning: [
          'ScribeJava could not find a token in the provider\'s answer; the text it quotes after "from this:" is that answer. Here it says nothing oauth-doctor recognises: the endpoint is not the token endpoint (an HTML page, a redirect), the provider answered in a shape the extractor does not read, or the request was refused without a reason. Paste the quoted answer alone to explain it.',
          'ScribeJava がプロバイダの応答にトークンを見つけられませんでした。「from this:」の後に引用された文がその応答です。ここには oauth-doctor の認識できるものがありません。エンドポイントがトークン・エンドポイントでない（HTML、リダイレクト）、抽出器の読めない形の応答、または理由なしの拒否です。引用された応答だけを貼り付けて説明させてください。',
        ],
        causes: ['wrong-endpoint', 'wrong-secret!', 'signature-base-mismatch'],
        legs: ['request_token', 'access_token'],
      },
    ],
  },
};

export function clientLibraryProviderCodes(): readonly ProviderCodeRecord[] {
  return Object.entries(ROWS).flatMap(([provider, { source, rows }]) => rows.map((spec) => oauth2Row(provider, source, spec, 'envelope')));
}
