import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/oauth/sign-request.js';
import { BIN, runCli } from '../helpers/cli.js';
import { DEFAULTS } from '../../src/provider/options.js';
import { MIN_RETENTION_MS, RETENTION_TTL_FACTOR } from '../../src/provider/retention.js';

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly firstLine: string;
  stdout(): string;
  stderr(): string;
  exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ChildProcessWithoutNullStreams[] = [];

/** Polls until the condition holds (output arrives when it arrives; no timing is asserted). */
async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

/** Starts the built CLI's `serve` and resolves once it printed its first stdout line. */
function serve(args: readonly string[], untilStdout = /\n/): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C' } });
  running.push(child);
  let out = '';
  let err = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (untilStdout.test(out)) resolve({ child, firstLine: out.split('\n')[0] ?? '', stdout: () => out, stderr: () => err, exit: () => exited });
    });
    void exited.then(({ code }) => reject(new Error(`serve exited ${code} before printing: ${err}`)));
  });
}

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

beforeAll(async () => {
  // The end-to-end tests run the built CLI.
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, ['scripts/build.mjs']);
});

describe('oauth-doctor serve', () => {
  it('--help states the retention rule and the caps the provider uses (built from its constants)', async () => {
    const help = await runCli(['serve', '--help']);
    expect(help.code).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(`for at least max(${MIN_RETENTION_MS / 3_600_000}h, ${RETENTION_TTL_FACTOR} × its lifetime) after it stopped being usable`);
    expect(text).toContain(`(default: max(1h, 6 × lifetime))`);
    expect(text).toContain('At most 10,000 request tokens and 10,000 access tokens are kept');
    expect(DEFAULTS.maxRequestTokens).toBe(10_000);
  });

  it('--json prints one line with url and consumers; a signed request works; SIGTERM stops it with exit 130 (interrupted, the README table)', async () => {
    const served = await serve(['--json']);
    const start = JSON.parse(served.firstLine) as { url: string; consumers: { key: string; secret: string; generated: boolean }[] };
    expect(start.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const [consumer] = start.consumers;
    expect(consumer?.generated).toBe(true);
    const signed = signRequest({
      method: 'POST',
      url: `${start.url}/oauth/request_token`,
      client: { consumerKey: consumer?.key ?? '', consumerSecret: consumer?.secret ?? '' },
      signatureMethod: 'HMAC-SHA1',
      timestamp: String(Math.floor(Date.now() / 1000)),
      nonce: 'serve-test-nonce',
      callback: 'oob',
    });
    const response = await fetch(signed.url, { method: 'POST', headers: { authorization: signed.authorization } });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(new URLSearchParams(await response.text()).get('oauth_callback_confirmed')).toBe('true');
    served.child.kill('SIGTERM');
    expect(await served.exit()).toEqual({ code: 130, signal: null });
    expect(served.stdout().trim().split('\n')).toHaveLength(1);
  });

  it('prints the endpoints, the generated consumer in full (saying so), and masks a --consumer secret', async () => {
    const served = await serve(['--consumer', 'mine:my-own-secret-value', '--dialect', 'x'], /consumer secret.*\n/);
    const text = served.stdout();
    expect(text).toContain('/oauth/request_token');
    expect(text).toContain('/oauth/authorize');
    expect(text).toContain('/oauth/access_token');
    expect(text).toContain('dialect x');
    expect(text).toContain('consumer key     mine');
    expect(text).not.toContain('my-own-secret-value');
    expect(text).toContain('my-o…(19 chars)');
    served.child.kill('SIGINT');
    // Ctrl-C: the provider closes, says so, and exits 130 as every interrupted command does (README, Exit codes).
    expect(await served.exit()).toEqual({ code: 130, signal: null });
    expect(served.stderr()).toContain('stopped.');

    const demo = await serve([], /consumer secret.*\n/);
    const secret = /consumer secret {2}(\S+) {2}\(generated/.exec(demo.stdout())?.[1];
    expect(secret).toMatch(/^[\w-]{24}$/);
    demo.child.kill('SIGTERM');
  });

  it('narrates each request on stderr with its status and problem', async () => {
    const served = await serve([], /consumer secret.*\n/);
    const url = /listening on (\S+)/.exec(served.stdout())?.[1] ?? '';
    await fetch(`${url}/oauth/request_token`, { method: 'POST' });
    await waitFor(() => served.stderr().includes('POST /oauth/request_token →'), 'the narration');
    expect(served.stderr()).toContain('POST /oauth/request_token → 400 parameter_absent');
    served.child.kill('SIGTERM');
  });

  it('--json masks a --consumer secret and says so; --show-secrets prints it', async () => {
    const masked = await serve(['--json', '--consumer', 'mine:my-own-secret-value']);
    expect(masked.firstLine).not.toContain('my-own-secret-value');
    expect(JSON.parse(masked.firstLine)).toMatchObject({ consumers: [{ key: 'mine', secret: 'my-o…(19 chars)', secretMasked: true, generated: false }] });
    masked.child.kill('SIGTERM');
    const shown = await serve(['--json', '--show-secrets', '--consumer', 'mine:my-own-secret-value']);
    expect(JSON.parse(shown.firstLine)).toMatchObject({ consumers: [{ key: 'mine', secret: 'my-own-secret-value', secretMasked: false }] });
    shown.child.kill('SIGTERM');
  });

  it('--state writes a 0600 file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'serve-state-')), 'state.json');
    const served = await serve(['--json', '--state', file]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    served.child.kill('SIGTERM');
    await served.exit();
  });

  it('--rsa-consumer registers an RSA-SHA1 consumer from a PEM public key file', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { writeFileSync } = await import('node:fs');
    const file = join(mkdtempSync(join(tmpdir(), 'serve-rsa-')), 'public.pem');
    writeFileSync(file, generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
    const served = await serve(['--json', '--rsa-consumer', `rsa-app:${file}`]);
    const start = JSON.parse(served.firstLine) as { consumers: { key: string; rsa: boolean }[] };
    expect(start.consumers).toEqual([expect.objectContaining({ key: 'rsa-app', rsa: true })]);
    served.child.kill('SIGTERM');
  });

  it('refuses a non-loopback --host without --allow-remote (exit 2)', async () => {
    const result = await runCli(['serve', '--host', '0.0.0.0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--host 0.0.0.0 is not a loopback address');
    expect(result.stderr).toContain('--allow-remote');
  });

  it('with --allow-remote it warns and serves', async () => {
    const served = await serve(['--host', '0.0.0.0', '--allow-remote', '--json']);
    expect(served.stderr()).toContain('warning: listening on 0.0.0.0');
    served.child.kill('SIGTERM');
  });

  it.each([
    [['--dialect', 'klingon'], '--dialect "klingon" is not known'],
    [['--request-token-ttl', 'soon'], '--request-token-ttl "soon" is not a duration'],
    [['--port', '99999'], '--port "99999" must be a whole number'],
    [['--consumer', 'no-colon'], 'is not KEY:SECRET'],
    [['--throttle', 'ghost'], 'ghost is not a registered consumer'],
    [['--outage', '418'], '--outage "418" must be 500, 502 or 503'],
    [['--authorize-limit', 'lots'], '--authorize-limit "lots" is not N/DURATION'],
    [['--rsa-consumer', 'rsa:/nonexistent.pem'], 'cannot read the file (ENOENT)'],
  ])('a bad flag %j is one line and exit 2', async (args, message) => {
    const result = await runCli(['serve', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
