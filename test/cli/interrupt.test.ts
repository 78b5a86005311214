/**
 * Ctrl-C for a command that observes no interrupt (explain waiting on stdin):
 * the process dies by SIGINT, as a shell expects (status 130), saying nothing.
 * Commands that clean up (flow, serve) install handlers when they ask for
 * their signal; their Ctrl-C tests live with them (test/flow, test/serve).
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

describe('Ctrl-C', () => {
  it('explain waiting on stdin dies by SIGINT, with nothing on stderr', async () => {
    const child = spawn(process.execPath, [BIN, 'explain', '-'], { env: { PATH: process.env['PATH'] ?? '', LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // Wait until the CLI is running (it has written nothing and is reading stdin), then interrupt.
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect([code, signal, stderr]).toEqual([null, 'SIGINT', '']);
  });
});
