import { providerCodeRecord } from '../../knowledge/provider-codes.js';
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
export function fromMastercardErrors(json: JsonObject, status: number | undefined): Finding | undefined {
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
