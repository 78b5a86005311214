// RFC 5849 §3.4.1.2 base string URI and §3.4.1.1 method rules.
import { describe, expect, it } from 'vitest';
import { baseStringUri, parseHttpUrl, signatureBaseString, signRequest } from '../../src/oauth/index.js';
import { DoctorError } from '../../src/errors.js';

describe('base string URI (RFC 5849 §3.4.1.2)', () => {
  it.each([
    // The RFC's own two examples.
    ['http://EXAMPLE.COM:80/r%20v/X?id=123', 'http://example.com/r%20v/X'],
    ['https://www.example.net:8080/?q=1', 'https://www.example.net:8080/'],
    // Scheme and host lowercased; the path is case-sensitive and kept.
    ['HTTPS://Example.COM/Photos', 'https://example.com/Photos'],
    // Default ports dropped, any other port kept, whatever the scheme.
    ['HTTPS://Example.COM:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['http://example.com:443/a', 'http://example.com:443/a'],
    ['https://example.com:80/a', 'https://example.com:80/a'],
    ['http://example.com:8080/a', 'http://example.com:8080/a'],
    ['http://127.0.0.1:41234/oauth/request_token', 'http://127.0.0.1:41234/oauth/request_token'],
    // No query, no fragment; an empty path is "/".
    ['http://example.com/a?b=c#frag', 'http://example.com/a'],
    ['http://example.com', 'http://example.com/'],
    ['http://example.com?x=1', 'http://example.com/'],
    ['http://example.com#top', 'http://example.com/'],
    // The path is kept as sent: its percent-encodings (any case) stay as they are.
    ['http://example.com/r%20v/%c3%a9/%2F', 'http://example.com/r%20v/%c3%a9/%2F'],
    ['http://example.com/a;p=1/b', 'http://example.com/a;p=1/b'],
    // What cannot travel raw is encoded as an HTTP client sends it (UTF-8, uppercase hex).
    ['http://example.com/r v/é', 'http://example.com/r%20v/%C3%A9'],
    // IPv6: bracketed, lowercase, compressed, as in the Host header.
    ['http://[0:0:0:0:0:0:0:1]:8080/a', 'http://[::1]:8080/a'],
    ['https://[2001:DB8::A]:443/', 'https://[2001:db8::a]/'],
    // IDN: the ASCII form, which is what the Host header carries.
    ['https://Bücher.example/x', 'https://xn--bcher-kva.example/x'],
    // User information is not part of the host (and is never signed).
    ['http://user:pass@example.com/a', 'http://example.com/a'],
  ])('%s → %s', (url, expected) => {
    expect(baseStringUri(url)).toBe(expected);
  });

  it('an IDN host signs the same as its punycode spelling', () => {
    const input = { method: 'GET', client: { consumerKey: 'k', consumerSecret: 's' }, signatureMethod: 'HMAC-SHA1', timestamp: '1', nonce: 'n' } as const;
    expect(signRequest({ ...input, url: 'https://bücher.example/x' }).signature).toBe(signRequest({ ...input, url: 'https://xn--bcher-kva.example/x' }).signature);
  });

  it.each([
    ['/relative/path', /not an absolute URL/],
    ['example.com/a', /not an absolute URL/],
    ['ftp://example.com/a', /not http or https/],
    ['mailto:someone@example.com', /not http or https/],
    ['', /not an absolute URL/],
  ])('%j is an input error (exit 2), never a crash', (url, message) => {
    expect(() => parseHttpUrl(url)).toThrow(message);
    try {
      baseStringUri(url);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DoctorError);
      expect((error as DoctorError).code).toBe('invalid-url');
      expect((error as DoctorError).exitCode).toBe(2);
    }
  });
});

describe('request method in the base string (RFC 5849 §3.4.1.1)', () => {
  it('is uppercased', () => {
    expect(signatureBaseString('get', 'http://example.com/', 'a=1')).toBe('GET&http%3A%2F%2Fexample.com%2F&a%3D1');
    expect(signatureBaseString('Post', 'http://example.com/', '')).toBe('POST&http%3A%2F%2Fexample.com%2F&');
  });

  it('a lowercase method signs exactly like the uppercase one, and is sent uppercase', () => {
    const input = { url: 'http://example.com/', client: { consumerKey: 'k', consumerSecret: 's' }, signatureMethod: 'HMAC-SHA1', timestamp: '1', nonce: 'n' } as const;
    const lower = signRequest({ ...input, method: 'post' });
    expect(lower.method).toBe('POST');
    expect(lower.signature).toBe(signRequest({ ...input, method: 'POST' }).signature);
  });

  it('an extension method with characters outside the unreserved set is encoded (§3.6)', () => {
    expect(signatureBaseString('M-SEARCH', 'http://example.com/', '')).toBe('M-SEARCH&http%3A%2F%2Fexample.com%2F&');
    expect(signatureBaseString('PURGE!', 'http://example.com/', '')).toBe('PURGE%21&http%3A%2F%2Fexample.com%2F&');
  });
});
