import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

interface Doc {
  problem: { code: string; providerCode: string | null; confidence: string };
  causes: { id: string }[];
}

async function explain(input: string): Promise<Doc> {
  const r = await runInProcess(['explain', '--json', '-'], { input });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

/** A provider's own code printed bare by a library names the provider, as AADSTS codes do (issue 12); in an error member it stays OAuth 2.0's. */
describe('explain: codes that name their provider, written bare', () => {
  it.each([
    ['an Elixir struct', '%Ueberauth.Failure.Error{key: "bad_verification_code", message: "The code passed is incorrect or expired."}', 'github:bad_verification_code', ['reuse', 'expiry']],
    ['a log line', 'GitHub OAuth failed: bad_verification_code', 'github:bad_verification_code', ['reuse', 'expiry']],
    ['an exception message', 'OAuthError: incorrect_client_credentials', 'github:incorrect_client_credentials', ['client-authentication']],
  ])('%s', async (_shape, input, code, causes) => {
    const doc = await explain(input);
    expect(doc.problem).toMatchObject({ code: code.replace('github:', 'oauth2:'), providerCode: code });
    for (const cause of causes) expect(doc.causes.slice(0, 2).map((c) => c.id)).toContain(cause);
  });

  it('as the error member of a JSON answer or a form, the OAuth 2.0 reading stays exact', async () => {
    for (const body of ['{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired."}', 'error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.']) {
      const doc = await explain(body);
      expect(doc.problem).toMatchObject({ code: 'oauth2:bad_verification_code', providerCode: 'github:bad_verification_code', confidence: 'exact' });
    }
  });

  it('a word that merely contains the code is not it', async () => {
    const r = await runInProcess(['explain', '--json', '-'], { input: 'see xbad_verification_codex in the notes' });
    expect(r.stdout).not.toContain('github:bad_verification_code');
  });
});
