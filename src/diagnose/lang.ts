import { usageError } from '../errors.js';

export type Lang = 'en' | 'ja';

/**
 * The language of explanations: the --lang flag, else the POSIX locale
 * variables in their order of precedence (LC_ALL, LC_MESSAGES, LANG; the
 * first non-empty one decides). `ja_JP.UTF-8`, `ja` → ja; anything else → en.
 */
export function resolveLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag !== undefined) {
    const wanted = flag.trim().toLowerCase();
    if (wanted === 'en' || wanted === 'ja') return wanted;
    throw usageError('unknown-lang', `--lang "${flag}" is not a language oauth-doctor speaks`, 'use --lang en or --lang ja');
  }
  for (const variable of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[variable];
    if (value) return /^ja(?:[_.@-]|$)/i.test(value) ? 'ja' : 'en';
  }
  return 'en';
}
