import { providerCodeRecord } from '../../knowledge/provider-codes.js';
import { excerpt, type Finding } from './finding.js';
import { findingFromPhrase } from './phrase-match.js';
import { isObject, jsonHttpStatus, type Json, type JsonObject } from './json.js';
import { statusFinding } from './status-only.js';
import { TERMINAL_UNSAFE_CHARACTERS } from '../../terminal/sanitize.js';

/**
 * An HTTP API problem as RFC 9457 (which obsoletes RFC 7807) defines it:
 * `type`, `title`, `status`, `detail`, `instance`, plus extension members.
 * A member of the wrong JSON type is ignored (RFC 9457 §3.1).
 */
export interface ProblemDetails {
  /** RFC 9457 §3.1.1: absent means `about:blank`. */
  readonly type: string;
  readonly title?: string | undefined;
  /** RFC 9457 §3.1.2: advisory; the HTTP status wins when both are known. */
  readonly status?: number | undefined;
  readonly detail?: string | undefined;
  readonly instance?: string | undefined;
  /** RFC 9457 §3.2 extension members with scalar values, cleaned and bounded (X: reason, required_enrollment, period, scope, …). */
  readonly extensions: Readonly<Record<string, string>>;
}

/** X API v2 problem types, under either host: `https://api.twitter.com/2/problems/<name>`. */
const X_PROBLEM_TYPE = /^https:\/\/api\.(?:twitter|x)\.com\/2\/problems\/([a-z0-9-]{1,64})$/i;

/** RFC 9457 §3: `application/problem+json` (parameters such as charset allowed). */
export function isProblemJsonType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^\s*application\/problem\+json\s*(?:;|$)/i.test(contentType);
}

/** What the terminal must not get (one definition, the sanitiser's), and tabs and newlines: a problem's text is one line. */
const NOT_IN_PROVIDER_TEXT = new RegExp(`[${TERMINAL_UNSAFE_CHARACTERS}\\t\\n]+`, 'g');

/**
 * Provider text is shown to a person: the characters the terminal must not
 * get become spaces here (the output's sanitiser would make them visible; a
 * reader has no business passing them on), and so do tabs and newlines.
 */
export function cleanText(text: string, max = 500): string {
  return excerpt(text.replace(NOT_IN_PROVIDER_TEXT, ' ').replace(/ {2,}/g, ' '), max);
}

/** RFC 9457 §3.1.1: a URI reference; `about:blank` is the default. Anything else is not a type to show. */
function typeOf(value: Json | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const type = value.trim();
  return type.length > 0 && type.length <= 2000 && /^[\x21-\x7e]+$/.test(type) ? type : undefined;
}

function stringMember(value: Json | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? cleanText(value) : undefined;
}

/** The core members, and the parameters the readers below derive from the detail: a body cannot supply either as an extension. */
const RESERVED_MEMBERS: ReadonlySet<string> = new Set(['type', 'title', 'status', 'detail', 'instance', 'authentication_used', 'authentication_supported']);
/** Extension members whose name says they may hold a credential are never copied. */
const SECRET_NAME = /token|secret|password|passwd|key|verifier|signature|cookie|session/i;
const MAX_EXTENSIONS = 10;

function extensionsOf(json: JsonObject): Record<string, string> {
  const extensions: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of Object.entries(json)) {
    if (count >= MAX_EXTENSIONS) break;
    if (RESERVED_MEMBERS.has(name) || SECRET_NAME.test(name) || !/^[A-Za-z_][\w.-]{0,39}$/.test(name)) continue;
    const scalar = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    if (scalar === undefined || scalar.trim() === '') continue;
    extensions[name] = cleanText(scalar, 200);
    count++;
  }
  return extensions;
}

/**
 * The problem details in a JSON object, when it is one. Served as
 * `application/problem+json`, any of the core members will do; otherwise
 * the shape must say it: a `type` URI with a `title` or `detail`, or
 * `title`, `status` and `detail` together.
 */
export function problemDetailsOf(json: Json, served: { problemJson?: boolean } = {}): ProblemDetails | undefined {
  if (!isObject(json)) return undefined;
  const type = typeOf(json['type']);
  const title = stringMember(json['title']);
  const status = jsonHttpStatus(json['status']);
  const detail = stringMember(json['detail']);
  const shaped = served.problemJson === true
    ? type !== undefined || title !== undefined || status !== undefined || detail !== undefined
    : (type !== undefined && /^(?:about:blank|[a-z][a-z0-9+.-]*:\/\/\S+)$/i.test(type) && (title !== undefined || detail !== undefined)) ||
      (title !== undefined && status !== undefined && detail !== undefined);
  if (!shaped) return undefined;
  return { type: type ?? 'about:blank', title, status, detail, instance: stringMember(json['instance']), extensions: extensionsOf(json) };
}

/** `oauth1-permissions` for an X API v2 problem type, else undefined. */
export function xProblemName(type: string): string | undefined {
  return X_PROBLEM_TYPE.exec(type)?.[1]?.toLowerCase();
}

/**
 * X API v2 partial errors: an `errors` array of problem objects beside (or
 * instead of) `data`, each about one resource asked for (a user not found, a
 * protected post). The request itself was authenticated, so they are never
 * an authentication problem.
 */
export function isXPartialErrorDocument(json: Json): boolean {
  if (!isObject(json) || typeOf(json['type']) !== undefined) return false;
  const errors = json['errors'];
  if (!Array.isArray(errors) || errors.length === 0) return false;
  return errors.every((entry) => isObject(entry) && entry['code'] === undefined && xProblemName(typeOf(entry['type']) ?? '') !== undefined);
}

/** X API v2's `unsupported-authentication` detail: the authentication X read the request as, then the types the endpoint supports. */
const X_UNSUPPORTED_AUTHENTICATION = /^Authenticating with (.{1,80}?) is forbidden for this endpoint\.?\s*Supported authentication types are \[([^\]]{0,300})\]/i;

/**
 * The one place X's free text is read (STYLE habit 2): the detail of an
 * X API v2 type becomes parameters, which the ranking rules read and the
 * output shows. Keyed by type name; the detail is already cleaned.
 */
const X_DETAIL_READERS: Readonly<Record<string, (detail: string) => Record<string, string>>> = {
  // "Authenticating with OAuth 1.0a User Context is forbidden for this endpoint. Supported authentication types are [OAuth 2.0 Application-Only]."
  // X's "Unknown" stands where it could not read the Authorization header at all.
  'unsupported-authentication': (detail): Record<string, string> => {
    const match = X_UNSUPPORTED_AUTHENTICATION.exec(detail.trim());
    if (!match) return {};
    const used = (match[1] ?? '').trim();
    const supported = (match[2] ?? '').split(',').map((type) => type.trim()).filter((type) => type !== '');
    return used === '' ? {} : { authentication_used: used, authentication_supported: supported.join(', ') };
  },
};

interface ReadContext {
  /** The HTTP status, when known: it wins over the body's `status` (RFC 9457 §3.1.2). */
  readonly status?: number | undefined;
  readonly hostProvider?: string | undefined;
}

/**
 * Problem details as a finding. An X API v2 type with a row of its own is
 * read through it (`x:v2:oauth1-permissions`); any other problem (generic
 * `about:blank`, another host's type, an X type nobody listed) is read by a
 * known phrase in its detail or title, else by its status, with the type
 * named beside it. The detail is the provider's message.
 */
export function findingFromProblemDetails(problem: ProblemDetails, context: ReadContext = {}): Finding | undefined {
  const message = problem.detail ?? problem.title;
  const name = xProblemName(problem.type);
  const fromDetail = name === undefined || problem.detail === undefined ? {} : (X_DETAIL_READERS[name]?.(problem.detail) ?? {});
  const parameters = { ...parametersOf(problem, context.status), ...fromDetail };
  const base = { source: 'json-body' as const, parameters, message, status: problem.status };
  if (name !== undefined) {
    const providerCode = `x:v2:${name}`;
    if (providerCodeRecord(providerCode)) return { ...base, code: providerCode, providerCode, provider: 'x', confidence: 'mapped' };
    const generic = genericReading(problem, context.status, 'x', base);
    return generic ? { ...generic, providerCode, provider: 'x' } : { ...base, code: providerCode, providerCode, provider: 'x', confidence: 'exact' };
  }
  return genericReading(problem, context.status, context.hostProvider, base);
}

function genericReading(problem: ProblemDetails, httpStatus: number | undefined, provider: string | undefined, base: Omit<Finding, 'code' | 'confidence'>): Finding | undefined {
  for (const text of [problem.detail, problem.title]) {
    if (text === undefined) continue;
    const phrased = findingFromPhrase(text, 'json-body', provider);
    if (phrased) return { ...base, ...phrased, parameters: { ...base.parameters, ...phrased.parameters }, message: base.message, status: base.status };
  }
  const status = httpStatus ?? problem.status;
  if (status === undefined || status < 400) return undefined;
  // The reading rests on the status alone (the body's `status` is the origin's HTTP status, RFC 9457 §3.1.2); the type and detail ride beside it.
  return statusFinding(status, { parameters: base.parameters, message: base.message, status: base.status, provider });
}

/** What is shown beside the reading: the type, the title, the body's status when it disagrees with the HTTP one, the instance, the extensions. */
function parametersOf(problem: ProblemDetails, httpStatus: number | undefined): Record<string, string> {
  const parameters: Record<string, string> = { type: cleanText(problem.type, 300) };
  if (problem.title !== undefined) parameters['title'] = problem.title;
  if (problem.status !== undefined && httpStatus !== undefined && problem.status !== httpStatus) parameters['status'] = String(problem.status);
  if (problem.instance !== undefined) parameters['instance'] = cleanText(problem.instance, 300);
  return { ...problem.extensions, ...parameters };
}
