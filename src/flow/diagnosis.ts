import { diagnose } from '../diagnose/diagnose.js';
import type { Lang } from '../diagnose/lang.js';
import type { Diagnosis, SessionEvidence } from '../diagnose/types.js';
import type { HttpExchange } from '../http/types.js';
import { problemInExchange } from './failure.js';
import type { FlowOutcome, LegFailure } from './types.js';

/** True when the diagnostics module recognises a problem in a response (an oauth_problem, a known error page, …). */
export function recognisesProblem(exchange: HttpExchange): boolean {
  return problemInExchange(exchange) !== undefined;
}

/**
 * Issue 15 item 13: whether a refused access-token exchange is about the
 * verifier (a wrong or stale PIN), read from the failure's problem code.
 */
export function isVerifierProblem(failure: LegFailure): boolean {
  return failure.problem.code === 'verifier_invalid';
}

/** The diagnosis of a run that stopped at a failed leg, of the problem the failure carries; undefined when it did not (success, or a network error). */
export function diagnoseOutcome(outcome: FlowOutcome, evidence: SessionEvidence, lang: Lang): Diagnosis | undefined {
  if (!outcome.failure) return undefined;
  const diagnosis = diagnose(outcome.failure.problem, evidence, { lang });
  // A problem of any leg (a timestamp, a signature) failed at one this run knows: that is the leg told, not "any".
  return diagnosis.problem.leg === 'any' ? { ...diagnosis, problem: { ...diagnosis.problem, leg: [outcome.failure.leg] } } : diagnosis;
}
