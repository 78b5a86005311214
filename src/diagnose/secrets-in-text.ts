import { formDecode, percentDecode } from '../oauth/percent-encode.js';
import { CREDENTIAL_NAMES } from '../secrets/parameters.js';
import { decodeBackslashQuotes, decodeHtmlEntities } from './extract/decode.js';

/** Parameters whose values are credentials: the one list (src/secrets/parameters.ts). */
const SECRET_NAMES = CREDENTIAL_NAMES.join('|');
/** A value ends where the next parameter starts: a raw `&`, or an encoded one (`%26`, `%2526`) inside a base string. */
const VALUE = '(?:[A-Za-z0-9\\-._~+/=]|%(?!26|2526)[0-9A-Fa-f]{2}){1,512}';
const MENTIONS_A_SECRET_NAME = new RegExp(SECRET_NAMES, 'i');
/**
 * The shapes a credential is quoted in: name=value, name="value",
 * name%3Dvalue (inside a base string), "name":"value" (JSON), 'name': 'value'
 * (Python), :name => "value" (Ruby), and (issue 14 item 9) `name: value` and
 * `name = value` inside a message, and `<name>value</name>` (XML, CDATA too).
 */
const QUOTED = new RegExp(`(?:${SECRET_NAMES})(?:=|%3D|%253D|["']?\\s*(?::|=>)\\s*["']|=["'])(${VALUE})`, 'gi');
const XML = new RegExp(`<(?:${SECRET_NAMES})(?:\\s[^<>]{0,200})?>\\s*(?:<!\\[CDATA\\[)?(${VALUE})`, 'gi');
/** Unquoted, after `: ` or ` = ` in prose: a plain word there is the message's ("oauth_token: missing"), not a credential. */
const IN_PROSE = new RegExp(`(?:${SECRET_NAMES})["']?[ \\t]*(?::|=>|=)[ \\t]*(${VALUE})`, 'gi');
const PLAIN_WORD = /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]+)$/;

/**
 * Credentials known by their shape, wherever they stand (a provider's message
 * quoting the token it refused, a log line): a JWS or JWE in compact form
 * (RFC 7515 §7.1, RFC 7516 §7.1: its header is base64url JSON, so `eyJ`), the
 * b64token after `Bearer` (RFC 6750 §2.1), and a long opaque value right after
 * the words "access token", "refresh token", "id token", "token" or
 * "(authorization) code" ("code SplxlOBeZQQYbYS6WxSbIA was already redeemed").
 */
const COMPACT_JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?/g;
/** Not an auth-param (`Bearer realm="…"`, `Bearer error=invalid_token`): a name followed by `=` and a value. */
const BEARER_CREDENTIAL = /\bBearer[ \t]+([A-Za-z0-9\-._~+/]+=*)(?![A-Za-z0-9\-._~+/=]|[ \t]*=)/gi;
const AFTER_TOKEN_WORDS = /\b(?:(?:(?:access|refresh|id|bearer)[ _-]?)?token|(?:(?:authorization|auth|device)[ _-]?)?code)\b["']?[ \t]*(?:[:=][ \t]*)?["']?([A-Za-z0-9\-._~+/]{16,}=*)/gi;
/** An opaque token mixes letters and digits; a word of prose ("authorization_uri", "Unauthorized") does not. */
const TOKEN_LIKE = /^(?=.*[0-9])(?=.*[A-Za-z])/;

function credentialsByShape(text: string): string[] {
  const found = [...text.matchAll(COMPACT_JWT)].map((m) => m[0]);
  for (const pattern of [BEARER_CREDENTIAL, AFTER_TOKEN_WORDS]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1] ?? '';
      if (value.length >= 8 && TOKEN_LIKE.test(value)) found.push(value);
    }
  }
  return found;
}

/**
 * The credential values in a pasted response or capture, so the output can
 * mask them (STYLE habit 5). Each value is returned raw and decoded; the
 * Redactor also covers its encoded forms.
 */
export function secretsInText(text: string): string[] {
  const found = new Set<string>(credentialsByShape(text.slice(0, 1_000_000)));
  // Every other secret follows one of the names; most pasted inputs (a bare code, an HTML page) hold none.
  if (!MENTIONS_A_SECRET_NAME.test(text)) return [...found];
  // The extractor reads values whose quotes arrived escaped (`oauth_token_secret=\"…\"`, `&quot;`): so must the mask.
  const views = [text.slice(0, 1_000_000)];
  for (const decode of [decodeBackslashQuotes, decodeHtmlEntities]) {
    const view = decode(views[0] ?? '');
    if (view !== undefined) views.push(view);
  }
  // A message inside a form body (oauth_problem_advice=oauth_token_secret%20%3D%20V) is read decoded.
  if (views[0]?.includes('%')) views.push(formDecode(views[0]));
  const matches = views.flatMap((view) => [...view.matchAll(QUOTED), ...view.matchAll(XML), ...[...view.matchAll(IN_PROSE)].filter((m) => !PLAIN_WORD.test(m[1] ?? ''))]);
  for (const match of matches) {
    const raw = match[1];
    if (raw === undefined) continue;
    found.add(raw);
    const once = percentDecode(raw);
    found.add(once);
    found.add(percentDecode(once));
  }
  // Any length (issue 14 item 11): the Redactor masks a short one only where it stands as a value.
  return [...found].filter((value) => value !== '');
}
