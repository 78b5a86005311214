import { createHmac, createVerify, type KeyObject } from 'node:crypto';
import { isSignatureMethod, METHODS, type HashName } from '../../oauth/methods.js';
import { percentEncode } from '../../oauth/percent-encode.js';
import type { OAuthRequestView, WireSource } from '../../exchange/request-view.js';

/**
 * A signature recipe: every choice that goes into a signature base string
 * and signing key, as data. The RFC 5849 recipe is built from the captured
 * request; each variant (variants.ts) is a change to one of these choices,
 * the way a real client gets it wrong. Recipes are immutable values.
 */

export type Encoder = (text: string) => string;

export interface RecipeParameter {
  readonly name: string;
  readonly value: string;
  /** `added` marks parameters a variant put in (realm, a JSON member, oauth_version). */
  readonly source: WireSource | 'added';
  readonly rawName?: string | undefined;
  readonly rawValue?: string | undefined;
}

interface RecipeUri {
  readonly scheme: string;
  readonly host: string;
  /** '' when none is written. */
  readonly port: string;
  readonly path: string;
  /** '' unless a variant puts the query into the base string URI. */
  readonly query: string;
}

type ParameterOrder = 'bytes' | 'as-sent' | 'case-insensitive' | 'name-only';

type KeyForm = 'rfc' | 'no-ampersand' | 'unencoded';

export interface Recipe {
  readonly method: string;
  readonly uri: RecipeUri;
  readonly params: readonly RecipeParameter[];
  /** Encodes parameter names and values (§3.4.1.3.2). */
  readonly encodeParameter: Encoder;
  /** Encodes the three base-string parts (§3.4.1.1). */
  readonly encodeComponent: Encoder;
  readonly order: ParameterOrder;
  readonly consumerSecret: string | undefined;
  readonly tokenSecret: string;
  readonly keyForm: KeyForm;
  /** The signature as it is compared (a variant may read the sent one differently). */
  readonly signature: string;
  /** A base string computed elsewhere (the oauth-1.0a library variant); wins over the parts. */
  readonly baseStringOverride?: string | undefined;
  /** The digest actually used, when a variant says it is not the declared method's (HMAC-SHA256 declared, SHA-1 computed). */
  readonly hash?: HashName | undefined;
}

const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

export function defaultPort(scheme: string): string | undefined {
  return DEFAULT_PORT[scheme.toLowerCase()];
}

/** Splits `host[:port]` (IPv6 in brackets) as written. */
export function splitAuthority(authority: string): { host: string; port: string } {
  const ipv6 = /^(\[[^\]]*\])(?::(\d*))?$/.exec(authority);
  if (ipv6) return { host: ipv6[1] as string, port: ipv6[2] ?? '' };
  const colon = authority.lastIndexOf(':');
  return colon === -1 ? { host: authority, port: '' } : { host: authority.slice(0, colon), port: authority.slice(colon + 1) };
}

export interface RecipeSecrets {
  readonly consumerSecret?: string | undefined;
  readonly tokenSecret?: string | undefined;
}

/**
 * The RFC 5849 recipe for a captured request: method uppercased (§3.4.1.1);
 * scheme and host lowercased, default port dropped, no query (§3.4.1.2),
 * host taken from the Host header, which the server sees; parameters from
 * the query, the Authorization header without realm, and a form body, never
 * oauth_signature (§3.4.1.3.1); RFC 3986 encoding, byte-order sort (§3.4.1.3.2);
 * key encode(consumer secret)&encode(token secret) (§3.4.2).
 */
export function rfcRecipe(view: OAuthRequestView, secrets: RecipeSecrets): Recipe {
  const scheme = view.url.protocol.slice(0, -1).toLowerCase();
  const authority = splitAuthority((view.hostHeader ?? view.url.host).trim());
  const host = authority.host.toLowerCase();
  const port = authority.port !== '' && authority.port !== defaultPort(scheme) ? authority.port : '';
  const keep = (p: { name: string }) => p.name !== 'oauth_signature';
  const params: RecipeParameter[] = [
    ...view.queryParams.filter(keep),
    ...view.headerParams.filter(keep),
    ...view.bodyParams.filter(keep),
  ];
  return {
    method: view.method.toUpperCase(),
    uri: { scheme, host, port, path: view.url.pathname === '' ? '/' : view.url.pathname, query: '' },
    params,
    encodeParameter: percentEncode,
    encodeComponent: percentEncode,
    order: 'bytes',
    consumerSecret: secrets.consumerSecret,
    tokenSecret: secrets.tokenSecret ?? '',
    keyForm: 'rfc',
    signature: view.get('oauth_signature') ?? '',
  };
}

function renderUri(uri: RecipeUri): string {
  return `${uri.scheme}://${uri.host}${uri.port === '' ? '' : `:${uri.port}`}${uri.path}${uri.query === '' ? '' : `?${uri.query}`}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** §3.4.1.3.2 normalised parameters under the recipe's encoding and order. */
function normalizedParameters(recipe: Recipe): string {
  const encoded = recipe.params.map((p) => ({ name: recipe.encodeParameter(p.name), value: recipe.encodeParameter(p.value) }));
  if (recipe.order === 'bytes') encoded.sort((a, b) => compare(a.name, b.name) || compare(a.value, b.value));
  else if (recipe.order === 'name-only') encoded.sort((a, b) => compare(a.name, b.name));
  else if (recipe.order === 'case-insensitive') encoded.sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.value, b.value));
  return encoded.map((e) => `${e.name}=${e.value}`).join('&');
}

/** §3.4.1.1 base string under the recipe. */
export function baseStringOf(recipe: Recipe): string {
  if (recipe.baseStringOverride !== undefined) return recipe.baseStringOverride;
  const encode = recipe.encodeComponent;
  return `${encode(recipe.method)}&${encode(renderUri(recipe.uri))}&${encode(normalizedParameters(recipe))}`;
}

/** §3.4.2 signing key under the recipe; undefined without a consumer secret. */
export function keyOf(recipe: Recipe): string | undefined {
  if (recipe.consumerSecret === undefined) return undefined;
  switch (recipe.keyForm) {
    case 'rfc':
      return `${percentEncode(recipe.consumerSecret)}&${percentEncode(recipe.tokenSecret)}`;
    case 'no-ampersand':
      return `${percentEncode(recipe.consumerSecret)}${percentEncode(recipe.tokenSecret)}`;
    case 'unencoded':
      return `${recipe.consumerSecret}&${recipe.tokenSecret}`;
  }
}

/** What can check a signature: the signature method and the verifying material the user gave. */
export interface Verifier {
  readonly signatureMethod: string;
  readonly publicKey?: KeyObject | undefined;
}

/** Whether the recipe reproduces its signature; undefined when it cannot be known (no secret, no key, unknown method). */
export function reproduces(recipe: Recipe, verifier: Verifier): boolean | undefined {
  const method = verifier.signatureMethod.toUpperCase();
  if (!isSignatureMethod(method)) return undefined;
  const row = METHODS[method];
  const hash = recipe.hash ?? row.hash;
  if (row.family === 'RSA') {
    if (!verifier.publicKey) return undefined;
    try {
      return createVerify(`RSA-${hash.toUpperCase()}`).update(baseStringOf(recipe), 'utf8').verify(verifier.publicKey, recipe.signature, 'base64');
    } catch {
      return false;
    }
  }
  const key = keyOf(recipe);
  if (key === undefined) return undefined;
  if (row.family === 'PLAINTEXT') return key === recipe.signature;
  return createHmac(hash, key).update(baseStringOf(recipe), 'utf8').digest('base64') === recipe.signature;
}
