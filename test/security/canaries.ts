/**
 * Distinctive secrets for the canary test, and every form in which one could
 * leak: as is, percent-encoded once (a header or form body) and twice (inside
 * a signature base string), and for the RSA private key its PEM body lines
 * and the base64 of the whole PEM. The values carry `/`, `+` and `=` so that
 * each encoded form differs from the raw one.
 */
import { generateKeyPairSync } from 'node:crypto';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { withoutBaseStrings } from '../helpers/base-strings.js';

export const CANARY = {
  consumerKey: 'canary-consumer-key',
  consumerSecret: 'CANARYcs/consumer+secret=91a7',
  tokenSecret: 'CANARYts/token+secret=52b8',
  accessToken: 'CANARYat-access-token-63c9',
  requestToken: 'CANARYrt-request-token-74d0',
  requestTokenSecret: 'CANARYrts/request+secret=85e1',
  verifier: 'CANARYvf-verifier-96f2',
  sessionHandle: 'CANARYsh-session-handle-07a3',
} as const;

export type CanaryName = keyof typeof CANARY | 'privateKey';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const PRIVATE_KEY_PEM = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** The secrets checked in every run (the consumer key is an identifier, not a secret). */
export const SECRET_NAMES: readonly CanaryName[] = ['consumerSecret', 'tokenSecret', 'accessToken', 'requestToken', 'requestTokenSecret', 'verifier', 'sessionHandle', 'privateKey'];

/** Every string whose presence in output means the secret leaked. */
function leakForms(name: CanaryName): string[] {
  if (name === 'privateKey') {
    const body = PRIVATE_KEY_PEM.split('\n').filter((l) => l !== '' && !l.startsWith('-----'));
    return [PRIVATE_KEY_PEM.trim(), body.join(''), ...body.filter((l) => l.length >= 32), Buffer.from(PRIVATE_KEY_PEM).toString('base64').slice(0, 64)];
  }
  const value = CANARY[name];
  const encoded: string[] = [value];
  // Up to three levels: a PLAINTEXT signature (encoded) in a header (twice) echoed in a form body (three times).
  for (let level = 1; level <= 3; level++) encoded.push(percentEncode(encoded[level - 1] ?? ''));
  // encodeURIComponent leaves some characters RFC 3986 encodes; a form decoder turns a raw + into a space.
  return [...new Set([...encoded, encodeURIComponent(value), value.replace(/\+/g, ' ')])];
}

/**
 * A preview cut short inside a secret: more of it before the `…` than a mask
 * shows (a mask shows at most 4 characters, then `…(N chars)`).
 */
function cutShort(text: string, form: string): boolean {
  if (!text.includes('…')) return false;
  for (let length = 5; length < form.length; length++) if (text.includes(`${form.slice(0, length)}…`)) return true;
  return false;
}

/**
 * Tokens, not keys: since issue 15 item 5 a signature base string is printed
 * as it was signed, with its oauth_token and oauth_verifier values, so it can
 * be diffed with a server's echo. Everywhere else they stay masked.
 */
const TOKEN_NAMES: readonly CanaryName[] = ['accessToken', 'requestToken', 'verifier', 'sessionHandle'];

export { withoutBaseStrings };

/** Which canaries appear in `text`, whole or cut short, by name; tokens inside a base string are not a leak. */
export function leakedIn(text: string, names: readonly CanaryName[] = SECRET_NAMES): CanaryName[] {
  const outsideBaseStrings = withoutBaseStrings(text);
  return names.filter((name) => {
    const haystack = TOKEN_NAMES.includes(name) ? outsideBaseStrings : text;
    return leakForms(name).some((form) => haystack.includes(form) || cutShort(haystack, form));
  });
}
