import { usageError } from '../../errors.js';

const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** `-H "Name: value"` (repeatable) as lower-case names; an OAuth Authorization of your own would be replaced, so it is refused. */
export function parseHeaders(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    const name = colon > 0 ? value.slice(0, colon).trim() : '';
    const content = colon > 0 ? value.slice(colon + 1).trim() : '';
    if (!FIELD_NAME.test(name) || /[\r\n\0]/.test(content)) throw usageError('invalid-header', `-H "${value.slice(0, 60)}" is not "Name: value"`, "e.g. -H 'Accept: application/json'");
    const key = name.toLowerCase();
    if (key === 'authorization') throw usageError('authorization-header-given', '-H Authorization: oauth-doctor writes the Authorization header itself', 'drop -H Authorization; give the credentials instead (--as NAME, flags or OAUTH_*)');
    headers[key] = headers[key] === undefined ? content : `${headers[key]}, ${content}`;
  }
  return headers;
}
