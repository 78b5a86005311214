import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface BearerReport {
  ok: boolean;
  request: { headers: Record<string, string> };
  challenge: { error?: string; scope?: string } | null;
  diagnosis: { problem: { code: string }; causes: { id: string; likelihood: string }[] } | null;
}

async function tokenFor(s: TestServer, scope: string, dir: string): Promise<void> {
  const env = { OAUTH2_CLIENT_SECRET: s.clientSecret, OAUTH_DOCTOR_LEDGER: 'off' };
  const { code, stderr } = await runInProcess(['flow', '--issuer', s.issuer, '--client-id', s.clientId, '--grant', 'client-credentials', '--scope', scope, '--save', 'run.json', '--show-secrets'], { cwd: dir, env });
  expect(code, stderr).toBe(0);
}

describe('request --bearer (RFC 6750)', () => {
  it('sends the token of a saved flow in the Authorization header; the body goes to stdout; the token is masked', async () => {
    server = await startTestServer();
    const dir = mkdtempSync(join(tmpdir(), 'od-bearer-'));
    await tokenFor(server, 'openid api', dir);
    const { code, stdout, stderr } = await runInProcess(['request', '--bearer', '@run.json', `${server.issuer}/userinfo`], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ sub: 'alice', name: 'Alice' });
    expect(stderr).toMatch(/authorization: Bearer \S+…/);
    const sent = server.log.at(-1)?.authorization ?? '';
    expect(sent).toMatch(/^Bearer [\w-]+$/);
    expect(stderr).not.toContain(sent.slice(7));
  });

  it('invalid_token in WWW-Authenticate is read and diagnosed', async () => {
    server = await startTestServer();
    const { code, stdout } = await runInProcess(['request', '--bearer', 'not-a-live-token', `${server.issuer}/userinfo`, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as BearerReport;
    expect(report.challenge?.error).toBe('invalid_token');
    expect(report.diagnosis?.problem.code).toBe('oauth2:invalid_token');
    expect(report.request.headers['authorization']).not.toContain('not-a-live-token');
  });

  it('insufficient_scope names the scope the server wants', async () => {
    server = await startTestServer();
    const dir = mkdtempSync(join(tmpdir(), 'od-bearer-'));
    await tokenFor(server, 'api', dir);
    const { code, stdout } = await runInProcess(['request', '--bearer', '@run.json', `${server.issuer}/userinfo`, '--json'], { cwd: dir });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as BearerReport;
    expect(report.challenge?.scope).toBe('openid');
    expect(report.diagnosis?.problem.code).toBe('oauth2:insufficient_scope');
    expect(report.diagnosis?.causes[0]?.id).toBe('insufficient-scope');
  });

  it('-env reads OAUTH2_ACCESS_TOKEN; a masked session and an OAuth 1.0a flag beside it are usage errors', async () => {
    server = await startTestServer();
    const env = await runInProcess(['request', '--bearer', '-env', `${server.issuer}/userinfo`], { env: { OAUTH2_ACCESS_TOKEN: 'env-token-1' } });
    expect(env.code).toBe(1);
    expect(server.log.at(-1)?.authorization).toBe('Bearer env-token-1');
    const dir = mkdtempSync(join(tmpdir(), 'od-bearer-'));
    const masked = await runInProcess(['flow', '--issuer', server.issuer, '--client-id', server.clientId, '--grant', 'client-credentials', '--save', 'run.json'], { cwd: dir, env: { OAUTH2_CLIENT_SECRET: server.clientSecret, OAUTH_DOCTOR_LEDGER: 'off' } });
    expect(masked.code).toBe(0);
    expect((await runInProcess(['request', '--bearer', '@run.json', `${server.issuer}/userinfo`], { cwd: dir })).code).toBe(2);
    expect((await runInProcess(['request', '--bearer', 't', '--consumer-key', 'k', `${server.issuer}/userinfo`])).code).toBe(2);
  });
});
