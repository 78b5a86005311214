/**
 * Neutralises terminal control sequences in text that came from outside (a
 * provider's body, a capture), so a hostile server cannot move the cursor,
 * retitle the window, clear the screen or hide text. Newlines and tabs stay;
 * every other C0/C1 control character and ESC becomes a visible `\xNN` escape,
 * and the Unicode bidirectional marks, overrides and isolates (which can make
 * text display in another order than it is, "Trojan Source") a visible
 * `\uNNNN` (see TERMINAL_UNSAFE_CHARACTERS).
 */
export function sanitizeForTerminal(text: string, options: { keepColour?: boolean } = {}): string {
  if (!options.keepColour) return text.replace(CONTROL, escapeControl);
  // Keep exactly the SGR codes our palette emits (bold, dim, red, green,
  // yellow, cyan and their resets): at worst a provider can colour its own
  // text, never conceal it (SGR 8) or do anything else.
  return text.split(PALETTE_SGR).map((part, i) => (i % 2 ? part : part.replace(CONTROL, escapeControl))).join('');
}

/**
 * The characters text from outside (a provider's body, a capture) must not
 * carry to a terminal, as the inside of a regular-expression class: C0
 * controls but tab and newline, DEL, C1 (8-bit CSI among them), and the
 * Unicode bidirectional controls — the Arabic letter mark and the
 * left-to-right/right-to-left marks (U+061C, U+200E, U+200F), embeddings
 * and overrides (U+202A–U+202E), isolates (U+2066–U+2069) — which can make
 * text display in another order than it is ("Trojan Source", CVE-2021-42574).
 * One definition: the sanitiser escapes these, the readers drop them.
 */
export const TERMINAL_UNSAFE_CHARACTERS = String.raw`\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069`;

/**
 * White space and C0 controls (a CR from a CRLF-minded server, a NUL) and DEL at either end of a text.
 * Not ESC, C1 or the bidirectional controls: those start a sequence, and stay for the sanitiser to show.
 */
const AT_THE_EDGES = /^[\s\u0000-\u001a\u001c-\u001f\u007f]+|[\s\u0000-\u001a\u001c-\u001f\u007f]+$/g;

/**
 * A provider's text (an error_description, an oauth_problem_advice) without
 * white space or control characters at its ends: `"Client authentication
 * failed.\r"` is shown as it was meant, not as `failed.\x0d`. Inside the
 * text they stay, for the sanitiser to make visible.
 */
export function trimProviderText(text: string): string {
  return text.replace(AT_THE_EDGES, '');
}

const CONTROL = new RegExp(`[${TERMINAL_UNSAFE_CHARACTERS}]`, 'g');
const PALETTE_SGR = /(\u001b\[(?:1|2|22|31|32|33|36|39)m)/;

function escapeControl(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
