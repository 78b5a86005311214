import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CapturedExchange } from '../../src/capture/types.js';
import { runChecks } from '../../src/inspect/checks.js';
import { inspectExchange, type InspectedExchange } from '../../src/inspect/exchanges.js';
import { inspectCapture } from '../../src/inspect/inspect.js';
import { rfcRecipe, baseStringOf } from '../../src/inspect/signature/recipe.js';
import { firstDifference } from '../../src/diagnose/base-string-diff.js';
import { diffBaseStrings, diffWindows } from '../../src/inspect/signature/diff.js';
import { viewRequest } from '../../src/exchange/request-view.js';
import { buildFlows } from '../../src/inspect/timeline.js';
import { buildAuthorizationHeader } from '../../src/oauth/authorization-header.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { isDoctorError } from '../../src/errors.js';
import { exchange, signInput } from './helpers.js';
import { propertyRuns } from '../helpers/property-runs.js';

function item(captured: CapturedExchange): InspectedExchange {
  const inspected = inspectExchange(captured);
  if (!inspected) throw new Error('not an OAuth exchange');
  return inspected;
}

function signedExchange(overrides: { protocol?: [string, string][]; url?: string; date?: string; status?: number; origin?: string; index?: number } = {}): CapturedExchange {
  const signed = signRequest(signInput({ url: overrides.url ?? 'https://api.example.com/1/x', method: 'GET' }));
  const protocol = overrides.protocol ?? signed.protocolParameters.map(([n, v]) => [n, v] as [string, string]);
  const base = exchange({ method: 'GET', url: overrides.url ?? 'https://api.example.com/1/x', authorization: buildAuthorizationHeader(protocol) });
  return {
    ...base,
    index: overrides.index ?? 0,
    origin: overrides.origin ?? 'entry 1',
    response: overrides.date || overrides.status ? { status: overrides.status ?? 200, headers: overrides.date ? [['Date', overrides.date]] : [], body: '{}' } : undefined,
  };
}

const checksOf = (exchanges: InspectedExchange[], options: Partial<Parameters<typeof runChecks>[2]> = {}) => runChecks(exchanges, buildFlows(exchanges), { lang: 'en', ...options });
const replace = (protocol: readonly (readonly [string, string])[], name: string, value: string | undefined): [string, string][] =>
  protocol.flatMap(([n, v]) => (n === name ? (value === undefined ? [] : [[n, value] as [string, string]]) : [[n, v] as [string, string]]));
const baseProtocol = () => signRequest(signInput({ url: 'https://api.example.com/1/x', method: 'GET' })).protocolParameters;

describe('offline checks (no secrets)', () => {
  it('clock skew: oauth_timestamp against the response Date header', () => {
    const date = new Date((1318622958 + 900) * 1000).toUTCString();
    const [finding] = checksOf([item(signedExchange({ date }))]);
    expect(finding).toMatchObject({ check: 'clock-skew', problemCode: 'timestamp_refused', cause: 'clock-skew', likelihood: 'certain' });
    expect(finding?.lines[0]).toContain('is 900 s behind the server');
    expect(checksOf([item(signedExchange({ date: new Date((1318622958 + 200) * 1000).toUTCString() }))])).toEqual([]);
    expect(checksOf([item(signedExchange({ date: new Date((1318622958 + 200) * 1000).toUTCString() }))], { maxSkewSec: 100 })[0]?.check).toBe('clock-skew');
  });

  it('duplicate nonces across requests', () => {
    const findings = checksOf([item(signedExchange({ origin: 'entry 1' })), item(signedExchange({ origin: 'entry 2', index: 1 }))]);
    expect(findings.map((f) => f.check)).toEqual(['duplicate-nonce']);
    expect(findings[0]?.lines[0]).toMatch(/already sent on entry 1 with the same timestamp/);
  });

  it('the same nonce under another timestamp is likely reuse, not certain (RFC 5849 §3.3: unique per timestamp)', () => {
    const other = replace(baseProtocol(), 'oauth_timestamp', '1318622999');
    for (const lang of ['en', 'ja'] as const) {
      const findings = checksOf([item(signedExchange({ origin: 'entry 1' })), item(signedExchange({ origin: 'entry 2', index: 1, protocol: other }))], { lang });
      expect(findings).toMatchObject([{ check: 'duplicate-nonce', cause: 'nonce-reuse', likelihood: 'likely' }]);
      expect(findings[0]?.lines[0]).toMatch(lang === 'en' ? /already sent on entry 1 under another timestamp \(1318622958, now 1318622999\): RFC 5849 §3\.3/ : /タイムスタンプは別: 1318622958 → 1318622999。RFC 5849 §3\.3/);
    }
    const same = checksOf([item(signedExchange({ origin: 'entry 1' })), item(signedExchange({ origin: 'entry 2', index: 1 }))]);
    expect(same).toMatchObject([{ check: 'duplicate-nonce', likelihood: 'certain' }]);
    // In the report: the finding's nonce-reuse cause is likely, never certain, when the timestamps differ.
    const report = inspectCapture({ format: 'har', source: 't', totalEntries: 2, notes: [], exchanges: [signedExchange({ origin: 'entry 1' }), signedExchange({ origin: 'entry 2', index: 1, protocol: other })] }, { lang: 'en' });
    const reuse = report.findings.find((f) => f.kind === 'check' && f.check === 'duplicate-nonce')?.diagnosis.causes.find((c) => c.id === 'nonce-reuse');
    expect(reuse?.likelihood).toBe('likely');
    const sameReport = inspectCapture({ format: 'har', source: 't', totalEntries: 2, notes: [], exchanges: [signedExchange({ origin: 'entry 1' }), signedExchange({ origin: 'entry 2', index: 1 })] }, { lang: 'en' });
    expect(sameReport.findings.find((f) => f.kind === 'check' && f.check === 'duplicate-nonce')?.diagnosis.causes.find((c) => c.id === 'nonce-reuse')?.likelihood).toBe('certain');
  });

  it('missing protocol parameters, per leg', () => {
    const [finding] = checksOf([item(signedExchange({ protocol: replace(baseProtocol(), 'oauth_nonce', undefined) }))]);
    expect(finding).toMatchObject({ check: 'missing-parameter', problemCode: 'parameter_absent', parameters: { oauth_parameters_absent: 'oauth_nonce' } });
    const requestToken = item(signedExchange({ url: 'https://api.example.com/oauth/request_token' }));
    expect(checksOf([requestToken])[0]?.parameters).toEqual({ oauth_parameters_absent: 'oauth_callback' });
  });

  it('duplicated protocol parameters', () => {
    const [finding] = checksOf([item(signedExchange({ protocol: [...replace(baseProtocol(), '', undefined), ['oauth_nonce', 'again']], url: 'https://api.example.com/1/x?oauth_version=1.0' }))]);
    expect(finding).toMatchObject({ check: 'duplicated-parameter', problemCode: 'parameter_rejected' });
    expect(finding?.lines.join(' ')).toMatch(/sends oauth_nonce 2 times \(header\)/);
    expect(finding?.lines.join(' ')).toMatch(/sends oauth_version 2 times \(header, query\)/);
  });

  it.each([
    ['HMAC-SHA512', 20, /is 20 bytes long: that is HMAC-SHA1/],
    ['HMAC-SHA1', 64, /is 64 bytes long: that is HMAC-SHA512/],
    ['HMAC-SHA256', 256, /is 256 bytes long: that is an RSA signature/],
    ['RSA-SHA256', 32, /is 32 bytes long: that is HMAC-SHA256/],
    ['RSA-SHA512', 64, /is 64 bytes long: that is HMAC-SHA512/],
  ])('%s with a %i-byte signature: the length names the method really used', (method, bytes, line) => {
    const protocol = replace(replace(baseProtocol(), 'oauth_signature_method', method), 'oauth_signature', Buffer.alloc(bytes, 3).toString('base64'));
    const [finding] = checksOf([item(signedExchange({ protocol }))]);
    expect(finding).toMatchObject({ check: 'signature-method-mismatch', cause: 'wrong-signature-method' });
    expect(finding?.lines[0]).toMatch(line);
  });

  it('an HMAC-SHA512 signature of 64 bytes is what it says: no finding', () => {
    const protocol = replace(replace(baseProtocol(), 'oauth_signature_method', 'HMAC-SHA512'), 'oauth_signature', Buffer.alloc(64, 3).toString('base64'));
    expect(checksOf([item(signedExchange({ protocol }))])).toEqual([]);
  });

  it('signature method against the signature length and the key given', () => {
    const sha256 = Buffer.alloc(32, 1).toString('base64');
    const [finding] = checksOf([item(signedExchange({ protocol: replace(baseProtocol(), 'oauth_signature', sha256) }))]);
    expect(finding).toMatchObject({ check: 'signature-method-mismatch', cause: 'wrong-signature-method' });
    expect(finding?.lines[0]).toMatch(/is 32 bytes long: that is HMAC-SHA256/);
    const rsa = replace(replace(baseProtocol(), 'oauth_signature_method', 'RSA-SHA1'), 'oauth_signature', Buffer.alloc(20, 2).toString('base64'));
    expect(checksOf([item(signedExchange({ protocol: rsa }))]).map((f) => f.check)).toEqual(['signature-method-mismatch']);
    // The key given against the methods used is a note about the invocation, not a finding.
    const capture = (exchanges: CapturedExchange[]) => ({ format: 'har' as const, source: 't', exchanges, totalEntries: exchanges.length, notes: [] });
    expect(inspectCapture(capture([signedExchange({ protocol: rsa })]), { lang: 'en', consumerSecret: 's' }).notes[0]).toMatch(/RSA-signed requests but only a consumer secret/);
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const withKey = inspectCapture(capture([signedExchange()]), { lang: 'en', publicKey });
    expect(withKey.notes[0]).toMatch(/signed with HMAC-SHA1: those need --consumer-secret/);
    expect(withKey.findings).toEqual([]);
    expect(checksOf([item(signedExchange({ protocol: replace(baseProtocol(), 'oauth_signature_method', 'HMAC-MD5') }))])[0]).toMatchObject({ check: 'unknown-signature-method', problemCode: 'signature_method_rejected' });
  });

  it('PLAINTEXT over plain http, oauth_version and oauth_timestamp formats', () => {
    const plaintext = replace(replace(baseProtocol(), 'oauth_signature_method', 'PLAINTEXT'), 'oauth_signature', 'cs&');
    expect(checksOf([item(signedExchange({ protocol: plaintext, url: 'http://api.example.com/1/x' }))]).map((f) => f.check)).toEqual(['plaintext-over-http']);
    expect(checksOf([item(signedExchange({ protocol: replace(baseProtocol(), 'oauth_version', '1.0a') }))])[0]).toMatchObject({ check: 'version', problemCode: 'version_rejected', cause: 'wrong-version' });
    expect(checksOf([item(signedExchange({ protocol: replace(baseProtocol(), 'oauth_timestamp', '2024-06-18T10:00:00Z') }))]).map((f) => f.check)).toContain('timestamp-format');
  });
});

describe('timeline', () => {
  const leg = (index: number, method: string, url: string, options: { auth?: [string, string][]; status?: number; body?: string; at?: number; location?: string } = {}): CapturedExchange => ({
    index,
    origin: `entry ${index + 1}`,
    startedAt: options.at ?? 1_700_000_000_000 + index * 1000,
    request: { method, url, headers: options.auth ? [['Authorization', buildAuthorizationHeader(options.auth)]] : [] },
    response: { status: options.status ?? 200, headers: options.location ? [['Location', options.location]] : [], body: options.body ?? '' },
  });
  const sig: [string, string] = ['oauth_signature', 'x'];

  it('ties legs together by token and names what happened', () => {
    const exchanges = [
      leg(0, 'POST', 'https://api.example.com/oauth/request_token', { auth: [['oauth_callback', 'oob'], sig], body: 'oauth_token=RT1&oauth_token_secret=S1&oauth_callback_confirmed=true' }),
      leg(1, 'GET', 'https://api.example.com/oauth/authorize?oauth_token=RT1'),
      leg(2, 'POST', 'https://api.example.com/oauth/access_token', { auth: [['oauth_token', 'RT1'], ['oauth_verifier', 'V'], sig], body: 'oauth_token=AT1&oauth_token_secret=S2' }),
      leg(3, 'GET', 'https://api.example.com/1/me', { auth: [['oauth_token', 'AT1'], sig] }),
      leg(4, 'GET', 'https://api.example.com/oauth/authorize?oauth_token=RT1', { status: 401 }),
      leg(5, 'GET', 'https://api.example.com/oauth/authorize?oauth_token=AT1', { status: 401 }),
      leg(6, 'GET', 'https://api.example.com/1/me', { auth: [['oauth_token', 'OTHER'], sig] }),
    ].map(item);
    const flows = buildFlows(exchanges);
    expect(flows.map((f) => f.exchanges.length)).toEqual([6, 1]);
    expect(flows[0]?.events.map((e) => e.kind)).toEqual(['issued', 'presented', 'exchanged', 'resource', 'presented-after-exchange', 'wrong-token-kind']);
    expect(flows[0]?.events[4]).toMatchObject({ sinceMs: 2000, refersTo: 2 });
    expect(flows[1]).toMatchObject({ startedInCapture: false, accessToken: 'OTHER' });
    // (These bare legs also lack most protocol parameters; only the token checks matter here.)
    const findings = checksOf(exchanges).filter((f) => f.check.startsWith('token-'));
    expect(findings.map((f) => [f.check, f.exchange.exchange.origin])).toEqual([
      ['token-reuse', 'entry 5'],
      ['token-type-confusion', 'entry 6'],
    ]);
  });
});

describe('a tolerated reload', () => {
  it('an authorize page shown twice, then a good exchange: no finding of its own', () => {
    const at = (i: number) => 1_700_000_000_000 + i * 1000;
    const exchanges: CapturedExchange[] = [
      { index: 0, origin: 'entry 1', startedAt: at(0), request: { method: 'GET', url: 'https://api.example.com/oauth/authorize?oauth_token=RT', headers: [] }, response: { status: 200, headers: [], body: '<form>' } },
      { index: 1, origin: 'entry 2', startedAt: at(1), request: { method: 'GET', url: 'https://api.example.com/oauth/authorize?oauth_token=RT', headers: [] }, response: { status: 200, headers: [], body: '<form>' } },
    ];
    const report = inspectCapture({ format: 'har', source: 't', exchanges, totalEntries: 2, notes: [] }, { lang: 'en' });
    expect(report.flows[0]?.events.map((e) => e.kind)).toEqual(['presented', 'presented-again']);
    expect(report.findings).toEqual([]);
  });
});

describe('base string diff', () => {
  it('finds the first difference and the differing run', () => {
    expect(firstDifference('abc', 'abc')).toBe(-1);
    expect(firstDifference('abc', 'abd')).toBe(2);
    expect(firstDifference('ab', 'abc')).toBe(2);
    const ours = 'POST&https%3A%2F%2Fa.example%2Fx&b';
    const diff = diffBaseStrings(ours, 'POST&https%3A%2F%2Fa.example%3A443%2Fx&b');
    // Both continue with '%' after the host; the first character that differs is the '2' of %2F vs the '3' of %3A.
    expect(diff?.index).toBe(ours.indexOf('%2Fx') + 1);
    const windows = diffWindows(diff as NonNullable<typeof diff>, 10);
    expect(windows.ours).toEqual({ before: '…a.example%', changed: '', after: '2Fx&b' });
    expect(windows.theirs).toEqual({ before: windows.ours.before, changed: '3A443%', after: '2Fx&b' });
  });
});

describe('properties (fast-check)', () => {
  const param = fc.tuple(fc.constantFrom('a', 'b', 'A', 'c@', 'oauth_x', 'ü', 'x y'), fc.string({ maxLength: 6 }));
  it("inspect's RFC base string equals the signing core's for any request", () => {
    fc.assert(
      fc.property(fc.constantFrom('GET', 'post', 'PUT'), fc.constantFrom('https://api.example.com', 'http://EXAMPLE.com:80', 'https://a.example:8443', 'http://[::1]:8080'), fc.constantFrom('/', '/r%20v/X', '/1/x'), fc.array(param, { maxLength: 4 }), fc.option(fc.array(param, { maxLength: 3 })), (method, origin, path, query, body) => {
        const url = new URL(`${origin}${path}`);
        for (const [n, v] of query) url.searchParams.append(n, v);
        const form = body ? new URLSearchParams(body).toString() : undefined;
        const signed = signRequest({ ...signInput({ url: url.href, method }), body: form === undefined ? undefined : { contentType: 'application/x-www-form-urlencoded', content: form } });
        const captured = exchange({ method, url: url.href, authorization: signed.authorization, body: form === undefined ? undefined : { contentType: 'application/x-www-form-urlencoded', content: form } });
        expect(baseStringOf(rfcRecipe(viewRequest(captured), {}))).toBe(signed.baseString);
      }),
      { numRuns: propertyRuns(1000), seed: 5849 },
    );
  });

  it('inspecting any parsed capture never throws', () => {
    const header = fc.tuple(fc.constantFrom('Authorization', 'Date', 'Host', 'Content-Type', 'Location', 'WWW-Authenticate'), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('OAuth oauth_token="a", oauth_signature="b", oauth_signature_method="RSA-SHA1"', 'OAuth oauth_nonce=x,,', 'Tue, 18 Jun 2024 10:00:00 GMT', 'application/json', 'application/x-www-form-urlencoded')));
    const captured = fc.record({
      method: fc.constantFrom('GET', 'POST', 'get'),
      url: fc.constantFrom('https://api.example.com/oauth/request_token', 'https://api.example.com/oauth/authorize?oauth_token=t', 'https://app.example/cb?oauth_token=t&oauth_verifier=v', 'https://api.example.com/1/x?oauth_signature=a+b&oauth_token=t'),
      headers: fc.array(header, { maxLength: 4 }),
      body: fc.option(fc.string({ maxLength: 30 })),
      status: fc.option(fc.constantFrom(200, 302, 401, 500)),
      responseBody: fc.string({ maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(captured, { maxLength: 5 }), fc.option(fc.string({ maxLength: 8 })), (list, secret) => {
        const exchanges: CapturedExchange[] = list.map((c, index) => ({
          index,
          origin: `entry ${index + 1}`,
          request: { method: c.method, url: c.url, headers: c.headers, body: c.body === null ? undefined : { contentType: 'application/x-www-form-urlencoded', text: c.body } },
          response: c.status === null ? undefined : { status: c.status, headers: c.headers, body: c.responseBody },
        }));
        try {
          inspectCapture({ format: 'har', source: 'p', exchanges, totalEntries: exchanges.length, notes: [] }, { lang: 'ja', consumerSecret: secret ?? undefined });
        } catch (error) {
          if (!isDoctorError(error)) throw error;
        }
      }),
      { numRuns: propertyRuns(1000), seed: 6 },
    );
  });
});
