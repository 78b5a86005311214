import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../src/capture/index.js';
import type { CauseId, Likelihood } from '../../src/diagnose/types.js';
import { inspectCapture, type InspectReport } from '../../src/inspect/inspect.js';
import { generateCaptures, SCENARIO_NAMES, type GeneratedCaptures } from '../fixtures/captures/generate.js';

/**
 * Every failure kind, captured from real requests to the embedded provider
 * (test/fixtures/captures/generate.ts), must be diagnosed as what it is.
 */

let dir: string;
let generated: GeneratedCaptures;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-doctor-captures-'));
  generated = await generateCaptures(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inspect(name: string, options: { kind?: 'har' | 'http' | 'curl'; secret?: boolean; tokenSecret?: string } = {}): Promise<InspectReport> {
  const scenario = generated.scenarios[name];
  if (!scenario) throw new Error(`no scenario ${name}`);
  const file = scenario.files[options.kind ?? 'har'];
  if (!file) throw new Error(`scenario ${name} has no ${options.kind} file`);
  const capture = await readCapture(await readFile(file), { source: file, format: options.kind ?? 'har', scheme: 'http' });
  return inspectCapture(capture, { lang: 'en', consumerSecret: options.secret === false ? undefined : scenario.consumerSecret, tokenSecret: options.tokenSecret });
}

function cause(report: InspectReport, index: number, id: CauseId): Likelihood | undefined {
  return report.findings[index]?.diagnosis.causes.find((c) => c.id === id)?.likelihood;
}

function topCause(report: InspectReport, index = 0): CauseId | undefined {
  return report.findings[index]?.diagnosis.causes[0]?.id;
}

describe('generated captures', () => {
  it('generates every scenario', () => {
    expect(Object.keys(generated.scenarios).sort()).toEqual([...SCENARIO_NAMES].sort());
  });

  it('happy: a whole flow, every signature right, nothing found', async () => {
    const report = await inspect('happy');
    expect(report.capture.totalEntries).toBe(7);
    expect(report.exchanges.map((e) => e.item.leg)).toEqual(['request_token', 'authorize', 'authorize', 'callback', 'access_token', 'resource']);
    expect(report.flows).toHaveLength(1);
    expect(report.flows[0]?.events.map((e) => e.kind)).toEqual(['issued', 'presented', 'decided', 'returned', 'exchanged', 'resource']);
    expect(report.exchanges.filter((e) => e.signatureCheck).map((e) => e.signatureCheck?.status)).toEqual(['match', 'match', 'match']);
    expect(report.findings).toEqual([]);
  });

  it('reuse-authorize: the authorize page after the exchange → token_used, reuse certain', async () => {
    const report = await inspect('reuse-authorize');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ kind: 'provider-refused', item: { leg: 'authorize' } });
    expect(report.findings[0]?.diagnosis.problem.code).toBe('token_used');
    expect(cause(report, 0, 'reuse')).toBe('certain');
    expect(report.flows[0]?.events.at(-1)?.kind).toBe('presented-after-exchange');
  });

  it('reuse-exchange: the request token exchanged twice → reuse certain', async () => {
    const report = await inspect('reuse-exchange');
    expect(report.findings[0]?.diagnosis.problem.code).toBe('token_used');
    expect(report.findings[0]?.item.leg).toBe('access_token');
    expect(cause(report, 0, 'reuse')).toBe('certain');
    expect(report.flows[0]?.events.at(-1)?.kind).toBe('exchanged-again');
  });

  it('expired: token_expired on the access-token leg', async () => {
    const report = await inspect('expired');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.diagnosis.problem.code).toBe('token_expired');
    expect(report.findings[0]?.item.leg).toBe('access_token');
    expect(cause(report, 0, 'expiry')).toBeDefined();
  });

  it('clock-skew: timestamp_refused, the clock 600 s behind the Date header', async () => {
    for (const kind of ['har', 'http'] as const) {
      const report = await inspect('clock-skew', { kind });
      expect(report.findings).toHaveLength(1);
      expect(report.findings[0]?.diagnosis.problem.code).toBe('timestamp_refused');
      expect(topCause(report)).toBe('clock-skew');
      expect(cause(report, 0, 'clock-skew')).toBe('certain');
      expect(report.findings[0]?.diagnosis.causes[0]?.evidence.join(' ')).toMatch(/is (599|600|601) s behind the server's Date header/);
    }
  });

  it('clock-skew-accepted: the provider let it pass, the offline check still finds it', async () => {
    const report = await inspect('clock-skew-accepted');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ kind: 'check', check: 'clock-skew' });
    expect(cause(report, 0, 'clock-skew')).toBe('certain');
  });

  it('nonce-reuse: nonce_used on the second call, nonce-reuse certain', async () => {
    const report = await inspect('nonce-reuse');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.diagnosis.problem.code).toBe('nonce_used');
    expect(cause(report, 0, 'nonce-reuse')).toBe('certain');
  });

  it('wrong-secret: signature_invalid; no variant reproduces it; wrong-secret ranks first', async () => {
    for (const kind of ['har', 'http'] as const) {
      const report = await inspect('wrong-secret', { kind });
      expect(report.findings[0]?.diagnosis.problem.code).toBe('signature_invalid');
      expect(report.findings[0]?.signatureCheck).toMatchObject({ status: 'no-match', matches: false, variant: null });
      expect(topCause(report)).toBe('wrong-secret');
    }
  });

  it('wrong-secret as a curl line (no response): a signature-mismatch finding', async () => {
    const report = await inspect('wrong-secret', { kind: 'curl' });
    expect(report.exchanges).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ kind: 'check', check: 'signature-mismatch' });
    expect(report.findings[0]?.signatureCheck?.status).toBe('no-match');
  });

  it('revoked: token_revoked on the API call', async () => {
    const report = await inspect('revoked');
    expect(report.findings[0]?.diagnosis.problem.code).toBe('token_revoked');
    expect(topCause(report)).toBe('revocation');
  });

  it('wrong-verifier: verifier_invalid', async () => {
    const report = await inspect('wrong-verifier');
    expect(report.findings[0]?.diagnosis.problem.code).toBe('verifier_invalid');
    expect(topCause(report)).toBe('verifier-mismatch');
  });

  it('missing-callback: parameter_absent, and the offline check agrees (merged, not repeated)', async () => {
    const report = await inspect('missing-callback');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.diagnosis.problem.code).toBe('parameter_absent');
    expect(cause(report, 0, 'missing-parameter')).toBe('certain');
    expect(report.findings[0]?.diagnosis.causes[0]?.evidence.join(' ')).toContain('lacks oauth_callback');
  });

  it('x-request-token-invalid: the X page on a reload is read and ranked as reuse', async () => {
    const report = await inspect('x-request-token-invalid');
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]?.diagnosis.problem.source).toBe('html-page');
    expect(report.findings[0]?.diagnosis.problem.provider).toBe('x');
    expect(topCause(report)).toBe('reuse');
    expect(report.flows[0]?.events.at(-1)?.kind).toBe('presented-again');
  });

  it('token-type-confusion: an API call with the request token', async () => {
    const report = await inspect('token-type-confusion');
    expect(report.findings[0]?.diagnosis.problem.code).toBe('token_rejected');
    expect(cause(report, 0, 'token-type-confusion')).toBe('certain');
    expect(report.flows[0]?.events.at(-1)?.kind).toBe('wrong-token-kind');
  });

  const variants: [string, string][] = [
    ['variant-query-omitted', 'query-omitted'],
    ['variant-plus-as-literal', 'plus-as-literal'],
    ['variant-json-body-as-form', 'json-body-as-form'],
    ['variant-version-mismatch', 'version-mismatch'],
    ['variant-key-without-ampersand', 'key-without-ampersand'],
    ['variant-realm-included', 'realm-included'],
    ['variant-other-token-secret', 'other-token-secret'],
  ];
  for (const [name, variant] of variants) {
    it(`${name}: the provider says signature_invalid, inspect names ${variant}`, async () => {
      const report = await inspect(name);
      const finding = report.findings.find((f) => f.diagnosis.problem.code === 'signature_invalid');
      expect(finding?.signatureCheck).toMatchObject({ status: 'variant', matches: false, variant });
      expect(finding?.diagnosis.causes[0]?.likelihood).toBe('certain');
    });
  }

  it('variant-query-omitted also as raw HTTP, and as a curl line with --token-secret', async () => {
    // The raw HTTP file holds the whole recorded flow, so the token secret is found in it as in the HAR.
    const http = await inspect('variant-query-omitted', { kind: 'http' });
    expect(http.exchanges.map((e) => e.item.leg)).toEqual(['request_token', 'authorize', 'authorize', 'callback', 'access_token', 'resource']);
    expect(http.findings.at(-1)?.signatureCheck).toMatchObject({ status: 'variant', variant: 'query-omitted', tokenSecretFrom: 'capture' });
    const curl = await inspect('variant-query-omitted', { kind: 'curl', tokenSecret: 'toksecret' });
    expect(curl.findings[0]?.signatureCheck).toMatchObject({ status: 'variant', variant: 'query-omitted' });
  });

  it('variant-oauth-1.0a-library: signed by oauth-1.0a 2.2.6, explained by its "+" quirk', async () => {
    const report = await inspect('variant-oauth-1.0a-library');
    const check = report.findings[0]?.signatureCheck;
    expect(check?.variant).toBe('plus-as-literal');
    expect(check?.equivalents).toContain('oauth-1.0a-library');
  });

  it('jira-echo: the server echoed its base string; without any secret it is compared directly', async () => {
    const report = await inspect('jira-echo', { secret: false });
    const check = report.findings[0]?.signatureCheck;
    expect(check?.status).toBe('unchecked');
    expect(check?.server).toMatchObject({ matchesOurs: true });
    const withSecret = await inspect('jira-echo');
    expect(withSecret.findings[0]?.signatureCheck).toMatchObject({ status: 'variant', variant: 'query-omitted', server: { matchesOurs: true } });
  });
});
