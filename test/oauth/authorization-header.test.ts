// RFC 5849 §3.5.1 Authorization header: building and (tolerant) parsing.
import { describe, expect, it } from 'vitest';
import { buildAuthorizationHeader, parseAuthorizationHeader } from '../../src/oauth/index.js';

describe('buildAuthorizationHeader', () => {
  it('encodes every name and value (§3.6) and quotes each value', () => {
    expect(buildAuthorizationHeader([['oauth_callback', 'http://x.example/cb?a=1 2'], ['oauth_signature', 'ab+/=']])).toBe(
      'OAuth oauth_callback="http%3A%2F%2Fx.example%2Fcb%3Fa%3D1%202", oauth_signature="ab%2B%2F%3D"',
    );
  });

  it('puts realm first, unencoded but quoted-string escaped', () => {
    expect(buildAuthorizationHeader([['oauth_nonce', 'n']], 'Photos')).toBe('OAuth realm="Photos", oauth_nonce="n"');
    expect(buildAuthorizationHeader([], 'a "b" \\c')).toBe('OAuth realm="a \\"b\\" \\\\c"');
  });
});

describe('parseAuthorizationHeader', () => {
  it('reads the RFC 5849 §1.2 header as printed, line breaks included; realm is not a parameter', () => {
    const header = `OAuth realm="Photos",
        oauth_consumer_key="dpf43f3p2l4k3l03",
        oauth_signature_method="HMAC-SHA1",
        oauth_timestamp="137131200",
        oauth_nonce="wIjqoS",
        oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready",
        oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"`;
    expect(parseAuthorizationHeader(header)).toEqual({
      realm: 'Photos',
      defects: [],
      parameters: [
        ['oauth_consumer_key', 'dpf43f3p2l4k3l03'],
        ['oauth_signature_method', 'HMAC-SHA1'],
        ['oauth_timestamp', '137131200'],
        ['oauth_nonce', 'wIjqoS'],
        ['oauth_callback', 'http://printer.example.com/ready'],
        ['oauth_signature', '74KNZJeDHnMBp0EMJ9ZHt/XKycU='],
      ],
    });
  });

  it('the scheme is case-insensitive; any other scheme is not ours', () => {
    expect(parseAuthorizationHeader('oauth oauth_nonce="n"')?.parameters).toEqual([['oauth_nonce', 'n']]);
    expect(parseAuthorizationHeader('OAUTH   oauth_nonce="n"')?.parameters).toEqual([['oauth_nonce', 'n']]);
    expect(parseAuthorizationHeader('Bearer abc')).toBeUndefined();
    expect(parseAuthorizationHeader('OAuthx a="1"')).toBeUndefined();
    expect(parseAuthorizationHeader('')).toBeUndefined();
    expect(parseAuthorizationHeader('OAuth')).toEqual({ parameters: [], realm: undefined, defects: [] });
  });

  it('decodes names and values with percent-decoding only: + stays a plus in a header', () => {
    expect(parseAuthorizationHeader('OAuth oauth%5Fnonce="a%20b+c"')?.parameters).toEqual([['oauth_nonce', 'a b+c']]);
  });

  it('unescapes quoted-pairs inside a quoted value (RFC 7230 §3.2.6)', () => {
    expect(parseAuthorizationHeader('OAuth realm="a \\"b\\" \\\\c", oauth_nonce="n"')?.realm).toBe('a "b" \\c');
  });

  it('a realm round-trips through build → parse', () => {
    const realm = 'https://api.example.com/ "quoted" \\ and, comma';
    expect(parseAuthorizationHeader(buildAuthorizationHeader([['oauth_nonce', 'n']], realm))).toEqual({ realm, parameters: [['oauth_nonce', 'n']], defects: [] });
  });

  it('tolerates what RFC 7230/7235 allow: no space after commas, spaces around =, empty list elements, a trailing comma', () => {
    for (const header of ['OAuth a="1",b="2"', 'OAuth a = "1" , b= "2"', 'OAuth ,a="1",, ,b="2",', 'OAuth\ta="1",\r\n b="2"']) {
      expect(parseAuthorizationHeader(header), header).toEqual({ parameters: [['a', '1'], ['b', '2']], realm: undefined, defects: [] });
    }
  });

  describe('defects: what real clients get wrong, listed rather than thrown', () => {
    it.each([
      ['OAuth oauth_nonce=abc, oauth_token="t"', [['oauth_nonce', 'abc'], ['oauth_token', 't']], ['oauth_nonce is not quoted']],
      ['OAuth a="1" b="2"', [['a', '1'], ['b', '2']], ['no comma after a']],
      ['OAuth a="1"b="2"', [['a', '1'], ['b', '2']], ['no comma after a']],
      ['OAuth oauth_signature="abc+/="', [['oauth_signature', 'abc+/=']], ['oauth_signature is not percent-encoded (RFC 5849 §3.6)']],
      ['OAuth oauth_callback="http://x"', [['oauth_callback', 'http://x']], ['oauth_callback is not percent-encoded (RFC 5849 §3.6)']],
      ['OAuth a="%G1"', [['a', '%G1']], ['a is not percent-encoded (RFC 5849 §3.6)']],
      ['OAuth oauth_nonce="1", oauth_nonce="2"', [['oauth_nonce', '1'], ['oauth_nonce', '2']], ['oauth_nonce appears more than once']],
      ['OAuth a="1", garbage', [['a', '1']], ['cannot read "garbage"']],
      ['OAuth a="unterminated', [], ['cannot read "a="unterminated"']],
      ['OAuth ="1"', [], ['cannot read "="1""']],
    ])('%s', (header, parameters, defects) => {
      const parsed = parseAuthorizationHeader(header);
      expect(parsed?.parameters).toEqual(parameters);
      expect(parsed?.defects).toEqual(defects);
    });
  });

  it('does not mistake a comma inside a quoted value for a separator', () => {
    expect(parseAuthorizationHeader('OAuth realm="a, b=c", oauth_nonce="n"')).toEqual({ realm: 'a, b=c', parameters: [['oauth_nonce', 'n']], defects: [] });
  });
});

describe('parseAuthorizationHeader on broken quoting', () => {
  it.each(['OAuth a=1"', 'OAuth a="1', 'OAuth a=1"2"'])('%s is not read as an empty or partial value', (header) => {
    const parsed = parseAuthorizationHeader(header);
    expect(parsed?.defects.some((d) => d.startsWith('cannot read'))).toBe(true);
    expect(parsed?.parameters).toEqual([]);
  });
});
