import type { CauseId, Text } from '../../knowledge/types.js';
import type { Adjustment, EvidenceContext } from '../evidence/context.js';
import type { Lang } from '../lang.js';
import { fill } from '../text.js';
import type { OAuth2Evidence, OAuth2Step } from './types.js';

/**
 * What the server requires of the authorization request itself, against what
 * the request carried (RFC 7636 §4.4.1 PKCE, RFC 9126 §5 PAR). A server that
 * requires either refuses a request without it with invalid_request — the
 * word it uses for every malformed request — so the server's code alone
 * cannot tell them from a missing redirect_uri. The session can: it knows
 * whether a code_challenge went, whether the request was pushed, and what
 * the metadata said. What the session saw is evidence, and ranks first;
 * the provider's words, read after, only confirm.
 */

/** Causes only these rules raise: no problem row lists them (invalid_request's usual causes stay as they were), the session's evidence does. */
export const RAISED_FROM_EVIDENCE: readonly CauseId[] = ['pkce-required', 'par-required'];

/** The steps an authorization request is refused at: the endpoint itself, the redirect back, or the PAR endpoint. */
const AUTHORIZATION_STEPS: ReadonlySet<OAuth2Step> = new Set(['authorize', 'callback', 'par']);

/** Words of an answer that name PKCE (RFC 7636): "PKCE is required", "code challenge required", "code_challenge missing". */
const PKCE_WORDS = /\bpkce\b|\bcode[_ -]?challenge\b|\bproof key\b/i;
/** Words that name PAR (RFC 9126): "Pushed Authorization Request must be used", "PAR is required". */
const PAR_WORDS = /\bpushed[_ -]authori[sz]ation[_ -]requests?\b|\bPAR\b|\brequire_pushed_authorization_requests\b/;

const TEXT = {
  pkceNotSentNamed: {
    en: 'The authorization request carried no code_challenge (PKCE off), and the server\'s answer names PKCE: a server that requires PKCE refuses such a request with invalid_request (RFC 7636 §4.4.1; RFC 9700 §2.1.1 has servers enforce it).',
    ja: '認可リクエストに code_challenge がなく（PKCE なし）、サーバの応答は PKCE に言及しています。PKCE を必須とするサーバはこのような要求を invalid_request で拒否します（RFC 7636 §4.4.1。RFC 9700 §2.1.1 はサーバに強制を求めています）。',
  },
  pkceNotSent: {
    en: 'The authorization request carried no code_challenge (PKCE off): a server that requires PKCE answers exactly so, invalid_request (RFC 7636 §4.4.1; RFC 9700 §2.1.1 has servers enforce it).',
    ja: '認可リクエストに code_challenge がありません（PKCE なし）。PKCE を必須とするサーバはまさにこのように invalid_request を返します（RFC 7636 §4.4.1。RFC 9700 §2.1.1 はサーバに強制を求めています）。',
  },
  noVerifierYet: {
    en: 'The refusal came at the authorization step, before any code_verifier is sent: the verifier is checked only at the token endpoint (RFC 7636 §4.6).',
    ja: '拒否は認可の段階で起きており、code_verifier はまだ送られていません。verifier はトークンエンドポイントでのみ検証されます（RFC 7636 §4.6）。',
  },
  pkceNotConsent: {
    en: 'The server\'s answer names PKCE: its refusal is about the request\'s code_challenge, not about the person\'s consent.',
    ja: 'サーバの応答は PKCE に言及しています。拒否の理由は要求の code_challenge であり、利用者の同意ではありません。',
  },
  pkceSent: {
    en: 'The authorization request carried a code_challenge ({method}).',
    ja: '認可リクエストには code_challenge（{method}）が含まれていました。',
  },
  parRequiredByMetadata: {
    en: 'The authorization request went straight to the authorization endpoint, not through PAR, and the server\'s metadata says require_pushed_authorization_requests: true (RFC 9126 §5).',
    ja: '認可リクエストは PAR を通さず認可エンドポイントへ直接送られましたが、サーバのメタデータは require_pushed_authorization_requests: true です（RFC 9126 §5）。',
  },
  parNamed: {
    en: 'The authorization request went straight to the authorization endpoint, not through PAR, and the server\'s answer names pushed authorization requests (RFC 9126 §5, §6: required for the server or for this client).',
    ja: '認可リクエストは PAR を通さず認可エンドポイントへ直接送られ、サーバの応答は PAR に言及しています（RFC 9126 §5、§6: サーバ全体またはこのクライアントに必須）。',
  },
  parSent: {
    en: 'The authorization request was pushed (PAR, RFC 9126 §2) and referenced by its request_uri.',
    ja: '認可リクエストは PAR（RFC 9126 §2）で送られ、その request_uri で参照されました。',
  },
} satisfies Record<string, Text>;

function say(key: keyof typeof TEXT, lang: Lang, values?: Readonly<Record<string, string>>): string {
  return fill(TEXT[key][lang], values);
}

/** The server's own words in this answer: message, error_description. */
function answerWords({ problem }: EvidenceContext): string {
  return [problem.message, problem.parameters['error_description']].filter((t): t is string => t !== undefined).join(' ');
}

/** RFC 7636 §4.4.1: a request without code_challenge, refused where a server requiring PKCE refuses it. */
export function pkceRequired(evidence: OAuth2Evidence, context: EvidenceContext): Adjustment[] {
  const authorize = evidence.authorize;
  if (authorize === undefined || evidence.failedStep === undefined || !AUTHORIZATION_STEPS.has(evidence.failedStep)) return [];
  const { lang, problem } = context;
  if (authorize.codeChallenge !== undefined) return [{ cause: 'pkce-required', likelihood: 'unlikely', line: say('pkceSent', lang, { method: authorize.codeChallengeMethod ?? 'plain' }) }];
  // No verifier has gone yet: words naming PKCE cannot mean a verifier that does not match its challenge.
  const noVerifier: Adjustment = { cause: 'pkce-verifier-mismatch', likelihood: 'unlikely', line: say('noVerifierYet', lang) };
  if (PKCE_WORDS.test(answerWords(context))) {
    return [{ cause: 'pkce-required', likelihood: 'certain', line: say('pkceNotSentNamed', lang), lead: true }, noVerifier, { cause: 'consent-required', likelihood: 'unlikely', line: say('pkceNotConsent', lang) }];
  }
  // §4.4.1 names invalid_request; another code (access_denied, invalid_scope) says something else went wrong.
  return problem.code === 'oauth2:invalid_request' ? [{ cause: 'pkce-required', likelihood: 'likely', line: say('pkceNotSent', lang) }, noVerifier] : [noVerifier];
}

/** RFC 9126 §5 (metadata) and §6 (per client): a request not pushed, refused by a server that takes only pushed ones. */
export function parRequired(evidence: OAuth2Evidence, context: EvidenceContext): Adjustment[] {
  const authorize = evidence.authorize;
  if (authorize === undefined || evidence.failedStep === undefined || !AUTHORIZATION_STEPS.has(evidence.failedStep)) return [];
  const { lang } = context;
  if (authorize.pushed === true) return [{ cause: 'par-required', likelihood: 'unlikely', line: say('parSent', lang) }];
  if (evidence.failedStep === 'par') return [];
  // `pushed` unknown (a capture without the authorization leg's own record): the same reading, one step less sure.
  const likelihood = authorize.pushed === false ? 'certain' : 'likely';
  if (evidence.metadata?.requirePushedAuthorizationRequests === true) return [{ cause: 'par-required', likelihood, line: say('parRequiredByMetadata', lang), lead: true }];
  if (PAR_WORDS.test(answerWords(context))) return [{ cause: 'par-required', likelihood, line: say('parNamed', lang), lead: true }];
  return [];
}
