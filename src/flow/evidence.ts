import type { CapturedExchange } from '../capture/types.js';
import type { LegRecord, SessionEvidence } from '../diagnose/types.js';
import { latestClockOffset, legRecordOf } from '../exchange/evidence.js';
import { readExchange, readLive, type ExchangeReading } from '../exchange/reading.js';
import { viewRequest } from '../exchange/request-view.js';
import type { FlowConfig, FlowOutcome, FlowStep } from './types.js';

/**
 * What a step that never got an answer shows (a send that failed, the
 * callback the listener took): its signed request, or the URL it was at,
 * read by the same reader as any exchange.
 */
function unansweredReading(step: FlowStep, url: string): ExchangeReading {
  const signed = step.signed;
  // A callback that is no URL (oob) was never on the wire: read as an empty request to the same leg.
  const wire = URL.canParse(url) ? url : 'http://oob.invalid/';
  const exchange: CapturedExchange = { index: 0, origin: step.title, request: { method: signed?.method ?? 'GET', url: wire, headers: signed ? [['authorization', signed.authorization]] : [] } };
  return { ...readExchange(viewRequest(exchange), step.name), url };
}

/** The reading of each step that went on the wire (or tried to): the one made when its answer arrived, or one of what it sent. */
function stepReadings(outcome: FlowOutcome): { step: FlowStep; reading: ExchangeReading }[] {
  const found: { step: FlowStep; reading: ExchangeReading }[] = [];
  for (const step of outcome.steps) {
    // Steps the recorder did not make (a scenario's own) are read here, the same way.
    const reading = step.reading ?? (step.exchange ? readLive(step.exchange, step.name) : undefined);
    if (reading) {
      found.push({ step, reading });
      continue;
    }
    const url = step.signed?.url ?? (step.name === 'authorize' ? outcome.authorizeUrl : step.name === 'callback' ? (outcome.callback ?? '') : undefined);
    if (url === undefined) continue;
    found.push({ step, reading: unansweredReading(step, url) });
  }
  return found;
}

/** One LegRecord per step that went on the wire (or tried to), by the one evidence builder (src/exchange/evidence.ts). */
function legRecords(outcome: FlowOutcome, fallbackAt: number): LegRecord[] {
  return stepReadings(outcome).map(({ step, reading }) =>
    legRecordOf(reading, {
      baseString: step.signed?.baseString,
      fallbackAt,
      // The authorise page and the callback present the pending request token, whether or not their URL still shows it.
      tokenPresented: step.name === 'authorize' || step.name === 'callback' ? outcome.requestToken?.token : undefined,
    }),
  );
}

/** server clock − client clock, in whole seconds, from the latest signed exchange with a Date header (the one formula, src/exchange/evidence.ts). */
function clockOffsetSec(outcome: FlowOutcome): number | undefined {
  return latestClockOffset(stepReadings(outcome).map(({ reading }) => reading));
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
