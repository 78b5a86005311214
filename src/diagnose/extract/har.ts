/**
 * A HAR (W3C HAR 1.2 draft) pasted into `explain`: when exactly one of its
 * entries failed (status 400 or more), that answer is what the person wants
 * explained; otherwise `inspect` is the tool. Never throws.
 */
export interface HarAnswer {
  readonly url: string | undefined;
  readonly status: number;
  readonly headers: Record<string, string[]>;
  readonly requestHeaders: Record<string, string[]>;
  readonly body: string;
}

export function singleFailedHarAnswer(text: string): HarAnswer | undefined {
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch {
    return undefined;
  }
  const entries = field(field(har, 'log'), 'entries');
  if (!Array.isArray(entries)) return undefined;
  const failed = entries.filter((entry) => {
    const status = field(field(entry, 'response'), 'status');
    return typeof status === 'number' && status >= 400 && status <= 599;
  });
  if (failed.length !== 1) return undefined;
  const entry: unknown = failed[0];
  const response = field(entry, 'response');
  const request = field(entry, 'request');
  const content = field(response, 'content');
  const text64 = field(content, 'text');
  const encoding = field(content, 'encoding');
  const body = typeof text64 !== 'string' ? '' : encoding === 'base64' ? Buffer.from(text64, 'base64').toString('utf8') : text64;
  const url = field(request, 'url');
  return { url: typeof url === 'string' ? url : undefined, status: field(response, 'status') as number, headers: harHeaders(field(response, 'headers')), requestHeaders: harHeaders(field(request, 'headers')), body };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined;
}

function harHeaders(list: unknown): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  if (!Array.isArray(list)) return headers;
  for (const item of list) {
    const name = field(item, 'name');
    const value = field(item, 'value');
    if (typeof name === 'string' && typeof value === 'string') (headers[name.toLowerCase()] ??= []).push(value);
  }
  return headers;
}
