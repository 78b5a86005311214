// cli5 item 5: `curl -si … | oauth-doctor explain` (no `-`) said "nothing to explain": with no input named and
// stdin not a terminal, explain reads stdin, as most CLIs do. An empty file (or empty stdin) said "nothing in the
// input was recognised" (exit 1): it is one line saying it was empty, exit 2 (bad input, the README's table).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, runBin, type CliResult } from '../helpers/cli.js';

/** `printf %s TEXT | oauth-doctor ARGS` through sh: stdin is a real pipe (a FIFO), as at a terminal. */
function throughShellPipe(text: string, args: readonly string[]): Promise<CliResult> {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const line = `printf %s ${quote(text)} | ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', line], { env: { PATH: process.env['PATH'] ?? '', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const REFUSAL = 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: OAuth oauth_problem="token_rejected"\r\nContent-Length: 0\r\n\r\n';

describe('explain reads a piped stdin without "-"', () => {
  it('no input named, stdin a pipe: the piped response is explained (text and --json)', async () => {
    const r = await runBin(['explain'], { input: REFUSAL });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Problem: token_rejected');
    const json = await runBin(['explain', '--json'], { input: 'oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1700000000-1700000600' });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ problem: { code: 'timestamp_refused' } });
  });

  it('a bare body piped by the shell with --status is read too', async () => {
    const r = await throughShellPipe('oauth_problem=token_expired', ['explain', '--status', '401']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Problem: token_expired');
  });

  it('--status alone under a parent that holds stdin open (a socket, never ended) answers, it does not wait', async () => {
    const child = spawn(process.execPath, [BIN, 'explain', '--status', '401'], { env: { PATH: process.env['PATH'] ?? '', LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (c, s) => done([c, s])));
    clearTimeout(timer);
    child.stdin.destroy();
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(stdout).toContain('http:401');
  });

  it('an empty stdin is one line, exit 2', async () => {
    const r = await runBin(['explain'], { input: '' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^oauth-doctor: nothing to explain: stdin was empty/)]);
    const dash = await runBin(['explain', '-'], { input: ' \n\r\n' });
    expect(dash.code).toBe(2);
    expect(dash.stderr).toMatch(/stdin was empty/);
  });

  it('--help says a piped stdin is read when no input is named', async () => {
    const r = await runBin(['explain', '--help']);
    expect(r.stdout).toMatch(/stdin is read when no input is named and it is not a terminal/);
  });
});

describe('explain of an empty file', () => {
  it.each([['empty.txt', ''], ['blank.txt', '\n \r\n\t\n']])('%s: says it is empty, one line, exit 2', async (name, content) => {
    const dir = mkdtempSync(join(tmpdir(), 'od-explain-'));
    writeFileSync(join(dir, name), content);
    const r = await runBin(['explain', name], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${name} is empty`);
    expect(r.stderr).not.toContain('nothing in the input was recognised');
    const json = await runBin(['explain', name, '--json'], { cwd: dir });
    expect(json.code).toBe(2);
  });
});
