import { LABELS, type LabelKey } from '../knowledge/labels.js';
import { displayWidth, wrapText } from '../terminal/wrap.js';
import type { Palette } from '../terminal/color.js';
import { verbatimBaseString } from '../secrets/redactor.js';
import { decomposeBaseString } from './base-string-diff.js';
import { decodeCompanions, type Companions } from './companions.js';
import type { Lang } from './lang.js';
import { fill } from './text.js';
import type { CauseId, Diagnosis, ExtractedFrom, Leg, Likelihood, OAuth2Signal, ProblemConfidence, ProblemSource } from './types.js';

/** The object `explain --json` prints; `flow --json` and `inspect --json` embed the same. */
export interface DiagnosisJson {
  readonly problem: {
    readonly code: string;
    readonly providerCode: string | null;
    readonly provider: string | null;
    readonly source: ProblemSource;
    readonly confidence: ProblemConfidence;
    readonly known: boolean;
    readonly title: string;
    readonly meaning: string;
    readonly leg: readonly Leg[] | 'any';
    /** OAuth 2.0 problems: the steps in OAuth 2.0's names (`token`, `refresh`, `callback`…); null for OAuth 1.0a. */
    readonly steps: readonly string[] | null;
    readonly party: 'client' | 'user' | 'provider';
    readonly status: number | null;
    readonly usualStatus: number | null;
    readonly parameters: Readonly<Record<string, string>>;
    readonly companions: Companions;
    /** Untrusted provider text, kept as data. */
    readonly message: string | null;
    readonly serverBaseString: string | null;
    /** Why the answer looks like OAuth 2.0 (RFC 6749/6750), when it does; empty otherwise. */
    readonly oauth2Signals: readonly OAuth2Signal[];
    /** Where in a pasted text the problem was read, when it was not the paste as a whole. */
    readonly extracted: ExtractedFrom | null;
    /** The words the message classifier read it from (confidence is then `heuristic`); null when a code or a known phrase said it. */
    readonly classified: { readonly row: string; readonly concept: string; readonly lang: string; readonly words: readonly string[] } | null;
    /** The value as sent, when it was no code and was read as a near one (`signatur_invalid`). */
    readonly asSent: string | null;
  };
  readonly causes: readonly {
    readonly id: CauseId;
    readonly likelihood: Likelihood;
    readonly title: string;
    readonly evidence: readonly string[];
    readonly confirm: string;
  }[];
  readonly fixes: readonly { readonly for: 'user' | 'developer'; readonly text: string; readonly cause: CauseId | null }[];
  readonly baseStringDiff: { readonly ours: string; readonly theirs: string; readonly index: number } | null;
  readonly notes: readonly string[];
  readonly lang: Lang;
}

export function diagnosisJson(diagnosis: Diagnosis): DiagnosisJson {
  const p = diagnosis.problem;
  return {
    problem: {
      code: p.code,
      providerCode: p.providerCode ?? null,
      provider: p.provider ?? null,
      source: p.source,
      confidence: p.confidence,
      known: p.known,
      title: p.title,
      meaning: p.meaning,
      leg: p.leg,
      steps: stepsOf(p) ?? null,
      party: p.party,
      status: p.status ?? null,
      usualStatus: p.usualStatus ?? null,
      parameters: { ...p.parameters },
      companions: decodeCompanions(p.parameters),
      message: p.message ?? null,
      serverBaseString: p.serverBaseString ?? null,
      oauth2Signals: [...(p.oauth2Signals ?? [])],
      extracted: p.extracted === undefined ? null : { ...p.extracted, decoded: [...p.extracted.decoded] },
      classified: p.classified === undefined ? null : { row: p.classified.row, concept: p.classified.concept, lang: p.classified.lang, words: [...p.classified.words] },
      asSent: p.asSent ?? null,
    },
    causes: diagnosis.causes.map((c) => ({ id: c.id, likelihood: c.likelihood, title: c.title, evidence: [...c.evidence], confirm: c.confirm })),
    fixes: diagnosis.fixes.map((f) => ({ for: f.for, text: f.text, cause: f.cause ?? null })),
    baseStringDiff: diagnosis.baseStringDiff ?? null,
    notes: [...(diagnosis.notes ?? [])],
    lang: diagnosis.lang,
  };
}

/** OAuth 1.0a leg names in OAuth 2.0's words: its token endpoint is no "access_token leg". */
const OAUTH2_STEP_OF_LEG: Readonly<Record<Leg, string | undefined>> = { request_token: undefined, authorize: 'authorize', callback: 'callback', access_token: 'token', resource: 'resource' };

/** The OAuth 2.0 steps of a problem: the run's own (diagnoseOAuth2), else an oauth2: record's legs renamed; undefined for OAuth 1.0a. */
function stepsOf(p: Diagnosis['problem']): readonly string[] | undefined {
  if (p.steps !== undefined) return p.steps;
  if (!p.code.startsWith('oauth2:') || p.leg === 'any') return undefined;
  return p.leg.map((leg) => OAUTH2_STEP_OF_LEG[leg]).filter((s): s is string => s !== undefined);
}

/** Where it failed: the OAuth 2.0 step, else the leg; nothing for a problem of any leg when no run says which ("Leg: any" told nothing). */
function legOrStep(p: Diagnosis['problem'], t: (key: LabelKey) => string): string | undefined {
  const steps = stepsOf(p);
  if (steps !== undefined && steps.length > 0) return `${t('step')}: ${steps.join(', ')}`;
  return p.leg === 'any' ? undefined : `${t('leg')}: ${p.leg.join(', ')}`;
}

const MARK: Record<Likelihood, string> = { certain: '●', likely: '◉', possible: '○', unlikely: '·' };
const DIFF_CONTEXT = 40;

/**
 * The diagnosis as text lines (render to strings, print elsewhere: the
 * caller's Output redacts and sanitises). Provider text is shown as data,
 * quoted and labelled untrusted, never interpreted.
 */
/** A line as it is when it fits `width`, else wrapped (wrapText joins words with one space, so only long lines change). */
function fit(text: string, first: string, rest: string, width: number): string[] {
  return displayWidth(first) + displayWidth(text) <= width ? [first + text] : wrapText(text, first, rest, width);
}

/** `width`: the columns to wrap to (terminal/width.ts decides; Infinity for a pipe or a file). */
export function renderDiagnosis(diagnosis: Diagnosis, c: Palette, width = 100): string[] {
  const lang = diagnosis.lang;
  const t = (key: LabelKey, values?: Record<string, string | number>) => fill(LABELS[key][lang], values);
  const p = diagnosis.problem;
  const lines: string[] = [];

  const codes = p.providerCode && p.providerCode !== p.code ? `${p.code} (${p.providerCode})` : p.code;
  lines.push(...fit(`${c.bold(`${t('problem')}: ${codes}`)} — ${p.title}`, '', '  ', width));
  lines.push(...fit(`${t('foundIn')} ${t(`source_${p.source}` as LabelKey)}, ${t('confidence')}: ${t(`confidence_${p.confidence}` as LabelKey)}${p.known ? '' : ' ' + t('unknownCode')}`, '  ', '    ', width).map((l) => c.dim(l)));
  if (p.extracted) lines.push(c.dim(`  ${extractedLine(p.extracted, t)}`));
  lines.push(...wrapText(p.meaning, '  ', undefined, width));
  const facts = [
    legOrStep(p, t),
    `${t('fault')}: ${t(`party_${p.party}` as LabelKey)}`,
    p.status !== undefined ? `${t('status')}: ${p.status}` : p.usualStatus !== undefined ? `${t('usualStatus')}: ${p.usualStatus}` : undefined,
    p.provider ? `${t('provider')}: ${p.provider}` : undefined,
  ].filter((s): s is string => s !== undefined);
  lines.push(...fit(facts.join(' · '), '  ', '    ', width).map((l) => c.dim(l)));
  const parameters = Object.entries(p.parameters);
  if (parameters.length > 0) {
    lines.push('', c.bold(t('parameters')));
    for (const [name, value] of parameters) lines.push(`  ${name} = ${value}`);
  }
  if (p.message) {
    lines.push('', c.bold(t('providerSaid')));
    for (const line of p.message.split('\n').slice(0, 10)) lines.push(`  │ ${line}`);
  }
  if (p.serverBaseString && !diagnosis.baseStringDiff) lines.push('', c.bold(t('serverBaseString')), `  ${verbatimBaseString(p.serverBaseString)}`, ...renderDecomposed(p.serverBaseString, c));

  if (diagnosis.causes.length > 0) {
    lines.push('', c.bold(t('causes')));
    for (const cause of diagnosis.causes) {
      const label = t(`likelihood_${cause.likelihood}` as LabelKey);
      const colour = cause.likelihood === 'certain' ? c.red : cause.likelihood === 'likely' ? c.yellow : cause.likelihood === 'unlikely' ? c.dim : (s: string) => s;
      lines.push(...fit(`${colour(`${MARK[cause.likelihood]} ${label}`)}  ${c.bold(cause.id)} — ${cause.title}`, '  ', '      ', width));
      for (const line of cause.evidence) lines.push(...wrapText(line, '      ▸ ', '        ', width));
      if (cause.likelihood !== 'unlikely' && cause.confirm) lines.push(...wrapText(`${t('confirm')}: ${cause.confirm}`, c.dim('      '), '      ', width).map((l) => c.dim(l)));
    }
  }
  if (diagnosis.baseStringDiff) lines.push('', ...renderBaseStringDiff(diagnosis.baseStringDiff, c, t));

  const userFixes = diagnosis.fixes.filter((f) => f.for === 'user');
  const developerFixes = diagnosis.fixes.filter((f) => f.for === 'developer');
  if (userFixes.length + developerFixes.length > 0) {
    lines.push('', c.bold(t('fixes')));
    if (userFixes.length > 0) {
      lines.push(`  ${t('forUser')}:`);
      for (const fix of userFixes) lines.push(...wrapText(fix.text, '    - ', '      ', width));
    }
    if (developerFixes.length > 0) {
      lines.push(`  ${t('forDeveloper')}:`);
      for (const fix of developerFixes) lines.push(...wrapText(fix.text, '    - ', '      ', width));
    }
  }
  if (diagnosis.notes && diagnosis.notes.length > 0) {
    lines.push('', c.bold(t('notes')));
    for (const note of diagnosis.notes) lines.push(...wrapText(note, '  - ', '    ', width).map((l) => c.dim(l)));
  }
  return lines;
}

/** How the extractor reached the reading (issue #12: every reading says how it was reached). */
function extractedLine(extracted: ExtractedFrom, t: (key: LabelKey, values?: Record<string, string | number>) => string): string {
  const where =
    extracted.shape === 'curl-verbose' ? t('extractedCurlVerbose')
    : extracted.shape === 'har' ? t('extractedHar')
    : extracted.fragment !== undefined ? t('extractedAt', { what: extracted.fragment.toUpperCase(), at: (extracted.at ?? 0) + 1 })
    : t('extractedStatusLine');
  return extracted.decoded.length === 0 ? where : `${where}; ${t('extractedDecoded', { what: extracted.decoded.join(', ') })}`;
}

/** The server's base string taken apart (RFC 5849 §3.4.1.1), to set beside `oauth-doctor sign`'s working. */
function renderDecomposed(baseString: string, c: Palette): string[] {
  const { method, uri, parameters } = decomposeBaseString(baseString);
  if (uri === '') return [];
  const width = Math.max(6, ...parameters.map(([name]) => name.length));
  return [
    c.dim(`  ${'method'.padEnd(width)}  ${method}`),
    c.dim(`  ${'uri'.padEnd(width)}  ${uri}`),
    ...parameters.map(([name, value]) => c.dim(`  ${name.padEnd(width)}  ${value}`)),
  ];
}

function renderBaseStringDiff(diff: { ours: string; theirs: string; index: number }, c: Palette, t: (key: LabelKey, values?: Record<string, string | number>) => string): string[] {
  const start = Math.max(0, diff.index - DIFF_CONTEXT);
  const cut = (s: string) => (start > 0 ? '…' : '') + s.slice(start, diff.index + DIFF_CONTEXT) + (s.length > diff.index + DIFF_CONTEXT ? '…' : '');
  const caret = ' '.repeat(diff.index - start + (start > 0 ? 1 : 0));
  return [
    c.bold(t('baseStringDiff', { index: diff.index + 1 })),
    `  ${t('ours')}  ${cut(diff.ours)}`,
    `  ${t('theirs')}  ${cut(diff.theirs)}`,
    `  ${' '.repeat([...t('ours')].length)}  ${caret}${c.red('^')}`,
  ];
}

/** Wraps prose at ~100 columns; Japanese is left to the terminal. */
