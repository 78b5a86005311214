// The package as users get it (STYLE habit 12): `npm pack`, install the
// tarball into an empty folder with the registry's dependencies, and run the
// installed bin. Also checks the tarball holds only what runs.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM_ENV = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

interface PackResult {
  readonly filename: string;
  readonly files: { readonly path: string }[];
}

const work = mkdtempSync(join(tmpdir(), 'oauth-doctor-pack-'));
const project = join(work, 'project');
let packed: PackResult;

beforeAll(async () => {
  // npm pack runs `prepare` (the build), as npm publish would.
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env: NPM_ENV, maxBuffer: 16 * 1024 * 1024 });
  const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as PackResult[];
  const first = results[0];
  if (!first) throw new Error(`npm pack printed no result: ${stdout}`);
  packed = first;
  // An empty project: a package.json of its own, so npm does not look further up.
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', version: '1.0.0', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', join(work, packed.filename)], { cwd: project, env: NPM_ENV });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const installedBin = () => join(project, 'node_modules', '.bin', 'oauth-doctor');

describe('npm pack → npm install <tarball> → oauth-doctor', () => {
  it('the tarball holds only what runs: bin/, dist/, package.json, README, LICENSE', () => {
    const paths = packed.files.map((f) => f.path);
    for (const path of paths) expect(path).toMatch(/^(?:bin\/|dist\/|package\.json$|README\.md$|LICEN[CS]E(?:\.\w+)?$)/);
    expect(paths).toEqual(expect.arrayContaining(['bin/oauth-doctor.cjs', 'dist/cli.cjs', `dist/cli.v8-${process.versions.v8}.cache`, 'dist/index.js', 'package.json', 'README.md']));
    // Each command's own bundle and its code cache (start-up time, issue #8).
    for (const command of ['sign', 'flow', 'demo', 'serve', 'explain', 'codes', 'inspect']) {
      expect(paths).toEqual(expect.arrayContaining([`dist/commands/${command}.cjs`, `dist/commands/${command}.v8-${process.versions.v8}.cache`]));
    }
    expect(paths.some((p) => p.endsWith('.map') || p.endsWith('.ts'))).toBe(false);
    expect(packed.filename).toBe(`oauth-doctor-${pkg.version}.tgz`);
  });

  it('oauth-doctor --version prints the version', async () => {
    const { stdout } = await run(installedBin(), ['--version'], { cwd: project });
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('oauth-doctor --help lists the commands', async () => {
    const { stdout } = await run(installedBin(), ['--help'], { cwd: project });
    expect(stdout).toContain('Usage: oauth-doctor');
    expect(stdout).toMatch(/^ {2}sign /m);
  });

  it('npx oauth-doctor resolves the installed bin', async () => {
    const { stdout } = await run('npx', ['--no-install', 'oauth-doctor', '--version'], { cwd: project, env: NPM_ENV });
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('a command that loads its own chunk works from the install (sign, RFC 5849 §1.2 vector)', async () => {
    const { stdout } = await run(
      installedBin(),
      ['sign', '--url', 'http://photos.example.net/photos?file=vacation.jpg&size=original', '--consumer-key', 'dpf43f3p2l4k3l03', '--consumer-secret', 'kd94hf93k423kf44', '--token', 'nnch734d00sl2jdk', '--token-secret', 'pfkkdhi9sl3r4s00', '--timestamp', '137131202', '--nonce', 'chapoH', '--no-version', '--json'],
      { cwd: project },
    );
    expect((JSON.parse(stdout) as { signature: string }).signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });

  it('a network command finds undici from the install (demo against the embedded provider)', async () => {
    const { stdout } = await run(installedBin(), ['demo', '--json'], { cwd: project });
    expect((JSON.parse(stdout) as { ok: boolean }).ok).toBe(true);
  });

  it('the library entry point imports', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "const m = await import('oauth-doctor'); console.log(m.percentEncode(\"!*'()\"))"], { cwd: project });
    expect(stdout.trim()).toBe('%21%2A%27%28%29');
  });
});
