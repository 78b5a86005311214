import type { Lang } from '../../diagnose/lang.js';
import { fill } from '../../diagnose/text.js';
import type { Leg } from '../../diagnose/types.js';
import type { Text } from '../../knowledge/types.js';

/** The demo's own words; `{name}` placeholders are filled by say(). */
export const DEMO_TEXT = {
  heading: { en: 'the OAuth 1.0a flow and the failures everyone meets, each diagnosed', ja: 'OAuth 1.0a のフローと、誰もがつまずく失敗を一つずつ診断します' },
  isolation: {
    en: 'Each scenario runs against a fresh embedded provider on 127.0.0.1; nothing leaves this machine.',
    ja: '各シナリオは 127.0.0.1 で新しく起動した組み込みプロバイダに対して実行します。このマシンの外には何も送りません。',
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

