// The four places where oauth-1.0a 2.2.6 (part of the design, used for the
// signing key) departs from RFC 5849. Each test prints what the library
// builds AND what we build from the same request, so the gap stays
// documented, and asserts our RFC rule. If a future version of the library
// fixes a gap, its "library" assertion fails and tells us to start using it.
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { describe, expect, it } from 'vitest';
import { signRequest, type RequestBody } from '../../src/oauth/index.js';
import pkg from 'oauth-1.0a/package.json' with { type: 'json' };

const CONSUMER = { key: 'dpf43f3p2l4k3l03', secret: 'kd94hf93k423kf44' };
const TIMESTAMP = '137131202';
const NONCE = 'chapoH';

interface Request {
  readonly method: string;
  readonly url: string;
  /** A form body, given to the library as its `data` object. */
  readonly form?: Record<string, string>;
}

function library(): OAuth {
  return new OAuth({
    consumer: CONSUMER,
    signature_method: 'HMAC-SHA1',
    hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
  });
}

/** The base string oauth-1.0a builds, with our nonce and timestamp. */
function libraryBaseString(request: Request): string {
  // getParameterString merges into the object it is given: a fresh one each time.
  const oauthData = { oauth_consumer_key: CONSUMER.key, oauth_nonce: NONCE, oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: Number(TIMESTAMP), oauth_version: '1.0' };
  return library().getBaseString({ method: request.method, url: request.url, data: { ...request.form } }, oauthData);
}

/** The base string we build for the same request. */
function ourBaseString(request: Request): string {
  const body: RequestBody | undefined = request.form
    ? { contentType: 'application/x-www-form-urlencoded', content: new URLSearchParams(request.form).toString() }
    : undefined;
  return signRequest({
    method: request.method,
    url: request.url,
    client: { consumerKey: CONSUMER.key, consumerSecret: CONSUMER.secret },
    signatureMethod: 'HMAC-SHA1',
    timestamp: TIMESTAMP,
    nonce: NONCE,
    body,
  }).baseString;
}

const OAUTH_PART = 'oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_version%3D1.0';

describe(`oauth-1.0a ${pkg.version}: where it departs from RFC 5849`, () => {
  it('is the version these gaps were pinned against', () => {
    expect(pkg.version).toBe('2.2.6');
  });

  it('control: on a plain request the library and we agree, so the comparisons below are like for like', () => {
    const request = { method: 'GET', url: 'http://photos.example.net/photos?file=vacation.jpg&size=original' };
    expect(libraryBaseString(request)).toBe(ourBaseString(request));
  });

  it('gap 1: it keeps HTTPS://Example.COM:443 as it is; §3.4.1.2 lowercases scheme and host and drops the default port', () => {
    const request = { method: 'GET', url: 'HTTPS://Example.COM:443/photos' };
    expect(libraryBaseString(request)).toBe(`GET&HTTPS%3A%2F%2FExample.COM%3A443%2Fphotos&${OAUTH_PART}`);
    expect(ourBaseString(request)).toBe(`GET&https%3A%2F%2Fexample.com%2Fphotos&${OAUTH_PART}`);
  });

  it('gap 2: it reads + in the query as a literal plus (%2B); §3.4.1.3.1 decodes the query as a form, so + is a space (%20)', () => {
    const request = { method: 'GET', url: 'https://example.com/search?q=a+b' };
    expect(libraryBaseString(request)).toBe(`GET&https%3A%2F%2Fexample.com%2Fsearch&${OAUTH_PART}%26q%3Da%252Bb`);
    expect(ourBaseString(request)).toBe(`GET&https%3A%2F%2Fexample.com%2Fsearch&${OAUTH_PART}%26q%3Da%2520b`);
  });

  it('gap 3: it cuts x=y=z to x=y; only the first = separates name and value', () => {
    const request = { method: 'GET', url: 'https://example.com/r?x=y=z' };
    expect(libraryBaseString(request)).toBe(`GET&https%3A%2F%2Fexample.com%2Fr&${OAUTH_PART}%26x%3Dy`);
    expect(ourBaseString(request)).toBe(`GET&https%3A%2F%2Fexample.com%2Fr&${OAUTH_PART}%26x%3Dy%253Dz`);
  });

  it('gap 4: with a name in both the query and the body it keeps one value; §3.4.1.3.1 counts both', () => {
    const request = { method: 'POST', url: 'https://example.com/r?a=1', form: { a: '2' } };
    expect(libraryBaseString(request)).toBe(`POST&https%3A%2F%2Fexample.com%2Fr&a%3D1%26${OAUTH_PART}`);
    expect(ourBaseString(request)).toBe(`POST&https%3A%2F%2Fexample.com%2Fr&a%3D1%26a%3D2%26${OAUTH_PART}`);
  });

  it('where it is right we use it: the signing key encode(cs)&encode(ts), & always present', () => {
    expect(library().getSigningKey(undefined)).toBe('kd94hf93k423kf44&');
    expect(new OAuth({ consumer: { key: 'k', secret: 'a b&c' } }).getSigningKey('d+e')).toBe('a%20b%26c&d%2Be');
  });
});
