import { usageError } from '../errors.js';

const DAY_MS = 86_400_000;
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS };

/** setTimeout's limit (a 32-bit signed count of milliseconds). */
const TIMER_MAX_MS = 2 ** 31 - 1;

/**
 * A duration flag, the same in every command (issue 15 item 13): `500ms`,
 * `5s`, `10m`, `1h`, `14d`, decimals allowed. A bare number keeps the unit the flag
 * always had (`flow --timeout 30000` is milliseconds, `serve --slow 2` is
 * seconds), so nothing that worked before changes meaning. At most
 * `maxMs`: by default what a timer can wait (2^31 − 1 ms, about 24 days); a
 * lifetime that is only compared with the clock passes its own bound.
 */
export function parseDuration(value: string, flag: string, options: { bareUnit?: 'ms' | 's'; allowNegative?: boolean; min?: number; maxMs?: number } = {}): number {
  const m = /^(-)?(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!m || (m[1] !== undefined && !options.allowNegative)) throw usageError('invalid-duration', `${flag} "${value}" is not a duration`, `e.g. ${flag} 5s (also 500ms, 10m, 1h, 2d${options.bareUnit === 'ms' ? '; a bare number is milliseconds' : '; a bare number is seconds'})`);
  const ms = Math.round(Number(m[2]) * (UNITS[m[3] ?? options.bareUnit ?? 's'] ?? 1000)) * (m[1] ? -1 : 1);
  if (options.min !== undefined && ms < options.min) throw usageError('invalid-duration', `${flag} "${value}" is too short`, `e.g. ${flag} 5s`);
  const max = options.maxMs ?? TIMER_MAX_MS;
  if (Math.abs(ms) > max) throw usageError('invalid-duration', `${flag} "${value}" is too long (at most ${max === TIMER_MAX_MS ? 'about 24 days' : `${Math.floor(max / DAY_MS)} days`})`, `e.g. ${flag} 10m`);
  return ms;
}
