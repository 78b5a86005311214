// `--json` is one JSON document on stdout for every run, failures included, with the exit code the text run has
// (README, Exit codes). A new user's script: `oauth-doctor request --json URL | jq .ok` on a port nothing listens on.
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';

const SECRET = 'json-failure-secret-0123456789';
const env = { OAUTH_CONSUMER_KEY: 'json-key', OAUTH_CONSUMER_SECRET: SECRET, OAUTH_TOKEN: 'json-token-abcdefghijkl', OAUTH_TOKEN_SECRET: 'json-token-secret-abcdefgh' };

/** A loopback port with nothing listening on it: taken, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('request --json on a network failure', () => {
  it('connection refused: one JSON report (request as signed, response null, error), exit 3 as without --json', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/api/me`;
    const text = await runBin(['request', url], { env });
    expect(text.code, text.stderr).toBe(3);
    const json = await runBin(['request', '--json', url], { env });
    expect(json.code, json.stderr).toBe(3);
    const report = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      ok: false,
      response: null,
      request: { method: 'GET', url, signatureMethod: 'HMAC-SHA1' },
      error: { code: 'network-refused', class: 'network', exitCode: 3 },
    });
    expect(String((report['request'] as { baseString: string }).baseString)).toMatch(/^GET&http%3A%2F%2F127\.0\.0\.1/);
    // The one line on stderr says it too; no secret in either stream.
    expect(json.stderr).toContain('oauth-doctor: connection refused by 127.0.0.1:');
    for (const out of [json.stdout, json.stderr]) {
      expect(out).not.toContain(SECRET);
      expect(out).not.toContain('json-token-secret-abcdefgh');
    }
  });

  it('a failure before any request (a usage error) is a JSON document too, exit 2', async () => {
    const result = await runBin(['request', '--json', 'http://127.0.0.1:9/x', '--timeout', 'soon'], { env });
    expect(result.code, result.stderr).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, command: 'request', error: { class: 'usage', exitCode: 2 } });
  });

  it('an unknown option under --json (commander\'s refusal) is a JSON document, exit 2; --help stays help', async () => {
    const bad = await runBin(['request', '--json', '--no-such-flag', 'http://127.0.0.1:9/x'], { env });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'unknown-option', class: 'usage', exitCode: 2 } });
    const help = await runBin(['request', '--json', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: oauth-doctor request/);
  });

  it('explain --json of a missing file (its own bundle) prints one JSON document, exit 2', async () => {
    const result = await runBin(['explain', '--json', '/nonexistent/response.txt']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, command: 'explain', error: { exitCode: 2 } });
  });
});
