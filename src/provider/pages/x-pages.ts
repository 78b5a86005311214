import type { Lang } from '../../diagnose/lang.js';
import { htmlPage } from './html.js';

/**
 * X's own authorise-page errors, word for word as users reported them
 * (reference sheet §3; the Japanese "invalid" text as shown in June 2024).
 * Nothing from the request is reflected into these pages.
 */
const X_PAGES = {
  invalid: {
    en: { title: 'Whoa there!', lines: ['The request token for this page is invalid. It may have already been used, or expired because it is too old.', 'Please go back to the site or application that sent you here and try again; it was probably just a mistake.'], link: 'Go to Twitter.' },
    ja: { title: 'エラーが発生しました', lines: ['このページのリクエスト・トークンが無効です。使用済み、または期限切れの可能性があります。', '送信したサイトまたはアプリケーションに戻って再度お試しください。何らかの手違いがあったかもしれません。'], link: 'Twitterへ.' },
  },
  missing: {
    en: { title: 'Whoa there!', lines: ["There is no request token for this page. That's the special key we need from applications asking to use your Twitter account.", 'Please go back to the site or application that sent you here and try again; it was probably just a mistake.'], link: 'Go to Twitter.' },
    ja: { title: 'エラーが発生しました', lines: ['このページに対するリクエスト・トークンがありません。', '送信したサイトまたはアプリケーションに戻って再度お試しください。何らかの手違いがあったかもしれません。'], link: 'Twitterへ.' },
  },
} as const;

export type XPageKind = keyof typeof X_PAGES;

export function xErrorPage(kind: XPageKind, lang: Lang): string {
  const page = X_PAGES[kind][lang];
  const body = `<div id="bd"><h1>${page.title}</h1>\n${page.lines.map((l) => `<p>${l}</p>`).join('\n')}\n<p><a href="/">${page.link}</a></p></div>`;
  return htmlPage(page.title, body, lang);
}
