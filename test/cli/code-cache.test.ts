import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

const V8 = process.versions.v8;
/** The user's cache file of a bundle in an installed copy, after a run made it. */
const userCacheFile = (dir: string, bundle: string) => {
  const name = userCacheFiles(dir).find((file) => file.startsWith(`${bundle}-`));
  if (name === undefined) throw new Error(`no user cache of ${bundle}`);
  return join(dir, 'cache', 'oauth-doctor', `code-cache-${process.arch}`, name);
};

/** Runs the bin of an installed copy with a cache folder of its own (never the real home). */
function runBin(dir: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(dir, 'bin/oauth-doctor.cjs'), ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', XDG_CACHE_HOME: join(dir, 'cache'), ...env } });
}
const explainJson = (dir: string) => runBin(dir, ['explain', 'token_used', '--json']);
const helpText = (dir: string) => runBin(dir, ['--help']);
/** What loadCli reports for a command in an installed copy: which bundle, which cache. */
function loaded(dir: string, command: string | undefined, env: Record<string, string> = {}): { path: string; cache: string } {
  const loader = JSON.stringify(join(dir, 'bin/oauth-doctor.cjs'));
  const out = execFileSync(process.execPath, ['-e', `const r = require(${loader}).loadCli(${JSON.stringify(command)}); console.log(JSON.stringify({ path: r.path, cache: r.cache }))`], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', XDG_CACHE_HOME: join(dir, 'cache'), ...env },
  });
  return JSON.parse(out) as { path: string; cache: string };
}
const userCacheFiles = (dir: string) => {
  const folder = join(dir, 'cache', 'oauth-doctor', `code-cache-${process.arch}`);
  return existsSync(folder) ? readdirSync(folder) : [];
};
/** The commands with a bundle of their own (scripts/build.mjs OWN_BUNDLES); the rest load dist/cli.cjs. */
const OWN_BUNDLES = readdirSync(join(ROOT, 'dist/commands'))
  .filter((file) => file.endsWith('.cjs'))
  .map((file) => file.slice(0, -'.cjs'.length))
  .sort();

describe('the CLI bundles and their V8 code caches', () => {
  it('sign, explain and codes have a bundle of their own; every other command loads the full one', () => {
    expect(OWN_BUNDLES).toEqual(['explain', 'sign']);
    for (const [command] of COMMANDS) {
      expect(loaded(ROOT, command, { NODE_DISABLE_COMPILE_CACHE: '1' }).path).toBe(join(ROOT, 'dist', OWN_BUNDLES.includes(command) ? `commands/${command}.cjs` : 'cli.cjs'));
    }
  });

  it('no V8 code cache is shipped: it would fit only the Node that built it (issue #17)', () => {
    const shipped = [...readdirSync(join(ROOT, 'dist')), ...readdirSync(join(ROOT, 'dist/commands'))].filter((file) => file.endsWith('.cache'));
    expect(shipped).toEqual([]);
  });

  it('every bundle is pure ASCII, as the bin reads it as latin1', () => {
    const bundles = [join(ROOT, 'dist/cli.cjs'), ...OWN_BUNDLES.map((name) => join(ROOT, `dist/commands/${name}.cjs`))];
    for (const bundle of bundles) expect(readFileSync(bundle).findIndex((byte) => byte > 0x7f), bundle).toBe(-1);
  });

  // Issue 17: an own bundle carries only what its command runs; commander (help, usage errors) stays in the full one.
  it.each([
    ['explain', ['explain', 'token_used', '--json'], ['chalk']],
    ['sign', ['sign', '--url', 'https://photos.example.net/initiate', '--consumer-key', 'k', '--consumer-secret', 's', '--timestamp', '1', '--nonce', 'n', '--json'], ['@noble/hashes', 'chalk', 'oauth-1.0a']],
  ])("%s's own bundle holds no package it does not need, and loads neither commander's bundle nor node:crypto", (command, args, allowed) => {
    // The build lists the packages a bundle holds (from esbuild's metafile) on its first line.
    const first = readFileSync(join(ROOT, `dist/commands/${command}.cjs`), 'latin1').split('\n', 1)[0] ?? '';
    expect(first).toMatch(/^\/\/ packages: /);
    const packages = first.replace(/^\/\/ packages: /, '').split(' ');
    expect(packages.filter((name) => !allowed.includes(name))).toEqual([]);
    expect(packages).not.toContain('commander');
    // At run time: the modules Node loaded, and the files read.
    const dir = mkdtempSync(join(tmpdir(), 'od-bundle-'));
    made.push(dir);
    const probe = join(dir, 'probe.cjs');
    writeFileSync(probe, `const fs = require('node:fs'); const read = []; const orig = fs.readFileSync; fs.readFileSync = function (p, ...a) { read.push(String(p)); return orig.call(this, p, ...a); };
process.on('exit', () => fs.writeSync(2, JSON.stringify({ builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)), read })));`);
    const result = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'bin/oauth-doctor.cjs'), ...args], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(result.status).toBe(0);
    const seen = JSON.parse(result.stderr) as { builtins: string[]; read: string[] };
    expect(seen.builtins.filter((m) => /^(crypto|internal\/crypto\/)/.test(m) && m !== 'internal/crypto/util' && m !== 'internal/crypto/hashnames')).toEqual([]);
    expect(seen.read.filter((file) => file.startsWith(join(ROOT, 'dist')) && file.endsWith('.cjs'))).toEqual([join(ROOT, `dist/commands/${command}.cjs`)]);
    // A line the own bundle leaves to commander still gets commander's answer, from the full bundle.
    const help = spawnSync(process.execPath, [join(ROOT, 'bin/oauth-doctor.cjs'), command, '--help'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`Usage: oauth-doctor ${command} [options]`);
  });

  it('a word that is not a command, or looks like a path, loads the full bundle', () => {
    for (const word of ['--help', 'explian', '../cli', 'Explain']) expect(loaded(ROOT, word).path).toBe(join(ROOT, 'dist/cli.cjs'));
  });

  it.each([
    ["explain's cache corrupt", (dir: string) => (explainJson(dir), writeFileSync(userCacheFile(dir, 'explain'), Buffer.from('not a V8 code cache'))), explainJson],
    ["explain's own bundle missing (the full one serves)", (dir: string) => rmSync(join(dir, 'dist/commands/explain.cjs')), explainJson],
    ["the full bundle's cache corrupt", (dir: string) => (helpText(dir), writeFileSync(userCacheFile(dir, 'cli'), Buffer.from('not a V8 code cache'))), helpText],
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

  describe("the user's cache, made by the first run of each Node", () => {
    const another = () => {
      const dir = installedCopy();
      made.push(dir);
      return dir;
    };

    it('the first run compiles and leaves a private cache; the next run loads it and answers the same', () => {
      const dir = another();
      expect(loaded(dir, 'explain').cache).toBe('none');
      const first = explainJson(dir);
      expect([first.status, first.stderr]).toEqual([0, '']);
      const [file, ...others] = userCacheFiles(dir);
      expect(others).toEqual([]);
      expect(file).toMatch(new RegExp(`^explain-\\d+-\\d+\\.v8-${V8.replace(/\./g, '\\.')}\\.cache$`));
      const folder = join(dir, 'cache', 'oauth-doctor', `code-cache-${process.arch}`);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(join(folder, file ?? '')).mode & 0o777).toBe(0o600);
      expect(loaded(dir, 'explain').cache).toBe('user');
      const second = explainJson(dir);
      expect([second.status, second.stderr, second.stdout]).toEqual([0, '', first.stdout]);
      expect(userCacheFiles(dir)).toEqual([file]); // an accepted cache is not written again
    });

    it('a rebuilt bundle never meets the old cache, which is replaced', () => {
      const dir = another();
      explainJson(dir);
      const [before] = userCacheFiles(dir);
      const bundle = join(dir, 'dist/commands/explain.cjs');
      writeFileSync(bundle, readFileSync(bundle, 'latin1') + '\n', 'latin1');
      expect(loaded(dir, 'explain').cache).toBe('none');
      expect(explainJson(dir).status).toBe(0);
      const after = userCacheFiles(dir);
      expect(after).toHaveLength(1);
      expect(after[0]).not.toBe(before);
    });

    it('NODE_DISABLE_COMPILE_CACHE, or no folder to write to, leaves nothing behind and still answers', () => {
      const dir = another();
      const disabled = runBin(dir, ['explain', 'token_used'], { NODE_DISABLE_COMPILE_CACHE: '1' });
      expect([disabled.status, disabled.stderr]).toEqual([0, '']);
      expect(userCacheFiles(dir)).toEqual([]);
      writeFileSync(join(dir, 'cache'), 'a file where the folder would go');
      const blocked = runBin(dir, ['explain', 'token_used']);
      expect([blocked.status, blocked.stderr]).toEqual([0, '']);
    });

    it('a folder others can write to, a relative XDG_CACHE_HOME or a link is not trusted: nothing read, nothing written', () => {
      const dir = another();
      explainJson(dir);
      const folder = join(dir, 'cache', 'oauth-doctor', `code-cache-${process.arch}`);
      expect(loaded(dir, 'explain').cache).toBe('user');
      chmodSync(folder, 0o777);
      expect(loaded(dir, 'explain').cache).toBe('none');
      chmodSync(folder, 0o700);
      expect(loaded(dir, 'explain').cache).toBe('user');
      // A link in place of the folder (where someone else could point it) is not followed.
      renameSync(folder, `${folder}.real`);
      symlinkSync(`${folder}.real`, folder);
      expect(loaded(dir, 'explain').cache).toBe('none');
      const relative = runBin(dir, ['explain', 'token_used'], { XDG_CACHE_HOME: 'relative-cache' });
      expect([relative.status, relative.stderr]).toEqual([0, '']);
      expect(existsSync(join(dir, 'relative-cache'))).toBe(false);
    });

    it("saving keeps another Node's cache of the same bundle", () => {
      const dir = another();
      const folder = join(dir, 'cache', 'oauth-doctor', `code-cache-${process.arch}`);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileSync(join(folder, 'explain-1-2.v8-0.0.0-other.cache'), 'another V8', { mode: 0o600 });
      explainJson(dir);
      expect(userCacheFiles(dir)).toEqual(expect.arrayContaining([expect.stringMatching(/^explain-\d+-\d+\.v8-\d/), 'explain-1-2.v8-0.0.0-other.cache']));
      expect(userCacheFiles(dir)).toHaveLength(2);
    });

    it('the cache holds compiled code, never what the run handled (a consumer secret)', () => {
      const dir = another();
      const canary = 'CANARYsecret7f3a9c';
      const run = runBin(dir, ['sign', '--url', 'https://api.example.com/x', '--consumer-key', 'key-canary', '--consumer-secret', canary]);
      expect(run.status).toBe(0);
      const [file] = userCacheFiles(dir);
      expect(file).toMatch(/^sign-/);
      const bytes = readFileSync(join(dir, 'cache', 'oauth-doctor', `code-cache-${process.arch}`, file ?? ''));
      expect(bytes.includes(Buffer.from(canary))).toBe(false);
      expect(bytes.includes(Buffer.from(canary, 'utf16le'))).toBe(false);
    });
  });

  it.each(OWN_BUNDLES)('%s: its own bundle answers exactly as the full one, or leaves the line to it', (command) => {
    // Both run in a child with the real process environment; only the bundle differs.
    const drive = (bundleWord: string | undefined, argv: string[]) =>
      spawnSync(
        process.execPath,
        ['-e', `const { cli } = require(${JSON.stringify(join(ROOT, 'bin/oauth-doctor.cjs'))}).loadCli(${JSON.stringify(bundleWord)}); cli.main(${JSON.stringify(argv)}, cli.processEnvironment(() => new AbortController().signal)).then((code) => { process.exitCode = code ?? 99; });`],
        { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } },
      );
    const usual = command === 'sign' ? [command, '--url', 'https://a.example/r?x=1', '--consumer-key', 'k', '--consumer-secret', 's', '--timestamp', '1', '--nonce', 'n'] : [command, 'token_used'];
    const own = drive(command, usual);
    expect(own.stdout).not.toBe('');
    expect([own.status, own.stdout, own.stderr]).toEqual([full(usual).status, full(usual).stdout, full(usual).stderr]);
    for (const argv of [[command, '--help'], [command, '--no-such-flag']]) {
      // The own bundle does nothing (exit 99 above: main gave undefined); the bin then runs the full one.
      expect([drive(command, argv).status, drive(command, argv).stdout, drive(command, argv).stderr]).toEqual([99, '', '']);
      const bin = spawnSync(process.execPath, [join(ROOT, 'bin/oauth-doctor.cjs'), ...argv], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
      expect(bin.stdout + bin.stderr).not.toBe('');
      expect([bin.status, bin.stdout, bin.stderr]).toEqual([full(argv).status, full(argv).stdout, full(argv).stderr]);
    }
    function full(argv: string[]) {
      return drive(undefined, argv);
    }
});
});
