import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { T0, authorize, callback, har, refresh, token } from './captures.js';

/** `oauth-doctor inspect` on an OAuth 2.0 HAR, as users run it: the built CLI in a subprocess. */

const CODE = 'CANARY-code-Zx81nq0PwLw';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-doctor-inspect-oa2-'));
  await writeFile(join(dir, 'twice.har'), har([authorize(T0), callback(T0 + 2000, CODE), token(T0 + 3000, CODE, true), token(T0 + 4000, CODE, false), refresh(T0 + 9000, 'RT-canary-1', 'RT-canary-2'), refresh(T0 + 9500, 'RT-canary-1', undefined)]));
  await writeFile(join(dir, 'clean.har'), har([authorize(T0), callback(T0 + 2000, CODE), token(T0 + 3000, CODE, true)]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('oauth-doctor inspect: OAuth 2.0 captures', () => {
  it('names a code exchanged twice and a replayed rotated refresh token on the timeline; exit 1; nothing secret printed', async () => {
    const r = await runCli(['inspect', join(dir, 'twice.har')], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('OAuth 2.0 timeline');
    expect(r.stdout).toMatch(/4\. .*token .*✗ authorization code exchanged again/);
    expect(r.stdout).toMatch(/6\. .*refresh .*✗ rotated refresh token replayed/);
    expect(r.stdout).toMatch(/reuse — /);
    expect(r.stdout + r.stderr).not.toMatch(/CANARY|RT-canary|AT-canary/);
  });

  it('--json: the oauth2 member with steps and findings, top cause reuse', async () => {
    const r = await runCli(['inspect', join(dir, 'twice.har'), '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { oauth2: { steps: { kind: string }[]; findings: { check: string; step: number; related: number[]; causes: { id: string; likelihood: string }[] }[] } };
    expect(doc.oauth2.steps.map((s) => s.kind)).toEqual(['authorize', 'callback', 'token', 'token', 'refresh', 'refresh']);
    expect(doc.oauth2.findings.map((f) => [f.check, f.step, f.causes[0]?.id, f.causes[0]?.likelihood])).toEqual([
      ['code-reused', 4, 'reuse', 'certain'],
      ['refresh-replayed', 6, 'reuse', 'certain'],
    ]);
    expect(r.stdout).not.toMatch(/CANARY|RT-canary|AT-canary/);
  });

  it('a clean OAuth 2.0 capture: exit 0, no problem found', async () => {
    const r = await runCli(['inspect', join(dir, 'clean.har')], { env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain('No OAuth 2.0 problem found.');
    expect(r.code).toBe(0);
  });
});
