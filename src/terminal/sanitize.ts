/**
 * Neutralises terminal control sequences in text that came from outside (a
 * provider's body, a capture), so a hostile server cannot move the cursor,
 * retitle the window or hide text. Newlines and tabs stay; every other C0/C1
 * control character and ESC becomes a visible `\xNN` escape.
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
