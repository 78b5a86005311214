import { formatBytes } from '../../http/body.js';
import type { HttpExchange } from '../../http/types.js';
import { responseHeaderLines, signedWorkingLines, statusLine } from '../../flow/render.js';
import type { SignedRequest } from '../../oauth/types.js';
import type { Palette } from '../../terminal/color.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';

const BODY_LINES_SHOWN = 20;

/** The request as sent: the working (parameters, base string), the headers and the start of the body. */
export function requestLines(signed: SignedRequest, exchange: HttpExchange, c: Palette): string[] {
  const sent = exchange.request;
  const lines = [c.bold(`Request`) + c.dim(`  ${sent.method} ${sanitizeForTerminal(sent.url)}`), ...signedWorkingLines(signed, c), c.dim('  headers')];
  for (const [name, value] of Object.entries(sent.headers)) lines.push(`    ${name}: ${value}`);
  if (sent.body !== undefined && sent.body !== '') {
    const shown = sent.body.split(/\r?\n/);
    lines.push(c.dim(`  body (${formatBytes(Buffer.byteLength(sent.body))}${signed.body && !signed.parameters.some((p) => p.source === 'body') && !/form-urlencoded/i.test(signed.body.contentType) ? ', not signed: not a form' : ''})`));
    for (const line of shown.slice(0, BODY_LINES_SHOWN)) lines.push(`    ${c.dim('│')} ${sanitizeForTerminal(line)}`);
    if (shown.length > BODY_LINES_SHOWN) lines.push(c.dim(`    … ${shown.length - BODY_LINES_SHOWN} more lines`));
  }
  return lines;
}

/** Status, timings, headers; and what the clock says. */
export function responseLines(exchange: HttpExchange, clockOffsetSec: number | undefined, c: Palette): string[] {
  const lines = [c.bold('Response') + statusLine(exchange, c).replace(/^ {2}→/, ''), c.dim(`  timings: headers after ${exchange.headersMs} ms, body after ${exchange.totalMs} ms`)];
  lines.push(...responseHeaderLines(exchange, c));
  if (clockOffsetSec !== undefined) {
    const clock = Math.abs(clockOffsetSec) <= 1 ? 'agrees with ours (±1 s)' : `is ${Math.abs(clockOffsetSec)} s ${clockOffsetSec > 0 ? 'ahead of' : 'behind'} ours`;
    lines.push(c.dim(`  clock: the server's Date ${clock}`));
  }
  return lines;
}

function isJson(exchange: HttpExchange): boolean {
  const type = exchange.response.headers['content-type'];
  const value = (Array.isArray(type) ? type[0] : type) ?? '';
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(value) || /^\s*[[{]/.test(exchange.response.body);
}

/** The body for stdout: JSON pretty-printed (two spaces), anything else as it came; undefined when empty. */
export function bodyForStdout(exchange: HttpExchange): string | undefined {
  const r = exchange.response;
  if (r.encoding === 'empty') return undefined;
  if (isJson(exchange) && !r.truncated) {
    try {
      return JSON.stringify(JSON.parse(r.body), null, 2);
    } catch {
      // not JSON after all: as it came
    }
  }
  return r.body.endsWith('\n') ? r.body.slice(0, -1) : r.body;
}

/** What stderr says about the body on stdout, when anything needs saying. */
export function bodyNote(exchange: HttpExchange): string | undefined {
  const r = exchange.response;
  if (r.encoding === 'empty') return '(empty body)';
  if (r.truncated) return `(body capped: the first ${formatBytes(r.keptBytes)} of ${formatBytes(r.bodyBytes)} is on stdout)`;
  if (r.encoding === 'binary') return `(binary body, ${formatBytes(r.bodyBytes)}: shown as text)`;
  if (r.encoding === 'invalid-utf-8') return '(not valid UTF-8: invalid bytes shown as �)';
  return undefined;
}
