import type { Lang } from '../../diagnose/lang.js';
import { fill } from '../../diagnose/text.js';
import type { Leg } from '../../diagnose/types.js';
import type { Text } from '../../knowledge/types.js';

/** The demo's own words; `{name}` placeholders are filled by say(). */
export const DEMO_TEXT = {
  heading: { en: 'the OAuth 1.0a flow and the failures everyone meets, each diagnosed', ja: 'OAuth 1.0a のフローと、誰もがつまずく失敗を一つずつ診断します' },
  headingOAuth2: { en: 'the OAuth 2.0 flow and the failures everyone meets, each diagnosed', ja: 'OAuth 2.0 のフローと、誰もがつまずく失敗を一つずつ診断します' },
  headingBoth: { en: 'OAuth 1.0a and OAuth 2.0: the flows and the failures everyone meets, each diagnosed', ja: 'OAuth 1.0a と OAuth 2.0: フローと、誰もがつまずく失敗を一つずつ診断します' },
  partOAuth1: { en: '▌ OAuth 1.0a', ja: '▌ OAuth 1.0a' },
  partOAuth2: { en: '▌ OAuth 2.0 / OpenID Connect', ja: '▌ OAuth 2.0 / OpenID Connect' },
  oauth2WholeFlow: { en: 'The whole code flow with PKCE', ja: 'PKCE 付き認可コード・フロー全体' },
  oauth2WholeFlowStory: {
    en: 'Discovery, authorization with PKCE (approved over http), the callback on 127.0.0.1, the code exchange, the ID token checked against the JWKS, userinfo, introspection, a refresh that rotates, revocation.',
    ja: 'ディスカバリー、PKCE 付きの認可（http で承認）、127.0.0.1 へのコールバック、コードの交換、JWKS による ID トークンの検証、userinfo、イントロスペクション、ローテーションするリフレッシュ、取り消し。',
  },
  oauth2ProviderLine: { en: 'provider {url} (oidc-provider) · client {id}', ja: 'プロバイダ {url}（oidc-provider）· クライアント {id}' },
  oauth2CallbackOk: { en: '✓ state matches · iss matches · code received', ja: '✓ state が一致 · iss が一致 · コードを受信' },
  oauth2Done: { en: 'tokens issued, used, refreshed and revoked ({steps} steps)', ja: 'トークンを発行・使用・リフレッシュ・取り消し（{steps} ステップ）' },
  notSent: { en: '(not sent again: the same callback, handled a second time)', ja: '（再送なし: 同じコールバックを二度目に処理）' },
  engineSaid: { en: 'the engine’s own reason: “{detail}” → {cause}', ja: 'エンジン自身の理由:「{detail}」→ {cause}' },
  isolation: {
    en: 'Every scenario runs against an embedded provider on 127.0.0.1; nothing leaves this machine.',
    ja: '各シナリオは 127.0.0.1 の組み込みプロバイダに対して実行します。このマシンの外には何も送りません。',
  },
  wholeFlow: { en: 'The whole flow', ja: 'フロー全体' },
  wholeFlowStory: {
    en: 'Request token, authorisation (approved over http), callback on 127.0.0.1, access token, a protected call.',
    ja: 'リクエスト・トークン、認可（http で承認）、127.0.0.1 へのコールバック、アクセス・トークン、保護されたリソースの呼び出し。',
  },
  providerLine: { en: 'provider {url} · consumer {key}', ja: 'プロバイダ {url} · コンシューマー {key}' },
  signedIn: { en: 'access granted: signed in as {who}', ja: 'アクセス許可: {who} としてサインイン' },
  tokenReceived: { en: 'access token received', ja: 'アクセス・トークンを受け取りました' },
  asExpected: { en: 'diagnosed as expected: {cause}', ja: '想定どおりに診断: {cause}' },
  notAsExpected: { en: 'not as expected: {why}', ja: '想定と異なる: {why}' },
  flowFailed: { en: 'the flow failed: {why}', ja: 'フローが失敗: {why}' },
  summary: { en: 'Summary', ja: 'まとめ' },
  flowWorked: { en: 'the whole flow worked', ja: 'フロー全体は成功' },
  flowBroke: { en: 'the whole flow FAILED', ja: 'フロー全体が失敗' },
  tally: { en: '{ok} of {all} failures diagnosed as expected', ja: '失敗 {all} 件中 {ok} 件を想定どおりに診断' },
  seconds: { en: '{s} s', ja: '{s} 秒' },
  next: {
    en: 'Try it on your provider: oauth-doctor flow --provider FILE|x|… ; explain a saved run: oauth-doctor explain --session FILE',
    ja: 'ご自分のプロバイダで: oauth-doctor flow --provider FILE|x|… ／ 保存した実行の説明: oauth-doctor explain --session FILE',
  },
  diagnosis: { en: 'Diagnosis', ja: '診断' },
  providerSaid: { en: 'the provider said', ja: 'プロバイダのメッセージ' },
  then: { en: 'then', ja: '次点' },
  fix: { en: 'fix', ja: '対処' },
  certain: { en: 'certain', ja: '確実' },
  likely: { en: 'likely', ja: '可能性大' },
  callbackOk: { en: '✓ oauth_token matches · oauth_verifier received', ja: '✓ oauth_token が一致 · oauth_verifier を受信' },
  toCallback: { en: '→ callback', ja: '→ コールバック' },
  firstVisit: { en: 'the first visit, in another tab', ja: '別タブでの最初の表示' },
} satisfies Record<string, Text>;

export const LEG_NAMES: Record<Leg, Text> = {
  request_token: { en: '① Request token', ja: '① リクエスト・トークン' },
  authorize: { en: '② User authorisation', ja: '② ユーザー認可' },
  callback: { en: '   Callback', ja: '   コールバック' },
  access_token: { en: '③ Access token', ja: '③ アクセス・トークン' },
  resource: { en: '④ Protected resource', ja: '④ 保護されたリソース' },
};

export function say(text: Text, lang: Lang, values?: Readonly<Record<string, string | number>>): string {
  return fill(text[lang], values);
}

