import type { ProblemConfidence, ProblemSource } from '../types.js';

/** What one carrier found, before the code is mapped onto the standard vocabulary. */
export interface Finding {
  /** As found: an oauth_problem value, or a provider-qualified code such as `x:89`. */
  readonly code: string;
  readonly providerCode?: string | undefined;
  readonly provider?: string | undefined;
  readonly source: ProblemSource;
  readonly confidence: ProblemConfidence;
  readonly parameters: Readonly<Record<string, string>>;
  readonly message?: string | undefined;
  readonly serverBaseString?: string | undefined;
}

/** Provider text is untrusted and may be huge: keep a bounded excerpt as data. */
export function excerpt(text: string, max = 500): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : trimmed.slice(0, max) + '…';
}
