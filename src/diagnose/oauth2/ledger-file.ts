import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { writePrivateFile } from '../../files/write-private-file.js';
import { EMPTY_LEDGER, parseLedger, pruneLedger, serializeLedger, type Ledger } from './ledger.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Where the reuse ledger lives: $XDG_CACHE_HOME/oauth-doctor (a relative
 * value is ignored, XDG Base Directory spec), else ~/.cache/oauth-doctor on
 * Linux and the BSDs, ~/Library/Caches/oauth-doctor on macOS,
 * %LOCALAPPDATA%\oauth-doctor\Cache on Windows. `OAUTH_DOCTOR_LEDGER` names
 * another file, or `off` keeps none.
 */
export function cacheDir(env: Env, platform: NodeJS.Platform = process.platform): string {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'oauth-doctor');
  const home = env['HOME'] || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'oauth-doctor');
  if (platform === 'win32') return join(env['LOCALAPPDATA'] || join(home, 'AppData', 'Local'), 'oauth-doctor', 'Cache');
  return join(home, '.cache', 'oauth-doctor');
}

/** The ledger's path, or undefined when the ledger is switched off. */
export function ledgerPath(env: Env, platform?: NodeJS.Platform): string | undefined {
  const named = env['OAUTH_DOCTOR_LEDGER'];
  if (named === 'off') return undefined;
  if (named && isAbsolute(named)) return named;
  return join(cacheDir(env, platform), 'oauth2-ledger.json');
}

/** Reads the ledger; a missing or unreadable file is an empty ledger (the diagnosis then says less, nothing fails). */
export function loadLedger(path: string | undefined): Ledger {
  if (path === undefined) return EMPTY_LEDGER;
  try {
    return parseLedger(readFileSync(path, 'utf8'));
  } catch {
    return EMPTY_LEDGER;
  }
}

/** Writes the ledger (mode 0600, folder 0700, atomically); false when it could not be written. */
export function saveLedger(path: string | undefined, ledger: Ledger, now: number): boolean {
  if (path === undefined) return false;
  try {
    mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
    writePrivateFile(path, '/', serializeLedger(pruneLedger(ledger, now)), 'ledger');
    return true;
  } catch {
    return false;
  }
}
