import { clockOffsetOf as readingClockOffset, legRecordOf } from '../exchange/evidence.js';
import type { SessionEvidence } from '../diagnose/types.js';
import type { InspectedExchange } from './exchanges.js';
import type { ExchangeReading } from '../exchange/reading.js';

/**
 * Rebuilds the flows of a capture (RFC 5849 §2): a request token is issued,
 * presented to the authorize page, comes back on the callback, is exchanged
 * for an access token, which signs resource calls. Exchanges are tied
 * together by the tokens they carry and receive.
 */

type FlowEventKind =
  | 'sent'
  | 'issued'
  | 'request-refused'
  | 'presented'
  | 'presented-after-exchange'
  | 'presented-again'
  | 'decided'
  | 'returned'
  | 'denied'
  | 'exchanged'
  | 'exchanged-again'
  | 'exchange-refused'
  | 'wrong-token-kind'
  | 'resource'
  | 'resource-refused';

export interface FlowEvent {
  readonly kind: FlowEventKind;
  readonly exchange: InspectedExchange;
  /** ms since the flow's first timed exchange, when both are timed. */
  readonly offsetMs: number | undefined;
  /** ms since an earlier event it relates to (issue → exchange, exchange → reuse). */
  readonly sinceMs?: number | undefined;
  /** Index (in the flow) of the earlier exchange it refers to. */
  readonly refersTo?: number | undefined;
}

export interface Flow {
  /** 1-based. */
  readonly id: number;
  readonly exchanges: InspectedExchange[];
  requestToken: string | undefined;
  accessToken: string | undefined;
  /** Whether it started with a request-token leg in this capture. */
  readonly startedInCapture: boolean;
  events: FlowEvent[];
}

const ok = (status: number | undefined) => status !== undefined && status >= 200 && status < 400;

/** Groups OAuth exchanges into flows, in capture order. */
export function buildFlows(exchanges: readonly InspectedExchange[]): Flow[] {
  const flows: Flow[] = [];
  const byToken = new Map<string, Flow>();
  let twoLegged: Flow | undefined;
  const newFlow = (startedInCapture: boolean): Flow => {
    const flow: Flow = { id: flows.length + 1, exchanges: [], requestToken: undefined, accessToken: undefined, startedInCapture, events: [] };
    flows.push(flow);
    return flow;
  };
  for (const item of exchanges) {
    let flow: Flow;
    if (item.leg === 'request_token') {
      flow = newFlow(true);
    } else if (item.tokenSent !== undefined) {
      const known = byToken.get(item.tokenSent);
      if (known) flow = known;
      else {
        flow = newFlow(false);
        if (item.leg === 'resource') flow.accessToken = item.tokenSent;
        else flow.requestToken = item.tokenSent;
        byToken.set(item.tokenSent, flow);
      }
    } else {
      twoLegged ??= newFlow(false);
      flow = twoLegged;
    }
    flow.exchanges.push(item);
    if (item.tokenIssued !== undefined && ok(item.status)) {
      if (item.leg === 'request_token') flow.requestToken = item.tokenIssued;
      else if (item.leg === 'access_token') flow.accessToken = item.tokenIssued;
      byToken.set(item.tokenIssued, flow);
    }
  }
  for (const flow of flows) flow.events = eventsOf(flow);
  return flows;
}

function eventsOf(flow: Flow): FlowEvent[] {
  const events = new FlowEvents();
  return flow.exchanges.map((item, index) => events.next(item, index));
}

/** An exchange of a flow that a later event refers to: its place in the flow, and what is told of it. */
export interface EarlierExchange {
  readonly index: number;
  readonly at: number | undefined;
  readonly origin: string;
  readonly leg: InspectedExchange['leg'];
}

/**
 * The events of one flow, an exchange at a time in flow order (RFC 5849 §2):
 * what each exchange did with the tokens the flow issued before it. Each
 * event depends only on the exchanges before it, so a capture can be read
 * once, in order, with this state alone kept per flow (issue 14 item 1).
 */
export class FlowEvents {
  private first: number | undefined;
  private readonly exchangedAt = new Map<string, EarlierExchange>();
  private readonly issuedAt = new Map<string, EarlierExchange & { kind: 'request' | 'access' }>();
  private readonly presented = new Map<string, EarlierExchange>();
  /** What the last event referred to (refersTo), for a reader that no longer holds the flow's exchanges. */
  referred: EarlierExchange | undefined;

  /** The event of the flow's exchange `item`, the `index`-th of the flow. */
  next(item: InspectedExchange, index: number): FlowEvent {
    this.first ??= item.at;
    const first = this.first;
    const since = (at: number | undefined, earlier: number | undefined) => (at !== undefined && earlier !== undefined ? at - earlier : undefined);
    const offsetMs = since(item.at, first);
    const self: EarlierExchange = { index, at: item.at, origin: item.exchange.origin, leg: item.leg };
    let event: FlowEvent | undefined;
    let referred: EarlierExchange | undefined;
    const add = (kind: FlowEventKind, extra: { sinceMs?: number | undefined; refersTo?: EarlierExchange | undefined } = {}) => {
      referred = extra.refersTo;
      event = { kind, exchange: item, offsetMs, sinceMs: extra.sinceMs, refersTo: extra.refersTo?.index };
    };
    const token = item.tokenSent;
    const exchanged = token === undefined ? undefined : this.exchangedAt.get(token);
    const issued = token === undefined ? undefined : this.issuedAt.get(token);
    const answered = item.status !== undefined;
    switch (item.leg) {
      case 'request_token':
        add(!answered ? 'sent' : ok(item.status) && item.tokenIssued ? 'issued' : 'request-refused');
        break;
      case 'authorize': {
        const seen = token === undefined ? undefined : this.presented.get(token);
        if (issued?.kind === 'access') add('wrong-token-kind', { refersTo: issued });
        else if (exchanged) add('presented-after-exchange', { sinceMs: since(item.at, exchanged.at), refersTo: exchanged });
        // The approval page posting back is the same visit going on, not a second presentation.
        else if (item.view.method.toUpperCase() === 'POST' && seen) add('decided', { refersTo: seen });
        else if (seen) add('presented-again', { refersTo: seen });
        else add('presented', { sinceMs: since(item.at, issued?.at), refersTo: issued });
        if (token !== undefined && !seen) this.presented.set(token, self);
        break;
      }
      case 'callback':
        add(item.view.queryParams.some((p) => p.name === 'denied') ? 'denied' : 'returned', { sinceMs: since(item.at, issued?.at), refersTo: issued });
        break;
      case 'access_token':
        if (issued?.kind === 'access') add('wrong-token-kind', { refersTo: issued });
        else if (exchanged) add('exchanged-again', { sinceMs: since(item.at, exchanged.at), refersTo: exchanged });
        else if (!answered) add('sent', { sinceMs: since(item.at, issued?.at), refersTo: issued });
        else add(ok(item.status) && item.tokenIssued ? 'exchanged' : 'exchange-refused', { sinceMs: since(item.at, issued?.at), refersTo: issued });
        if (token !== undefined && ok(item.status) && !exchanged) this.exchangedAt.set(token, self);
        break;
      case 'resource':
        if (issued?.kind === 'request') add('wrong-token-kind', { refersTo: issued });
        else add(!answered ? 'sent' : ok(item.status) ? 'resource' : 'resource-refused');
        break;
    }
    if (item.tokenIssued !== undefined && ok(item.status)) this.issuedAt.set(item.tokenIssued, { ...self, kind: item.leg === 'request_token' ? 'request' : 'access' });
    this.referred = referred;
    return event ?? { kind: 'sent', exchange: item, offsetMs };
  }
}

/** server clock − client clock for one signed exchange: the one formula (src/exchange/evidence.ts). */
export function clockOffsetOf(item: InspectedExchange): number | undefined {
  return readingClockOffset(item);
}

/**
 * Legs of a long flow given as evidence: the first few (the token's issue)
 * and the last ones before the failure. A flow of 100,000 signed calls would
 * otherwise cost its whole length for every finding in it (issue 14 item 1).
 */
export const EVIDENCE_LEGS = { first: 8, last: 56 } as const;

/** SessionEvidence for a failure at `failed`: the flow's legs up to and including it (`index`: its place in the flow, when known). */
export function evidenceFor(flow: Flow, failed: InspectedExchange, options: { provider?: string | undefined; baseStrings?: ReadonlyMap<InspectedExchange, string>; index?: number | undefined } = {}): SessionEvidence {
  const at = options.index ?? flow.exchanges.indexOf(failed);
  const count = at + 1;
  const upTo = count <= EVIDENCE_LEGS.first + EVIDENCE_LEGS.last ? flow.exchanges.slice(0, count) : [...flow.exchanges.slice(0, EVIDENCE_LEGS.first), ...flow.exchanges.slice(count - EVIDENCE_LEGS.last, count)];
  return evidenceOfLegs(failed, upTo, options.provider, (item) => options.baseStrings?.get(item));
}

/** SessionEvidence for a failure at `failed`, from the legs given of its flow (the last of them `failed` itself). */
export function evidenceOfLegs<T extends ExchangeReading>(failed: ExchangeReading, upTo: readonly T[], provider: string | undefined, baseStringOf: (item: T) => string | undefined): SessionEvidence {
  const legs = upTo.map((item) => legRecordOf(item, { baseString: baseStringOf(item) }));
  let signedOffset = readingClockOffset(failed);
  for (let i = upTo.length - 1; signedOffset === undefined && i >= 0; i--) signedOffset = readingClockOffset(upTo[i] as T);
  // A lifetime the provider itself announced for the request token sent (oauth_expires_in), if any.
  const issuer = failed.tokenSent === undefined ? undefined : upTo.find((item) => item.leg === 'request_token' && item.tokenIssued === failed.tokenSent);
  return {
    observedAt: failed.at,
    provider,
    requestTokenLifetimeSec: issuer?.tokenLifetimeSec,
    legs,
    failedLegIndex: legs.length - 1,
    clockOffsetSec: signedOffset,
  };
}
