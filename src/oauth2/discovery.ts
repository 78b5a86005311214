import type { OAuth2Endpoints } from './types.js';

/**
 * Discovery (issue 18 item 3): both well-known documents, the issuer check,
 * and a lint of the metadata against what the run asks for.
 */
type WellKnown = 'openid-configuration' | 'oauth-authorization-server';

export interface WellKnownUrl {
  readonly kind: WellKnown;
  readonly url: string;
}

/**
 * OpenID Connect Discovery 1.0 §4: the issuer with `/.well-known/openid-configuration`
 * appended (a trailing slash removed first). RFC 8414 §3.1: the well-known
 * suffix is inserted between the host and the issuer's path, so
 * `https://as.example/tenant` → `https://as.example/.well-known/oauth-authorization-server/tenant`.
 */
export function wellKnownUrls(issuer: string): WellKnownUrl[] {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/+$/, '');
  const origin = url.origin;
  return [
    { kind: 'openid-configuration', url: `${origin}${path}/.well-known/openid-configuration` },
    { kind: 'oauth-authorization-server', url: `${origin}/.well-known/oauth-authorization-server${path}` },
  ];
}

/** RFC 8414 §2 / OpenID Connect Discovery §3, the members this client reads. */
export interface ServerMetadata {
  readonly issuer: string;
  readonly authorization_endpoint?: string | undefined;
  readonly token_endpoint?: string | undefined;
  readonly jwks_uri?: string | undefined;
  readonly userinfo_endpoint?: string | undefined;
  readonly revocation_endpoint?: string | undefined;
  readonly introspection_endpoint?: string | undefined;
  readonly device_authorization_endpoint?: string | undefined;
  readonly pushed_authorization_request_endpoint?: string | undefined;
  readonly require_pushed_authorization_requests?: boolean | undefined;
  readonly authorization_response_iss_parameter_supported?: boolean | undefined;
  readonly response_types_supported?: readonly string[] | undefined;
  readonly grant_types_supported?: readonly string[] | undefined;
  readonly token_endpoint_auth_methods_supported?: readonly string[] | undefined;
  readonly token_endpoint_auth_signing_alg_values_supported?: readonly string[] | undefined;
  readonly code_challenge_methods_supported?: readonly string[] | undefined;
  readonly scopes_supported?: readonly string[] | undefined;
  readonly id_token_signing_alg_values_supported?: readonly string[] | undefined;
}

/**
 * `slash-only`: the two differ by a trailing slash alone (Auth0's issuers end
 * in one, people type them without): still a different issuer by §3.3, and
 * told apart so the advice can say exactly that.
 */
type IssuerComparison = 'same' | 'slash-only' | 'different';

function compareIssuer(actual: string, expected: string): IssuerComparison {
  if (actual === expected) return 'same';
  return actual.replace(/\/$/, '') === expected.replace(/\/$/, '') ? 'slash-only' : 'different';
}

export type MetadataReading =
  | { readonly ok: true; readonly metadata: ServerMetadata; readonly issuer: IssuerComparison }
  | { readonly ok: false; readonly reason: 'not-json' | 'not-an-object' | 'no-issuer' };

const STRING_MEMBERS = [
  'authorization_endpoint',
  'token_endpoint',
  'jwks_uri',
  'userinfo_endpoint',
  'revocation_endpoint',
  'introspection_endpoint',
  'device_authorization_endpoint',
  'pushed_authorization_request_endpoint',
] as const;
const LIST_MEMBERS = [
  'response_types_supported',
  'grant_types_supported',
  'token_endpoint_auth_methods_supported',
  'token_endpoint_auth_signing_alg_values_supported',
  'code_challenge_methods_supported',
  'scopes_supported',
  'id_token_signing_alg_values_supported',
] as const;
const BOOLEAN_MEMBERS = ['require_pushed_authorization_requests', 'authorization_response_iss_parameter_supported'] as const;

/**
 * Reads a metadata document leniently (members of the wrong type are left
 * out and the lint says so) and compares `issuer` with the one asked for as
 * strings, exactly: RFC 8414 §3.3 ("MUST be identical"), OpenID Connect
 * Discovery §4.3 — a trailing slash is a different issuer.
 */
export function readMetadata(body: string, expectedIssuer: string): MetadataReading {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not-an-object' };
  const doc = raw as Record<string, unknown>;
  if (typeof doc['issuer'] !== 'string' || doc['issuer'] === '') return { ok: false, reason: 'no-issuer' };
  const out: Record<string, unknown> = { issuer: doc['issuer'] };
  for (const name of STRING_MEMBERS) if (typeof doc[name] === 'string') out[name] = doc[name];
  for (const name of LIST_MEMBERS) {
    const value = doc[name];
    if (Array.isArray(value)) out[name] = value.filter((v): v is string => typeof v === 'string');
  }
  for (const name of BOOLEAN_MEMBERS) if (typeof doc[name] === 'boolean') out[name] = doc[name];
  const metadata = out as unknown as ServerMetadata;
  return { ok: true, metadata, issuer: compareIssuer(metadata.issuer, expectedIssuer) };
}

export function endpointsOf(metadata: ServerMetadata): OAuth2Endpoints {
  return {
    issuer: metadata.issuer,
    authorization: metadata.authorization_endpoint,
    token: metadata.token_endpoint,
    deviceAuthorization: metadata.device_authorization_endpoint,
    par: metadata.pushed_authorization_request_endpoint,
    revocation: metadata.revocation_endpoint,
    introspection: metadata.introspection_endpoint,
    userinfo: metadata.userinfo_endpoint,
    jwks: metadata.jwks_uri,
  };
}

/** What a run is about to ask of the server, for the lint. */
export interface MetadataAsk {
  /** RFC 8414 §2 grant type: authorization_code, client_credentials, refresh_token, urn:ietf:params:oauth:grant-type:device_code. */
  readonly grantType: string;
  readonly clientAuth?: string | undefined;
  readonly pkceMethod?: string | undefined;
  readonly scopes?: readonly string[] | undefined;
  /** Endpoints the run will call (metadata member names). */
  readonly endpoints: readonly (typeof STRING_MEMBERS)[number][];
  /** The client-assertion algorithm, for the *_jwt methods. */
  readonly assertionAlg?: string | undefined;
  /** `flow --par never`: the authorization request will not be pushed, whatever the metadata says. */
  readonly noPar?: boolean | undefined;
}

type LintCode =
  | 'issuer-mismatch'
  | 'endpoint-missing'
  | 'endpoint-not-https'
  | 'grant-not-offered'
  | 'auth-method-not-offered'
  | 'pkce-method-not-offered'
  | 'pkce-not-advertised'
  | 'scope-not-offered'
  | 'assertion-alg-not-offered'
  | 'par-required';

export interface LintFinding {
  readonly code: LintCode;
  /** `error`: the run cannot work as asked; `warning`: it may, the server may differ from what it says. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

const isLoopbackHttp = (url: URL): boolean => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * The metadata against the run (RFC 8414 §2 defaults: grant types
 * ["authorization_code", "implicit"], auth methods ["client_secret_basic"];
 * no code_challenge_methods_supported means PKCE is not advertised, not that
 * it is refused). All problems at once, never only the first.
 */
export function lintMetadata(metadata: ServerMetadata, ask: MetadataAsk, expectedIssuer?: string): LintFinding[] {
  const out: LintFinding[] = [];
  if (expectedIssuer !== undefined && metadata.issuer !== expectedIssuer) {
    const slash = compareIssuer(metadata.issuer, expectedIssuer) === 'slash-only' ? '; they differ by the trailing slash alone: pass --issuer exactly as the metadata says it' : '';
    out.push({ code: 'issuer-mismatch', severity: 'error', message: `issuer is "${metadata.issuer}", not "${expectedIssuer}" as asked (RFC 8414 §3.3: identical, character for character)${slash}` });
  }
  for (const name of ask.endpoints) {
    const value = metadata[name];
    if (value === undefined) {
      out.push({ code: 'endpoint-missing', severity: 'error', message: `the metadata has no ${name}` });
      continue;
    }
    try {
      const url = new URL(value);
      if (url.protocol !== 'https:' && !isLoopbackHttp(url)) out.push({ code: 'endpoint-not-https', severity: 'warning', message: `${name} ${value} is not https (RFC 8414 §2)` });
    } catch {
      out.push({ code: 'endpoint-missing', severity: 'error', message: `${name} "${value}" is not a URL` });
    }
  }
  const grants = metadata.grant_types_supported ?? ['authorization_code', 'implicit'];
  if (!grants.includes(ask.grantType)) out.push({ code: 'grant-not-offered', severity: 'warning', message: `grant_types_supported (${grants.join(', ')}) does not list ${ask.grantType}` });
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (ask.clientAuth !== undefined && !methods.includes(ask.clientAuth)) {
    out.push({ code: 'auth-method-not-offered', severity: 'warning', message: `token_endpoint_auth_methods_supported (${methods.join(', ')}) does not list ${ask.clientAuth}` });
  }
  const algs = metadata.token_endpoint_auth_signing_alg_values_supported;
  if (ask.assertionAlg !== undefined && algs !== undefined && !algs.includes(ask.assertionAlg)) {
    out.push({ code: 'assertion-alg-not-offered', severity: 'warning', message: `token_endpoint_auth_signing_alg_values_supported (${algs.join(', ')}) does not list ${ask.assertionAlg}` });
  }
  if (ask.pkceMethod !== undefined) {
    const pkce = metadata.code_challenge_methods_supported;
    if (pkce === undefined) out.push({ code: 'pkce-not-advertised', severity: 'warning', message: 'code_challenge_methods_supported is absent: the server does not say it supports PKCE (RFC 8414 §2)' });
    else if (!pkce.includes(ask.pkceMethod)) out.push({ code: 'pkce-method-not-offered', severity: 'error', message: `code_challenge_methods_supported (${pkce.join(', ')}) does not list ${ask.pkceMethod}` });
  }
  const offered = metadata.scopes_supported;
  if (offered !== undefined) {
    const missing = (ask.scopes ?? []).filter((scope) => !offered.includes(scope));
    if (missing.length > 0) out.push({ code: 'scope-not-offered', severity: 'warning', message: `scopes_supported does not list ${missing.join(', ')}` });
  }
  if (metadata.require_pushed_authorization_requests === true && ask.grantType === 'authorization_code') {
    if (ask.noPar === true) out.push({ code: 'par-required', severity: 'error', message: 'require_pushed_authorization_requests is true (RFC 9126 §5), and --par never: the request goes straight to the authorization endpoint, and the server will refuse it' });
    else out.push({ code: 'par-required', severity: metadata.pushed_authorization_request_endpoint ? 'warning' : 'error', message: 'require_pushed_authorization_requests is true: the authorization request goes through PAR (RFC 9126 §5)' });
  }
  return out;
}
