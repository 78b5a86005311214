import type { Capture, CapturedExchange } from '../../capture/types.js';
import { streamCapture, type CaptureFile, type ReadCaptureOptions } from '../../capture/index.js';
import type { Output } from '../../cli/output.js';
import type { Lang } from '../../diagnose/lang.js';
import type { Finding, InspectOptions } from '../../inspect/inspect.js';
import { checkMismatched, checksTitle, eventLines, eventRow, findingKey, findingsTitle, flowHeading, renderCheckOf, renderChecksOf, renderFindingOf, renderFindingsOf, renderReportOf, renderTimelineOf, reportLines, severity, SUMMARY_LIMITS, timelineTitle, type EventRow, type RenderOptions, type ShownCheck } from '../../inspect/render.js';
import { eventJson, exchangeJson, findingJson, flowJson, HeadlineCheck, signatureCheckJson } from '../../inspect/report-json.js';
import { InspectPipeline, type StreamedExchange } from '../../inspect/stream.js';
import type { FlowEvent } from '../../inspect/timeline.js';
import type { CapturedStep } from '../../inspect/oauth2/steps.js';
import { Spool } from './spool.js';

/**
 * `inspect` of a large capture as a pipeline (issue 14 item 1): each
 * exchange is read, checked and turned into its rows as it comes
 * (src/inspect/stream.ts), then dropped. `--json` spools the rows to a
 * private temporary file and writes the document in its order at the end
 * (the same document as for a capture inspected whole); the text report
 * keeps what its summary shows (the first events, the first checks, the
 * first and the worst findings) and counts the rest; `--all` spools each
 * event, check and finding as rendered lines and writes the report from
 * them at the end, a batch of lines at a time (the same lines as for a
 * capture inspected whole, in the order the capture gives).
 */

/** Captures from this size on are inspected as a stream (smaller ones whole, sorted by time). */
export const STREAM_MIN_BYTES = 2 * 1024 * 1024;

export interface StreamRun {
  /** The capture: held whole (stdin, --curl) or a file read by position. */
  readonly input: Buffer | CaptureFile;
  readonly read: ReadCaptureOptions;
  readonly inspect: InspectOptions;
  readonly json: boolean;
  readonly output: Output;
  readonly render: RenderOptions;
  readonly pause: () => Promise<void>;
}

interface TextSummary {
  readonly events: Map<number, { event: FlowEvent; ref: string }[]>;
  checks: number;
  readonly checkCounts: Map<string, number>;
  readonly inOrder: ShownCheck[];
  readonly notMatching: ShownCheck[];
  readonly others: ShownCheck[];
  readonly findingCounts: Map<string, number>;
  readonly first: (readonly [number, Finding])[];
  readonly worst: { i: number; s: number; finding: Finding }[];
}

function textSummary(): TextSummary {
  return { events: new Map(), checks: 0, checkCounts: new Map(), inOrder: [], notMatching: [], others: [], findingCounts: new Map(), first: [], worst: [] };
}

function summarise(text: TextSummary, row: StreamedExchange): void {
  const budget = SUMMARY_LIMITS.events;
  if (row.flow.id <= budget) {
    const events = text.events.get(row.flow.id) ?? [];
    if (events.length < budget) events.push({ event: row.event, ref: row.referred?.origin ?? '?' });
    text.events.set(row.flow.id, events);
  }
  const check = row.signatureCheck;
  if (check) {
    text.checks++;
    text.checkCounts.set(check.status, (text.checkCounts.get(check.status) ?? 0) + 1);
    const shown = { item: row.item, signatureCheck: check };
    if (text.inOrder.length <= SUMMARY_LIMITS.checks) text.inOrder.push(shown);
    const list = checkMismatched(check) ? text.notMatching : text.others;
    if (list.length < SUMMARY_LIMITS.checks) list.push(shown);
  }
  for (const { finding, index } of row.findings) {
    const key = findingKey(finding);
    text.findingCounts.set(key, (text.findingCounts.get(key) ?? 0) + 1);
    if (index < SUMMARY_LIMITS.findings) text.first.push([index, finding]);
    if (index < SUMMARY_LIMITS.firstFindings) continue;
    // The worst of the rest: lowest severity, the earliest among equals (render.ts summaryFindings).
    const s = severity(finding);
    const worst = text.worst;
    if (worst.length < SUMMARY_LIMITS.worstFindings || s < (worst.at(-1)?.s ?? Infinity)) {
      worst.push({ i: index, s, finding });
      worst.sort((a, b) => a.s - b.s || a.i - b.i);
      if (worst.length > SUMMARY_LIMITS.worstFindings) worst.pop();
    }
  }
}

/** Lines handed to Output.results at a time, the event loop let run between batches (Ctrl-C). */
const LINES_AT_ONCE = 2000;

/** Writes lines as they come, a batch at a time, pausing between batches. */
async function writeLines(output: Output, lines: Iterable<string>, pause: () => Promise<void>): Promise<void> {
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length < LINES_AT_ONCE) continue;
    output.results(batch);
    batch = [];
    await pause();
  }
  if (batch.length > 0) output.results(batch);
}

/** Groups the spooled events by flow (a counting sort of their flow ids): for each flow, its events' numbers in order. */
function eventsByFlow(flowOfEvent: readonly number[], flows: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(flows + 2);
  for (const id of flowOfEvent) (start[id + 1] as number)++;
  for (let i = 1; i < start.length; i++) start[i] = (start[i] as number) + (start[i - 1] as number);
  const next = start.slice();
  const order = new Int32Array(flowOfEvent.length);
  flowOfEvent.forEach((id, n) => {
    order[next[id] as number] = n;
    next[id] = (next[id] as number) + 1;
  });
  return { start, order };
}

export interface StreamResult {
  readonly capture: Capture;
  readonly exchanges: number;
  readonly findings: number;
  readonly oauth2Findings: number;
  readonly oauth2: boolean;
  readonly secrets: number;
}

export async function runInspectStream(run: StreamRun): Promise<StreamResult> {
  const { output, inspect } = run;
  const lang: Lang = inspect.lang;
  const oauth2Module = await import('../../inspect/oauth2/index.js');
  const pipeline = new InspectPipeline(inspect);
  const steps: CapturedStep[] = [];
  const headline = new HeadlineCheck();
  const text = textSummary();
  let originWidth = 6;
  let secrets = 0;
  // --all: every event, check and finding spooled as rendered lines (an event's origin column padded once the widest is known).
  const all = !run.json && run.render.all === true;
  const dir = run.json || all ? Spool.directory() : undefined;
  const spools = dir === undefined ? undefined : { findings: new Spool(dir, 'findings'), events: new Spool(dir, 'events'), exchanges: new Spool(dir, 'exchanges') };
  const flowOfEvent: number[] = [];
  try {
    const emit = (exchange: CapturedExchange) => {
      for (const step of oauth2Module.readSteps(exchange)) steps.push(step);
      const row = pipeline.add(exchange);
      if (!row) return;
      for (const secret of row.item.secrets) output.redactor.add(secret);
      secrets += row.item.secrets.length;
      originWidth = Math.max(originWidth, row.item.exchange.origin.length);
      if (spools && all) {
        spools.events.add(eventRow(row.event, row.referred?.origin ?? '?', run.render));
        flowOfEvent.push(row.flow.id);
        if (row.signatureCheck) spools.exchanges.add(renderCheckOf({ item: row.item, signatureCheck: row.signatureCheck }, run.render));
        for (const { finding, index } of row.findings) spools.findings.add(renderFindingOf(index, finding, run.render));
      } else if (spools) {
        headline.add(row.signatureCheck);
        for (const { finding } of row.findings) spools.findings.add(findingJson(finding, lang));
        spools.events.add(eventJson(row.event));
        flowOfEvent.push(row.flow.id);
        spools.exchanges.add(exchangeJson({ item: row.item, flowId: row.flow.id, signatureCheck: row.signatureCheck }, lang));
      } else summarise(text, row);
    };
    const capture = await streamCapture(run.input, run.read, emit);
    const oauth2 = oauth2Module.inspectOAuth2Steps(steps, { lang });
    for (const secret of oauth2?.secrets ?? []) output.redactor.add(secret);
    secrets += oauth2?.secrets.length ?? 0;
    const notes = pipeline.notes();
    if (spools && all) {
      const o = run.render;
      const flows = pipeline.flowList();
      const grouped = eventsByFlow(flowOfEvent, flows.length);
      const { events, exchanges: checks, findings } = spools;
      function* timeline(): Generator<string, void> {
        yield timelineTitle(o);
        for (const flow of flows) {
          yield flowHeading({ ...flow, hosts: [...flow.hosts] }, o);
          for (let k = grouped.start[flow.id] as number; k < (grouped.start[flow.id + 1] as number); k++) yield* eventLines(events.get(grouped.order[k] as number) as EventRow, originWidth);
        }
      }
      function* checkLines(): Generator<string, void> {
        if (checks.count === 0) return;
        yield checksTitle(o);
        for (const lines of checks.all()) yield* lines as string[];
      }
      function* findingLines(): Generator<string, void> {
        yield findingsTitle(findings.count, o);
        for (const lines of findings.all()) yield* lines as string[];
      }
      function* report(): Generator<string, void> {
        yield* reportLines({ capture, exchanges: pipeline.exchanges, notes, oauth2: oauth2 !== undefined, timeline, checks: checkLines, findings: findingLines }, o);
        if (oauth2) yield* ['', ...oauth2Module.renderOAuth2(oauth2, { palette: o.palette, lang, width: o.width })];
      }
      await writeLines(output, report(), run.pause);
    } else if (spools) {
      const flows = pipeline.flowList();
      const grouped = eventsByFlow(flowOfEvent, flows.length);
      const events = spools.events;
      function* eventsOf(id: number): Generator<unknown, void> {
        for (let k = grouped.start[id] as number; k < (grouped.start[id + 1] as number); k++) yield events.get(grouped.order[k] as number);
      }
      function* flowRecords(): Generator<unknown, void> {
        for (const flow of flows) yield { ...flowJson(flow, [...flow.hosts]), events: eventsOf(flow.id) };
      }
      await output.jsonStream(
        {
          capture: { source: capture.source, format: capture.format, creator: capture.creator ?? null, entries: capture.totalEntries, oauthExchanges: pipeline.exchanges, notes: [...capture.notes, ...notes] },
          signatureCheck: headline.check ? signatureCheckJson(headline.check, lang) : null,
          findings: spools.findings.all(),
          flows: flowRecords(),
          exchanges: spools.exchanges.all(),
          secretsMasked: output.redactor.active,
          oauth2: oauth2 ? oauth2Module.oauth2Json(oauth2) : null,
        },
        run.pause,
      );
    } else {
      const o = run.render;
      const flows = pipeline.flowList().map((flow) => ({ ...flow, hosts: [...flow.hosts], eventCount: flow.events, events: text.events.get(flow.id) ?? [] }));
      const lines = renderReportOf(
        {
          capture,
          exchanges: pipeline.exchanges,
          notes,
          oauth2: oauth2 !== undefined,
          timeline: () => renderTimelineOf(flows, originWidth, o),
          checks: () => renderChecksOf({ total: text.checks, counts: text.checkCounts, inOrder: text.inOrder, notMatching: text.notMatching, others: text.others }, o),
          findings: () => renderFindingsOf(pipeline.findings, text.findingCounts, (summarised) => (summarised ? [...text.first.slice(0, SUMMARY_LIMITS.firstFindings), ...text.worst.sort((a, b) => a.i - b.i).map((w) => [w.i, w.finding] as const)] : text.first), o),
        },
        o,
      );
      if (oauth2) lines.push('', ...oauth2Module.renderOAuth2(oauth2, { palette: o.palette, lang, width: o.width }));
      output.results(lines);
    }
    return { capture, exchanges: pipeline.exchanges, findings: pipeline.findings, oauth2Findings: oauth2?.findings.length ?? 0, oauth2: oauth2 !== undefined, secrets };
  } finally {
    if (spools) for (const spool of Object.values(spools)) spool.close();
    if (dir !== undefined) Spool.remove(dir);
  }
}
