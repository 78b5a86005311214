import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/oauth2/', import.meta.url));

interface Doc {
  problem: { code: string; source: string; confidence: string; known: boolean; parameters: Record<string, string>; oauth2Signals: string[] };
  causes: { id: string; likelihood: string; evidence: string[] }[];
  notes: string[];
}

describe('oauth-doctor explain on OAuth 2.0 answers (built CLI)', () => {
  it('names a pasted OAuth 2.0 token-endpoint error for what it is, in text; exit 0', async () => {
    const r = await runCli(['explain', '{"error":"invalid_grant","error_description":"Invalid authorization code"}']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Problem: oauth2:invalid_grant — OAuth 2\.0: invalid grant/);
    expect(r.stdout).toMatch(/found in a JSON body, confidence: exact/);
    expect(r.stdout).toMatch(/flow and inspect rank its causes from what they saw/);
    expect(r.stdout).toMatch(/oauth2-endpoint/);
    expect(r.stdout).not.toMatch(/does not know/);
  });

  it('--json: a Bearer challenge from stdin, with the signs, the causes and one document', async () => {
    const input = 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="api", error="invalid_token", OAuth realm="https://api.example.com/"\r\n\r\n';
    const r = await runCli(['explain', '-', '--json'], { input });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.problem).toMatchObject({ code: 'oauth2:invalid_token', source: 'www-authenticate', confidence: 'exact', known: true, oauth2Signals: ['bearer-challenge'] });
    const endpoint = doc.causes.find((c) => c.id === 'oauth2-endpoint');
    expect(endpoint?.likelihood).toBe('possible');
    expect(endpoint?.evidence.join(' ')).toMatch(/Bearer/);
  });

  it('--lang ja: a fixture file with an oauthlib OAuth 1 answer stays OAuth 1; an OAuth 2.0 redirect is said in Japanese', async () => {
    const oauth1 = await runCli(['explain', `${FIXTURES}oauthlib-oauth1-invalid-client.http`, '--lang', 'ja', '--json']);
    expect(oauth1.code).toBe(0);
    expect((JSON.parse(oauth1.stdout) as Doc).problem).toMatchObject({ code: 'consumer_key_unknown', oauth2Signals: [] });

    const redirect = await runCli(['explain', 'https://app.example.com/cb?error=access_denied&state=af0ifjsldkj', '--lang', 'ja']);
    expect(redirect.code).toBe(0);
    expect(redirect.stdout).toMatch(/問題: oauth2:access_denied — OAuth 2\.0: アクセス拒否/);
    expect(redirect.stdout).toMatch(/OAuth 1\.0a ではなく OAuth 2\.0 と判断しました/);
  });

  it('a code sent in enum spelling (INVALID_CLIENT) is not read again as words: the description\'s subject ranks', async () => {
    // Spotify's authorization page answers so for an unregistered redirect URI: the code is invalid_client, the cause the redirect.
    const r = await runCli(['explain', 'INVALID_CLIENT: Invalid redirect URI', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const causes = (JSON.parse(r.stdout) as { causes: { id: string; likelihood: string; evidence: string[] }[] }).causes;
    expect(causes.slice(0, 2).map((c) => c.id)).toContain('redirect-mismatch');
    expect(causes.flatMap((c) => c.evidence).join(' ')).not.toContain('"INVALID_CLIENT"');
  });
});
