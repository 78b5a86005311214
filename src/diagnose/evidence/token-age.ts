import { formatDuration, say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/** A report for X saw request tokens refused after about 15 minutes (reference §3, uncertain). */
const UNDOCUMENTED_SUSPICIOUS_AGE_SEC = 15 * 60;
const FRESH_SEC = 60;

/** The failing token's age against what the provider says it lives. */
export function tokenAge(context: EvidenceContext): Adjustment[] {
  const adjustments = measureTokenAge(context);
  // The provider's explicit word (token_expired) outranks our idea of its
  // lifetimes: a young token only lowers expiry when the provider did not say so.
  if (!EXPIRY_PROBLEMS.has(context.problem.code)) return adjustments;
  return adjustments.map((a) => (a.likelihood === 'unlikely' ? { cause: a.cause, line: a.line } : a));
}

const EXPIRY_PROBLEMS = new Set(['token_expired', 'access_token_expired']);

function measureTokenAge({ legs, failedIndex, failedLeg, evidence, provider, lang }: EvidenceContext): Adjustment[] {
  const token = failedLeg?.tokenSent;
  if (failedLeg === undefined || failedIndex === undefined || token === undefined) return [];
  const issuer = legs.slice(0, failedIndex).find((leg) => leg.tokenIssued === token);
  if (!issuer) return [];
  const ageSec = (failedLeg.at - issuer.at) / 1000;
  const age = formatDuration(ageSec, lang);
  const providerName = provider?.name ?? evidence.provider ?? '?';

  if (issuer.leg === 'access_token') {
    if (provider?.accessTokenLifetimeSec === null) {
      return [{ cause: 'expiry', likelihood: 'unlikely', line: say('accessTokenNeverExpires', lang, { provider: providerName }) }];
    }
    return [];
  }
  const lifetimeSec = evidence.requestTokenLifetimeSec ?? provider?.requestTokenLifetimeSec;
  if (lifetimeSec === undefined) {
    if (ageSec >= UNDOCUMENTED_SUSPICIOUS_AGE_SEC) return [{ cause: 'expiry', likelihood: 'likely', line: say('tokenAgeUnknownLifetime', lang, { age }) }];
    if (ageSec < FRESH_SEC) return [{ cause: 'expiry', likelihood: 'unlikely', line: say('tokenAgeFresh', lang, { age }) }];
    return [{ cause: 'expiry', line: say('tokenAgeUnknownLifetime', lang, { age }) }];
  }
  const lifetime = formatDuration(lifetimeSec, lang);
  if (ageSec > lifetimeSec) return [{ cause: 'expiry', likelihood: 'certain', line: say('tokenAgeOverLifetime', lang, { age, lifetime, provider: providerName }) }];
  if (ageSec > lifetimeSec * 0.8) return [{ cause: 'expiry', likelihood: 'likely', line: say('tokenAgeNearLifetime', lang, { age, lifetime }) }];
  return [{ cause: 'expiry', likelihood: 'unlikely', line: say('tokenAgeWithinLifetime', lang, { age, lifetime }) }];
}
