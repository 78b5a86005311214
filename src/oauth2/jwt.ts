import { compactVerify, createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JSONWebKeySet, type JWTPayload, type ProtectedHeaderParameters } from 'jose';

/**
 * JWTs (issue 18 item 4): decode any JWT access or ID token for display;
 * verify an ID token (OpenID Connect Core §3.1.3.7) with jose for the
 * signature against the JWKS the run fetched itself, each claim checked
 * and reported on its own, times judged with the server's clock offset.
 * Opaque tokens are opaque: decodeToken answers undefined.
 */
export interface DecodedJwt {
  readonly header: ProtectedHeaderParameters;
  readonly payload: JWTPayload;
}

export function decodeToken(token: string): DecodedJwt | undefined {
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) return undefined;
  try {
    return { header: decodeProtectedHeader(token), payload: decodeJwt(token) };
  } catch {
    return undefined;
  }
}

type IdTokenCheckName = 'signature' | 'iss' | 'aud' | 'azp' | 'exp' | 'iat' | 'nbf' | 'nonce';

export interface IdTokenCheck {
  readonly check: IdTokenCheckName;
  readonly ok: boolean;
  readonly detail: string;
}

export interface IdTokenExpectation {
  readonly issuer: string;
  readonly clientId: string;
  /** The nonce sent in the authorization request; undefined when none was sent (then none must come back, §3.1.3.7 item 11 applies only when sent). */
  readonly nonce?: string | undefined;
  /** Seconds since the epoch by this machine's clock. */
  readonly now: number;
  /** server − local, seconds (from the Date header), so times are judged by the server's clock. */
  readonly clockOffsetSec?: number | undefined;
  readonly toleranceSec?: number | undefined;
  /** Algorithms allowed (id_token_signing_alg_values_supported); RS256 is the default (§3.1.3.7 item 7). */
  readonly algorithms?: readonly string[] | undefined;
}

const audiences = (aud: JWTPayload['aud']): string[] => (aud === undefined ? [] : typeof aud === 'string' ? [aud] : [...aud]);

/** The signature alone, with jose; never throws. */
async function checkSignature(token: string, jwks: JSONWebKeySet | undefined, algorithms: readonly string[] | undefined): Promise<IdTokenCheck> {
  if (jwks === undefined) return { check: 'signature', ok: false, detail: 'no JWKS to verify against (jwks_uri missing or unreadable)' };
  try {
    const { protectedHeader } = await compactVerify(token, createLocalJWKSet(jwks), algorithms ? { algorithms: [...algorithms] } : undefined);
    return { check: 'signature', ok: true, detail: `${protectedHeader.alg}${protectedHeader.kid ? ` with key ${protectedHeader.kid}` : ''} verifies` };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { check: 'signature', ok: false, detail: typeof code === 'string' ? `does not verify (${code})` : 'does not verify' };
  }
}

/** What every JWT check is judged against: the issuer, and this machine's clock with the server's offset. */
interface JwtClock {
  /** Seconds since the epoch by this machine's clock. */
  readonly now: number;
  /** server − local, seconds (from the Date header), so times are judged by the server's clock. */
  readonly clockOffsetSec?: number | undefined;
  readonly toleranceSec?: number | undefined;
}

/** `iss` against the issuer: shared by ID tokens (OIDC Core §3.1.3.7 item 2) and JWT access tokens (RFC 9068 §4). */
function issuerCheck(payload: JWTPayload, issuer: string): IdTokenCheck {
  return { check: 'iss', ok: payload.iss === issuer, detail: payload.iss === issuer ? 'iss is the issuer' : `iss is ${String(payload.iss)}, not ${issuer}` };
}

/** exp, iat and nbf by the server's clock (RFC 7519 §4.1.4–§4.1.6); `required` names the claims whose absence fails. */
function timeChecks(payload: JWTPayload, clock: JwtClock, required: string): IdTokenCheck[] {
  const out: IdTokenCheck[] = [];
  const serverNow = clock.now + (clock.clockOffsetSec ?? 0);
  const tolerance = clock.toleranceSec ?? 30;
  const offset = clock.clockOffsetSec ? ` (by the server's clock, ${clock.clockOffsetSec > 0 ? '+' : ''}${clock.clockOffsetSec} s from this one)` : '';
  if (typeof payload.exp !== 'number') out.push({ check: 'exp', ok: false, detail: `no exp (REQUIRED by ${required})` });
  else out.push({ check: 'exp', ok: payload.exp + tolerance > serverNow, detail: payload.exp + tolerance > serverNow ? `expires in ${Math.round(payload.exp - serverNow)} s${offset}` : `expired ${Math.round(serverNow - payload.exp)} s ago${offset}` });
  if (typeof payload.iat !== 'number') out.push({ check: 'iat', ok: false, detail: `no iat (REQUIRED by ${required})` });
  else out.push({ check: 'iat', ok: payload.iat - tolerance <= serverNow, detail: payload.iat - tolerance <= serverNow ? (payload.iat > serverNow ? `issued ${Math.round(payload.iat - serverNow)} s ahead of the server's clock, within the ${tolerance} s allowed${offset}` : `issued ${Math.round(serverNow - payload.iat)} s ago${offset}`) : `issued ${Math.round(payload.iat - serverNow)} s in the future${offset}` });
  if (typeof payload.nbf === 'number') out.push({ check: 'nbf', ok: payload.nbf - tolerance <= serverNow, detail: payload.nbf - tolerance <= serverNow ? 'valid now' : `not valid for ${Math.round(payload.nbf - serverNow)} s${offset}` });
  return out;
}

/** Every check of OIDC Core §3.1.3.7 this client can make, each separately, in a fixed order. */
export async function verifyIdToken(token: string, jwks: JSONWebKeySet | undefined, expected: IdTokenExpectation): Promise<IdTokenCheck[]> {
  const decoded = decodeToken(token);
  if (decoded === undefined) return [{ check: 'signature', ok: false, detail: 'not a JWS compact serialisation' }];
  const { payload } = decoded;
  const out: IdTokenCheck[] = [await checkSignature(token, jwks, expected.algorithms)];
  out.push(issuerCheck(payload, expected.issuer));
  const aud = audiences(payload.aud);
  const audOk = aud.includes(expected.clientId);
  out.push({ check: 'aud', ok: audOk, detail: audOk ? 'aud holds the client_id' : `aud (${aud.join(' ') || 'none'}) does not hold ${expected.clientId}` });
  const azp = typeof payload['azp'] === 'string' ? payload['azp'] : undefined;
  // §3.1.3.7 items 4–5: with several audiences azp SHOULD be there; when there, it MUST be the client_id.
  if (azp !== undefined || aud.length > 1) {
    const azpOk = azp === expected.clientId;
    out.push({ check: 'azp', ok: azpOk, detail: azp === undefined ? 'several audiences and no azp' : azpOk ? 'azp is the client_id' : `azp is ${azp}, not ${expected.clientId}` });
  }
  out.push(...timeChecks(payload, expected, 'OIDC Core §2'));
  const nonce = typeof payload['nonce'] === 'string' ? payload['nonce'] : undefined;
  if (expected.nonce !== undefined || nonce !== undefined) {
    const ok = nonce === expected.nonce;
    out.push({ check: 'nonce', ok, detail: ok ? 'nonce matches the one sent' : nonce === undefined ? 'no nonce came back, though one was sent' : expected.nonce === undefined ? 'a nonce came back, though none was sent' : 'nonce differs from the one sent' });
  }
  return out;
}

export interface AccessTokenExpectation extends JwtClock {
  /** The issuer when known (discovery's or the profile's); without one, iss is shown, not judged. */
  readonly issuer?: string | undefined;
  readonly algorithms?: readonly string[] | undefined;
}

/**
 * A JWT access token (RFC 9068 §4, as a client can check it): the signature
 * against the issuer's JWKS, iss, and exp/iat/nbf by the server's clock. The
 * audience is the resource server's business (§4 item 3), so it is shown, not
 * judged; a token meant for another resource may be signed in a way only that
 * resource can check (Microsoft Graph's), so the caller reports, never refuses.
 */
export async function verifyAccessToken(token: string, jwks: JSONWebKeySet | undefined, expected: AccessTokenExpectation): Promise<IdTokenCheck[]> {
  const decoded = decodeToken(token);
  if (decoded === undefined) return [{ check: 'signature', ok: false, detail: 'not a JWS compact serialisation' }];
  const out: IdTokenCheck[] = [await checkSignature(token, jwks, expected.algorithms)];
  if (expected.issuer !== undefined) out.push(issuerCheck(decoded.payload, expected.issuer));
  out.push(...timeChecks(decoded.payload, expected, 'RFC 9068 §2.2'));
  return out;
}

/**
 * A decoded JWT for display: the header and the claims as compact JSON, the
 * signature left out (its length only). Nothing in them is a credential by
 * RFC 7519; the token itself stays masked by the caller's redactor.
 */
export function jwtDisplay(token: string): { header: string; claims: string; signature: string } | undefined {
  const decoded = decodeToken(token);
  if (decoded === undefined) return undefined;
  const signature = token.slice(token.lastIndexOf('.') + 1);
  return { header: JSON.stringify(decoded.header), claims: JSON.stringify(decoded.payload), signature: signature === '' ? 'none (unsecured JWT, RFC 7519 §6)' : `${Buffer.from(signature, 'base64url').length} bytes (not shown)` };
}
