import { say } from '../text.js';
import { legNumber, type Adjustment, type EvidenceContext } from './context.js';

/** A nonce must be unique per timestamp, client and token (RFC 5849 §3.3). */
export function nonce({ legs, failedIndex, failedLeg, problem, lang }: EvidenceContext): Adjustment[] {
  const sent = failedLeg?.oauthNonce;
  if (failedIndex === undefined || sent === undefined) return [];
  const index = legs.slice(0, failedIndex).findIndex((leg) => leg.oauthNonce === sent);
  const earlier = legs[index];
  if (index !== -1 && earlier) {
    const same = earlier.oauthTimestamp !== undefined && earlier.oauthTimestamp === failedLeg?.oauthTimestamp;
    return [{ cause: 'nonce-reuse', likelihood: 'certain', line: say('nonceRepeated', lang, { index: legNumber(index), sameTimestamp: same ? say('nonceSameTimestamp', lang) : '' }) }];
  }
  return problem.code === 'nonce_used' ? [{ cause: 'nonce-reuse', line: say('nonceFresh', lang) }] : [{ cause: 'nonce-reuse', likelihood: 'unlikely' }];
}
