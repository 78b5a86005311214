import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { parseChallenge } from './helpers.js';

const SCRIPT = fileURLToPath(new URL('./oauthlib_flow.py', import.meta.url));

interface Step {
  readonly status: number;
  readonly body: string;
  readonly www_authenticate: string | null;
}

/** Cross-check with an independent implementation: Python oauthlib signs, urllib sends, our provider verifies. */
describe('a client signed by Python oauthlib', () => {
  let provider: RunningProvider;
  let results: Record<string, Step>;
  beforeAll(async () => {
    provider = await startProvider({ consumers: [{ key: 'py-app', secret: 'py secret/with+odd&chars' }] });
    // spawnSync would block the provider's event loop: run the script asynchronously.
    const { spawn } = await import('node:child_process');
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('/usr/bin/python3', [SCRIPT, provider.url, 'py-app', 'py secret/with+odd&chars']);
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`python exited ${code}: ${err}`))));
    });
    results = JSON.parse(output) as Record<string, Step>;
  });
  afterAll(() => provider.close());

  it('oauthlib is installed (the cross-check must not silently pass)', () => {
    expect(spawnSync('/usr/bin/python3', ['-c', 'import oauthlib']).status).toBe(0);
  });

  it('gets a request token, approval, and an access token', () => {
    expect(results['request_token']?.status, results['request_token']?.body).toBe(200);
    expect(results['authorize']).toEqual({ status: 302, has_verifier: true });
    expect(results['access_token']?.status, results['access_token']?.body).toBe(200);
    expect(new URLSearchParams(results['access_token']?.body).get('oauth_token')).toBeTruthy();
  });

  it.each(['header', 'body', 'query'])('reaches /api/me with protocol parameters in the %s', (where) => {
    const step = results[`resource_${where}`];
    expect(step?.status, step?.body).toBe(200);
    expect(JSON.parse(step?.body ?? '{}')).toMatchObject({ consumer_key: 'py-app' });
  });

  it('a wrong secret is signature_invalid, in the body and in WWW-Authenticate', () => {
    const step = results['signature_invalid'];
    expect(step?.status).toBe(401);
    expect(new URLSearchParams(step?.body).get('oauth_problem')).toBe('signature_invalid');
    expect(parseChallenge(step?.www_authenticate ?? null).get('oauth_problem')).toBe('signature_invalid');
  });
});
