import { fingerprintToken } from '../diagnose/fingerprint.js';
import { urlWithoutSecrets } from '../exchange/scrub-url.js';
import type { LegRecord, SessionEvidence } from '../diagnose/types.js';
import { firstHeaderValue, parseHttpDate } from '../http/headers.js';
import type { HttpExchange } from '../http/types.js';
import { formValue, parseForm, type Pair } from '../oauth/form.js';
import type { FlowOutcome } from './engine.js';
import type { FlowConfig, FlowStep } from './types.js';

function protocolValue(pairs: readonly Pair[] | undefined, name: string): string | undefined {
  return pairs?.find(([n]) => n === name)?.[1];
}

function serverDate(exchange: HttpExchange | undefined): number | undefined {
  return exchange ? parseHttpDate(firstHeaderValue(exchange.response.headers, 'date')) : undefined;
}

/** The oauth_token a successful token response issued, as a fingerprint. */
function tokenIssued(step: FlowStep): string | undefined {
  if (!step.ok || !step.exchange || (step.name !== 'request_token' && step.name !== 'access_token')) return undefined;
  const token = formValue(parseForm(step.exchange.response.body.trim()), 'oauth_token');
  return token ? fingerprintToken(token) : undefined;
}

/** One LegRecord per step that went on the wire (or tried to). */
export function legRecords(outcome: FlowOutcome, fallbackAt: number): LegRecord[] {
  const records: LegRecord[] = [];
  for (const step of outcome.steps) {
    const protocol = step.signed?.protocolParameters;
    const sentToken = protocolValue(protocol, 'oauth_token') ?? (step.name === 'authorize' || step.name === 'callback' ? outcome.requestToken?.token : undefined);
    const url = step.exchange?.request.url ?? step.signed?.url ?? (step.name === 'authorize' ? outcome.authorizeUrl : undefined);
    if (url === undefined && step.name !== 'callback') continue;
    const timestamp = protocolValue(protocol, 'oauth_timestamp');
    records.push({
      leg: step.name,
      method: step.exchange?.request.method ?? step.signed?.method ?? 'GET',
      url: urlWithoutSecrets(url ?? outcome.callback ?? ''),
      at: step.exchange?.startedAt ?? fallbackAt,
      status: step.exchange?.response.status,
      tokenSent: sentToken ? fingerprintToken(sentToken) : undefined,
      tokenIssued: tokenIssued(step),
      oauthTimestamp: timestamp === undefined ? undefined : Number(timestamp),
      oauthNonce: protocolValue(protocol, 'oauth_nonce'),
      signatureMethod: step.signed?.signatureMethod,
      callback: protocolValue(protocol, 'oauth_callback'),
      baseString: step.signed?.baseString,
      serverDate: serverDate(step.exchange),
    });
  }
  return records;
}

/**
 * server clock − local clock, in whole seconds, from the most recent Date
 * header. The header has one-second resolution, so ±1 s is noise.
 */
export function clockOffsetSec(outcome: FlowOutcome): number | undefined {
  for (const step of [...outcome.steps].reverse()) {
    const offset = clockOffsetOf(step.exchange);
    if (offset !== undefined) return offset;
  }
  return undefined;
}

/** server clock − local clock for one exchange, whole seconds, from its Date header (when the headers arrived). */
export function clockOffsetOf(exchange: HttpExchange | undefined): number | undefined {
  const date = serverDate(exchange);
  if (date === undefined || !exchange) return undefined;
  return Math.round((date - (exchange.startedAt + exchange.headersMs)) / 1000);
}

/** SessionEvidence (src/diagnose/types.ts) from a run: what `diagnose` ranks causes with and what --save stores. */
export function buildEvidence(outcome: FlowOutcome, config: FlowConfig, observedAt: number): SessionEvidence {
  const legs = legRecords(outcome, observedAt);
  const failedIndex = outcome.ok ? -1 : legs.findIndex((_l, i) => i === legs.length - 1);
  return {
    observedAt,
    provider: config.provider,
    requestTokenLifetimeSec: config.requestTokenLifetimeSec,
    legs,
    failedLegIndex: failedIndex >= 0 ? failedIndex : undefined,
    clockOffsetSec: clockOffsetSec(outcome),
    registeredCallback: config.registeredCallback,
    signer: 'oauth-doctor',
  };
}
