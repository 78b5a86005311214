import { decodeToken } from './jwt.js';

/** What a provider wants of a client secret that is a JWT the developer signs (Sign in with Apple). */
export interface ClientSecretJwtRule {
  readonly alg: string;
  readonly aud: string;
  /** The longest exp − iat allowed, seconds. */
  readonly maxLifetimeSec: number;
}

export interface SecretFinding {
  readonly ok: boolean;
  readonly detail: string;
}

/**
 * A client secret that must be a signed JWT, read before it is sent (it is
 * decoded only, never verified: the public key is the provider's to hold).
 * Each claim is reported on its own, so a secret that expired last month or
 * names the wrong client is told before the provider's bare invalid_client.
 */
export function checkClientSecretJwt(secret: string, rule: ClientSecretJwtRule, clientId: string, nowSec: number): SecretFinding[] {
  const decoded = decodeToken(secret);
  if (decoded === undefined) return [{ ok: false, detail: 'the client secret is not a JWT: this provider wants one you sign (see the note above)' }];
  const { header, payload } = decoded;
  const out: SecretFinding[] = [];
  out.push(header.alg === rule.alg ? { ok: true, detail: `alg ${rule.alg}` } : { ok: false, detail: `alg is ${String(header.alg)}, not ${rule.alg}` });
  out.push(typeof header.kid === 'string' && header.kid !== '' ? { ok: true, detail: `kid ${header.kid}` } : { ok: false, detail: 'no kid in the header (the ID of the key you signed with)' });
  const aud = payload.aud === undefined ? [] : typeof payload.aud === 'string' ? [payload.aud] : payload.aud;
  out.push(aud.includes(rule.aud) ? { ok: true, detail: `aud ${rule.aud}` } : { ok: false, detail: `aud is ${aud.join(' ') || 'missing'}, not ${rule.aud}` });
  out.push(payload.sub === clientId ? { ok: true, detail: 'sub is the client_id' } : { ok: false, detail: `sub is ${String(payload.sub)}, not the client_id ${clientId}` });
  out.push(typeof payload.iss === 'string' && payload.iss !== '' ? { ok: true, detail: `iss ${payload.iss}` } : { ok: false, detail: 'no iss (your Team ID)' });
  if (typeof payload.exp !== 'number') out.push({ ok: false, detail: 'no exp' });
  else if (payload.exp <= nowSec) out.push({ ok: false, detail: `expired ${Math.round((nowSec - payload.exp) / 86_400)} days ago: sign a new one` });
  else out.push({ ok: true, detail: `expires in ${Math.round((payload.exp - nowSec) / 86_400)} days` });
  if (typeof payload.exp === 'number' && typeof payload.iat === 'number' && payload.exp - payload.iat > rule.maxLifetimeSec) {
    out.push({ ok: false, detail: `exp is ${Math.round((payload.exp - payload.iat) / 86_400)} days after iat: more than the ${Math.round(rule.maxLifetimeSec / 86_400)} allowed` });
  }
  return out;
}
