/** A parsed JSON value (RFC 8259), as the JSON readers see it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A JSON object: not null, not an array. */
export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or a number as its text (`{"code":89}` and `{"code":"89"}` alike). */
export function jsonText(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** An HTTP status given as a JSON number (RFC 9457 §3.1.2, Tumblr's meta.status). */
export function jsonHttpStatus(value: Json | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599 ? value : undefined;
}
