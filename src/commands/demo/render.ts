import { STATUS_CODES } from 'node:http';
import type { Diagnosis } from '../../diagnose/types.js';
import type { FlowStep } from '../../flow/types.js';
import type { Palette } from '../../terminal/color.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';
import type { Lang } from '../../diagnose/lang.js';
import { DEMO_TEXT, LEG_NAMES, say } from './text.js';
import { displayWidth, padDisplay, wrapText } from '../../terminal/wrap.js';

const RULE_WIDTH = 72;
/** Where the demo's wrapped lines end. */
const DEMO_WIDTH = 96;
const LEG_COLUMN = 24;

export function sectionRule(title: string, c: Palette): string {
  const head = `━━ ${title} `;
  return c.bold(head + '━'.repeat(Math.max(3, RULE_WIDTH - displayWidth(head))));
}

/** A path relative to the provider, so lines stay short (the provider URL is printed once). */
function shortUrl(url: string, base: string): string {
  return url.startsWith(base) ? url.slice(base.length) || '/' : url;
}

/** The status, padded before it is coloured so columns line up with colour on. */
function statusText(step: FlowStep, c: Palette, width: number, lang: Lang): string {
  const exchange = step.exchange;
  if (!exchange) return step.ok ? c.green(padDisplay('✓', width)) : c.red(padDisplay(`✗ ${step.error?.code ?? ''}`, width));
  const status = exchange.response.status;
  const text = padDisplay(status >= 300 && status < 400 && step.ok ? `${status} ${say(DEMO_TEXT.toCallback, lang)}` : `${status} ${STATUS_CODES[status] ?? ''}`.trim(), width);
  return status < 400 ? c.green(text) : c.red(text);
}

/** One line per step: leg, method and path, status, time. */
export function stepLine(step: FlowStep, base: string, c: Palette, lang: Lang): string {
  const leg = padDisplay(say(LEG_NAMES[step.name], lang), LEG_COLUMN);
  if (step.name === 'callback') {
    const what = step.ok ? c.green(say(DEMO_TEXT.callbackOk, lang)) : c.red(`✗ ${step.error?.message ?? ''}`);
    return `   ${c.dim(leg)} ${what}`;
  }
  const request = step.exchange?.request ?? (step.signed ? { method: step.signed.method, url: step.signed.url } : undefined);
  const target = request ? `${request.method.padEnd(4)} ${shortUrl(request.url.replace(/oauth_token=[^&]*/, 'oauth_token=…'), base)}` : '';
  const ms = step.ms === undefined ? '' : c.dim(`${step.ms} ms`);
  return `   ${leg} ${target.padEnd(36)} ${statusText(step, c, 22, lang)} ${ms}`.trimEnd();
}


/** The diagnosis in a few lines: the problem, the leading cause with its evidence, the next ones by name, one fix. */
export function compactDiagnosis(diagnosis: Diagnosis, c: Palette, lang: Lang): string[] {
  const p = diagnosis.problem;
  const lines = [`   ${c.bold(say(DEMO_TEXT.diagnosis, lang))}  ${c.bold(p.code)} — ${p.title}  ${c.dim(`(${p.source}, ${p.confidence})`)}`];
  if (p.message) {
    const said = sanitizeForTerminal(p.message.replace(/\s+/g, ' ').trim());
    lines.push(c.dim(`     ${say(DEMO_TEXT.providerSaid, lang)}: “${said.length > 110 ? `${said.slice(0, 110)}…` : said}”`));
  }
  const [first, ...others] = diagnosis.causes;
  if (first) {
    const mark = first.likelihood === 'certain' ? c.red(`● ${say(DEMO_TEXT.certain, lang)}`) : first.likelihood === 'likely' ? c.yellow(`◉ ${say(DEMO_TEXT.likely, lang)}`) : first.likelihood;
    lines.push(`     ${mark}  ${c.bold(first.id)} — ${first.title}`);
    for (const evidence of first.evidence) lines.push(...wrapText(evidence, '         ▸ ', undefined, DEMO_WIDTH));
  }
  const next = others.filter((o) => o.likelihood !== 'unlikely').slice(0, 3);
  if (next.length > 0) lines.push(c.dim(`     ${say(DEMO_TEXT.then, lang)}: ${next.map((o) => `${o.id} (${o.likelihood})`).join(', ')}`));
  const fix = diagnosis.fixes.find((f) => f.for === 'developer' && (f.cause === undefined || f.cause === first?.id)) ?? diagnosis.fixes[0];
  if (fix) lines.push(...wrapText(fix.text, `     ${say(DEMO_TEXT.fix, lang)}: `, undefined, DEMO_WIDTH));
  return lines;
}
