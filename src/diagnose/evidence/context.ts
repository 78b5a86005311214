import type { ProviderRecord } from '../../knowledge/types.js';
import type { Lang } from '../lang.js';
import type { CauseId, DetectedProblem, LegRecord, Likelihood, SessionEvidence } from '../types.js';
import type { Companions } from '../companions.js';
import { decomposeBaseString } from '../base-string-diff.js';

/** What every ranking rule may look at. */
export interface EvidenceContext {
  readonly problem: DetectedProblem;
  readonly evidence: SessionEvidence;
  readonly companions: Companions;
  readonly provider: ProviderRecord | undefined;
  readonly legs: readonly LegRecord[];
  /** Index of the leg that failed, when a session says or implies it. */
  readonly failedIndex: number | undefined;
  readonly failedLeg: LegRecord | undefined;
  readonly lang: Lang;
}

/** One rule's finding: a cause made more or less likely, with the line that says why. */
export interface Adjustment {
  readonly cause: CauseId;
  readonly likelihood?: Likelihood;
  readonly line?: string;
  /** Only make the cause more likely, never less (what a message's words say). */
  readonly raiseOnly?: boolean;
  /**
   * The text names this cause outright ("The user denied access", "consumer key is empty", "Application-only authentication
   * is not allowed"): it goes first among the causes of its likelihood, ahead of the problem's usual ones.
   */
  readonly lead?: boolean;
}

export type Rule = (context: EvidenceContext) => Adjustment[];

/** A protocol parameter of the failing request: as the session recorded it, else as the server's echoed base string shows it. */
export function sentParameter(context: EvidenceContext, name: 'oauth_timestamp' | 'oauth_signature_method'): string | undefined {
  const recorded = name === 'oauth_timestamp' ? context.failedLeg?.oauthTimestamp : context.failedLeg?.signatureMethod;
  if (recorded !== undefined) return String(recorded);
  const echoed = context.problem.serverBaseString;
  return echoed === undefined ? undefined : decomposeBaseString(echoed).parameters.find(([n]) => n === name)?.[1];
}

/** 1-based leg numbers read better in text. */
export function legNumber(index: number): number {
  return index + 1;
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}
