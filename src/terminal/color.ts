import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour is decided once, here (STYLE habit 8): FORCE_COLOR wins (0/false
 * turns it off); otherwise off for a non-TTY stream, when NO_COLOR is set to
 * anything non-empty, or when TERM=dumb.
 */
export function colorEnabled(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (!isTTY) return false;
  if (env['NO_COLOR']) return false;
  if (env['TERM'] === 'dumb') return false;
  return true;
}

export type Palette = Pick<ChalkInstance, 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan'>;

/** A chalk instance whose level follows our decision, not chalk's own detection. */
export function palette(enabled: boolean): Palette {
  return new Chalk({ level: enabled ? 1 : 0 });
}
