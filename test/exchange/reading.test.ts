import { describe, expect, it } from 'vitest';
import { captureFromExchange } from '../../src/capture/live.js';
import { fingerprintToken } from '../../src/diagnose/fingerprint.js';
import { clockOffsetOf, legRecordOf } from '../../src/exchange/evidence.js';
import { readLive } from '../../src/exchange/reading.js';
import { buildEvidence } from '../../src/flow/evidence.js';
import type { FlowConfig, FlowOutcome } from '../../src/flow/types.js';
import type { HttpExchange } from '../../src/http/types.js';
import { inspectExchange } from '../../src/inspect/exchanges.js';
import { evidenceFor, type Flow } from '../../src/inspect/timeline.js';

// RFC 5849 §1.2's access-token request, answered by a server whose clock is 7 s ahead of the client's timestamp (1191242096).
const SIGNED = 'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_token="hh5s93j4hdidpola", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1191242096", oauth_nonce="kllo9940pd9333jh", oauth_verifier="hfdp7dh39dks9884", oauth_signature="wPkvxykrw%2BBTdCcGqKr%2B3I%2BPsiM%3D"';

function live(status: number, body: string, headers: Record<string, string> = {}): HttpExchange {
  return {
    request: { method: 'POST', url: 'https://photos.example.net/access_token', headers: { authorization: SIGNED, 'content-type': 'application/x-www-form-urlencoded' }, body: '' },
    response: { status, headers: { date: 'Mon, 01 Oct 2007 12:35:03 GMT', ...headers }, body, encoding: 'utf-8', bodyBytes: body.length, keptBytes: body.length, truncated: false },
    redirects: [],
    startedAt: 1191242096_400,
    headersMs: 30,
    totalMs: 35,
  };
}

describe('one reading of an exchange, live or captured (issue 13)', () => {
  it('flow (live) and inspect (captured) read the same bytes into the same reading', () => {
    const exchange = live(200, 'oauth_token=nnch734d00sl2jdk&oauth_token_secret=pfkkdhi9sl3r4s00');
    const [captured] = captureFromExchange(exchange).exchanges;
    const inspected = inspectExchange(captured!);
    const { exchange: _e, view: _v, host: _h, ...fromCapture } = inspected!;
    expect(fromCapture).toEqual(readLive(exchange, 'access_token'));
    expect(fromCapture).toMatchObject({ leg: 'access_token', tokenSent: 'hh5s93j4hdidpola', tokenIssued: 'nnch734d00sl2jdk', tokenSecretIssued: 'pfkkdhi9sl3r4s00', verifier: 'hfdp7dh39dks9884', timestamp: 1191242096, nonce: 'kllo9940pd9333jh', problem: undefined });
  });

  it('one clock-offset formula: the server Date minus the signed oauth_timestamp, for both', () => {
    const exchange = live(401, 'oauth_problem=timestamp_refused');
    const reading = readLive(exchange, 'access_token');
    // 12:35:03 GMT is 1191242103: 7 s after the timestamp signed (the wire time, 430 ms here, is not counted as skew).
    expect(clockOffsetOf(reading)).toBe(7);
    expect(reading.problem?.code).toBe('timestamp_refused');

    const step = { name: 'access_token' as const, title: 'Access token', ok: false, exchange, reading, notes: [] };
    const flowEvidence = buildEvidence({ ok: false, steps: [step] } as unknown as FlowOutcome, { provider: 'custom' } as FlowConfig, 1191242200_000);
    const item = inspectExchange(captureFromExchange(exchange).exchanges[0]!)!;
    const inspectEvidence = evidenceFor({ id: 1, exchanges: [item], requestToken: undefined, accessToken: undefined, startedInCapture: false, events: [] } satisfies Flow, item);
    expect(flowEvidence.clockOffsetSec).toBe(7);
    expect(inspectEvidence.clockOffsetSec).toBe(7);
    // One evidence builder: the same leg record, the base string aside (the flow knows the one it signed).
    expect(flowEvidence.legs?.[0]).toEqual(inspectEvidence.legs?.[0]);
    expect(inspectEvidence.legs?.[0]).toEqual(legRecordOf(reading));
    expect(legRecordOf(reading).tokenSent).toBe(fingerprintToken('hh5s93j4hdidpola'));
  });

  it('a JSON token response is read by the one token-body reader: a boolean oauth_callback_confirmed counts, numbers too', () => {
    const exchange = live(200, '{"oauth_token":"hh5s93j4hdidpola","oauth_token_secret":"hdhd0244k9j7ao03","oauth_callback_confirmed":true,"oauth_expires_in":3600}');
    const reading = readLive({ ...exchange, request: { ...exchange.request, url: 'https://photos.example.net/request_token' } }, 'request_token');
    expect(reading).toMatchObject({ tokenIssued: 'hh5s93j4hdidpola', tokenSecretIssued: 'hdhd0244k9j7ao03', callbackConfirmed: true, tokenLifetimeSec: 3600 });
  });

  it('the secrets it carries: tokens sent and issued, the verifier, a Location’s credentials, a PLAINTEXT key and its halves', () => {
    const redirect = live(302, '', { location: 'https://printer.example.com/ready?oauth_token=hh5s93j4hdidpola&oauth_verifier=loc-verifier-1' });
    expect(readLive(redirect, 'authorize').secrets).toEqual(expect.arrayContaining(['hh5s93j4hdidpola', 'hfdp7dh39dks9884', 'loc-verifier-1']));
    const plaintext = live(200, 'oauth_token=nnch734d00sl2jdk&oauth_token_secret=pfkkdhi9sl3r4s00&oauth_session_handle=handle-42');
    const signed = { ...plaintext.request, headers: { ...plaintext.request.headers, authorization: 'OAuth oauth_consumer_key="k", oauth_token="hh5s93j4hdidpola", oauth_signature_method="PLAINTEXT", oauth_signature="kd94hf93k423kf44%26pfkkdhi9sl3r4s00"' } };
    expect(readLive({ ...plaintext, request: signed }, 'access_token').secrets).toEqual(expect.arrayContaining(['nnch734d00sl2jdk', 'pfkkdhi9sl3r4s00', 'handle-42', 'kd94hf93k423kf44&pfkkdhi9sl3r4s00', 'kd94hf93k423kf44']));
  });
});
