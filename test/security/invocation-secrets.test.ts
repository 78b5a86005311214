// Errors raised before a command has its own Redactor (a bad flag after the
// secrets, a commander error, a capture that does not parse) must not print
// the secrets they quote (issue 7).
import { describe, expect, it } from 'vitest';
import { invocationRedactor, invocationSecrets, withoutOptionValues } from '../../src/cli/invocation-secrets.js';
import { captureError } from '../../src/capture/errors.js';

describe('invocationSecrets: what the person typed or exported', () => {
  it('reads secret flags in both spellings, serve consumers and the environment', () => {
    const argv = ['sign', '--consumer-secret', 'cs-0123456789', '--token-secret=ts-0123456789', '--token', 'tok-0123456789', '--verifier=vf-0123456789', '--consumer', 'app:serve-secret-0123'];
    const env = { OAUTH_CONSUMER_SECRET: 'env-cs-0123456789', OAUTH_TOKEN: 'env-tok-0123456789', OAUTH_TOKEN_SECRET: 'env-ts-0123456789', OAUTH_CONSUMER_KEY: 'not-a-secret-key' };
    expect(invocationSecrets(argv, env).sort()).toEqual(
      ['cs-0123456789', 'ts-0123456789', 'tok-0123456789', 'vf-0123456789', 'serve-secret-0123', 'env-cs-0123456789', 'env-tok-0123456789', 'env-ts-0123456789'].sort(),
    );
  });

  it("reads serve's OAUTH_DOCTOR_CONSUMERS list (secrets may hold a colon)", () => {
    const env = { OAUTH_DOCTOR_CONSUMERS: 'app1:first-secret-0123, app2:with:colon-0123,not-a-pair' };
    expect(invocationSecrets(['serve'], env).sort()).toEqual(['first-secret-0123', 'with:colon-0123']);
  });

  it('skips a missing value (the next flag); a short value is kept, and masked only where it stands as a value', () => {
    expect(invocationSecrets(['--consumer-secret', '--url', 'x'], {})).toEqual([]);
    const argv = ['--consumer-secret', 'secret'];
    expect(invocationSecrets(argv, {})).toEqual(['secret']);
    const redactor = invocationRedactor(argv, {});
    expect(redactor.redact('a token secret was given without a token — Did you mean --consumer-secret?')).toBe('a token secret was given without a token — Did you mean --consumer-secret?');
    expect(redactor.redact('--signature-method "secret" is not a signature method')).toBe('--signature-method "s…(6 chars)" is not a signature method');
  });

  it('an unknown option typed with =VALUE keeps its name and loses its value', () => {
    expect(withoutOptionValues("error: unknown option '--consumer-secert=hunter2-hunter2'")).toBe("error: unknown option '--consumer-secert=…'");
    expect(withoutOptionValues("error: unknown option '--nope'")).toBe("error: unknown option '--nope'");
  });
});

describe('captureError masks the credentials its quote holds', () => {
  it('a quoted URL or header line keeps its shape, not its secrets', () => {
    const error = captureError('http-malformed', 'found "GET /cb?oauth_token=tok-0123456789&oauth_verifier=vf-0123456789 HTT"', 'oauth_token_secret=ts-0123456789');
    expect(error.message).not.toMatch(/tok-0123456789|vf-0123456789/);
    expect(error.message).toContain('oauth_token=tok…(14 chars)&oauth_verifier=vf-…(13 chars)');
    expect(error.hint).toBe('oauth_token_secret=ts-…(13 chars)');
    expect(error.exitCode).toBe(2);
  });
});
