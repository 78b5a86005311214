// serve --oauth2's text listing names the fault switches in effect (issue 18:
// --require-par was missing from it, as were the others), and serve's
// duration flags take days (`30d`): a refresh token may live 366 d, past the
// 24 d a timer can wait, so a lifetime is judged by its own bounds. The built
// CLI; the flow against a --require-par provider goes through PAR.
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startCli } from '../flow/spawn-cli.js';
import { runBin } from '../helpers/cli.js';
import { serveOAuth2 } from './serve-process.js';

const ledger = join(mkdtempSync(join(tmpdir(), 'op2-listing-')), 'ledger.json');

describe('serve --oauth2: the text listing', () => {
  it('says PAR is required (PAR and authorization rows) and lists the switches in effect as their flags', async () => {
    const serve = startCli(['serve', '--oauth2', '--auto-approve', '--require-par', '--require-pkce', '--refresh-token-ttl', '30d', '--code-ttl', '90s', '--clock-skew', '-10m', '--no-rotate-refresh']);
    try {
      await serve.waitFor(/in another window:/);
      const out = serve.stdout();
      expect(out).toMatch(/^ {2}PAR {19}http:\/\/127\.0\.0\.1:\d+\/\S+ {2}\(required, RFC 9126 §5: --require-par\)$/m);
      expect(out).toMatch(/^ {2}authorization .*\(auto-approve; only a pushed request_uri: --require-par; PKCE required\)$/m);
      expect(out).toMatch(/^ {2}fault switches {8}--require-par --require-pkce --no-rotate-refresh --code-ttl 90s --refresh-token-ttl 30d --clock-skew -10m {2}\(live at POST \/admin\/settings\)$/m);
    } finally {
      serve.child.kill('SIGINT');
      await serve.exited;
    }
  }, 40_000);

  it('the defaults: no switches line, no PAR note', async () => {
    const serve = startCli(['serve', '--oauth2']);
    try {
      await serve.waitFor(/in another window:/);
      expect(serve.stdout()).not.toContain('fault switches');
      expect(serve.stdout()).not.toContain('--require-par');
      expect(serve.stdout()).toMatch(/^ {2}authorization .*\(login and consent page\)$/m);
    } finally {
      serve.child.kill('SIGINT');
      await serve.exited;
    }
  }, 40_000);

  it('a flow against --require-par goes through PAR (discovered) and completes', async () => {
    const serve = await serveOAuth2(['--auto-approve', '--require-par']);
    try {
      const line = serve.line as unknown as { flow: string; clients: { secret: string }[] };
      const result = await runBin(['flow', '--issuer', serve.line.issuer, '--client-id', serve.line.clients[0]?.clientId ?? '', '--authorize', 'http', '--json'], { env: { OAUTH2_CLIENT_SECRET: line.clients[0]?.secret, OAUTH_DOCTOR_LEDGER: ledger } });
      expect(result.code, result.stderr).toBe(0);
      expect((JSON.parse(result.stdout) as { steps: { name: string }[] }).steps.map((s) => s.name)).toContain('par');
    } finally {
      await serve.stop();
    }
  }, 60_000);
});

describe('serve duration flags take days', () => {
  it('--refresh-token-ttl 30d, --access-token-ttl 1.5d: applied in seconds (the --json settings)', async () => {
    const serve = await serveOAuth2(['--refresh-token-ttl', '30d', '--access-token-ttl', '1.5d']);
    try {
      expect((serve.line as unknown as { settings: Record<string, unknown> }).settings).toMatchObject({ refreshTokenTtlSec: 30 * 86_400, accessTokenTtlSec: 36 * 3600 });
    } finally {
      await serve.stop();
    }
  }, 30_000);

  it.concurrent.each([
    [['--oauth2', '--refresh-token-ttl', '367d'], '--refresh-token-ttl "367d" is out of range: 1 s to 366 d'],
    [['--oauth2', '--code-ttl', '2d'], '--code-ttl "2d" is out of range: 1 s to 1 d'],
    [['--oauth2', '--refresh-token-ttl', '2w'], '--refresh-token-ttl "2w" is not a duration'],
    [['--access-token-ttl', '400d'], '--access-token-ttl "400d" is too long (at most 366 days)'],
    [['--slow', '30d'], '--slow "30d" is too long (at most about 24 days)'],
  ] as const)('%j is one line, exit 2', async (args, message) => {
    const result = await runBin(['serve', '--json', ...args], { timeoutMs: 15_000 });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
  }, 30_000);

  it('serve (OAuth 1.0a) --access-token-ttl 30d and --token-retention 60d start', async () => {
    const serve = startCli(['serve', '--json', '--access-token-ttl', '30d', '--token-retention', '60d']);
    try {
      const [line] = await serve.waitFor(/^\{.*\}$/m);
      expect(JSON.parse(line) as { url: string }).toHaveProperty('url');
    } finally {
      serve.child.kill('SIGINT');
      await serve.exited;
    }
  }, 30_000);
});
