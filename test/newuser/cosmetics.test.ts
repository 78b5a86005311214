// cli5 item 4: `request --timeout` was shown as "<ms>" though it takes 15s or 500ms too; a profile with a
// syntax error was "(line 4, column 3: …)", not FILE:LINE:COLUMN as editors and terminals take it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';

describe('request --timeout takes a duration', () => {
  let silent: Server;
  let port = 0;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // Accepts the connection and never answers.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('--timeout 500ms gives up after about half a second, not 500 s or 500 ms read as seconds', async () => {
    const started = Date.now();
    const r = await runBin(['request', '--timeout', '500ms', '--consumer-key', 'ck', `http://127.0.0.1:${port}/api`], { env: { OAUTH_CONSUMER_SECRET: 'cs-123456' }, timeoutMs: 15_000 });
    const took = Date.now() - started;
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/no complete answer from 127\.0\.0\.1:\d+ within 500 ms/);
    expect(took).toBeLessThan(10_000);
  });

  it('a value that is no duration is one line naming the units, exit 2', async () => {
    const r = await runBin(['request', '--timeout', '15q', '--consumer-key', 'ck', `http://127.0.0.1:${port}/api`], { env: { OAUTH_CONSUMER_SECRET: 'cs-123456' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timeout "15q" is not a duration');
    expect(r.stderr).toContain('a bare number is milliseconds');
  });
});

describe('a profile with a syntax error: FILE:LINE:COLUMN and what was expected, never its text', () => {
  const SECRET = 'zzSecretValue0123456789';
  it.each([
    ['an OAuth 1.0a profile', `{\n  "requestTokenUrl": "https://a.example/rt",\n  "consumerSecret": "${SECRET}"\n  "authorizeUrl": "https://a.example/au"\n}\n`, [] as string[], '4:3'],
    ['an OAuth 2.0 profile (flow --client-id)', `{"protocol": "oauth2", "issuer": "https://as.example", "clientSecret": ${SECRET}}`, ['--client-id', 'cli-1'], '1:72'],
  ])('%s', async (_name, content, extra, place) => {
    const dir = mkdtempSync(join(tmpdir(), 'od-profile-'));
    writeFileSync(join(dir, 'acme.json'), content, { mode: 0o600 });
    const r = await runBin(['flow', '--provider', 'acme.json', ...extra], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`acme\\.json:${place}: expected \\S`));
    for (let i = 0; i + 5 <= SECRET.length; i++) expect(r.stderr).not.toContain(SECRET.slice(i, i + 5));
  });
});
