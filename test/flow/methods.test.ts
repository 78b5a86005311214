import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { runFlow } from '../../src/flow/engine.js';
import type { SignatureMethod } from '../../src/oauth/types.js';
import { localConfig, testIo } from './helpers.js';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

let provider: RunningProvider;
beforeAll(async () => {
  provider = await startProvider({
    autoApprove: true,
    consumers: [
      { key: 'hmac-app', secret: 'hmac-secret' },
      { key: 'rsa-app', publicKey },
    ],
  });
});
afterAll(async () => {
  await provider.close();
});

describe('the whole flow with every signature method', () => {
  it.each<[SignatureMethod, string, string | undefined]>([
    ['HMAC-SHA1', 'hmac-app', undefined],
    ['HMAC-SHA256', 'hmac-app', undefined],
    ['HMAC-SHA512', 'hmac-app', undefined],
    ['PLAINTEXT', 'hmac-app', undefined],
    ['RSA-SHA1', 'rsa-app', privateKey],
    ['RSA-SHA256', 'rsa-app', privateKey],
    ['RSA-SHA512', 'rsa-app', privateKey],
  ])('%s', async (method, key, pem) => {
    const config = localConfig(provider, { signatureMethod: method, client: { consumerKey: key, consumerSecret: pem ? '' : 'hmac-secret', privateKey: pem } });
    const outcome = await runFlow(config, testIo());
    expect(outcome.failure?.exchange?.response.body ?? outcome.error?.message).toBeUndefined();
    expect(outcome.ok).toBe(true);
    expect(outcome.steps[0]?.signed?.signatureMethod).toBe(method);
  });
});

describe('serve enforces the methods it was told to accept', () => {
  it('a provider limited to RSA-SHA256 refuses RSA-SHA1 with signature_method_rejected and says what it accepts', async () => {
    const strict = await startProvider({ autoApprove: true, consumers: [{ key: 'rsa-app', publicKey }], signatureMethods: ['RSA-SHA256'] });
    try {
      const refused = await runFlow(localConfig(strict, { signatureMethod: 'RSA-SHA1', client: { consumerKey: 'rsa-app', consumerSecret: '', privateKey } }), testIo());
      expect(refused.ok).toBe(false);
      expect(refused.failure?.exchange?.response.body).toMatch(/oauth_problem=signature_method_rejected/);
      expect(refused.failure?.exchange?.response.body).toMatch(/RSA-SHA256/);
      const accepted = await runFlow(localConfig(strict, { signatureMethod: 'RSA-SHA256', client: { consumerKey: 'rsa-app', consumerSecret: '', privateKey } }), testIo());
      expect(accepted.ok).toBe(true);
    } finally {
      await strict.close();
    }
  });
});
