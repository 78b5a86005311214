import type { CauseRecord, ProblemRecord } from './types.js';

/**
 * Situations the flow recognises itself, when the provider's answer holds no
 * problem of its own (issue 15 item 6, flow's part). They are named by what
 * happened, never by quoting oauth-doctor's own sentence as the provider's.
 */
export const FLOW_PROBLEMS: readonly ProblemRecord[] = [
  {
    code: 'flow:approval-page',
    title: { en: 'The authorise page waits for a person', ja: '認可ページが利用者の操作を待っている' },
    meaning: {
      en: 'With --authorize http oauth-doctor fetched the authorise page and followed its redirects, but the page neither redirected to the callback (the redirect URI) nor showed a PIN: it is an approval page, with a login or an "Allow" button for a person (RFC 5849 §2.2, RFC 6749 §4.1.1). Only providers that approve without a person (test servers, serve --auto-approve) complete over http.',
      ja: '--authorize http で認可ページを取得しリダイレクトをたどりましたが、コールバック（リダイレクト URI）へのリダイレクトも PIN の表示もありませんでした。ログインや「許可」ボタンのある、利用者向けの承認ページです（RFC 5849 §2.2、RFC 6749 §4.1.1）。http だけで完了するのは、利用者なしで承認するプロバイダ（テスト用サーバ、serve --auto-approve）に限られます。',
    },
    legs: ['authorize'],
    party: 'client',
    causes: [{ id: 'approval-needs-person', prior: 'likely' }],
    fixes: [],
  },
  {
    code: 'flow:state-mismatch',
    title: { en: 'The callback\'s state is not the one sent', ja: 'コールバックの state が送ったものと違う' },
    meaning: {
      en: 'The OAuth 2.0 callback came back with another state than the one sent, or none: its code must not be exchanged (RFC 6749 §10.12).',
      ja: 'OAuth 2.0 のコールバックが送ったものと違う state で、または state なしで戻りました。そのコードは交換してはいけません（RFC 6749 §10.12）。',
    },
    legs: ['callback'],
    party: 'client',
    causes: [{ id: 'state-mismatch', prior: 'likely' }, { id: 'browser-interference', prior: 'possible' }],
    fixes: [],
  },
  {
    code: 'flow:iss-mismatch',
    title: { en: 'The callback\'s iss is not the issuer', ja: 'コールバックの iss が発行者と違う' },
    meaning: {
      en: 'The OAuth 2.0 callback named another issuer than the one discovered, or none though the server says it sends one: the answer may come from another authorization server (a mix-up attack), and its code must not be exchanged (RFC 9207 §2.4).',
      ja: 'OAuth 2.0 のコールバックが、ディスカバリで得た発行者と違う iss を返したか、送ると宣言しているのに iss がありませんでした。別の認可サーバからの応答（mix-up 攻撃）かもしれず、そのコードは交換してはいけません（RFC 9207 §2.4）。',
    },
    legs: ['callback'],
    party: 'client',
    causes: [{ id: 'host-mismatch', prior: 'likely' }, { id: 'app-configuration', prior: 'possible' }],
    fixes: [],
  },
];

export const FLOW_CAUSES: readonly CauseRecord[] = [
  {
    id: 'approval-needs-person',
    title: { en: 'Authorisation needs a person at a browser', ja: '認可にはブラウザの前の利用者が必要' },
    confirm: {
      en: 'Open the authorise URL in a browser: if it shows a login or an approval button, a person must use it.',
      ja: '認可 URL をブラウザで開き、ログインや承認ボタンが表示されるなら、利用者の操作が必要です。',
    },
    fixes: [
      { for: 'developer', text: { en: 'Use --authorize browser (a person approves and the callback comes back to oauth-doctor) or --authorize print (open the URL yourself); with oauth-doctor serve, start it with --auto-approve for runs without a person.', ja: '--authorize browser（利用者が承認し、コールバックが oauth-doctor に戻る）か --authorize print（URL を自分で開く）を使います。oauth-doctor serve なら、利用者なしで実行するときは --auto-approve を付けて起動します。' } },
    ],
  },
];
