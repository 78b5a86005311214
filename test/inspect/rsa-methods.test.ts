// inspect checks RSA-SHA256 and RSA-SHA512 signatures with the key given —
// an encrypted private key too (OAUTH_PRIVATE_KEY_PASSPHRASE) — and its
// variant finder names a wrong hash: RSA-SHA256 declared, SHA-1 computed.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAuthorizationHeader } from '../../src/oauth/authorization-header.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { curlCommand } from '../../src/commands/sign/render.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-inspect-rsa-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const encrypted = join(dir, 'encrypted.pem');
writeFileSync(encrypted, privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'inspect me' }), { mode: 0o600 });
const ENV = { OAUTH_PRIVATE_KEY_PASSPHRASE: 'inspect me' };

function signed(method: 'RSA-SHA256' | 'RSA-SHA512') {
  return signRequest({ method: 'POST', url: 'https://sandbox.api.mastercard.com/payments?x=1', client: { consumerKey: 'ck', consumerSecret: '', privateKey }, signatureMethod: method, timestamp: '1700000000', nonce: 'n0nce', bodyHash: 'always', body: { contentType: 'application/json', content: '{"a":1}' } });
}

interface InspectJson {
  exchanges: { signatureCheck?: { status: string; matches: boolean; variant: string | null; details: string[] } }[];
}

describe('inspect with RSA-SHA256 and RSA-SHA512', () => {
  it.each(['RSA-SHA256', 'RSA-SHA512'] as const)('%s: an encrypted --private-key (passphrase from the environment) checks the signature: match', async (method) => {
    const r = await runCli(['inspect', '--curl', curlCommand(signed(method)), '--private-key', encrypted, '--json'], { env: ENV });
    expect(r.stderr).not.toContain('inspect me');
    const report = JSON.parse(r.stdout) as InspectJson;
    expect(report.exchanges[0]?.signatureCheck).toMatchObject({ status: 'match', matches: true });
  });

  it('RSA-SHA256 declared but SHA-1 computed: the variant finder names wrong-hash (RSA-SHA1)', async () => {
    const request = signed('RSA-SHA256');
    const sha1 = createSign('RSA-SHA1').update(request.baseString).sign(privateKey, 'base64');
    const protocol = request.protocolParameters.map(([n, v]) => [n, n === 'oauth_signature' ? sha1 : v] as const);
    const curl = curlCommand({ ...request, authorization: buildAuthorizationHeader(protocol) });
    const r = await runCli(['inspect', '--curl', curl, '--private-key', encrypted, '--json'], { env: ENV });
    const report = JSON.parse(r.stdout) as InspectJson;
    expect(report.exchanges[0]?.signatureCheck).toMatchObject({ status: 'variant', variant: 'wrong-hash', details: ['RSA-SHA1'] });
  });

  it('a wrong passphrase: one line, exit 2', async () => {
    const r = await runCli(['inspect', '--curl', curlCommand(signed('RSA-SHA256')), '--private-key', encrypted], { env: { OAUTH_PRIVATE_KEY_PASSPHRASE: 'nope' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`oauth-doctor: the passphrase does not decrypt --private-key ${encrypted} — check OAUTH_PRIVATE_KEY_PASSPHRASE (or what you typed)\n`);
  });
});
