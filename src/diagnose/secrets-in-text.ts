import { percentDecode } from '../oauth/percent-encode.js';
import { CREDENTIAL_NAMES } from '../secrets/parameters.js';
import { decodeBackslashQuotes, decodeHtmlEntities } from './extract/decode.js';

/** Parameters whose values are credentials: the one list (src/secrets/parameters.ts). */
const SECRET_NAMES = CREDENTIAL_NAMES.join('|');
/** name=value, name="value", name%3Dvalue (inside a base string), "name":"value" (JSON), 'name': 'value' (Python), :name => "value" (Ruby). */
/** A value ends where the next parameter starts: a raw `&`, or an encoded one (`%26`, `%2526`) inside a base string. */
const VALUE = '(?:[A-Za-z0-9\\-._~+/]|%(?!26|2526)[0-9A-Fa-f]{2}){4,512}';
const MENTIONS_A_SECRET_NAME = new RegExp(SECRET_NAMES, 'i');
const SECRET_VALUE = new RegExp(`(?:${SECRET_NAMES})(?:=|%3D|%253D|["']?\\s*(?::|=>)\\s*["']|=["'])(${VALUE})`, 'gi');

/**
 * The credential values in a pasted response or capture, so the output can
 * mask them (STYLE habit 5). Each value is returned raw and decoded; the
 * Redactor also covers its encoded forms.
 */
export function secretsInText(text: string): string[] {
  // Every secret follows one of the names; most pasted inputs (a bare code, an HTML page) hold none.
  if (!MENTIONS_A_SECRET_NAME.test(text)) return [];
  const found = new Set<string>();
  // The extractor reads values whose quotes arrived escaped (`oauth_token_secret=\"…\"`, `&quot;`): so must the mask.
  const views = [text.slice(0, 1_000_000)];
  for (const decode of [decodeBackslashQuotes, decodeHtmlEntities]) {
    const view = decode(views[0] ?? '');
    if (view !== undefined) views.push(view);
  }
  for (const match of views.flatMap((view) => [...view.matchAll(SECRET_VALUE)])) {
    const raw = match[1];
    if (raw === undefined) continue;
    found.add(raw);
    const once = percentDecode(raw);
    found.add(once);
    found.add(percentDecode(once));
  }
  return [...found].filter((value) => value.length >= 4);
}
