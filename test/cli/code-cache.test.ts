import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/all.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A copy of the installed layout (bin/, dist/, package.json) to break things in. */
function installedCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'od-cache-'));
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const explainJson = (dir: string) => spawnSync(process.execPath, [join(dir, 'bin/oauth-doctor.cjs'), 'explain', 'token_used', '--json'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
const helpText = (dir: string) => spawnSync(process.execPath, [join(dir, 'bin/oauth-doctor.cjs'), '--help'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });

describe('the CLI bundles and their V8 code caches', () => {
  it.each([undefined, 'explain', 'sign', 'flow'])('the built cache of the %s bundle is accepted by this Node', (command) => {
    const loader = JSON.stringify(join(ROOT, 'bin/oauth-doctor.cjs'));
    const out = execFileSync(process.execPath, ['-e', `const r = require(${loader}).loadCli(${JSON.stringify(command)}); console.log(r.cacheRejected, r.path)`], { encoding: 'utf8' });
    expect(out.trim()).toBe(`false ${join(ROOT, 'dist', command === undefined ? 'cli.cjs' : `commands/${command}.cjs`)}`);
  });

  it('every bundle is pure ASCII, as the bin reads it as latin1', () => {
    const bundles = [join(ROOT, 'dist/cli.cjs'), ...COMMANDS.map(([name]) => join(ROOT, `dist/commands/${name}.cjs`))];
    for (const bundle of bundles) expect(readFileSync(bundle).findIndex((byte) => byte > 0x7f), bundle).toBe(-1);
  });

  it('a word that is not a command, or looks like a path, loads the full bundle', () => {
    const loader = JSON.stringify(join(ROOT, 'bin/oauth-doctor.cjs'));
    for (const word of ['--help', 'explian', '../cli', 'Explain']) {
      const out = execFileSync(process.execPath, ['-e', `console.log(require(${loader}).loadCli(${JSON.stringify(word)}).path)`], { encoding: 'utf8' });
      expect(out.trim()).toBe(join(ROOT, 'dist/cli.cjs'));
    }
  });

  it.each([
    ["explain's cache missing", (dir: string) => rmSync(join(dir, 'dist/commands/explain.cache')), explainJson],
    ["explain's cache corrupt (another Node version)", (dir: string) => writeFileSync(join(dir, 'dist/commands/explain.cache'), Buffer.from('not a V8 code cache')), explainJson],
    ["explain's own bundle missing (the full one serves)", (dir: string) => rmSync(join(dir, 'dist/commands/explain.cjs')), explainJson],
    ["the full bundle's cache corrupt", (dir: string) => writeFileSync(join(dir, 'dist/cli.cache'), Buffer.from('not a V8 code cache')), helpText],
  ])('with %s the CLI still works, only slower', (_what, damage, run) => {
    const dir = installedCopy();
    made.push(dir);
    damage(dir);
    const result = run(dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    if (run === explainJson) expect(JSON.parse(result.stdout).problem.code).toBe('token_used');
    else expect(result.stdout).toContain('Usage: oauth-doctor');
  });

  it.each(COMMANDS.map(([name]) => name))('%s: its own bundle answers exactly as the full one', (command) => {
    // Both run in a child with the real process environment; only the bundle differs.
    const drive = (bundleWord: string | undefined, argv: string[]) =>
      spawnSync(
        process.execPath,
        ['-e', `const { cli } = require(${JSON.stringify(join(ROOT, 'bin/oauth-doctor.cjs'))}).loadCli(${JSON.stringify(bundleWord)}); cli.main(${JSON.stringify(argv)}, cli.processEnvironment(() => new AbortController().signal)).then((code) => { process.exitCode = code; });`],
        { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } },
      );
    for (const argv of [[command, '--help'], [command, '--no-such-flag']]) {
      const own = drive(command, argv);
      const full = drive(undefined, argv);
      expect(own.stdout + own.stderr).not.toBe('');
      expect([own.status, own.stdout, own.stderr]).toEqual([full.status, full.stdout, full.stderr]);
    }
  });
});
