// A new user's first runs of `flow` without a terminal (a script, CI, stdin from /dev/null), against
// `serve` started as its listing says: what the README's exit-code table promises, checked end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';

const APP = { key: 'unattended-key', secret: 'unattended-secret-0123456789' };
let person: RunningProvider;

beforeAll(async () => {
  // `serve` as started without --auto-approve: its authorise page waits for a person.
  person = await startProvider({ consumers: [APP] });
});
afterAll(async () => {
  await person.close();
});

describe('flow --provider local --base-url (a serve already running) with no terminal and no --authorize', () => {
  it('is refused before any request: exit 2, one line naming --authorize http (README: exit 2, usage)', async () => {
    const before = person.state().requestTokens.length;
    const result = await runBin(['flow', '--provider', 'local', '--base-url', person.url, '--consumer-key', APP.key], { env: { OAUTH_CONSUMER_SECRET: APP.secret } });
    expect(result.code, result.stderr).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^oauth-doctor: there is no terminal, so nobody can approve/);
    expect(lines[0]).toContain('--authorize http');
    expect(result.stdout).toBe('');
    // Nothing was sent: no request token was asked for.
    expect(person.state().requestTokens.length).toBe(before);
  });

  it('with --authorize http it still runs (the choice is the user\'s), and the approval page is diagnosed (exit 1)', async () => {
    const result = await runBin(['flow', '--provider', 'local', '--base-url', person.url, '--consumer-key', APP.key, '--authorize', 'http'], { env: { OAUTH_CONSUMER_SECRET: APP.secret } });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('flow:approval-page');
  });
});

describe('a refused OAuth 1.0a leg says which leg, never "Leg: any"', () => {
  it('a problem of any leg (signature_invalid) names the leg that failed', async () => {
    const result = await runBin(['flow', '--provider', 'local', '--base-url', person.url, '--consumer-key', APP.key, '--authorize', 'http'], { env: { OAUTH_CONSUMER_SECRET: 'not-the-secret-at-all' } });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('signature_invalid');
    expect(result.stdout).not.toContain('Leg: any');
    expect(result.stdout).toMatch(/Leg: request_token · /);
  });
});
