// Issue 15 item 5: the base string printed by default is byte for byte what was signed,
// comparable with a server's echo; the signing keys are still never printed without --show-secrets.
import { describe, expect, it } from 'vitest';
import { Redactor, verbatimBaseString } from '../../src/secrets/redactor.js';
import { runInProcess } from '../helpers/in-process.js';

const ARGS = ['sign', '--url', 'https://api.example.com/1/statuses?q=a%20b', '-X', 'POST', '--data', 'status=hi', '--consumer-key', 'ck', '--consumer-secret', 'cs/secret+9a', '--token', 'tok-request-1234', '--token-secret', 'ts/secret+7b', '--verifier', 'pin-5678-verif', '--timestamp', '1318622958', '--nonce', 'fixed'];

describe('issue 15 item 5: base strings as signed', () => {
  it('sign prints the same base string as --show-secrets does (token and verifier included), and masks the keys', async () => {
    const shown = JSON.parse((await runInProcess([...ARGS, '--json', '--show-secrets'])).stdout) as { baseString: string };
    const masked = await runInProcess([...ARGS, '--json']);
    const doc = JSON.parse(masked.stdout) as { baseString: string; authorization: string; signingKey: string };
    expect(doc.baseString).toBe(shown.baseString);
    expect(doc.baseString).toContain('oauth_token%3Dtok-request-1234');
    expect(doc.baseString).toContain('oauth_verifier%3Dpin-5678-verif');
    expect(doc.baseString).not.toContain('…');
    // Elsewhere tokens stay masked (a header or curl line is a replayable request; a base string is not).
    expect(doc.authorization).not.toContain('tok-request-1234');
    for (const secret of ['cs/secret+9a', 'ts/secret+7b', 'cs%2Fsecret%2B9a', 'ts%2Fsecret%2B7b']) expect(masked.stdout).not.toContain(secret);
    const text = await runInProcess(ARGS);
    expect(text.stdout).toContain(`\n  ${shown.baseString}\n`);
  });

  it('the redactor keeps only the token values of a marked base string; a key inside one is still masked', () => {
    const redactor = new Redactor().add('tok-request-1234').add('cs-secret-xyz');
    const base = 'GET&https%3A%2F%2Fa.example%2F&oauth_token%3Dtok-request-1234%26x%3Dcs-secret-xyz';
    expect(redactor.redact(`header tok-request-1234 ${verbatimBaseString(base)} end`)).toBe(`header tok-…(16 chars) GET&https%3A%2F%2Fa.example%2F&oauth_token%3Dtok-request-1234%26x%3Dcs-…(13 chars) end`);
    expect(new Redactor(false).redact(verbatimBaseString(base))).toBe(base);
  });
});
