import { onlyProtocolOf } from '../read/protocol.js';
import { say } from '../text.js';
import type { OAuth2Signal } from '../types.js';
import type { Adjustment, EvidenceContext } from './context.js';

/** What says the failing call was an OAuth 2.0 one: a Bearer token sent or spoken of, OAuth 2.0's words around the status. */
const OAUTH2_CALL: ReadonlySet<OAuth2Signal> = new Set(['bearer-request', 'bearer-words', 'oauth2-context']);

/** OAuth 1.0a's own causes: nothing is signed, no nonce sent in an OAuth 2.0 call. */
const SIGNATURE_CAUSES = ['signature-base-mismatch', 'wrong-signature-method', 'nonce-reuse'] as const;

/**
 * A 401 that says nothing else (a status, "Unauthorized" in a provider's fault or JSON error) on an OAuth 2.0 call:
 * RFC 6750 §3.1 gives 401 for an access token "expired, revoked, malformed, or invalid", and an expired access token
 * is by far the most common of these (they live minutes to hours); a revoked one next. The signature causes of
 * OAuth 1.0a have no part in it. An OAuth 1.0a answer keeps the order the session's evidence gives
 * (token-age.ts: a token just obtained; clock.ts: the timestamp).
 */
export function bareUnauthorized(context: EvidenceContext): Adjustment[] {
  const { problem, lang, failedLeg } = context;
  if (!isBare(context)) return [];
  if (failedLeg?.signatureMethod !== undefined || problem.serverBaseString !== undefined) return [];
  const signals = problem.oauth2Signals ?? [];
  const provider = problem.provider ?? context.provider?.id;
  // A provider whose API speaks OAuth 2.0 only (read/protocol.ts, the one list): a bare 401 from it answers an OAuth 2.0 call.
  const oauth2Call = signals.some((s) => OAUTH2_CALL.has(s)) || onlyProtocolOf(provider) === 'oauth2';
  if (!oauth2Call) return [];
  const line = say('bareUnauthorizedOAuth2', lang);
  return [
    { cause: 'expiry', likelihood: 'likely', line, raiseOnly: true, lead: true },
    { cause: 'revocation', likelihood: 'possible', raiseOnly: true, lead: true },
    ...SIGNATURE_CAUSES.map((cause): Adjustment => ({ cause, likelihood: 'unlikely' })),
  ];
}

/** A 401 with nothing more: a status alone, or RFC 6750's invalid_token with no description and no words read. */
function isBare({ problem }: EvidenceContext): boolean {
  if (problem.classified !== undefined) return false;
  if (problem.code === 'http:401') return true;
  const description = problem.parameters['error_description'];
  return problem.code === 'oauth2:invalid_token' && (description === undefined || description.trim() === '') && problem.providerCode === undefined;
}
