import { problemRecord } from '../../knowledge/problems.js';
import { providerCodeRecord } from '../../knowledge/provider-codes.js';
import type { CauseId } from '../../knowledge/types.js';
import { classifyAll, type Classification } from '../classify/index.js';
import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/**
 * What the provider's words say about the cause, whatever the code: an
 * OAuth 2.0 `invalid_grant` whose description says "already redeemed"
 * points at reuse, "code_verifier" at a PKCE mismatch, "iat" at the clock;
 * an oauth_problem_advice that says "expired" at expiry (issue #12). The
 * words only raise a cause (the first a row names becomes likely, the
 * others possible); they never lower one that evidence ranked.
 */
export function words(context: EvidenceContext): Adjustment[] {
  const { problem, lang } = context;
  const texts = new Set<string>();
  // A provider row that matched the description's documented wording already read it: the words only raise the causes it names.
  const row = problem.providerCode === undefined ? undefined : providerCodeRecord(problem.providerCode);
  const rowCauses = row?.match?.description === undefined ? undefined : new Set((row.overlay?.causes ?? []).map((c) => c.id));
  // The code as sent (INVALID_CLIENT) is the code restated: its record ranked its causes already, its words add nothing.
  const asSent = problem.asSent !== undefined && wordsOf(problem.asSent) === wordsOf(problem.code.replace(/^oauth2:/, '')) ? undefined : problem.asSent;
  for (const raw of [problem.message, problem.parameters['error_description'], problem.parameters['oauth_problem_advice'], problem.parameters['detail'], asSent, unknownCodeWords(context)]) {
    const text = raw === undefined ? undefined : withoutRecordPairs(raw.slice(0, 4000));
    if (text !== undefined && text.trim() !== '') texts.add(text);
  }
  const out: Adjustment[] = [];
  const readings: Classification[] = [];
  // Words that are the provider's code itself ("Unknown client or not enabled", IdentityServer's) were read by its row already.
  const ownCode = row?.code.includes(' ') === true ? row.code : undefined;
  const notTheCode = (r: Classification): boolean => ownCode === undefined || !areTheCodesWords(ownCode, r.words);
  for (const text of texts) readings.push(...withinLonger(classifyAll(text)).filter(notTheCode));
  const oauth2 = problem.code.startsWith('oauth2:');
  for (const reading of readings) {
    const line = say('wordsSay', lang, { words: reading.words.map((w) => `"${w}"`).join(' + ') });
    // On an OAuth 2.0 answer, a cause only OAuth 1.0a has is read as its OAuth 2.0 counterpart, or dropped (no signature, no token secret there).
    // On an OAuth 1.0a answer, a JWT's signing key is the consumer's secret (oauth1Counterpart).
    const jwtSignature = oauth2 && reading.record.concept === 'signature' && !TOKEN_ENDPOINT_CODES.has(problem.code);
    const read = [...new Set(reading.record.causes.flatMap((cause) => (oauth2 ? oauth2Counterpart(cause, jwtSignature) : oauth1Counterpart(cause))))];
    const causes = rowCauses === undefined ? read : read.filter((cause) => rowCauses.has(cause));
    // Words that name their cause outright (tier 0, or a row that says so) put it first among the causes as likely as it.
    const names = reading.record.tier === 0 || reading.record.names === true;
    causes.forEach((cause, i) => out.push({ cause, likelihood: i < (reading.record.likely ?? 1) ? 'likely' : 'possible', line, raiseOnly: true, lead: names && i === 0 }));
  }
  return out;
}

/** `key=value` (or `key="value"`), as a log record's fields are written. */
const RECORD_PAIR = /\b[A-Za-z_][\w.-]{0,60}=(?:"[^"\n]{0,400}"|[^\s,;]{0,400})[,;]?/g;

/**
 * A log record's fields are structure, not prose: in a text of three or more `key=value` pairs (a Keycloak event line:
 * `error=invalid_token, grant_type=refresh_token, refresh_token_type=Refresh`) the pairs are dropped before the words
 * are read, since the record's code was read by its row (`invalid` + `token_type` is no token used as another). A sentence
 * with one `redirect_uri=…` in it keeps it.
 */
function withoutRecordPairs(text: string): string {
  let pairs = 0;
  for (const _ of text.matchAll(RECORD_PAIR)) if (++pairs >= 3) break;
  return pairs >= 3 ? text.replace(RECORD_PAIR, ' ') : text;
}

/**
 * Every word read is a whole word of a sentence code (`redirect_uri` of "Invalid redirect_uri"): the row read them. Whole
 * words only: "valid" inside "Invalid", "known" inside "Unknown" are no words of the code, and a reading of them stands.
 */
export function areTheCodesWords(code: string, words: readonly string[]): boolean {
  const own = ` ${wordsOf(code)} `;
  return words.every((w) => own.includes(` ${wordsOf(w)} `));
}

/** Text as lower-case words joined by one space: "Invalid redirect_uri:" → "invalid redirect uri". */
function wordsOf(text: string): string {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '').join(' ');
}

/**
 * A reading whose subject lies inside a longer subject read at the same place says less than it: "Token used before
 * issued" is the JWT clock (iat), not a token used twice; only the longer is kept.
 */
function withinLonger(readings: readonly Classification[]): Classification[] {
  return readings.filter((r) => !readings.some((q) => q !== r && q.length > r.length && q.at <= r.at && q.at + q.length >= r.at + r.length));
}

/** A code nobody listed may still be words: `redirect_uri_mismatch`, `code_already_used`. */
function unknownCodeWords({ problem }: EvidenceContext): string | undefined {
  if (problemRecord(problem.code) !== undefined || problem.providerCode !== undefined) return undefined;
  const code = problem.code.startsWith('oauth2:') ? problem.code.slice('oauth2:'.length) : problem.code;
  return /[a-z]_[a-z]/i.test(code) || /[a-z][A-Z]/.test(code) ? code : undefined;
}

/**
 * OAuth 1.0a causes and what they are in OAuth 2.0 (RFC 6749 §2.3 client authentication, §3.1.2 redirection, RFC 7636 PKCE):
 * a wrong secret is the client's authentication; signature, nonce, realm and token-secret causes have no counterpart.
 */
const OAUTH2_COUNTERPART: Partial<Record<CauseId, readonly CauseId[]>> = {
  'wrong-secret': ['client-authentication'],
  'signature-base-mismatch': [],
  'wrong-signature-method': [],
  // OAuth 2.0's nonce is OpenID Connect's, checked against the one the client sent (OpenID Connect Core §3.1.3.7 step 11).
  'nonce-reuse': ['nonce-mismatch'],
  'wrong-realm': [],
  'malformed-header': [],
  'verifier-mismatch': ['pkce-verifier-mismatch'],
  'callback-not-approved': ['redirect-mismatch'],
  'oob-required': [],
  'session-handle-expired': [],
};

/**
 * Signature words refused in OAuth 2.0 are about a JWT. At the token endpoint (RFC 6749 §5.2 codes) it is the client's own
 * assertion (RFC 7523 §3: private_key_jwt, a JWT bearer grant): the client's authentication. Anywhere else (an API's
 * invalid_token, an ID token the client checks, words with no code) it is a token the provider signed, checked with
 * the validator's keys: the kid and JWK Set (OpenID Connect Core §3.1.3.7 step 6, §10.1.1).
 */
const OAUTH2_SIGNATURE_COUNTERPART: Partial<Record<CauseId, readonly CauseId[]>> = {
  'wrong-secret': ['signing-key-mismatch'],
  'signature-base-mismatch': ['signing-key-mismatch'],
};

/** The RFC 6749 §5.2 codes: the token endpoint's answer to the client's own request. */
const TOKEN_ENDPOINT_CODES: ReadonlySet<string> = new Set(['oauth2:invalid_client', 'oauth2:invalid_grant', 'oauth2:unauthorized_client', 'oauth2:invalid_request', 'oauth2:unsupported_grant_type']);

function oauth2Counterpart(cause: CauseId, jwtSignature: boolean): readonly CauseId[] {
  return (jwtSignature ? OAUTH2_SIGNATURE_COUNTERPART[cause] : undefined) ?? OAUTH2_COUNTERPART[cause] ?? [cause];
}

/**
 * A JWT's cause in an answer read as OAuth 1.0a's: a signing key that does not verify is the consumer's key or secret there
 * (RFC 5849 §3.4.2, §3.4.3). The claims' causes stay: their words (ID token, aud, iss, at_hash) are OAuth 2.0's alone.
 */
const OAUTH1_COUNTERPART: Partial<Record<CauseId, readonly CauseId[]>> = {
  'signing-key-mismatch': ['wrong-secret'],
};

function oauth1Counterpart(cause: CauseId): readonly CauseId[] {
  return OAUTH1_COUNTERPART[cause] ?? [cause];
}
