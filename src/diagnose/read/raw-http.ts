export interface RawResponse {
  readonly status?: number;
  readonly headers: Record<string, string[]>;
  readonly body: string;
}

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/;
const HEADER_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*)$/;
/** Headers a pasted block (browser devtools, `curl -v`) may start with when the status line was left out. */
const LEADING_HEADERS = /^(?:www-authenticate|content-type|date|server|set-cookie|cache-control|content-length|x-[\w-]+):/i;

export function looksLikeRawResponse(text: string): boolean {
  const first = text.trimStart().split(/\r?\n/, 1)[0] ?? '';
  return STATUS_LINE.test(first) || LEADING_HEADERS.test(first);
}

/**
 * A pasted HTTP response: status line (optional), header lines, a blank
 * line, the body (RFC 9112 §2.1). `curl -i` output with an interim
 * `100 Continue` or a redirect keeps only the last response.
 */
export function parseRawResponse(text: string): RawResponse {
  let lines = text.trimStart().split(/\r?\n/);
  for (let i = lines.length - 1; i > 0; i--) {
    if (STATUS_LINE.test(lines[i] ?? '') && lines[i - 1] === '') {
      // Only when a blank line precedes it and headers follow: a later response.
      if (HEADER_LINE.test(lines[i + 1] ?? '') || lines[i + 1] === '') lines = lines.slice(i);
      break;
    }
  }
  let status: number | undefined;
  let index = 0;
  const statusMatch = STATUS_LINE.exec(lines[0] ?? '');
  if (statusMatch) {
    status = Number(statusMatch[1]);
    index = 1;
  }
  const headers: Record<string, string[]> = {};
  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index++;
      break;
    }
    const header = HEADER_LINE.exec(line);
    if (!header) break;
    const name = (header[1] ?? '').toLowerCase();
    (headers[name] ??= []).push((header[2] ?? '').trim());
  }
  const body = lines.slice(index).join('\n');
  return status === undefined ? { headers, body } : { status, headers, body };
}
