import { createHmac } from 'node:crypto';
import type { CapturedExchange } from '../../src/capture/types.js';
import { buildAuthorizationHeader } from '../../src/oauth/authorization-header.js';
import type { Pair } from '../../src/oauth/form.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import type { SignInput } from '../../src/oauth/types.js';

export const CONSUMER = { consumerKey: 'dpf43f3p2l4k3l03', consumerSecret: 'kd94hf93k423kf44' };
export const TOKEN = { token: 'nnch734d00sl2jdk', tokenSecret: 'pfkkdhi9sl3r4s00' };

export interface RequestSpec {
  readonly method?: string;
  readonly url: string;
  readonly body?: { contentType: string; content: string } | undefined;
  readonly token?: { token: string; tokenSecret: string } | undefined;
  readonly realm?: string | undefined;
  readonly includeVersion?: boolean;
  readonly signatureMethod?: SignInput['signatureMethod'];
  readonly nonce?: string;
}

export function signInput(spec: RequestSpec): SignInput {
  return {
    method: spec.method ?? 'POST',
    url: spec.url,
    client: { consumerKey: CONSUMER.consumerKey, consumerSecret: CONSUMER.consumerSecret },
    token: spec.token,
    signatureMethod: spec.signatureMethod ?? 'HMAC-SHA1',
    timestamp: '1318622958',
    nonce: spec.nonce ?? 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
    realm: spec.realm,
    includeVersion: spec.includeVersion,
    body: spec.body,
  };
}

export function hmacSha1(key: string, text: string): string {
  return createHmac('sha1', key).update(text, 'utf8').digest('base64');
}

/** A captured exchange with a given Authorization header (or none). */
export function exchange(options: { method: string; url: string; authorization?: string | undefined; body?: { contentType: string | undefined; content: string } | undefined; headers?: [string, string][] }): CapturedExchange {
  const headers: [string, string][] = [['Host', new URL(options.url).host], ...(options.headers ?? [])];
  if (options.authorization) headers.push(['Authorization', options.authorization]);
  if (options.body?.contentType) headers.push(['Content-Type', options.body.contentType]);
  return {
    index: 0,
    origin: 'test',
    request: { method: options.method, url: options.url, headers, body: options.body ? { contentType: options.body.contentType, text: options.body.content } : undefined },
  };
}

/**
 * A request whose signature was computed over `signedBaseString` (built
 * independently by each test) with `key`, sent as `sent` describes.
 */
export function sentWithSignature(sent: RequestSpec, signature: string, options: { dropVersion?: boolean } = {}): CapturedExchange {
  const signed = signRequest(signInput(sent));
  const protocol: Pair[] = signed.protocolParameters.filter(([n]) => n !== 'oauth_signature' && !(options.dropVersion && n === 'oauth_version'));
  protocol.push(['oauth_signature', signature]);
  return exchange({ method: sent.method ?? 'POST', url: sent.url, authorization: buildAuthorizationHeader(protocol, sent.realm), body: sent.body });
}

/** The RFC base string of a spec, from the signing core (the independent reference). */
export function rfcBaseString(spec: RequestSpec): string {
  return signRequest(signInput(spec)).baseString;
}
