import type { Lang } from '../../diagnose/lang.js';
import { escapeHtml } from '../../html/escape.js';

/**
 * Picks English or Japanese from Accept-Language (RFC 9110 §12.5.4): the
 * highest-weighted of the two wins; anything else falls back to English.
 */
export function preferredLang(acceptLanguage: string | undefined): Lang {
  let best: { lang: Lang; q: number } = { lang: 'en', q: 0 };
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const primary = tag.trim().toLowerCase().split('-')[0];
    if ((primary === 'ja' || primary === 'en') && Number.isFinite(q) && q > best.q) best = { lang: primary, q };
  }
  return best.lang;
}

/** A complete, self-contained page; `body` must already be escaped HTML. */
export function htmlPage(title: string, body: string, lang: Lang = 'en'): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{font-size:1.4em}</style></head>
<body>
${body}
</body>
</html>
`;
}
