import { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { createOutput } from '../../cli/output.js';
import { resolveLang, type Lang } from '../../diagnose/lang.js';
import { CAUSES } from '../../knowledge/causes.js';
import { phrases } from '../../knowledge/phrases.js';
import { PROBLEMS } from '../../knowledge/problems.js';
import { providerCodes, qualifiedCode } from '../../knowledge/provider-codes.js';
import { providers } from '../../knowledge/providers.js';
import type { Palette } from '../../terminal/color.js';
import { displayWidth, wrapText } from '../../terminal/wrap.js';
import type { CodesOptions } from './options.js';

export async function runCodes(options: CodesOptions, env: Environment): Promise<ExitCode> {
  const lang = resolveLang(options.lang, env.env);
  const output = await createOutput(env);
  if (options.json) output.json(codesJson(lang));
  else output.results(renderCodes(lang, output.out, output.outWidth));
  return ExitCode.Ok;
}

function codesJson(lang: Lang) {
  return {
    problems: PROBLEMS.map((p) => ({
      code: p.code,
      title: p.title[lang],
      meaning: p.meaning[lang],
      legs: p.legs,
      party: p.party,
      usualStatus: p.usualStatus ?? null,
      companion: p.companion ?? null,
      causes: p.causes.map((c) => ({ id: c.id, prior: c.prior })),
    })),
    providerCodes: providerCodes().map((r) => ({
      provider: r.provider,
      code: r.code,
      qualified: qualifiedCode(r),
      maps: r.maps ?? null,
      status: r.status ?? null,
      message: r.message,
      title: r.overlay?.title?.[lang] ?? null,
    })),
    causes: CAUSES.map((c) => ({ id: c.id, title: c.title[lang], confirm: c.confirm[lang] })),
    pages: phrases().map((p) => ({ id: p.id, kind: p.kind, problem: p.problem, providerCode: p.providerCode ?? null, confidence: p.confidence })),
    providers: providers().map((p) => ({ id: p.id, name: p.name })),
  };
}

const HEAD = {
  problems: { en: 'Problem codes (oauth_problem and plain HTTP statuses)', ja: '問題コード（oauth_problem と HTTP ステータス）' },
  providers: { en: 'Provider codes (→ the standard code they map to)', ja: 'プロバイダのコード（→ 対応する標準コード）' },
  causes: { en: 'Causes (stable ids used by --json)', ja: '原因（--json で使う固定 ID）' },
  pages: { en: 'Known pages and phrases', ja: '既知のページとフレーズ' },
} as const;

/**
 * Each row is `  code  …  text`; the text is wrapped to the terminal with a
 * hanging indent under itself (issue 15 item 7), unless the columns before it
 * leave too little room, then under the row's start. Pipes and files: one line a row.
 */
function row(columns: string, text: string, width: number, c?: Palette, compact?: string): string[] {
  const dim = (t: string) => (c ? c.dim(t) : t);
  if (!Number.isFinite(width)) return [columns + dim(text)];
  const columnsWidth = displayWidth(columns);
  const hang = columnsWidth <= width / 2;
  const indent = hang ? ' '.repeat(columnsWidth) : '      ';
  const body = wrapText(text, '', '', width - indent.length);
  if (hang) return body.map((line, i) => (i === 0 ? columns : indent) + dim(line));
  // Padded columns too wide for the terminal: the row's head unpadded on a line of its own, the text under it.
  return [...wrapText((compact ?? columns).trim(), '  ', '      ', width), ...body.map((line) => indent + dim(line))];
}

function renderCodes(lang: Lang, c: Palette, width: number): string[] {
  const lines: string[] = [c.bold(HEAD.problems[lang])];
  const codeWidth = Math.max(...PROBLEMS.map((p) => p.code.length));
  for (const p of PROBLEMS) lines.push(...row(`  ${p.code.padEnd(codeWidth)}  ${String(p.usualStatus ?? '').padEnd(3)}  `, p.title[lang], width));

  lines.push('', c.bold(HEAD.providers[lang]));
  const qualifiedWidth = Math.max(...providerCodes().map((r) => qualifiedCode(r).length));
  const targetWidth = Math.max(...providerCodes().map((r) => (r.maps ?? qualifiedCode(r)).length));
  for (const r of providerCodes()) {
    const target = r.maps ?? qualifiedCode(r);
    lines.push(...row(`  ${qualifiedCode(r).padEnd(qualifiedWidth)}  → ${target.padEnd(targetWidth)}  ${String(r.status ?? '').padEnd(3)}  `, r.overlay?.title?.[lang] ?? r.message, width, c, `${qualifiedCode(r)} → ${target}${r.status === undefined ? '' : `  ${r.status}`}`));
  }

  lines.push('', c.bold(HEAD.causes[lang]));
  const causeWidth = Math.max(...CAUSES.map((cause) => cause.id.length));
  for (const cause of CAUSES) lines.push(...row(`  ${cause.id.padEnd(causeWidth)}  `, cause.title[lang], width));

  lines.push('', c.bold(HEAD.pages[lang]));
  const idWidth = Math.max(...phrases().map((p) => p.id.length));
  for (const p of phrases()) lines.push(...row(`  ${p.id.padEnd(idWidth)}  → ${(p.providerCode ?? p.problem).padEnd(30)} `, p.confidence, width, c, `${p.id} → ${p.providerCode ?? p.problem}`));
  return lines;
}
