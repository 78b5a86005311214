// A provider's message that quotes the token it refused ("Invalid access
// token eyJ…", "Bearer abc… is not valid") was printed in full by explain:
// only values after a credential parameter's name were masked. Tokens known
// by their shape — a compact JWS/JWE, the b64token after `Bearer`, a long
// opaque value after the words "access token" — are masked wherever they
// stand, in text and --json; auth-params and prose stay as they are.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { secretsInText } from '../../src/diagnose/secrets-in-text.js';

const JWS = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlc2lnbmF0dXJl-_x';
const JWE = 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6ji.XFBoMYUZodetZdvTiFvSkQ';
const OPAQUE = 'ya29a0AfH6SMBx3vQk9Zr7Tq2LmN8pW';

const CASES: readonly [string, string, string][] = [
  ['a JWS in a JSON message', `HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n\r\n${JSON.stringify({ message: `Invalid access token ${JWS}` })}`, JWS],
  ['a JWE in an error_description', JSON.stringify({ error: 'invalid_token', error_description: `token ${JWE} expired` }), JWE],
  ['a Bearer credential in a log line', `401 Unauthorized: request with Authorization: Bearer ${OPAQUE} was refused (invalid token)`, OPAQUE],
  ['an authorization code in a description (parenthesised)', 'invalid_grant (code SplxlOBeZQQYbYS6WxSbIA99 was already redeemed)', 'SplxlOBeZQQYbYS6WxSbIA99'],
  ['a password beside Salesforce INVALID_LOGIN', 'INVALID_LOGIN: Invalid username, password, security token; or user locked out. (username=bob@x.example, password=Hunter2pw77x, security_token=AbC1dEf2GhI3jK)', 'Hunter2pw77x'],
  ['a security token beside Salesforce INVALID_LOGIN', 'exceptionCode=INVALID_LOGIN password=Hunter2pw77x security_token=AbC1dEf2GhI3jK', 'AbC1dEf2GhI3jK'],
  ['an AWS secret key beside SignatureDoesNotMatch', 'SignatureDoesNotMatch: The request signature we calculated does not match. aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['an AWS session token', 'ExpiredToken: The security token included in the request is expired. aws_session_token=IQoJb3JpZ2luX2VjEXAMPLE123', 'IQoJb3JpZ2luX2VjEXAMPLE123'],
  ['an opaque value after "access token"', JSON.stringify({ error: 'invalid_token', error_description: `The access token ${OPAQUE} has been revoked` }), OPAQUE],
];

describe('explain masks tokens known by their shape', () => {
  it.each(CASES)('%s', async (_, input, token) => {
    for (const flags of [[], ['--json']]) {
      const result = await runCli(['explain', input, ...flags]);
      const printed = result.stdout + result.stderr;
      expect(result.code, printed).not.toBe(70);
      for (const part of [token, token.slice(0, 12), token.slice(-12)]) expect(printed, `${flags.join(' ')}\n${printed}`).not.toContain(part);
    }
  });

  it('--show-secrets prints them (the check can fail)', async () => {
    const result = await runCli(['explain', CASES[0]?.[1] ?? '', '--show-secrets']);
    expect(result.stdout).toContain(JWS);
  });

  it('auth-params and words of prose are not tokens', () => {
    expect(secretsInText('WWW-Authenticate: Bearer realm="api", error="invalid_token", authorization_uri="https://login.example/authorize"')).toEqual([]);
    expect(secretsInText('Bearer error=invalid_token')).toEqual([]);
    expect(secretsInText('The access token is invalid. Invalid Bearer token. token expired')).toEqual([]);
    expect(secretsInText('token_type_hint: refresh_token_expired')).toEqual([]);
    expect(secretsInText('error code 1234567890123456, authorization code expired')).toEqual([]);
  });
});
