import { describe, expect, it } from 'vitest';
import { parseHar } from '../../src/capture/har/index.js';
import { parseRawHttp } from '../../src/capture/raw-http.js';
import { inspectOAuth2, type OAuth2InspectReport } from '../../src/inspect/oauth2/inspect-oauth2.js';
import { GRANT_INVALID, REDIRECT, T0, VERIFIER, authorize, callback, har, refresh, token, type Entry } from './captures.js';

function run(entries: readonly Entry[]): OAuth2InspectReport {
  const report = inspectOAuth2(parseHar(har(entries), { source: 'test.har' }), { lang: 'en' });
  if (!report) throw new Error('no OAuth 2 steps read');
  return report;
}

const CODE = 'SplxlOBeZQQYbYS6WxSbIA-canary';

describe('inspect: OAuth 2.0 captures (issue 18 item 7)', () => {
  it('a clean code flow: three steps on one timeline, no finding', () => {
    const report = run([authorize(T0), callback(T0 + 2000, CODE), token(T0 + 3000, CODE, true)]);
    expect(report.steps.map((s) => s.kind)).toEqual(['authorize', 'callback', 'token']);
    expect(report.steps.every((s) => s.session === 1)).toBe(true);
    expect(report.findings).toEqual([]);
  });

  it('an authorization code exchanged twice: found on the second exchange, pointing at the first, reuse certain', () => {
    const report = run([authorize(T0), callback(T0 + 2000, CODE), token(T0 + 3000, CODE, true), token(T0 + 4000, CODE, false)]);
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding?.check).toBe('code-reused');
    expect(finding?.step).toBe(3);
    expect(finding?.related[0]).toBe(2);
    expect(finding?.diagnosis.causes[0]).toMatchObject({ id: 'reuse', likelihood: 'certain' });
  });

  it('a code exchanged twice is found even when the server accepted the second (no detection there)', () => {
    const report = run([authorize(T0), callback(T0 + 2000, CODE), token(T0 + 3000, CODE, true), token(T0 + 4000, CODE, true)]);
    expect(report.findings.map((f) => f.check)).toEqual(['code-reused']);
  });

  it('a rotated refresh token replayed: found, reuse certain; the newest token refused next is the family revoked', () => {
    const report = run([
      authorize(T0),
      callback(T0 + 2000, CODE),
      token(T0 + 3000, CODE, true),
      refresh(T0 + 10_000, 'RT-canary-1', 'RT-canary-2'),
      refresh(T0 + 11_000, 'RT-canary-1', undefined),
      refresh(T0 + 12_000, 'RT-canary-2', undefined),
    ]);
    expect(report.findings.map((f) => [f.check, f.step, f.diagnosis.causes[0]?.id])).toEqual([
      ['refresh-replayed', 4, 'reuse'],
      ['refresh-family-revoked', 5, 'refresh-family-revoked'],
    ]);
    expect(report.findings[0]?.related).toEqual([3]);
  });

  it('redirect_uri different between the legs', () => {
    const report = run([authorize(T0), callback(T0 + 2000, CODE), token(T0 + 3000, CODE, false, { redirect_uri: 'http://localhost:53682/callback' })]);
    expect(report.findings.map((f) => f.check)).toEqual(['redirect-differs']);
    expect(report.findings[0]?.diagnosis.causes[0]).toMatchObject({ id: 'redirect-mismatch', likelihood: 'certain' });
    expect(report.findings[0]?.diagnosis.causes[0]?.evidence.join(' ')).toContain('http://localhost:53682/callback');
  });

  it('a verifier that does not match the challenge', () => {
    const wrong = run([authorize(T0), callback(T0 + 2000, CODE), token(T0 + 3000, CODE, false, { code_verifier: 'x'.repeat(43) })]);
    expect(wrong.findings.map((f) => [f.check, f.diagnosis.causes[0]?.id])).toEqual([['verifier-mismatch', 'pkce-verifier-mismatch']]);
  });

  it('state different on the callback: found on the callback, pointing at the authorize leg', () => {
    const report = run([authorize(T0, 'st-1'), callback(T0 + 2000, CODE, 'st-other'), token(T0 + 3000, CODE, true)]);
    expect(report.findings.map((f) => [f.check, f.step, f.related])).toEqual([['state-differs', 1, [0]]]);
    expect(report.findings[0]?.diagnosis.problem.code).toBe('flow:state-mismatch');
    expect(report.findings[0]?.diagnosis.causes[0]).toMatchObject({ id: 'state-mismatch', likelihood: 'certain' });
  });

  it('the callback seen as the provider\'s redirect (Location) ties the code to its authorization', () => {
    const auth = { ...authorize(T0), location: `${REDIRECT}?code=${CODE}&state=st-other` };
    const report = run([auth, token(T0 + 3000, CODE, true)]);
    expect(report.steps.map((s) => s.kind)).toEqual(['authorize', 'callback', 'token']);
    expect(report.findings.map((f) => f.check)).toEqual(['state-differs']);
  });

  it('a refusal no check explains is still diagnosed (provider-refused)', () => {
    const report = run([authorize(T0), callback(T0 + 2000, CODE), token(T0 + 3000, CODE, false)]);
    expect(report.findings.map((f) => f.check)).toEqual(['provider-refused']);
    const ids = report.findings[0]?.diagnosis.causes.filter((c) => c.likelihood === 'unlikely').map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['reuse', 'redirect-mismatch', 'pkce-verifier-mismatch']));
  });

  it('collects every code, verifier and token to mask', () => {
    const report = run([authorize(T0), callback(T0 + 2000, CODE), token(T0 + 3000, CODE, true), refresh(T0 + 10_000, 'RT-canary-1', 'RT-canary-2')]);
    expect(report.secrets).toEqual(expect.arrayContaining([CODE, VERIFIER, 'AT-canary-1', 'RT-canary-1', 'RT-canary-2']));
    const printed = JSON.stringify(report.findings.map((f) => f.diagnosis));
    for (const secret of report.secrets) expect(printed).not.toContain(secret);
  });

  it('reads raw HTTP too', () => {
    const body = `grant_type=authorization_code&code=${CODE}&redirect_uri=${encodeURIComponent(REDIRECT)}&client_id=demo`;
    const raw = [`POST /token HTTP/1.1`, 'Host: 127.0.0.1:9000', 'Content-Type: application/x-www-form-urlencoded', `Content-Length: ${body.length}`, '', body, 'HTTP/1.1 400 Bad Request', 'Content-Type: application/json', `Content-Length: ${GRANT_INVALID.length}`, '', GRANT_INVALID, ''].join('\r\n');
    const report = inspectOAuth2(parseRawHttp(raw, { source: 'x.http' }), { lang: 'en' });
    expect(report?.steps.map((s) => s.kind)).toEqual(['token']);
    expect(report?.findings[0]?.diagnosis.problem.code).toBe('oauth2:invalid_grant');
  });

  it('nothing OAuth 2 in the capture: no report', () => {
    expect(inspectOAuth2(parseHar(har([{ at: T0, method: 'GET', url: 'http://127.0.0.1/oauth/x', status: 200 }]), { source: 't' }), { lang: 'en' })).toBeUndefined();
  });
});
