import { decomposeBaseString } from '../base-string-diff.js';
import type { PastedRequest } from '../types.js';

/**
 * What a pasted text shows of the OAuth 1.0a request beside its error (explain has no session): which leg it was and
 * whether a signing key it printed holds a token secret. Pure, linear, never throws; it keeps no value of the key, only
 * whether anything follows its `&` (RFC 5849 §3.4.2: key = encode(consumer_secret) "&" encode(token_secret)).
 */
export function pastedRequest(text: string): PastedRequest | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    const head = text.length > WINDOW * 2 ? `${text.slice(0, WINDOW)}\n${text.slice(-WINDOW)}` : text;
    // A paste with OAuth 1.0a's own words, or one that calls a token URL (its rule reads it only for signature_invalid, RFC 5849 §3.4).
    if (!OAUTH1_PARAMETER.test(head) && !TOKEN_URL.test(head)) return undefined;
    const base = BASE_STRING.exec(head)?.[0];
    const baseParts = base === undefined ? undefined : decomposeBaseString(base);
    const baseNames = new Set((baseParts?.parameters ?? []).map(([name]) => name));
    const line = REQUEST_PATH.exec(head);
    const path = baseParts?.uri ?? line?.[1] ?? line?.[2] ?? '';
    const verifier = baseNames.has('oauth_verifier') || VERIFIER_SENT.test(head);
    const leg = verifier || ACCESS_PATH.test(path) || ACCESS_CALL.test(head) ? 'access_token' : REQUEST_PATH_TOKEN.test(path) || REQUEST_CALL.test(head) ? 'request_token' : undefined;
    const sendsToken = baseNames.has('oauth_token') || TOKEN_SENT.test(head);
    const key = SIGNING_KEY.exec(head)?.[1];
    const keyTokenSecret = key !== undefined && key.includes('&') ? (key.endsWith('&') ? 'empty' : 'present') : EMPTY_TOKEN_SECRET.test(head) ? 'empty' : undefined;
    const oauth1 = OAUTH1_REQUEST.test(head);
    const host = HOST.exec(head)?.slice(1).find((h) => h !== undefined)?.toLowerCase();
    if (leg === undefined && keyTokenSecret === undefined && !oauth1) return undefined;
    return { leg, sendsToken, keyTokenSecret, ...(oauth1 ? { oauth1 } : {}), ...(host === undefined ? {} : { host }) };
  } catch {
    return undefined;
  }
}

const WINDOW = 64 * 1024;
/** What only an OAuth 1.0a request carries: its signature or consumer key as a parameter, or the OAuth scheme (RFC 5849 §3.5.1). */
const OAUTH1_REQUEST = /\boauth_(?:signature|consumer_key)\s*(?:=|["']\s*[:=])|oauth_consumer_key%3D|\bAuthorization:\s*OAuth\s+(?:realm|oauth_)/i;
/** A Host header, or the host of the first http(s) URL. */
const HOST = /(?:^|\n)\s*(?:>\s*)?Host:\s*([A-Za-z0-9.-]{1,253})|\bhttps?:\/\/([A-Za-z0-9.-]{1,253})/i;
const OAUTH1_PARAMETER = /\boauth_(?:consumer_key|signature|signature_method|nonce|verifier|token|problem)\b|oauth_consumer_key%3D|oauth_signature_method%3D|\bOAuth ?1(?:\.0a?)?\b|OAuth10a|oauth1-client|\boauth1\b/i;
/** A signature base string as a library or server prints it: METHOD&encoded-URI&encoded-parameters (RFC 5849 §3.4.1.1). */
const BASE_STRING = /\b(?:GET|POST|PUT|DELETE|PATCH|HEAD)&https?%3A%2F%2F[A-Za-z0-9%._~-]{1,2000}&[A-Za-z0-9%._~-]{1,20000}/;
/** The request line, curl's URL, or a logged URL: its path. */
const REQUEST_PATH = /(?:^|\n)\s*(?:[>*]\s*)?(?:GET|POST|PUT)\s+(?:https?:\/\/[^\s/]+)?(\/[^\s?#]{0,500})|\bhttps?:\/\/[^\s/'"]+(\/[^\s?#'"]{0,500}(?:access|request)[_-]?token[^\s?#'"]{0,100})/i;
const TOKEN_URL = /\/[^\s?#'"]{0,200}(?:access|request)[_-]?token\b|OAuthGet(?:Access|Request)Token/i;
const ACCESS_PATH = /access[_-]?token|OAuthGetAccessToken/i;
/** An OAuth 1.0a library's access-token call in a stack frame or a log line (the leg that exchanges the request token, RFC 5849 §2.3). */
const ACCESS_CALL = /\b(?:getOAuthAccessToken|getTokenCredentials|fetch_access_token|OAuth10aService\.getAccessToken|OAuth1AccessTokenExtractor|retrieveAccessToken|exchangeRequestToken)\b/;
const REQUEST_CALL = /\b(?:getOAuthRequestToken|getTemporaryCredentials|fetch_request_token|OAuth10aService\.getRequestToken|retrieveRequestToken)\b/;
const REQUEST_PATH_TOKEN = /request[_-]?token|OAuthGetRequestToken|\/initiate\b/i;
/** oauth_verifier sent with a value (a header parameter, a query or body pair, a logged dict entry). */
const VERIFIER_SENT = /\boauth_verifier\s*(?:=\s*"?|["']\s*[:=]>?\s*["'])[A-Za-z0-9%._~-]/;
const TOKEN_SENT = /\boauth_token\s*(?:=\s*"?|["']\s*[:=]>?\s*["'])[A-Za-z0-9%._~-]/;
/** A token secret a library was handed empty (`OAuth1RequestToken(token, "")`, `resource_owner_secret=None`, `tokenSecret: ''`). */
const EMPTY_TOKEN_SECRET = /\b(?:oauth_token_secret|token_secret|tokenSecret|resource_owner_secret|request_token_secret|requestTokenSecret)\s*(?:=>|[:=])\s*(?:""|''|None|null|nil|undefined)(?=[\s,;)}\]]|$)/;
/**
 * A signing key a library printed: `Signing key: c0nsumer&`, `signing_key=…&…`, `key: '…&'`, `HMAC key = …`. The value may
 * be masked (`****&`): only where its `&` stands is read.
 */
const SIGNING_KEY = /\b(?:signing[ _-]?key|oauth[ _-]?signing[ _-]?key|hmac[ _-]?key|key used(?: for signing)?|signature key|composite key|secret key used)\s*[:=]\s*["'`]?([^\s"'`<>]{1,600})/i;
