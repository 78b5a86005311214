// cli5 items 1 and 2: a mistyped --provider gets the nearest preset names (over names and aliases, both
// protocols) and where the list is, in one line with exit 2; the shape decides file or name (ENOENT was
// printed for `--provider googel --client-id …`); `oauth-doctor presets` lists both protocols with aliases.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { editDistance, suggestPresets } from '../../src/presets/lookup.js';

const oneLine = (text: string) => text.trimEnd().split('\n');

describe('unknown --provider names: did you mean', () => {
  it.each([
    [['flow', '--provider', 'googel'], 'google'],
    [['flow', '--provider', 'googel', '--client-id', 'cli-1'], 'google'],
    [['flow', '--provider', 'twiter', '--json'], 'twitter (x)'],
    [['request', '--provider', 'twiter', 'https://api.x.com/2/users/me'], 'twitter (x)'],
    [['request', '--provider', 'mastercrad', 'https://sandbox.api.mastercard.com/'], 'mastercard'],
    [['flow', '--provider', 'entr'], 'entra (microsoft)'],
    [['flow', '--provider', 'micro'], 'microsoft'],
    [['flow', '--provider', 'KEYCLOAC'], 'keycloak'],
  ])('%j suggests %s', async (args, suggestion) => {
    const r = await runBin(args);
    expect(r.code, r.stderr).toBe(2);
    // With --json the refusal is also its one JSON document on stdout (README: every --json run prints one).
    if (args.includes('--json')) expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, command: 'flow', error: { exitCode: 2 } });
    else expect(r.stdout).toBe('');
    const lines = oneLine(r.stderr);
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toContain(`--provider ${args[2] ?? ''}: unknown provider`);
    expect(lines[0]).toContain(`did you mean ${suggestion}`);
    expect(lines[0]).toContain('oauth-doctor presets lists them all');
    expect(r.stderr).not.toMatch(/ENOENT|cannot read the file/);
  });

  it('a name near nothing says how to list the presets, without a guess', async () => {
    const r = await runBin(['flow', '--provider', 'qqqqqqq']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('did you mean');
    expect(r.stderr).toContain('no preset has that name, and there is no file qqqqqqq here');
    expect(r.stderr).toContain('oauth-doctor presets');
  });

  it('a path or a .json name is a file: a missing one is "no such file", with the preset it may have meant', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'od-presets-'));
    const json = await runBin(['flow', '--provider', 'google.json', '--client-id', 'cli-1'], { cwd: dir });
    expect(json.code).toBe(2);
    expect(oneLine(json.stderr)).toEqual([expect.stringContaining('--provider google.json: no such file')]);
    expect(json.stderr).toContain('--provider google');
    expect(json.stderr).not.toContain('ENOENT');
    const path = await runBin(['request', '--provider', './profiles/acme', 'https://api.example.com/'], { cwd: dir });
    expect(path.code).toBe(2);
    expect(path.stderr).toContain('--provider ./profiles/acme: no such file');
    expect(path.stderr).not.toContain('did you mean');
  });

  it('a name-shaped profile file that exists is still read as a profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'od-presets-'));
    writeFileSync(join(dir, 'acme'), '{"requestTokenUrl": "https://a.example/rt", "authorizeUrl": "https://a.example/au", "accessTokenUrl": "https://a.example/at", "bogusField": 1}', { mode: 0o600 });
    const r = await runBin(['flow', '--provider', 'acme'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('unknown provider');
    expect(r.stderr).toContain('bogusField');
  });
});

describe('oauth-doctor presets', () => {
  it('lists both protocols with their aliases (text)', async () => {
    const r = await runBin(['presets']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('OAuth 1.0a presets');
    expect(r.stdout).toContain('OAuth 2.0 / OpenID Connect presets');
    expect(r.stdout).toMatch(/^ {2}x +also twitter +X \(Twitter\)/m);
    expect(r.stdout).toMatch(/^ {2}microsoft +also entra, azure/m);
    expect(r.stdout).toMatch(/^ {2}x-oauth2 +also twitter-oauth2/m);
    expect(r.stdout).toMatch(/^ {2}keycloak +needs --base-url --realm/m);
    expect(r.stdout).toMatch(/^ {2}mastercard +request only/m);
    expect(r.stdout.indexOf('google')).toBeGreaterThan(r.stdout.indexOf('OAuth 2.0 / OpenID Connect presets'));
  });

  it('--json: one document, every preset with protocol and aliases; `providers` is the same command', async () => {
    const r = await runBin(['presets', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { presets: { name: string; protocol: string; aliases: string[]; needs: string[] }[] };
    const names = doc.presets.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['local', 'x', 'mastercard', 'etrade', 'google', 'microsoft', 'github', 'x-oauth2', 'apple', 'salesforce']));
    expect(doc.presets.find((p) => p.name === 'x')).toMatchObject({ protocol: 'oauth1', aliases: ['twitter'] });
    expect(doc.presets.find((p) => p.name === 'microsoft')).toMatchObject({ protocol: 'oauth2', aliases: ['entra', 'azure'], needs: [] });
    expect(doc.presets.find((p) => p.name === 'auth0')).toMatchObject({ needs: ['--domain'] });
    const alias = await runBin(['providers', '--json']);
    expect(alias.stdout).toBe(r.stdout);
  });

  it('every name it lists is taken by flow --provider (no unknown-provider for any of them)', async () => {
    const r = await runBin(['presets', '--json']);
    const doc = JSON.parse(r.stdout) as { presets: { name: string; aliases: string[] }[] };
    for (const name of doc.presets.flatMap((p) => [p.name, ...p.aliases])) expect(suggestPresets(name)[0]?.split(' ')[0], name).toBe(name);
  });
});

describe('suggestPresets (pure)', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('googel', 'google')).toBe(1);
    expect(editDistance('twiter', 'twitter')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests from names and aliases, nearest first, at most three', () => {
    expect(suggestPresets('azur')).toEqual(['azure (microsoft)']);
    expect(suggestPresets('git-hub')[0]).toBe('github');
    expect(suggestPresets('salesforce-sandbox')).toEqual(['salesforce']);
    expect(suggestPresets('x').length).toBeLessThanOrEqual(3);
    expect(suggestPresets('')).toEqual([]);
  });
});
