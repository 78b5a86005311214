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

/** The styles our output uses; a chalk instance is one, and so is PLAIN. */
export type Palette = Readonly<Record<'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan', (text: string) => string>>;

const unchanged = (text: string): string => text;

/** Text as it is: colour off needs no chalk at all, so chalk loads only for a terminal (start-up time, issue #8). */
export const PLAIN: Palette = { bold: unchanged, dim: unchanged, red: unchanged, green: unchanged, yellow: unchanged, cyan: unchanged };

/** A chalk instance whose level follows our decision, not chalk's own detection. */
export async function palette(enabled: boolean): Promise<Palette> {
  if (!enabled) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
