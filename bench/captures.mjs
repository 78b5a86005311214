// Generated captures of any size (issue 14 item 1): HAR files of signed
// OAuth 1.0a exchanges (about 460 bytes an entry, as a proxy writes them
// compactly), curl files, raw HTTP and a curl command with many -H. Written
// as a stream, so generating 1,000,000 exchanges never holds them in memory.
// Used by the bench (bench/inspect-scale.mjs) and by test/hostile/huge-captures.test.ts.
import { createWriteStream } from 'node:fs';

function writer(file) {
  const out = createWriteStream(file);
  let pending = [];
  let size = 0;
  const flush = () => {
    if (pending.length === 0) return undefined;
    const text = pending.join('');
    pending = [];
    size = 0;
    return out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve));
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      return size > 1 << 20 ? flush() : undefined;
    },
    async end() {
      await flush();
      await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
    },
  };
}

const T0 = Date.parse('2024-06-18T10:00:00Z');
const hex = (n, width = 8) => n.toString(16).padStart(width, '0');

/**
 * One signed exchange, flows of 50: a request-token leg, the access-token
 * leg, then 48 resource calls with that access token, each signed with
 * `sign` (the project's signRequest, consumer secret `benchsecret`) or, when
 * none is given, with a fixed signature that never verifies (the costliest
 * case: every known variant is tried). Every 97th is refused with an
 * oauth_problem; every 1,000th repeats the nonce before it.
 */
export const CONSUMER_SECRET = 'benchsecret';

function exchange(i, sign, flowLength = 50) {
  const ts = Math.floor((T0 + i * 50) / 1000);
  const nonce = i % 1000 === 999 ? `n${hex(i - 1)}` : `n${hex(i)}`;
  const flow = Math.floor(i / flowLength);
  const leg = i % flowLength === 0 ? 'request' : i % flowLength === 1 ? 'access' : 'resource';
  const url = leg === 'request' ? 'https://api.example.com/oauth/request_token' : leg === 'access' ? 'https://api.example.com/oauth/access_token' : `https://api.example.com/1.1/items/${i}.json`;
  const method = leg === 'resource' ? 'GET' : 'POST';
  const token = leg === 'access' ? { token: `rt${hex(flow)}`, tokenSecret: `rs${hex(flow)}` } : leg === 'resource' ? { token: `at${hex(flow)}`, tokenSecret: `as${hex(flow)}` } : undefined;
  const extra = leg === 'request' ? { callback: 'oob' } : leg === 'access' ? { verifier: `v${hex(flow)}` } : {};
  let auth;
  if (sign) {
    auth = sign({ method, url, client: { consumerKey: 'ck', consumerSecret: CONSUMER_SECRET }, token: token && { token: token.token, tokenSecret: token.tokenSecret }, signatureMethod: 'HMAC-SHA1', timestamp: String(ts), nonce, ...extra }).authorization;
  } else {
    const parts = [`oauth_consumer_key="ck"`, ...(extra.callback ? [`oauth_callback="oob"`] : []), ...(token ? [`oauth_token="${token.token}"`] : []), ...(extra.verifier ? [`oauth_verifier="${extra.verifier}"`] : []), `oauth_nonce="${nonce}"`, `oauth_signature="c2lnbmF0dXJlc2lnbmF0dXJlMTI%3D"`, `oauth_signature_method="HMAC-SHA1"`, `oauth_timestamp="${ts}"`, `oauth_version="1.0"`];
    auth = `OAuth ${parts.join(', ')}`;
  }
  const refused = i % 97 === 96;
  const status = refused ? 401 : 200;
  const body = refused ? 'oauth_problem=signature_invalid' : leg === 'request' ? `oauth_token=rt${hex(flow)}&oauth_token_secret=rs${hex(flow)}&oauth_callback_confirmed=true` : leg === 'access' ? `oauth_token=at${hex(flow)}&oauth_token_secret=as${hex(flow)}` : '{"ok":true}';
  return { at: new Date(T0 + i * 50).toISOString(), date: new Date(T0 + i * 50).toUTCString(), method, url, auth, status, body, mime: refused || leg !== 'resource' ? 'application/x-www-form-urlencoded' : 'application/json' };
}

/** A HAR of `count` OAuth 1.0a exchanges (and `padding` bytes of base64 body in the first entry, when asked); flows of `flowLength` (50) exchanges. */
export async function writeHar(file, count, { base64BodyBytes = 0, sign, flowLength = 50 } = {}) {
  const out = writer(file);
  await out.write('{"log":{"version":"1.2","creator":{"name":"oauth-doctor bench","version":"1"},"entries":[');
  for (let i = 0; i < count; i++) {
    const e = exchange(i, sign, flowLength);
    let content = `{"size":${e.body.length},"mimeType":"${e.mime}","text":${JSON.stringify(e.body)}}`;
    if (i === 0 && base64BodyBytes > 0) content = `{"size":${base64BodyBytes},"mimeType":"application/octet-stream","encoding":"base64","text":"${'QUJD'.repeat(Math.ceil(base64BodyBytes / 4))}"}`;
    const entry = `{"startedDateTime":"${e.at}","request":{"method":"${e.method}","url":"${e.url}","headers":[{"name":"Authorization","value":${JSON.stringify(e.auth)}}]},"response":{"status":${e.status},"headers":[{"name":"Date","value":"${e.date}"}],"content":${content}},"timings":{"wait":10}}`;
    const pending = out.write(i === 0 ? entry : `,${entry}`);
    if (pending) await pending;
  }
  await out.write(']}}\n');
  await out.end();
}

/** `count` curl command lines, one a line. */
export async function writeCurl(file, count, { sign } = {}) {
  const out = writer(file);
  for (let i = 0; i < count; i++) {
    const e = exchange(i, sign);
    const pending = out.write(`curl -X ${e.method} '${e.url}' -H '${`Authorization: ${e.auth}`.replace(/'/g, "'\\''")}'\n`);
    if (pending) await pending;
  }
  await out.end();
}

/** `count` raw HTTP requests, one after another. */
export async function writeRawHttp(file, count, { sign } = {}) {
  const out = writer(file);
  for (let i = 0; i < count; i++) {
    const e = exchange(i, sign);
    const path = new URL(e.url).pathname;
    const pending = out.write(`${e.method} ${path} HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: ${e.auth}\r\n\r\n`);
    if (pending) await pending;
  }
  await out.end();
}

/** One curl command with `headers` -H options. */
export async function writeCurlManyHeaders(file, headers) {
  const out = writer(file);
  const e = exchange(1);
  await out.write(`curl -X ${e.method} '${e.url}' -H 'Authorization: ${e.auth.replace(/'/g, "'\\''")}'`);
  for (let i = 0; i < headers; i++) {
    const pending = out.write(` -H 'X-Extra-${i}: v${i}'`);
    if (pending) await pending;
  }
  await out.write('\n');
  await out.end();
}
