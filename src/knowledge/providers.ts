import { lazy } from './lazy.js';
import { oauth2Providers } from './providers-oauth2.js';
import { serverLogProviders } from './provider-codes/server-logs.js';
import { clientLibraryProviders } from './provider-codes/client-libraries.js';
import { realWorldProviders } from './providers-real-world.js';
import type { ProviderRecord } from './types.js';

/**
 * What is known about each provider's OAuth 1.0a service, from its own
 * developer documentation (a record's `source`); RFC 5849 §3.3 leaves the
 * timestamp window to the server, so each window is the provider's. Unknown stays undefined:
 * a guessed lifetime would rank causes on nothing.
 */
export const providers = lazy((): readonly ProviderRecord[] => [
  {
    id: 'x',
    name: 'X (Twitter)',
    hosts: ['api.x.com', 'api.twitter.com', 'x.com', 'twitter.com', '.x.com', '.twitter.com'],
    // Request-token lifetime is not documented (one 2009 report: about 15 minutes). Access tokens never expire [T7].
    accessTokenLifetimeSec: null,
    signatureMethods: ['HMAC-SHA1'],
    hostAliases: [['api.twitter.com', 'api.x.com']],
    notes: {
      en: 'X publishes no request-token lifetime and no timestamp window; access tokens do not expire but die when the person revokes the app or X suspends it.',
      ja: 'X はリクエスト・トークンの有効期間もタイムスタンプの許容幅も公開していません。アクセス・トークンは期限切れになりませんが、利用者がアプリの許可を取り消すか X がアプリを停止すると無効になります。',
    },
  },
  {
    id: 'flickr',
    name: 'Flickr',
    hosts: ['www.flickr.com', 'api.flickr.com', 'up.flickr.com', '.flickr.com'],
    signatureMethods: ['HMAC-SHA1'],
  },
  {
    id: 'smugmug',
    name: 'SmugMug',
    hosts: ['api.smugmug.com', '.smugmug.com'],
    requestTokenLifetimeSec: 300,
    accessTokenLifetimeSec: null,
    signatureMethods: ['HMAC-SHA1', 'PLAINTEXT'],
  },
  {
    id: 'yahoo',
    name: 'Yahoo',
    hosts: ['api.login.yahoo.com', 'yahooapis.com', '.yahooapis.com', '.yahoo.com'],
    timestampWindowSec: 600,
    signatureMethods: ['HMAC-SHA1', 'PLAINTEXT'],
    notes: {
      en: 'Yahoo access tokens are short-lived (an hour is typical) and are renewed at get_token with oauth_session_handle.',
      ja: 'Yahoo のアクセス・トークンは短命（1 時間が一般的）で、get_token に oauth_session_handle を送って更新します。',
    },
  },
  {
    // developer.mastercard.com, "Using OAuth 1.0a to Access Mastercard APIs": RSA-SHA256 and oauth_body_hash on every call.
    id: 'mastercard',
    name: 'Mastercard Developers',
    hosts: ['api.mastercard.com', 'sandbox.api.mastercard.com', '.api.mastercard.com'],
    signatureMethods: ['RSA-SHA256'],
    notes: {
      en: 'Mastercard APIs are one-legged: each call is signed with RSA-SHA256 by the consumer key and the private key from the developer portal, and carries oauth_body_hash (SHA-256 of the body; of the empty string on a GET).',
      ja: 'Mastercard の API は 1-legged です。各呼び出しはコンシューマー・キーと開発者ポータルの秘密鍵により RSA-SHA256 で署名され、oauth_body_hash（本文の SHA-256。GET では空文字列の SHA-256）を付けます。',
    },
  },
  {
    id: 'hatena',
    name: 'Hatena',
    hosts: ['www.hatena.com', 'www.hatena.ne.jp', '.hatena.com', '.hatena.ne.jp'],
    signatureMethods: ['HMAC-SHA1'],
  },
  {
    id: 'jira',
    name: 'Atlassian Jira / Confluence',
    hosts: ['.atlassian.net'],
    paths: ['/plugins/servlet/oauth/'],
    timestampWindowSec: 300,
    signatureMethods: ['RSA-SHA1'],
  },
  {
    id: 'netsuite',
    name: 'NetSuite (token-based authentication)',
    hosts: ['.netsuite.com'],
    timestampWindowSec: 300,
    signatureMethods: ['HMAC-SHA256'],
    notes: {
      en: 'NetSuite signs with HMAC-SHA256 (HMAC-SHA1 ended in 2023.1); realm is the account ID, for a sandbox `123456_SB1` (underscore, uppercase) although the host says `123456-sb1`.',
      ja: 'NetSuite は HMAC-SHA256 で署名します（HMAC-SHA1 は 2023.1 で終了）。realm はアカウント ID で、サンドボックスではホスト名が `123456-sb1` でも realm は `123456_SB1`（アンダースコア・大文字）です。',
    },
  },
  {
    id: 'magento',
    name: 'Magento',
    hosts: [],
    // Magento 2's REST paths too (/rest/V1/…, /rest/<store>/V1/…).
    paths: ['/oauth/initiate', '/oauth/token', '/admin/oauth_authorize', '/rest/V1/', '/rest/default/V1/', '/rest/all/V1/'],
    // Magento 1 and 2 up to 2.4.3; 2.4.4 and later accept HMAC-SHA256 only [magento/magento2#35510].
    signatureMethods: ['HMAC-SHA1', 'HMAC-SHA256', 'RSA-SHA1', 'PLAINTEXT'],
    signatureMethodsLatest: ['HMAC-SHA256'],
  },
  {
    id: 'mixi',
    name: 'mixi',
    // 2-legged only (mixi Apps RESTful API); endpoints vary, so it is named by --provider, not by host.
    hosts: [],
    signatureMethods: ['HMAC-SHA1'],
  },
  ...realWorldProviders(),
  ...oauth2Providers(),
  ...serverLogProviders(),
  ...clientLibraryProviders(),
]);

export function providerById(id: string | undefined): ProviderRecord | undefined {
  return id === undefined ? undefined : providers().find((p) => p.id === id);
}

function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('.') ? host.endsWith(pattern) || host === pattern.slice(1) : host === pattern;
}

/** The provider a URL (or a bare host name, or a realm such as `yahooapis.com`) belongs to. */
export function providerForUrl(urlOrHost: string | undefined): ProviderRecord | undefined {
  if (!urlOrHost) return undefined;
  let host = urlOrHost.toLowerCase();
  let path = '';
  try {
    const url = new URL(urlOrHost.includes('://') ? urlOrHost : `https://${urlOrHost}`);
    host = url.hostname.toLowerCase();
    path = url.pathname;
  } catch {
    return undefined;
  }
  return (
    providers().find((p) => p.hosts.some((pattern) => hostMatches(host, pattern))) ??
    providers().find((p) => p.paths?.some((fragment) => path.includes(fragment)))
  );
}
