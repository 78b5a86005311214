import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { escapeHtml } from '../../src/html/escape.js';
import { preferredLang } from '../../src/provider/pages/html.js';
import { call, parseChallenge, requestToken } from './helpers.js';

const APP = { key: 'app', secret: 'app-secret' };
const X_INVALID_EN = 'The request token for this page is invalid. It may have already been used, or expired because it is too old.';
const X_INVALID_JA = 'このページのリクエスト・トークンが無効です。使用済み、または期限切れの可能性があります。';
const X_MISSING_EN = 'There is no request token for this page.';
const X_MISSING_JA = 'このページに対するリクエスト・トークンがありません';

describe('X authorise pages (reference sheet §3), chosen by Accept-Language', () => {
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider({ dialect: 'x', consumers: [APP], authorizeMarksTokenUsed: true });
  });
  afterAll(() => provider.close());

  const page = async (query: string, lang?: string) => {
    const response = await fetch(`${provider.endpoints.authorize}${query}`, { headers: lang ? { 'accept-language': lang } : {} });
    return { status: response.status, html: await response.text(), type: response.headers.get('content-type') };
  };

  it('an unknown token: "Whoa there!" in English by default', async () => {
    const { status, html, type } = await page('?oauth_token=never-issued');
    expect(status).toBe(403);
    expect(type).toMatch(/^text\/html/);
    expect(html).toContain('<h1>Whoa there!</h1>');
    expect(html).toContain(X_INVALID_EN);
    expect(html).toContain('Please go back to the site or application that sent you here and try again; it was probably just a mistake.');
  });

  it('an unknown token in Japanese for Accept-Language: ja', async () => {
    const { html } = await page('?oauth_token=never-issued', 'ja-JP,ja;q=0.9,en;q=0.8');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('エラーが発生しました');
    expect(html).toContain(X_INVALID_JA);
    expect(html).toContain('送信したサイトまたはアプリケーションに戻って再度お試しください。何らかの手違いがあったかもしれません。');
  });

  it('English wins when weighted higher than Japanese', async () => {
    expect((await page('?oauth_token=never-issued', 'ja;q=0.3, en-GB')).html).toContain(X_INVALID_EN);
  });

  it('no oauth_token at all: the "no request token" page, EN and JA', async () => {
    const en = await page('');
    expect(en.status).toBe(400);
    expect(en.html).toContain(X_MISSING_EN);
    expect((await page('', 'ja')).html).toContain(X_MISSING_JA);
  });

  it('authorizeMarksTokenUsed: the second visit to the page says the token is invalid, as on X', async () => {
    const temporary = await requestToken(provider, APP, 'oob');
    const first = await page(`?oauth_token=${temporary.token}`);
    expect(first.status).toBe(200);
    expect(first.html).toContain('Authorise app');
    const second = await page(`?oauth_token=${temporary.token}`, 'ja');
    expect(second.html).toContain(X_INVALID_JA);
  });

  it('a used token, after the exchange, gets the invalid page', async () => {
    const temporary = await requestToken(provider, APP, 'oob');
    const pin = /id="oauth_verifier">(\d+)</.exec((await page(`?oauth_token=${temporary.token}&action=approve`)).html)?.[1] ?? '';
    expect((await call(provider, { path: '/oauth/access_token', client: APP, token: temporary, verifier: pin })).status).toBe(200);
    expect((await page(`?oauth_token=${temporary.token}`)).html).toContain(X_INVALID_EN);
  });

  it('nothing from the request is reflected into X pages', async () => {
    const { html } = await page('?oauth_token=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('alert(1)');
  });

  it('a denial goes to the callback as denied=TOKEN', async () => {
    const temporary = await requestToken(provider, APP, 'http://127.0.0.1:9/cb');
    const response = await fetch(`${provider.endpoints.authorize}?oauth_token=${temporary.token}&action=deny`, { redirect: 'manual' });
    expect(new URL(response.headers.get('location') ?? '').searchParams.get('denied')).toBe(temporary.token);
  });
});

describe('callbacks the consumer may not use', () => {
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider({
      dialect: 'x',
      consumers: [
        { key: 'web', secret: 'web-secret', callbacks: ['https://app.example/callback'] },
        { key: 'desktop', secret: 'desktop-secret', oobOnly: true },
      ],
    });
  });
  afterAll(() => provider.close());

  it('a callback outside the approved list: X code 415, 403', async () => {
    const answer = await call(provider, { path: '/oauth/request_token', client: { key: 'web', secret: 'web-secret' }, callback: 'https://evil.example/callback' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({ errors: [{ code: 415, message: expect.stringContaining('Callback URL not approved') as unknown }] });
    const approved = await call(provider, { path: '/oauth/request_token', client: { key: 'web', secret: 'web-secret' }, callback: 'https://app.example/callback?x=1' });
    expect(approved.status).toBe(200);
  });

  it("a desktop app with a callback URL: X code 417 \"…only support the oauth_callback value 'oob'\"", async () => {
    const answer = await call(provider, { path: '/oauth/request_token', client: { key: 'desktop', secret: 'desktop-secret' }, callback: 'http://127.0.0.1:9/cb' });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ errors: [{ code: 417, message: "Desktop applications only support the oauth_callback value 'oob'" }] });
    expect((await call(provider, { path: '/oauth/request_token', client: { key: 'desktop', secret: 'desktop-secret' }, callback: 'oob' })).status).toBe(200);
  });

  it('in the problem-reporting dialect the same is parameter_rejected naming oauth_callback', async () => {
    provider.update({ dialect: 'problem-reporting' });
    try {
      const answer = await call(provider, { path: '/oauth/request_token', client: { key: 'web', secret: 'web-secret' }, callback: 'https://evil.example/' });
      expect(answer.form.get('oauth_problem')).toBe('parameter_rejected');
      expect(answer.form.get('oauth_parameters_rejected')).toBe('oauth_callback=https%3A%2F%2Fevil.example%2F');
      const relative = await call(provider, { path: '/oauth/request_token', client: { key: 'web', secret: 'web-secret' }, callback: '/relative' });
      expect(relative.form.get('oauth_problem')).toBe('parameter_rejected');
    } finally {
      provider.update({ dialect: 'x' });
    }
  });
});

describe('pages for a person: escaping and outage', () => {
  let provider: RunningProvider;
  const hostile = { key: '<img src=x onerror=alert(1)>"', secret: 's3cret-value' };
  beforeAll(async () => {
    provider = await startProvider({ consumers: [hostile] });
  });
  afterAll(() => provider.close());

  it('escapes the consumer key on the approval page', async () => {
    const temporary = await requestToken(provider, hostile, 'oob');
    const html = await (await fetch(`${provider.endpoints.authorize}?oauth_token=${temporary.token}`)).text();
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src&#61;x onerror&#61;alert(1)&#62;&#34;');
  });

  it('escapeHtml leaves no markup-significant character', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`=</a>`)).not.toMatch(/[<>"'`=]|&(?!#\d+;)/);
  });

  it('preferredLang reads q-values and falls back to English', () => {
    expect(preferredLang(undefined)).toBe('en');
    expect(preferredLang('fr, de')).toBe('en');
    expect(preferredLang('fr, ja;q=0.5')).toBe('ja');
    expect(preferredLang('ja;q=0, en;q=0.1')).toBe('en');
  });

  it('outage mode answers 503 with an HTML page and Retry-After; admin keeps working; then recovers', async () => {
    provider.update({ outage: { status: 503, retryAfterSec: 120 } });
    try {
      const down = await call(provider, { path: '/oauth/request_token', client: hostile, callback: 'oob' });
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toMatch(/^text\/html/);
      expect(down.headers.get('retry-after')).toBe('120');
      expect(down.body).toContain('Service Unavailable');
      expect((await fetch(`${provider.url}/admin/state`)).status).toBe(200);
      provider.update({ outage: { status: 500 } });
      expect((await fetch(provider.endpoints.authorize)).status).toBe(500);
    } finally {
      provider.update({ outage: undefined });
    }
    expect((await call(provider, { path: '/oauth/request_token', client: hostile, callback: 'oob' })).status).toBe(200);
  });

  it('a problem-reporting authorise error is a page for the person with the problem in WWW-Authenticate', async () => {
    const response = await fetch(`${provider.endpoints.authorize}?oauth_token=%3Cb%3Enope`);
    expect(response.status).toBe(401);
    expect(parseChallenge(response.headers.get('www-authenticate')).get('oauth_problem')).toBe('token_rejected');
    const html = await response.text();
    expect(html).toContain('oauth_problem=token_rejected');
    expect(html).not.toContain('<b>');
  });
});
