import { concepts } from '../../knowledge/concepts.js';
import { lazy } from '../../knowledge/lazy.js';
import { oauth2ProviderRow, providerCodeRecord, qualifiedCode } from '../../knowledge/provider-codes.js';
import type { OAuth2Signal, ProblemConfidence, ProblemSource } from '../types.js';
import { excerpt, type ErrorShape, type Finding } from './finding.js';
import type { BearerChallenge } from './www-authenticate.js';
import { protocolWords } from '../../knowledge/protocol-words.js';
import { decide, evidenceWindow, oauth2Translation, protocolEvidenceIn, withProvider, withReading, type ProtocolEvidence } from './protocol.js';

/**
 * Error codes only OAuth 2.0 defines: RFC 6749 §5.2 (token endpoint),
 * §4.1.2.1 (authorisation redirect), RFC 6750 §3.1 (Bearer). oauthlib's
 * OAuth 1 endpoints answer with the same `error=` shape but only
 * `invalid_request`, `invalid_client`, `invalid_signature_method`,
 * `insecure_transport_protocol` (oauthlib/oauth1/rfc5849/errors.py) and
 * `access_denied`: those shared values need other evidence.
 */
const OAUTH2_ONLY_CODES: ReadonlySet<string> = new Set([
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
  'invalid_token',
  'insufficient_scope',
  // OpenID Connect Core §3.1.2.6, RFC 8628 §3.5, and the redirect mismatch Google and GitHub send: no OAuth 1.0a server says these.
  'login_required',
  'interaction_required',
  'consent_required',
  'account_selection_required',
  'redirect_uri_mismatch',
  'slow_down',
  'expired_token',
  'authorization_pending',
]);

/** The code a Bearer challenge without an `error` stands for (RFC 6750 §3.1: no credentials it understood). */
export const BEARER_CHALLENGE_CODE = 'oauth2:bearer-challenge';

export function isOAuth2OnlyCode(error: string): boolean {
  return OAUTH2_ONLY_CODES.has(error);
}

/** The codes RFC 6749 §4.1.2.1 and §5.2 define that oauthlib's OAuth 1 endpoints send too: a code, but whose needs other evidence. */
const SHARED_WITH_OAUTH1: ReadonlySet<string> = new Set(['invalid_request', 'invalid_client', 'access_denied']);

/** A code RFC 6749, RFC 6750 or OpenID Connect defines (the shared ones included). */
export function isStandardOAuth2Code(error: string): boolean {
  return OAUTH2_ONLY_CODES.has(error) || SHARED_WITH_OAUTH1.has(error);
}

/** Words only OAuth 1.0a has, in a description: a consumer key or secret, oauth_* parameters, a nonce, a request token, RFC 5849. */
const OAUTH1_WORDS = /\boauth_[a-z_]+|\bconsumer[ _-]?(?:key|secret)|\bnonce\b|\brequest[ _-]token|\btoken[ _-]secret|\bsignature base|\brfc ?5849|\boauth ?1(?:\.0a?)?\b/i;

export function speaksOAuth1(text: string | undefined): boolean {
  return text !== undefined && OAUTH1_WORDS.test(text.slice(0, 2000));
}

/** What the rest of the response says about OAuth 2.0, beside the error itself. */
export interface OAuth2Context {
  readonly bearer?: BearerChallenge | undefined;
  /** The request carried `Authorization: Bearer …`. */
  readonly requestBearer?: boolean | undefined;
  /** The provider the URL (or a URL in the paste) names: its own OAuth 2.0 codes are a sign too. */
  readonly hostProvider?: string | undefined;
  /** What the paste around the answer speaks of (read-problem's mentionsOf): an `oauth2` library, client_secret; or OAuth 1.0a's words. */
  readonly mentions?: PasteMentions | undefined;
}

/** Which protocol the words around a pasted answer name. */
export interface PasteMentions {
  readonly oauth2: boolean;
  readonly oauth1: boolean;
  /** The paste speaks of a Bearer token, a JWT or a gRPC call (whose credentials are Bearer tokens in its `authorization` metadata). */
  readonly bearer?: boolean;
  /** The paste speaks of an API key (an `x-api-key` header, `api_key=`, "API key"): a static key, not an OAuth 2.0 access token. */
  readonly apiKey?: boolean;
  /** The request carried an RFC 7523 JWT assertion (the jwt-bearer grant type, a client_assertion). */
  readonly assertion?: boolean;
  /** The evidence rows the paste matched (read/protocol.ts); absent when the caller had no paste (flow, inspect). */
  readonly evidence?: ProtocolEvidence;
}

/** RFC 7523 §2.1 and §2.2: the jwt-bearer grant type and client assertion type, or their parameter names. */
const ASSERTION_MENTION = /urn:ietf:params:oauth:(?:grant-type|client-assertion-type):jwt-bearer|\bclient_assertion(?:_type)?\b|\bjwt[-_ ]bearer\b/i;
/**
 * An API key, by the names it travels under: the `x-api-key` header (AWS API Gateway, Anthropic, many gateways), an
 * `api_key`/`apikey` parameter, "API key". A key is a static credential of the app, not a token RFC 6750 speaks of.
 */
const API_KEY_MENTION = /\bx-api-key\b|\bapi[_-]?key\b|\bapi key\b|\bApiKey\w*/i;

/**
 * Whether a paste speaks of OAuth 2.0 or of OAuth 1.0a, beside the error it holds (the whole paste up to 256 KiB,
 * the start and end of a longer one): the evidence rows of knowledge/protocol-words.ts (read/protocol.ts), read once.
 */
export function mentionsOf(text: string): PasteMentions {
  const head = evidenceWindow(text);
  const evidence = protocolEvidenceIn(head);
  const bearerRows = new Set(protocolWords().filter((row) => row.bearer === true).map((row) => row.id));
  return {
    oauth2: evidence.oauth2.some((id) => !bearerRows.has(id)),
    oauth1: evidence.oauth1.length > 0,
    bearer: evidence.bearer,
    apiKey: API_KEY_MENTION.test(head),
    assertion: ASSERTION_MENTION.test(head),
    evidence,
  };
}

/** The signs that an `error=` answer is OAuth 2.0; none means it stays an oauthlib (OAuth 1) reading. */
export function oauth2SignalsFor(shape: ErrorShape, context: OAuth2Context): OAuth2Signal[] {
  const signals: OAuth2Signal[] = [];
  if (isOAuth2OnlyCode(shape.error)) signals.push('oauth2-only-code');
  if (context.bearer) signals.push('bearer-challenge');
  if (context.requestBearer) signals.push('bearer-request');
  // oauthlib's OAuth1Error can carry error_uri too, and an OAuth 1.0a callback names oauth_token: weaker signs, and only when nothing says OAuth 1.
  if (!shape.oauth1Beside) {
    if (shape.uri !== undefined) signals.push('error-uri');
    if (shape.state) signals.push('redirect-state');
    if (shape.oauth2Words) signals.push('oauth2-words');
    // A registered code as a type or enum case (`OAuth2Error.invalidClient`): OAuth 2.0 client libraries name them so; oauthlib's OAuth 1 errors are snake_case.
    if (shape.asWritten !== undefined && shape.carrier === 'plain-text') signals.push('enum-form');
    // RFC 6749 §5.2: the token endpoint answers in application/json; oauthlib's OAuth 1 endpoints answer form-encoded.
    if (shape.carrier === 'json-body' && !shape.oauth1Words) signals.push('json-error');
    if (context.mentions?.oauth2 === true && !context.mentions.oauth1 && !shape.oauth1Words) signals.push('oauth2-context');
    // RFC 7523: a JWT assertion is an OAuth 2.0 grant or client authentication, and its time claims are checked (evidence/oauth2.ts).
    if (context.mentions?.assertion === true && !context.mentions.oauth1) signals.push('jwt-assertion');
    if (oauth2ProviderRow(shape, context.hostProvider, providersNamed(context)) ?? hostRow(shape.error, context.hostProvider)) signals.push('provider-dialect');
  }
  return signals;
}

/** The providers the paste names by their own words (knowledge/protocol-words.ts names: googleapis, Keycloak, …): evidence a row of theirs may be claimed on. */
function providersNamed(context: OAuth2Context): readonly string[] {
  const evidence = context.mentions?.evidence;
  if (evidence === undefined) return [];
  return [...evidence.oauth1, ...evidence.oauth2].filter((id) => id.startsWith('provider:')).map((id) => id.slice('provider:'.length));
}

/** A code the host's provider documents as its own OAuth 2.0 answer (Apple's bare `invalid_client`). */
function hostRow(error: string, hostProvider: string | undefined): boolean {
  if (hostProvider === undefined) return false;
  const row = providerCodeRecord(hostProvider, error);
  return row !== undefined && row.readBy !== undefined;
}

/**
 * Honest confidence: the code itself, a Bearer challenge or a Bearer request
 * settle it; an `error_uri` or a `state` alone only suggest it.
 */
function confidenceOf(signals: readonly OAuth2Signal[]): ProblemConfidence {
  return signals.some((s) => s === 'oauth2-only-code' || s === 'bearer-challenge' || s === 'bearer-request' || s === 'provider-dialect') ? 'exact' : 'heuristic';
}

/** An OAuth 2.0 error as a finding: `oauth2:<error>`, with its companions kept as parameters. */
export function oauth2Finding(shape: ErrorShape, source: ProblemSource, signals: readonly OAuth2Signal[], context?: OAuth2Context): Finding {
  const parameters: Record<string, string> = {};
  if (shape.description !== undefined) parameters['error_description'] = excerpt(shape.description);
  if (shape.uri !== undefined) parameters['error_uri'] = excerpt(shape.uri);
  if (shape.scope !== undefined) parameters['scope'] = excerpt(shape.scope);
  // A provider's own code inside the answer (AADSTS…, Google's and Keycloak's documented wordings): its row explains it.
  // A row whose words any server may send is claimed only with its provider's evidence (knowledge/provider-codes.ts).
  const row = oauth2ProviderRow(shape, context?.hostProvider, context === undefined ? undefined : providersNamed(context));
  return {
    code: `oauth2:${shape.error}`,
    providerCode: row === undefined ? undefined : qualifiedCode(row),
    provider: row?.provider,
    source,
    // A code spelt another way (`.invalidGrant`, `invalid token`) is the registered one by mapping, never exactly.
    confidence: shape.asWritten !== undefined && confidenceOf(signals) === 'exact' ? 'mapped' : confidenceOf(signals),
    parameters,
    message: shape.description === undefined ? undefined : excerpt(shape.description),
    oauth2Signals: signals,
    ...(shape.asWritten !== undefined ? { asSent: shape.asWritten } : {}),
  };
}

/** The error a Bearer challenge names, or the bare challenge itself (also when its error is no code at all). */
function bearerShape(bearer: BearerChallenge): ErrorShape {
  const error = bearer.error !== undefined && plausibleCode(bearer.error) ? bearer.error : BEARER_CHALLENGE_CODE.slice('oauth2:'.length);
  return { error, description: bearer.description, uri: bearer.uri, scope: bearer.scope, ...(bearer.written !== undefined && error === bearer.error ? { asWritten: bearer.written } : {}) };
}

/** Only the error value itself: RFC 6749 §5.2 limits it to printable ASCII; anything else is not a code to show. */
function plausibleCode(error: string): boolean {
  return /^[\x21\x23-\x5b\x5d-\x7e]{1,64}$/.test(error);
}

/**
 * Decides between OAuth 1.0a and OAuth 2.0 for what the carriers found, by
 * evidence: a problem an OAuth 1.0a carrier said exactly (oauth_problem, a
 * provider code) stays, with any Bearer challenge noted beside it; an
 * `error=` answer becomes `oauth2:<error>` when the signs say OAuth 2.0; a
 * Bearer challenge's own error (RFC 6750 §3.1) wins over a guess; a Bearer
 * challenge alone, with no OAuth challenge offered beside it, says the
 * endpoint wants a Bearer token.
 */
export function resolveOAuth2(finding: Finding | undefined, context: OAuth2Context & { readonly offersOAuth: boolean; readonly status: number | undefined }): Finding | undefined {
  return withAssertion(resolveFinding(finding, context), context.mentions);
}

/** An OAuth 2.0 reading of a paste that sent a JWT assertion says so (its signals), whichever reader found it. */
function withAssertion(finding: Finding | undefined, mentions: PasteMentions | undefined): Finding | undefined {
  if (finding === undefined || !finding.code.startsWith('oauth2:') || mentions?.assertion !== true || mentions.oauth1) return finding;
  const signals = finding.oauth2Signals ?? [];
  return signals.includes('jwt-assertion') ? finding : { ...finding, oauth2Signals: [...signals, 'jwt-assertion'] };
}

function resolveFinding(finding: Finding | undefined, context: OAuth2Context & { readonly offersOAuth: boolean; readonly status: number | undefined }): Finding | undefined {
  const { bearer } = context;
  const beside = besideSignals(context);
  // The challenge's own error, when it is a code (RFC 6750 §3.1): the header is what the resource server said.
  const bearerError = bearer?.error !== undefined && plausibleCode(bearer.error) ? bearer : undefined;
  if (finding?.oauth2Signals) return finding;
  if (finding?.errorShape) {
    const found = finding.errorShape;
    const signals = oauth2SignalsFor(found, context);
    if (signals.length > 0 && plausibleCode(found.error)) {
      if (!bearerError) return oauth2Finding(found, found.carrier ?? finding.source, signals, context);
      const shape = bearerShape(bearerError);
      return oauth2Finding({ ...shape, description: shape.description ?? found.description, uri: shape.uri ?? found.uri }, 'www-authenticate', signals, context);
    }
    return withBeside(finding, beside);
  }
  if (bearerError && (finding === undefined || finding.confidence === 'heuristic')) return oauth2Finding(bearerShape(bearerError), 'www-authenticate', beside, context);
  // OAuth 1.0a or OAuth 2.0 for words, by the paste's evidence (read/protocol.ts).
  const inOAuth2 = finding === undefined ? undefined : wordsInOAuth2(finding, context, beside);
  if (inOAuth2) return inOAuth2;
  if (finding) return withBeside(finding, beside);
  const refused = context.status === undefined || context.status >= 400;
  if (bearer && !context.offersOAuth && refused) return oauth2Finding(bearerShape(bearer), 'www-authenticate', beside, context);
  return undefined;
}

function withBeside(finding: Finding, beside: readonly OAuth2Signal[]): Finding {
  return beside.length === 0 ? finding : { ...finding, oauth2Signals: beside };
}

/** The signs a response carries whatever its problem was read as: a Bearer challenge, a Bearer request. */
export function besideSignals(context: OAuth2Context): OAuth2Signal[] {
  return [...(context.bearer ? (['bearer-challenge'] as const) : []), ...(context.requestBearer ? (['bearer-request'] as const) : [])];
}

/** `Authorization: Bearer …` on the request (RFC 6750 §2.1). */
export function carriesBearer(authorization: string | undefined): boolean {
  return authorization !== undefined && /^\s*bearer(?:\s|$)/i.test(authorization);
}

/**
 * The evidence for a reading: the paste's rows (read/protocol.ts), the provider the response or the reading names, a Bearer
 * challenge or request, and the reading's own words. Undefined when the caller gave no paste (flow, inspect) and nothing
 * else says a protocol: then OAuth 1.0a words stay as read.
 */
function evidenceFor(finding: Finding | undefined, context: OAuth2Context): ProtocolEvidence | undefined {
  const pasted = context.mentions?.evidence;
  const bearer = context.bearer !== undefined || context.requestBearer === true;
  if (pasted === undefined && !bearer && context.hostProvider === undefined) return undefined;
  let evidence: ProtocolEvidence = pasted ?? { oauth1: [], oauth2: [], tokenEndpoint: false, bearer: false };
  if (bearer) evidence = { ...evidence, oauth2: [...evidence.oauth2, 'bearer-header'], bearer: true };
  evidence = withReading(withProvider(withProvider(evidence, context.hostProvider), finding?.provider), finding?.classified, finding?.message);
  // With no paste, OAuth 2.0 is never the default: a flow or capture against a provider that speaks both (X) keeps its words.
  return pasted === undefined && decide(evidence) === 'none' ? undefined : evidence;
}

/**
 * Words read in OAuth 1.0a's vocabulary ("Invalid access token", "Token has expired or has been revoked", "Invalid Credentials",
 * "missing scope") are OAuth 2.0's answer when the paste is OAuth 2.0's, or when nothing in it is OAuth 1.0a's (no oauth_*
 * parameter, no consumer key or token secret, no OAuth 1.0a provider): RFC 6750 §3.1 invalid_token or insufficient_scope,
 * RFC 6749 §5.2 invalid_grant (a refresh token, a code) or invalid_client (the client's credentials at the token endpoint).
 * Which words become which code is data (knowledge/protocol-words.ts). Words about the client's own authentication
 * keep their concept's own OAuth 2.0 code (concepts*.ts `oauth2`). Always heuristic.
 */
function wordsInOAuth2(finding: Finding, context: OAuth2Context, beside: readonly OAuth2Signal[]): Finding | undefined {
  if (finding.confidence !== 'heuristic' || finding.classified === undefined || finding.code.startsWith('oauth2:')) return undefined;
  // A refusal in a paste that speaks of an API key and of no token: the key is what was sent, not an RFC 6750 token.
  if (speaksOnlyOfApiKey(context.mentions)) return undefined;
  // A provider's own documented wording (X's request-token page in any language) is that provider's answer, not loose words.
  if (finding.providerCode !== undefined) return undefined;
  const evidence = evidenceFor(finding, context);
  if (evidence === undefined) return undefined;
  const decision = decide(evidence);
  const signal: OAuth2Signal = decision === 'none' ? 'no-oauth1-evidence' : 'oauth2-vocabulary';
  const record = conceptById().get(finding.classified.row);
  // Words about the client's own authentication: RFC 6749 §5.2 invalid_client (or unauthorized_client), by the concept's row.
  if (record?.oauth2 !== undefined && (decision === 'oauth2' || (decision === 'none' && (record.oauth2Only === true || /\bclient\b/i.test(finding.classified.words.join(' ')))))) {
    return asOAuth2(finding, record.oauth2, [...beside, 'client-words', signal]);
  }
  const row = oauth2Translation({ code: finding.code, classified: finding.classified, message: finding.message }, evidence);
  return row === undefined ? undefined : asOAuth2(finding, row.to, [...beside, row.signal, signal]);
}

/**
 * A status read alone (no words, no code) in a paste that speaks OAuth 2.0 and not OAuth 1.0a: RFC 6750 §3.1 invalid_token
 * (an API's refusal of its access token), or RFC 6749 §5.2 invalid_client when the paste names only the token endpoint or the
 * client's credentials. A 401 in a paste that speaks only of an API key (`x-api-key`) is the key refused.
 */
export function leanStatusToBearer(finding: Finding, mentions: PasteMentions | undefined, hostProvider?: string): Finding {
  const evidence = mentions?.evidence === undefined ? undefined : withProvider(mentions.evidence, hostProvider);
  if (finding.code === 'http:401' && evidence !== undefined && !speaksOnlyOfApiKey(mentions) && decide(evidence) === 'oauth2') {
    const code = evidence.tokenEndpoint && !evidence.bearer ? 'oauth2:invalid_client' : 'oauth2:invalid_token';
    return asOAuth2(finding, code, [...(finding.oauth2Signals ?? []), code === 'oauth2:invalid_client' ? 'client-words' : 'bearer-words', 'oauth2-vocabulary']);
  }
  if (finding.code === 'http:401' && speaksOnlyOfApiKey(mentions)) return { ...finding, code: 'consumer_key_unknown', confidence: 'heuristic' };
  return finding;
}

/** An API key named, and no Bearer token, JWT, OAuth 2.0 or OAuth 1.0a word beside it. */
function speaksOnlyOfApiKey(mentions: PasteMentions | undefined): boolean {
  return mentions?.apiKey === true && mentions.bearer !== true && !mentions.oauth2 && !mentions.oauth1;
}

const conceptById = lazy(() => new Map(concepts().map((record) => [record.id, record])));

function asOAuth2(finding: Finding, code: string, signals: readonly OAuth2Signal[]): Finding {
  return { ...finding, code, providerCode: undefined, confidence: 'heuristic', oauth2Signals: [...new Set(signals)], parameters: finding.message === undefined ? finding.parameters : { error_description: finding.message, ...finding.parameters } };
}
