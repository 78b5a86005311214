// A new user's device grant nobody approves: `flow --grant device --wait-timeout 3s` against `serve --oauth2` (a person
// must enter the code, so polling gets authorization_pending). The wait bounds the polling; it ends as a timeout, exit 4
// (README, Exit codes), with the report still printed. Before this, it polled on to the code's expires_in (10 minutes).
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { serveOAuth2, type ServeProcess } from '../provider-oauth2/serve-process.js';

const started: ServeProcess[] = [];
afterAll(async () => {
  for (const serve of started.splice(0)) await serve.stop();
});

describe('flow --grant device --wait-timeout', () => {
  it('stops polling at the wait, exit 4 with a typed error (device-wait-timeout), polls at the interval only', async () => {
    const serve = await serveOAuth2(['--device-interval', '1s', '--show-secrets']);
    started.push(serve);
    const client = serve.line.clients[0];
    const began = Date.now();
    const result = await runBin(['flow', '--issuer', serve.line.issuer, '--client-id', client?.clientId ?? '', '--grant', 'device', '--scope', 'openid', '--wait-timeout', '3s', '--json'], {
      env: { OAUTH2_CLIENT_SECRET: client?.secret ?? '', OAUTH_DOCTOR_LEDGER: 'off' },
      timeoutMs: 30_000,
    });
    const elapsed = Date.now() - began;
    expect(result.code, result.stderr).toBe(4);
    // 3 s of waiting and a start-up; far below the code's 10-minute life.
    expect(elapsed).toBeLessThan(15_000);
    const report = JSON.parse(result.stdout) as { ok: boolean; error: { code: string; class: string; exitCode: number }; steps: { name: string; error?: { code: string } }[] };
    expect(report.ok).toBe(false);
    expect(report.error).toMatchObject({ code: 'device-wait-timeout', class: 'timeout', exitCode: 4 });
    const polls = report.steps.filter((s) => s.name === 'device-token' && s.error === undefined);
    // Polls 1 s apart inside 3 s: at most three, never a slow_down.
    expect(polls.length).toBeGreaterThanOrEqual(1);
    expect(polls.length).toBeLessThanOrEqual(3);
    expect(serve.stderr()).not.toContain('slow_down');
    expect(result.stderr).toContain('oauth-doctor: the device code was not approved within --wait-timeout 3 s');
    expect(result.stderr).toContain('raise --wait-timeout');
  });
});
