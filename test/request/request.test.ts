// `oauth-doctor request` end to end: the built CLI in a subprocess against
// the embedded provider on 127.0.0.1 (started in this process, its switches
// flipped per case), for every signature method and placement, and for each
// kind of refusal serve can give, diagnosed with the right cause first.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runFlow } from '../../src/flow/engine.js';
import { SIGNATURE_METHODS, isRsaMethod, type SignatureMethod } from '../../src/oauth/methods.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { localConfig, testIo } from '../flow/helpers.js';
import { runCli, type CliResult } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-request-'));
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyFile = join(dir, 'key.pem');
writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const HMAC = { key: 'app', secret: 'app-secret-0123456789' };
const RSA = { key: 'rsa-app' };

let provider: RunningProvider;

async function accessToken(method: SignatureMethod = 'HMAC-SHA1'): Promise<{ token: string; secret: string }> {
  const client = isRsaMethod(method) ? { consumerKey: RSA.key, consumerSecret: '', privateKey: keys.privateKey } : { consumerKey: HMAC.key, consumerSecret: HMAC.secret };
  const outcome = await runFlow(localConfig(provider, { signatureMethod: method, client }), testIo());
  if (!outcome.accessToken) throw new Error(`no access token: ${outcome.failure?.message ?? outcome.error?.message}`);
  return outcome.accessToken;
}

function credentialEnv(method: SignatureMethod, token: { token: string; secret: string }): Record<string, string> {
  const env: Record<string, string> = { OAUTH_TOKEN: token.token, OAUTH_TOKEN_SECRET: token.secret, XDG_CONFIG_HOME: join(dir, 'config') };
  if (isRsaMethod(method)) return { ...env, OAUTH_CONSUMER_KEY: RSA.key, OAUTH_PRIVATE_KEY_FILE: keyFile };
  return { ...env, OAUTH_CONSUMER_KEY: HMAC.key, OAUTH_CONSUMER_SECRET: HMAC.secret };
}

interface Report {
  ok: boolean;
  request: { method: string; url: string; body?: string; headers: Record<string, string>; signatureMethod: string; baseString: string };
  response: { status: number; body: string };
  diagnosis: { problem: { code: string }; causes: { id: string; likelihood: string }[]; baseStringDiff: { index: number } | null } | null;
  signatureCheck: { status: string; serverVariant: string | null; serverBaseStringMatches: boolean | null } | null;
  clockOffsetSec: number | null;
}

async function request(args: readonly string[], env: Record<string, string>): Promise<{ r: CliResult; report: Report }> {
  const r = await runCli(['request', ...args, '--json'], { env });
  let report: Report;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`not one JSON document (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
  return { r, report };
}

beforeAll(async () => {
  provider = await startProvider({ autoApprove: true, consumers: [{ key: HMAC.key, secret: HMAC.secret }, { key: RSA.key, publicKey }, { key: 'other', secret: 'other-secret-0123456' }] });
});
afterAll(async () => {
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('request: every signature method × every placement → 200', () => {
  const placements = ['header', 'query', 'body'] as const;
  for (const method of SIGNATURE_METHODS) {
    it(`${method}: header, query and body`, async () => {
      const token = await accessToken(method);
      for (const placement of placements) {
        const args = placement === 'body' ? ['POST', `${provider.url}/api/notes?tag=é`, '--form', 'text=Ladies + Gentlemen 😀'] : [`${provider.url}/api/notes/1?q=a+b&x=y=z`];
        const { r, report } = await request([...args, '--signature-method', method, '--placement', placement], credentialEnv(method, token));
        expect(r.code, `${method} ${placement}: ${r.stderr}${report.response.body}`).toBe(0);
        expect(report.ok).toBe(true);
        const answer = JSON.parse(report.response.body) as { signature_method: string; method: string; path: string };
        expect(answer.signature_method).toBe(method);
        expect(answer.method).toBe(placement === 'body' ? 'POST' : 'GET');
        if (placement === 'header') expect(report.request.headers['authorization']).toMatch(/^OAuth /);
        else expect(report.request.headers['authorization']).toBeUndefined();
        if (placement === 'query') expect(report.request.url).toMatch(/[?&]oauth_signature=/);
        if (placement === 'body') expect(report.request.body).toMatch(/^text=Ladies%20%2B%20Gentlemen%20%F0%9F%98%80&oauth_consumer_key=/);
      }
    });
  }
});

describe('request: each refusal serve can give, diagnosed with the right cause first', () => {
  afterEach(() => provider.update({ clockSkewSec: 0, dialect: 'problem-reporting', outage: undefined }));

  const cases: [what: string, expected: { problem: string; cause: string; also?: (report: Report) => void }, setup: () => Promise<{ args: string[]; env: Record<string, string> }>][] = [
    ['the wrong token secret', { problem: 'signature_invalid', cause: 'wrong-secret' }, async () => {
      const token = await accessToken();
      return { args: [], env: credentialEnv('HMAC-SHA1', { ...token, secret: 'not-the-token-secret' }) };
    }],
    ['the wrong consumer secret', { problem: 'signature_invalid', cause: 'wrong-secret' }, async () => ({ args: [], env: { ...credentialEnv('HMAC-SHA1', await accessToken()), OAUTH_CONSUMER_SECRET: 'not-the-consumer-secret' } })],
    ['a proxy that rewrites Host (jira dialect echoes its base string)', {
      problem: 'signature_invalid',
      cause: 'signature-base-mismatch',
      // Our base string against the one the server echoed: first difference at the host (character 18 after "GET&http%3A%2F%2F").
      also: (report) => {
        expect(report.diagnosis?.baseStringDiff?.index).toBe('GET&http%3A%2F%2F'.length);
        expect(report.signatureCheck).toMatchObject({ status: 'variant', serverBaseStringMatches: true });
      },
    }, async () => {
      provider.update({ dialect: 'jira' });
      return { args: ['-H', 'Host: api.example.com'], env: credentialEnv('HMAC-SHA1', await accessToken()) };
    }],
    ['a clock ten minutes off', { problem: 'timestamp_refused', cause: 'clock-skew', also: (report) => expect(report.clockOffsetSec).toBeGreaterThanOrEqual(598) }, async () => {
      const token = await accessToken();
      provider.update({ clockSkewSec: 600 });
      return { args: [], env: credentialEnv('HMAC-SHA1', token) };
    }],
    ['an unknown consumer key', { problem: 'consumer_key_unknown', cause: 'unknown-consumer' }, async () => ({ args: [], env: { ...credentialEnv('HMAC-SHA1', await accessToken()), OAUTH_CONSUMER_KEY: 'nobody' } })],
    ['a revoked access token', { problem: 'token_revoked', cause: 'revocation' }, async () => {
      const token = await accessToken();
      provider.revokeToken(token.token);
      return { args: [], env: credentialEnv('HMAC-SHA1', token) };
    }],
    ['an expired access token', { problem: 'token_expired', cause: 'expiry' }, async () => {
      const token = await accessToken();
      provider.expireToken(token.token);
      return { args: [], env: credentialEnv('HMAC-SHA1', token) };
    }],
    ['a signature method this consumer is not registered for (HMAC for an RSA consumer)', { problem: 'signature_method_rejected', cause: 'wrong-signature-method' }, async () => ({
      args: [],
      env: { ...credentialEnv('HMAC-SHA256', await accessToken()), OAUTH_CONSUMER_KEY: RSA.key },
    })],
    ['a rejected consumer', { problem: 'consumer_key_rejected', cause: 'app-suspended' }, async () => {
      const token = await accessToken();
      provider.setConsumerStatus(HMAC.key, 'rejected');
      return { args: [], env: credentialEnv('HMAC-SHA1', token) };
    }],
    ['a throttled consumer', { problem: 'consumer_key_refused', cause: 'rate-limited' }, async () => {
      const token = await accessToken();
      provider.throttleConsumer(HMAC.key, true);
      return { args: [], env: credentialEnv('HMAC-SHA1', token) };
    }],
    ['an OAuth parameter where it does not belong', { problem: 'parameter_rejected', cause: 'unexpected-parameter' }, async () => ({ args: [`${provider.url}/api/me?oauth_verifier=x`], env: credentialEnv('HMAC-SHA1', await accessToken()) })],
    ['an outage', { problem: 'http:5xx', cause: 'provider-outage' }, async () => {
      const token = await accessToken();
      provider.update({ outage: { status: 503 } });
      return { args: [], env: credentialEnv('HMAC-SHA1', token) };
    }],
  ];
  it('a token that was never issued → token_rejected: reuse, expiry and revocation all kept, none claimed certain (nothing tells them apart)', async () => {
    const { r, report } = await request([`${provider.url}/api/me`], credentialEnv('HMAC-SHA1', { token: 'never-issued-token-0001', secret: 'never-issued-secret-01' }));
    expect(r.code).toBe(1);
    expect(report.diagnosis?.problem.code).toBe('token_rejected');
    const causes = report.diagnosis?.causes ?? [];
    expect(causes.map((c) => c.id)).toEqual(expect.arrayContaining(['reuse', 'expiry', 'revocation']));
    expect(causes.filter((c) => c.likelihood === 'certain')).toEqual([]);
  });

  for (const [what, expected, setup] of cases) {
    it(`${what} → ${expected.problem}, ${expected.cause} first`, async () => {
      const { args, env } = await setup();
      try {
        const { r, report } = await request(args.some((a) => a.startsWith('http')) ? args : [...args, `${provider.url}/api/me`], env);
        expect(r.code).toBe(1);
        expect(report.diagnosis?.problem.code).toBe(expected.problem);
        expect(report.diagnosis?.causes[0]?.id).toBe(expected.cause);
        expected.also?.(report);
      } finally {
        provider.setConsumerStatus(HMAC.key, 'active');
        provider.throttleConsumer(HMAC.key, false);
      }
    });
  }
});

describe('request --provider mastercard: RSA-SHA256 and oauth_body_hash on every request', () => {
  const EMPTY_SHA256 = '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';
  it('a GET carries the empty body’s SHA-256; a JSON POST its body’s; serve checks both and answers 200', async () => {
    const token = await accessToken('RSA-SHA256');
    const env = credentialEnv('RSA-SHA256', token);
    const get = await request(['--provider', 'mastercard', `${provider.url}/api/atms?PageLength=1`], env);
    expect(get.r.code, get.r.stderr).toBe(0);
    expect(get.report.request.signatureMethod).toBe('RSA-SHA256');
    expect(get.report.request.baseString).toContain(`oauth_body_hash%3D${encodeURIComponent(encodeURIComponent(EMPTY_SHA256))}`);
    const body = '{"amount":"12.50","currency":"EUR"}';
    const post = await request(['--provider', 'mastercard', 'POST', `${provider.url}/api/payments`, '--json-body', body], env);
    expect(post.r.code, post.r.stderr).toBe(0);
    const hash = createHash('sha256').update(body).digest('base64');
    expect(post.report.request.baseString).toContain(`oauth_body_hash%3D${encodeURIComponent(encodeURIComponent(hash))}`);
  });

  it('--no-body-hash leaves it out; serve refuses a body hash that does not match the body', async () => {
    const token = await accessToken('RSA-SHA256');
    const none = await request(['--provider', 'mastercard', '--no-body-hash', `${provider.url}/api/atms`], credentialEnv('RSA-SHA256', token));
    expect(none.report.request.baseString).not.toContain('oauth_body_hash');
    expect(none.r.code).toBe(0);
    // Signed with the hash of one body, sent with another: the signature verifies, the body hash does not.
    const signed = signRequest({ method: 'POST', url: `${provider.url}/api/payments`, client: { consumerKey: RSA.key, consumerSecret: '', privateKey: keys.privateKey }, token: { token: token.token, tokenSecret: token.secret }, signatureMethod: 'RSA-SHA256', timestamp: String(Math.floor(Date.now() / 1000)), nonce: 'body-hash-nonce-1', bodyHash: 'always', body: { contentType: 'application/json', content: '{"amount":"1"}' } });
    const tampered = await fetch(signed.wireUrl, { method: 'POST', headers: { authorization: signed.authorization, 'content-type': 'application/json' }, body: '{"amount":"1000"}' });
    expect(tampered.status).toBe(401);
    expect(decodeURIComponent(tampered.headers.get('www-authenticate') ?? '')).toMatch(/oauth_problem="signature_invalid".*oauth_body_hash is not the hash of the body that arrived/);
  });
});
