// serve --oauth2's flags and POST /admin/settings refuse bad input with one
// line (exit 2) or a 400, through the built CLI: zero, negative, fractional
// and absurd lifetimes, intervals, delays and skews (the same bounds for the
// flag and the admin endpoint), empty or malformed client flags, a client
// given twice (in client words), a public client with a secret, unusable
// JWK Sets, redirect URIs a browser would not follow, and flags of the
// other provider, which would otherwise be accepted and do nothing.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, runBin } from '../helpers/cli.js';
import { serveOAuth2, type ServeProcess } from './serve-process.js';

let dir: string;
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

const publicJwk = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'op2-flags-'));
  const ec = publicJwk();
  file('good.json', { keys: [ec] });
  file('private.json', { keys: [generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })] });
  file('symmetric.json', { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] });
  file('off-curve.json', { keys: [{ ...ec, x: 'AAAA' }] });
  file('empty.json', { keys: [] });
  file('not-json.json', 'keys: none');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Case = readonly [args: readonly string[], message: string, env?: Record<string, string>];

const BAD: readonly Case[] = [
  [['--code-ttl', '0'], '--code-ttl "0" is out of range: 1 s to 1 d'],
  [['--code-ttl', '0s'], '--code-ttl "0s" is out of range'],
  [['--code-ttl', '-5'], '--code-ttl "-5" is not a duration'],
  [['--code-ttl', '1500ms'], '--code-ttl "1500ms" is not a whole number of seconds'],
  [['--code-ttl', '300ms'], '--code-ttl "300ms" is not a whole number of seconds'],
  [['--code-ttl', '25h'], '--code-ttl "25h" is out of range'],
  [['--code-ttl', ''], '--code-ttl "" is not a duration'],
  [['--access-token-ttl', '0'], '--access-token-ttl "0" is out of range: 1 s to 366 d'],
  [['--refresh-token-ttl', '0'], '--refresh-token-ttl "0" is out of range'],
  [['--device-interval', '0'], '--device-interval "0" is out of range: 1 s to 1 min'],
  [['--device-interval', '10m'], '--device-interval "10m" is out of range'],
  [['--clock-skew', '25h'], '--clock-skew "25h" is out of range: −1 d to 1 d'],
  [['--clock-skew', '-25h'], '--clock-skew "-25h" is out of range'],
  [['--clock-skew', '0.5'], '--clock-skew "0.5" is not a whole number of seconds'],
  [['--slow', '11m'], '--slow "11m" is out of range: 0 ms to 10 min'],
  [['--client', 'a:sec-one-xyz', '--client', 'a:sec-two-xyz'], 'client a is given twice (--client #1, --client #2) — give each client id once'],
  [['--client', 'a:sec-one-xyz', '--public-client', 'a'], 'client a is given twice (--client #1, --public-client #1)'],
  [['--public-client', 'p', '--public-client', 'p'], 'client p is given twice (--public-client #1, --public-client #2)'],
  [['--client', 'a:sec-two-xyz'], 'client a is given twice (OAUTH_DOCTOR_OAUTH2_CLIENTS entry 1, --client #1)', { OAUTH_DOCTOR_OAUTH2_CLIENTS: 'a:sec-one-xyz' }],
  [[], 'OAUTH_DOCTOR_OAUTH2_CLIENTS: entry 2 is not ID:SECRET', { OAUTH_DOCTOR_OAUTH2_CLIENTS: 'a:sec-one-xyz,nosecret' }],
  [['--client', 'no-colon'], '--client value is not ID:SECRET'],
  [['--client', 'a:'], '--client "a:…" is not ID:SECRET'],
  [['--client', ':secret'], '--client ":…" is not ID:SECRET'],
  [['--client', ''], '--client value is not ID:SECRET'],
  [['--public-client', ''], '--public-client #1: the client id is empty'],
  [['--public-client', 'my app'], '--public-client #1: the client id has a character outside printable ASCII or a space'],
  [['--public-client', 'app:s3cr3t-given-by-mistake'], '--public-client "app:…" has a secret, and a public client has none'],
  [['--client-jwks', 'no-file'], '--client-jwks "no-file" is not ID:FILE'],
  [['--client-jwks', 'k:/nonexistent/jwks.json'], 'cannot read the file (ENOENT)'],
  [['--client-jwks', 'k:DIR/not-json.json'], 'not-json.json is not JSON'],
  [['--client-jwks', 'k:DIR/empty.json'], 'empty.json is not a JWK Set'],
  [['--client-jwks', 'k:DIR/private.json'], 'key 1 has "d", a private or symmetric key\'s member'],
  [['--client-jwks', 'k:DIR/symmetric.json'], 'key 1 has "k", a private or symmetric key\'s member'],
  [['--client-jwks', 'k:DIR/off-curve.json'], 'key 1 (EC) is not a usable public key'],
  [['--client-jwks', 'k:DIR/good.json', '--client-jwks', 'k:DIR/good.json'], 'client k is given --client-jwks twice'],
  [['--public-client', 'k', '--client-jwks', 'k:DIR/good.json'], '--client-jwks k: k is a --public-client, which does not authenticate'],
  [['--redirect-uri', ''], '--redirect-uri "" is not an absolute URI'],
  [['--redirect-uri', 'http://127.0.0.1/cb#frag'], 'has a fragment (#…), which RFC 6749 §3.1.2 forbids'],
  [['--redirect-uri', 'javascript:alert(1)'], 'uses the scheme "javascript:", neither http(s) nor a private-use scheme'],
  [['--redirect-uri', 'data:text/html,hi'], 'uses the scheme "data:"'],
  [['--redirect-uri', 'http://s3cr3t-given-by-mistake@127.0.0.1/callback'], '--redirect-uri "http://…@127.0.0.1/callback" has a user name or password before the host'],
  [['--redirect-uri', 'http://127.0.0.1@evil.example/callback'], 'has a user name or password before the host'],
  [['--redirect-uri', 'http://127.0.0.1/cb', '--redirect-uri', 'http://127.0.0.1/cb'], '--redirect-uri "http://127.0.0.1/cb" is given twice'],
  [['--redirect-uri', 'http://127.0.0.1/call\nback'], '--redirect-uri "http://127.0.0.1/call\\u000aback" has a tab, a line break'],
  [['--redirect-uri', 'http://h:1:2/cb'], '--redirect-uri "http://h:1:2/cb" has a port that is not a number (RFC 3986 §3.2.3) — e.g. --redirect-uri'],
  [['--dialect', 'nope'], '--dialect "nope" is no OAuth 2 dialect'],
  [['--dialect', ''], '--dialect "" is no OAuth 2 dialect'],
  [['--dialect', 'oauthlib'], '--dialect "oauthlib" is no OAuth 2 dialect'],
  [['--redirect-matching', 'fuzzy'], '--redirect-matching "fuzzy" is not known'],
  [['--outage', '404'], '--outage "404" must be 500, 502 or 503'],
  [['--port', '70000'], '--port "70000" must be a whole number from 0 to 65535'],
  [['--state', 'DIR/state.json'], '--state is for serve\'s OAuth 1.0a provider, not serve --oauth2 — serve --oauth2 keeps everything in memory'],
  [['--consumer', 'a:b'], '--consumer is for serve\'s OAuth 1.0a provider, not serve --oauth2 — use --client ID:SECRET'],
  [['--request-token-ttl', '5s'], '--request-token-ttl is for serve\'s OAuth 1.0a provider'],
  [['--no-renew'], '--no-renew is for serve\'s OAuth 1.0a provider'],
];

describe('serve --oauth2: bad input is one line and exit 2, through the built CLI', () => {
  it.concurrent.each(BAD.map(([args, message, env]) => ({ args, message, env })))('$args', async ({ args, message, env }) => {
    const shown = args.map((a) => a.replace('DIR', dir));
    const result = await runBin(['serve', '--oauth2', '--json', ...shown], { env, timeoutMs: 15_000 });
    expect(result.stderr).toContain(message);
    expect(result.code).toBe(2);
    // --json: the failure is one JSON line where the start line would be (a line reader gets all of it).
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, command: 'serve', error: { exitCode: 2 } });
    expect(result.stdout).not.toMatch(/s3cr3t-given-by-mistake|sec-one-xyz|sec-two-xyz/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    // A secret given by mistake is never printed.
    expect(result.stderr).not.toMatch(/s3cr3t-given-by-mistake|sec-one-xyz|sec-two-xyz/);
  }, 30_000);

  it.concurrent.each([
    [['--code-ttl', '5s'], '--code-ttl is for serve --oauth2 (the OAuth 2.0 provider) — add --oauth2, or drop --code-ttl'],
    [['--client', 'a:b'], '--client is for serve --oauth2'],
    [['--no-rotate-refresh'], '--no-rotate-refresh is for serve --oauth2'],
    [['--require-par'], '--require-par is for serve --oauth2'],
  ] as const)('serve without --oauth2 refuses %j', async (args, message) => {
    const result = await runBin(['serve', '--json', ...args], { timeoutMs: 15_000 });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(`oauth-doctor: ${message}`)]);
  }, 30_000);
});

describe('POST /admin/settings holds the same bounds, and refuses names it does not know', () => {
  let serve: ServeProcess;
  beforeAll(async () => {
    serve = await serveOAuth2([]);
  }, 30_000);
  afterAll(async () => {
    await serve?.stop();
  });
  const post = async (body: string) => {
    const r = await fetch(`${serve.line.issuer}/admin/settings`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    return { status: r.status, body: (await r.json()) as { error?: string; settings?: Record<string, unknown> } };
  };

  it.each([
    ['codeTtlSec=0', 'codeTtlSec must be from 1 s to 1 d'],
    ['accessTokenTtlSec=0', 'accessTokenTtlSec must be from 1 s to 366 d'],
    ['refreshTokenTtlSec=-1', 'refreshTokenTtlSec must be from 1 s'],
    ['codeTtlSec=1.5', 'codeTtlSec must be a whole number of seconds'],
    ['codeTtlSec=', 'codeTtlSec must be a number of seconds'],
    ['deviceIntervalSec=0', 'deviceIntervalSec must be from 1 s to 1 min'],
    ['clockSkewSec=86401', 'clockSkewSec must be from −1 d to 1 d'],
    ['tokenSlowMs=600001', 'tokenSlowMs must be from 0 ms to 10 min'],
    ['codeTTL=5', 'no setting "codeTTL"'],
    ['codeTtlSec=5&codeTtlSec=6', 'codeTtlSec given twice'],
  ])('%s is a 400 that changes nothing', async (body, error) => {
    const answer = await post(`consentDenied=true&${body}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain(error);
    const state = (await (await fetch(`${serve.line.issuer}/admin/state`)).json()) as { settings: Record<string, unknown> };
    expect(state.settings).toMatchObject({ consentDenied: false, codeTtlSec: 60, deviceIntervalSec: 5, clockSkewSec: 0, tokenSlowMs: 0 });
  });

  it('values inside the bounds apply', async () => {
    const answer = await post('codeTtlSec=1&clockSkewSec=-86400&deviceIntervalSec=60&tokenSlowMs=0');
    expect(answer).toMatchObject({ status: 200, body: { settings: { codeTtlSec: 1, clockSkewSec: -86400, deviceIntervalSec: 60, tokenSlowMs: 0 } } });
    await post('codeTtlSec=60&clockSkewSec=0&deviceIntervalSec=5');
  });
});

describe('the --json start line says everything a script needs', () => {
  it('the account to sign in as, the switches in effect, and a flow command that runs against it as printed', async () => {
    const serve = await serveOAuth2(['--auto-approve', '--code-ttl', '30s', '--dialect', 'keycloak']);
    try {
      const line = serve.line as unknown as { account: string; settings: Record<string, unknown>; flow: string; clients: { clientId: string; secret: string }[] };
      expect(line.account).toBe('alice');
      expect(line.settings).toMatchObject({ dialect: 'keycloak', autoApprove: true, codeTtlSec: 30, rotateRefreshToken: true, redirectMatching: 'loopback-any-port' });
      const client = line.clients[0];
      expect(line.flow).toBe(`OAUTH2_CLIENT_SECRET=${client?.secret ?? ''} oauth-doctor flow --issuer ${serve.line.issuer} --client-id ${client?.clientId ?? ''} --scope 'openid offline_access' --authorize http`);
      // As a person pastes it into a shell (the binary by its path here); a ledger of its own.
      const run = spawnSync('/bin/sh', ['-c', `${line.flow.replace(' oauth-doctor ', ` '${process.execPath}' '${BIN}' `)} --json`], {
        env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C', OAUTH_DOCTOR_LEDGER: join(dir, 'ledger.json') },
        encoding: 'utf8',
        timeout: 40_000,
      });
      expect(run.status, run.stderr).toBe(0);
      expect((JSON.parse(run.stdout) as { ok: boolean }).ok).toBe(true);
    } finally {
      await serve.stop();
    }
  }, 60_000);

  it('a user\'s secret stays out of the flow command unless --show-secrets', async () => {
    const serve = await serveOAuth2(['--client', 'mine:sec-mine-0123456789abcdef']);
    try {
      const line = serve.line as unknown as { flow: string };
      expect(line.flow).toBe(`OAUTH2_CLIENT_SECRET='<the secret of mine>' oauth-doctor flow --issuer ${serve.line.issuer} --client-id mine --scope 'openid offline_access'`);
      expect(JSON.stringify(serve.line)).not.toContain('sec-mine-0123456789abcdef');
    } finally {
      await serve.stop();
    }
  }, 30_000);
});
