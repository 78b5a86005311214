// Issue 15 items 12 and 13: --help examples for sign, serve and codes; explain and inspect exit statuses explained in both.
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

describe('issue 15: --help', () => {
  it.each([['sign'], ['serve'], ['codes']])('%s --help has examples', async (command) => {
    const r = await runInProcess([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n {2}oauth-doctor ${command}`));
  });

  it.each([['explain'], ['inspect']])('%s --help says why explain and inspect exit differently', async (command) => {
    const r = await runInProcess([command, '--help']);
    expect(r.stdout).toContain('Why explain and inspect differ');
    expect(r.stdout).toContain('as for grep or diff');
  });
});
