import { providerCodeInText, providerCodeRecord } from '../../knowledge/provider-codes.js';
import { echoedBaseString } from './echoed-base-string.js';
import { excerpt, type Finding } from './finding.js';
import { isObject, jsonHttpStatus, jsonText, type JsonObject } from './json.js';
import { findingFromPhrase } from './phrase-match.js';
import { statusFinding } from './status-only.js';

/**
 * JSON envelopes one provider alone uses, recognised by their whole shape
 * (never by one loose field), so a code is only ever claimed for the provider
 * whose shape carried it. Sources: test/fixtures/real-world/README.md.
 */

/**
 * Tumblr API v2: every answer is `{"meta":{"status":401,"msg":"Unauthorized"},"response":…}`,
 * the meta status mirroring the HTTP status (tumblr/docs api.md "Response Format");
 * newer answers add `"errors":[{"title":…,"code":1016,"detail":…}]` with Tumblr's own codes.
 * A Tumblr code without a row, or none, reads as Tumblr's "not authorized" when the status is 401.
 */
export function fromTumblrEnvelope(json: JsonObject): Finding | undefined {
  const meta = json['meta'];
  if (!isObject(meta) || !('response' in json)) return undefined;
  const status = jsonHttpStatus(meta['status']);
  const reason = jsonText(meta['msg']);
  if (status === undefined || reason === undefined || status < 400) return undefined;
  const errors = Array.isArray(json['errors']) ? json['errors'].filter(isObject) : [];
  const entries = errors.flatMap((e) => {
    const code = jsonText(e['code']);
    return code !== undefined && /^\d{1,6}$/.test(code) ? [{ code, message: jsonText(e['detail']) ?? jsonText(e['title']) }] : [];
  });
  const known = entries.find((e) => providerCodeRecord('tumblr', e.code));
  const message = excerpt(known?.message ?? entries[0]?.message ?? reason);
  const tumblrCode = known?.code ?? (status === 401 ? '401' : undefined);
  if (tumblrCode === undefined) return statusFinding(status, { provider: 'tumblr', message, status });
  return {
    code: `tumblr:${tumblrCode}`,
    providerCode: `tumblr:${tumblrCode}`,
    provider: 'tumblr',
    source: 'json-body',
    confidence: 'mapped',
    parameters: {},
    message,
    status,
  };
}

/**
 * LinkedIn's retired v1 API: `{"errorCode":0,"message":"[unauthorized]. …","requestId":…,"status":401,"timestamp":…}`
 * (and the same fields as XML elements). Its OAuth 1.0a refusals start `[unauthorized].`;
 * the words after it say which check failed when LinkedIn wrote them out.
 */
export function fromLinkedInError(json: JsonObject): Finding | undefined {
  const message = jsonText(json['message']);
  const status = jsonHttpStatus(json['status']);
  if (message === undefined || status === undefined || typeof json['errorCode'] !== 'number' || jsonText(json['requestId']) === undefined) return undefined;
  return linkedInFinding(message, status, 'json-body');
}

export function linkedInFinding(message: string, status: number, source: 'json-body' | 'xml-body'): Finding {
  const phrased = findingFromPhrase(message, source, 'linkedin');
  // Another provider's phrase inside LinkedIn's envelope keeps its meaning, not that provider's code.
  if (phrased) return { ...phrased, providerCode: phrased.provider === 'linkedin' ? phrased.providerCode : undefined, provider: 'linkedin', message: excerpt(message), status };
  if (/^\s*\[unauthorized\]/i.test(message)) {
    return { code: 'linkedin:unauthorized', providerCode: 'linkedin:unauthorized', provider: 'linkedin', source, confidence: 'mapped', parameters: {}, message: excerpt(message), status };
  }
  return statusFinding(status, { provider: 'linkedin', message: excerpt(message), status });
}

/**
 * Mastercard's API gateway: `{"Errors":{"Error":[{"Source":…,"ReasonCode":…,
 * "Description":…,"Recoverable":false,"Details":…}]}}` (developer.mastercard.com,
 * "Code and Formats" / "Gateway Error Messages"; e.g. Source "Security.Credential",
 * ReasonCode "AUTHENTICATION_FAILED", 401). When the gateway quotes the base
 * string it accepts (METHOD&https%3A…, in Description or Details), the refusal is
 * a signature one and that base string is compared with ours; otherwise the
 * status speaks, with Mastercard's reason code and text beside it.
 */
function fromMastercardGateway(json: JsonObject, status: number | undefined): Finding | undefined {
  const errors = json['Errors'];
  if (!isObject(errors)) return undefined;
  const list = Array.isArray(errors['Error']) ? errors['Error'].filter(isObject) : isObject(errors['Error']) ? [errors['Error']] : [];
  const first = list.find((e) => jsonText(e['ReasonCode']) !== undefined && jsonText(e['Source']) !== undefined);
  if (!first) return undefined;
  const reason = jsonText(first['ReasonCode']) ?? '';
  const text = [jsonText(first['Description']), jsonText(first['Details'])].filter((t): t is string => t !== undefined && t !== '').join(' — ');
  const message = excerpt(`${reason}: ${text}`);
  const serverBaseString = echoedBaseString(text);
  if (serverBaseString !== undefined) {
    return { code: 'signature_invalid', provider: 'mastercard', source: 'json-body', confidence: 'mapped', parameters: {}, message, serverBaseString, status };
  }
  return status === undefined || status < 400 ? undefined : statusFinding(status, { provider: 'mastercard', message, status });
}

/** A row of `provider`'s found by its own envelope, as a finding (mapped); undefined when the provider has no such row. */
function envelopeFinding(provider: string, code: string, message: string | undefined, status?: number): Finding | undefined {
  const row = providerCodeRecord(provider, code);
  if (!row) return undefined;
  const providerCode = `${provider}:${row.code}`;
  return { code: providerCode, providerCode, provider, source: 'json-body', confidence: 'mapped', parameters: {}, message: message === undefined ? undefined : excerpt(message), status };
}

/** Slack Web API: `{"ok":false,"error":"invalid_auth"}`, HTTP 200 (api.slack.com/web#evaluating_responses). */
export function fromSlackEnvelope(json: JsonObject): Finding | undefined {
  if (json['ok'] !== false) return undefined;
  const error = jsonText(json['error']);
  if (error === undefined || !/^[a-z_]{3,64}$/.test(error)) return undefined;
  const needed = jsonText(json['needed']);
  const finding = envelopeFinding('slack', error, error);
  return finding && needed !== undefined ? { ...finding, parameters: { needed: excerpt(needed, 200) } } : finding;
}

/**
 * Facebook / Meta Graph API: `{"error":{"message":…,"type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":…}}`
 * (developers.facebook.com/docs/graph-api/guides/error-handling). The subcode's row first, then the code's.
 */
export function fromFacebookError(json: JsonObject): Finding | undefined {
  const error = json['error'];
  if (!isObject(error)) return undefined;
  const code = jsonText(error['code']);
  const type = jsonText(error['type']);
  if (code === undefined || !/^\d{1,6}$/.test(code) || (type === undefined && jsonText(error['fbtrace_id']) === undefined)) return undefined;
  if (type !== undefined && !/Exception$/.test(type) && jsonText(error['fbtrace_id']) === undefined) return undefined;
  const subcode = jsonText(error['error_subcode']);
  const message = jsonText(error['message']);
  return (subcode !== undefined ? envelopeFinding('facebook', `${code}/${subcode}`, message) : undefined) ?? envelopeFinding('facebook', code, message);
}

/**
 * Mastercard's gateway, by its ReasonCode row first (provider-codes/envelopes.ts: AUTHENTICATION_FAILED,
 * INVALID_BODY_HASH, clientid.invalid in the lower-case `{"errors":[{"reasonCode":…}]}` sibling), with the
 * base string it accepts kept; a reason nobody listed is read by fromMastercardGateway.
 */
export function fromMastercardErrors(json: JsonObject, status: number | undefined): Finding | undefined {
  const outer = json['Errors'];
  const list = isObject(outer) ? outer['Error'] : json['errors'];
  const entries = Array.isArray(list) ? list.filter(isObject) : isObject(list) ? [list] : [];
  for (const entry of entries.slice(0, 10)) {
    const reason = jsonText(entry['ReasonCode']) ?? jsonText(entry['reasonCode']);
    if (reason === undefined) continue;
    const text = [jsonText(entry['Description']) ?? jsonText(entry['description']), jsonText(entry['Details'])].filter((t): t is string => t !== undefined && t !== '').join(' — ');
    const found = envelopeFinding('mastercard', reason, `${reason}: ${text}`, status);
    if (!found) continue;
    const serverBaseString = echoedBaseString(text);
    return serverBaseString === undefined ? found : { ...found, serverBaseString };
  }
  return fromMastercardGateway(json, status);
}

/** Google APIs (google.rpc.Status): `{"error":{"code":401,"message":…,"status":"UNAUTHENTICATED","details":[{"reason":…}]}}`. */
export function fromGoogleStatus(json: JsonObject): Finding | undefined {
  const error = json['error'];
  if (!isObject(error)) return undefined;
  const status = jsonHttpStatus(error['code']);
  const name = jsonText(error['status']);
  if (status === undefined || name === undefined || !/^[A-Z_]{3,40}$/.test(name)) return undefined;
  const details = Array.isArray(error['details']) ? error['details'].filter(isObject) : [];
  const errors = Array.isArray(error['errors']) ? error['errors'].filter(isObject) : [];
  const reasons = [...details, ...errors].map((d) => jsonText(d['reason'])).filter((r): r is string => r !== undefined);
  const message = jsonText(error['message']);
  for (const reason of reasons) {
    const found = envelopeFinding('google', reason, message, status);
    if (found) return found;
  }
  // The message names the case when no reason does ("Request is missing required authentication credential": CREDENTIALS_MISSING).
  const named = message === undefined ? undefined : providerCodeInText(message);
  const byMessage = named?.row.provider === 'google' ? envelopeFinding('google', named.row.code, message, status) : undefined;
  return byMessage ?? envelopeFinding('google', name, message, status);
}

/** Dropbox API v2: `{"error_summary":"expired_access_token/…","error":{".tag":"expired_access_token"}}`. */
export function fromDropboxError(json: JsonObject): Finding | undefined {
  const summary = jsonText(json['error_summary']);
  const error = json['error'];
  const tag = isObject(error) ? jsonText(error['.tag']) : undefined;
  if (summary === undefined || tag === undefined) return undefined;
  const found = envelopeFinding('dropbox', tag, summary);
  const required = isObject(error) ? jsonText(error['required_scope']) : undefined;
  return found && required !== undefined ? { ...found, parameters: { required_scope: excerpt(required, 200) } } : found;
}
