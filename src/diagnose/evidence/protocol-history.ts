import { providerForUrl } from '../../knowledge/providers.js';
import type { ProviderRecord } from '../../knowledge/types.js';
import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/**
 * A provider that spoke OAuth 1.0a and retired it (Fitbit 2016, LinkedIn 2019: knowledge rows `retiredOAuth1`) refuses an
 * OAuth 1.0a request whatever its signature: the cause is the protocol, not the key. An OAuth 1.0a request is known from
 * the session (its legs were signed) or the paste (oauth_signature, `Authorization: OAuth …`). An answer in OAuth 1.0a's
 * own vocabulary (oauth_problem=…) came from the time the provider still spoke it, and only notes the retirement.
 */
export function protocolHistory({ problem, evidence, provider, legs, lang }: EvidenceContext): Adjustment[] {
  const pasted = evidence.pasted;
  const retired = retiredProvider(provider, pasted?.host);
  if (retired?.retiredOAuth1 === undefined) return [];
  const sentOAuth1 = pasted?.oauth1 === true || legs.some((leg) => leg.signatureMethod !== undefined);
  if (!sentOAuth1) return [];
  const { label, on, source } = retired.retiredOAuth1;
  const line = say('providerRetiredOAuth1', lang, { provider: label, date: on, source });
  // An OAuth 1.0a code the answer said itself (oauth_problem=…, not words read as one): the provider's OAuth 1.0a endpoint
  // answered, so the paste is from before the retirement.
  const answeredAsOAuth1 = problem.confidence !== 'heuristic' && !problem.code.startsWith('oauth2:') && !problem.code.startsWith('http:') && !problem.code.startsWith('flow:');
  return answeredAsOAuth1 ? [{ cause: 'oauth2-endpoint', likelihood: 'possible', line }] : [{ cause: 'oauth2-endpoint', likelihood: 'likely', line, lead: true }];
}

function retiredProvider(provider: ProviderRecord | undefined, host: string | undefined): ProviderRecord | undefined {
  if (provider?.retiredOAuth1 !== undefined) return provider;
  return host === undefined ? provider : (providerForUrl(`https://${host}/`) ?? provider);
}
