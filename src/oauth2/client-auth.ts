import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { formEncode, type FormPairs } from './form.js';
import type { ClientAuthMethod } from './types.js';

/**
 * Client authentication at the token endpoint (and PAR, revocation,
 * introspection, device authorization — RFC 8414 §2's `*_auth_methods`):
 * client_secret_basic (RFC 6749 §2.3.1), client_secret_post (§2.3.1, NOT
 * RECOMMENDED but common), none (public clients, §2.1), client_secret_jwt
 * and private_key_jwt (RFC 7523 §2.2, OpenID Connect Core §9), signed with
 * jose. Built by hand so what is sent is shown exactly, wrong on purpose too.
 */
export type SupportedAuthMethod = Extract<ClientAuthMethod, 'client_secret_basic' | 'client_secret_post' | 'none' | 'client_secret_jwt' | 'private_key_jwt'>;

/** Servers disagree on a client assertion's `aud` (RFC 7523 §3 says the token endpoint; OIDC Core §9 too, RFC 7523bis and FAPI the issuer). */
export type AssertionAudience = 'issuer' | 'token-endpoint';

export interface ClientIdentity {
  readonly clientId: string;
  readonly clientSecret?: string | undefined;
  readonly privateKey?: KeyObject | undefined;
  /** `kid` for the assertion's header, when the client's JWKS has several keys. */
  readonly keyId?: string | undefined;
}

export interface AssertionContext {
  readonly audience: AssertionAudience;
  readonly issuer?: string | undefined;
  readonly tokenEndpoint: string;
  /** Seconds since the epoch (the injected clock). */
  readonly now: number;
  readonly jti: string;
  /** Seconds the assertion lives (RFC 7523 §3 item 4 wants an exp; 60 s is the common choice). */
  readonly lifetimeSec?: number | undefined;
  /** Overrides the algorithm picked from the key. */
  readonly alg?: string | undefined;
}

/** What the client authentication added, and what it was, for the narration and the evidence. */
export interface ClientAuthApplied {
  readonly method: SupportedAuthMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly form: FormPairs;
  readonly assertion?: { readonly jwt: string; readonly alg: string; readonly claims: AssertionClaims } | undefined;
}

interface AssertionClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
}

/** RFC 6749 §2.3.1: id and secret are form-encoded first, then joined by `:` and base64'd (RFC 7617). */
export function basicCredentials(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`, 'utf8').toString('base64')}`;
}

/** The JWS algorithm for a private key: RS256 for RSA, ES256/384/512 by curve, EdDSA for Ed25519/Ed448. */
function algorithmFor(key: KeyObject): string {
  const type = key.asymmetricKeyType;
  if (type === 'rsa' || type === 'rsa-pss') return type === 'rsa' ? 'RS256' : 'PS256';
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : 'ES256';
  }
  if (type === 'ed25519' || type === 'ed448') return 'EdDSA';
  throw new RangeError(`no JWS algorithm for a ${type ?? 'unknown'} key`);
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

function assertionAudience(context: AssertionContext): string {
  return context.audience === 'issuer' && context.issuer !== undefined ? context.issuer : context.tokenEndpoint;
}

/** RFC 7523 §3: iss = sub = client_id, aud, exp, jti; iat too (OIDC Core §9). */
async function signAssertion(client: ClientIdentity, method: 'client_secret_jwt' | 'private_key_jwt', context: AssertionContext): Promise<NonNullable<ClientAuthApplied['assertion']>> {
  const claims: AssertionClaims = {
    iss: client.clientId,
    sub: client.clientId,
    aud: assertionAudience(context),
    jti: context.jti,
    iat: context.now,
    exp: context.now + (context.lifetimeSec ?? 60),
  };
  let alg: string;
  let key: KeyObject | Uint8Array;
  if (method === 'client_secret_jwt') {
    if (client.clientSecret === undefined) throw new RangeError('client_secret_jwt needs the client secret');
    alg = context.alg ?? 'HS256';
    key = new TextEncoder().encode(client.clientSecret);
  } else {
    if (client.privateKey === undefined) throw new RangeError('private_key_jwt needs a private key');
    alg = context.alg ?? algorithmFor(client.privateKey);
    key = client.privateKey;
  }
  const jwt = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg, typ: 'JWT', ...(client.keyId !== undefined && method === 'private_key_jwt' ? { kid: client.keyId } : {}) })
    .sign(key);
  return { jwt, alg, claims };
}

/** Adds the client's authentication to a request to `context.tokenEndpoint` (or another endpoint of the server). */
export async function applyClientAuth(method: SupportedAuthMethod, client: ClientIdentity, context: AssertionContext): Promise<ClientAuthApplied> {
  switch (method) {
    case 'client_secret_basic':
      return { method, headers: { authorization: basicCredentials(client.clientId, client.clientSecret ?? '') }, form: [] };
    case 'client_secret_post':
      return { method, headers: {}, form: [['client_id', client.clientId], ['client_secret', client.clientSecret ?? '']] };
    case 'none':
      return { method, headers: {}, form: [['client_id', client.clientId]] };
    case 'client_secret_jwt':
    case 'private_key_jwt': {
      const assertion = await signAssertion(client, method, context);
      // RFC 7521 §4.2: client_id MAY be sent too; it helps servers find the client before verifying.
      return { method, headers: {}, form: [['client_id', client.clientId], ['client_assertion_type', ASSERTION_TYPE], ['client_assertion', assertion.jwt]], assertion };
    }
  }
}

/** Where the run's client authentication method came from. */
export type ClientAuthSource = 'flag' | 'preset' | 'default';

export interface ClientAuthChoice {
  readonly method: SupportedAuthMethod;
  /** Why, in a few words, for the step that uses it. */
  readonly reason: string;
}

/** What each method needs of the client: a secret, a private key, nothing. */
const NEEDS: Record<SupportedAuthMethod, 'secret' | 'key' | 'nothing'> = {
  client_secret_basic: 'secret',
  client_secret_post: 'secret',
  client_secret_jwt: 'secret',
  private_key_jwt: 'key',
  none: 'nothing',
};

/**
 * The method when `--client-auth` was not given (issue 18): the metadata's
 * `token_endpoint_auth_methods_supported` (RFC 8414 §2; absent, it means
 * client_secret_basic) decides among what the client can do. The run's own
 * default (basic with a secret, the preset's documented method, private_key_jwt
 * with a key, none without either) stays when the server lists it; else the
 * first method listed that the client's credentials can do, in the server's
 * order. A list that holds nothing the client can do keeps the default: the
 * metadata lint says so, and the server's answer shows what it makes of it.
 */
export function chooseClientAuth(fallback: SupportedAuthMethod, supported: readonly string[] | undefined, client: { readonly secret: boolean; readonly key: boolean }): ClientAuthChoice {
  if (supported === undefined) return { method: fallback, reason: fallback === 'client_secret_basic' ? 'the metadata lists no token_endpoint_auth_methods_supported, whose default is client_secret_basic (RFC 8414 §2)' : 'the metadata lists no token_endpoint_auth_methods_supported' };
  if (supported.includes(fallback)) return { method: fallback, reason: `token_endpoint_auth_methods_supported lists ${fallback} (RFC 8414 §2)` };
  const can = (m: SupportedAuthMethod) => NEEDS[m] === 'nothing' ? !client.secret && !client.key : NEEDS[m] === 'secret' ? client.secret : client.key;
  const pick = supported.find((m): m is SupportedAuthMethod => Object.hasOwn(NEEDS, m) && can(m as SupportedAuthMethod));
  if (pick === undefined) return { method: fallback, reason: `token_endpoint_auth_methods_supported (${supported.join(', ')}) lists nothing this client can do; ${fallback} is sent anyway` };
  return { method: pick, reason: `token_endpoint_auth_methods_supported (${supported.join(', ')}) does not list ${fallback}: ${pick}, the first listed that this client can do (RFC 8414 §2)` };
}
