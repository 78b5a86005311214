// Issue 15 items 13 (cause ranking when oauth-doctor signed and nothing was echoed) and 21 (a wrong
// RSA key at a Jira application link: the echoed base string equals ours, so the key is the cause).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { runCli } from '../helpers/cli.js';

interface Report {
  diagnosis: { problem: { code: string }; causes: { id: string; likelihood: string }[] };
}

describe('issue 15 item 13: oauth-doctor signed the request itself and the server echoed nothing', () => {
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider({ autoApprove: true, consumers: [{ key: 'rank-key', secret: 'the-right-secret' }] });
  });
  afterAll(() => provider.close());

  it('a wrong consumer secret is ranked above a base-string mismatch (its base string is RFC-exact)', async () => {
    const e = provider.endpoints;
    const r = await runCli(['flow', '--request-token-url', e.requestToken, '--authorize-url', e.authorize, '--access-token-url', e.accessToken, '--authorize', 'http', '--json'], { env: { OAUTH_CONSUMER_KEY: 'rank-key', OAUTH_CONSUMER_SECRET: 'a-wrong-secret' } });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.diagnosis.problem.code).toBe('signature_invalid');
    const ids = report.diagnosis.causes.map((c) => c.id);
    expect(ids[0]).toBe('wrong-secret');
    expect(ids.indexOf('wrong-secret')).toBeLessThan(ids.indexOf('signature-base-mismatch'));
  });
});

describe('issue 15 item 21: a wrong RSA key at a Jira application link', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jira-key-'));
  const registered = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicFile = join(dir, 'registered.pub.pem');
  const privateFile = join(dir, 'other.pem');
  writeFileSync(publicFile, registered.publicKey.export({ type: 'spki', format: 'pem' }));
  writeFileSync(privateFile, other.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  let provider: RunningProvider;
  beforeAll(async () => {
    provider = await startProvider({ autoApprove: true, dialect: 'jira', consumers: [{ key: 'jira-app', publicKey: registered.publicKey.export({ type: 'spki', format: 'pem' }).toString() }] });
  });
  afterAll(() => provider.close());

  it('the server echoes a base string identical to ours: the key is certain, the host unlikely', async () => {
    const base = provider.url;
    const r = await runCli(['flow', '--provider', 'jira', '--base-url', base, '--request-token-url', provider.endpoints.requestToken, '--authorize-url', provider.endpoints.authorize, '--access-token-url', provider.endpoints.accessToken, '--consumer-key', 'jira-app', '--private-key', privateFile, '--authorize', 'http', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.diagnosis.problem.code).toBe('signature_invalid');
    expect(report.diagnosis.causes[0]).toMatchObject({ id: 'wrong-secret', likelihood: 'certain' });
    const host = report.diagnosis.causes.find((c) => c.id === 'host-mismatch');
    if (host) expect(host.likelihood).toBe('unlikely');
  });
});
