import { firstDifference } from '../../diagnose/base-string-diff.js';

export interface BaseStringDiff {
  /** The base string RFC 5849 gives for this request. */
  readonly ours: string;
  /** The other one: what the client signed, or what the server echoed. */
  readonly theirs: string;
  /** First differing character (0-based). */
  readonly index: number;
}

export function diffBaseStrings(ours: string, theirs: string): BaseStringDiff | undefined {
  const index = firstDifference(ours, theirs);
  return index === -1 ? undefined : { ours, theirs, index };
}

export interface DiffWindow {
  /** Text before the difference (starting with … when cut). */
  readonly before: string;
  /** The part that differs (may be empty: the other string has something extra here). */
  readonly changed: string;
  /** Text after it (ending with … when cut). */
  readonly after: string;
}

/**
 * The neighbourhood of the first difference in both strings. The differing
 * part runs from the first difference to where the two strings agree again
 * to their ends (longest common suffix), capped so a long tail stays short.
 * Both windows start at the same offset, so the `before` parts line up.
 */
export function diffWindows(diff: BaseStringDiff, context = 30, maxChanged = 40): { ours: DiffWindow; theirs: DiffWindow } {
  const { ours, theirs, index } = diff;
  let suffix = 0;
  const room = Math.min(ours.length, theirs.length) - index;
  while (suffix < room && ours.charCodeAt(ours.length - 1 - suffix) === theirs.charCodeAt(theirs.length - 1 - suffix)) suffix++;
  const start = Math.max(0, index - context);
  const window = (text: string): DiffWindow => {
    const changedEnd = Math.min(text.length - suffix, index + maxChanged);
    const afterEnd = Math.min(text.length, changedEnd + context);
    return {
      before: (start > 0 ? '…' : '') + text.slice(start, index),
      changed: text.slice(index, changedEnd),
      after: text.slice(changedEnd, afterEnd) + (afterEnd < text.length ? '…' : ''),
    };
  };
  return { ours: window(ours), theirs: window(theirs) };
}
