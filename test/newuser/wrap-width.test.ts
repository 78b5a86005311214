// Issue 15 item 7: text is wrapped to the terminal's width (80 when unknown), not at all for
// pipes and files; --json untouched; codes lines fit the terminal.
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Environment } from '../../src/cli/environment.js';
import { displayWidth } from '../../src/terminal/wrap.js';
import { wrapWidth } from '../../src/terminal/width.js';

async function run(argv: string[], tty: { isTTY: boolean; columns?: number; env?: Record<string, string> }): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const env: Environment = {
    stdin: Readable.from([]),
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: () => true },
    stdinIsTTY: false,
    stdoutIsTTY: tty.isTTY,
    stderrIsTTY: false,
    stdoutColumns: tty.columns,
    env: { LANG: 'C', NO_COLOR: '1', ...tty.env },
    cwd: process.cwd(),
    now: () => Date.UTC(2026, 10, 22, 9),
    nonce: () => 'n',
    signal: new AbortController().signal,
  };
  const code = await main(argv, env);
  return { code, stdout };
}

const widest = (text: string) => Math.max(...text.split('\n').map((l) => displayWidth(l)));

describe('issue 15 item 7: wrapping follows the terminal', () => {
  it('the width is decided once: the terminal’s columns, COLUMNS, 80 when unknown; none for a pipe', () => {
    expect(wrapWidth(true, 132, {})).toBe(132);
    expect(wrapWidth(true, undefined, { COLUMNS: '90' })).toBe(90);
    expect(wrapWidth(true, undefined, {})).toBe(80);
    expect(wrapWidth(false, 132, {})).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([[60], [80], [120]])('explain on a %i-column terminal: no line is wider', async (columns) => {
    const r = await run(['explain', 'signature_invalid'], { isTTY: true, columns });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
  });

  it('an unknown terminal width is 80', async () => {
    const r = await run(['explain', 'token_rejected'], { isTTY: true });
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(widest(r.stdout)).toBeGreaterThan(60);
  });

  it('a pipe or a file gets each paragraph on one line', async () => {
    const r = await run(['explain', 'signature_invalid'], { isTTY: false, columns: 80 });
    expect(widest(r.stdout)).toBeGreaterThan(100);
  });

  it('codes fits an 80-column terminal (it printed lines of 236 characters); piped it keeps one line a row', async () => {
    const tty = await run(['codes'], { isTTY: true, columns: 80 });
    expect(widest(tty.stdout)).toBeLessThanOrEqual(80);
    const piped = await run(['codes'], { isTTY: false });
    expect(widest(piped.stdout)).toBeGreaterThan(100);
    expect(piped.stdout.split('\n').length).toBeLessThan(tty.stdout.split('\n').length);
  });

  it('--json is untouched by the terminal width', async () => {
    const narrow = await run(['explain', 'signature_invalid', '--json'], { isTTY: true, columns: 40 });
    const piped = await run(['explain', 'signature_invalid', '--json'], { isTTY: false });
    expect(narrow.stdout).toBe(piped.stdout);
  });
});
