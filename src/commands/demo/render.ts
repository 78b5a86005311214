import { STATUS_CODES } from 'node:http';
import type { Diagnosis } from '../../diagnose/types.js';
import type { FlowStep } from '../../flow/types.js';
import type { Palette } from '../../terminal/color.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';
import type { Leg } from '../../diagnose/types.js';

const LEGS: Record<Leg, string> = {
  request_token: '① Request token',
  authorize: '② User authorisation',
  callback: '   Callback',
  access_token: '③ Access token',
  resource: '④ Protected resource',
};
const RULE_WIDTH = 72;

export function sectionRule(title: string, c: Palette): string {
  const head = `━━ ${title} `;
  return c.bold(head + '━'.repeat(Math.max(3, RULE_WIDTH - [...head].length)));
}

/** A path relative to the provider, so lines stay short (the provider URL is printed once). */
function shortUrl(url: string, base: string): string {
  return url.startsWith(base) ? url.slice(base.length) || '/' : url;
}

/** The status, padded before it is coloured so columns line up with colour on. */
function statusText(step: FlowStep, c: Palette, width: number): string {
  const exchange = step.exchange;
  if (!exchange) return step.ok ? c.green('✓'.padEnd(width)) : c.red(`✗ ${step.error?.code ?? ''}`.padEnd(width));
  const status = exchange.response.status;
  const text = (status >= 300 && status < 400 && step.ok ? `${status} → callback` : `${status} ${STATUS_CODES[status] ?? ''}`.trim()).padEnd(width);
  return status < 400 ? c.green(text) : c.red(text);
}

/** One line per step: leg, method and path, status, time. */
export function stepLine(step: FlowStep, base: string, c: Palette): string {
  if (step.name === 'callback') {
    const what = step.ok ? c.green('✓ oauth_token matches · oauth_verifier received') : c.red(`✗ ${step.error?.message ?? 'failed'}`);
    return `   ${c.dim(LEGS.callback.padEnd(22))} ${what}`;
  }
  const request = step.exchange?.request ?? (step.signed ? { method: step.signed.method, url: step.signed.url } : undefined);
  const target = request ? `${request.method.padEnd(4)} ${shortUrl(request.url.replace(/oauth_token=[^&]*/, 'oauth_token=…'), base)}` : '';
  const ms = step.ms === undefined ? '' : c.dim(`${step.ms} ms`);
  return `   ${LEGS[step.name].padEnd(22)} ${target.padEnd(36)} ${statusText(step, c, 18)} ${ms}`.trimEnd();
}

function wrap(text: string, first: string, rest = ' '.repeat(first.length), width = 96): string[] {
  const lines: string[] = [];
  let line = '';
  const indent = () => (lines.length === 0 ? first : rest);
  for (const word of text.split(/\s+/)) {
    if (line && (indent() + line + ' ' + word).length > width) {
      lines.push(indent() + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent() + line);
  return lines;
}

/** The diagnosis in a few lines: the problem, the leading cause with its evidence, the next ones by name, one fix. */
export function compactDiagnosis(diagnosis: Diagnosis, c: Palette): string[] {
  const p = diagnosis.problem;
  const lines = [`   ${c.bold('Diagnosis')}  ${c.bold(p.code)} — ${p.title}  ${c.dim(`(${p.source}, ${p.confidence})`)}`];
  if (p.message) {
    const said = sanitizeForTerminal(p.message.replace(/\s+/g, ' ').trim());
    lines.push(c.dim(`     the provider said: “${said.length > 110 ? `${said.slice(0, 110)}…` : said}”`));
  }
  const [first, ...others] = diagnosis.causes;
  if (first) {
    const mark = first.likelihood === 'certain' ? c.red('● certain') : first.likelihood === 'likely' ? c.yellow('◉ likely') : first.likelihood;
    lines.push(`     ${mark}  ${c.bold(first.id)} — ${first.title}`);
    for (const evidence of first.evidence) lines.push(...wrap(evidence, '         ▸ '));
  }
  const next = others.filter((o) => o.likelihood !== 'unlikely').slice(0, 3);
  if (next.length > 0) lines.push(c.dim(`     then: ${next.map((o) => `${o.id} (${o.likelihood})`).join(', ')}`));
  const fix = diagnosis.fixes.find((f) => f.for === 'developer' && (f.cause === undefined || f.cause === first?.id)) ?? diagnosis.fixes[0];
  if (fix) lines.push(...wrap(fix.text, '     fix: '));
  return lines;
}
