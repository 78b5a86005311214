/**
 * The knowledge base is data (STYLE habit 3): every record carries its English
 * and Japanese text side by side, so a new provider or language is new rows.
 */
export interface Text {
  readonly en: string;
  readonly ja: string;
}

/** Stable cause ids; the JSON output uses them. A closed set: a misspelt id in a table is a type error (every id has a record in knowledge/causes.ts). */
export type CauseId =
  | 'reuse'
  | 'expiry'
  | 'revocation'
  | 'clock-skew'
  | 'nonce-reuse'
  | 'wrong-secret'
  | 'signature-base-mismatch'
  | 'wrong-signature-method'
  | 'unknown-consumer'
  | 'app-suspended'
  | 'rate-limited'
  | 'verifier-mismatch'
  | 'not-yet-authorized'
  | 'user-denied'
  | 'insufficient-scope'
  | 'callback-not-approved'
  | 'oob-required'
  | 'host-mismatch'
  | 'token-type-confusion'
  | 'provider-outage'
  | 'missing-parameter'
  | 'oauth2-endpoint'
  | 'wrong-version'
  | 'unexpected-parameter'
  | 'invalid-parameter-value'
  | 'malformed-header'
  | 'browser-interference'
  | 'session-handle-expired'
  | 'wrong-realm'
  | 'wrong-endpoint'
  | 'wrong-method'
  | 'api-access-level'
  | 'read-only-app'
  | 'redirect-mismatch'
  | 'pkce-verifier-mismatch'
  | 'client-authentication'
  | 'consent-required'
  | 'session-ended'
  | 'app-configuration'
  | 'user-credentials'
  | 'approval-needs-person'
  | 'refresh-family-revoked'
  | 'state-mismatch'
  | 'app-only-token'
  | 'token-secret-missing'
  // OpenID Connect Core 1.0 §3.1.3.7 (ID Token validation) and RFC 7519 §4.1 / RFC 9068 §4 (a JWT access token at an API):
  // the token came back and the client or API refused it for one of its claims or its signature (knowledge/causes-jwt.ts).
  | 'nonce-mismatch'
  | 'audience-mismatch'
  | 'issuer-mismatch'
  | 'signing-key-mismatch'
  | 'token-hash-mismatch'
  // RFC 7636 §4.4.1, RFC 9126 §5: what the server requires of the authorization request and it lacked (knowledge/causes-authorization-request.ts).
  | 'pkce-required'
  | 'par-required'
  | 'provider-specific';

export type Likelihood = 'certain' | 'likely' | 'possible' | 'unlikely';

export type Leg = 'request_token' | 'authorize' | 'callback' | 'access_token' | 'resource';

export type Party = 'client' | 'user' | 'provider';
type Audience = 'user' | 'developer';

/** A cause a problem usually has, with how likely it is before any evidence. */
export interface CauseRef {
  readonly id: CauseId;
  readonly prior: Exclude<Likelihood, 'certain'>;
}

export interface FixRecord {
  readonly for: Audience;
  readonly text: Text;
}

/** One `oauth_problem` value (or a provider's own code when none fits). */
export interface ProblemRecord {
  readonly code: string;
  readonly title: Text;
  readonly meaning: Text;
  readonly legs: readonly Leg[] | 'any';
  /** Whose move it is to fix: the client's developer, the person, or the provider. */
  readonly party: Party;
  readonly usualStatus?: number;
  /** A companion parameter the server should send with it. */
  readonly companion?: string;
  readonly causes: readonly CauseRef[];
  /** Fixes that belong to the problem itself; causes bring their own. */
  readonly fixes: readonly FixRecord[];
  /** The meaning told in OAuth 2.0's terms (RFC 6749, RFC 6750) for a status-only problem met in an OAuth 2.0 exchange, as CauseRecord's. */
  readonly oauth2?: { readonly meaning: Text };
}

export interface CauseRecord {
  readonly id: CauseId;
  readonly title: Text;
  /** How to tell whether this is the cause. */
  readonly confirm: Text;
  readonly fixes: readonly FixRecord[];
  /**
   * The same cause told in OAuth 2.0's terms (a code or refresh token, a
   * client_id, RFC 6749), used when the diagnosis is of an OAuth 2.0 answer:
   * the plain text speaks of OAuth 1.0a's oauth_token and request tokens.
   */
  readonly oauth2?: { readonly title?: Text; readonly confirm: Text; readonly fixes?: readonly FixRecord[] };
}

/** Parts of a problem record a provider's code may replace. */
export type ProblemOverlay = Partial<Omit<ProblemRecord, 'code'>>;

/** A provider's own code, mapped onto the standard vocabulary when one fits. */
export interface ProviderCodeRecord {
  readonly provider: string;
  /** As the provider sends it: `89`, `INVALID_LOGIN`, or a standard value with provider-specific meaning. */
  readonly code: string;
  /** The provider's own wording, as documented (display only; never matched as free text here). */
  readonly message: string;
  readonly status?: number;
  /** The standard oauth_problem value it means; absent when none fits (then the overlay is complete). */
  readonly maps?: string;
  readonly overlay?: ProblemOverlay;
  /** Where the row's facts come from (a provider's page, a library's source, an issue thread). */
  readonly source?: string;
  /** Another spelling the provider uses for the same code (Evernote's `AUTH_EXPIRED` for EDAM 9). */
  readonly alias?: string;
  /**
   * How the row is found when it is not by a `code` field the generic JSON reader knows:
   * `oauth2` — inside an OAuth 2.0 answer (its `error`, `error_description`, `error_uri`), see `match`;
   * `envelope` — by the provider's own body shape only (Facebook `error.code`, Slack `ok:false`).
   * Such rows are never claimed from a bare `code` field or an `oauth_problem` value.
   */
  readonly readBy?: 'oauth2' | 'envelope';
  /** For `readBy: 'oauth2'`: what must hold for the answer to be this row (all given parts). */
  readonly match?: OAuth2CodeMatch;
}

/**
 * The one table-driven place an OAuth 2.0 answer is tied to a provider's own
 * code: the `error` value, the exact documented wording of `error_description`
 * (patterns, linear), the `error_uri` host. Never loose words: those are the
 * classifier's.
 */
export interface OAuth2CodeMatch {
  readonly error?: string | readonly string[];
  readonly description?: RegExp;
  readonly uri?: RegExp;
  /** The wording is shared with other providers: claimed only when the host names this provider. */
  readonly hostOnly?: boolean;
}

/** A provider's code that can be picked out of any text: `AADSTS50011`, `EDAMUserException(errorCode:AUTH_EXPIRED)`. */
interface ProviderCodePattern {
  /** Its first group is the code as the provider writes it (a row's `code` or `alias`). */
  readonly pattern: RegExp;
  /** Prefix the group is looked up with (Evernote's numbers are rows `EDAM-<n>`). */
  readonly prefix?: string;
  /** A word the text must hold (compared in lower case) before the pattern is tried: keeps every read fast. */
  readonly needle: string;
}

export interface ProviderRecord {
  readonly id: string;
  readonly name: string;
  /** Host names (or suffixes starting with `.`) that identify it. */
  readonly hosts: readonly string[];
  /** URL path fragments that identify it on any host (self-hosted products). */
  readonly paths?: readonly string[];
  readonly requestTokenLifetimeSec?: number;
  /** undefined: unknown; null: never expires unless revoked. */
  readonly accessTokenLifetimeSec?: number | null;
  /** Half-width of the accepted timestamp window, in seconds, when documented. */
  readonly timestampWindowSec?: number;
  readonly signatureMethods?: readonly string[];
  /** What the provider's current release accepts, when older releases accepted more (Magento 2.4.4+: HMAC-SHA256 only). */
  readonly signatureMethodsLatest?: readonly string[];
  /** Hosts that are the same service under two names: tokens must not cross between them. */
  readonly hostAliases?: readonly (readonly string[])[];
  readonly notes?: Text;
  /** Codes of this provider's that name themselves in any text (AADSTS…, EDAM…): tried before phrases. */
  readonly codePatterns?: readonly ProviderCodePattern[];
  /** Where the provider's facts come from. */
  readonly source?: string;
  /** The provider stopped accepting OAuth 1.0a and speaks OAuth 2.0 only since then (evidence/protocol-history.ts). */
  readonly retiredOAuth1?: RetiredProtocol;
}

/** When a provider retired OAuth 1.0a, in its own announcement. */
interface RetiredProtocol {
  /** The day OAuth 1.0a requests started to fail (ISO date). */
  readonly on: string;
  /** The provider's name as a sentence says it. */
  readonly label: string;
  /** The announcement. */
  readonly source: string;
}

/** Where a phrase may be found. */
type PhraseKind = 'html-page' | 'plain-text';

/** A known error page or plain-text phrase: the one place free text is matched. */
export interface PhraseRecord {
  readonly id: string;
  readonly kind: PhraseKind;
  /** Tested against the text with tags stripped, entities decoded and whitespace collapsed. */
  readonly pattern: RegExp;
  /** The standard code (or provider code) it means. */
  readonly problem: string;
  readonly providerCode?: string;
  readonly provider?: string;
  /** exact wording of a known page → mapped; a short generic phrase → heuristic. */
  readonly confidence: 'mapped' | 'heuristic';
  readonly parameters?: Readonly<Record<string, string>>;
}

/** What a provider's words are about (the message classifier's concepts, issue #12). */
type Concept =
  | 'signature'
  | 'signature-method'
  | 'consumer-key'
  | 'key-and-secret'
  | 'token'
  | 'verifier'
  | 'timestamp'
  | 'nonce'
  | 'callback'
  | 'permission'
  | 'rate-limit'
  | 'outage'
  | 'parameter'
  | 'version'
  | 'user-denied'
  | 'authentication'
  | 'endpoint'
  | 'oauth2-grant'
  | 'oauth2-redirect'
  | 'oauth2-pkce'
  | 'oauth2-client'
  | 'oauth2-consent'
  | 'oauth2-session'
  | 'oauth2-app'
  | 'oauth2-refresh'
  | 'oauth2-device'
  | 'audience'
  | 'clock'
  | 'jwt-claim'
  | 'jwt-key';

/**
 * One row of the message classifier: a subject (what the words are about)
 * and a state (what is wrong with it) found near each other in one
 * sentence, in any order, any case, with plurals, punctuation and
 * run-together words undone (`ConsumerKey is invalid`, `InvalidSignature`).
 * A term is a word or words (`not found`); a term in a script written
 * without spaces (Japanese, Chinese, Korean) is matched as it stands.
 */
export interface ConceptRecord {
  readonly id: string;
  readonly concept: Concept;
  /** The language the terms are in (`en`, `ja`, `es`, …): said in the reading. */
  readonly lang: string;
  readonly subject: readonly string[];
  /** One of these must stand near the subject; empty: the subject alone says it. */
  readonly state: readonly string[];
  /** One of these must also stand near (X's pages name "this page"). */
  readonly near?: readonly string[];
  /** A subject inside one of these is no subject ("error code" is no authorization code). */
  readonly block?: readonly string[];
  /** The standard code (or provider code) it reads as. */
  readonly problem: string;
  readonly providerCode?: string;
  readonly provider?: string;
  readonly parameters?: Readonly<Record<string, string>>;
  /** The causes these words point at, most likely first: raised by the words whatever the code. */
  readonly causes: readonly CauseId[];
  /** How many of its causes the words make likely (the rest possible); 1 when absent. */
  readonly likely?: number;
  /** 0: says the most (a permission or a rate limit names its cause outright); 2: says the least (a generic failure). */
  readonly tier: 0 | 1 | 2;
  /**
   * The words name their first cause outright ("The user denied access"): it leads the causes as likely as it, whatever the
   * code (tier-0 rows always do).
   */
  readonly names?: boolean;
  /** Where the wording was seen, when it is a provider's own. */
  readonly source?: string;
  /**
   * Concepts this one decides over when both are in the text: a word only one protocol has
   * (redirect_uri) settles which protocol's reading of a shared word (callback) is meant.
   */
  readonly outranks?: readonly Concept[];
  /**
   * The RFC 6749 §5.2 code these words stand for when the answer is OAuth 2.0's (read/oauth2.ts): "Client authentication
   * failed" is invalid_client, not OAuth 1.0a's consumer_key_unknown, once the paste speaks of OAuth 2.0.
   */
  readonly oauth2?: string;
  /** The words are OAuth 2.0's alone (client authentication, a client assertion): they are that evidence themselves. */
  readonly oauth2Only?: boolean;
}

/** Which protocol a word, parameter name or header form belongs to (knowledge/protocol-words.ts). */
export type ProtocolName = 'oauth1' | 'oauth2';

/** A word only one protocol has: its presence in a paste is evidence for that protocol. */
export interface ProtocolWordRecord {
  readonly id: string;
  readonly protocol: ProtocolName;
  readonly pattern: RegExp;
  /** It names the token endpoint or the client's own credentials (RFC 6749 §3.2): a refusal there is the client's. */
  readonly endpoint?: 'token';
  /** A Bearer token, a JWT or a gRPC call: the credential presented is an access token (RFC 6750). */
  readonly bearer?: boolean;
  readonly source: string;
}

/** The protocols a provider's API speaks today. */
export interface ProviderProtocolRecord {
  readonly provider: string;
  readonly protocols: readonly ProtocolName[];
  /** The provider named as a word in a paste (its product, SDK or library name), beside any URL of its hosts. */
  readonly names?: RegExp;
  readonly source: string;
}

/** What words read in OAuth 1.0a's vocabulary are in OAuth 2.0's (knowledge/protocol-words.ts). */
export interface ProtocolTranslationRecord {
  readonly id: string;
  /** The classifier concepts, rows or OAuth 1.0a codes the reading may have (any one). */
  readonly concepts?: readonly string[];
  readonly rows?: readonly string[];
  readonly codes?: readonly string[];
  /** Must match the words the reading rests on (or its message). */
  readonly words?: RegExp;
  /** Only when the paste names the token endpoint or the client's credentials. */
  readonly endpoint?: 'token';
  /** Only when the paste matched one of these evidence rows (protocol-words.ts ids), and named no Bearer token, JWT or gRPC call. */
  readonly pasteRows?: readonly string[];
  /** The OAuth 2.0 code (RFC 6749 §5.2, RFC 6750 §3.1). */
  readonly to: string;
  readonly signal: 'bearer-words' | 'client-words' | 'oauth2-words';
  /** Only when the paste speaks of OAuth 2.0: never by default. */
  readonly needsEvidence?: boolean;
  readonly source: string;
}

/** A client library's exception that wraps the provider's answer (provider-codes/client-libraries.ts). */
export interface LibraryWrapperRecord {
  readonly id: string;
  /** The library, as a provider id (its rows explain the wrapper's own message). */
  readonly library: string;
  /** The library's own words: blanked before the readers read the rest, since they are not the provider's. */
  readonly words: RegExp;
  /** Where the provider's answer stands after the words: `quoted` ('…'), `data` (passport's `status: N data: …`). */
  readonly body?: 'quoted' | 'data';
  /** The provider code the wrapper's message stands for, read when the paste holds nothing of the provider's answer. */
  readonly code?: string;
  readonly source: string;
}
