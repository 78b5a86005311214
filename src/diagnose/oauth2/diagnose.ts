import { diagnose } from '../diagnose.js';
import type { Rule } from '../evidence/context.js';
import type { Lang } from '../lang.js';
import type { DetectedProblem, Diagnosis, SessionEvidence } from '../types.js';
import { OAUTH2_RULES } from './rules.js';
import type { OAuth2Evidence } from './types.js';

/**
 * Ranks the causes of an OAuth 2.0 failure by this session's evidence
 * (issue 18 item 6). One wire answer — `400 invalid_grant "grant request is
 * invalid"` — hides a reused code, an expired one, a redirect mismatch, a
 * lost PKCE verifier, a replayed rotated refresh token and a revoked family:
 * the evidence decides, the provider's words only add. Pure: the same
 * evidence and problem give the same diagnosis, in the shape `explain`,
 * `flow` and `inspect` print.
 */
export function diagnoseOAuth2(evidence: OAuth2Evidence, problem: DetectedProblem, options: { lang?: Lang | undefined } = {}): Diagnosis {
  const rules: Rule[] = OAUTH2_RULES.map((rule) => (context) => rule(evidence, context));
  const diagnosis = diagnose(problem, sessionEvidence(evidence), { lang: options.lang ?? 'en', rules, protocol: 'oauth2' });
  // The step that failed, in OAuth 2.0's own names (token, refresh, device-token…), when the session knows it.
  return evidence.failedStep === undefined ? diagnosis : { ...diagnosis, problem: { ...diagnosis.problem, steps: [evidence.failedStep] } };
}

/** The protocol-neutral part of the evidence: what the generic rules and notes read. */
function sessionEvidence(evidence: OAuth2Evidence): SessionEvidence {
  return {
    observedAt: evidence.observedAt ?? evidence.token?.at ?? evidence.callback?.at,
    provider: evidence.provider,
    legs: [],
  };
}
