import type { EvidenceKey } from '../../knowledge/evidence-text.js';
import { say } from '../text.js';
import type { OAuth2Signal } from '../types.js';
import { legNumber, type Adjustment, type EvidenceContext } from './context.js';

/**
 * OAuth 2.0 signs against an OAuth 1.0a request: a Bearer challenge that
 * answered a leg oauth-doctor signed (a flow run, an inspect capture) makes
 * `oauth2-endpoint` likely when the answer was read as OAuth 2.0; a Bearer
 * challenge offered beside an OAuth 1.0a problem only makes it possible; a
 * request that already carried a Bearer token rules it out.
 */
export function oauth2(context: EvidenceContext): Adjustment[] {
  const { problem, failedLeg, failedIndex, lang } = context;
  const signals = problem.oauth2Signals ?? [];
  const readAsOAuth2 = problem.code.startsWith('oauth2:');
  if (signals.includes('bearer-request')) return [{ cause: 'oauth2-endpoint', likelihood: 'unlikely', line: say('oauth2BearerRequest', lang) }];
  if (!signals.includes('bearer-challenge')) return [];
  const method = failedLeg?.signatureMethod;
  if (readAsOAuth2 && failedLeg !== undefined && failedIndex !== undefined && method !== undefined) {
    return [{ cause: 'oauth2-endpoint', likelihood: 'likely', line: say('oauth2BearerAnsweredSigned', lang, { index: legNumber(failedIndex), leg: failedLeg.leg, method }) }];
  }
  if (readAsOAuth2) return [{ cause: 'oauth2-endpoint', line: say('oauth2BearerChallenge', lang) }];
  return [{ cause: 'oauth2-endpoint', likelihood: 'possible', line: say('oauth2BearerBeside', lang) }];
}

/** The OAuth 2.0 answers a refused JWT assertion comes back as (RFC 7523 §3.1: invalid_grant; §3.2: invalid_client). */
const ASSERTION_CODES: ReadonlySet<string> = new Set(['oauth2:invalid_grant', 'oauth2:invalid_client', 'oauth2:unauthorized_client', 'oauth2:invalid_request']);

/**
 * A JWT assertion was sent (RFC 7523 §2.1 jwt-bearer grant, §2.2 client assertion) and refused: its exp, nbf and iat are
 * checked against the server's clock (§3), so a clock off by minutes is among the first causes; a refused client
 * assertion is the client's authentication too.
 */
export function jwtAssertion(context: EvidenceContext): Adjustment[] {
  const { problem, lang } = context;
  if (!(problem.oauth2Signals ?? []).includes('jwt-assertion') || !ASSERTION_CODES.has(problem.code)) return [];
  const line = say('jwtAssertionClock', lang);
  const clock: Adjustment = { cause: 'clock-skew', likelihood: 'likely', line, raiseOnly: true };
  return problem.code === 'oauth2:invalid_client' ? [{ cause: 'client-authentication', likelihood: 'likely', raiseOnly: true }, clock] : [clock];
}

/** One note saying why an answer was read as OAuth 2.0 (the confidence shown beside it says how sure). */
export function oauth2Note(signals: readonly OAuth2Signal[], lang: EvidenceContext['lang']): string | undefined {
  if (signals.length === 0) return undefined;
  const signs = signals.map((signal) => say(`oauth2Sign_${signal}` as EvidenceKey, lang)).join(lang === 'ja' ? '、' : '; ');
  return say('oauth2ReadAs', lang, { signs });
}
