// `request --provider FILE URL` with an OAuth 2.0 profile and no --bearer
// (issue 18 item 5): the token is the one `flow --provider FILE
// --save-credentials NAME` saved for the profile's client (the newest when
// several are), else OAUTH2_ACCESS_TOKEN, else one line saying what to pass
// and nothing sent. The built CLI against the test server on 127.0.0.1.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseProfileToken } from '../../src/commands/request/profile-token.js';
import type { NamedCredential } from '../../src/credentials/store.js';
import { runBin } from '../helpers/cli.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function setUp(s: TestServer, extra: Record<string, unknown> = {}): { env: Record<string, string>; file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'od-reqprof-'));
  const file = join(dir, 'acme.json');
  writeFileSync(file, JSON.stringify({ protocol: 'oauth2', issuer: s.issuer, clientId: s.clientId, clientSecretEnv: 'ACME_SECRET', scope: ['openid', 'api'], ...extra }));
  chmodSync(file, 0o600);
  return { env: { XDG_CONFIG_HOME: dir, OAUTH_DOCTOR_LEDGER: 'off', ACME_SECRET: s.clientSecret }, file, dir };
}

async function flowSaves(file: string, name: string, env: Record<string, string>): Promise<void> {
  const flow = await runBin(['flow', '--provider', file, '--authorize', 'http', '--save-credentials', name], { env });
  expect(flow.code, flow.stderr).toBe(0);
}

describe('chooseProfileToken', () => {
  const saved: Record<string, NamedCredential> = {
    old: { protocol: 'oauth2', clientId: 'app', accessToken: 'a1', issuer: 'https://as.example.com/', savedAt: '2026-12-01T00:00:00.000Z' },
    new: { protocol: 'oauth2', clientId: 'app', accessToken: 'a2', tokenEndpoint: 'https://as.example.com/token', savedAt: '2026-12-06T00:00:00.000Z' },
    other: { protocol: 'oauth2', clientId: 'someone-else', accessToken: 'a3', issuer: 'https://as.example.com', savedAt: '2026-12-07T00:00:00.000Z' },
    oauth1: { consumerKey: 'app', consumerSecret: 's', token: 't', tokenSecret: 'ts' },
  };
  it('the newest credential of this client at this server (issuer with or without the slash, or the token endpoint); others named', () => {
    const choice = chooseProfileToken({ clientId: 'app', issuer: 'https://as.example.com', tokenEndpoint: 'https://as.example.com/token' }, saved, undefined);
    expect(choice).toMatchObject({ kind: 'credential', name: 'new', others: ['old'] });
  });
  it('another client, another server or an OAuth 1.0a credential is not taken; then the environment, then none', () => {
    expect(chooseProfileToken({ clientId: 'app', issuer: 'https://other.example.com' }, saved, undefined)).toEqual({ kind: 'none' });
    expect(chooseProfileToken({ clientId: 'nobody', issuer: 'https://as.example.com' }, saved, 'env-token')).toEqual({ kind: 'env' });
    expect(chooseProfileToken({ clientId: 'app', provider: 'google' }, saved, undefined)).toEqual({ kind: 'none' });
  });
});

describe('request --provider FILE (OAuth 2.0 profile) without --bearer', () => {
  it('takes the access token flow saved for the profile\'s client: exit 0, said where it came from, never printed', async () => {
    server = await startTestServer();
    const { env, file } = setUp(server);
    await flowSaves(file, 'first', env);
    await flowSaves(file, 'second', env);
    const result = await runBin(['request', '--provider', file, `${server.issuer}/userinfo`], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ sub: 'alice', name: 'Alice' });
    expect(result.stderr).toContain('OAuth 2.0 bearer token (RFC 6750 §2.1) · as second');
    expect(result.stderr).toContain('token: the credential saved for this client (the newest of 2; also first: --as NAME picks one)');
    const call = server.log.filter((l) => l.path === '/userinfo');
    expect(call).toHaveLength(1);
    expect(call[0]?.authorization).toMatch(/^Bearer \S{16,}$/);
    expect(result.stderr + result.stdout).not.toContain(call[0]?.authorization?.slice(7) ?? '#');
  });

  it('no saved token for this client: one line saying what to pass, exit 2, nothing sent; OAUTH2_ACCESS_TOKEN is taken when set', async () => {
    server = await startTestServer();
    const { env, file, dir } = setUp(server);
    // A token of another client at the same server is not this profile's.
    mkdirSync(join(dir, 'oauth-doctor'), { recursive: true, mode: 0o700 });
    const store = join(dir, 'oauth-doctor', 'credentials.json');
    writeFileSync(store, JSON.stringify({ version: 1, credentials: { theirs: { protocol: 'oauth2', clientId: 'another-client', accessToken: 'not-this-one', issuer: server.issuer } } }));
    chmodSync(store, 0o600);
    const refused = await runBin(['request', '--provider', file, `${server.issuer}/userinfo`], { env });
    expect(refused.code).toBe(2);
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`--provider ${file} names an OAuth 2.0 server and client, not a token, and no saved token is for client ${server.clientId} at ${server.issuer}`);
    expect(lines[0]).toContain('pass --bearer TOKEN');
    expect(lines[0]).toContain(`oauth-doctor flow --provider ${file} --save-credentials NAME`);
    expect(server.log).toEqual([]);

    const flow = await runBin(['flow', '--issuer', server.issuer, '--client-id', server.clientId, '--grant', 'client-credentials', '--json', '--show-secrets'], { env: { ...env, OAUTH2_CLIENT_SECRET: server.clientSecret } });
    const token = (JSON.parse(flow.stdout) as { tokens: { access_token: string } }).tokens.access_token;
    const fromEnv = await runBin(['request', '--provider', file, '--json', `${server.issuer}/userinfo`], { env: { ...env, OAUTH2_ACCESS_TOKEN: token } });
    expect(fromEnv.stderr).toContain('token: OAUTH2_ACCESS_TOKEN (no saved credential is for this client)');
    expect(server.log.filter((l) => l.path === '/userinfo').at(-1)?.authorization).toBe(`Bearer ${token}`);
    expect(fromEnv.stdout).not.toContain(token);
    expect(server.log.some((l) => l.authorization === 'Bearer not-this-one')).toBe(false);
  });

  it('--refresh-on-401: the saved token refused as invalid_token is refreshed through the profile and the credential updated', async () => {
    server = await startTestServer();
    const { env, file } = setUp(server);
    await flowSaves(file, 'me', env);
    const revoke = await runBin(['request', '--provider', file, `${server.issuer}/userinfo`], { env });
    expect(revoke.code).toBe(0);
    const bearer = server.log.find((l) => l.path === '/userinfo')?.authorization?.slice(7) ?? '';
    const basic = `Basic ${Buffer.from(`${server.clientId}:${server.clientSecret}`).toString('base64')}`;
    expect((await fetch(`${server.issuer}/revoke`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${bearer}` })).status).toBe(200);
    const result = await runBin(['request', '--provider', file, '--refresh-on-401', `${server.issuer}/userinfo`], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/credential me updated in /);
    const again = await runBin(['request', '--provider', file, `${server.issuer}/userinfo`], { env });
    expect(again.code, again.stderr).toBe(0);
  });

  it('the profile\'s clientSecretEnv unset: a warning line before the call, as for an OAuth 1.0a profile', async () => {
    server = await startTestServer();
    const { env, file } = setUp(server);
    await flowSaves(file, 'me', env);
    const result = await runBin(['request', '--provider', file, `${server.issuer}/userinfo`], { env: { ...env, ACME_SECRET: undefined } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('warning: the profile names the client secret\'s variable ACME_SECRET, which is not set');
  });

  it('--as NAME of an OAuth 1.0a credential with an OAuth 2.0 profile: one line, exit 2', async () => {
    server = await startTestServer();
    const { env, file, dir } = setUp(server);
    mkdirSync(join(dir, 'oauth-doctor'), { recursive: true, mode: 0o700 });
    const store = join(dir, 'oauth-doctor', 'credentials.json');
    writeFileSync(store, JSON.stringify({ version: 1, credentials: { x: { consumerKey: 'k', consumerSecret: 's', token: 't', tokenSecret: 'ts' } } }));
    chmodSync(store, 0o600);
    const result = await runBin(['request', '--as', 'x', '--provider', file, `${server.issuer}/userinfo`], { env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--as x is an OAuth 1.0a credential and --provider');
    expect(server.log).toEqual([]);
  });

  it('an OAuth 1.0a flag with an OAuth 2.0 profile or credential names what made the call OAuth 2.0, not a --bearer nobody gave', async () => {
    server = await startTestServer();
    const { env, file } = setUp(server);
    await flowSaves(file, 'mine', env);
    const viaProfile = await runBin(['request', '--provider', file, '--consumer-key', 'ck', `${server.issuer}/userinfo`], { env });
    const viaCredential = await runBin(['request', '--as', 'mine', '--token-secret', 'ts', `${server.issuer}/userinfo`], { env });
    const viaBearer = await runBin(['request', '--bearer', 'abc', '--signature-method', 'PLAINTEXT', `${server.issuer}/userinfo`], { env });
    expect(viaProfile.stderr.trim().split('\n')).toEqual([expect.stringContaining(`--consumer-key signs OAuth 1.0a requests; --provider ${file} names an OAuth 2.0 server`)]);
    expect(viaCredential.stderr.trim().split('\n')).toEqual([expect.stringContaining('--token-secret signs OAuth 1.0a requests; --as mine is an OAuth 2.0 credential')]);
    expect(viaBearer.stderr.trim().split('\n')).toEqual([expect.stringContaining('--signature-method signs OAuth 1.0a requests; --bearer sends an OAuth 2.0 token')]);
    for (const result of [viaProfile, viaCredential, viaBearer]) expect(result.code).toBe(2);
    expect(server.log.filter((l) => l.path === '/userinfo')).toEqual([]);
  });
});
