import { decomposeBaseString } from '../base-string-diff.js';
import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/**
 * RFC 5849 §3.4.2: the HMAC-SHA1 key is encode(consumer_secret) "&" encode(token_secret); at the access-token exchange the
 * token secret is the request token's (§2.1, §2.3). A signer that drops it signs that leg with `consumer_secret&`, and
 * the server answers signature_invalid there and nowhere before. Which leg failed comes from the session (flow, inspect),
 * the paste (explain: evidence/pasted-request.ts), or the base string the server echoed; a signing key the paste printed
 * with nothing after its `&` is that very mistake.
 */
export function tokenSecret({ problem, evidence, failedLeg, lang }: EvidenceContext): Adjustment[] {
  if (problem.code !== 'signature_invalid' || evidence.signer === 'oauth-doctor') return [];
  const pasted = evidence.pasted;
  const leg = failedLeg?.leg ?? pasted?.leg ?? legOfBaseString(problem.serverBaseString);
  if (leg === 'request_token') return [{ cause: 'token-secret-missing', likelihood: 'unlikely', line: say('requestTokenLegNoSecret', lang) }];
  const sendsToken = pasted?.sendsToken === true || leg === 'access_token' || leg === 'resource';
  if (pasted?.keyTokenSecret === 'empty' && sendsToken) return [{ cause: 'token-secret-missing', likelihood: 'certain', line: say('keyWithoutTokenSecret', lang), lead: true }];
  if (pasted?.keyTokenSecret === 'present') return [{ cause: 'token-secret-missing', likelihood: 'unlikely', line: say('keyWithTokenSecret', lang) }, { cause: 'wrong-secret', line: say('keyWithTokenSecret', lang) }];
  // The leg alone says where to look, not what is wrong: it joins the key's and the base string's causes, it does not lead them.
  if (leg === 'access_token') return [{ cause: 'token-secret-missing', likelihood: 'likely', line: say('accessTokenLegSigned', lang) }];
  return [];
}

/** The leg a server-echoed base string was for: oauth_verifier is sent on the access-token request alone (RFC 5849 §2.3). */
function legOfBaseString(base: string | undefined): 'access_token' | 'request_token' | undefined {
  if (base === undefined) return undefined;
  const { uri, parameters } = decomposeBaseString(base);
  if (parameters.some(([name]) => name === 'oauth_verifier') || /access[_-]?token|OAuthGetAccessToken/i.test(uri)) return 'access_token';
  if (/request[_-]?token|OAuthGetRequestToken|\/initiate\b/i.test(uri)) return 'request_token';
  return undefined;
}
