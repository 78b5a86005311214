/**
 * What a redirect URI may be (one rule for a profile's redirectUri, flow's
 * --callback and serve --oauth2's registered URIs):
 * - an absolute URI without a fragment (RFC 6749 §3.1.2);
 * - no userinfo (`https://user@host/cb`): RFC 3986 §3.2.1 deprecates a
 *   password in it, and a user part makes a URI that reads as one host and
 *   goes to another (RFC 3986 §7.6, semantic attacks);
 * - http(s), or a private-use URI scheme in reverse domain name notation, as
 *   a native app registers (RFC 8252 §7.1: `com.example.app:/callback`, the
 *   scheme holding a period, so never `javascript:` or `file:`).
 * Pure: the kind, or the reason as one line without the value (the caller
 * names the flag or field and quotes what it may).
 */
export type RedirectUriKind = 'http' | 'private-use';

/** An authority with a `user@` part, also an empty one (`https://@host/`, which URL reads as no user name). */
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;

export function redirectUriKind(value: string): { kind: RedirectUriKind } | { problem: string } {
  // The URL parser drops tabs and line breaks anywhere and controls or spaces at either end; the provider compares the string as registered.
  if (/[\t\n\r]|^[\u0000-\u0020]|[\u0000-\u0020]$/.test(value)) return { problem: 'has a tab, a line break, or a space or control character at an end, which URL parsing drops, so the string sent would never match it' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: portProblem(value) ?? 'is not an absolute URI (RFC 6749 §3.1.2)' };
  }
  if (url.hash !== '' || value.includes('#')) return { problem: 'has a fragment (#…), which RFC 6749 §3.1.2 forbids' };
  if (url.username !== '' || url.password !== '' || USERINFO.test(value)) return { problem: 'has a user name or password before the host (user@host): refused, it reads as one host and may go to another (RFC 3986 §3.2.1, §7.6)' };
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.hostname === '') return { problem: 'has no host' };
    // URL mends `http:/host/cb` and `http:\\host\cb` into http://host/cb; the provider compares the string as registered, so it would never match.
    if (!/^https?:\/\//i.test(value) || value.includes('\\')) return { problem: 'is not written scheme://host/path: the host must follow "//" and paths use "/" (RFC 3986 §3)' };
    return { kind: 'http' };
  }
  const scheme = url.protocol.slice(0, -1);
  // RFC 8252 §7.1: "a scheme based on a domain name under their control, expressed in reverse order".
  if (/^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+$/i.test(scheme)) return { kind: 'private-use' };
  return { problem: `uses the scheme "${scheme}:", neither http(s) nor a private-use scheme in reverse domain name notation (RFC 8252 §7.1, e.g. com.example.app:/callback)` };
}

/** Why an authority's port is refused (RFC 3986 §3.2.3: digits; a TCP port is at most 65535), when that is why the URI does not parse. */
function portProblem(value: string): string | undefined {
  const port = /^[a-z][a-z0-9+.-]*:\/\/(?:\[[^\]/]*\]|[^/?#:[]*):([^/?#]*)/i.exec(value)?.[1];
  // With a user@ part the colon may be the password's: that URI is refused for its user part.
  if (port === undefined || port.includes('@')) return undefined;
  if (!/^\d+$/.test(port)) return 'has a port that is not a number (RFC 3986 §3.2.3)';
  return Number(port) > 65535 ? `has port ${port}, and a port is at most 65535` : undefined;
}

/** A redirect URI as a message may quote it: at most 80 characters, a user name or password before the host left out. */
export function shownRedirectUri(value: string): string {
  // Controls written as escapes: a line break in the value must not break the one-line message.
  const shown = value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1…@').slice(0, 80);
}
