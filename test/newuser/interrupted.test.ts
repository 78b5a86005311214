// Issue 15 item 10: after Ctrl-C, explain --session is suggested only when there is something
// to explain, and explain --session describes an interrupted session.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { startCli } from '../flow/spawn-cli.js';
import { runCli } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({ autoApprove: false, consumers: [{ key: 'int-key', secret: 'int-secret-value' }] });
});
afterAll(() => provider.close());

describe('issue 15 item 10: an interrupted session', () => {
  it('Ctrl-C while waiting: the session is saved without suggesting explain; explain --session says it was interrupted, at which leg', async () => {
    const save = join(mkdtempSync(join(tmpdir(), 'interrupted-')), 'run.json');
    const e = provider.endpoints;
    const cli = startCli(['flow', '--request-token-url', e.requestToken, '--authorize-url', e.authorize, '--access-token-url', e.accessToken, '--authorize', 'print', '--save', save], { OAUTH_CONSUMER_KEY: 'int-key', OAUTH_CONSUMER_SECRET: 'int-secret-value' });
    await cli.waitFor(/Waiting for the callback/);
    cli.child.kill('SIGINT');
    expect((await cli.exited).code).toBe(130);
    expect(cli.stderr()).toContain('session saved to');
    expect(cli.stderr()).not.toContain('explain --session');
    expect(JSON.parse(readFileSync(save, 'utf8'))).toMatchObject({ ok: false, error: { class: 'interrupted' } });

    const explained = await runCli(['explain', '--session', save]);
    expect(explained.code).toBe(1);
    expect(explained.stdout).toContain('The run was interrupted (Ctrl-C) during the');
    expect(explained.stdout).toContain('the provider refused nothing');
    expect(explained.stdout).toContain('Completed before it stopped: Request token');
    expect(explained.stderr).not.toContain('nothing to explain');
    const json = JSON.parse((await runInProcess(['explain', '--session', save, '--json'])).stdout) as { recognised: boolean; reason: string };
    expect(json).toMatchObject({ recognised: false, reason: 'session-interrupted' });
  });
});
