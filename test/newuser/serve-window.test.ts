// Issue 15 item 9: a `serve` in another window, and the flow command it prints.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { startCli } from '../flow/spawn-cli.js';

function sh(commandLine: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', commandLine], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('issue 15 item 9: serve prints a flow command, and flow --provider local --base-url uses that serve', () => {
  it('the printed command, pasted into a shell, completes against the running serve (which sees the requests)', async () => {
    const serve = startCli(['serve', '--auto-approve']);
    try {
      const [, command] = await serve.waitFor(/^ {4}(OAUTH_CONSUMER_SECRET=\S+ oauth-doctor flow .*)$/m);
      expect(command).toMatch(/--provider local --base-url http:\/\/127\.0\.0\.1:\d+ --consumer-key \S+ --authorize http$/);
      const result = await sh((command ?? '').replace('oauth-doctor', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`));
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('the oauth-doctor serve at http://127.0.0.1:');
      await serve.waitFor(/POST \/oauth\/access_token → 200/);
    } finally {
      serve.child.kill('SIGINT');
      await serve.exited;
    }
  });

  it('--json carries the same command in "flow"', async () => {
    const serve = startCli(['serve', '--json']);
    try {
      const [line] = await serve.waitFor(/^\{.*\}$/m);
      const doc = JSON.parse(line) as { flow: string; url: string };
      expect(doc.flow).toContain(`--provider local --base-url ${doc.url}`);
      expect(doc.flow).not.toContain('--authorize http');
    } finally {
      serve.child.kill('SIGINT');
      await serve.exited;
    }
  });

  it('without the consumer, flow says to pass what serve printed instead of starting a provider of its own', async () => {
    const result = await sh(`${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} flow --provider local --base-url http://127.0.0.1:9 --authorize http`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pass the consumer key and secret that serve printed');
  });
});
