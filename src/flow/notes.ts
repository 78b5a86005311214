import type { FlowNote } from './types.js';

/** A remark on a step. */
export function note(text: string): FlowNote {
  return { text };
}

/** A check that passed (shown with ✓). */
export function passed(text: string): FlowNote {
  return { text, passed: true };
}

/** A note as one line of text: a passed check ends in ` ✓`, as `--json` has always shown it. */
export function noteText(n: FlowNote): string {
  return n.passed ? `${n.text} ✓` : n.text;
}
