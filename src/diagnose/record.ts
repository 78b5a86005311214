import { problemRecord, UNKNOWN_PROBLEM } from '../knowledge/problems.js';
import { OAUTH2_UNKNOWN_PROBLEM } from '../knowledge/problems-oauth2.js';
import { providerCodeRecord } from '../knowledge/provider-codes.js';
import type { ProblemRecord, ProviderCodeRecord } from '../knowledge/types.js';
import type { DetectedProblem } from './types.js';

export interface ResolvedRecord {
  readonly record: ProblemRecord;
  /** false: explained generically (a value nobody listed). */
  readonly known: boolean;
  readonly providerRow: ProviderCodeRecord | undefined;
}

/**
 * The knowledge for a detected problem: the standard record, with what the
 * provider means by it laid over (title, meaning, legs, causes replace;
 * the provider's fixes come first and the standard ones follow).
 */
export function resolveRecord(problem: DetectedProblem, provider: string | undefined): ResolvedRecord {
  const providerRow =
    (problem.providerCode === undefined ? undefined : providerCodeRecord(problem.providerCode)) ??
    (provider === undefined ? undefined : providerCodeRecord(provider, problem.code));
  const standard = problemRecord(problem.code);
  // An OAuth 2.0 code nobody listed is still explained as OAuth 2.0, not as an unknown OAuth 1.0a value.
  const unknown = problem.code.startsWith('oauth2:') ? OAUTH2_UNKNOWN_PROBLEM : UNKNOWN_PROBLEM;
  const base: ProblemRecord = standard ?? { code: problem.code, ...unknown };
  if (!providerRow?.overlay) return { record: base, known: standard !== undefined || providerRow !== undefined, providerRow };
  const overlay = providerRow.overlay;
  const record: ProblemRecord = {
    ...base,
    ...overlay,
    code: problem.code,
    fixes: [...(overlay.fixes ?? []), ...(standard === undefined && overlay.fixes !== undefined ? [] : base.fixes)],
  };
  return { record, known: true, providerRow };
}
