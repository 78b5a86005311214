import { STATUS_CODES } from 'node:http';
import { shownHeaderValue } from '../secrets/cookie-values.js';
import { formatBytes } from '../http/body.js';
import type { HttpExchange, HttpRequest } from '../http/types.js';
import { parseForm } from '../oauth/form.js';
import type { Leg } from '../diagnose/types.js';
import type { Palette } from '../terminal/color.js';
import { verbatimBaseString } from '../secrets/redactor.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { LEG_TITLES } from './recorder.js';
import { isCredentialParameter } from '../secrets/parameters.js';
import type { FlowStep } from './types.js';
import type { SignedRequest } from '../oauth/types.js';
import { noteLine } from './notes.js';

const NUMBERS: Record<Leg, string> = { request_token: '①', authorize: '②', callback: '②', access_token: '③', resource: '④' };
const BODY_PREVIEW_CHARS = 600;

/**
 * Text a provider sent, neutralised where it is inserted, before any colour
 * of ours is added around it (the output layer sanitises again; this keeps a
 * provider's escape sequences out even if that layer lets our colours pass).
 */
const untrusted = sanitizeForTerminal;

export interface RenderOptions {
  readonly verbose: boolean;
  /** Masks a secret for display (identity with --show-secrets). */
  readonly mask: (value: string) => string;
}

/** `① Request token   POST https://…` */
export function legHeading(leg: Leg, request: HttpRequest | undefined, c: Palette): string {
  const target = request ? `${c.dim(request.method)} ${request.url}` : '';
  return `${c.bold(`${NUMBERS[leg]} ${LEG_TITLES[leg]}`)}   ${target}`.trimEnd();
}

export function statusLine(exchange: HttpExchange, c: Palette): string {
  const status = exchange.response.status;
  const text = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
  const coloured = status < 300 ? c.green(text) : status < 400 ? c.yellow(text) : c.red(text);
  return `  → ${coloured}  ${c.dim(`${exchange.totalMs} ms · ${formatBytes(exchange.response.bodyBytes)}`)}`;
}

function bodyPreview(exchange: HttpExchange, c: Palette): string[] {
  const r = exchange.response;
  if (r.encoding === 'empty') return [c.dim('  (empty body)')];
  if (r.encoding === 'binary') return [c.dim(`  (binary body, ${formatBytes(r.bodyBytes)}, not shown)`)];
  const lines: string[] = [];
  const text = r.body.length > BODY_PREVIEW_CHARS ? `${r.body.slice(0, BODY_PREVIEW_CHARS)}…` : r.body;
  for (const line of text.split(/\r?\n/).slice(0, 12)) lines.push(`  ${c.dim('│')} ${untrusted(line)}`);
  if (r.encoding === 'invalid-utf-8') lines.push(c.dim('  (not valid UTF-8: invalid bytes shown as �)'));
  if (r.truncated) lines.push(c.dim(`  (kept ${formatBytes(r.keptBytes)} of ${formatBytes(r.bodyBytes)}; the rest was counted and discarded)`));
  return lines;
}

function formFields(exchange: HttpExchange, c: Palette, mask: (v: string) => string): string[] {
  const fields = parseForm(exchange.response.body.trim());
  const width = Math.max(...fields.map(([n]) => n.length), 8);
  return fields.map(([name, value]) => `  ${untrusted(name).padEnd(width)}  ${isCredentialParameter(name) ? mask(value) : value === '' ? c.dim('(empty)') : untrusted(value)}`);
}

/** The working of a signed request: parameters in normalised order with their sources, and the base string. */
export function signedWorkingLines(signed: SignedRequest, c: Palette): string[] {
  const width = Math.max(...signed.parameters.map((p) => p.name.length), 4);
  const lines = [c.dim('  parameters (normalised order, RFC 5849 §3.4.1.3.2)')];
  for (const p of signed.parameters) lines.push(`    ${untrusted(p.name).padEnd(width)}  ${p.value === '' ? c.dim('(empty)') : untrusted(p.value)}  ${c.dim(p.source)}`);
  lines.push(c.dim('  base string (§3.4.1.1)'), `    ${verbatimBaseString(signed.baseString)}`);
  return lines;
}

/** Redirects followed and the response headers, every value of a repeated one. */
export function responseHeaderLines(exchange: HttpExchange, c: Palette): string[] {
  const lines: string[] = [];
  for (const hop of exchange.redirects) {
    lines.push(c.dim(`  ${hop.request.method} ${untrusted(hop.request.url)} → ${hop.status} ${untrusted(hop.location)}${hop.authorizationDropped ? ' (Authorization not forwarded: another origin)' : ''}`));
  }
  lines.push(c.dim('  response headers'));
  for (const [name, value] of Object.entries(exchange.response.headers)) {
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`    ${untrusted(name)}: ${untrusted(shownHeaderValue(name, v))}`);
  }
  return lines;
}

function verboseRequest(step: FlowStep, c: Palette): string[] {
  const lines: string[] = [];
  const signed = step.signed;
  if (signed) {
    lines.push(...signedWorkingLines(signed, c));
    lines.push(c.dim('  Authorization (§3.5.1)'), `    ${signed.authorization}`);
  }
  if (step.exchange) lines.push(...responseHeaderLines(step.exchange, c));
  return lines;
}

/** The lines for one finished step (the heading was printed when it started). */
export function renderStep(step: FlowStep, c: Palette, options: RenderOptions): string[] {
  const lines: string[] = [];
  const callback = step.signed?.protocolParameters.find(([n]) => n === 'oauth_callback')?.[1];
  if (callback !== undefined && !options.verbose) lines.push(`  ${c.dim('oauth_callback')}  ${callback}`);
  if (options.verbose) lines.push(...verboseRequest(step, c));
  const exchange = step.exchange;
  if (exchange) {
    lines.push(statusLine(exchange, c));
    const isTokenLeg = step.name === 'request_token' || step.name === 'access_token';
    if (step.ok && isTokenLeg) lines.push(...formFields(exchange, c, options.mask));
    else if (step.name !== 'authorize' || !step.ok) lines.push(...bodyPreview(exchange, c));
  } else if (step.ms !== undefined && step.ms >= 100 && step.name === 'callback') {
    lines.push(`  ${c.dim(`waited ${(step.ms / 1000).toFixed(1)} s`)}`);
  }
  for (const note of step.notes) lines.push(noteLine(note, c));
  if (step.error) lines.push(`  ${c.red('✗')} ${step.error.message}`);
  return lines;
}
