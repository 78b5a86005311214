import type { Lang } from '../diagnose/lang.js';
import { formatDuration } from '../diagnose/text.js';
import type { CauseId, Likelihood } from '../diagnose/types.js';
import { providerForUrl } from '../knowledge/providers.js';
import { HASH_BYTES, isSignatureMethod, METHODS } from '../oauth/methods.js';
import type { InspectedExchange } from './exchanges.js';
import { CompactNonceSet } from './nonce-index.js';
import { clockOffsetOf, type Flow, type FlowEvent } from './timeline.js';
import { t } from './text.js';

/**
 * What can be checked without any secret (issue #6): timestamps against the
 * capture's Date headers, repeated nonces, missing or repeated protocol
 * parameters, the signature method against the signature's length and the
 * key given, and tokens used twice or in the wrong leg. Each result is
 * phrased as the oauth_problem a strict provider would answer, so the
 * diagnostics module can explain it like a provider's own error.
 */

export type CheckId =
  | 'clock-skew'
  | 'duplicate-nonce'
  | 'missing-parameter'
  | 'duplicated-parameter'
  | 'signature-method-mismatch'
  | 'unknown-signature-method'
  | 'token-reuse'
  | 'token-type-confusion'
  | 'version'
  | 'timestamp-format'
  | 'plaintext-over-http';

export interface CheckFinding {
  readonly check: CheckId;
  /** The exchange it is about (for a repeat: the later one). */
  readonly exchange: InspectedExchange;
  /** The oauth_problem a strict provider would answer. */
  readonly problemCode: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly cause: CauseId;
  readonly likelihood: Likelihood;
  readonly lines: readonly string[];
  /** Only worth telling as evidence for a refusal of the same exchange, not on its own. */
  readonly supportingOnly?: boolean | undefined;
  /**
   * `likelihood` is what the capture shows, set exactly on the finding of its
   * own (not raised to what its problem code alone would rank the cause):
   * a nonce repeated under another timestamp is likely, not certain, reuse.
   */
  readonly exactly?: boolean | undefined;
}

export interface CheckOptions {
  readonly lang: Lang;
  /** Clock difference to report, seconds; default: the provider's documented window, else 300. */
  readonly maxSkewSec?: number | undefined;
}

export function where(item: InspectedExchange): string {
  return item.exchange.origin;
}


function skewWindow(item: InspectedExchange, options: CheckOptions): number {
  if (options.maxSkewSec !== undefined) return options.maxSkewSec;
  return providerForUrl(item.view.url.href)?.timestampWindowSec ?? 300;
}

function clockSkew(item: InspectedExchange, options: CheckOptions): CheckFinding[] {
  const offset = clockOffsetOf(item);
  if (offset === undefined || item.serverDate === undefined || item.timestamp === undefined) return [];
  const window = skewWindow(item, options);
  if (Math.abs(offset) <= window) return [];
  const line = t('checkClockSkew', options.lang, {
    timestamp: item.timestamp,
    seconds: Math.abs(offset),
    direction: t(offset > 0 ? 'behind' : 'ahead', options.lang),
    date: new Date(item.serverDate).toISOString(),
    where: where(item),
    window,
  });
  return [
    {
      check: 'clock-skew',
      exchange: item,
      problemCode: 'timestamp_refused',
      // No oauth_acceptable_timestamps here: the provider did not send one, and evidence carries the measured offset.
      parameters: {},
      cause: 'clock-skew',
      likelihood: 'certain',
      lines: [line],
    },
  ];
}

const REQUIRED_BY_LEG: Record<string, { names: string[]; spec: string }> = {
  request_token: { names: ['oauth_callback'], spec: '§2.1' },
  access_token: { names: ['oauth_token', 'oauth_verifier'], spec: '§2.3' },
};

function missingParameters(item: InspectedExchange, options: CheckOptions): CheckFinding[] {
  if (!item.view.signed && !item.view.authorization) return [];
  const method = (item.view.get('oauth_signature_method') ?? '').toUpperCase();
  const missing: string[] = [];
  const specs = new Set<string>(['§3.1']);
  for (const name of ['oauth_consumer_key', 'oauth_signature_method', 'oauth_signature']) if (item.view.get(name) === undefined) missing.push(name);
  if (method !== 'PLAINTEXT') for (const name of ['oauth_timestamp', 'oauth_nonce']) if (item.view.get(name) === undefined) missing.push(name);
  const byLeg = REQUIRED_BY_LEG[item.leg];
  if (byLeg) {
    for (const name of byLeg.names) {
      if (item.view.get(name) === undefined && !missing.includes(name)) {
        missing.push(name);
        specs.add(byLeg.spec);
      }
    }
  }
  if (missing.length === 0) return [];
  return [
    {
      check: 'missing-parameter',
      exchange: item,
      problemCode: 'parameter_absent',
      parameters: { oauth_parameters_absent: missing.join('&') },
      cause: 'missing-parameter',
      likelihood: 'certain',
      lines: [t('checkMissing', options.lang, { where: where(item), leg: item.leg, names: missing.join(', '), spec: [...specs].join(', ') })],
    },
  ];
}

function duplicatedParameters(item: InspectedExchange, options: CheckOptions): CheckFinding[] {
  const counts = new Map<string, { count: number; sources: Set<string>; values: string[] }>();
  for (const p of item.view.protocol) {
    const entry = counts.get(p.name) ?? { count: 0, sources: new Set<string>(), values: [] };
    entry.count++;
    entry.sources.add(p.source);
    entry.values.push(p.value);
    counts.set(p.name, entry);
  }
  const repeated = [...counts].filter(([, entry]) => entry.count > 1);
  if (repeated.length === 0) return [];
  return [
    {
      check: 'duplicated-parameter',
      exchange: item,
      problemCode: 'parameter_rejected',
      parameters: { oauth_parameters_rejected: repeated.flatMap(([name, entry]) => entry.values.map((v) => `${name}=${v}`)).join('&') },
      cause: 'unexpected-parameter',
      likelihood: 'certain',
      lines: repeated.map(([name, entry]) => t('checkDuplicated', options.lang, { where: where(item), name, count: entry.count, sources: [...entry.sources].join(', ') })),
    },
  ];
}

function signatureMethod(item: InspectedExchange, options: CheckOptions): CheckFinding[] {
  const declared = item.view.get('oauth_signature_method');
  const signature = item.view.get('oauth_signature');
  if (declared === undefined || signature === undefined || signature === '') return [];
  const method = declared.toUpperCase();
  const lang = options.lang;
  if (!isSignatureMethod(method)) {
    return [{ check: 'unknown-signature-method', exchange: item, problemCode: 'signature_method_rejected', parameters: {}, cause: 'wrong-signature-method', likelihood: 'certain', lines: [t('checkUnknownMethod', lang, { where: where(item), method: declared })] }];
  }
  const findings: CheckFinding[] = [];
  const base64 = /^[A-Za-z0-9+/]+={0,2}$/.test(signature.replace(/ /g, '+'));
  const bytes = base64 ? Buffer.from(signature.replace(/ /g, '+'), 'base64').length : 0;
  let guess: string | undefined;
  const row = METHODS[method];
  // An HMAC is as long as its digest (20, 32, 64 bytes); an RSA signature as long as the key (≥ 128 bytes for 1024 bits).
  const hmacGuess = bytes === HASH_BYTES.sha1 ? t('guessSha1', lang) : bytes === HASH_BYTES.sha256 ? t('guessSha256', lang) : bytes === HASH_BYTES.sha512 ? t('guessSha512', lang) : undefined;
  if (row.family === 'HMAC' && base64) {
    if (bytes !== row.bytes) guess = hmacGuess ?? (bytes >= 128 ? t('guessRsa', lang) : undefined);
  } else if (row.family === 'RSA' && base64) {
    guess = hmacGuess;
  } else if (row.family === 'PLAINTEXT' && !signature.includes('&') && base64 && hmacGuess) {
    guess = `${hmacGuess}; ${t('guessPlaintextKey', lang)}`;
  }
  if (guess) {
    findings.push({
      check: 'signature-method-mismatch',
      exchange: item,
      problemCode: 'signature_invalid',
      parameters: {},
      cause: 'wrong-signature-method',
      likelihood: 'certain',
      lines: [t('checkMethodLength', lang, { where: where(item), method: declared, bytes, guess })],
    });
  }
  if (method === 'PLAINTEXT' && item.view.url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(item.view.url.hostname)) {
    findings.push({ check: 'plaintext-over-http', exchange: item, problemCode: 'signature_method_rejected', parameters: {}, cause: 'wrong-signature-method', likelihood: 'likely', lines: [t('checkPlaintextHttp', lang, { where: where(item) })] });
  }
  return findings;
}

function formats(item: InspectedExchange, options: CheckOptions): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const version = item.view.get('oauth_version');
  if (version !== undefined && version !== '1.0') {
    findings.push({ check: 'version', exchange: item, problemCode: 'version_rejected', parameters: {}, cause: 'wrong-version', likelihood: 'certain', lines: [t('checkVersion', options.lang, { where: where(item), version })] });
  }
  const timestamp = item.view.get('oauth_timestamp');
  if (timestamp !== undefined && !/^\d{1,12}$/.test(timestamp)) {
    findings.push({ check: 'timestamp-format', exchange: item, problemCode: 'timestamp_refused', parameters: {}, cause: 'invalid-parameter-value', likelihood: 'certain', lines: [t('checkTimestampFormat', options.lang, { where: where(item), timestamp })] });
  }
  return findings;
}

/**
 * The nonces seen so far (RFC 5849 §3.3: unique per consumer key and
 * timestamp), kept compactly (nonce-index.ts) with where each was first sent
 * and its timestamp: all a repeat needs of the exchange before it, so the
 * exchanges are not kept.
 */
export class NonceIndex {
  private readonly seen = new CompactNonceSet();

  /** The duplicate-nonce finding of `item`, if it repeats a nonce seen before (and else remembers it). */
  check(item: InspectedExchange, options: CheckOptions): CheckFinding | undefined {
    const nonce = item.view.get('oauth_nonce');
    if (nonce === undefined || nonce === '') return undefined;
    const earlier = this.seen.seen(item.view.get('oauth_consumer_key') ?? '', nonce, where(item), item.timestamp);
    if (!earlier) return undefined;
    // RFC 5849 §3.3: a nonce must be unique among the requests with the same timestamp (and consumer key and token).
    // The same timestamp (or none on either) breaks that for certain; under another timestamp the spec is kept, but
    // many servers remember nonces across timestamps and refuse it, so it is likely the refusal's cause, not certain.
    const same = earlier.timestamp === item.timestamp;
    const shown = (timestamp: number | undefined) => (timestamp === undefined ? '—' : String(timestamp));
    return {
      check: 'duplicate-nonce',
      exchange: item,
      problemCode: 'nonce_used',
      parameters: {},
      cause: 'nonce-reuse',
      likelihood: same ? 'certain' : 'likely',
      exactly: !same,
      lines: [
        t('checkNonce', options.lang, {
          where: where(item),
          nonce,
          earlier: earlier.origin,
          same: same ? (item.timestamp === undefined ? '' : t('sameTimestampToo', options.lang)) : t('otherTimestamp', options.lang, { earlierTimestamp: shown(earlier.timestamp), timestamp: shown(item.timestamp) }),
        }),
      ],
    };
  }
}

function duplicateNonces(signed: readonly InspectedExchange[], options: CheckOptions): CheckFinding[] {
  const nonces = new NonceIndex();
  const findings: CheckFinding[] = [];
  for (const item of signed) {
    const finding = nonces.check(item, options);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** What a flow event says about token use (a reuse, a token of the wrong kind); `earlier`: the exchange it refers to. */
export function tokenUseOf(event: FlowEvent, earlier: { readonly origin: string; readonly leg: string } | undefined, options: CheckOptions): CheckFinding | undefined {
  const lang = options.lang;
  const item = event.exchange;
  if (event.kind === 'presented-after-exchange' || event.kind === 'exchanged-again') {
    return {
      check: 'token-reuse',
      exchange: item,
      problemCode: 'token_used',
      parameters: {},
      cause: 'reuse',
      likelihood: 'certain',
      lines: [t('checkReuse', lang, { where: where(item), earlier: earlier ? earlier.origin : '?', ago: formatDuration((event.sinceMs ?? 0) / 1000, lang) })],
    };
  }
  if (event.kind === 'presented-again') {
    // A reload the provider tolerated harms nothing; it matters only when the provider refused (X does).
    return { check: 'token-reuse', exchange: item, problemCode: 'token_used', parameters: {}, cause: 'reuse', likelihood: 'likely', lines: [t('checkPresentedAgain', lang, { where: where(item), earlier: earlier ? earlier.origin : '?' })], supportingOnly: true };
  }
  if (event.kind === 'wrong-token-kind' && earlier) {
    const kind = earlier.leg === 'request_token' ? t('kindRequest', lang) : t('kindAccess', lang);
    return { check: 'token-type-confusion', exchange: item, problemCode: 'token_rejected', parameters: {}, cause: 'token-type-confusion', likelihood: 'certain', lines: [t('checkTokenKind', lang, { where: where(item), leg: item.leg, kind, earlier: earlier.origin })] };
  }
  return undefined;
}

function tokenUse(flows: readonly Flow[], options: CheckOptions): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const flow of flows) {
    for (const event of flow.events) {
      const earlier = event.refersTo === undefined ? undefined : flow.exchanges[event.refersTo];
      const finding = tokenUseOf(event, earlier && { origin: where(earlier), leg: earlier.leg }, options);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** Whether an exchange carries OAuth 1.0a protocol parameters (the checks are about those). */
export function isOAuthSigned(item: InspectedExchange): boolean {
  return item.view.signed || item.view.authorization !== undefined;
}

/** The checks of one exchange on its own: parameters, signature method, formats, clock. */
export function checkExchange(item: InspectedExchange, options: CheckOptions): CheckFinding[] {
  return [...missingParameters(item, options), ...duplicatedParameters(item, options), ...signatureMethod(item, options), ...formats(item, options), ...clockSkew(item, options)];
}

/** Runs every check over the capture's OAuth exchanges, in capture order. */
export function runChecks(exchanges: readonly InspectedExchange[], flows: readonly Flow[], options: CheckOptions): CheckFinding[] {
  const signed = exchanges.filter(isOAuthSigned);
  const perExchange = signed.flatMap((item) => checkExchange(item, options));
  return [...perExchange, ...duplicateNonces(signed, options), ...tokenUse(flows, options)];
}
