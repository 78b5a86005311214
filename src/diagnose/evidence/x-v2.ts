import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

const OAUTH1 = /^OAuth 1\.0a\b/i;
/** RFC 6749 §4.4: a client-credentials (app Bearer) token, acting for the application alone. */
const APP_ONLY = /\bApplication[- ]Only\b/i;

/**
 * X API v2 `unsupported-authentication` names what X read the request as
 * and what the endpoint supports; the reader turned the detail into the
 * parameters `authentication_used` and `authentication_supported` (see
 * read/problem-details.ts and knowledge/provider-codes-x-v2.ts). OAuth 1.0a
 * refused and absent from the list makes `oauth2-endpoint` certain; OAuth
 * 1.0a in the list rules it out, and "Unknown" points at the Authorization
 * header.
 */
export function xV2Authentication({ problem, lang }: EvidenceContext): Adjustment[] {
  if (problem.providerCode !== 'x:v2:unsupported-authentication') return [];
  const used = problem.parameters['authentication_used'];
  const supported = problem.parameters['authentication_supported'];
  if (used === undefined || supported === undefined) return [];
  const supportsOAuth1 = supported.split(',').some((type) => OAUTH1.test(type.trim()));
  // An app-only token refused where only user contexts are supported: the token acts for no person.
  if (APP_ONLY.test(used) && !supported.split(',').some((type) => APP_ONLY.test(type))) {
    return [
      { cause: 'app-only-token', likelihood: 'certain', line: say('xV2AppOnlyRefused', lang, { supported }) },
      { cause: 'oauth2-endpoint', likelihood: 'unlikely' },
    ];
  }
  if (OAUTH1.test(used) && !supportsOAuth1) {
    return [{ cause: 'oauth2-endpoint', likelihood: 'certain', line: say('xV2OAuth1Refused', lang, { supported }) }];
  }
  if (!supportsOAuth1) return [];
  const out: Adjustment[] = [{ cause: 'oauth2-endpoint', likelihood: 'unlikely', line: say('xV2OAuth1Supported', lang, { supported, used }) }];
  if (/^unknown$/i.test(used)) out.push({ cause: 'malformed-header', likelihood: 'likely', line: say('xV2UnknownAuthentication', lang) });
  return out;
}
