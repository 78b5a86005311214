import { problemRecord } from '../knowledge/problems.js';
import { isGenericRow, oauth2ProviderRow, providerCodeRecord, providerRowForProblemValue, qualifiedCode } from '../knowledge/provider-codes.js';
import { providerForUrl, providers } from '../knowledge/providers.js';
import { providerCodes } from '../knowledge/provider-codes.js';
import { percentDecode } from '../oauth/percent-encode.js';
import type { DetectedProblem } from './types.js';
import { extract, type Extraction, type FragmentKind, type PasteShape } from './extract/index.js';
import { singleFailedHarAnswer } from './extract/har.js';
import { withoutStatedStatuses } from './extract/status.js';
import { withoutPlaceholders, withoutStackFrames } from './extract/noise.js';
import { excerpt, type Finding, type NotAProblemReason } from './read/finding.js';
import { echoedBaseString } from './read/echoed-base-string.js';
import { readFormBody, wordAround } from './read/form-body.js';
import { firstHeaderValue, headerValues, joinedHeaderValue, parseHttpDate, type HeaderBag } from '../http/headers.js';
import { jsonStrings, parseJson, readJsonBody, type JsonResponseContext } from './read/json-body.js';
import type { Json } from './read/json.js';
import { readOAuthlibForm } from './read/oauthlib-error.js';
import { findingFromOAuthPairs } from './read/oauth-parameters.js';
import { findingFromPhrase } from './read/phrase-match.js';
import { nearCode } from './classify/near-code.js';
import { casedCodeIn } from './classify/code-case.js';
import { findingFromProviderCodeText } from './read/provider-code-text.js';
import { findingFromCodedLine } from './read/coded-line.js';
import { readCasedOAuth2Code, readOAuth2Prose } from './read/oauth2-prose.js';
import { looksLikeRawResponse, parseRawResponse } from './read/raw-http.js';
import { readUrlQuery } from './read/url-query.js';
import { collapseWhitespace, looksLikeHtml, visibleText } from './read/visible-text.js';
import { readXmlBody } from './read/xml-body.js';
import { httpStatusCode, statusFinding } from './read/status-only.js';
import { claimWithoutEvidence } from './read/protocol.js';
import { libraryWrapperIn, type Wrapped } from './read/library-wrapper.js';
import { BEARER_CHALLENGE_CODE, besideSignals, carriesBearer, isOAuth2OnlyCode, isStandardOAuth2Code, leanStatusToBearer, mentionsOf, resolveOAuth2, type PasteMentions } from './read/oauth2.js';
import { parseBearerChallenge, parseOAuthChallenge, type BearerChallenge } from './read/www-authenticate.js';

/** A provider's answer, as flow, inspect or a pasted capture has it. Header names are case-insensitive. */
export interface ProviderResponse {
  status?: number;
  headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  body?: string;
  url?: string;
  /** The request's headers, when known: an `Authorization: Bearer` there says the exchange is OAuth 2.0 (RFC 6750 §2.1). */
  requestHeaders?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** A URL the pasted text named beside the answer (a log line's `POST https://…`): it identifies the provider, nothing more. */
  hostHint?: string;
  /** What the pasted text around the answer speaks of (OAuth 2.0 libraries, OAuth 1.0a parameters): a weak sign for a shared `error` code. */
  mentions?: PasteMentions;
}

/** What the reader looks in, in order: said when nothing was recognised. */
export const CARRIERS_LOOKED_IN: readonly string[] = [
  'an oauth_problem code or a provider code (x:89, flickr:96, netsuite:INVALID_LOGIN)',
  'the WWW-Authenticate: OAuth header',
  'a form-encoded body (oauth_problem=…, debug_sbs, oauth_signature_base_string)',
  'a URL query (oauth_problem=…, denied=…)',
  'JSON bodies (X errors[], X v1 error, NetSuite o:errorDetails, Flickr/SmugMug stat=fail, SmugMug v2, oauthlib)',
  'RFC 9457 problem details (application/problem+json; X API v2 types such as oauth1-permissions, unsupported-authentication, client-forbidden, usage-capped)',
  'XML bodies (Flickr/SmugMug <err>, X <error code>, X <hash>)',
  'oauthlib error=…&error_description=…',
  'OAuth 2.0 errors (RFC 6749 §5.2, §4.1.2.1; RFC 6750 WWW-Authenticate: Bearer), told apart from OAuth 1.0a by evidence',
  'known error pages (X "request token … invalid" and "no request token", EN and JA; Flickr)',
  'known plain-text phrases (also in an Error: response header, as OpenStreetMap sent them)',
  'an HTTP error status',
  'and each of these inside the text: JSON after a prefix or in a log line, Python/Ruby/Java object literals, b\'…\' byte strings, backslash- or HTML-escaped quotes, comma-separated parameters, URLs, status and header lines, curl -v transcripts',
];

/**
 * Finds the OAuth problem in a provider's response, wherever the provider
 * put it (STYLE habit 2). Never throws: anything unreadable is skipped.
 * Returns undefined for a success status with nothing in it.
 */
export function readProblem(response: ProviderResponse): DetectedProblem | undefined {
  try {
    return readResponse(response).problem;
  } catch {
    // The readers are written not to throw (the property tests run them
    // unguarded, see readProblemUnguarded); this is a last guard for callers.
    return undefined;
  }
}

/** readProblem without the guard, so tests see a bug as a throw rather than as "nothing found". */
export function readProblemUnguarded(response: ProviderResponse): DetectedProblem | undefined {
  return readResponse(response).problem;
}

/** The problem found, or, when there is none, why the input is not one if the reader can say (X API v2 partial errors). */
export type Reading = { readonly problem: DetectedProblem; readonly notAProblem?: undefined } | { readonly problem?: undefined; readonly notAProblem?: NotAProblemReason | undefined };

/** What a caller knows beside the text (explain's --status and --header). */
export interface TextContext {
  readonly status?: number | undefined;
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>> | undefined;
}

/**
 * Reads pasted text: a code (`token_rejected`, `x:89`, `INVALID_LOGIN`, `89`),
 * a raw HTTP response (status line, headers, body), a URL, or a body
 * (form, JSON, XML, an HTML page, a line of a log, a message). A status or
 * headers given beside it count as part of the response (they win over the
 * pasted status line).
 */
export function readProblemFromText(text: string, context: TextContext = {}): DetectedProblem | undefined {
  return readTextReading(text, context).problem;
}

/** readProblemFromText, saying why nothing is a problem when the reader can (explain's one line for X API v2 partial errors). */
export function readTextReading(text: string, context: TextContext = {}): Reading {
  try {
    return readText(text, context);
  } catch {
    return {};
  }
}

/** readProblemFromText without the guard (for the property tests). */
export function readProblemFromTextUnguarded(text: string, context: TextContext = {}): DetectedProblem | undefined {
  return readText(text, context).problem;
}

/** `paste`: the paste a part of it is read from (a wrapper's quoted answer): which protocol it speaks is read there. */
function readText(input: string, context: TextContext, paste?: string): Reading {
  const reading = readTextCarriers(input, context, paste);
  const empty = reading.problem === undefined || typeof input !== 'string' ? [] : emptyOAuthParameters(input);
  return reading.problem && empty.length > 0 ? { ...reading, problem: { ...reading.problem, emptyParameters: empty } } : reading;
}

/** `oauth_token=` followed by `&`, a quote, a space or the end: a parameter the client sent with no value (RFC 5849 §3.5.1, §6.2.1 need one). */
const EMPTY_OAUTH_PARAMETER = /(?:^|[?&\s,"'])(oauth_(?:token|verifier|consumer_key|signature|nonce|timestamp|callback))=(?=$|[&\s,]|""|'')/g;

/** The oauth_* parameters a paste shows sent empty, each once (its first 100,000 characters). */
function emptyOAuthParameters(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.slice(0, 100_000).matchAll(EMPTY_OAUTH_PARAMETER)) if (match[1] !== undefined) names.add(match[1]);
  return [...names];
}

function readTextCarriers(input: string, context: TextContext, paste: string | undefined): Reading {
  // A message template's unfilled parameters (`{0}`, `%s`, `{{client_id}}`) are blanked: the template reads by its fixed words.
  const text = typeof input === 'string' ? withoutPlaceholders(undoUtf16AsUtf8(input)) : '';
  const trimmed = text.trim();
  const status = validStatus(context.status);
  const extraHeaders = context.headers ?? {};
  if (trimmed === '') return status === undefined && Object.keys(extraHeaders).length === 0 ? {} : readResponse({ status, headers: extraHeaders });
  const code = readCodeArgument(trimmed);
  if (code) return { problem: status === undefined ? code : { ...code, status } };
  // A client library's exception around the provider's answer: the answer is read, not the library's words.
  const wrapped = paste === undefined ? libraryWrapperIn(text) : undefined;
  if (wrapped) return readWrapped(text, wrapped, context);
  const extraction = extract(text);
  if (extraction.shape === 'curl-command') {
    // A curl command pasted with what it printed: the printed part is the answer.
    const printed = afterCommand(text);
    const reading = printed.trim() === '' ? {} : readText(printed, context);
    return reading.problem ? reading : { notAProblem: 'curl-command' };
  }
  const mentions = mentionsOf(paste ?? text);
  if (extraction.shape === 'har') {
    const answer = singleFailedHarAnswer(text);
    if (!answer) return { notAProblem: 'har-capture' };
    const reading = readResponse({ ...answer, status: status ?? answer.status, headers: mergeHeaders(answer.headers, extraHeaders), mentions });
    return reading.problem ? withExtraction(reading, { shape: 'har', decoded: [] }) : { notAProblem: 'har-capture' };
  }
  if (extraction.shape === 'curl-verbose') {
    const reading = readResponse({ status: status ?? extraction.status, headers: mergeHeaders(extraction.headers, extraHeaders), body: extraction.body ?? '', mentions });
    return withExtraction(reading, { shape: 'curl-verbose', decoded: [] });
  }
  // A URL of a known provider anywhere in the paste names whose answer it is (Apple's `POST https://appleid.apple.com/auth/token` before `{"error":"invalid_client"}`).
  const hostHint = extraction.fragments.find((f) => f.kind === 'url' && providerForUrl(f.text) !== undefined)?.text ?? urlInText(text);
  // A status the text states (a status line, `HTTP Error 401`, `status code 403`, `401 Unauthorized`) is the answer's status
  // as a status line at the top would be (RFC 9110 §15); an error status only, since a 2xx or 3xx in a log is often another exchange's.
  const statedStatus = extraction.status !== undefined && extraction.status >= 400 ? extraction.status : undefined;
  const whole = readWhole(text, trimmed, status, extraHeaders, hostHint, mentions, statedStatus);
  // A reading of the paste as a whole that named a plausible code stands; words alone, the status alone, or a
  // code that is really an escaped quote or a run of comma-joined parameters give way to a fragment that names one.
  // A code read from the words of a paste that also holds JSON gives way to what the JSON says (it carries the `error` the provider sent).
  // A provider's own code the text names that is no OAuth 2.0 `error` (Google's documented sentence: CREDENTIALS_MISSING) is no loose words: it stands.
  const ownCode = whole.problem?.providerCode !== undefined && !whole.problem.code.startsWith('oauth2:');
  const wordsOverJson = whole.problem?.source === 'plain-text' && !ownCode && extraction.fragments.some((f) => f.kind === 'json');
  const wholeStands = whole.problem !== undefined && whole.problem.confidence !== 'heuristic' && PLAUSIBLE_CODE.test(whole.problem.code) && !wordsOverJson;
  if (wholeStands || whole.notAProblem !== undefined) return whole;
  const fragmentStatus = status ?? whole.problem?.status ?? extraction.status;
  const fragmentHeaders = mergeHeaders(extraction.headers, extraHeaders);
  let heuristic: Reading | undefined;
  for (const fragment of extraction.fragments) {
    const reading = fragment.kind === 'url' ? readResponse({ url: fragment.text, status: fragmentStatus, headers: fragmentHeaders, mentions }) : readResponse({ body: fragment.text, status: fragmentStatus, headers: fragmentHeaders, hostHint, mentions });
    if (!reading.problem || reading.problem.source === 'status-only') continue;
    const found = withExtraction(reading, { fragment: fragment.kind, at: fragment.at, decoded: fragment.decoded });
    if (reading.problem.confidence !== 'heuristic') return found;
    heuristic ??= found;
  }
  // Words read from the whole paste give way to the `error` a JSON fragment of it carries, even when that reading is only a hint.
  if (wordsOverJson && whole.problem?.confidence === 'heuristic' && heuristic?.problem?.extracted?.fragment === 'json' && heuristic.problem.code.startsWith('oauth2:')) return heuristic;
  // Words read from the whole paste keep the status a line of it printed.
  // (The status alone, when only the words stated it, is no reading of the words: a fragment's reading goes first.)
  const statedOnly = whole.problem?.source === 'status-only' && status === undefined && statedStatus !== undefined && !looksLikeRawResponse(trimmed);
  if (whole.problem && !(statedOnly && heuristic) && PLAUSIBLE_CODE.test(whole.problem.code)) return whole.problem.status === undefined && fragmentStatus !== undefined ? { problem: { ...whole.problem, status: fragmentStatus } } : whole;
  if (heuristic) return heuristic;
  // Nothing in the words: the status a line of the paste gave, with the headers it printed.
  if (fragmentStatus !== undefined || Object.keys(extraction.headers).length > 0) {
    const reading = readResponse({ status: fragmentStatus, headers: fragmentHeaders, body: text, mentions });
    if (reading.problem) return withExtraction(reading, { decoded: [] });
  }
  return whole;
}

/**
 * A paste around a client library's exception (read/library-wrapper.ts): the provider's answer the wrapper quotes first,
 * then the rest of the paste with the library's words blanked, each with the status only the wrapper stated; with
 * nothing of the provider's own, the wrapper's message through its row (which step failed, no status invented).
 */
function readWrapped(text: string, wrapped: Wrapped, context: TextContext): Reading {
  const status = validStatus(context.status) ?? wrapped.status;
  const inner: TextContext = { ...context, status };
  if (wrapped.body !== undefined && wrapped.body.trim() !== '') {
    const reading = readText(wrapped.body, inner, text);
    if (reading.problem && reading.problem.source !== 'status-only') return reading;
  }
  const rest = readText(wrapped.rest, inner, text);
  if (rest.problem && rest.problem.source !== 'status-only') return rest;
  const own = wrapped.code === undefined ? undefined : readCodeArgument(wrapped.code);
  if (own) return { problem: { ...own, source: 'plain-text', ...(status === undefined ? {} : { status }) } };
  return rest;
}

/** What the extractor saw in a paste nothing was recognised in: the shapes found (never their text), for "nothing recognised". */
export interface InputSeen {
  readonly chars: number;
  readonly lines: number;
  /** A paste that is a shape of its own (a HAR, a curl command, a curl -v transcript). */
  readonly shape?: PasteShape | undefined;
  /** The status a status line or a `status: 401` in the text gave. */
  readonly status?: number | undefined;
  /** The names of the header lines found (the ones the readers use). */
  readonly headers: readonly string[];
  /** The structured fragments found, by kind, with where each starts. */
  readonly fragments: readonly { readonly kind: FragmentKind; readonly at: number; readonly decoded: readonly string[] }[];
  /** The text holds an HTTP request line (`GET /path HTTP/1.1`, `> POST …`): a capture of an exchange. */
  readonly request: boolean;
}

/** The next steps for a paste nothing was recognised in: `inspect` for a capture, `--status` for a bare body. */
export type NextStep = 'inspect' | 'status' | 'whole-response';

/** What was looked at in a paste, and what to try next, when nothing in it was recognised (issue #12 item 6). */
export function describeInput(text: string, context: TextContext = {}): { seen: InputSeen; next: NextStep[] } {
  const bounded = typeof text === 'string' ? text : '';
  let extraction: Extraction;
  try {
    extraction = extract(bounded);
  } catch {
    extraction = { headers: {}, fragments: [] };
  }
  const request = /^(?:[>*]\s*)?(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S+\s+HTTP\/\d/m.test(bounded.slice(0, 200_000));
  const seen: InputSeen = {
    chars: bounded.length,
    lines: bounded === '' ? 0 : bounded.split('\n').length,
    shape: extraction.shape,
    status: extraction.status,
    headers: Object.keys(extraction.headers),
    fragments: extraction.fragments.slice(0, 16).map((f) => ({ kind: f.kind, at: f.at, decoded: [...f.decoded] })),
    request,
  };
  const next: NextStep[] = [];
  if (seen.shape === 'har' || seen.shape === 'curl-command' || seen.shape === 'curl-verbose' || request) next.push('inspect');
  if (context.status === undefined && seen.status === undefined) next.push('status');
  if (seen.headers.length === 0 && seen.status === undefined) next.push('whole-response');
  if (!next.includes('inspect')) next.push('inspect');
  return { seen, next };
}

/** What follows a shell command and its `\\`-continued lines: the output pasted beneath it. */
function afterCommand(text: string): string {
  const lines = text.trimStart().split('\n');
  let i = 0;
  while (i < lines.length && /\\\s*$/.test(lines[i] ?? '')) i++;
  return lines.slice(i + 1).join('\n');
}

/** A code as providers write them (`token_rejected`, `x:89`, `http:5xx`, `INVALID_LOGIN`); not `\\` nor `a,b=c`. */
const PLAUSIBLE_CODE = /^[A-Za-z0-9_:./-]{1,80}$/;

/** The paste read as one response, a URL or one body, as before the extractor. */
function readWhole(text: string, trimmed: string, given: number | undefined, extraHeaders: HeaderBag, hostHint: string | undefined, mentions: PasteMentions, stated: number | undefined): Reading {
  if (looksLikeRawResponse(trimmed)) {
    const raw = parseRawResponse(trimmed);
    return readResponse({ status: given ?? raw.status, headers: mergeHeaders(raw.headers, extraHeaders), body: raw.body, hostHint, mentions });
  }
  const status = given ?? stated;
  // A status named by its reason phrase (`401 Unauthorized`, `HTTP Error 401: Unauthorized`) says the status, not what the provider said;
  // a stack frame (`at com.foo.Bar.baz(Bar.java:12)`, `File "x.py", line 3, in f`) says where the code was.
  const words = withoutStackFrames(stated === undefined ? text : withoutStatedStatuses(text));
  if (/^https?:\/\/\S+$/i.test(trimmed)) {
    const fromUrl = readResponse({ url: trimmed, status, headers: extraHeaders, mentions });
    return fromUrl.problem ? fromUrl : readResponse({ body: trimmed, status, headers: extraHeaders, mentions });
  }
  return readResponse({ body: words, status, headers: extraHeaders, hostHint, mentions });
}

/** The first https URL of a known provider in the text (a log line's request), when the extractor kept none (no query). */
function urlInText(text: string): string | undefined {
  let count = 0;
  for (const match of text.slice(0, 100_000).matchAll(/\bhttps?:\/\/[A-Za-z0-9.-]{3,253}(?:\/[^\s"'`<>]{0,200})?/g)) {
    if (++count > 50) break;
    if (providerForUrl(match[0]) !== undefined) return match[0];
  }
  return undefined;
}

function withExtraction(reading: Reading, extracted: NonNullable<DetectedProblem['extracted']>): Reading {
  return reading.problem ? { problem: { ...reading.problem, extracted } } : reading;
}

/**
 * A UTF-16 file read as UTF-8 (a Windows tool's "Save as Unicode") arrives
 * as ASCII with a NUL after or before every character and its byte-order
 * mark as two U+FFFD. When most code units are NUL, drop them; otherwise
 * leave the text alone. A UTF-8 byte-order mark is dropped too.
 */
function undoUtf16AsUtf8(text: string): string {
  const head = text.slice(0, 4000);
  let nuls = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) === 0) nuls++;
  const withoutBom = text.replace(/^\uFEFF/, '');
  if (head.length < 4 || nuls * 3 < head.length) return withoutBom;
  return withoutBom.replace(/^\uFFFD{1,2}/, '').replaceAll('\u0000', '');
}

function mergeHeaders(a: HeaderBag, b: HeaderBag): Record<string, string[]> {
  const merged: Record<string, string[]> = {};
  for (const bag of [a, b]) {
    for (const [name, value] of Object.entries(bag)) {
      if (value === undefined) continue;
      const key = name.toLowerCase();
      (merged[key] ??= []).push(...(typeof value === 'string' ? [value] : value));
    }
  }
  return merged;
}

function readResponse(response: ProviderResponse): Reading {
  const headers = response.headers;
  const body = typeof response.body === 'string' ? response.body : '';
  const status = validStatus(response.status);
  const urlProvider = providerForUrl(response.url)?.id ?? providerForUrl(response.hostHint)?.id;
  const challenge = challengeFinding(headers);
  const hostProvider = urlProvider ?? challenge?.realmProvider;
  const oauth2 = { bearer: bearerChallenge(headers), requestBearer: carriesBearer(joinedHeaderValue(response.requestHeaders, 'authorization')), mentions: response.mentions };

  const bodyReading = readBody(body, hostProvider, { status, contentType: joinedHeaderValue(headers, 'content-type') }, response.mentions);
  const fromBody = typeof bodyReading === 'string' ? undefined : bodyReading;
  const fromUrl = response.url ? readUrlQuery(response.url) : undefined;
  // The header SHOULD carry the problem and the body MAY repeat it; merge the two.
  const merged = mergeFindings(challenge?.finding, fromBody) ?? fromUrl ?? errorHeaderFinding(headers, hostProvider);
  // A page served with success is read by its codes, not its words: loose words on a 2xx page (a login page, a template) are no error.
  // An error in a JSON or XML body is still read whatever the status (some OAuth 2.0 servers answer errors with 200).
  const said = merged?.classified !== undefined && status !== undefined && status < 400 && (merged.source === 'html-page' || merged.source === 'plain-text') ? undefined : merged;
  // Words that say little ("Service Unavailable", "authentication failed") say no more than an error status: the status reads it, the words ride beside.
  const found = said?.classified?.tier === 2 && said.errorShape === undefined && status !== undefined && status >= 400 ? statusFinding(status, { parameters: said.parameters, message: said.message, classified: said.classified, provider: said.provider }) : said;
  // OAuth 1.0a or OAuth 2.0? Decided by evidence (read/oauth2.ts).
  let finding = resolveOAuth2(found, { ...oauth2, hostProvider, offersOAuth: challenge !== undefined, status });
  if (!finding && status !== undefined && status >= 400) finding = withSignals(statusFinding(status), besideSignals(oauth2));
  // With no challenge to go by (a challenge is better evidence, read above), a bare 401 in a Bearer or gRPC paste leans to OAuth 2.0.
  if (finding?.code === 'http:401' && challenge === undefined && oauth2.bearer === undefined) finding = leanStatusToBearer(finding, response.mentions, hostProvider);
  if (!finding) return { notAProblem: typeof bodyReading === 'string' ? bodyReading : undefined };

  const provider = finding.provider ?? hostProvider ?? providerOfBaseString(finding.serverBaseString);
  // A status the body states stands in for an HTTP status nobody gave (RFC 9457 §3.1.2).
  return { problem: normalize(finding, { status: status ?? finding.status, provider, serverDate: parseHttpDate(firstHeaderValue(headers, 'date')) }) };
}

function validStatus(status: number | undefined): number | undefined {
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 999 ? status : undefined;
}

function challengeFinding(headers: HeaderBag | undefined): { finding: Finding | undefined; realmProvider: string | undefined } | undefined {
  for (const value of headerValues(headers, 'www-authenticate')) {
    const challenge = parseOAuthChallenge(value);
    if (!challenge) continue;
    const realmProvider = providerForUrl(challenge.realm)?.id;
    return { finding: findingFromOAuthPairs(challenge.parameters, 'www-authenticate'), realmProvider };
  }
  return undefined;
}

/** A known phrase in an `Error:` response header, when nothing else spoke (OpenStreetMap's API put its reason there, body empty). */
function errorHeaderFinding(headers: HeaderBag | undefined, hostProvider: string | undefined): Finding | undefined {
  const value = joinedHeaderValue(headers, 'error');
  if (value === undefined) return undefined;
  const reason = collapseWhitespace(value.slice(0, 1000)).trim();
  const finding = findingFromPhrase(reason, 'plain-text', hostProvider);
  return finding ? { ...finding, message: excerpt(reason) } : undefined;
}

function bearerChallenge(headers: HeaderBag | undefined): BearerChallenge | undefined {
  for (const value of headerValues(headers, 'www-authenticate')) {
    const challenge = parseBearerChallenge(value);
    if (challenge) return challenge;
  }
  return undefined;
}

function withSignals(finding: Finding, signals: Finding['oauth2Signals']): Finding {
  return signals === undefined || signals.length === 0 ? finding : { ...finding, oauth2Signals: signals };
}

function mergeFindings(header: Finding | undefined, body: Finding | undefined): Finding | undefined {
  if (!header) return body;
  if (!body || body.code !== header.code) return header;
  return {
    ...header,
    parameters: { ...body.parameters, ...header.parameters },
    message: header.message ?? body.message,
    serverBaseString: header.serverBaseString ?? body.serverBaseString,
  };
}

/** Carriers in the body, most specific first; or why the body is no problem, when the JSON reader could tell. */
function readBody(body: string, hostProvider: string | undefined, response: JsonResponseContext, mentions: PasteMentions | undefined): Finding | NotAProblemReason | undefined {
  if (body.trim() === '') return undefined;
  const bounded = body.slice(0, 500_000);
  // A JSON body is read as JSON first: an oauth_problem inside one of its strings belongs to it.
  const json = readJsonBody(bounded, hostProvider, { ...response, protocol: mentions?.evidence });
  if (json && (typeof json === 'string' || json.confidence !== 'heuristic')) return json;
  // An RFC 6749 §5.2 error object the JSON reader read (its `error`, `error_description`, `error_uri`) is the answer the JSON
  // carries; which protocol it is, resolveOAuth2 decides. No text reader reads its members again for a second answer.
  if (json?.errorShape !== undefined) return json;
  // Any other JSON body is structure, not prose: the word readers read its strings, each a sentence of its own, never its keys
  // (`{"data":{"invalid_grant":true}}` names no code). The providers' code patterns, written for JSON text, still read it whole.
  const parsed = /^\s*[[{]|^\s*[A-Za-z_$][\w$.]{0,63}\(/.test(bounded) ? parseJson(bounded) : undefined;
  const strings = parsed !== undefined && typeof parsed === 'object' && parsed !== null ? jsonStrings(parsed) : undefined;
  // Words read in a JSON message field give way to a code another carrier of the same body names (an `error=…` form quoted in a message).
  const other = readBodyCarriers(body, bounded, hostProvider, mentions, strings === undefined ? undefined : { strings, errorMember: hasErrorMember(parsed) });
  return json && (other === undefined || other.confidence === 'heuristic') ? json : other;
}

/** The body is one JSON object with a string `error` member: OAuth 2.0's error response (RFC 6749 §5.2). */
function hasErrorMember(value: Json | undefined): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value['error'] === 'string';
}

/**
 * The text carriers of a body, most specific first. `json`: the body is JSON, and `strings` are its strings, one sentence
 * each, for the word readers; `errorMember`: it has an RFC 6749 §5.2 `error` member, which is the answer, so no code is
 * read from a code-like word in its description (readCasedOAuth2Code) and no OAuth 2.0 prose reading is made beside it.
 */
function readBodyCarriers(body: string, bounded: string, hostProvider: string | undefined, mentions: PasteMentions | undefined, json?: { readonly strings: string; readonly errorMember: boolean }): Finding | undefined {
  const form = readFormBody(bounded);
  if (form) return form;
  const xml = readXmlBody(bounded, hostProvider);
  if (xml) return xml;
  // A callback URL pasted from the address bar or a log: X's denied=, oauthlib's error=access_denied.
  for (const needle of ['denied=', 'error=access_denied']) {
    const word = wordAround(bounded, needle);
    const fromUrl = word !== undefined && /^https?:\/\//i.test(word) ? readUrlQuery(word) : undefined;
    if (fromUrl) return fromUrl;
  }
  const oauthlib = readOAuthlibForm(bounded);
  if (oauthlib) return oauthlib;
  const html = json === undefined && looksLikeHtml(bounded);
  const prose = html ? visibleText(bounded) : collapseWhitespace(bounded.slice(0, 100_000));
  const carrier = html ? 'html-page' : 'plain-text';
  // What the word readers read: the prose, or a JSON body's strings.
  const words = json === undefined ? prose : collapseWhitespace(json.strings.slice(0, 100_000));
  const coded = findingFromProviderCodeText(prose, carrier) ?? findingFromCodedLine(words, carrier, hostProvider);
  // A code before its description claimed for an OAuth 1.0a-only provider on its spelling alone gives way (read/protocol.ts).
  if (coded && !claimWithoutEvidence(coded.provider, coded.providerCode?.slice(coded.providerCode.indexOf(':') + 1) ?? coded.code, hostProvider, mentions?.evidence)) return coded;
  // Prose only where no structure is: a `{…}` in the text, a JSON body among them, is the extractor's and the JSON reader's to read.
  const oauth2Prose = json !== undefined || bounded.includes('{') ? undefined : readOAuth2Prose(bounded, mentions?.oauth2 === true && !mentions.oauth1);
  if (oauth2Prose) return oauth2Prose;
  // An enum or type name of a registered code (`.invalidGrant`, `InvalidClient`), also inside a printed object.
  // Not inside a JSON error response: its `error` member is the answer (RFC 6749 §5.2), a code-like word in its description is not.
  const cased = json?.errorMember === true ? undefined : readCasedOAuth2Code(json === undefined ? bounded : json.strings);
  if (cased) return cased;
  // A long log says what failed at its end: its last lines are read too.
  const finding = findingFromPhrase(words, carrier, hostProvider) ?? (body.length > 100_000 && carrier === 'plain-text' && json === undefined ? findingFromPhrase(collapseWhitespace(body.slice(-TAIL_READ)), 'plain-text', hostProvider) : undefined);
  const echoed = finding ? echoedBaseString(words) : undefined;
  return finding && echoed !== undefined ? { ...finding, serverBaseString: echoed } : finding;
}

/** How much of a long paste's end is read when its start said nothing. */
const TAIL_READ = 20_000;

/** The host of the URI inside a server's echoed base string (RFC 5849 §3.4.1.1: METHOD&URI&PARAMS). */
function providerOfBaseString(baseString: string | undefined): string | undefined {
  if (!baseString) return undefined;
  const uri = baseString.split('&')[1];
  return uri === undefined ? undefined : providerForUrl(percentDecode(uri))?.id;
}

interface Context {
  readonly status: number | undefined;
  readonly provider: string | undefined;
  readonly serverDate: number | undefined;
}

/**
 * Maps what was found onto the standard vocabulary: a provider code through
 * its row (`x:89` → token_rejected); a provider's non-standard oauth_problem
 * value through its alias row (`consumer_key_invalid` → consumer_key_unknown);
 * a standard value stays, tagged with the provider's row when it has one.
 */
function normalize(finding: Finding, context: Context): DetectedProblem {
  let { code, providerCode } = finding;
  let provider = context.provider;
  let confidence = finding.confidence;
  if (providerCode !== undefined) {
    const row = providerCodeRecord(providerCode);
    // An OAuth 2.0 error keeps the code it was sent with; the provider's row explains it (RFC 6749 §5.2).
    const keepsOAuth2 = code.startsWith('oauth2:') && code !== BEARER_CHALLENGE_CODE;
    if (!keepsOAuth2 && row?.maps !== undefined) code = row.maps;
    else if (!keepsOAuth2 && row) code = providerCode;
    provider ??= providerCode.slice(0, providerCode.indexOf(':'));
  } else if (!problemRecord(code) && !code.includes(':')) {
    const alias = providerRowForProblemValue(code);
    if (alias) {
      providerCode = qualifiedCode(alias);
      code = alias.maps ?? providerCode;
      provider ??= alias.provider;
      if (confidence === 'exact') confidence = 'mapped';
    } else {
      // A value nobody listed is never exact (issue #12): a near miss of a standard code, words, or an unknown code as sent.
      const reread = rereadUnknownValue(finding);
      if (reread) return normalize(reread, context);
      if (confidence === 'exact') confidence = 'heuristic';
    }
  } else if (provider !== undefined && providerCodeRecord(provider, code)) {
    providerCode = `${provider}:${code}`;
  } else if (provider !== undefined && code.startsWith('oauth2:')) {
    // An OAuth 2.0 error from a known provider's host, in that provider's meaning: a wording it shares with others (Spotify's
    // "Invalid authorization code"), or its bare code (Apple's invalid_grant).
    const error = code.slice('oauth2:'.length);
    const shared = oauth2ProviderRow({ error, description: finding.parameters['error_description'], uri: finding.parameters['error_uri'] }, provider);
    const row = (shared?.provider === provider ? shared : undefined) ?? providerCodeRecord(provider, error);
    if (row) providerCode = qualifiedCode(row);
  }
  return {
    code,
    providerCode,
    source: finding.source,
    confidence,
    parameters: finding.parameters,
    message: finding.message,
    serverBaseString: finding.serverBaseString,
    status: context.status,
    provider,
    serverDate: context.serverDate,
    oauth2Signals: finding.oauth2Signals,
    classified: finding.classified,
    asSent: finding.asSent,
  };
}

/**
 * An oauth_problem (or typed) value that is no code anyone listed:
 * `signatur_invalid` or `token-used` reads as the standard code it nearly
 * is; free text in the value ("The signature is invalid. Verify and try
 * again.", "rate limit exceeded") is read by its words. Either way the
 * value as sent rides along and the reading is heuristic.
 */
function rereadUnknownValue(finding: Finding): Finding | undefined {
  const sent = finding.code;
  const near = nearCode(sent);
  if (near !== undefined) return { ...finding, code: near, confidence: 'heuristic', asSent: sent };
  const words = findingFromPhrase(sent, finding.source, finding.provider);
  if (!words) return undefined;
  return { ...finding, code: words.code, providerCode: words.providerCode, provider: finding.provider ?? words.provider, confidence: 'heuristic', parameters: { ...words.parameters, ...finding.parameters }, message: finding.message ?? excerpt(sent), classified: words.classified, asSent: sent };
}

const PROVIDER_ALIASES: Readonly<Record<string, string>> = { twitter: 'x' };

/** `INVALID_CLIENT`, `InvalidClient`, `.invalidClient`, `OAuthError.accessDenied`, maybe after `error:` or `code =`: the whole text is one cased registered code. */
function casedArgument(text: string): { code: string; written: string } | undefined {
  const bare = /^(?:(?:error|code|err)\s*[:=]\s*)?["'`]?(\.?[A-Za-z][\w.:-]{2,80})["'`]?$/i.exec(text)?.[1];
  if (bare === undefined) return undefined;
  const found = casedCodeIn(bare, isStandardOAuth2Code);
  if (found === undefined || found.written === undefined || found.end !== bare.length) return undefined;
  // What stands before the code is a namespace or type (`OAuthError.`, `AuthError::`), never more words.
  if (!/^(?:[A-Za-z][\w]*(?:\.|::))*[.:]?$/.test(bare.slice(0, found.start))) return undefined;
  return { code: found.code, written: found.written };
}

/** A code typed as the argument: standard, unknown snake_case, provider-qualified, a provider's own name, or a number. */
function readCodeArgument(text: string): DetectedProblem | undefined {
  const argument = (code: string, providerCode?: string, provider?: string): DetectedProblem => ({
    code,
    providerCode,
    provider,
    source: 'argument',
    confidence: providerCode === undefined ? 'exact' : 'mapped',
    parameters: {},
  });
  // A code only OAuth 2.0 defines (RFC 6749 §5.2, RFC 6750 §3.1), typed bare: the shared ones (invalid_request, …) stay as typed.
  if (isOAuth2OnlyCode(text)) return { ...argument(`oauth2:${text}`), oauth2Signals: ['oauth2-only-code'] };
  const oauth2 = /^oauth2\s*:\s*([\w.-]{1,64})$/i.exec(text)?.[1];
  if (oauth2 !== undefined) return { ...argument(`oauth2:${oauth2}`), oauth2Signals: isOAuth2OnlyCode(oauth2) ? ['oauth2-only-code'] : [] };
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/.test(text)) {
    return normalize({ code: text, source: 'argument', confidence: 'exact', parameters: {} }, { status: undefined, provider: undefined, serverDate: undefined });
  }
  const qualified = /^([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*[:/ ]\s*([\w:./-]{1,64})$/.exec(text);
  if (qualified) {
    const named = (qualified[1] ?? '').toLowerCase();
    const provider = PROVIDER_ALIASES[named] ?? named;
    const own = qualified[2] ?? '';
    if (provider === 'http' && own === '5xx') return { ...argument('http:5xx'), confidence: 'heuristic' };
    // A situation flow recognised itself (flow:approval-page), typed back from its report.
    if (provider === 'flow' && problemRecord(`flow:${own}`)) return argument(`flow:${own}`);
    if (provider === 'http' && /^\d{3}$/.test(own)) return { ...argument(httpStatusCode(Number(own))), status: Number(own), confidence: 'heuristic' };
    if (providers().some((p) => p.id === provider) || provider === 'oauthlib') {
      const row = providerCodeRecord(provider, own);
      const providerCode = `${provider}:${row?.code ?? own}`;
      return row ? argument(row.maps ?? providerCode, providerCode, provider) : { ...argument(providerCode, providerCode, provider), confidence: 'exact' };
    }
  }
  if (/^[A-Za-z][A-Za-z_]{2,63}$/.test(text)) {
    // A provider's own name (AWS's AccessDenied, Azure's AuthorizationFailed, or its alias AccessDeniedException) before any OAuth 2.0 spelling.
    const row = providerCodes().find((r) => isGenericRow(r) && (r.code === text || r.alias === text) && !/^[a-z_]+$/.test(r.code));
    if (row) return argument(row.maps ?? qualifiedCode(row), qualifiedCode(row), row.provider);
  }
  // A registered OAuth 2.0 code typed as a library spells it (INVALID_CLIENT, InvalidClient, .invalidClient, ACCESS_DENIED,
  // `error: INVALID_CLIENT`): nothing else in the paste, so the spelling is the sign (RFC 6749 §5.2, §4.1.2.1).
  // Bare PascalCase (`InvalidClient`) is also how cloud APIs name their own codes: the spelling alone is only a hint.
  const cased = casedArgument(text);
  if (cased !== undefined) return { ...argument(`oauth2:${cased.code}`), confidence: cased.written === text && /^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(text) ? 'heuristic' : 'mapped', asSent: cased.written, oauth2Signals: ['enum-form'] };
  if (/^\d{1,3}$/.test(text)) {
    // A bare 4xx/5xx is an HTTP status unless X uses the number: another provider's `401` (Vimeo) must be typed `vimeo:401`.
    const httpError = Number(text) >= 400 && Number(text) <= 599;
    const row = providerCodes().find((r) => r.code === text && r.provider === 'x') ?? (httpError ? undefined : providerCodes().find((r) => r.code === text));
    if (row) return argument(row.maps ?? qualifiedCode(row), qualifiedCode(row), row.provider);
    const status = Number(text);
    if (status >= 400 && status <= 599) return { ...argument(httpStatusCode(status)), status, confidence: 'heuristic' };
  }
  return undefined;
}
