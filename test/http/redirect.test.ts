import { describe, expect, it } from 'vitest';
import { redirectStep } from '../../src/http/redirect.js';
import { decodeBody, formatBytes } from '../../src/http/body.js';
import type { HttpRequest } from '../../src/http/types.js';

const post: HttpRequest = {
  method: 'POST',
  url: 'https://api.example.com/oauth/request_token',
  headers: { authorization: 'OAuth oauth_token="t"', cookie: 'sid=1', 'content-type': 'application/x-www-form-urlencoded', 'x-other': 'kept' },
  body: 'a=1',
};

describe('redirectStep: the next hop, and what it may carry', () => {
  it.each([
    ['same origin, relative', 307, '/v2/request_token', 'https://api.example.com/v2/request_token', false],
    ['another host', 307, 'https://evil.example.net/steal', 'https://evil.example.net/steal', true],
    ['same host, another port', 307, 'https://api.example.com:8443/x', 'https://api.example.com:8443/x', true],
    ['same host, downgraded to http', 307, 'http://api.example.com/oauth/request_token', 'http://api.example.com/oauth/request_token', true],
  ])('%s', (_name, status, location, next, dropped) => {
    const step = redirectStep(post, status, location);
    expect(step?.next.url).toBe(next);
    expect(step?.authorizationDropped).toBe(dropped);
    expect('authorization' in (step?.next.headers ?? {})).toBe(!dropped);
    expect('cookie' in (step?.next.headers ?? {})).toBe(!dropped);
    expect(step?.next.headers['x-other']).toBe('kept');
  });

  it('303 (and 301/302 after a POST) become a GET without body or body headers; 307/308 keep both', () => {
    for (const status of [301, 302, 303]) {
      const step = redirectStep(post, status, '/next');
      expect(step?.next).toMatchObject({ method: 'GET', body: undefined });
      expect(step?.next.headers['content-type']).toBeUndefined();
    }
    for (const status of [307, 308]) expect(redirectStep(post, status, '/next')?.next).toMatchObject({ method: 'POST', body: 'a=1' });
  });

  it('no step for a non-redirect status, a missing or unusable Location, or a non-http scheme', () => {
    expect(redirectStep(post, 200, '/x')).toBeUndefined();
    expect(redirectStep(post, 302, undefined)).toBeUndefined();
    expect(redirectStep(post, 302, 'http://[::1')).toBeUndefined();
    expect(redirectStep(post, 302, 'javascript:alert(1)')).toBeUndefined();
    expect(redirectStep(post, 302, 'myapp://callback?oauth_token=t')).toBeUndefined();
  });

  it('drops the fragment', () => {
    expect(redirectStep(post, 302, '/cb#frag')?.next.url).toBe('https://api.example.com/cb');
  });
});

describe('decodeBody', () => {
  it.each([
    [Buffer.from(''), false, 'empty', ''],
    [Buffer.from('oauth_token=a&x=日本'), false, 'utf-8', 'oauth_token=a&x=日本'],
    [Buffer.from([0x61, 0xff, 0x62]), false, 'invalid-utf-8', 'a\ufffdb'],
    [Buffer.from([0x00, 0x01, 0x02, 0x03]), false, 'binary', '\u0000\u0001\u0002\u0003'],
    // Cut at the keep limit inside a character: not called invalid.
    [Buffer.from('ok 日').subarray(0, 5), true, 'utf-8', 'ok '],
  ])('%#', (bytes, truncated, encoding, text) => {
    expect(decodeBody(bytes, truncated)).toEqual({ encoding, text });
  });

  it('formats sizes', () => {
    expect([formatBytes(20), formatBytes(1536), formatBytes(1024 * 1024), formatBytes(12 * 1024 * 1024)]).toEqual(['20 B', '1.5 KiB', '1 MiB', '12 MiB']);
  });
});
