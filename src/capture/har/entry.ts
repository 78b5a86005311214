import { captureError } from '../errors.js';
import type { CapturedBody, CapturedExchange, CapturedResponse, HeaderList } from '../types.js';
import { percentEncode } from '../../oauth/percent-encode.js';

/** Bodies beyond this many characters are cut: OAuth answers are small, and we never want a 50 MB video in memory twice. */
export const MAX_BODY_CHARS = 1024 * 1024;

type Json = Record<string, unknown>;

/**
 * Turns one parsed HAR entry (HAR 1.2, http://www.softwareishard.com/blog/har-12-spec/)
 * into a CapturedExchange. Lenient about what browsers and proxies leave
 * out, strict about types: a field of the wrong type is an error naming the
 * field, e.g. `log.entries[3].request.url`.
 */
export class HarEntryReader {
  constructor(
    private readonly source: string,
    private readonly entryIndex: number,
  ) {}

  private path(field: string): string {
    return `log.entries[${this.entryIndex}]${field ? `.${field}` : ''}`;
  }

  private fail(field: string, problem: string): never {
    throw captureError('har-invalid-field', `${this.source}: ${this.path(field)} ${problem}`, 'the HAR does not follow the HAR 1.2 format there; export it again or fix that field');
  }

  private object(value: unknown, field: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(field, `should be an object but is ${describe(value)}`);
    return value as Json;
  }

  private string(value: unknown, field: string): string {
    if (typeof value !== 'string') this.fail(field, `should be a string but is ${describe(value)}`);
    return value;
  }

  private optionalString(value: unknown, field: string): string | undefined {
    return value === undefined || value === null ? undefined : this.string(value, field);
  }

  private optionalNumber(value: unknown, field: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, `should be a number but is ${describe(value)}`);
    return value;
  }

  private headers(value: unknown, field: string): HeaderList {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(field, `should be an array of {name, value} but is ${describe(value)}`);
    return value.map((item, i) => {
      const header = this.object(item, `${field}[${i}]`);
      return [this.string(header['name'], `${field}[${i}].name`), this.string(header['value'] ?? '', `${field}[${i}].value`)] as const;
    });
  }

  private postData(value: unknown, headers: HeaderList): CapturedBody | undefined {
    if (value === undefined || value === null) return undefined;
    const post = this.object(value, 'request.postData');
    const mimeType = this.optionalString(post['mimeType'], 'request.postData.mimeType');
    const contentType = headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? (mimeType || undefined);
    let text = this.optionalString(post['text'], 'request.postData.text');
    if (text === undefined && Array.isArray(post['params'])) {
      // Some exporters keep only params for form bodies; rebuild the form (RFC 3986 encoding).
      text = post['params']
        .map((item, i) => {
          const param = this.object(item, `request.postData.params[${i}]`);
          const name = this.string(param['name'], `request.postData.params[${i}].name`);
          const paramValue = this.optionalString(param['value'], `request.postData.params[${i}].value`) ?? '';
          return `${percentEncode(name)}=${percentEncode(paramValue)}`;
        })
        .join('&');
    }
    return { contentType, text: cap(text ?? '') };
  }

  private response(value: unknown): CapturedResponse | undefined {
    if (value === undefined || value === null) return undefined;
    const response = this.object(value, 'response');
    const status = this.optionalNumber(response['status'], 'response.status') ?? 0;
    // Status 0: the browser never got an answer (blocked, aborted, CORS).
    if (status === 0) return undefined;
    if (!Number.isInteger(status) || status < 100 || status > 999) this.fail('response.status', `should be an HTTP status code but is ${status}`);
    const headers = this.headers(response['headers'], 'response.headers');
    let body: string | undefined;
    if (response['content'] !== undefined && response['content'] !== null) {
      const content = this.object(response['content'], 'response.content');
      const text = this.optionalString(content['text'], 'response.content.text');
      const encoding = this.optionalString(content['encoding'], 'response.content.encoding');
      if (text !== undefined) body = cap(encoding?.toLowerCase() === 'base64' ? decodeBase64Prefix(text) : text);
    }
    return { status, headers, body };
  }

  read(parsed: unknown, exchangeIndex: number): CapturedExchange {
    const entry = this.object(parsed, '');
    const request = this.object(entry['request'], 'request');
    const method = this.string(request['method'], 'request.method');
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) this.fail('request.method', `is not an HTTP method: "${method.slice(0, 20)}"`);
    const url = this.string(request['url'], 'request.url');
    if (!URL.canParse(url)) this.fail('request.url', `is not an absolute URL: "${url.slice(0, 80)}"`);
    const headers = this.headers(request['headers'], 'request.headers');
    const startedText = this.optionalString(entry['startedDateTime'], 'startedDateTime');
    const startedAt = startedText === undefined ? undefined : Date.parse(startedText);
    if (startedAt !== undefined && Number.isNaN(startedAt)) this.fail('startedDateTime', `is not an ISO 8601 date: "${startedText?.slice(0, 40)}"`);
    const timings = entry['timings'] === undefined || entry['timings'] === null ? {} : this.object(entry['timings'], 'timings');
    const wait = this.optionalNumber(timings['wait'], 'timings.wait');
    const time = this.optionalNumber(entry['time'], 'time');
    return {
      index: exchangeIndex,
      origin: `entry ${this.entryIndex + 1}`,
      startedAt,
      durationMs: time !== undefined && time >= 0 ? time : undefined,
      waitMs: wait !== undefined && wait >= 0 ? wait : undefined,
      request: { method, url, headers, body: this.postData(request['postData'], headers) },
      response: this.response(entry['response']),
    };
  }
}

/**
 * The start of a base64 body, decoded only as far as MAX_BODY_CHARS can
 * reach (UTF-8 takes at most 4 bytes a character): a 200 MB body costs a
 * few MB, not a gigabyte (issue 14 item 1).
 */
function decodeBase64Prefix(text: string): string {
  const enough = Math.ceil((MAX_BODY_CHARS * 4) / 3) * 4;
  return Buffer.from(text.length > enough ? text.slice(0, enough) : text, 'base64').toString('utf8');
}

function cap(text: string): string {
  return text.length > MAX_BODY_CHARS ? text.slice(0, MAX_BODY_CHARS) : text;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string "${value.slice(0, 30)}"`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value).slice(0, 30)}`;
}
