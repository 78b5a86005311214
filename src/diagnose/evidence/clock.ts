import { isoFromSeconds, say } from '../text.js';
import { sentParameter, type Adjustment, type EvidenceContext } from './context.js';

/** The default window of the reference libraries (python-oauth2, OAuth.php): 300 s. */
const DEFAULT_WINDOW_SEC = 300;
const NOTICEABLE_SEC = 60;

/**
 * How far the client clock is from the server's, from (in order of trust)
 * the accepted range against the timestamp sent, an offset measured during
 * the session, or the response Date header against the send time.
 */
export function clockOffset(context: EvidenceContext): Adjustment[] {
  const { companions, problem, provider, lang } = context;
  const strong = problem.code === 'timestamp_refused';
  const window = provider?.timestampWindowSec ?? DEFAULT_WINDOW_SEC;
  const range = companions.acceptableTimestamps;
  const echoed = sentParameter(context, 'oauth_timestamp');
  const sent = echoed !== undefined && /^\d{1,15}$/.test(echoed) ? Number(echoed) : undefined;

  if (range && sent !== undefined) {
    if (sent < range.min) return [{ cause: 'clock-skew', likelihood: strong ? 'certain' : 'likely', line: say('timestampBeforeWindow', lang, { timestamp: sent, seconds: range.min - sent, min: range.min }) }];
    if (sent > range.max) return [{ cause: 'clock-skew', likelihood: strong ? 'certain' : 'likely', line: say('timestampAfterWindow', lang, { timestamp: sent, seconds: sent - range.max, max: range.max }) }];
    return [{ cause: 'clock-skew', likelihood: 'unlikely', line: say('timestampInsideWindow', lang, { timestamp: sent, min: range.min, max: range.max }) }];
  }

  const measured = measuredOffset(context);
  if (measured) {
    const seconds = Math.round(Math.abs(measured.offsetSec));
    const source = say(measured.source, lang);
    if (seconds < NOTICEABLE_SEC) return [{ cause: 'clock-skew', likelihood: 'unlikely', line: say('clockAgrees', lang, { seconds: Math.max(seconds, 1), source }) }];
    const line = say(measured.offsetSec > 0 ? 'clockBehind' : 'clockAhead', lang, { seconds, source });
    if (seconds >= window) return [{ cause: 'clock-skew', likelihood: strong ? 'certain' : 'likely', line }];
    return [{ cause: 'clock-skew', likelihood: 'possible', line }];
  }

  if (range) {
    const line = say('acceptedWindow', lang, { min: range.min, max: range.max, from: isoFromSeconds(range.min), to: isoFromSeconds(range.max) });
    return [{ cause: 'clock-skew', line }];
  }
  return [];
}

type OffsetSource = 'sourceSession' | 'sourceDateHeader' | 'sourceDateVsTimestamp';

/** server − local, in seconds; positive means the local clock is behind. */
function measuredOffset(context: EvidenceContext): { offsetSec: number; source: OffsetSource } | undefined {
  const { evidence, failedLeg, problem } = context;
  if (evidence.clockOffsetSec !== undefined && Number.isFinite(evidence.clockOffsetSec)) return { offsetSec: evidence.clockOffsetSec, source: 'sourceSession' };
  if (failedLeg?.serverDate !== undefined) return { offsetSec: (failedLeg.serverDate - failedLeg.at) / 1000, source: 'sourceDateHeader' };
  // A live response (flow) knows when it was observed; a pasted one does not, so its Date alone says nothing…
  if (problem.serverDate !== undefined && evidence.observedAt !== undefined) return { offsetSec: (problem.serverDate - evidence.observedAt) / 1000, source: 'sourceDateHeader' };
  // …but beside the oauth_timestamp the server echoed (signed a moment before it answered) it does.
  const echoed = problem.serverBaseString === undefined ? undefined : sentParameter(context, 'oauth_timestamp');
  if (problem.serverDate !== undefined && echoed !== undefined && /^\d{1,15}$/.test(echoed)) return { offsetSec: problem.serverDate / 1000 - Number(echoed), source: 'sourceDateVsTimestamp' };
  return undefined;
}
