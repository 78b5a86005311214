import { causeRecord } from '../knowledge/causes.js';
import type { Lang } from '../diagnose/lang.js';
import { pick } from '../diagnose/text.js';
import type { CauseId, Diagnosis, Fix, Likelihood, RankedCause } from '../diagnose/types.js';

const RANK: Record<Likelihood, number> = { certain: 0, likely: 1, possible: 2, unlikely: 3 };

/**
 * Adds what inspect saw in the capture to a diagnosis: the cause it points
 * to is raised to at least `likelihood`, and the observations go first in
 * its evidence. Diagnoses stay in the shape diagnosisJson prints.
 */
export function enrichDiagnosis(diagnosis: Diagnosis, cause: CauseId, likelihood: Likelihood, lines: readonly string[], lang: Lang, fix?: string): Diagnosis {
  return adjustCause(diagnosis, cause, likelihood, lines, lang, { fix });
}

/**
 * Like enrichDiagnosis, but `exactly` sets the likelihood even when lower:
 * for what the capture proves, e.g. a signature reproduced with the secret
 * given proves the secret right.
 */
export function adjustCause(diagnosis: Diagnosis, cause: CauseId, likelihood: Likelihood, lines: readonly string[], lang: Lang, options: { fix?: string | undefined; exactly?: boolean } = {}): Diagnosis {
  const fix = options.fix;
  const existing = diagnosis.causes.find((c) => c.id === cause);
  const record = causeRecord(cause);
  const level = (current: Likelihood) => (options.exactly ? likelihood : RANK[likelihood] < RANK[current] ? likelihood : current);
  const merged: RankedCause = existing
    ? { ...existing, likelihood: level(existing.likelihood), evidence: [...lines, ...existing.evidence.filter((line) => !lines.includes(line))] }
    : { id: cause, likelihood, title: record ? pick(record.title, lang) : cause, evidence: [...lines], confirm: record ? pick(record.confirm, lang) : '' };
  // Stable sort: among equals the enriched cause comes first, it is what the capture shows.
  const causes = [merged, ...diagnosis.causes.filter((c) => c.id !== cause)].sort((a, b) => RANK[a.likelihood] - RANK[b.likelihood]);
  const fixes: Fix[] = [...diagnosis.fixes];
  if (fix) fixes.unshift({ for: 'developer', text: fix, cause });
  if (!existing && record) {
    for (const f of record.fixes) {
      const text = pick(f.text, lang);
      if (!fixes.some((known) => known.text === text)) fixes.push({ for: f.for, text, cause });
    }
  }
  return { ...diagnosis, causes, fixes };
}

export function causeLikelihood(diagnosis: Diagnosis, cause: CauseId): Likelihood | undefined {
  return diagnosis.causes.find((c) => c.id === cause)?.likelihood;
}
