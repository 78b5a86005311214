import type { Lang } from '../diagnose/lang.js';
import { formatDuration } from '../diagnose/text.js';
import { renderDiagnosis } from '../diagnose/render.js';
import type { Palette } from '../terminal/color.js';
import type { Capture } from '../capture/types.js';
import { where } from './checks.js';
import type { InspectedExchange } from './exchanges.js';
import type { Finding, InspectReport } from './inspect.js';
import type { SignatureCheck } from './signature/check.js';
import { verbatimBaseString } from '../secrets/redactor.js';
import { diffWindows, type BaseStringDiff } from './signature/diff.js';
import { variantById } from './signature/variants.js';
import { t } from './text.js';
import type { FlowEvent } from './timeline.js';

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
  /** Every event, check and finding, however long the report (`--all`); else a long report is summarised. */
  readonly all?: boolean | undefined;
}

/**
 * A report longer than this is summarised unless `--all` (issue 14 item 1): a
 * capture of 100,000 exchanges is read in full, but a person reads counts, the
 * first and the worst findings, not 200,000 timeline lines.
 */
export const SUMMARY_LIMITS = { events: 60, checks: 10, findings: 12, firstFindings: 3, worstFindings: 3 } as const;

/** Appends without spreading: `push(...lines)` of a long list overflows the call stack. */
function append(target: string[], lines: readonly string[]): void {
  for (const line of lines) target.push(line);
}

function shortUrl(item: InspectedExchange): string {
  const url = item.view.url;
  return `${url.host}${url.pathname}`;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : `+${(ms / 1000).toFixed(ms < 10_000 ? 3 : 1)}s`;
}

function eventText(event: FlowEvent, ref: string, o: RenderOptions): string {
  const { lang, mask } = o;
  const item = event.exchange;
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

/** A flow as the timeline shows it: its head, how many events it has, and (at least the first shown of) its events with what each refers to. */
export interface TimelineFlow {
  readonly id: number;
  readonly requestToken: string | undefined;
  readonly accessToken: string | undefined;
  readonly startedInCapture: boolean;
  readonly hosts: readonly string[];
  readonly eventCount: number;
  readonly events: readonly { readonly event: FlowEvent; readonly ref: string }[];
}

function timelineFlows(report: InspectReport): TimelineFlow[] {
  return report.flows.map((flow) => ({
    id: flow.id,
    requestToken: flow.requestToken,
    accessToken: flow.accessToken,
    startedInCapture: flow.startedInCapture,
    get hosts() {
      return [...new Set(flow.exchanges.map((e) => e.host))];
    },
    eventCount: flow.events.length,
    get events() {
      return flow.events.map((event) => ({ event, ref: event.refersTo === undefined ? '?' : (flow.exchanges[event.refersTo]?.exchange.origin ?? '?') }));
    },
  }));
}

function renderTimeline(report: InspectReport, o: RenderOptions): string[] {
  let originWidth = 6;
  for (const e of report.exchanges) originWidth = Math.max(originWidth, e.item.exchange.origin.length);
  return renderTimelineOf(timelineFlows(report), originWidth, o);
}

/** The timeline: each flow's events, up to the summary's budget unless --all. */
export function renderTimelineOf(flows: readonly TimelineFlow[], originWidth: number, o: RenderOptions): string[] {
  const lines = [timelineTitle(o)];
  const totalEvents = flows.reduce((n, flow) => n + flow.eventCount, 0);
  const budget = o.all ? Infinity : SUMMARY_LIMITS.events;
  let shown = 0;
  let flowsCut = 0;
  for (const flow of flows) {
    if (shown >= budget) {
      if (flow.eventCount > 0) flowsCut++;
      continue;
    }
    if (shown + flow.eventCount > budget) flowsCut++;
    lines.push(flowHeading(flow, o));
    for (const { event, ref } of flow.events) {
      if (shown >= budget) break;
      shown++;
      append(lines, eventLines(eventRow(event, ref, o), originWidth));
    }
  }
  if (shown < totalEvents) lines.push(o.palette.dim(`  ${t('moreEvents', o.lang, { events: totalEvents - shown, flows: flowsCut })}`));
  return lines;
}

export function timelineTitle(o: RenderOptions): string {
  return o.palette.bold(t('timeline', o.lang));
}

/** A flow's heading line in the timeline. */
export function flowHeading(flow: Omit<TimelineFlow, 'events' | 'eventCount'>, o: RenderOptions): string {
  const c = o.palette;
  const heading = [c.bold(t('flowTitle', o.lang, { id: flow.id }))];
  if (flow.requestToken) heading.push(t('flowRequestToken', o.lang, { token: o.mask(flow.requestToken) }));
  else if (flow.accessToken) heading.push(t('flowAccessToken', o.lang, { token: o.mask(flow.accessToken) }));
  else heading.push(t('twoLegged', o.lang));
  if (!flow.startedInCapture && (flow.requestToken || flow.accessToken)) heading.push(t('flowNotStarted', o.lang));
  heading.push(t('hosts', o.lang, { hosts: flow.hosts.join(', ') }));
  return `  ${heading.join(' · ')}`;
}

/**
 * A timeline event rendered but for the origin column, whose width is the
 * longest origin of the capture (known once it is read): `--all` of a
 * capture read as a stream spools these as they come (src/commands/inspect/stream-run.ts).
 */
export type EventRow = readonly [at: string, origin: string, request: string, said: string];

export function eventRow(event: FlowEvent, ref: string, o: RenderOptions): EventRow {
  const c = o.palette;
  const item = event.exchange;
  const status = item.status === undefined ? '—' : String(item.status);
  const statusText = item.status !== undefined && item.status >= 400 ? c.red(status) : status;
  const wait = item.exchange.waitMs === undefined ? '' : `${Math.round(item.exchange.waitMs)} ms`;
  const text = eventText(event, ref, o);
  const problem = item.problem ? `  ${c.red(t('problemSaid', o.lang, { code: item.problem.code }))}` : '';
  const marker = BAD_EVENTS.has(event.kind) ? c.red('✗') : NEUTRAL_EVENTS.has(event.kind) ? c.dim('·') : c.green('✓');
  return [
    seconds(event.offsetMs),
    item.exchange.origin,
    `  ${item.view.method.padEnd(6)} ${item.leg.padEnd(13)} ${shortUrl(item)}  ${statusText}${wait ? `  ${c.dim(wait)}` : ''}`,
    `  ${marker} ${BAD_EVENTS.has(event.kind) ? c.red(text) : text}${problem}`,
  ];
}

/** An event's two timeline lines, its origin padded to `originWidth`. */
export function eventLines(row: EventRow, originWidth: number): [string, string] {
  const [at, origin, request, said] = row;
  return [`    ${at.padEnd(9)} ${origin.padEnd(originWidth)}${request}`, `    ${' '.repeat(9)} ${' '.repeat(originWidth)}${said}`];
}

function renderDiff(diff: BaseStringDiff, labels: [string, string], o: RenderOptions): string[] {
  const c = o.palette;
  const windows = diffWindows(diff);
  const width = labels.reduce((w, l) => Math.max(w, [...l].length), 0);
  const pad = (label: string) => label + ' '.repeat(width - [...label].length);
  const caretColumn = [...o.redact(windows.ours.before)].length;
  return [
    `      ${t('firstDifference', o.lang, { index: diff.index + 1 })}`,
    `        ${pad(labels[0])}  ${windows.ours.before}${c.green(c.bold(windows.ours.changed))}${windows.ours.after}`,
    `        ${pad(labels[1])}  ${windows.theirs.before}${c.red(c.bold(windows.theirs.changed))}${windows.theirs.after}`,
    `        ${' '.repeat(width)}  ${' '.repeat(caretColumn)}${c.red('^')}`,
  ];
}

function renderSignatureCheck(check: SignatureCheck, o: RenderOptions): string[] {
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
    append(lines, renderDiff(check.diff, ['RFC 5849', lang === 'ja' ? '署名' : 'signed'], o));
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
      if (server.diff) append(lines, renderDiff(server.diff, ['RFC 5849', lang === 'ja' ? 'サーバー' : 'server'], o));
    }
  }
  return lines;
}

/** A signature check as the report shows it: the exchange it is of, and the check. */
export interface ShownCheck {
  readonly item: InspectedExchange;
  readonly signatureCheck: SignatureCheck;
}

/**
 * The signature checks of a report: how many, how many of each status (in
 * order of first appearance), and those it shows — every one when there are
 * few (or --all), else those that did not verify first, then the others.
 */
export interface ChecksView {
  readonly total: number;
  readonly counts: ReadonlyMap<string, number>;
  /** In capture order: all of them, or at least the first SUMMARY_LIMITS.checks + 1. */
  readonly inOrder: readonly ShownCheck[];
  /** At least the first SUMMARY_LIMITS.checks of those that did not verify, and of the others. */
  readonly notMatching: readonly ShownCheck[];
  readonly others: readonly ShownCheck[];
}

/** Whether a check is one that did not verify (shown first in a summary). */
export function checkMismatched(check: SignatureCheck): boolean {
  return check.status === 'variant' || check.status === 'no-match';
}

function renderChecks(report: InspectReport, o: RenderOptions): string[] {
  const checked: ShownCheck[] = [];
  const counts = new Map<string, number>();
  for (const { item, signatureCheck } of report.exchanges) {
    if (!signatureCheck) continue;
    checked.push({ item, signatureCheck });
    counts.set(signatureCheck.status, (counts.get(signatureCheck.status) ?? 0) + 1);
  }
  return renderChecksOf({ total: checked.length, counts, inOrder: checked, notMatching: checked.filter((e) => checkMismatched(e.signatureCheck)), others: checked.filter((e) => !checkMismatched(e.signatureCheck)) }, o);
}

export function checksTitle(o: RenderOptions): string {
  return o.palette.bold(t('signatureChecks', o.lang));
}

/** One signature check's lines: the exchange it is of, then what it found. */
export function renderCheckOf({ item, signatureCheck }: ShownCheck, o: RenderOptions): string[] {
  const lines = [`  ${where(item)}  ${item.view.method} ${item.view.url.href}  ${signatureCheck.signatureMethod || '?'}`];
  append(lines, renderSignatureCheck(signatureCheck, o));
  return lines;
}

export function renderChecksOf(view: ChecksView, o: RenderOptions): string[] {
  if (view.total === 0) return [];
  const lines = [checksTitle(o)];
  const summarise = !o.all && view.total > SUMMARY_LIMITS.checks;
  if (summarise) lines.push(`  ${t('checksCounted', o.lang, { total: view.total, counts: [...view.counts].map(([status, n]) => `${n} ${status}`).join(', ') })}`);
  // Summarised: the checks that did not match first (they explain findings), then the others, up to the limit.
  const order = summarise ? [...view.notMatching.slice(0, SUMMARY_LIMITS.checks), ...view.others.slice(0, SUMMARY_LIMITS.checks)] : view.inOrder;
  const limit = summarise ? SUMMARY_LIMITS.checks : Infinity;
  let shown = 0;
  for (const check of order) {
    if (shown++ >= limit) break;
    append(lines, renderCheckOf(check, o));
  }
  if (summarise) lines.push(o.palette.dim(`  ${t('moreChecks', o.lang, { count: view.total - limit })}`));
  return lines;
}

const LIKELIHOOD_RANK = { certain: 0, likely: 1, possible: 2, unlikely: 3 } as const;

/** Lower is worse: a provider's refusal before a check of ours, a certain cause before a likely one. */
export function severity(finding: Finding): number {
  const top = finding.diagnosis.causes[0];
  return (finding.kind === 'provider-refused' ? 0 : 10) + (top ? LIKELIHOOD_RANK[top.likelihood] : 5);
}

/** Which findings a summary shows (indices, in capture order): the first few, then the worst of the rest. */
function summaryFindings(findings: readonly Finding[]): number[] {
  const first = Math.min(findings.length, SUMMARY_LIMITS.firstFindings);
  const rest: number[] = [];
  for (let i = first; i < findings.length; i++) rest.push(i);
  // Worst first; among equals the earliest.
  const worst = rest
    .map((i) => ({ i, s: severity(findings[i] as Finding) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .slice(0, SUMMARY_LIMITS.worstFindings)
    .map((w) => w.i)
    .sort((a, b) => a - b);
  return [...Array.from({ length: first }, (_, i) => i), ...worst];
}

/** The key a finding is counted under in a summary. */
export function findingKey(f: Finding): string {
  return f.kind === 'check' ? (f.check ?? 'check') : f.diagnosis.problem.code;
}

function findingCounts(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${n} ${key}`).join(', ');
}

function renderFindings(report: InspectReport, o: RenderOptions): string[] {
  const counts = new Map<string, number>();
  for (const f of report.findings) counts.set(findingKey(f), (counts.get(findingKey(f)) ?? 0) + 1);
  return renderFindingsOf(report.findings.length, counts, (summarise) => (summarise ? summaryFindings(report.findings) : report.findings.map((_, i) => i)).map((i) => [i, report.findings[i] as Finding]), o);
}

/** The findings' title, or the line saying there are none. */
export function findingsTitle(total: number, o: RenderOptions): string {
  return total === 0 ? o.palette.green(t('noFindings', o.lang)) : o.palette.bold(`${t('findings', o.lang)} (${total})`);
}

/** Finding number `i` (0-based over the capture): a blank line, its title, its diagnosis. */
export function renderFindingOf(i: number, finding: Finding, o: RenderOptions): string[] {
  const c = o.palette;
  const item = finding.item;
  const kind = finding.kind === 'check' ? c.yellow(t('checkOf', o.lang, { check: finding.check ?? '', where: where(item) })) : t('providerOn', o.lang, { where: where(item), method: item.view.method, url: item.view.url.href, status: item.status ?? '—' });
  const lines = ['', `${c.bold(`${i + 1}.`)} ${kind} · ${item.leg}`];
  for (const line of renderDiagnosis(finding.diagnosis, c, (o.width ?? 100) - 3)) lines.push(line === '' ? '' : `   ${line}`);
  return lines;
}

/** The findings: all of them, or (a long list, without --all) counts, the first and the worst; `pick` gives those shown with their indices. */
export function renderFindingsOf(total: number, counts: ReadonlyMap<string, number>, pick: (summarise: boolean) => readonly (readonly [number, Finding])[], o: RenderOptions): string[] {
  const c = o.palette;
  if (total === 0) return [findingsTitle(0, o)];
  const lines = [findingsTitle(total, o)];
  const summarise = !o.all && total > SUMMARY_LIMITS.findings;
  if (summarise) lines.push(`  ${t('findingsCounted', o.lang, { counts: findingCounts(counts) })}`);
  const shown = pick(summarise);
  const firstShown = Math.min(total, SUMMARY_LIMITS.firstFindings);
  for (const [i, finding] of shown) {
    if (summarise && i === shown[firstShown]?.[0]) lines.push('', c.dim(t('worstFindings', o.lang)));
    append(lines, renderFindingOf(i, finding, o));
  }
  if (summarise) lines.push('', c.dim(t('moreFindings', o.lang, { count: total - shown.length })));
  return lines;
}

export function renderReport(report: InspectReport, o: RenderOptions): string[] {
  return renderReportOf(
    { capture: report.capture, exchanges: report.exchanges.length, notes: report.notes, oauth2: report.oauth2 !== undefined, timeline: () => renderTimeline(report, o), checks: () => renderChecks(report, o), findings: () => renderFindings(report, o) },
    o,
  );
}

/** The parts of a report, each section rendered on demand (a whole report's, or one read as a stream: src/inspect/stream.ts). */
export interface ReportParts<Lines extends Iterable<string> = string[]> {
  readonly capture: Pick<Capture, 'source' | 'format' | 'creator' | 'totalEntries' | 'notes'>;
  readonly exchanges: number;
  readonly notes: readonly string[];
  readonly oauth2: boolean;
  readonly timeline: () => Lines;
  readonly checks: () => Lines;
  readonly findings: () => Lines;
}

export function renderReportOf(report: ReportParts, o: RenderOptions): string[] {
  return [...reportLines(report, o)];
}

/**
 * The report's lines one at a time, each section's as it makes them: `--all`
 * of a capture read as a stream writes them as they come from its spools,
 * never holding the report (issue 14 item 1).
 */
export function* reportLines(report: ReportParts<Iterable<string>>, o: RenderOptions): Generator<string, void> {
  const c = o.palette;
  const capture = report.capture;
  yield `${c.bold(t('capture', o.lang))}  ${t('captureLine', o.lang, {
    source: capture.source,
    format: capture.format === 'har' ? 'HAR' : capture.format === 'curl' ? 'curl' : 'HTTP',
    creator: capture.creator ? ` (${capture.creator})` : '',
    total: capture.totalEntries,
    oauth: report.exchanges,
  })}`;
  for (const note of [...capture.notes, ...report.notes]) yield c.yellow(`  ! ${note}`);
  // OAuth 2.0 steps are rendered after these lines by the command (inspect/oauth2/render.ts).
  if (report.exchanges === 0) {
    if (!report.oauth2) yield* ['', t('noOAuth', o.lang)];
    return;
  }
  yield '';
  yield* report.timeline();
  let first = true;
  for (const line of report.checks()) {
    if (first) yield '';
    first = false;
    yield line;
  }
  yield '';
  yield* report.findings();
}
