import { usageError } from '../errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A duration flag, the same in every command (issue 15 item 13): `500ms`,
 * `5s`, `10m`, `1h`, decimals allowed. A bare number keeps the unit the flag
 * always had (`flow --timeout 30000` is milliseconds, `serve --slow 2` is
 * seconds), so nothing that worked before changes meaning.
 */
export function parseDuration(value: string, flag: string, options: { bareUnit?: 'ms' | 's'; allowNegative?: boolean; min?: number } = {}): number {
  const m = /^(-)?(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!m || (m[1] !== undefined && !options.allowNegative)) throw usageError('invalid-duration', `${flag} "${value}" is not a duration`, `e.g. ${flag} 5s (also 500ms, 10m, 1h${options.bareUnit === 'ms' ? '; a bare number is milliseconds' : '; a bare number is seconds'})`);
  const ms = Math.round(Number(m[2]) * (UNITS[m[3] ?? options.bareUnit ?? 's'] ?? 1000)) * (m[1] ? -1 : 1);
  if (options.min !== undefined && ms < options.min) throw usageError('invalid-duration', `${flag} "${value}" is too short`, `e.g. ${flag} 5s`);
  if (Math.abs(ms) > 2 ** 31 - 1) throw usageError('invalid-duration', `${flag} "${value}" is too long (at most about 24 days)`, `e.g. ${flag} 10m`);
  return ms;
}
