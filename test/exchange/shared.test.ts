import { describe, expect, it } from 'vitest';
import { urlWithoutSecrets } from '../../src/exchange/scrub-url.js';
import { fingerprintToken } from '../../src/diagnose/fingerprint.js';
import { firstHeaderValue, headerValues, joinedHeaderValue, parseHttpDate } from '../../src/http/headers.js';
import { BASE_STRING_TOKENS, CREDENTIAL_NAMES, isCredentialParameter } from '../../src/secrets/parameters.js';

describe('one header reader for both shapes (issue 13)', () => {
  const bag = { 'www-authenticate': ['OAuth realm="a"', 'Bearer error="invalid_token"'], Date: 'Sun, 06 Nov 1994 08:49:37 GMT', empty: undefined };
  const list = [['WWW-Authenticate', 'OAuth realm="a"'], ['Date', 'Sun, 06 Nov 1994 08:49:37 GMT'], ['www-authenticate', 'Bearer error="invalid_token"']] as const;

  it('reads every value, case-insensitively, in order, from a record and from a wire-order list', () => {
    for (const headers of [bag, list]) {
      expect(headerValues(headers, 'WWW-Authenticate')).toEqual(['OAuth realm="a"', 'Bearer error="invalid_token"']);
      expect(headerValues(headers, 'absent')).toEqual([]);
    }
    expect(headerValues(undefined, 'date')).toEqual([]);
    expect(headerValues(bag, 'empty')).toEqual([]);
  });

  it('first and joined say which value they give', () => {
    for (const headers of [bag, list]) {
      expect(firstHeaderValue(headers, 'www-authenticate')).toBe('OAuth realm="a"');
      expect(joinedHeaderValue(headers, 'www-authenticate')).toBe('OAuth realm="a", Bearer error="invalid_token"');
      expect(firstHeaderValue(headers, 'date')).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
    }
    expect(firstHeaderValue(list, 'absent')).toBeUndefined();
    expect(joinedHeaderValue(list, 'absent')).toBeUndefined();
  });

  it('one HTTP-date parser: the three forms of RFC 9110 §5.6.7, nothing for garbage', () => {
    const ms = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(ms);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(ms);
    // asctime has no zone on the wire and is GMT, whatever this machine's zone (Node applies a new TZ at once).
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(ms);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 +0000')).toBe(ms);
    expect(parseHttpDate('Sun, 06 Nov 1994 09:49:37 +01:00')).toBe(ms);
    // No zone named: which clock it is cannot be known.
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37')).toBeUndefined();
    expect(parseHttpDate('5')).toBeUndefined();
    expect(parseHttpDate('')).toBeUndefined();
    expect(parseHttpDate(undefined)).toBeUndefined();
    expect(parseHttpDate('yesterday')).toBeUndefined();
  });
});

describe('one secrets list and one URL scrubber (issue 13)', () => {
  it('names every credential once; base strings keep only OAuth 1.0a tokens', () => {
    expect(new Set(CREDENTIAL_NAMES).size).toBe(CREDENTIAL_NAMES.length);
    for (const name of ['oauth_token', 'oauth_token_secret', 'oauth_verifier', 'oauth_session_handle', 'denied', 'client_secret', 'refresh_token', 'access_token', 'code_verifier']) expect(isCredentialParameter(name)).toBe(true);
    for (const name of ['oauth_nonce', 'oauth_timestamp', 'oauth_consumer_key', 'oauth_callback', 'state', 'user_id']) expect(isCredentialParameter(name)).toBe(false);
    expect([...BASE_STRING_TOKENS].sort()).toEqual(['oauth_session_handle', 'oauth_token', 'oauth_verifier']);
  });

  it('replaces every credential in a query by its fingerprint, whatever the leg (flow scrubbed only oauth_token, inspect three names)', () => {
    const url = 'https://api.example.com/cb?oauth_token=tok123&oauth_verifier=ver456&denied=den789&state=s&access_token=at000';
    const scrubbed = new URL(urlWithoutSecrets(url));
    expect(scrubbed.searchParams.get('oauth_token')).toBe(fingerprintToken('tok123'));
    expect(scrubbed.searchParams.get('oauth_verifier')).toBe(fingerprintToken('ver456'));
    expect(scrubbed.searchParams.get('denied')).toBe(fingerprintToken('den789'));
    expect(scrubbed.searchParams.get('access_token')).toBe(fingerprintToken('at000'));
    expect(scrubbed.searchParams.get('state')).toBe('s');
    expect(urlWithoutSecrets(new URL(url))).toBe(scrubbed.href);
    for (const secret of ['tok123', 'ver456', 'den789', 'at000']) expect(scrubbed.href).not.toContain(secret);
  });

  it('leaves a URL without credentials as it is, and text that is no URL alone', () => {
    expect(urlWithoutSecrets('https://api.example.com/oauth/request_token')).toBe('https://api.example.com/oauth/request_token');
    expect(urlWithoutSecrets('oob')).toBe('oob');
  });
});
