/**
 * How the CLI writes to stdout and stderr (src/cli/stdio.ts): fs.writeSync on
 * the descriptor, a reader that went away, a descriptor the parent left
 * non-blocking, and which descriptors count as a terminal.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isTerminal } from '../../src/cli/stdio.js';
import { BIN, runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'od-stdio-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// HOME points away from the user's shell start-up files.
const ENV = { PATH: process.env['PATH'] ?? '', LANG: 'C', HOME: work };

describe('isTerminal', () => {
  it('/dev/null, a file and a closed descriptor are not terminals', () => {
    const devNull = openSync('/dev/null', 'w');
    const file = openSync(join(work, 'out.txt'), 'w');
    try {
      expect(isTerminal(devNull)).toBe(false);
      expect(isTerminal(file)).toBe(false);
    } finally {
      closeSync(devNull);
      closeSync(file);
    }
    expect(isTerminal(file)).toBe(false);
  });
});

describe('writing stdout', () => {
  it('a reader that has gone away (… | true) ends the output quietly, with the exit code of the command', () => {
    // The CLI starts writing half a second after `true` has exited, so every write meets EPIPE.
    const script = `{ sleep 0.5; exec '${process.execPath}' '${BIN}' codes; } | true; echo "status=\${PIPESTATUS[0]}"`;
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: ENV });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('status=0');
  });

  it('a non-blocking pipe the reader drains late (EAGAIN) still receives every byte, in order', async () => {
    const expected = (await runCli(['codes', '--json', '--lang', 'ja'])).stdout;
    expect(Buffer.byteLength(expected)).toBeGreaterThan(65_536); // more than a pipe holds, so writing must wait
    // Python makes the pipe non-blocking before the CLI inherits it, and reads only after a pause.
    const python = `
import os, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
child = subprocess.Popen([sys.argv[1], sys.argv[2], 'codes', '--json', '--lang', 'ja'], stdout=w, env={'PATH': os.environ['PATH'], 'LANG': 'C'})
os.close(w)
time.sleep(0.5)
chunks = []
while True:
    chunk = os.read(r, 65536)
    if not chunk:
        break
    chunks.append(chunk)
sys.stdout.buffer.write(b''.join(chunks))
sys.exit(child.wait())
`;
    const received = execFileSync('python3', ['-c', python, process.execPath, BIN], { encoding: 'utf8', maxBuffer: 1 << 22 });
    expect(received).toBe(expected);
  });

  it('a full disk (/dev/full) is one line on stderr and exit 2, never a stack trace', () => {
    const run = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' codes > /dev/full`], { encoding: 'utf8', env: ENV });
    expect(run.stderr).toBe('oauth-doctor: cannot write to stdout (ENOSPC) — make room where stdout goes, or send it somewhere else\n');
    expect(run.status).toBe(2);
    // With stderr full too, the exit code is all that is left.
    const both = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' codes > /dev/full 2>&1; echo "status=$?" >&3`], { encoding: 'utf8', env: ENV, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    expect(both.output[3]).toBe('status=2\n');
  });

  it('output sent to a file is complete and has no colour, whatever stderr is', () => {
    const out = join(work, 'codes.txt');
    const run = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' codes > '${out}'; cat '${out}'`], { encoding: 'utf8', env: { ...ENV, TERM: 'xterm' } });
    expect(run.stdout).toContain('token_used');
    expect(run.stdout).not.toContain('\u001b[');
  });
});
