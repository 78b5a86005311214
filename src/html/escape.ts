/**
 * Escapes text for HTML element content and attribute values (quoted or
 * not: `=` and the backtick are escaped too). Every piece of text a page of
 * ours shows passes here — the callback listener's and the embedded provider's.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => `&#${c.charCodeAt(0)};`);
}
