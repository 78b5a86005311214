// What the server requires of the authorization request itself, against what the flow sent: a PKCE code_challenge
// (RFC 7636 §4.4.1, RFC 9700 §2.1.1) and PAR (RFC 9126 §5). Both refusals come back as invalid_request, like any malformed
// request; the flow knows what it sent, and that evidence ranks the cause first. Real `serve --oauth2`, the built CLI.
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { serveOAuth2, type ServeProcess } from '../provider-oauth2/serve-process.js';

const started: ServeProcess[] = [];
afterAll(async () => {
  for (const serve of started.splice(0)) await serve.stop();
});

interface Report {
  ok: boolean;
  diagnosis: { problem: { code: string }; causes: { id: string; likelihood: string; evidence: string[] }[] } | null;
}

async function provider(flags: readonly string[]): Promise<{ issuer: string; clientId: string; secret: string }> {
  const serve = await serveOAuth2(['--auto-approve', '--show-secrets', ...flags]);
  started.push(serve);
  const client = serve.line.clients[0];
  if (client?.secret === undefined) throw new Error('no generated client');
  return { issuer: serve.line.issuer, clientId: client.clientId, secret: client.secret };
}

function flow(p: { issuer: string; clientId: string; secret: string }, extra: readonly string[]) {
  return runBin(['flow', '--issuer', p.issuer, '--client-id', p.clientId, '--scope', 'openid', '--authorize', 'http', ...extra], { env: { OAUTH2_CLIENT_SECRET: p.secret, OAUTH_DOCTOR_LEDGER: 'off' } });
}

describe('serve --oauth2 --require-pkce refusing flow --pkce off', () => {
  it('ranks pkce-required first, certain, from what the flow sent (no code_challenge) and the answer naming PKCE', async () => {
    const p = await provider(['--require-pkce']);
    const result = await flow(p, ['--pkce', 'off', '--json']);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.diagnosis?.problem.code).toBe('oauth2:invalid_request');
    const [first] = report.diagnosis?.causes ?? [];
    expect(first).toMatchObject({ id: 'pkce-required', likelihood: 'certain' });
    expect(first?.evidence.join(' ')).toContain('no code_challenge (PKCE off)');
    // No verifier went, and the words name PKCE: neither a verifier mismatch nor consent is likely.
    const others = new Map((report.diagnosis?.causes ?? []).map((c) => [c.id, c.likelihood]));
    for (const id of ['pkce-verifier-mismatch', 'consent-required']) expect(['unlikely', undefined], id).toContain(others.get(id));
    // The same run in text: the cause and its fix (drop --pkce off) are what a person reads first.
    const text = await flow(p, ['--pkce', 'off']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/Causes, most likely first\n\s+● certain\s+pkce-required — No PKCE code_challenge was sent, and the server requires one/);
    expect(text.stdout).toContain('drop --pkce off');
  });

  it('with PKCE (the default) the same server completes: the cause is not invented', async () => {
    const p = await provider(['--require-pkce']);
    const result = await flow(p, ['--json']);
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('serve --oauth2 --require-par refusing flow --par never', () => {
  it('ranks par-required first, certain, from the metadata (require_pushed_authorization_requests) and the request not pushed', async () => {
    const p = await provider(['--require-par']);
    const result = await flow(p, ['--par', 'never', '--json']);
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.diagnosis?.problem.code).toBe('oauth2:invalid_request');
    const [first] = report.diagnosis?.causes ?? [];
    expect(first).toMatchObject({ id: 'par-required', likelihood: 'certain' });
    expect(first?.evidence.join(' ')).toContain('require_pushed_authorization_requests: true (RFC 9126 §5)');
    // Japanese text of the cause, with its source, as every knowledge row has.
    const ja = await flow(p, ['--par', 'never', '--json', '--lang', 'ja']);
    const jaReport = JSON.parse(ja.stdout) as { diagnosis: { causes: { id: string; title: string; confirm: string }[] } };
    expect(jaReport.diagnosis.causes[0]).toMatchObject({ id: 'par-required', title: '認可リクエストを PAR で送っていないが、サーバは必須としている' });
    expect(jaReport.diagnosis.causes[0]?.confirm).toContain('RFC 9126 §5');
  });

  it('--par never says before the run that the metadata requires PAR; --par auto pushes and completes', async () => {
    const p = await provider(['--require-par']);
    const never = await flow(p, ['--par', 'never']);
    expect(never.stderr).toContain('require_pushed_authorization_requests is true (RFC 9126 §5), and --par never: the request goes straight to the authorization endpoint, and the server will refuse it');
    const auto = await flow(p, []);
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toContain('Pushed authorization request');
  });
});

describe('an OAuth 2.0 flow under GitHub Actions (GITHUB_ACTIONS=true)', () => {
  it('prints one ::error annotation for the diagnosed failure, as the OAuth 1.0a flow does (the same builder)', async () => {
    const p = await provider(['--require-pkce']);
    const result = await runBin(['flow', '--issuer', p.issuer, '--client-id', p.clientId, '--scope', 'openid', '--authorize', 'http', '--pkce', 'off'], { env: { OAUTH2_CLIENT_SECRET: p.secret, OAUTH_DOCTOR_LEDGER: 'off', GITHUB_ACTIONS: 'true' } });
    expect(result.code).toBe(1);
    const annotations = result.stderr.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toEqual([expect.stringMatching(/^::error title=oauth-doctor flow::callback step refused: oauth2:invalid_request — .+\. Most likely: No PKCE code_challenge was sent, and the server requires one$/)]);
    // The provider's text (untrusted) cannot open another workflow command, and no secret is in it.
    expect(result.stderr).not.toContain(p.secret);
    // Without GITHUB_ACTIONS there is none.
    const plain = await flow(p, ['--pkce', 'off']);
    expect(plain.stderr).not.toMatch(/^::/m);
  });
});
