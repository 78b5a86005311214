import type { Pair } from './form.js';
import { buildAuthorizationHeader } from './authorization-header.js';
import { baseStringUri, collectParameters, isFormBody, normalizeParameters, signatureBaseString, wireUrl } from './base-string.js';
import { bodyHash, computeSignature } from './signature.js';
import type { SignedRequest, SignInput } from './types.js';

export { newNonce } from './nonce.js';

/** Seconds since the epoch, as RFC 5849 §3.3 wants it. */
export function timestampFrom(epochMs: number): string {
  return String(Math.floor(epochMs / 1000));
}

/** The protocol parameters of RFC 5849 §3.1, in the order we send them. */
export function protocolParameters(input: SignInput): Pair[] {
  const params: Pair[] = [['oauth_consumer_key', input.client.consumerKey]];
  if (input.token) params.push(['oauth_token', input.token.token]);
  params.push(['oauth_signature_method', input.signatureMethod]);
  params.push(['oauth_timestamp', input.timestamp]);
  params.push(['oauth_nonce', input.nonce]);
  if (input.includeVersion !== false) params.push(['oauth_version', '1.0']);
  if (input.callback !== undefined) params.push(['oauth_callback', input.callback]);
  if (input.verifier !== undefined) params.push(['oauth_verifier', input.verifier]);
  // Body Hash draft §3.2: never with a form body (its parameters are signed
  // already) — unless the provider hashes every body (Mastercard: 'always').
  if (input.bodyHash === 'always' || (input.bodyHash && !isFormBody(input.body))) {
    params.push(['oauth_body_hash', bodyHash(input.body?.content ?? '', input.signatureMethod)]);
  }
  params.push(...(input.extraProtocolParameters ?? []));
  return params;
}

/** Builds and signs one request (RFC 5849 §3.1–§3.5), keeping all the working. */
export function signRequest(input: SignInput): SignedRequest {
  const method = input.method.toUpperCase();
  const protocol = protocolParameters(input);
  const baseUri = baseStringUri(input.url);
  const { sorted, normalized } = normalizeParameters(collectParameters(input.url, protocol, input.body));
  const baseString = signatureBaseString(method, baseUri, normalized);
  const signature = computeSignature(input.signatureMethod, baseString, {
    consumerSecret: input.client.consumerSecret,
    tokenSecret: input.token?.tokenSecret,
    privateKey: input.client.privateKey,
  });
  const sent: Pair[] = [...protocol, ['oauth_signature', signature]];
  return {
    method,
    url: input.url,
    wireUrl: wireUrl(input.url),
    baseUri,
    parameters: sorted,
    normalizedParameters: normalized,
    baseString,
    signatureMethod: input.signatureMethod,
    signature,
    protocolParameters: sent,
    realm: input.realm,
    authorization: buildAuthorizationHeader(sent, input.realm),
    body: input.body,
  };
}
