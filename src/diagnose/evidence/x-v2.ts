import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/** X API v2's detail for `unsupported-authentication`: the type it saw, and the types the endpoint takes. */
const UNSUPPORTED = /Authenticating with (.{1,80}?) is forbidden for this endpoint\.?\s*Supported authentication types are \[([^\]]{0,300})\]/i;
const OAUTH1 = /OAuth 1\.0a/i;

/**
 * X API v2 `unsupported-authentication` names what X read the request as
 * and what the endpoint supports (see knowledge/provider-codes-x-v2.ts):
 * OAuth 1.0a refused and absent from the list makes `oauth2-endpoint`
 * certain; OAuth 1.0a in the list rules it out, and "Unknown" points at the
 * Authorization header.
 */
export function xV2Authentication({ problem, lang }: EvidenceContext): Adjustment[] {
  if (problem.providerCode !== 'x:v2:unsupported-authentication' || problem.message === undefined) return [];
  const match = UNSUPPORTED.exec(problem.message);
  if (!match) return [];
  const used = (match[1] ?? '').trim();
  const supportedList = (match[2] ?? '').split(',').map((type) => type.trim()).filter((type) => type !== '');
  const supported = supportedList.join(', ');
  if (OAUTH1.test(used) && !supportedList.some((type) => OAUTH1.test(type))) {
    return [{ cause: 'oauth2-endpoint', likelihood: 'certain', line: say('xV2OAuth1Refused', lang, { supported }) }];
  }
  if (!supportedList.some((type) => OAUTH1.test(type))) return [];
  const out: Adjustment[] = [{ cause: 'oauth2-endpoint', likelihood: 'unlikely', line: say('xV2OAuth1Supported', lang, { supported, used }) }];
  if (/^unknown$/i.test(used)) out.push({ cause: 'malformed-header', likelihood: 'likely', line: say('xV2UnknownAuthentication', lang) });
  return out;
}
