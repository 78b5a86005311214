import { collectParameters, normalizeParameters, signatureBaseString, baseStringUri } from '../oauth/base-string.js';
import { bodyHash, verifySignature } from '../oauth/signature.js';
import { isRsaMethod, isSignatureMethod, type SignatureMethod, type SourcedParameter } from '../oauth/types.js';
import { percentEncode } from '../oauth/percent-encode.js';
import { fail, type Failure } from './failure.js';
import { readProtocolParameters, type ProtocolParameters, type ReceivedRequest } from './read-request.js';
import type { AccessTokenRecord, ConsumerRecord, RequestTokenRecord } from './state.js';
import type { Store } from './store.js';

/** Every protocol parameter RFC 5849 and the extensions we implement know. */
const KNOWN_PARAMETERS = new Set([
  'oauth_consumer_key',
  'oauth_token',
  'oauth_signature_method',
  'oauth_signature',
  'oauth_timestamp',
  'oauth_nonce',
  'oauth_version',
  'oauth_callback',
  'oauth_verifier',
  'oauth_session_handle',
  'oauth_body_hash',
]);

/**
 * The longest value each protocol parameter may have, in characters after
 * decoding. Real values are far shorter (a nonce of 32–64, an RSA-4096
 * signature 684); a longer one is an attack on the nonce table or the
 * token store, refused before anything is remembered (RFC 5849 §3.3 lets
 * the server choose what it keeps; Problem Reporting: parameter_rejected).
 */
export const MAX_PARAMETER_CHARS: Readonly<Record<string, number>> = {
  oauth_consumer_key: 256,
  oauth_token: 256,
  oauth_signature_method: 32,
  oauth_signature: 1024,
  oauth_timestamp: 16,
  oauth_nonce: 255,
  oauth_version: 16,
  oauth_callback: 2048,
  oauth_verifier: 256,
  oauth_session_handle: 256,
  oauth_body_hash: 128,
};
/** Any other protocol parameter (refused as unexpected anyway; not echoed whole). */
const MAX_OTHER_PARAMETER_CHARS = 256;

function checkLengths(protocol: ReadonlyMap<string, string>): Failure | undefined {
  const long = [...protocol].filter(([name, value]) => name.length > MAX_OTHER_PARAMETER_CHARS || value.length > (MAX_PARAMETER_CHARS[name] ?? MAX_OTHER_PARAMETER_CHARS));
  if (long.length === 0) return undefined;
  // Names only: echoing a megabyte back would amplify the attack.
  const names = long.map(([name]) => name.slice(0, MAX_OTHER_PARAMETER_CHARS));
  return fail('parameter_rejected', {
    parameters: [['oauth_parameters_rejected', names.map(percentEncode).join('&')]],
    advice: `Too long: ${names.map((n) => `${n} (at most ${MAX_PARAMETER_CHARS[n] ?? MAX_OTHER_PARAMETER_CHARS} characters)`).join(', ')}.`,
    detail: 'parameter-too-long',
  });
}

/** What one endpoint demands beyond the common checks. */
export interface EndpointRules {
  /** Protocol parameters this endpoint requires besides the always-required ones. */
  readonly required: readonly string[];
  /** Known protocol parameters that have no place at this endpoint. */
  readonly rejected: readonly string[];
  /** Which kind of token must come with the request. */
  readonly token: 'none' | 'request' | 'access' | 'renewal';
}

export interface EnforcementContext {
  readonly store: Store;
  /** Server time, ms since the epoch. */
  readonly now: number;
  readonly timestampWindowSec: number;
  readonly signatureMethods: readonly SignatureMethod[];
  readonly expiredAccessTokenProblem: 'token_expired' | 'access_token_expired';
}

/** A request that passed every check, with what the endpoint needs to act on it. */
export interface Authenticated {
  readonly consumer: ConsumerRecord;
  readonly protocol: ReadonlyMap<string, string>;
  readonly parameters: readonly SourcedParameter[];
  readonly signatureMethod: SignatureMethod;
  readonly requestToken?: RequestTokenRecord | undefined;
  readonly accessToken?: AccessTokenRecord | undefined;
}

type Check<T> = T | Failure;
const failed = (value: unknown): value is Failure => typeof value === 'object' && value !== null && 'problem' in value;

/** RFC 5849 §3.1: timestamp and nonce MAY be omitted with PLAINTEXT. */
function requiredParameters(method: string | undefined, rules: EndpointRules): string[] {
  const always = ['oauth_consumer_key', 'oauth_signature_method', 'oauth_signature'];
  const freshness = method === 'PLAINTEXT' ? [] : ['oauth_timestamp', 'oauth_nonce'];
  return [...always, ...freshness, ...rules.required];
}

function checkShape(protocol: ReadonlyMap<string, string>, rules: EndpointRules): Check<SignatureMethod> {
  const tooLong = checkLengths(protocol);
  if (tooLong) return tooLong;
  const version = protocol.get('oauth_version');
  // OAuth Problem Reporting: oauth_acceptable_versions is a range, lowest-highest.
  if (version !== undefined && version !== '1.0') return fail('version_rejected', { parameters: [['oauth_acceptable_versions', '1.0-1.0']] });
  const method = protocol.get('oauth_signature_method');
  const absent = requiredParameters(method, rules).filter((name) => !protocol.get(name));
  // oauth_parameters_absent: names percent-encoded and joined with & (the body encodes the & again).
  if (absent.length > 0) return fail('parameter_absent', { parameters: [['oauth_parameters_absent', absent.map(percentEncode).join('&')]], advice: `Missing: ${absent.join(', ')}.` });
  const unexpected = [...protocol].filter(([name, value]) => !KNOWN_PARAMETERS.has(name) || (rules.rejected.includes(name) && value !== ''));
  if (unexpected.length > 0) {
    const asQuery = unexpected.map(([n, v]) => `${percentEncode(n)}=${percentEncode(v)}`).join('&');
    return fail('parameter_rejected', { parameters: [['oauth_parameters_rejected', asQuery]], advice: `Not expected here: ${unexpected.map(([n]) => n).join(', ')}.`, detail: 'unexpected-parameter' });
  }
  if (method === undefined || !isSignatureMethod(method)) return fail('signature_method_rejected', { advice: `oauth_signature_method "${method ?? ''}" is not supported.`, signatureMethod: method });
  return method;
}

function checkConsumer(protocol: ReadonlyMap<string, string>, method: SignatureMethod, context: EnforcementContext): Check<ConsumerRecord> {
  if (!context.signatureMethods.includes(method)) return fail('signature_method_rejected', { advice: `This server accepts ${context.signatureMethods.join(', ')}.`, signatureMethod: method });
  const consumer = context.store.consumer(protocol.get('oauth_consumer_key') ?? '');
  if (!consumer) return fail('consumer_key_unknown');
  if (consumer.status === 'rejected') return fail('consumer_key_rejected');
  if (consumer.status === 'throttled') return fail('consumer_key_refused');
  const rsa = isRsaMethod(method);
  if (rsa ? !consumer.publicKey : consumer.secret === undefined) {
    return fail('signature_method_rejected', { advice: rsa ? 'This consumer has no RSA public key registered: sign with its shared secret.' : 'This consumer is registered for RSA only (RSA-SHA1, RSA-SHA256, RSA-SHA512).' });
  }
  return consumer;
}

/** RFC 5849 §3.3: servers MAY reject timestamps too far from their clock; we say which range we accept. */
function checkTimestamp(protocol: ReadonlyMap<string, string>, context: EnforcementContext): Check<number | undefined> {
  const raw = protocol.get('oauth_timestamp');
  if (raw === undefined) return undefined;
  const nowSec = Math.floor(context.now / 1000);
  const window = context.timestampWindowSec;
  const acceptable: [string, string] = ['oauth_acceptable_timestamps', `${nowSec - window}-${nowSec + window}`];
  if (!/^\d{1,12}$/.test(raw)) return fail('timestamp_refused', { parameters: [acceptable], advice: 'oauth_timestamp must be whole seconds since 1970.' });
  const timestamp = Number(raw);
  if (Math.abs(timestamp - nowSec) > window) {
    const off = timestamp - nowSec;
    return fail('timestamp_refused', { parameters: [acceptable], advice: `oauth_timestamp is ${Math.abs(off)} s ${off < 0 ? 'behind' : 'ahead of'} the server clock; at most ${window} s is accepted.` });
  }
  return timestamp;
}

function checkRequestToken(token: string, consumer: ConsumerRecord, context: EnforcementContext): Check<RequestTokenRecord> {
  const record = context.store.requestToken(token);
  // A token of another consumer is as good as unknown: say nothing more.
  if (!record || record.consumerKey !== consumer.key) return fail('token_rejected');
  if (record.revoked) return fail('token_revoked');
  if (record.used) return fail('token_used');
  if (record.expiresAt !== undefined && context.now > record.expiresAt) return fail('token_expired', { advice: 'The request token has expired: request a new one and authorise again.' });
  return record;
}

function checkAccessToken(token: string, consumer: ConsumerRecord, context: EnforcementContext, allowExpired: boolean): Check<AccessTokenRecord> {
  const record = context.store.accessToken(token);
  if (!record || record.consumerKey !== consumer.key) return fail('token_rejected');
  if (record.revoked) return fail('token_revoked');
  if (!allowExpired && record.expiresAt !== undefined && context.now > record.expiresAt) return fail(context.expiredAccessTokenProblem);
  return record;
}

function checkToken(protocol: ReadonlyMap<string, string>, consumer: ConsumerRecord, rules: EndpointRules, context: EnforcementContext): Check<{ request?: RequestTokenRecord; access?: AccessTokenRecord; secret: string }> {
  const token = protocol.get('oauth_token') ?? '';
  if (rules.token === 'none') return { secret: '' };
  if (rules.token === 'request') {
    const request = checkRequestToken(token, consumer, context);
    return failed(request) ? request : { request, secret: request.secret };
  }
  const access = checkAccessToken(token, consumer, context, rules.token === 'renewal');
  return failed(access) ? access : { access, secret: access.secret };
}

/**
 * Checks one request the way a strict provider does, in this order, and
 * returns the first failure: where the protocol parameters are (one place,
 * each once, §3.5) → version → required parameters → unexpected parameters
 * → signature method → consumer → timestamp (§3.3) → token (§2.3) →
 * signature (§3.4, constant-time compare) → nonce (§3.3). The nonce comes
 * last so that a forged request cannot use up a genuine client's nonce.
 */
export function authenticate(request: ReceivedRequest, rules: EndpointRules, context: EnforcementContext): Authenticated | Failure {
  const read = readProtocolParameters(request);
  if (failed(read)) return read;
  return authenticateParameters(request, read, rules, context);
}

function authenticateParameters(request: ReceivedRequest, read: ProtocolParameters, rules: EndpointRules, context: EnforcementContext): Authenticated | Failure {
  const protocol = read.values;
  const method = checkShape(protocol, rules);
  if (failed(method)) return method;
  const consumer = checkConsumer(protocol, method, context);
  if (failed(consumer)) return consumer;
  const timestamp = checkTimestamp(protocol, context);
  if (failed(timestamp)) return timestamp;
  const token = checkToken(protocol, consumer, rules, context);
  if (failed(token)) return token;

  // RFC 5849 §3.4.1.3.1: every source counts, oauth_signature never does.
  const parameters = collectParameters(request.url, read.headerPairs, request.body).filter((p) => p.name !== 'oauth_signature');
  const baseString = signatureBaseString(request.method, baseStringUri(request.url), normalizeParameters(parameters).normalized);
  const signature = protocol.get('oauth_signature') ?? '';
  const valid = verifySignature(method, baseString, signature, {
    consumerSecret: consumer.secret ?? '',
    tokenSecret: token.secret,
    publicKey: isRsaMethod(method) ? context.store.publicKey(consumer) : undefined,
  });
  if (!valid) return fail('signature_invalid', { serverBaseString: baseString, signatureMethod: method, signature });
  // OAuth Request Body Hash draft §4.1: a body hash that is sent must be the hash of the body that arrived (of the empty string when none did).
  const sentBodyHash = protocol.get('oauth_body_hash');
  if (sentBodyHash !== undefined && sentBodyHash !== bodyHash(request.body?.content ?? '', method)) {
    return fail('signature_invalid', { advice: 'oauth_body_hash is not the hash of the body that arrived (OAuth Request Body Hash, draft 4 §4.1).', signatureMethod: method });
  }

  const nonce = protocol.get('oauth_nonce');
  if (nonce !== undefined && timestamp !== undefined) {
    const key = [consumer.key, protocol.get('oauth_token') ?? '', String(timestamp), nonce].map(percentEncode).join('&');
    const forgetAfter = (timestamp + context.timestampWindowSec) * 1000 + 1;
    if (!context.store.rememberNonce(key, context.now, Math.max(forgetAfter, context.now + 1))) return fail('nonce_used');
  }
  return { consumer, protocol, parameters, signatureMethod: method, requestToken: token.request, accessToken: token.access };
}
