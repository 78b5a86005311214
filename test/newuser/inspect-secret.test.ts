// Issue 15 item 4: inspect with a wrong --consumer-secret on requests the server accepted
// says the secret given to oauth-doctor is wrong, instead of blaming the client.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/oauth/sign-request.js';
import { runInProcess } from '../helpers/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'inspect-secret-'));

function capture(status: number, body: string): string {
  const signed = signRequest({ method: 'POST', url: 'https://api.example.com/oauth/request_token', client: { consumerKey: 'ck', consumerSecret: 'the-real-secret' }, signatureMethod: 'HMAC-SHA1', timestamp: '1700000000', nonce: 'n1', callback: 'oob' });
  const file = join(dir, `capture-${status}.http`);
  writeFileSync(file, `POST /oauth/request_token HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: ${signed.authorization}\r\nContent-Length: 0\r\n\r\nHTTP/1.1 ${status} X\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  return file;
}

describe('issue 15 item 4: a wrong --consumer-secret on an accepted request', () => {
  it('is the secret given to oauth-doctor, not the client: no signature_invalid finding, exit 0, a note saying so', async () => {
    const file = capture(200, 'oauth_token=rt1234567890&oauth_token_secret=rts1234567890&oauth_callback_confirmed=true');
    const r = await runInProcess(['inspect', file, '--consumer-secret', 'a-wrong-secret']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('the secret given to oauth-doctor is wrong');
    expect(r.stdout).not.toContain('signature_invalid');
    const json = JSON.parse((await runInProcess(['inspect', file, '--consumer-secret', 'a-wrong-secret', '--json'])).stdout) as { findings: unknown[]; capture: { notes: string[] } };
    expect(json.findings).toEqual([]);
    expect(json.capture.notes[0]).toMatch(/^the secret given to oauth-doctor is wrong/);
  });

  it('with the right secret the same capture is clean and says nothing about the secret', async () => {
    const r = await runInProcess(['inspect', capture(200, 'oauth_token=rt1234567890&oauth_token_secret=rts1234567890&oauth_callback_confirmed=true'), '--consumer-secret', 'the-real-secret']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('secret given to oauth-doctor');
  });

  it('a refused request with a wrong secret is still diagnosed as before', async () => {
    const r = await runInProcess(['inspect', capture(401, 'oauth_problem=signature_invalid'), '--consumer-secret', 'a-wrong-secret']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('signature_invalid');
  });
});
