import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';
import { judge } from '../../src/commands/demo/run.js';
import { judgeOAuth2 } from '../../src/commands/demo/oauth2-run.js';
import { OAUTH2_SCENARIOS } from '../../src/commands/demo/oauth2-scenarios.js';
import { ENGINE_REASONS } from '../../src/commands/demo/oauth2-truth.js';
import { SCENARIOS } from '../../src/commands/demo/scenarios.js';
import type { OAuth2Outcome } from '../../src/flow/oauth2/types.js';
import type { FlowOutcome } from '../../src/flow/types.js';
import type { Diagnosis } from '../../src/diagnose/types.js';

const ALL = SCENARIOS.length + OAUTH2_SCENARIOS.length;

interface DemoReport {
  ok: boolean;
  protocols: string[];
  scenarios: {
    protocol: string;
    id: string;
    ok: boolean;
    mismatch?: string;
    diagnosis?: { problem: { code: string }; causes: { id: string; likelihood: string }[] };
    groundTruth?: { event: string; detail?: string; error?: string; cause?: string };
    steps: { name: string; error?: { code: string; kind?: string } }[];
  }[];
}

describe('oauth-doctor demo', () => {
  it('the built CLI, as the README\'s first command runs it: both protocols, every failure diagnosed as expected → exit 0', async () => {
    const started = Date.now();
    const result = await runBin(['demo']);
    const seconds = (Date.now() - started) / 1000;
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ access granted: signed in as oauth_doctor_demo');
    expect(result.stdout).toContain('✓ tokens issued, used, refreshed and revoked');
    for (const scenario of [...SCENARIOS, ...OAUTH2_SCENARIOS]) expect(result.stdout).toContain(scenario.title.en);
    expect(result.stdout.match(/✓ diagnosed as expected/g)).toHaveLength(ALL);
    expect(result.stdout).toContain(`${ALL} of ${ALL} failures diagnosed as expected`);
    // Fast: 2 to 3 s on an idle machine; the bound allows for a loaded one.
    expect(seconds).toBeLessThan(60);
  }, 90_000);

  it('OAuth 2.0 (--protocol oauth2 --json, the built CLI): each scenario refused at its step, the cause ranked first is the one the engine\'s own reason names', async () => {
    const result = await runBin(['demo', '--protocol', 'oauth2', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as DemoReport;
    expect(report.ok).toBe(true);
    expect(report.protocols).toEqual(['oauth2']);
    expect(report.scenarios.map((s) => s.id)).toEqual(['oauth2-whole-flow', ...OAUTH2_SCENARIOS.map((s) => s.id)]);
    const expected: Record<string, [string, string, string]> = {
      'reused-code': ['oauth2:invalid_grant', 'reuse', 'authorization code already consumed'],
      'expired-code': ['oauth2:invalid_grant', 'expiry', 'authorization code is expired'],
      'redirect-mismatch': ['oauth2:invalid_grant', 'redirect-mismatch', 'authorization code redirect_uri mismatch'],
      'lost-verifier': ['oauth2:invalid_grant', 'pkce-verifier-mismatch', 'PKCE verification failed'],
      'replayed-refresh-token': ['oauth2:invalid_grant', 'reuse', 'refresh token already used'],
      'skewed-assertion': ['oauth2:invalid_client', 'clock-skew', 'jwt expired'],
      'consent-denied': ['oauth2:access_denied', 'user-denied', 'access_denied'],
      'device-slow-down': ['oauth2:slow_down', 'rate-limited', 'slow_down'],
    };
    for (const scenario of report.scenarios.slice(1)) {
      const want = expected[scenario.id];
      expect(want, scenario.id).toBeDefined();
      expect(scenario.ok, `${scenario.id}: ${scenario.mismatch ?? ''}`).toBe(true);
      expect(scenario.diagnosis?.problem.code, scenario.id).toBe(want?.[0]);
      expect(scenario.diagnosis?.causes[0]?.id, scenario.id).toBe(want?.[1]);
      // The engine's detail, or for a refusal it names by its code alone (access_denied, slow_down), the code.
      expect([scenario.groundTruth?.detail, scenario.groundTruth?.error], scenario.id).toContain(want?.[2]);
      expect(scenario.groundTruth?.cause, scenario.id).toBe(want?.[1]);
    }
    // Secrets masked in the report: no access token, code or client secret in full.
    expect(result.stdout).not.toMatch(/"access_token":"[A-Za-z0-9_-]{20,}"/);
    expect(result.stdout).not.toMatch(/"authorization":"Basic [A-Za-z0-9+/=]{20,}"/);
  }, 90_000);

  it('covers the seven failures the issue names', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(['reused-request-token', 'expired-request-token', 'revoked-access-token', 'wrong-consumer-secret', 'clock-off', 'wrong-verifier', 'x-request-token-invalid']);
  });

  it('--protocol oauth1 --json: one document, a verdict, the steps and the diagnosis per scenario', async () => {
    const result = await runCli(['demo', '--protocol', 'oauth1', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as DemoReport;
    expect(report.ok).toBe(true);
    expect(report.scenarios).toHaveLength(SCENARIOS.length + 1);
    expect(new Set(report.scenarios.map((s) => s.protocol))).toEqual(new Set(['oauth1']));
    // Issue 13: the failed step is coded with the problem the diagnosis explains (token_used, …), not a generic `refused`.
    for (const scenario of report.scenarios.slice(1)) expect(scenario.steps.at(-1)?.error?.code, scenario.id).toBe(scenario.diagnosis?.problem.code);
    expect(report.scenarios.find((s) => s.id === 'reused-request-token')?.steps.at(-1)?.error).toMatchObject({ code: 'token_used', kind: 'refused' });
    const clock = report.scenarios.find((s) => s.id === 'clock-off');
    expect(clock?.diagnosis?.problem.code).toBe('timestamp_refused');
    expect(clock?.diagnosis?.causes[0]?.id).toBe('clock-skew');
    expect(result.stderr).toContain('oauth-doctor demo');
  });

  it('--only runs one scenario; --lang ja explains in Japanese', async () => {
    const result = await runCli(['demo', '--only', 'expired-request-token', '--lang', 'ja']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('リクエスト・トークンの期限切れ');
    expect(result.stdout).toContain('失敗 1 件中 1 件を想定どおりに診断');
    expect(result.stdout).toContain('expiry — トークンの有効期限切れ');
  });

  it('--only picks its protocol (an OAuth 2.0 scenario runs the OAuth 2.0 part only)', async () => {
    const result = await runCli(['demo', '--only', 'consent-denied']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Consent denied');
    expect(result.stdout).toContain('1 of 1 failures diagnosed as expected');
    expect(result.stdout).not.toContain('Request token');
  }, 60_000);

  it('an unknown --only or --protocol is a usage error, exit 2', async () => {
    const result = await runCli(['demo', '--only', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--only "nope" is not a scenario');
    const wrongPart = await runCli(['demo', '--protocol', 'oauth1', '--only', 'reused-code']);
    expect(wrongPart.code).toBe(2);
    const protocol = await runCli(['demo', '--protocol', 'oauth3']);
    expect(protocol.code).toBe(2);
    expect(protocol.stderr).toContain('--protocol "oauth3" is not known');
  });

  it('covers the OAuth 2.0 failures the issue names, each with a row of the ground-truth table', () => {
    expect(OAUTH2_SCENARIOS.map((s) => s.id)).toEqual(['reused-code', 'expired-code', 'redirect-mismatch', 'lost-verifier', 'replayed-refresh-token', 'skewed-assertion', 'consent-denied', 'device-slow-down']);
    for (const scenario of OAUTH2_SCENARIOS) expect(ENGINE_REASONS.some((r) => r.cause === scenario.expect.cause), scenario.id).toBe(true);
  });
});

describe('the demo’s verdict', () => {
  const failed = { ok: false, steps: [], failure: { leg: 'access_token', kind: 'refused', message: 'refused' } } as unknown as FlowOutcome;
  const diagnosis = (code: string, cause: string, likelihood = 'certain') => ({ problem: { code }, causes: [{ id: cause, likelihood }] }) as unknown as Diagnosis;
  const expected = { leg: 'access_token' as const, problems: ['token_used'], cause: 'reuse' as const };

  it('passes only the expected leg, problem and leading cause', () => {
    expect(judge(failed, diagnosis('token_used', 'reuse'), expected).ok).toBe(true);
    expect(judge(failed, diagnosis('token_expired', 'reuse'), expected).mismatch).toContain('read token_expired');
    expect(judge(failed, diagnosis('token_used', 'expiry'), expected).mismatch).toContain('ranked expiry first');
    expect(judge(failed, diagnosis('token_used', 'reuse', 'possible'), expected).mismatch).toContain('only possible');
    expect(judge({ ...failed, failure: { leg: 'resource', kind: 'refused', message: 'x' } } as unknown as FlowOutcome, diagnosis('token_used', 'reuse'), expected).mismatch).toContain('resource');
    expect(judge({ ok: true, steps: [] }, undefined, expected).ok).toBe(false);
  });
});

describe('the OAuth 2.0 verdict', () => {
  const failed = { ok: false, steps: [], failure: { step: 'token', refusal: { error: 'invalid_grant' } }, evidence: {} } as unknown as OAuth2Outcome;
  const diagnosis = (code: string, cause: string, likelihood = 'certain') => ({ problem: { code }, causes: [{ id: cause, likelihood }] }) as unknown as Diagnosis;
  const expected = { step: 'token' as const, problems: ['oauth2:invalid_grant'], cause: 'reuse' as const };
  const truth = (detail: string) => ({ at: 0, event: 'grant.error' as const, step: 'token', error: 'invalid_grant', detail });

  it('passes only the expected step, problem and cause — and only when the engine\'s own reason names that cause', () => {
    expect(judgeOAuth2(failed, diagnosis('oauth2:invalid_grant', 'reuse'), expected, truth('authorization code already consumed')).ok).toBe(true);
    expect(judgeOAuth2(failed, diagnosis('oauth2:invalid_grant', 'reuse'), expected, truth('authorization code is expired')).mismatch).toContain('means expiry');
    expect(judgeOAuth2(failed, diagnosis('oauth2:invalid_grant', 'reuse'), expected, truth('something new')).mismatch).toContain('not one the demo can score');
    expect(judgeOAuth2(failed, diagnosis('oauth2:invalid_grant', 'reuse'), expected, undefined).mismatch).toContain('none recorded');
    expect(judgeOAuth2(failed, diagnosis('oauth2:invalid_grant', 'expiry'), expected, truth('authorization code already consumed')).mismatch).toContain('ranked expiry first');
    expect(judgeOAuth2(failed, diagnosis('oauth2:invalid_client', 'reuse'), expected, truth('authorization code already consumed')).mismatch).toContain('read oauth2:invalid_client');
    expect(judgeOAuth2(failed, diagnosis('oauth2:invalid_grant', 'reuse', 'possible'), expected, truth('authorization code already consumed')).mismatch).toContain('only possible');
    expect(judgeOAuth2({ ...failed, failure: { step: 'refresh', refusal: { error: 'invalid_grant' } } } as OAuth2Outcome, diagnosis('oauth2:invalid_grant', 'reuse'), expected, truth('authorization code already consumed')).mismatch).toContain('refresh step');
    expect(judgeOAuth2({ ...failed, ok: true, failure: undefined }, undefined, expected, undefined).ok).toBe(false);
  });
});
