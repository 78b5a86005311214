import { escapeHtml } from '../html/escape.js';

/**
 * The small page the callback listener answers with. No scripts, no external
 * resources (the Content-Security-Policy header forbids them anyway); every
 * piece of text passes escapeHtml, including our own.
 */
export function callbackPage(title: string, lines: readonly string[]): string {
  const body = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34em;margin:4em auto;padding:0 1em;color:#222}h1{font-size:1.3em}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}
