import { clockOffsetOf as readingClockOffset, legRecordOf } from '../exchange/evidence.js';
import type { LegRecord, SessionEvidence } from '../diagnose/types.js';
import type { InspectedExchange } from './exchanges.js';

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
  const first = flow.exchanges.find((e) => e.at !== undefined)?.at;
  const events: FlowEvent[] = [];
  const exchangedAt = new Map<string, { index: number; at: number | undefined }>();
  const issuedAt = new Map<string, { index: number; at: number | undefined; kind: 'request' | 'access' }>();
  const presented = new Map<string, number>();
  const since = (at: number | undefined, earlier: number | undefined) => (at !== undefined && earlier !== undefined ? at - earlier : undefined);
  flow.exchanges.forEach((item, index) => {
    const offsetMs = since(item.at, first);
    const add = (kind: FlowEventKind, extra: { sinceMs?: number | undefined; refersTo?: number | undefined } = {}) => events.push({ kind, exchange: item, offsetMs, ...extra });
    const token = item.tokenSent;
    const exchanged = token === undefined ? undefined : exchangedAt.get(token);
    const issued = token === undefined ? undefined : issuedAt.get(token);
    const answered = item.status !== undefined;
    switch (item.leg) {
      case 'request_token':
        add(!answered ? 'sent' : ok(item.status) && item.tokenIssued ? 'issued' : 'request-refused');
        break;
      case 'authorize':
        if (issued?.kind === 'access') add('wrong-token-kind', { refersTo: issued.index });
        else if (exchanged) add('presented-after-exchange', { sinceMs: since(item.at, exchanged.at), refersTo: exchanged.index });
        // The approval page posting back is the same visit going on, not a second presentation.
        else if (item.view.method.toUpperCase() === 'POST' && token !== undefined && presented.has(token)) add('decided', { refersTo: presented.get(token) });
        else if (token !== undefined && presented.has(token)) add('presented-again', { refersTo: presented.get(token) });
        else add('presented', { sinceMs: since(item.at, issued?.at), refersTo: issued?.index });
        if (token !== undefined && !presented.has(token)) presented.set(token, index);
        break;
      case 'callback':
        add(item.view.queryParams.some((p) => p.name === 'denied') ? 'denied' : 'returned', { sinceMs: since(item.at, issued?.at), refersTo: issued?.index });
        break;
      case 'access_token':
        if (issued?.kind === 'access') add('wrong-token-kind', { refersTo: issued.index });
        else if (exchanged) add('exchanged-again', { sinceMs: since(item.at, exchanged.at), refersTo: exchanged.index });
        else if (!answered) add('sent', { sinceMs: since(item.at, issued?.at), refersTo: issued?.index });
        else add(ok(item.status) && item.tokenIssued ? 'exchanged' : 'exchange-refused', { sinceMs: since(item.at, issued?.at), refersTo: issued?.index });
        if (token !== undefined && ok(item.status) && !exchanged) exchangedAt.set(token, { index, at: item.at });
        break;
      case 'resource':
        if (issued?.kind === 'request') add('wrong-token-kind', { refersTo: issued.index });
        else add(!answered ? 'sent' : ok(item.status) ? 'resource' : 'resource-refused');
        break;
    }
    if (item.tokenIssued !== undefined && ok(item.status)) issuedAt.set(item.tokenIssued, { index, at: item.at, kind: item.leg === 'request_token' ? 'request' : 'access' });
  });
  return events;
}

/** A LegRecord (src/diagnose/types.ts) for one exchange: the one evidence builder's (src/exchange/evidence.ts). */
function legRecord(item: InspectedExchange, baseString?: string): LegRecord {
  return legRecordOf(item, { baseString });
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
const EVIDENCE_LEGS = { first: 8, last: 56 } as const;

/** SessionEvidence for a failure at `failed`: the flow's legs up to and including it (`index`: its place in the flow, when known). */
export function evidenceFor(flow: Flow, failed: InspectedExchange, options: { provider?: string | undefined; baseStrings?: ReadonlyMap<InspectedExchange, string>; index?: number | undefined } = {}): SessionEvidence {
  const at = options.index ?? flow.exchanges.indexOf(failed);
  const count = at + 1;
  const upTo = count <= EVIDENCE_LEGS.first + EVIDENCE_LEGS.last ? flow.exchanges.slice(0, count) : [...flow.exchanges.slice(0, EVIDENCE_LEGS.first), ...flow.exchanges.slice(count - EVIDENCE_LEGS.last, count)];
  const legs = upTo.map((item) => legRecord(item, options.baseStrings?.get(item)));
  let signedOffset = clockOffsetOf(failed);
  for (let i = upTo.length - 1; signedOffset === undefined && i >= 0; i--) signedOffset = clockOffsetOf(upTo[i] as InspectedExchange);
  // A lifetime the provider itself announced for the request token sent (oauth_expires_in), if any.
  const issuer = failed.tokenSent === undefined ? undefined : upTo.find((item) => item.leg === 'request_token' && item.tokenIssued === failed.tokenSent);
  return {
    observedAt: failed.at,
    provider: options.provider,
    requestTokenLifetimeSec: issuer?.tokenLifetimeSec,
    legs,
    failedLegIndex: legs.length - 1,
    clockOffsetSec: signedOffset,
  };
}
