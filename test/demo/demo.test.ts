import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { judge } from '../../src/commands/demo/run.js';
import { SCENARIOS } from '../../src/commands/demo/scenarios.js';
import type { FlowOutcome } from '../../src/flow/engine.js';
import type { Diagnosis } from '../../src/diagnose/types.js';

describe('oauth-doctor demo', () => {
  it('runs the whole flow and diagnoses every classic failure as expected → exit 0', async () => {
    const result = await runCli(['demo']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ access granted: signed in as oauth_doctor_demo');
    for (const scenario of SCENARIOS) expect(result.stdout).toContain(scenario.title.en);
    expect(result.stdout.match(/✓ diagnosed as expected/g)).toHaveLength(SCENARIOS.length);
    expect(result.stdout).toContain(`${SCENARIOS.length} of ${SCENARIOS.length} failures diagnosed as expected`);
  });

  it('covers the seven failures the issue names', () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual(['reused-request-token', 'expired-request-token', 'revoked-access-token', 'wrong-consumer-secret', 'clock-off', 'wrong-verifier', 'x-request-token-invalid']);
  });

  it('--json: one document, a verdict, the steps and the diagnosis per scenario', async () => {
    const result = await runCli(['demo', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; scenarios: { id: string; ok: boolean; diagnosis?: { problem: { code: string }; causes: { id: string }[] }; steps: { error?: { code: string; kind: string } }[] }[] };
    expect(report.ok).toBe(true);
    expect(report.scenarios).toHaveLength(SCENARIOS.length + 1);
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

  it('an unknown --only is a usage error, exit 2', async () => {
    const result = await runCli(['demo', '--only', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--only "nope" is not a scenario');
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
