import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/** The callback sent on the request-token leg against the one registered (RFC 5849 §2.1). */
export function callback({ legs, evidence, problem, failedLeg, lang }: EvidenceContext): Adjustment[] {
  const requestLeg = legs.find((leg) => leg.leg === 'request_token');
  if (!requestLeg) return [];
  const out: Adjustment[] = [];
  const sent = requestLeg.callback;
  const registered = evidence.registeredCallback;
  const problemAtRequestLeg = failedLeg?.leg === 'request_token';

  if (sent === undefined) {
    if (problemAtRequestLeg && (problem.code === 'parameter_absent' || problem.code.startsWith('http:4'))) {
      out.push({ cause: 'missing-parameter', likelihood: 'certain', line: say('callbackMissing', lang) });
    }
    return out;
  }
  if (problem.providerCode === 'x:417') {
    out.push(sent === 'oob' ? { cause: 'oob-required', likelihood: 'unlikely' } : { cause: 'oob-required', likelihood: 'certain', line: say('callbackNotOob', lang, { sent }) });
  }
  const loopback = loopbackHostAdvice(sent, registered, problem.code, problemAtRequestLeg);
  if (loopback) out.push({ cause: 'callback-not-approved', likelihood: loopback.likelihood, line: say('callbackLoopbackHost', lang, loopback.text) });
  else if (registered !== undefined && sent !== 'oob') {
    if (sent === registered) out.push({ cause: 'callback-not-approved', likelihood: 'unlikely', line: say('callbackMatches', lang, { registered }) });
    else out.push({ cause: 'callback-not-approved', likelihood: problem.providerCode === 'x:415' ? 'certain' : 'likely', line: say('callbackDiffers', lang, { sent, registered }) });
  }
  return out;
}

/** Problems whose cause is plainly not the callback: no advice about its host for them. */
const NOT_ABOUT_THE_CALLBACK = new Set(['signature_invalid', 'signature_method_rejected', 'timestamp_refused', 'nonce_used', 'consumer_key_unknown', 'consumer_key_rejected', 'consumer_key_refused', 'version_rejected', 'http:5xx', 'http:429']);

/**
 * Issue 15 item 20: a loopback callback refused on the request-token leg. A
 * provider compares oauth_callback with the registered one as text, and
 * `localhost` is not `127.0.0.1` (NetSuite answers with its own JSON error).
 * Certain when the registered callback differs from ours only in that host.
 */
function loopbackHostAdvice(sent: string, registered: string | undefined, code: string, atRequestLeg: boolean): { likelihood: 'certain' | 'likely'; text: Record<string, string> } | undefined {
  if (!atRequestLeg || NOT_ABOUT_THE_CALLBACK.has(code)) return undefined;
  let url: URL;
  try {
    url = new URL(sent);
  } catch {
    return undefined;
  }
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return undefined;
  const otherHost = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const other = new URL(sent);
  other.hostname = otherHost;
  const hostOnly = registered !== undefined && registered === other.href;
  if (registered !== undefined && !hostOnly) return undefined;
  return { likelihood: hostOnly ? 'certain' : 'likely', text: { sent, other: `${other.protocol}//${other.host}`, otherHost } };
}
