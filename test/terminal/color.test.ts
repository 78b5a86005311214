import { describe, expect, it } from 'vitest';
import { colorEnabled, palette, PLAIN } from '../../src/terminal/color.js';

describe('colour is decided once (STYLE habit 8)', () => {
  it.each([
    { tty: true, env: {}, expected: true, why: 'a plain terminal' },
    { tty: false, env: {}, expected: false, why: 'a pipe or a file' },
    { tty: true, env: { NO_COLOR: '1' }, expected: false, why: 'NO_COLOR set' },
    { tty: true, env: { NO_COLOR: '' }, expected: true, why: 'NO_COLOR empty does not count' },
    { tty: true, env: { TERM: 'dumb' }, expected: false, why: 'TERM=dumb' },
    { tty: false, env: { FORCE_COLOR: '1' }, expected: true, why: 'FORCE_COLOR wins over a pipe' },
    { tty: true, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, expected: true, why: 'FORCE_COLOR wins over NO_COLOR' },
    { tty: true, env: { FORCE_COLOR: '0' }, expected: false, why: 'FORCE_COLOR=0 turns it off' },
    { tty: true, env: { FORCE_COLOR: 'false' }, expected: false, why: 'FORCE_COLOR=false turns it off' },
  ])('$why → $expected', ({ tty, env, expected }) => {
    expect(colorEnabled(tty, env)).toBe(expected);
  });

  it('a disabled palette leaves text untouched; an enabled one adds SGR codes', async () => {
    expect((await palette(false)).red('x')).toBe('x');
    expect(await palette(false)).toBe(PLAIN);
    const coloured = await palette(true);
    expect(coloured.red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(coloured.bold('x')).toBe('\u001b[1mx\u001b[22m');
  });
});
