import { fingerprintToken } from '../diagnose/fingerprint.js';
import type { LegRecord } from '../diagnose/types.js';
import type { ExchangeReading } from './reading.js';
import { urlWithoutSecrets } from './scrub-url.js';

/**
 * The one evidence builder (issue 13): a LegRecord (src/diagnose/types.ts)
 * from an exchange's reading, for flow (live) and inspect (captured) alike.
 * Tokens become fingerprints and URLs lose their credentials, so evidence
 * and session files never hold a secret.
 */
export interface LegRecordOptions {
  /** The base string the client signed, when known (flow signed it; inspect rebuilt it). */
  readonly baseString?: string | undefined;
  /** When the exchange has no start time of its own (a flow step that never reached the wire): the run's. */
  readonly fallbackAt?: number | undefined;
  /** The token the leg presented when its request does not show it (the flow's pending request token on the callback). */
  readonly tokenPresented?: string | undefined;
}

export function legRecordOf(reading: ExchangeReading, options: LegRecordOptions = {}): LegRecord {
  // Without a start time, the client's own timestamp is the best guess of when it was sent.
  const at = reading.at ?? options.fallbackAt ?? (reading.timestamp !== undefined ? reading.timestamp * 1000 : (reading.serverDate ?? 0));
  const tokenSent = reading.tokenSent ?? options.tokenPresented;
  return {
    leg: reading.leg,
    method: reading.method,
    url: urlWithoutSecrets(reading.url),
    at,
    status: reading.status,
    tokenSent: tokenSent === undefined ? undefined : fingerprintToken(tokenSent),
    tokenIssued: reading.tokenIssued === undefined ? undefined : fingerprintToken(reading.tokenIssued),
    oauthTimestamp: reading.timestamp,
    oauthNonce: reading.nonce,
    signatureMethod: reading.signatureMethod,
    callback: reading.callback,
    baseString: options.baseString,
    serverDate: reading.at === undefined && reading.timestamp === undefined ? undefined : reading.serverDate,
  };
}

/**
 * The one clock-offset formula (issue 13): server clock − client clock, in
 * whole seconds, for a signed exchange — the response's Date header against
 * the oauth_timestamp the client signed (RFC 5849 §3.3). Both have
 * one-second resolution and the request took some time, so ±1 s is noise.
 */
export function clockOffsetOf(reading: ExchangeReading): number | undefined {
  if (reading.serverDate === undefined || reading.timestamp === undefined) return undefined;
  return Math.round(reading.serverDate / 1000 - reading.timestamp);
}

/** The offset of the latest exchange that shows one (the most recent clock reading wins). */
export function latestClockOffset(readings: readonly ExchangeReading[]): number | undefined {
  for (let i = readings.length - 1; i >= 0; i--) {
    const offset = clockOffsetOf(readings[i] as ExchangeReading);
    if (offset !== undefined) return offset;
  }
  return undefined;
}
