import type { HttpExchange, HttpRequest } from '../../http/types.js';
import { shownHeaderValue } from '../../secrets/cookie-values.js';
import type { Palette } from '../../terminal/color.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';
import { responseHeaderLines, statusLine } from '../render.js';
import type { OAuth2StepRecord } from './types.js';
import { noteLine } from '../notes.js';

const untrusted = sanitizeForTerminal;
const BODY_PREVIEW_CHARS = 600;

export interface OAuth2RenderOptions {
  readonly verbose: boolean;
  readonly mask: (value: string) => string;
}

/** `▸ Code exchange   POST https://…` */
export function stepHeading(title: string, request: HttpRequest | undefined, c: Palette): string {
  const target = request ? `${c.dim(request.method)} ${untrusted(request.url.length > 200 ? `${request.url.slice(0, 200)}…` : request.url)}` : '';
  return `${c.bold(`▸ ${title}`)}   ${target}`.trimEnd();
}

function requestLines(request: HttpRequest, c: Palette): string[] {
  const lines = [c.dim('  request headers')];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`    ${name}: ${untrusted(shownHeaderValue(name, value))}`);
  if (request.body !== undefined && request.body !== '') lines.push(c.dim('  request body'), `    ${untrusted(request.body)}`);
  return lines;
}

function bodyLines(exchange: HttpExchange, c: Palette): string[] {
  const r = exchange.response;
  if (r.encoding === 'empty') return [c.dim('  (empty body)')];
  if (r.encoding === 'binary') return [c.dim('  (binary body, not shown)')];
  const text = r.body.length > BODY_PREVIEW_CHARS ? `${r.body.slice(0, BODY_PREVIEW_CHARS)}…` : r.body;
  return text.split(/\r?\n/).slice(0, 12).map((line) => `  ${c.dim('│')} ${untrusted(line)}`);
}

/** The lines of a finished step: each exchange's status (and, with --verbose, the raw request and headers), what was worked out, the checks. */
export function renderOAuth2Step(step: OAuth2StepRecord, c: Palette, options: OAuth2RenderOptions): string[] {
  const lines: string[] = [];
  for (const exchange of step.exchanges) {
    if (step.exchanges.length > 1 || options.verbose) lines.push(c.dim(`  ${exchange.request.method} ${untrusted(exchange.request.url)}`));
    if (options.verbose) lines.push(...requestLines(exchange.request, c));
    lines.push(statusLine(exchange, c));
    if (options.verbose) lines.push(...responseHeaderLines(exchange, c));
    if (!step.ok || options.verbose) lines.push(...bodyLines(exchange, c));
  }
  if (step.exchanges.length === 0 && step.ms !== undefined && step.ms >= 100) lines.push(`  ${c.dim(`took ${(step.ms / 1000).toFixed(1)} s`)}`);
  const width = Math.max(0, ...step.working.map((w) => w.label.length));
  for (const w of step.working) lines.push(`  ${c.dim(w.label.padEnd(width))}  ${w.secret ? options.mask(w.value) : untrusted(w.value)}`);
  for (const note of step.notes) lines.push(noteLine(note, c));
  if (step.error) lines.push(`  ${c.red('✗')} ${untrusted(step.error.message)}`);
  return lines;
}
