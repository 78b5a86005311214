import { problemRecord } from '../../knowledge/problems.js';
import { classifyAll, type Classification } from '../classify/index.js';
import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/**
 * What the provider's words say about the cause, whatever the code: an
 * OAuth 2.0 `invalid_grant` whose description says "already redeemed"
 * points at reuse, "code_verifier" at a PKCE mismatch, "iat" at the clock;
 * an oauth_problem_advice that says "expired" at expiry (issue #12). The
 * words only raise a cause (the first a row names becomes likely, the
 * others possible); they never lower one that evidence ranked.
 */
export function words(context: EvidenceContext): Adjustment[] {
  const { problem, lang } = context;
  const texts = new Set<string>();
  for (const text of [problem.message, problem.parameters['error_description'], problem.parameters['oauth_problem_advice'], problem.parameters['detail'], problem.asSent, unknownCodeWords(context)]) {
    if (text !== undefined && text.trim() !== '') texts.add(text.slice(0, 4000));
  }
  const out: Adjustment[] = [];
  const readings: Classification[] = [];
  for (const text of texts) readings.push(...classifyAll(text));
  for (const reading of readings) {
    const line = say('wordsSay', lang, { words: reading.words.map((w) => `"${w}"`).join(' + ') });
    reading.record.causes.forEach((cause, i) => out.push({ cause, likelihood: i === 0 ? 'likely' : 'possible', line, raiseOnly: true }));
  }
  return out;
}

/** A code nobody listed may still be words: `redirect_uri_mismatch`, `code_already_used`. */
function unknownCodeWords({ problem }: EvidenceContext): string | undefined {
  if (problemRecord(problem.code) !== undefined || problem.providerCode !== undefined) return undefined;
  const code = problem.code.startsWith('oauth2:') ? problem.code.slice('oauth2:'.length) : problem.code;
  return /[a-z]_[a-z]/i.test(code) || /[a-z][A-Z]/.test(code) ? code : undefined;
}
