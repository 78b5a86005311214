/**
 * How wide text is wrapped, decided once per stream (issue 15 item 7): a
 * terminal's own width (its `columns`, else `COLUMNS`, else 80 when it is
 * unknown); nothing at all for a pipe or a file, where a reader (`less`,
 * `grep`, an editor) wraps better than we can. `--json` is never wrapped.
 */
const UNKNOWN_TERMINAL_WIDTH = 80;
/** Narrower than this, wrapping does more harm than good: use the fallback. */
const NARROWEST = 20;

export function wrapWidth(isTTY: boolean, columns: number | undefined, env: Readonly<Record<string, string | undefined>>): number {
  if (!isTTY) return Number.POSITIVE_INFINITY;
  if (columns !== undefined && Number.isInteger(columns) && columns >= NARROWEST) return columns;
  const fromEnv = Number(env['COLUMNS']);
  if (Number.isInteger(fromEnv) && fromEnv >= NARROWEST) return fromEnv;
  return UNKNOWN_TERMINAL_WIDTH;
}
