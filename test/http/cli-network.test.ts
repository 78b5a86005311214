import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { makeSelfSignedCert, refusedUrl, startFaultServer, startTlsServer, type RunningServer } from '../helpers/fault-server.js';

let faults: RunningServer;
beforeAll(async () => {
  faults = await startFaultServer();
});
afterAll(async () => {
  await faults.close();
});

const credentials = { OAUTH_CONSUMER_KEY: 'key', OAUTH_CONSUMER_SECRET: 'fault-secret-123' };

/** A flow whose request-token leg goes to `url` (the other endpoints never get used). */
function flowAt(url: string, ...extra: string[]): Promise<CliResult> {
  return runCli(['flow', '--request-token-url', url, '--authorize-url', `${faults.url}/authorize`, '--access-token-url', `${faults.url}/token`, '--authorize', 'http', ...extra], { env: credentials });
}

/** One line on stderr from the top-level catch, no stack trace, not killed by the test's clock. */
function expectOneLine(result: CliResult, code: number, fragment: string | RegExp): void {
  expect(result.signal).toBeNull();
  expect(result.code, result.stderr).toBe(code);
  const lines = result.stderr.split('\n').filter((l) => l.startsWith('oauth-doctor:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(fragment);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('network failures: one clear line, exit 3, no hang', () => {
  it('connection refused', async () => {
    const url = await refusedUrl();
    expectOneLine(await flowAt(url), 3, /oauth-doctor: connection refused by 127\.0\.0\.1:\d+ — is the server running/);
  });

  it('connection reset mid-body', async () => {
    expectOneLine(await flowAt(`${faults.url}/reset-mid-body`), 3, 'was closed before the response was complete');
  });

  it('a server that accepts and never answers: the --timeout fires', async () => {
    expectOneLine(await flowAt(`${faults.url}/hang`, '--timeout', '300'), 3, `no complete answer from 127.0.0.1:${faults.port} within 300 ms — the server may be down or slow; raise --timeout (e.g. --timeout 60s)`);
  });

  it('a body that trickles for ever: the --timeout fires', async () => {
    expectOneLine(await flowAt(`${faults.url}/trickle`, '--timeout', '400'), 3, 'within 400 ms');
  });

  it('a body that never ends: stopped at the hard limit', async () => {
    expectOneLine(await flowAt(`${faults.url}/endless`), 3, /larger than 64 MiB; stopped reading/);
  });

  it('a name that does not resolve (.invalid)', async () => {
    expectOneLine(await flowAt('http://oauth-doctor-flow.invalid/oauth/request_token'), 3, 'cannot resolve the host name oauth-doctor-flow.invalid');
  });

  it('--json on a network failure: the report on stdout (ok false, the error), the line on stderr', async () => {
    const result = await flowAt(await refusedUrl(), '--json');
    expectOneLine(result, 3, 'connection refused');
    const report = JSON.parse(result.stdout) as { ok: boolean; error: { code: string; exitCode: number }; steps: { name: string; error?: { code: string }; request?: { method: string } }[] };
    expect(report.ok).toBe(false);
    expect(report.error).toMatchObject({ code: 'network-refused', exitCode: 3 });
    expect(report.steps[0]).toMatchObject({ name: 'request_token', error: { code: 'network-refused' }, request: { method: 'POST' } });
  });
});

describe('TLS (needs the openssl CLI; .ci/run installs it)', () => {
  it('a self-signed certificate: one line naming it and --ca, exit 3; with --ca the leg goes through', async () => {
    const cert = makeSelfSignedCert();
    const server = await startTlsServer(cert);
    try {
      expectOneLine(await flowAt(`${server.url}/form`), 3, /cannot make a trusted TLS connection to 127\.0\.0\.1:\d+: its certificate is self-signed — if you trust this server, pass its CA certificate with --ca FILE/);
      const trusted = await flowAt(`${server.url}/form`, '--ca', cert.certFile);
      expect(trusted.stderr).toMatch(/① Request token[^\n]*\n[^\n]*\n\s+→ 200 OK/);
      expect(trusted.code).not.toBe(3);
    } finally {
      await server.close();
      cert.cleanup();
    }
  });

  it('--ca with a file that is not a certificate → exit 2', async () => {
    expectOneLine(await flowAt(`${faults.url}/form`, '--ca', '/etc/hostname'), 2, '--ca /etc/hostname is not a PEM certificate');
  });
});

describe('hostile and odd answers are shown safely and diagnosed (exit 1)', () => {
  it('5xx with an HTML body', async () => {
    const result = await flowAt(`${faults.url}/html-503`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('503 Service Unavailable');
    expect(result.stdout).toContain('✗ Request token leg refused (503)');
  });

  it('a 12 MB body: 1 MiB kept, the rest counted', async () => {
    const result = await flowAt(`${faults.url}/huge?mb=12`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('kept 1 MiB of 12 MiB; the rest was counted and discarded');
  });

  it('invalid UTF-8 and binary bodies', async () => {
    const invalid = await flowAt(`${faults.url}/invalid-utf8`);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('not valid UTF-8');
    const binary = await flowAt(`${faults.url}/binary`);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain('binary body, 20 B, not shown');
  });

  it('terminal escape sequences from the provider are neutralised', async () => {
    const result = await flowAt(`${faults.url}/terminal`);
    expect(result.stdout + result.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(result.stderr).toContain('\\x1b]0;pwned');
  });
});
