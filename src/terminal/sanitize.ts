/**
 * Neutralises terminal control sequences in text that came from outside (a
 * provider's body, a capture), so a hostile server cannot move the cursor,
 * retitle the window, clear the screen or hide text. Newlines and tabs stay;
 * every other C0/C1 control character and ESC becomes a visible `\xNN` escape,
 * and the Unicode bidirectional overrides and isolates (which can make text
 * display in another order than it is, "Trojan Source") a visible `\uNNNN`.
 */
export function sanitizeForTerminal(text: string, options: { keepColour?: boolean } = {}): string {
  if (!options.keepColour) return text.replace(CONTROL, escapeControl);
  // Keep exactly the SGR codes our palette emits (bold, dim, red, green,
  // yellow, cyan and their resets): at worst a provider can colour its own
  // text, never conceal it (SGR 8) or do anything else.
  return text.split(PALETTE_SGR).map((part, i) => (i % 2 ? part : part.replace(CONTROL, escapeControl))).join('');
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const PALETTE_SGR = /(\u001b\[(?:1|2|22|31|32|33|36|39)m)/;

function escapeControl(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
}
