import { problemRecord } from '../../knowledge/problems.js';
import { findingFromCodedLine } from './coded-line.js';
import { readOAuth2Prose } from './oauth2-prose.js';
import { isGenericRow, providerCodeRecord, providerCodes } from '../../knowledge/provider-codes.js';
import { excerpt, type Finding, type NotAProblemReason } from './finding.js';
import { readFormBody } from './form-body.js';
import { findingFromOAuthPairs } from './oauth-parameters.js';
import { isOAuth2OnlyCode, isStandardOAuth2Code } from './oauth2.js';
import { casedCodeIn } from '../classify/code-case.js';
import { findingFromOAuthlibError } from './oauthlib-error.js';
import { findingFromPhrase } from './phrase-match.js';
import { findingFromProviderCodeText } from './provider-code-text.js';
import { findingFromProblemDetails, isProblemJsonType, isXPartialErrorDocument, problemDetailsOf } from './problem-details.js';
import { isObject, jsonText, type Json, type JsonObject } from './json.js';
import { claimWithoutEvidence, type ProtocolEvidence } from './protocol.js';
import { fromDropboxError, fromFacebookError, fromGoogleStatus, fromLinkedInError, fromMastercardErrors, fromSlackEnvelope, fromTumblrEnvelope } from './json-providers.js';

/** JSONP, as Flickr answers with format=json: `jsonFlickrApi({...})`. */
const JSONP = /^[A-Za-z_$][\w$.]{0,63}\(\s*([{[][\s\S]*[}\]])\s*\)\s*;?$/;

export function parseJson(body: string): Json | undefined {
  const stripped = body.trim();
  const trimmed = JSONP.exec(stripped)?.[1] ?? stripped;
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    return undefined;
  }
}

/**
 * A JSON body's strings as sentences, without its keys, quotes or braces: what the word readers may read in a JSON body
 * (read-problem's readBody). A sentence is a string of words (`"message":"Access token expired"`); an object's short
 * identifier-like values together are one more (`{"field":"access_token","code":"invalid"}`: "access_token invalid", the
 * field/code lists of Strava, Google's v1 errors[]). A full stop ends each, so words in two members are never one sentence.
 * Depth-first, at most 200 sentences a few levels deep.
 */
export function jsonStrings(value: Json): string {
  const out: string[] = [];
  const sentence = (t: string): void => {
    if (t !== '' && out.length < 200) out.push(/[.!?。]$/.test(t) ? t : `${t}.`);
  };
  const walk = (v: Json, depth: number): void => {
    if (out.length >= 200 || depth > 8) return;
    if (typeof v === 'string') sentence(v.trim());
    else if (Array.isArray(v)) for (const item of v) walk(item, depth + 1);
    else if (isObject(v)) {
      const names: string[] = [];
      for (const item of Object.values(v)) {
        if (typeof item === 'string' && IDENTIFIER_LIKE.test(item.trim())) names.push(item.trim());
        else walk(item, depth + 1);
      }
      sentence(names.join(' '));
    }
  };
  walk(value, 0);
  return out.join('\n');
}

/** A value that names rather than says: `access_token`, `invalid`, `activity:read_permission`, `authError`. */
const IDENTIFIER_LIKE = /^[A-Za-z][\w.:#/-]{0,63}$/;

/** A numeric provider code: `{"code":89}` or `{"code":"89"}`. */
function numericCode(value: Json | undefined): string | undefined {
  const code = jsonText(value);
  return code !== undefined && /^\d{1,6}$/.test(code) ? code : undefined;
}


/** What the response says beside its body. */
export interface JsonResponseContext {
  readonly status?: number | undefined;
  readonly contentType?: string | undefined;
  /** What the paste around the body says of the protocol (read/protocol.ts), when the caller had a paste. */
  readonly protocol?: ProtocolEvidence | undefined;
}

/**
 * JSON bodies, by dialect: a bare `oauth_problem` field; X v1.1
 * `{"errors":[{"code":89,"message":…}]}` (either key order; that shape only) and X v1
 * `{"error":…,"request":…}`; NetSuite `o:errorDetails`; Flickr and SmugMug
 * legacy `{"stat":"fail","code":96}`; SmugMug v2 `{"Code":401,"Message":…}`;
 * oauthlib `{"error":…,"error_description":…}`; RFC 9457 problem details
 * (X API v2 `{"type":…,"title":…,"detail":…}`); else known phrases in the
 * usual message fields. `hostProvider` is the provider the URL names, if any.
 * A reason instead of a finding: the body was read whole and is not a problem.
 */
export function readJsonBody(body: string, hostProvider: string | undefined, response: JsonResponseContext = {}, depth = 0): Finding | NotAProblemReason | undefined {
  const json = parseJson(body);
  if (!isObject(json)) return undefined;
  // X API v2 partial errors concern the resources asked for, not the request's authentication: nothing more to read in this body, and the reason is said.
  if (isXPartialErrorDocument(json)) return 'x-v2-partial-errors';
  return (
    fromOAuthProblemField(json) ??
    (isHost(hostProvider, 'tumblr') ? fromTumblrEnvelope(json) : undefined) ??
    (isHost(hostProvider, 'linkedin') ? fromLinkedInError(json) : undefined) ??
    (isHost(hostProvider, 'mastercard') ? fromMastercardErrors(json, response.status) : undefined) ??
    fromXErrors(json, hostProvider) ??
    fromNetSuite(json) ??
    // Providers' own envelopes, each recognised by its whole shape (json-providers.ts).
    (isHost(hostProvider, 'slack') ? fromSlackEnvelope(json) : undefined) ??
    (isHost(hostProvider, 'facebook') ? fromFacebookError(json) : undefined) ??
    (isHost(hostProvider, 'google') ? fromGoogleStatus(json) : undefined) ??
    (isHost(hostProvider, 'dropbox') ? fromDropboxError(json) : undefined) ??
    fromStatFail(json, hostProvider) ??
    fromOAuthlib(json, hostProvider) ??
    fromProviderCodeField(json, hostProvider, response.protocol) ??
    // After the providers' own codes: NetSuite, for one, wraps o:errorDetails in problem details.
    fromProblemDetails(json, hostProvider, response) ??
    fromCasedCodeField(json) ??
    fromMessageFields(json, hostProvider, depth)
  );
}

/**
 * A `code` (or `error.code`, `error.innererror.code`) that is a registered OAuth 2.0 code spelt as a type name:
 * Azure's `{"error":{"code":"InvalidTokenError","message":"…"}}` is RFC 6750 §3.1's invalid_token. Mapped, never exact.
 */
function fromCasedCodeField(json: JsonObject): Finding | undefined {
  const error = isObject(json['error']) ? json['error'] : undefined;
  const inner = error !== undefined && isObject(error['innererror']) ? error['innererror'] : undefined;
  for (const holder of [inner, error, json]) {
    const value = holder === undefined ? undefined : jsonText(holder['code']);
    if (value === undefined || value.length > 64) continue;
    const cased = casedCodeIn(value, isOAuth2OnlyCode);
    if (cased?.written === undefined) continue;
    const message = jsonText(inner?.['message']) ?? jsonText(error?.['message']) ?? jsonText(json['message']);
    return findingFromOAuthlibError(cased.code, message, { carrier: 'json-body', asWritten: cased.written });
  }
  return undefined;
}

/** A provider's own envelope is read when the URL names that provider or names none. */
function isHost(hostProvider: string | undefined, provider: string): boolean {
  return hostProvider === undefined || hostProvider === provider;
}

function fromOAuthProblemField(json: JsonObject): Finding | undefined {
  if (jsonText(json['oauth_problem']) === undefined) return undefined;
  const pairs = Object.entries(json).flatMap(([k, v]) => (jsonText(v) === undefined ? [] : [[k, jsonText(v) ?? ''] as const]));
  return findingFromOAuthPairs(pairs, 'json-body');
}

/** The keys an X v1.1 error entry carries: `{"code":89,"message":"Invalid or expired token."}`, at times a label or sub-code. */
const X_ERROR_ENTRY_KEYS: ReadonlySet<string> = new Set(['code', 'message', 'label', 'sub_error_code']);

/**
 * X v1.1's shape, and only it: every entry a numeric code and a message with
 * no other provider's keys, nothing beside `errors` — unless the URL is X's.
 * Tumblr's `{"meta":…,"errors":[{"title":…,"code":1016,"detail":…}]}` and
 * Fitbit's `errorType` entries are theirs, not X's.
 */
function isXErrorsShape(json: JsonObject, errors: readonly Json[]): boolean {
  if (Object.keys(json).some((key) => key !== 'errors')) return false;
  return errors.length > 0 && errors.every((e) => isObject(e) && typeof e['message'] === 'string' && numericCode(e['code']) !== undefined && Object.keys(e).every((key) => X_ERROR_ENTRY_KEYS.has(key)));
}

function fromXErrors(json: JsonObject, hostProvider: string | undefined): Finding | undefined {
  const errors = json['errors'];
  if (!Array.isArray(errors) || (hostProvider !== undefined && hostProvider !== 'x')) return undefined;
  if (hostProvider === undefined && !isXErrorsShape(json, errors)) return undefined;
  const entries = errors.filter(isObject).flatMap((e) => {
    const code = numericCode(e['code']);
    return code === undefined ? [] : [{ code, message: jsonText(e['message']) }];
  });
  const chosen = entries.find((e) => providerCodeRecord('x', e.code)) ?? entries[0];
  if (!chosen) return undefined;
  const known = providerCodeRecord('x', chosen.code) !== undefined;
  return {
    code: `x:${chosen.code}`,
    providerCode: `x:${chosen.code}`,
    provider: 'x',
    source: 'json-body',
    confidence: known ? 'mapped' : 'exact',
    parameters: {},
    message: chosen.message === undefined ? undefined : excerpt(chosen.message),
  };
}

/** RFC 9457 problem details (X API v2 and anyone else), see problem-details.ts. */
function fromProblemDetails(json: JsonObject, hostProvider: string | undefined, response: JsonResponseContext): Finding | undefined {
  const problem = problemDetailsOf(json, { problemJson: isProblemJsonType(response.contentType) });
  return problem === undefined ? undefined : findingFromProblemDetails(problem, { status: response.status, hostProvider });
}

function fromNetSuite(json: JsonObject): Finding | undefined {
  const details = json['o:errorDetails'];
  if (!Array.isArray(details)) return undefined;
  const first = details.filter(isObject).find((d) => jsonText(d['o:errorCode']) !== undefined);
  const code = first ? jsonText(first['o:errorCode']) : undefined;
  if (!first || code === undefined) return undefined;
  const known = providerCodeRecord('netsuite', code) !== undefined;
  const detail = jsonText(first['detail']);
  return {
    code: `netsuite:${code}`,
    providerCode: `netsuite:${code}`,
    provider: 'netsuite',
    source: 'json-body',
    confidence: known ? 'mapped' : 'exact',
    parameters: {},
    message: detail === undefined ? undefined : excerpt(detail),
  };
}

/** Flickr and SmugMug 1.x share `stat: fail` with a numeric code; their code sets do not overlap. */
function fromStatFail(json: JsonObject, hostProvider: string | undefined): Finding | undefined {
  if (jsonText(json['stat']) !== 'fail') return undefined;
  const code = numericCode(json['code']);
  if (code === undefined) return undefined;
  return statFailFinding(code, jsonText(json['message']), hostProvider, 'json-body');
}

export function statFailFinding(code: string, message: string | undefined, hostProvider: string | undefined, source: 'json-body' | 'xml-body'): Finding {
  const candidates = hostProvider !== undefined ? [hostProvider] : ['flickr', 'smugmug'];
  const owner = candidates.find((p) => providerCodeRecord(p, code));
  if (owner === undefined) {
    // Vimeo's legacy API and others share the shape: a code nobody's table knows is not Flickr's by default.
    const phrased = message === undefined ? undefined : findingFromPhrase(message, source, hostProvider);
    if (phrased) return { ...phrased, message: excerpt(message ?? '') };
    if (hostProvider === undefined) return { code: `rsp:${code}`, source, confidence: 'exact', parameters: {}, message: message === undefined ? undefined : excerpt(message) };
  }
  const provider = owner ?? hostProvider ?? 'flickr';
  const known = owner !== undefined;
  return {
    code: `${provider}:${code}`,
    providerCode: `${provider}:${code}`,
    provider,
    source,
    confidence: known ? 'mapped' : 'exact',
    parameters: {},
    message: message === undefined ? undefined : excerpt(message),
  };
}

/** oauthlib's `{"error":…,"error_description":…}`, and OAuth 2.0's token-endpoint answer in the same shape (RFC 6749 §5.2). */
function fromOAuthlib(json: JsonObject, hostProvider: string | undefined): Finding | undefined {
  return fromErrorObject(json, hostProvider) ?? fromErrorObject(nestedErrorObject(json, 0), hostProvider);
}

/** An `{error, error_description}` a client library wrapped in its own report (`{"statusCode":400,"response":{"body":{…}}}`), a few levels down. */
function nestedErrorObject(value: Json, depth: number): JsonObject {
  if (depth > 4 || typeof value !== 'object' || value === null) return {};
  for (const child of Object.values(value).slice(0, 50)) {
    if (!isObject(child)) continue;
    if (jsonText(child['error']) !== undefined && jsonText(child['error_description']) !== undefined) return child;
    const deeper = nestedErrorObject(child, depth + 1);
    if (Object.keys(deeper).length > 0) return deeper;
  }
  return {};
}

function fromErrorObject(json: JsonObject, hostProvider: string | undefined): Finding | undefined {
  const error = jsonText(json['error']);
  // Zoom writes the description as `reason` (`{"reason":"Invalid authorization code","error":"invalid_request"}`).
  // Client libraries rename it as their language does (auth0.js `errorDescription`), or a logged map calls it `description`.
  const description = jsonText(json['error_description']) ?? jsonText(json['reason']) ?? jsonText(json['errorDescription']) ?? jsonText(json['description']);
  if (error === undefined || !/^[a-z_]{3,64}$/.test(error)) return undefined;
  // `{"error":"invalid_grant"}` or `{"error":"invalid_client"}` needs no description: a code RFC 6749 defines, in the JSON it answers with.
  // A code the host's provider documents needs none either.
  if (description === undefined && !isStandardOAuth2Code(error) && (hostProvider === undefined || providerCodeRecord(hostProvider, error) === undefined)) return undefined;
  return findingFromOAuthlibError(error, description, { uri: jsonText(json['error_uri']), scope: jsonText(json['scope']), carrier: 'json-body' });
}

/** MediaWiki's REST errors name their message key `errorKey`. */
const CODE_KEYS = ['code', 'errorCode', 'error_code', 'errorKey'];

/**
 * A provider's own code in a `code` field that its table row names:
 * WordPress `{"code":"json_oauth1_signature_mismatch",…}`, WooCommerce
 * `{"code":"woocommerce_rest_authentication_error",…}` (also inside an
 * `errors` array), a NetSuite RESTlet `{"error":{"code":"INVALID_LOGIN_ATTEMPT"}}`.
 * A row that stands for several checks is refined by the message beside it.
 */
function fromProviderCodeField(json: JsonObject, hostProvider: string | undefined, protocol: ProtocolEvidence | undefined): Finding | undefined {
  const found = findCodeField(json, hostProvider, 0);
  if (!found) return undefined;
  // A code word any API may use (INVALID_AUTH), found with no host, is not claimed for a provider that speaks only OAuth 1.0a
  // (Evernote) when nothing in the paste is OAuth 1.0a's or names that provider (read/protocol.ts).
  if (claimWithoutEvidence(found.row.provider, found.written, hostProvider, protocol)) return undefined;
  const { row, message } = found;
  // Only a catch-all row (WooCommerce's one code for every check: many causes) is refined; a row that names its causes (AWS's, Azure's) is not second-guessed by loose words.
  const catchAll = row.maps === undefined && (row.overlay?.causes?.length ?? 0) > 3;
  const phrased = catchAll && message !== undefined ? findingFromPhrase(message, 'json-body', row.provider) : undefined;
  // A phrase naming another code of the same provider says no more than the code the provider sent.
  const refined = phrased?.providerCode?.startsWith(`${row.provider}:`) === true ? undefined : phrased;
  if (refined) return { ...refined, provider: refined.provider ?? row.provider, message: excerpt(message ?? '') };
  const providerCode = `${row.provider}:${row.code}`;
  return {
    code: providerCode,
    providerCode,
    provider: row.provider,
    source: 'json-body',
    confidence: 'mapped',
    parameters: {},
    message: message === undefined ? undefined : excerpt(message),
  };
}

function findCodeField(value: Json, hostProvider: string | undefined, depth: number): { row: ReturnType<typeof providerCodes>[number]; message: string | undefined; written: string } | undefined {
  if (depth > 3) return undefined;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) {
      const found = findCodeField(item, hostProvider, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  for (const key of CODE_KEYS) {
    const code = jsonText(value[key]);
    if (code === undefined || !/^[A-Za-z][\w.-]{2,63}$/.test(code)) continue;
    // Standard values and numbers are read by their own carriers; only a provider's own name is looked up here.
    // A bare lowercase word (`"code":"unauthorized"`, Box, Notion) is any API's word, not one provider's name for its code: only with the host.
    if (hostProvider === undefined && /^[a-z]+$/.test(code)) continue;
    const row = providerCodes().find((r) => isGenericRow(r) && (r.code === code || r.alias === code) && !problemRecord(r.code) && (hostProvider === undefined || r.provider === hostProvider));
    if (row) return { row, message: jsonText(value['message']) ?? jsonText(value['Message']), written: code };
  }
  for (const child of Object.values(value)) {
    if (typeof child !== 'object' || child === null) continue;
    const found = findCodeField(child, hostProvider, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A message field that begins with an OAuth 2.0 code and its description (`invalid_grant: authentication failure`), nothing before it. */
function codedOAuth2Message(message: string): Finding | undefined {
  if (!/^\s*[a-z]+(?:_[a-z]+)+\s*:\s/.test(message)) return undefined;
  const finding = readOAuth2Prose(message);
  return finding === undefined ? undefined : { ...finding, source: 'json-body' };
}

const MESSAGE_KEYS = ['error', 'message', 'Message', 'error_description', 'error_text', 'detail', 'title', 'errorMessage', 'description', 'msg', 'errorSummary', 'Description', 'error_summary', 'body'];

/** Known phrases in the fields a message usually sits in, a few levels deep. */
function fromMessageFields(json: JsonObject, hostProvider: string | undefined, depth: number): Finding | undefined {
  const messages: string[] = [];
  collectMessages(json, 0, messages);
  // X v1: {"error":"Could not authenticate with OAuth.","request":"/1/…"}
  const provider = hostProvider ?? (jsonText(json['error']) !== undefined && jsonText(json['request']) !== undefined ? 'x' : undefined);
  for (const message of messages) {
    // Some servers put the whole form-encoded problem in a message field.
    const embedded = readFormBody(message, 'json-body');
    if (embedded) return embedded;
  }
  for (const message of messages) {
    // A message that is a code and its description, as a library's error message is (`invalid_grant: authentication failure`,
    // jsforce; `INVALID_LOGIN: Invalid username, …`, Salesforce): the code read, the description kept.
    const coded = findingFromProviderCodeText(message, 'json-body') ?? findingFromCodedLine(message, 'json-body', hostProvider) ?? codedOAuth2Message(message);
    if (coded) return coded;
    // A log message that quotes the provider's JSON answer as text: `"msg":"… Response: {\"error\":…}"`.
    const open = message.indexOf('{');
    const embedded = open >= 0 && depth < 2 ? readJsonBody(message.slice(open, message.lastIndexOf('}') + 1), hostProvider, {}, depth + 1) : undefined;
    if (embedded !== undefined && typeof embedded !== 'string') return embedded;
  }
  for (const message of messages) {
    const finding = findingFromPhrase(message, 'json-body', provider);
    if (finding) return { ...finding, message: excerpt(message) };
  }
  return undefined;
}

function collectMessages(value: Json, depth: number, into: string[]): void {
  if (depth > 4 || into.length > 50) return;
  if (Array.isArray(value)) {
    for (const item of value) collectMessages(item, depth + 1, into);
  } else if (isObject(value)) {
    for (const key of MESSAGE_KEYS) {
      const v = value[key];
      if (typeof v === 'string') into.push(v);
    }
    for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) collectMessages(v, depth + 1, into);
  }
}
