/**
 * Colour is decided per stream from what it really is (src/cli/stdio.ts
 * isTerminal): a pseudo-terminal gets our palette, a file beside it none.
 * `script` (util-linux, in every Debian) runs the CLI on a pty.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'od-tty-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function onTerminal(command: string, env: Record<string, string> = {}): string {
  const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', LANG: 'C', TERM: 'xterm', HOME: work, ...env } });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('colour on a terminal', () => {
  const explain = `'${process.execPath}' '${BIN}' explain token_used`;

  it('a terminal gets the palette (bold and dim)', () => {
    const shown = onTerminal(explain);
    expect(shown).toContain('\u001b[1mProblem: token_used\u001b[22m');
    expect(shown).toContain('\u001b[2m');
  });

  it('NO_COLOR turns it off; a file beside the terminal gets none', () => {
    expect(onTerminal(explain, { NO_COLOR: '1' })).not.toContain('\u001b[');
    const file = join(work, 'out.txt');
    onTerminal(`${explain} > '${file}'`);
    const written = readFileSync(file, 'utf8');
    expect(written).toContain('Problem: token_used');
    expect(written).not.toContain('\u001b[');
  });

  it('stderr on the terminal is coloured when stdout goes to a pipe (decided when first narrating)', () => {
    const sign = `'${process.execPath}' '${BIN}' sign --url https://api.example.com/x --consumer-key k --consumer-secret consumer-secret-0123 --token tok-0123456789 --token-secret ts-0123456789`;
    const shown = onTerminal(`${sign} | cat > /dev/null`);
    expect(shown).toContain('\u001b[2m(secrets are masked');
    expect(onTerminal(`${sign} 2>&1 | cat`)).not.toContain('\u001b[');
  });
});
