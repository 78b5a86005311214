// RFC 5849 §3.6 percent-encoding and the decoders used for forms and headers.
import { describe, expect, it } from 'vitest';
import { formDecode, percentDecode, percentEncode } from '../../src/oauth/index.js';

describe('percentEncode (RFC 5849 §3.6)', () => {
  it('leaves exactly the unreserved characters alone', () => {
    const unreserved = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
    expect(percentEncode(unreserved)).toBe(unreserved);
    for (let code = 0; code < 0x80; code++) {
      const char = String.fromCharCode(code);
      if (unreserved.includes(char)) continue;
      expect(percentEncode(char)).toBe(`%${code.toString(16).toUpperCase().padStart(2, '0')}`);
    }
  });

  it.each([
    // Reserved characters, including the five encodeURIComponent leaves alone.
    ["!*'()", '%21%2A%27%28%29'],
    [':/?#[]@', '%3A%2F%3F%23%5B%5D%40'],
    ["$&+,;=", '%24%26%2B%2C%3B%3D'],
    // A space is %20, never +; % itself is encoded.
    ['a b+c%', 'a%20b%2Bc%25'],
    // UTF-8 first, uppercase hex.
    ['é', '%C3%A9'],
    ['あ', '%E3%81%82'],
    ['😀', '%F0%9F%98%80'],
    ['\u0000\u007F', '%00%7F'],
    // The RFC 5849 §3.4.1.3.2 example values.
    ['=%3D', '%3D%253D'],
    ['Ladies + Gentlemen', 'Ladies%20%2B%20Gentlemen'],
  ])('%j → %s', (input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });

  it('never throws: a lone surrogate encodes as U+FFFD (EF BF BD)', () => {
    expect(percentEncode('a\uD800b')).toBe('a%EF%BF%BDb');
    expect(percentEncode('\uDC00')).toBe('%EF%BF%BD');
  });
});

describe('percentDecode (Authorization header values, §3.5.1)', () => {
  it.each([
    ['a%20b', 'a b'],
    ['a+b', 'a+b'],
    ['%e3%81%82', 'あ'],
    ['%F0%9F%98%80', '😀'],
    // Raw non-ASCII next to escapes stays intact (astral characters included).
    ['😀%41é%42', '😀AéB'],
    // Malformed escapes are kept; invalid UTF-8 becomes U+FFFD.
    ['100%', '100%'],
    ['%G1%4', '%G1%4'],
    ['%FF', '\uFFFD'],
    ['%C3', '\uFFFD'],
    ['%C3A', '\uFFFDA'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(percentDecode(input)).toBe(expected);
  });
});

describe('formDecode (query and form body, §3.4.1.3.1)', () => {
  it('turns + into a space before percent-decoding, so %2B stays a plus', () => {
    expect(formDecode('a+b%2Bc')).toBe('a b+c');
    expect(formDecode('%2B+%20')).toBe('+  ');
  });
});
