/**
 * The shapes the diagnostics module speaks. A provider's error becomes a
 * DetectedProblem (STYLE habit 2: a failure is data); what a run or a capture
 * knows becomes SessionEvidence; diagnose() turns both into a Diagnosis whose
 * JSON form is what `explain --json`, `flow --json` and `inspect --json` print.
 */
import type { CauseId, Leg, Likelihood } from '../knowledge/types.js';
import type { Lang } from './lang.js';

// The knowledge base's vocabulary, which the reader speaks too (the data does not depend on its reader, issue 13).
export type { CauseId, Leg, Likelihood };

/** Where in a response the problem was found. */
export type ProblemSource =
  | 'argument' // the user typed the code itself
  | 'capture-check' // inferred by checking a capture (inspect), not said by the provider
  | 'www-authenticate'
  | 'form-body'
  | 'url-query'
  | 'json-body'
  | 'xml-body'
  | 'html-page'
  | 'oauthlib-error'
  | 'plain-text'
  | 'status-only';

/**
 * Signs that an answer is OAuth 2.0 (RFC 6749, RFC 6750), not OAuth 1.0a:
 * a `WWW-Authenticate: Bearer` challenge; an error code only OAuth 2.0
 * defines (`invalid_grant`, `invalid_token`, …); a request that carried
 * `Authorization: Bearer`; an `error_uri` (RFC 6749 §5.2); a `state` in a
 * redirect (RFC 6749 §4.1.2.1); an error_description that speaks of what
 * only OAuth 2.0 has (a client secret, a redirect_uri, a code_verifier, an
 * authorization code, an Entra ID AADSTS code); an error a known OAuth 2.0
 * provider documents (`AADSTS…`, Keycloak's "Code not valid").
 */
/**
 * Signs of OAuth 2.0. `json-error`: an `error` member in a JSON object (RFC 6749 §5.2 answers in application/json;
 * oauthlib's OAuth 1 endpoints answer form-encoded). `oauth2-context`: the paste around the error speaks of OAuth 2.0
 * (an `oauth2` package or class, client_secret, an access token response) and nothing of OAuth 1.0a.
 */
export type OAuth2Signal = 'bearer-challenge' | 'oauth2-only-code' | 'bearer-request' | 'error-uri' | 'redirect-state' | 'oauth2-words' | 'provider-dialect' | 'json-error' | 'oauth2-context' | 'enum-form' | 'bearer-words' | 'client-words' | 'jwt-assertion' | 'oauth2-vocabulary' | 'no-oauth1-evidence';

/** How sure the reader is that it read the problem right. */
export type ProblemConfidence = 'exact' | 'mapped' | 'heuristic';

export interface DetectedProblem {
  /** The standard oauth_problem vocabulary when one fits, else the provider's own code (e.g. `x:261`). */
  readonly code: string;
  /** The provider's own code, e.g. `x:89`, `flickr:96`, `netsuite:INVALID_LOGIN`. */
  readonly providerCode?: string | undefined;
  readonly source: ProblemSource;
  readonly confidence: ProblemConfidence;
  /** Companion parameters (oauth_acceptable_timestamps, …), decoded. */
  readonly parameters: Readonly<Record<string, string>>;
  /** oauth_problem_advice or the provider's message, as sent (untrusted text). */
  readonly message?: string | undefined;
  /** The base string the server says it computed (debug_sbs, oauth_signature_base_string). */
  readonly serverBaseString?: string | undefined;
  readonly status?: number | undefined;
  /** Provider identified from the response (host, realm, body shape), e.g. `x`, `flickr`, `yahoo`. */
  readonly provider?: string | undefined;
  /** The response's Date header, ms since the epoch, when it had one. */
  readonly serverDate?: number | undefined;
  /** OAuth 2.0 signs seen in the response, whatever the problem was read as (an `oauth2:` code, or an OAuth 1.0a one beside a Bearer challenge). */
  readonly oauth2Signals?: readonly OAuth2Signal[] | undefined;
  /** Where in a pasted text the problem was read, when the tolerant extractor found it (explain). */
  readonly extracted?: ExtractedFrom | undefined;
  /** The words the message classifier read the problem from, when no code or known phrase said it (always `heuristic`). */
  readonly classified?: WordsReading | undefined;
  /** The value as the provider sent it, when it was read as a near code (`signatur_invalid` → signature_invalid). */
  readonly asSent?: string | undefined;
  /** oauth_* parameters the paste shows sent with no value (`…/authenticate?oauth_token=`): never set, not refused. */
  readonly emptyParameters?: readonly string[] | undefined;
}

/** What the message classifier (src/diagnose/classify/) read, and from which words. */
export interface WordsReading {
  /** The classifier row (knowledge/concepts*.ts) that matched, e.g. `signature-invalid`, `x-page-request-token-invalid-nl`. */
  readonly row: string;
  readonly concept: string;
  /** The language of the words matched. */
  readonly lang: string;
  /** The words that drove the reading, as they stand in the case-folded text. */
  readonly words: readonly string[];
  /** 0: the words name their cause; 2: they say little (a failure, an outage), so a status says as much. */
  readonly tier: 0 | 1 | 2;
}

/** A fragment of a paste: its kind, its offset in the (decoded) text, and what was undone to read it. */
export interface ExtractedFrom {
  /** `curl-verbose`: the paste was a curl -v transcript, read by its response lines; `har`: a HAR whose one failed answer was read. */
  readonly shape?: 'curl-verbose' | 'har' | undefined;
  readonly fragment?: 'json' | 'form' | 'url' | 'xml' | 'html' | undefined;
  readonly at?: number | undefined;
  readonly decoded: readonly string[];
}

/** One request a run or a capture saw, in order. */
export interface LegRecord {
  readonly leg: Leg;
  readonly method: string;
  readonly url: string;
  /** Milliseconds since the epoch when it was sent. */
  readonly at: number;
  readonly status?: number | undefined;
  /** oauth_token sent, as a fingerprint (never the token itself): see fingerprintToken. */
  readonly tokenSent?: string | undefined;
  /** oauth_token issued by the response, as a fingerprint. */
  readonly tokenIssued?: string | undefined;
  readonly oauthTimestamp?: number | undefined;
  readonly oauthNonce?: string | undefined;
  readonly signatureMethod?: string | undefined;
  readonly callback?: string | undefined;
  /** The base string we signed, when known. */
  readonly baseString?: string | undefined;
  /** Response Date header, ms since the epoch. */
  readonly serverDate?: number | undefined;
}

/** Everything known about the session a failure happened in. All fields optional: explain may know nothing. */
export interface SessionEvidence {
  /** When the failure was observed (ms since the epoch). */
  readonly observedAt?: number | undefined;
  /** Provider preset name, e.g. `x`, `local`. */
  readonly provider?: string | undefined;
  /** The provider's known request-token lifetime in seconds, when documented. */
  readonly requestTokenLifetimeSec?: number | undefined;
  readonly legs?: readonly LegRecord[] | undefined;
  /** The leg that failed (index into legs), when known. */
  readonly failedLegIndex?: number | undefined;
  /** server clock − local clock, in seconds, when measured. */
  readonly clockOffsetSec?: number | undefined;
  /** The callback the provider has on file, when known (profile). */
  readonly registeredCallback?: string | undefined;
  /** Who built the signed requests: `oauth-doctor` (flow, demo) signs RFC 5849-exact base strings. */
  readonly signer?: 'oauth-doctor' | undefined;
  /** What a pasted text shows of the OAuth 1.0a request it answers (explain): evidence/pasted-request.ts. */
  readonly pasted?: PastedRequest | undefined;
}

/** The OAuth 1.0a request a paste shows beside its error: its leg, and the shape of a signing key it printed (never the key). */
export interface PastedRequest {
  /** The leg, from the path (…/access_token, OAuthGetAccessToken) or the parameters (oauth_verifier is the access-token leg's, RFC 5849 §2.3). */
  readonly leg?: 'request_token' | 'access_token' | undefined;
  /** The request sends an oauth_token (RFC 5849 §3.1). */
  readonly sendsToken?: boolean | undefined;
  /** The request carries OAuth 1.0a's own parameters (oauth_signature, oauth_consumer_key, an `Authorization: OAuth` header; RFC 5849 §3.5). */
  readonly oauth1?: boolean | undefined;
  /** The host the request went to, when the paste shows it (a request line's Host header, a URL). */
  readonly host?: string | undefined;
  /** A signing key the paste printed: `empty` when nothing follows its `&` (no token secret), `present` when something does (RFC 5849 §3.4.2). */
  readonly keyTokenSecret?: 'empty' | 'present' | undefined;
}

export interface RankedCause {
  readonly id: CauseId;
  readonly likelihood: Likelihood;
  readonly title: string;
  /** Why it was ranked so: each line one observation. */
  readonly evidence: readonly string[];
  /** How to tell whether this is the cause. */
  readonly confirm: string;
}

export interface Fix {
  readonly for: 'user' | 'developer';
  readonly text: string;
  /** The cause it addresses, when specific. */
  readonly cause?: CauseId | undefined;
}

export interface Diagnosis {
  readonly problem: DetectedProblem & {
    readonly title: string;
    readonly meaning: string;
    readonly leg: readonly Leg[] | 'any';
    /** OAuth 2.0: the steps it concerns, named as OAuth 2.0 names them (`token`, `refresh`, `device-token`…), not as OAuth 1.0a legs. */
    readonly steps?: readonly string[] | undefined;
    readonly party: 'client' | 'user' | 'provider';
    readonly usualStatus?: number | undefined;
    readonly known: boolean;
  };
  readonly causes: readonly RankedCause[];
  readonly fixes: readonly Fix[];
  /** First difference between our base string and the server's, when both are known. */
  readonly baseStringDiff?: { readonly ours: string; readonly theirs: string; readonly index: number } | undefined;
  readonly lang: Lang;
  /** Observations that concern no single cause (what evidence there was, the provider's known habits). */
  readonly notes?: readonly string[] | undefined;
}
