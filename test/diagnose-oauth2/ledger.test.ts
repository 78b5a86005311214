import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fingerprintToken } from '../../src/diagnose/fingerprint.js';
import {
  EMPTY_LEDGER,
  cacheDir,
  ledgerPath,
  loadLedger,
  parseLedger,
  priorUse,
  pruneLedger,
  recordRevocation,
  recordRotation,
  recordUse,
  saveLedger,
  serializeLedger,
} from '../../src/diagnose/oauth2/index.js';

const T0 = Date.UTC(2026, 11, 3, 9, 0, 0);
const fp = fingerprintToken;

describe('the reuse ledger (pure)', () => {
  it('a code never seen has no prior use; once recorded, its second use is seen with the first time', () => {
    expect(priorUse(EMPTY_LEDGER, 'code', fp('c1'))).toBeUndefined();
    const ledger = recordUse(EMPTY_LEDGER, { kind: 'code', fp: fp('c1'), at: T0 });
    expect(priorUse(ledger, 'code', fp('c1'))?.uses).toEqual([T0]);
    expect(priorUse(ledger, 'code', fp('c2'))).toBeUndefined();
    expect(priorUse(ledger, 'refresh_token', fp('c1'))).toBeUndefined();
  });

  it('rotation then a replay of the old token marks the family replayed, seen from the newest token', () => {
    let ledger = recordUse(EMPTY_LEDGER, { kind: 'refresh_token', fp: fp('r1'), at: T0 });
    ledger = recordRotation(ledger, fp('r1'), fp('r2'), T0);
    expect(priorUse(ledger, 'refresh_token', fp('r2'))?.familyReplayedAt).toBeUndefined();
    expect(priorUse(ledger, 'refresh_token', fp('r1'))?.rotated).toBe(true);
    ledger = recordUse(ledger, { kind: 'refresh_token', fp: fp('r1'), at: T0 + 1_000 }); // the replay
    expect(priorUse(ledger, 'refresh_token', fp('r2'))?.familyReplayedAt).toBe(T0 + 1_000);
    ledger = recordUse(ledger, { kind: 'refresh_token', fp: fp('r2'), at: T0 + 2_000 });
    ledger = recordRotation(ledger, fp('r2'), fp('r3'), T0 + 2_000);
    expect(priorUse(ledger, 'refresh_token', fp('r3'))?.familyReplayedAt).toBe(T0 + 1_000); // three generations on, still one family
  });

  it('a refresh token used twice without rotation is no replay', () => {
    let ledger = recordUse(EMPTY_LEDGER, { kind: 'refresh_token', fp: fp('r1'), at: T0 });
    ledger = recordUse(ledger, { kind: 'refresh_token', fp: fp('r1'), at: T0 + 1 });
    expect(priorUse(ledger, 'refresh_token', fp('r1'))?.familyReplayedAt).toBeUndefined();
  });

  it('records revocations', () => {
    const ledger = recordRevocation(EMPTY_LEDGER, 'refresh_token', fp('r1'), T0);
    expect(priorUse(ledger, 'refresh_token', fp('r1'))?.revokedAt).toBe(T0);
  });

  it('prunes old entries and keeps at most the cap', () => {
    let ledger = recordUse(EMPTY_LEDGER, { kind: 'code', fp: fp('old'), at: T0 - 100 * 86_400_000 });
    ledger = recordUse(ledger, { kind: 'code', fp: fp('new'), at: T0 });
    const pruned = pruneLedger(ledger, T0);
    expect(pruned.entries.map((e) => e.fp)).toEqual([fp('new')]);
  });

  it('round-trips, and reads a damaged or hostile document as what is valid in it', () => {
    const ledger = recordRotation(recordUse(EMPTY_LEDGER, { kind: 'refresh_token', fp: fp('r1'), at: T0 }), fp('r1'), fp('r2'), T0);
    expect(parseLedger(serializeLedger(ledger))).toEqual(JSON.parse(JSON.stringify(ledger)));
    expect(parseLedger('{not json')).toEqual(EMPTY_LEDGER);
    expect(parseLedger('[]')).toEqual(EMPTY_LEDGER);
    const hostile = parseLedger(JSON.stringify({ version: 1, entries: [{ kind: 'code', fp: 'raw-token-value', uses: [1] }, { kind: 'code', fp: fp('ok'), uses: ['x', 5] }, null], replays: { __proto__: 1, [fp('ok')]: 'x' } }));
    expect(hostile.entries).toEqual([{ kind: 'code', fp: fp('ok'), uses: [5], issuer: undefined, rotatedTo: undefined, family: undefined, revokedAt: undefined }]);
    expect(hostile.replays).toEqual({});
  });
});

describe('the ledger file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const temp = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'oa2-ledger-'));
    dirs.push(dir);
    return dir;
  };

  it('lives in the user\'s cache folder', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, 'linux')).toBe('/x/cache/oauth-doctor');
    expect(cacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' }, 'linux')).toBe('/home/u/.cache/oauth-doctor');
    expect(cacheDir({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Caches/oauth-doctor');
    expect(cacheDir({ HOME: 'C:\\u', LOCALAPPDATA: 'C:\\u\\AppData\\Local' }, 'win32')).toContain('oauth-doctor');
    expect(ledgerPath({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.cache/oauth-doctor/oauth2-ledger.json');
    expect(ledgerPath({ OAUTH_DOCTOR_LEDGER: 'off' })).toBeUndefined();
    expect(ledgerPath({ OAUTH_DOCTOR_LEDGER: '/tmp/l.json' })).toBe('/tmp/l.json');
  });

  it('a second use is recognised across runs (two loads of the file), mode 0600, fingerprints only', () => {
    const home = temp();
    const path = ledgerPath({ XDG_CACHE_HOME: home });
    const canary = 'CANARY-code-' + 'q'.repeat(20);
    // run 1
    saveLedger(path, recordUse(loadLedger(path), { kind: 'code', fp: fp(canary), at: T0 }), T0);
    // run 2
    const seen = priorUse(loadLedger(path), 'code', fp(canary));
    expect(seen?.uses).toEqual([T0]);
    if (path === undefined) throw new Error('no path');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'oauth-doctor')).mode & 0o777).toBe(0o700);
    expect(readFileSync(path, 'utf8')).not.toContain('CANARY');
  });

  it('a missing or garbage file is an empty ledger, an unwritable folder is false, nothing throws', () => {
    const dir = temp();
    expect(loadLedger(join(dir, 'none.json'))).toEqual(EMPTY_LEDGER);
    writeFileSync(join(dir, 'bad.json'), '\u0000garbage');
    expect(loadLedger(join(dir, 'bad.json'))).toEqual(EMPTY_LEDGER);
    writeFileSync(join(dir, 'file'), 'x');
    expect(saveLedger(join(dir, 'file', 'sub', 'l.json'), EMPTY_LEDGER, T0)).toBe(false);
    expect(saveLedger(undefined, EMPTY_LEDGER, T0)).toBe(false);
  });
});
