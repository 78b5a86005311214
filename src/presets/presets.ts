import type { ProviderPreset } from './types.js';

/**
 * Known providers (STYLE habit 3: knowledge is data). Endpoints and rules
 * come from the providers' own documentation (named above each preset) and
 * RFC 5849; `local` is the embedded provider,
 * whose URLs are known only once it has started (see resolvePreset).
 */
export const PRESETS: readonly ProviderPreset[] = [
  {
    name: 'local',
    title: 'the embedded oauth-doctor provider (started in-process on 127.0.0.1)',
    requestTokenUrl: '{base}/oauth/request_token',
    authorizeUrl: '{base}/oauth/authorize',
    accessTokenUrl: '{base}/oauth/access_token',
    resourceUrl: '{base}/api/me',
    signatureMethod: 'HMAC-SHA1',
    signatureMethods: ['HMAC-SHA1', 'HMAC-SHA256', 'HMAC-SHA512', 'RSA-SHA1', 'RSA-SHA256', 'RSA-SHA512', 'PLAINTEXT'],
    requestTokenLifetimeSec: 600,
    timestampWindowSec: 300,
    dialect: 'problem-reporting',
    notes: ['runs inside this process; the consumer key and secret are generated for this run'],
  },
  {
    // docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature: api.x.com is current; the base string must use the host actually called.
    name: 'x',
    aliases: ['twitter'],
    title: 'X (Twitter) OAuth 1.0a',
    requestTokenUrl: 'https://api.x.com/oauth/request_token',
    authorizeUrl: 'https://api.x.com/oauth/authorize',
    accessTokenUrl: 'https://api.x.com/oauth/access_token',
    resourceUrl: 'https://api.x.com/1.1/account/verify_credentials.json',
    signatureMethod: 'HMAC-SHA1',
    signatureMethods: ['HMAC-SHA1'],
    dialect: 'x',
    notes: [
      'request-token lifetime is not documented; the timestamp window for code 135 is not documented',
      'a desktop app may only use --callback oob (code 417); a callback must be listed in the app settings (code 415): register http://127.0.0.1:PORT/callback and pass --callback-port PORT, or use --callback oob',
      'access tokens do not expire; they stop working when the user revokes the app',
    ],
  },
  {
    // https://www.flickr.com/services/api/auth.oauth.html
    name: 'flickr',
    title: 'Flickr',
    requestTokenUrl: 'https://www.flickr.com/services/oauth/request_token',
    authorizeUrl: 'https://www.flickr.com/services/oauth/authorize',
    accessTokenUrl: 'https://www.flickr.com/services/oauth/access_token',
    resourceUrl: 'https://api.flickr.com/services/rest?method=flickr.test.login&format=json&nojsoncallback=1',
    signatureMethod: 'HMAC-SHA1',
    dialect: 'flickr',
    notes: ['HTTPS only; a signature_invalid answer echoes the server base string as debug_sbs'],
  },
  {
    // developer.hatena.ne.jp/ja/documents/auth/apis/oauth: scope goes on the initiate URL; HMAC-SHA1 only.
    name: 'hatena',
    title: 'Hatena',
    requestTokenUrl: 'https://www.hatena.com/oauth/initiate',
    authorizeUrl: 'https://www.hatena.ne.jp/oauth/authorize',
    accessTokenUrl: 'https://www.hatena.com/oauth/token',
    resourceUrl: 'https://n.hatena.com/applications/my.json',
    signatureMethod: 'HMAC-SHA1',
    signatureMethods: ['HMAC-SHA1'],
    scopeParameter: 'scope',
    dialect: 'problem-reporting',
    notes: ['pass --scope (e.g. read_public); a scope not enabled for the app gives parameter_rejected'],
  },
  {
    // api.smugmug.com/api/v2/doc/tutorial/authorization.html: request token: 5 minutes, single use.
    name: 'smugmug',
    title: 'SmugMug',
    requestTokenUrl: 'https://api.smugmug.com/services/oauth/1.0a/getRequestToken',
    authorizeUrl: 'https://api.smugmug.com/services/oauth/1.0a/authorize',
    accessTokenUrl: 'https://api.smugmug.com/services/oauth/1.0a/getAccessToken',
    resourceUrl: 'https://api.smugmug.com/api/v2!authuser',
    signatureMethod: 'HMAC-SHA1',
    signatureMethods: ['HMAC-SHA1', 'PLAINTEXT'],
    requestTokenLifetimeSec: 300,
    dialect: 'json',
    notes: ['request tokens live 5 minutes and work once', 'parameter_absent usually means oauth_callback was not sent'],
  },
  {
    // developer.yahoo.com/oauth/guide/oauth-accesstoken.html: timestamp ±600 s; get_token also renews with oauth_session_handle.
    name: 'yahoo',
    title: 'Yahoo (legacy OAuth 1.0a)',
    requestTokenUrl: 'https://api.login.yahoo.com/oauth/v2/get_request_token',
    authorizeUrl: 'https://api.login.yahoo.com/oauth/v2/request_auth',
    accessTokenUrl: 'https://api.login.yahoo.com/oauth/v2/get_token',
    signatureMethod: 'HMAC-SHA1',
    signatureMethods: ['HMAC-SHA1', 'PLAINTEXT'],
    timestampWindowSec: 600,
    dialect: 'problem-reporting',
    notes: ['access tokens are short-lived and renewed with oauth_session_handle', 'timestamps must be within ±600 s'],
  },
  {
    // confluence.atlassian.com/applinks/oauth-troubleshooting-guide-790632058.html: RSA-SHA1 application links; needs the instance's base URL.
    name: 'jira',
    title: 'Atlassian Jira / Confluence application link',
    requestTokenUrl: '{base}/plugins/servlet/oauth/request-token',
    authorizeUrl: '{base}/plugins/servlet/oauth/authorize',
    accessTokenUrl: '{base}/plugins/servlet/oauth/access-token',
    resourceUrl: '{base}/rest/api/2/myself',
    signatureMethod: 'RSA-SHA1',
    signatureMethods: ['RSA-SHA1'],
    timestampWindowSec: 300,
    dialect: 'jira',
    notes: ['needs --base-url (your instance) and --private-key (RSA-SHA1)', 'signature_invalid echoes the server base string; a proxy changing Host or scheme breaks it'],
  },
  {
    // docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/subsect_156935170194.html: HMAC-SHA256, realm = account ID (sandbox: 123456_SB1), host 123456-sb1.
    name: 'netsuite',
    title: 'NetSuite token-based authentication (three-step flow)',
    requestTokenUrl: 'https://{account}.restlets.api.netsuite.com/rest/requesttoken',
    authorizeUrl: 'https://{account}.app.netsuite.com/app/login/secure/authorizetoken.nl',
    accessTokenUrl: 'https://{account}.restlets.api.netsuite.com/rest/accesstoken',
    signatureMethod: 'HMAC-SHA256',
    signatureMethods: ['HMAC-SHA256'],
    realm: '{realm}',
    timestampWindowSec: 300,
    dialect: 'netsuite',
    notes: ['needs --account (e.g. 123456 or 123456_SB1): the realm keeps the underscore, the host uses a hyphen', 'nonces must be at least 6 characters'],
  },
  {
    // github.com/OpenMage/magento-lts app/code/core/Mage/Oauth/Model/Server.php: needs the store's base URL.
    name: 'magento',
    title: 'Magento 1 (Mage_Oauth)',
    requestTokenUrl: '{base}/oauth/initiate',
    authorizeUrl: '{base}/oauth/authorize',
    accessTokenUrl: '{base}/oauth/token',
    resourceUrl: '{base}/api/rest/customers',
    signatureMethod: 'HMAC-SHA1',
    timestampWindowSec: 600,
    dialect: 'magento',
    notes: ['needs --base-url (your store)', 'admin users authorise at /admin/oauth_authorize instead'],
  },
  {
    // Mastercard Developers, "Using OAuth 1.0a to Access Mastercard APIs"
    // (developer.mastercard.com/platform/documentation/authentication/using-oauth-1a-to-access-mastercard-apis/):
    // one-legged: consumer key + RSA private key (a PKCS#12 from the portal), RSA-SHA256,
    // oauth_body_hash = base64(SHA-256(body)) on every request, of the empty string on a GET
    // (github.com/Mastercard/oauth1-signer-java, OAuth.getAuthorizationHeader).
    name: 'mastercard',
    title: 'Mastercard Developers APIs (one-legged, RSA-SHA256, oauth_body_hash on every request)',
    requestTokenUrl: '',
    authorizeUrl: '',
    accessTokenUrl: '',
    signatureMethod: 'RSA-SHA256',
    signatureMethods: ['RSA-SHA256'],
    bodyHash: 'always',
    threeLegged: false,
    dialect: 'json',
    notes: [
      'no three-legged flow: call the API with oauth-doctor request, the consumer key and --private-key (export it from the .p12: openssl pkcs12 -in key.p12 -nocerts -out key.pem)',
      'sandbox.api.mastercard.com for the sandbox keys, api.mastercard.com for production keys',
    ],
  },
  {
    name: 'tumblr',
    title: 'Tumblr',
    requestTokenUrl: 'https://www.tumblr.com/oauth/request_token',
    authorizeUrl: 'https://www.tumblr.com/oauth/authorize',
    accessTokenUrl: 'https://www.tumblr.com/oauth/access_token',
    resourceUrl: 'https://api.tumblr.com/v2/user/info',
    signatureMethod: 'HMAC-SHA1',
    dialect: 'unknown',
    notes: [],
  },
  {
    name: 'trello',
    title: 'Trello',
    requestTokenUrl: 'https://trello.com/1/OAuthGetRequestToken',
    authorizeUrl: 'https://trello.com/1/OAuthAuthorizeToken',
    accessTokenUrl: 'https://trello.com/1/OAuthGetAccessToken',
    resourceUrl: 'https://api.trello.com/1/members/me',
    signatureMethod: 'HMAC-SHA1',
    dialect: 'unknown',
    notes: ['the authorise URL takes optional name, scope and expiration parameters'],
  },
  {
    // Garmin redirects to the callback registered in its portal unless the authorise URL carries oauth_callback.
    name: 'garmin',
    title: 'Garmin Connect developer program',
    requestTokenUrl: 'https://connectapi.garmin.com/oauth-service/oauth/request_token',
    authorizeUrl: 'https://connect.garmin.com/oauthConfirm',
    accessTokenUrl: 'https://connectapi.garmin.com/oauth-service/oauth/access_token',
    signatureMethod: 'HMAC-SHA1',
    dialect: 'unknown',
    authorizeCallback: true,
    notes: ['the authorise URL carries oauth_callback: without it Garmin sends the person to the callback registered in its portal'],
  },
  {
    // E*TRADE developer guide (Authorization API): GET token legs, key= and token= on the authorise URL, oob callback.
    name: 'etrade',
    title: 'E*TRADE API',
    requestTokenUrl: 'https://api.etrade.com/oauth/request_token',
    authorizeUrl: 'https://us.etrade.com/e/t/etws/authorize?key={consumer_key}&token={oauth_token}',
    accessTokenUrl: 'https://api.etrade.com/oauth/access_token',
    resourceUrl: 'https://api.etrade.com/v1/accounts/list',
    signatureMethod: 'HMAC-SHA1',
    dialect: 'unknown',
    transports: { requestToken: { method: 'GET' }, accessToken: { method: 'GET' } },
    callback: 'oob',
    requestTokenLifetimeSec: 300,
    notes: [
      'the authorise URL takes key=CONSUMER_KEY&token=REQUEST_TOKEN, not oauth_token; the token legs are GET',
      'the callback is oob unless E*TRADE registered one for your key; the sandbox is apisb.etrade.com (pass the three endpoint flags)',
      'access tokens expire at midnight US Eastern time and after two hours without use',
    ],
  },
];

export function findPreset(name: string): ProviderPreset | undefined {
  const wanted = name.toLowerCase();
  return PRESETS.find((p) => p.name === wanted || p.aliases?.includes(wanted));
}
