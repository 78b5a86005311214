import type { Palette } from '../../terminal/color.js';
import { diagnosisJson, renderDiagnosis, type DiagnosisJson } from '../../diagnose/render.js';
import type { Lang } from '../../diagnose/lang.js';
import type { OAuth2InspectReport } from './inspect-oauth2.js';

const TEXT = {
  title: { en: 'OAuth 2.0 timeline', ja: 'OAuth 2.0 のタイムライン' },
  findings: { en: 'OAuth 2.0 findings', ja: 'OAuth 2.0 の検出結果' },
  none: { en: 'No OAuth 2.0 problem found.', ja: 'OAuth 2.0 の問題は見つかりませんでした。' },
  session: { en: 'authorization', ja: '認可' },
  related: { en: 'see step', ja: '関連するステップ' },
} as const;

const CHECK_TITLE: Record<string, { en: string; ja: string }> = {
  'code-reused': { en: 'authorization code exchanged again', ja: '認可コードの再交換' },
  'refresh-replayed': { en: 'rotated refresh token replayed', ja: 'ローテーション済みリフレッシュ・トークンの再使用' },
  'refresh-family-revoked': { en: 'refresh token of a revoked family', ja: '取り消された系列のリフレッシュ・トークン' },
  'redirect-differs': { en: 'redirect_uri differs between the legs', ja: 'レッグ間で redirect_uri が異なる' },
  'verifier-mismatch': { en: 'code_verifier does not match the code_challenge', ja: 'code_verifier が code_challenge と一致しない' },
  'state-differs': { en: 'state came back different', ja: 'state が異なって戻った' },
  'provider-refused': { en: 'refused by the provider', ja: 'プロバイダによる拒否' },
};

/** The OAuth 2.0 part of inspect's text report: each step on the timeline, then each finding diagnosed. */
export function renderOAuth2(report: OAuth2InspectReport, o: { palette: Palette; lang: Lang; width?: number | undefined }): string[] {
  const c = o.palette;
  const lang = o.lang;
  const t0 = report.steps.find((s) => s.at !== undefined)?.at;
  const flagged = new Map(report.findings.map((f) => [f.step, f]));
  const lines = [c.bold(TEXT.title[lang])];
  report.steps.forEach((step, i) => {
    const offset = step.at !== undefined && t0 !== undefined ? `+${((step.at - t0) / 1000).toFixed(1)}s` : '';
    const session = step.session === undefined ? '' : ` · ${TEXT.session[lang]} ${step.session}`;
    const finding = flagged.get(i);
    const mark = finding ? c.red(` ✗ ${CHECK_TITLE[finding.check]?.[lang] ?? finding.check}`) : '';
    lines.push(`  ${String(i + 1).padStart(2)}. ${offset.padEnd(8)} ${step.kind.padEnd(18)} ${step.status ?? '—'}  ${step.origin}${session}${mark}`);
  });
  lines.push('');
  if (report.findings.length === 0) return [...lines, c.green(TEXT.none[lang])];
  lines.push(c.bold(`${TEXT.findings[lang]} (${report.findings.length})`));
  report.findings.forEach((finding, i) => {
    const related = finding.related.length > 0 ? ` (${TEXT.related[lang]} ${finding.related.map((n) => n + 1).join(', ')})` : '';
    lines.push('', `${c.bold(`${i + 1}.`)} ${c.yellow(CHECK_TITLE[finding.check]?.[lang] ?? finding.check)} · step ${finding.step + 1}${related}`);
    for (const line of renderDiagnosis(finding.diagnosis, c, (o.width ?? 100) - 3)) lines.push(line === '' ? '' : `   ${line}`);
  });
  return lines;
}

export interface OAuth2InspectJson {
  readonly steps: readonly { readonly step: number; readonly kind: string; readonly exchange: number; readonly origin: string; readonly at: string | null; readonly status: number | null; readonly authorization: number | null }[];
  readonly findings: readonly (DiagnosisJson & { readonly check: string; readonly step: number; readonly related: readonly number[] })[];
}

/** `inspect --json`'s `oauth2` member: steps and findings 1-based as the text shows them. */
export function oauth2Json(report: OAuth2InspectReport): OAuth2InspectJson {
  return {
    steps: report.steps.map((s, i) => ({ step: i + 1, kind: s.kind, exchange: s.exchangeIndex, origin: s.origin, at: s.at === undefined ? null : new Date(s.at).toISOString(), status: s.status ?? null, authorization: s.session ?? null })),
    findings: report.findings.map((f) => ({ check: f.check, step: f.step + 1, related: f.related.map((n) => n + 1), ...diagnosisJson(f.diagnosis) })),
  };
}
