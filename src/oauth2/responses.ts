import type { HttpResponse } from '../http/types.js';
import { firstHeaderValue, parseHttpDate } from '../http/headers.js';
import { trimProviderText } from '../terminal/sanitize.js';
import { mintCode, mintDevice, mintTokens, type AuthorizationCode, type DeviceAuthorization, type OAuth2Refusal, type Parsed, type TokenSet } from './types.js';

/**
 * Reading OAuth 2.0 answers. A refusal is data (OAuth2Refusal), a success
 * a branded value; a 200 whose body is an error object is a refusal
 * (GitHub answers refused code exchanges with 200 `{"error":…}`), and an
 * answer that is neither is a refusal of oauth-doctor's own
 * (`oauth2:malformed-response`) rather than a crash.
 */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
/** RFC 6749 §5.2 error_description as shown: a CR or NUL at its ends (`failed.\r`) dropped. */
const described = (value: unknown): string | undefined => str(typeof value === 'string' ? trimProviderText(value) : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined);

/** A form-encoded token response (GitHub without Accept: application/json, Facebook of old) read as an object. */
function formObject(text: string): Record<string, unknown> | undefined {
  if (!/^[\w.~%+-]+=/.test(text.trim())) return undefined;
  return Object.fromEntries(new URLSearchParams(text.trim()));
}

/** RFC 6749 §5.2 `error`, wherever the status put it. */
function refusalIn(response: HttpResponse, body: Record<string, unknown> | undefined): OAuth2Refusal | undefined {
  const error = str(body?.['error']);
  if (error !== undefined) return { error, description: described(body?.['error_description']), uri: str(body?.['error_uri']), status: response.status };
  return undefined;
}

function malformed(response: HttpResponse, description: string): OAuth2Refusal {
  return { error: 'malformed-response', description, status: response.status };
}

/** RFC 6749 §5.1 / §5.2. */
export function parseTokenResponse(response: HttpResponse): Parsed<TokenSet> {
  const body = jsonObject(response.body) ?? formObject(response.body);
  const refusal = refusalIn(response, body);
  if (refusal) return { ok: false, refusal };
  if (response.status < 200 || response.status >= 300) return { ok: false, refusal: { error: 'http-error', status: response.status } };
  if (body === undefined) return { ok: false, refusal: malformed(response, 'the body is not a JSON object') };
  const accessToken = str(body['access_token']);
  const tokenType = str(body['token_type']);
  if (accessToken === undefined) return { ok: false, refusal: malformed(response, 'no access_token in a success answer (RFC 6749 §5.1)') };
  const known = new Set(['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope', 'id_token']);
  const extra = Object.fromEntries(Object.entries(body).filter(([k, v]) => !known.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')));
  return {
    ok: true,
    value: mintTokens({
      accessToken,
      // RFC 6749 §5.1: token_type is REQUIRED; a missing one is shown, not guessed (RFC 6750 §4: case-insensitive "Bearer").
      tokenType: tokenType ?? '',
      expiresIn: num(body['expires_in']),
      refreshToken: str(body['refresh_token']),
      scope: typeof body['scope'] === 'string' ? body['scope'] : undefined,
      idToken: str(body['id_token']),
      extra,
    }),
  };
}

export interface CallbackExpectation {
  readonly state: string;
  /** The issuer from discovery: RFC 9207 §2.4 compares `iss` with it. */
  readonly issuer?: string | undefined;
  /** authorization_response_iss_parameter_supported: then `iss` MUST be present (RFC 9207 §2.4). */
  readonly issRequired?: boolean | undefined;
  readonly receivedAt: number;
}

type CallbackCheck = 'state' | 'iss';

export interface CallbackReading {
  readonly code?: AuthorizationCode | undefined;
  readonly state?: string | undefined;
  readonly iss?: string | undefined;
  /** RFC 6749 §4.1.2.1, or a failed check of ours (`flow:state-mismatch`, `flow:iss-mismatch`). */
  readonly refusal?: OAuth2Refusal | undefined;
  /** Each check, passed or not. */
  readonly checks: readonly { readonly check: CallbackCheck; readonly ok: boolean; readonly detail: string }[];
}

/** The redirect back (RFC 6749 §4.1.2): code or error, state compared exactly (§10.12), iss per RFC 9207. */
export function readCallback(url: string, expected: CallbackExpectation): CallbackReading {
  const parsed = new URL(url);
  // A response_mode=fragment answer is read the same way, in case a person pasted it.
  const params = parsed.searchParams.has('code') || parsed.searchParams.has('error') ? parsed.searchParams : new URLSearchParams(parsed.hash.replace(/^#/, ''));
  const state = params.get('state') ?? undefined;
  const iss = params.get('iss') ?? undefined;
  const checks: { check: CallbackCheck; ok: boolean; detail: string }[] = [];
  const stateOk = state === expected.state;
  checks.push({ check: 'state', ok: stateOk, detail: state === undefined ? 'no state came back' : stateOk ? 'state matches' : 'state differs from the one sent' });
  if (iss !== undefined || expected.issRequired) {
    const issOk = iss !== undefined && (expected.issuer === undefined || iss === expected.issuer);
    checks.push({ check: 'iss', ok: issOk, detail: iss === undefined ? 'no iss, though the server says it sends one (RFC 9207 §2.4)' : issOk ? 'iss matches the issuer' : `iss ${iss} is not the issuer ${expected.issuer ?? ''}` });
  }
  const error = params.get('error') ?? undefined;
  const base = { state, iss, checks };
  if (error !== undefined) return { ...base, refusal: { error, description: described(params.get('error_description')), uri: params.get('error_uri') ?? undefined } };
  if (!stateOk) return { ...base, refusal: { error: 'flow:state-mismatch', description: checks[0]?.detail } };
  const issCheck = checks.find((c) => c.check === 'iss');
  if (issCheck && !issCheck.ok) return { ...base, refusal: { error: 'flow:iss-mismatch', description: issCheck.detail } };
  const code = params.get('code') ?? undefined;
  if (code === undefined || code === '') return { ...base, refusal: { error: 'malformed-response', description: 'the callback carried neither code nor error' } };
  return { ...base, code: mintCode({ code, receivedAt: expected.receivedAt, iss }) };
}

/** RFC 8628 §3.2. */
export function parseDeviceAuthorization(response: HttpResponse): Parsed<DeviceAuthorization> {
  const body = jsonObject(response.body);
  const refusal = refusalIn(response, body);
  if (refusal) return { ok: false, refusal };
  if (response.status !== 200) return { ok: false, refusal: { error: 'http-error', status: response.status } };
  const deviceCode = str(body?.['device_code']);
  const userCode = str(body?.['user_code']);
  // Google sends verification_url, as the draft did.
  const verificationUri = str(body?.['verification_uri']) ?? str(body?.['verification_url']);
  const expiresIn = num(body?.['expires_in']);
  if (deviceCode === undefined || userCode === undefined || verificationUri === undefined || expiresIn === undefined) {
    return { ok: false, refusal: malformed(response, 'device_code, user_code, verification_uri and expires_in are all REQUIRED (RFC 8628 §3.2)') };
  }
  return { ok: true, value: mintDevice({ deviceCode, userCode, verificationUri, verificationUriComplete: str(body?.['verification_uri_complete']), expiresIn, interval: num(body?.['interval']) }) };
}

/** RFC 9126 §2.2: 201 with request_uri and expires_in. */
export function parseParResponse(response: HttpResponse): Parsed<{ requestUri: string; expiresIn?: number | undefined }> {
  const body = jsonObject(response.body);
  const refusal = refusalIn(response, body);
  if (refusal) return { ok: false, refusal };
  const requestUri = str(body?.['request_uri']);
  if ((response.status !== 201 && response.status !== 200) || requestUri === undefined) return { ok: false, refusal: malformed(response, 'a PAR answer is 201 with request_uri (RFC 9126 §2.2)') };
  return { ok: true, value: { requestUri, expiresIn: num(body?.['expires_in']) } };
}

/** RFC 7009 §2.2: 200 whatever the token was (an unknown token is no error); §2.2.1 errors. */
export function parseRevocation(response: HttpResponse): Parsed<true> {
  const refusal = refusalIn(response, jsonObject(response.body));
  if (refusal) return { ok: false, refusal };
  return response.status === 200 ? { ok: true, value: true } : { ok: false, refusal: { error: 'http-error', status: response.status } };
}

/** RFC 7662 §2.2: `active` is REQUIRED; the rest is shown as sent. */
export function parseIntrospection(response: HttpResponse): Parsed<Record<string, unknown> & { active: boolean }> {
  const body = jsonObject(response.body);
  const refusal = refusalIn(response, body);
  if (refusal) return { ok: false, refusal };
  if (response.status !== 200) return { ok: false, refusal: { error: 'http-error', status: response.status } };
  if (typeof body?.['active'] !== 'boolean') return { ok: false, refusal: malformed(response, 'no boolean active member (RFC 7662 §2.2)') };
  return { ok: true, value: body as Record<string, unknown> & { active: boolean } };
}

/** OpenID Connect Core §5.3.2 (JSON) and §5.3.4 (its errors, in WWW-Authenticate: Bearer). A signed (JWT) answer is shown as such. */
export function parseUserinfo(response: HttpResponse): Parsed<Record<string, unknown>> {
  const body = jsonObject(response.body);
  if (response.status === 200 && body) return { ok: true, value: body };
  if (response.status === 200 && /^[\w-]+\.[\w-]+\.[\w-]*$/.test(response.body.trim())) return { ok: true, value: { jwt: response.body.trim() } };
  const challenge = firstHeaderValue(response.headers, 'www-authenticate');
  const error = challenge ? /error="([^"]*)"/.exec(challenge)?.[1] : undefined;
  const description = challenge ? /error_description="([^"]*)"/.exec(challenge)?.[1] : undefined;
  if (error) return { ok: false, refusal: { error, description, status: response.status } };
  return { ok: false, refusal: refusalIn(response, body) ?? { error: 'http-error', status: response.status } };
}

/** server clock − local clock in seconds, from the Date header (RFC 9110 §6.6.1), when it has one. */
export function clockOffsetSec(response: HttpResponse, receivedAt: number): number | undefined {
  const server = parseHttpDate(firstHeaderValue(response.headers, 'date'));
  return server === undefined ? undefined : Math.round((server - receivedAt) / 1000);
}
