import { formatDuration, say } from '../text.js';
import { legNumber, type Adjustment, type EvidenceContext } from './context.js';

const SUCCESS = (status: number | undefined) => status === undefined || (status >= 200 && status < 400);

/**
 * Was the failing token used before, and is it the right kind? Temporary
 * credentials are single-use (RFC 5849 §2.3): an earlier successful exchange
 * of the same token makes reuse certain.
 */
export function tokenHistory({ legs, failedIndex, failedLeg, lang }: EvidenceContext): Adjustment[] {
  const token = failedLeg?.tokenSent;
  if (failedLeg === undefined || failedIndex === undefined || token === undefined) return [];
  const out: Adjustment[] = [];
  const earlier = legs.slice(0, failedIndex).map((leg, index) => ({ leg, index }));

  const exchanged = earlier.find(({ leg }) => leg.leg === 'access_token' && leg.tokenSent === token && SUCCESS(leg.status));
  if (exchanged) {
    const ago = formatDuration((failedLeg.at - exchanged.leg.at) / 1000, lang);
    out.push({ cause: 'reuse', likelihood: 'certain', line: say('tokenExchangedBefore', lang, { index: legNumber(exchanged.index), leg: exchanged.leg.leg, status: exchanged.leg.status ?? '?', ago }) });
  } else {
    const sentBefore = earlier.filter(({ leg }) => leg.tokenSent === token && leg.leg === failedLeg.leg);
    const callbacks = legs.slice(0, failedIndex + 1).filter((leg) => leg.leg === 'callback' && leg.tokenSent === token);
    const first = sentBefore[0];
    if (first) out.push({ cause: 'reuse', likelihood: 'likely', line: say('tokenSentBefore', lang, { index: legNumber(first.index), leg: first.leg.leg }) });
    if (callbacks.length >= 2) out.push({ cause: 'reuse', likelihood: 'likely', line: say('doubleCallback', lang, { count: callbacks.length }) });
    const issued = earlier.find(({ leg }) => leg.tokenIssued === token && leg.leg === 'request_token');
    const usedElsewhereBefore = earlier.some(({ leg }) => leg.tokenSent === token && (leg.leg === 'access_token' || leg.leg === failedLeg.leg));
    if (!first && callbacks.length < 2 && issued && !usedElsewhereBefore && failedLeg.leg !== 'resource') {
      out.push({ cause: 'reuse', likelihood: 'unlikely', line: say('firstUse', lang, { index: legNumber(issued.index) }) });
    }
  }

  const issuer = earlier.find(({ leg }) => leg.tokenIssued === token);
  if (issuer) {
    const requestToken = issuer.leg.leg === 'request_token';
    const wantsRequestToken = failedLeg.leg === 'authorize' || failedLeg.leg === 'access_token' || failedLeg.leg === 'callback';
    if (requestToken && failedLeg.leg === 'resource') {
      out.push({ cause: 'token-type-confusion', likelihood: 'certain', line: say('requestTokenAsAccess', lang, { index: legNumber(issuer.index) }) });
    } else if (!requestToken && issuer.leg.leg === 'access_token' && wantsRequestToken) {
      out.push({ cause: 'token-type-confusion', likelihood: 'certain', line: say('accessTokenAsRequest', lang, { index: legNumber(issuer.index), leg: failedLeg.leg }) });
    } else {
      out.push({ cause: 'token-type-confusion', likelihood: 'unlikely', line: say('tokenKindMatches', lang, { index: legNumber(issuer.index), leg: issuer.leg.leg }) });
    }
  }
  return out;
}
