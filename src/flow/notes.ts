import type { Palette } from '../terminal/color.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';

/**
 * What a note on a step says of it, as data (issue 13: rendering decides from
 * the kind, never from the text): a check that passed, one that failed, a
 * warning, or a plain remark. Both protocols' flows record their notes so.
 */
type NoteKind = 'ok' | 'fail' | 'warn' | 'info';

/** One observation on a step. */
export interface FlowNote {
  readonly kind: NoteKind;
  readonly text: string;
}

/** A remark on a step. */
export function note(text: string): FlowNote {
  return { kind: 'info', text };
}

/** A check that passed (shown with ✓). */
export function passed(text: string): FlowNote {
  return { kind: 'ok', text };
}

/** A check that failed (shown with ✗). */
export function failed(text: string): FlowNote {
  return { kind: 'fail', text };
}

/** Something worth a second look that does not stop the flow (shown with !). */
export function warning(text: string): FlowNote {
  return { kind: 'warn', text };
}

/** A check's result as a note: passed or failed. */
export function checked(ok: boolean, text: string): FlowNote {
  return ok ? passed(text) : failed(text);
}

const MARK: Readonly<Record<NoteKind, string>> = { ok: '✓', fail: '✗', warn: '!', info: '' };

/** The one terminal line of a note, for both protocols: its mark in its colour, a plain remark dimmed. */
export function noteLine(n: FlowNote, c: Palette): string {
  const text = sanitizeForTerminal(n.text);
  if (n.kind === 'info') return `  ${c.dim(text)}`;
  const colour = n.kind === 'ok' ? c.green : n.kind === 'fail' ? c.red : c.yellow;
  return `  ${colour(MARK[n.kind])} ${text}`;
}

/** An OAuth 1.0a note in `--json` and the session record, as they have always shown it: a passed check ends in ` ✓`. */
export function noteText(n: FlowNote): string {
  return n.kind === 'info' ? n.text : n.kind === 'ok' ? `${n.text} ✓` : `${MARK[n.kind]} ${n.text}`;
}

/** An OAuth 2.0 note in `--json`, as it has always shown it: the mark first (`✓ …`, `✗ …`, `! …`). */
export function oauth2NoteText(n: FlowNote): string {
  return n.kind === 'info' ? n.text : `${MARK[n.kind]} ${n.text}`;
}
