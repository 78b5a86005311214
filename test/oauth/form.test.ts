// RFC 5849 §3.4.1.3.1: the query and a form body are read as
// application/x-www-form-urlencoded (W3C HTML 4.0 §17.13.4).
import { describe, expect, it } from 'vitest';
import { collectParameters, isFormBody, normalizeParameters, parseForm, parseQuery, type Pair } from '../../src/oauth/index.js';

describe('parseForm', () => {
  it.each<[string, Pair[]]>([
    ['', []],
    ['a=1', [['a', '1']]],
    // + is a space, %2B is a plus.
    ['q=a+b%2Bc', [['q', 'a b+c']]],
    ['a+b=c+d', [['a b', 'c d']]],
    // Only the first = splits.
    ['x=y=z', [['x', 'y=z']]],
    ['x==', [['x', '=']]],
    // Repeated names all count, in order.
    ['a=1&a=2&a=1', [['a', '1'], ['a', '2'], ['a', '1']]],
    // Empty values, with or without =, and an empty name.
    ['c2&a3=&=v', [['c2', ''], ['a3', ''], ['', 'v']]],
    // Empty segments are not pairs.
    ['a=1&&b=2&', [['a', '1'], ['b', '2']]],
    // Percent-decoding is UTF-8, either hex case.
    ['n=%E3%81%82%e3%81%84', [['n', 'あい']]],
    // A malformed escape is kept as it is rather than rejected.
    ['a=100%&b=%G1&c=%4', [['a', '100%'], ['b', '%G1'], ['c', '%4']]],
    // Invalid UTF-8 becomes U+FFFD; it does not throw.
    ['a=%FF', [['a', '\uFFFD']]],
    // A ? in a body is an ordinary character; ; is not a separator.
    ['?a=1;b=2', [['?a', '1;b=2']]],
    // RFC 5849 §3.4.1.3.1 example body.
    ['c2&a3=2+q', [['c2', ''], ['a3', '2 q']]],
  ])('%j', (input, expected) => {
    expect(parseForm(input)).toEqual(expected);
  });

  it('parseQuery drops the leading ? of URL.search', () => {
    expect(parseQuery('?b5=%3D%253D&a3=a&c%40=&a2=r%20b')).toEqual([
      ['b5', '=%3D'],
      ['a3', 'a'],
      ['c@', ''],
      ['a2', 'r b'],
    ]);
    expect(parseQuery('a=1')).toEqual([['a', '1']]);
    expect(parseQuery('?')).toEqual([]);
  });
});

describe('parameter sources (RFC 5849 §3.4.1.3.1)', () => {
  const form = (content: string) => ({ contentType: 'application/x-www-form-urlencoded', content });

  it('the same name in the query and the body: both count, each with its source', () => {
    const params = collectParameters('http://example.com/?a=1&a=3', [['oauth_nonce', 'n']], form('a=2'));
    expect(params).toEqual([
      { name: 'a', value: '1', source: 'query' },
      { name: 'a', value: '3', source: 'query' },
      { name: 'oauth_nonce', value: 'n', source: 'oauth' },
      { name: 'a', value: '2', source: 'body' },
    ]);
    expect(normalizeParameters(params).normalized).toBe('a=1&a=2&a=3&oauth_nonce=n');
  });

  it('+ in the query is a space, as in a form', () => {
    const [p] = collectParameters('http://example.com/?q=a+b', []);
    expect(p).toEqual({ name: 'q', value: 'a b', source: 'query' });
  });

  it('realm is left out of the header parameters but kept when it is an ordinary query or body parameter', () => {
    const params = collectParameters('http://example.com/?realm=q', [['realm', 'Photos'], ['oauth_nonce', 'n']], form('realm=b'));
    expect(params.map((p) => `${p.source}:${p.name}=${p.value}`)).toEqual(['query:realm=q', 'oauth:oauth_nonce=n', 'body:realm=b']);
  });

  it('oauth_signature is excluded wherever it came from (header, query or body, §3.5.2/§3.5.3)', () => {
    const params = collectParameters('http://example.com/?oauth_signature=q&a=1', [['oauth_signature', 'h']], form('oauth_signature=b&c=2'));
    expect(params.map((p) => p.name)).toEqual(['a', 'c']);
  });

  it.each([
    ['application/x-www-form-urlencoded', true],
    ['Application/X-WWW-Form-URLEncoded; charset=UTF-8', true],
    ['application/json', false],
    ['multipart/form-data; boundary=x', false],
    ['text/plain', false],
  ])('a %s body %s', (contentType, signed) => {
    expect(isFormBody({ contentType, content: 'a=1' })).toBe(signed);
    const params = collectParameters('http://example.com/', [], { contentType, content: 'a=1' });
    expect(params.length).toBe(signed ? 1 : 0);
  });

  it('sorting is by encoded name, then encoded value, in byte order (§3.4.1.3.2)', () => {
    const params = [
      { name: 'b', value: '2' },
      { name: 'a', value: 'z' },
      { name: 'a', value: 'Z' },
      { name: 'A', value: '1' },
      { name: 'a', value: '' },
      { name: 'a b', value: '1' },
      { name: 'a~', value: '1' },
      { name: 'é', value: '1' },
    ].map((p) => ({ ...p, source: 'query' as const }));
    // %20 (0x25) < A (0x41) < a (0x61) < ~ (0x7E); é is %C3%A9, so it sorts with %.
    expect(normalizeParameters(params).normalized).toBe('%C3%A9=1&A=1&a=&a=Z&a=z&a%20b=1&a~=1&b=2');
  });
});
