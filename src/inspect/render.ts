import type { Lang } from '../diagnose/lang.js';
import { formatDuration } from '../diagnose/text.js';
import { renderDiagnosis } from '../diagnose/render.js';
import type { Palette } from '../terminal/color.js';
import { where } from './checks.js';
import type { InspectedExchange } from './exchanges.js';
import type { InspectReport } from './inspect.js';
import type { SignatureCheck } from './signature/check.js';
import { verbatimBaseString } from '../secrets/redactor.js';
import { diffWindows, type BaseStringDiff } from './signature/diff.js';
import { variantById } from './signature/variants.js';
import { t } from './text.js';
import type { Flow, FlowEvent } from './timeline.js';

/**
 * The report as text lines (STYLE: render to strings, print elsewhere). The
 * caller's Output redacts and sanitises; `redact` is only used to measure,
 * so the caret under a base-string difference lines up after masking.
 */
export interface RenderOptions {
  readonly palette: Palette;
  readonly lang: Lang;
  /** How a token is shown (masked unless --show-secrets). */
  readonly mask: (value: string) => string;
  readonly redact: (text: string) => string;
  /** Columns to wrap to (Infinity: no wrapping). */
  readonly width?: number | undefined;
}

function shortUrl(item: InspectedExchange): string {
  const url = item.view.url;
  return `${url.host}${url.pathname}`;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : `+${(ms / 1000).toFixed(ms < 10_000 ? 3 : 1)}s`;
}

function eventText(event: FlowEvent, flow: Flow, o: RenderOptions): string {
  const { lang, mask } = o;
  const item = event.exchange;
  const ref = event.refersTo === undefined ? '?' : (flow.exchanges[event.refersTo]?.exchange.origin ?? '?');
  const after = event.sinceMs === undefined ? '' : t('afterIssue', lang, { ago: formatDuration(event.sinceMs / 1000, lang) });
  const ago = formatDuration((event.sinceMs ?? 0) / 1000, lang);
  const token = (value: string | undefined) => (value === undefined ? '' : mask(value));
  switch (event.kind) {
    case 'issued':
      return t('event_issued', lang, { token: token(item.tokenIssued), confirmed: item.callbackConfirmed === false ? t('callbackNotConfirmed', lang) : '' });
    case 'presented':
      return t('event_presented', lang, { token: token(item.tokenSent), after });
    case 'returned':
      return t('event_returned', lang, { verifier: item.verifier ? t('withVerifier', lang) : '', after });
    case 'decided':
      return t('event_decided', lang, { verifier: item.verifier ? t('withVerifier', lang) : '' });
    case 'exchanged':
      return t('event_exchanged', lang, { token: token(item.tokenIssued), after });
    case 'exchange-refused':
      return t('event_exchange-refused', lang, { after });
    case 'presented-after-exchange':
    case 'exchanged-again':
    case 'presented-again':
    case 'wrong-token-kind':
      return t(`event_${event.kind}`, lang, { ago, ref });
    default:
      return t(`event_${event.kind}`, lang);
  }
}

const NEUTRAL_EVENTS = new Set(['sent']);
const BAD_EVENTS = new Set(['request-refused', 'presented-after-exchange', 'presented-again', 'exchanged-again', 'exchange-refused', 'wrong-token-kind', 'resource-refused', 'denied']);

function renderTimeline(report: InspectReport, o: RenderOptions): string[] {
  const c = o.palette;
  const lines = [c.bold(t('timeline', o.lang))];
  const originWidth = Math.max(...report.exchanges.map((e) => e.item.exchange.origin.length), 6);
  for (const flow of report.flows) {
    const heading = [c.bold(t('flowTitle', o.lang, { id: flow.id }))];
    if (flow.requestToken) heading.push(t('flowRequestToken', o.lang, { token: o.mask(flow.requestToken) }));
    else if (flow.accessToken) heading.push(t('flowAccessToken', o.lang, { token: o.mask(flow.accessToken) }));
    else heading.push(t('twoLegged', o.lang));
    if (!flow.startedInCapture && (flow.requestToken || flow.accessToken)) heading.push(t('flowNotStarted', o.lang));
    heading.push(t('hosts', o.lang, { hosts: [...new Set(flow.exchanges.map((e) => e.host))].join(', ') }));
    lines.push(`  ${heading.join(' · ')}`);
    for (const event of flow.events) {
      const item = event.exchange;
      const status = item.status === undefined ? '—' : String(item.status);
      const statusText = item.status !== undefined && item.status >= 400 ? c.red(status) : status;
      const wait = item.exchange.waitMs === undefined ? '' : `${Math.round(item.exchange.waitMs)} ms`;
      const text = eventText(event, flow, o);
      const problem = item.problem ? `  ${c.red(t('problemSaid', o.lang, { code: item.problem.code }))}` : '';
      const marker = BAD_EVENTS.has(event.kind) ? c.red('✗') : NEUTRAL_EVENTS.has(event.kind) ? c.dim('·') : c.green('✓');
      lines.push(
        `    ${seconds(event.offsetMs).padEnd(9)} ${item.exchange.origin.padEnd(originWidth)}  ${item.view.method.padEnd(6)} ${item.leg.padEnd(13)} ${shortUrl(item)}  ${statusText}${wait ? `  ${c.dim(wait)}` : ''}`,
        `    ${' '.repeat(9)} ${' '.repeat(originWidth)}  ${marker} ${BAD_EVENTS.has(event.kind) ? c.red(text) : text}${problem}`,
      );
    }
  }
  return lines;
}

function renderDiff(diff: BaseStringDiff, labels: [string, string], o: RenderOptions): string[] {
  const c = o.palette;
  const windows = diffWindows(diff);
  const width = Math.max(...labels.map((l) => [...l].length));
  const pad = (label: string) => label + ' '.repeat(width - [...label].length);
  const caretColumn = [...o.redact(windows.ours.before)].length;
  return [
    `      ${t('firstDifference', o.lang, { index: diff.index + 1 })}`,
    `        ${pad(labels[0])}  ${windows.ours.before}${c.green(c.bold(windows.ours.changed))}${windows.ours.after}`,
    `        ${pad(labels[1])}  ${windows.theirs.before}${c.red(c.bold(windows.theirs.changed))}${windows.theirs.after}`,
    `        ${' '.repeat(width)}  ${' '.repeat(caretColumn)}${c.red('^')}`,
  ];
}

export function renderSignatureCheck(check: SignatureCheck, o: RenderOptions): string[] {
  const c = o.palette;
  const lang = o.lang;
  const lines: string[] = [];
  switch (check.status) {
    case 'match':
      lines.push(`      ${c.green('✓')} ${t('sigMatch', lang)}`);
      break;
    case 'unchecked':
      lines.push(`      ${c.dim('?')} ${t('sigUnchecked', lang, { reason: check.reason ? t(`unchecked_${check.reason}`, lang, { method: check.signatureMethod }) : '' })}`);
      break;
    case 'no-match':
      lines.push(`      ${c.red('✗')} ${c.red(t('sigNoMatch', lang, { tried: check.tried }))}`);
      break;
    case 'variant': {
      lines.push(`      ${c.red('✗')} ${c.red(t('sigVariant', lang, { variant: c.bold(check.variant ?? '') }))}`);
      const variants = check.variants.map((id) => variantById(id));
      lines.push(`        ${t('sigWhat', lang, { title: variants.map((v) => v[lang].title).join(' + ') })}`);
      for (const detail of check.details) lines.push(`        ${c.dim(t('sigDetail', lang, { detail }))}`);
      lines.push(`        ${t('sigFix', lang, { fix: variants.map((v) => `${v[lang].fix} (${v.spec})`).join('; ') })}`);
      if (check.equivalents.length > 0) lines.push(`        ${c.dim(t('sigAlso', lang, { ids: check.equivalents.join(', ') }))}`);
      break;
    }
  }
  if (check.tokenSecretFrom === 'capture' && check.status !== 'unchecked') lines.push(`        ${c.dim(t('tokenSecretFromCapture', lang))}`);
  if (check.status === 'variant' && check.diff) {
    lines.push(`      ${t('expectedBase', lang)}:`, `        ${verbatimBaseString(check.expectedBaseString)}`, `      ${t('signedBase', lang)}:`, `        ${verbatimBaseString(check.signedBaseString ?? '')}`);
    lines.push(...renderDiff(check.diff, ['RFC 5849', lang === 'ja' ? '署名' : 'signed'], o));
  } else if (check.status === 'no-match') {
    lines.push(`      ${t('expectedBase', lang)}:`, `        ${verbatimBaseString(check.expectedBaseString)}`);
  }
  const server = check.server;
  if (server) {
    if (server.matchesOurs) lines.push(`      ${c.green('✓')} ${t('serverAgrees', lang)}`);
    else {
      lines.push(`      ${c.red('✗')} ${server.variant ? t('serverVariant', lang, { variant: c.bold(server.variant) }) : t('serverDiffers', lang)}`);
      if (check.status !== 'no-match') lines.push(`      ${t('expectedBase', lang)}:`, `        ${verbatimBaseString(check.expectedBaseString)}`);
      lines.push(`      ${t('serverBase', lang)}:`, `        ${verbatimBaseString(server.baseString)}`);
      if (server.diff) lines.push(...renderDiff(server.diff, ['RFC 5849', lang === 'ja' ? 'サーバー' : 'server'], o));
    }
  }
  return lines;
}

function renderChecks(report: InspectReport, o: RenderOptions): string[] {
  const checked = report.exchanges.filter((e) => e.signatureCheck);
  if (checked.length === 0) return [];
  const lines = [o.palette.bold(t('signatureChecks', o.lang))];
  for (const { item, signatureCheck } of checked) {
    if (!signatureCheck) continue;
    lines.push(`  ${where(item)}  ${item.view.method} ${item.view.url.href}  ${signatureCheck.signatureMethod || '?'}`);
    lines.push(...renderSignatureCheck(signatureCheck, o));
  }
  return lines;
}

function renderFindings(report: InspectReport, o: RenderOptions): string[] {
  const c = o.palette;
  if (report.findings.length === 0) return [c.green(t('noFindings', o.lang))];
  const lines = [c.bold(`${t('findings', o.lang)} (${report.findings.length})`)];
  report.findings.forEach((finding, i) => {
    const item = finding.item;
    const kind = finding.kind === 'check' ? c.yellow(t('checkOf', o.lang, { check: finding.check ?? '', where: where(item) })) : t('providerOn', o.lang, { where: where(item), method: item.view.method, url: item.view.url.href, status: item.status ?? '—' });
    lines.push('', `${c.bold(`${i + 1}.`)} ${kind} · ${item.leg}`);
    for (const line of renderDiagnosis(finding.diagnosis, c, (o.width ?? 100) - 3)) lines.push(line === '' ? '' : `   ${line}`);
  });
  return lines;
}

export function renderReport(report: InspectReport, o: RenderOptions): string[] {
  const c = o.palette;
  const capture = report.capture;
  const lines = [
    `${c.bold(t('capture', o.lang))}  ${t('captureLine', o.lang, {
      source: capture.source,
      format: capture.format === 'har' ? 'HAR' : capture.format === 'curl' ? 'curl' : 'HTTP',
      creator: capture.creator ? ` (${capture.creator})` : '',
      total: capture.totalEntries,
      oauth: report.exchanges.length,
    })}`,
  ];
  for (const note of [...capture.notes, ...report.notes]) lines.push(c.yellow(`  ! ${note}`));
  // OAuth 2.0 steps are rendered after these lines by the command (inspect/oauth2/render.ts).
  if (report.exchanges.length === 0) return report.oauth2 ? lines : [...lines, '', t('noOAuth', o.lang)];
  lines.push('', ...renderTimeline(report, o));
  const checks = renderChecks(report, o);
  if (checks.length > 0) lines.push('', ...checks);
  lines.push('', ...renderFindings(report, o));
  return lines;
}
