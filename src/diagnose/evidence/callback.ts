import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/** The callback sent on the request-token leg against the one registered (RFC 5849 §2.1). */
export function callback({ legs, evidence, problem, failedLeg, lang }: EvidenceContext): Adjustment[] {
  const requestLeg = legs.find((leg) => leg.leg === 'request_token');
  if (!requestLeg) return [];
  const out: Adjustment[] = [];
  const sent = requestLeg.callback;
  const registered = evidence.registeredCallback;
  const problemAtRequestLeg = failedLeg?.leg === 'request_token';

  if (sent === undefined) {
    if (problemAtRequestLeg && (problem.code === 'parameter_absent' || problem.code.startsWith('http:4'))) {
      out.push({ cause: 'missing-parameter', likelihood: 'certain', line: say('callbackMissing', lang) });
    }
    return out;
  }
  if (problem.providerCode === 'x:417') {
    out.push(sent === 'oob' ? { cause: 'oob-required', likelihood: 'unlikely' } : { cause: 'oob-required', likelihood: 'certain', line: say('callbackNotOob', lang, { sent }) });
  }
  if (registered !== undefined && sent !== 'oob') {
    if (sent === registered) out.push({ cause: 'callback-not-approved', likelihood: 'unlikely', line: say('callbackMatches', lang, { registered }) });
    else out.push({ cause: 'callback-not-approved', likelihood: problem.providerCode === 'x:415' ? 'certain' : 'likely', line: say('callbackDiffers', lang, { sent, registered }) });
  }
  return out;
}
