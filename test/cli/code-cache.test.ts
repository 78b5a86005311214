import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A copy of the installed layout (bin/, dist/, package.json) to break things in. */
function installedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'od-cache-'));
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the V8 code cache of the CLI bundle', () => {
  it('the built cache is accepted by this Node', () => {
    const out = execFileSync(process.execPath, ['-e', `const r = require(${JSON.stringify(join(ROOT, 'bin/load-cli.cjs'))}).loadCli(); console.log(r.cacheRejected)`], { encoding: 'utf8' });
    expect(out.trim()).toBe('false');
  });

  it.each([
    ['missing', (dir: string) => rmSync(join(dir, 'dist/cli.cache'))],
    ['corrupt (another Node version)', (dir: string) => writeFileSync(join(dir, 'dist/cli.cache'), Buffer.from('not a V8 code cache'))],
  ])('when it is %s the CLI still works, only slower', (_what, damage) => {
    const dir = installedCopy();
    made.push(dir);
    damage(dir);
    const run = spawnSync(process.execPath, [join(dir, 'bin/oauth-doctor.cjs'), 'explain', 'token_used', '--json'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).problem.code).toBe('token_used');
  });
});
