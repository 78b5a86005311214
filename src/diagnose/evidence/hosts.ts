import { baseStringHost } from '../base-string-diff.js';
import { say } from '../text.js';
import { hostOf, type Adjustment, type EvidenceContext } from './context.js';

const OAUTH_LEGS = new Set(['request_token', 'authorize', 'access_token']);

/**
 * The host of each leg. The same service under two names (api.twitter.com
 * and api.x.com) is the known trap: a token issued under one name may be
 * refused under the other. And a base string must name the host actually
 * called (RFC 5849 §3.4.1.2).
 */
export function hosts({ legs, failedLeg, provider, lang }: EvidenceContext): Adjustment[] {
  const out: Adjustment[] = [];
  const oauthHosts = [...new Set(legs.filter((leg) => OAUTH_LEGS.has(leg.leg)).flatMap((leg) => hostOf(leg.url) ?? []))];
  if (oauthHosts.length > 1) {
    const aliasGroup = provider?.hostAliases?.find((group) => oauthHosts.filter((host) => group.includes(host)).length > 1);
    const list = legs
      .filter((leg) => OAUTH_LEGS.has(leg.leg))
      .map((leg) => `${leg.leg} → ${hostOf(leg.url) ?? '?'}`)
      .join(', ');
    if (aliasGroup) out.push({ cause: 'host-mismatch', likelihood: 'likely', line: say('hostAliasesMixed', lang, { hosts: list }) });
    else out.push({ cause: 'host-mismatch', line: say('hostsDiffer', lang, { hosts: list }) });
  } else if (oauthHosts.length === 1 && legs.filter((leg) => OAUTH_LEGS.has(leg.leg)).length > 1) {
    out.push({ cause: 'host-mismatch', likelihood: 'unlikely', line: say('oneHost', lang, { host: oauthHosts[0] ?? '' }) });
  }
  if (failedLeg?.baseString) {
    const signed = baseStringHost(failedLeg.baseString);
    const sent = hostOf(failedLeg.url);
    if (signed && sent && signed !== sent) {
      const line = say('signedForOtherHost', lang, { signed, sent });
      out.push({ cause: 'host-mismatch', likelihood: 'certain', line }, { cause: 'signature-base-mismatch', likelihood: 'certain', line });
    }
  }
  return out;
}
