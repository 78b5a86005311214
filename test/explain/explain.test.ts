import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintToken } from '../../src/diagnose/fingerprint.js';
import { withoutBaseStrings } from '../helpers/base-strings.js';
import { runCli } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/responses/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'oauth-doctor-explain-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function json(stdout: string): Record<string, unknown> & { problem: Record<string, unknown>; causes: { id: string; likelihood: string; evidence: string[] }[]; fixes: unknown[] } {
  return JSON.parse(stdout) as ReturnType<typeof json>;
}

describe('oauth-doctor explain', () => {
  it('explains a code: meaning, ranked causes, fixes; exit 0', async () => {
    const r = await runCli(['explain', 'token_rejected']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Problem: token_rejected/);
    for (const id of ['reuse', 'expiry', 'revocation']) expect(r.stdout).toContain(id);
    expect(r.stdout).toMatch(/For the developer of the client/);
  });

  it('--json prints exactly one document with the fields flow and inspect embed', async () => {
    const r = await runCli(['explain', 'token_rejected', '--json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.problem).toMatchObject({ code: 'token_rejected', source: 'argument', parameters: {} });
    expect(doc.causes.map((c) => c.id)).toEqual(expect.arrayContaining(['reuse', 'expiry', 'revocation']));
    expect(doc.causes[0]).toHaveProperty('likelihood');
    expect(doc.causes[0]).toHaveProperty('evidence');
    expect(Array.isArray(doc.fixes)).toBe(true);
  });

  it('speaks Japanese with --lang ja, and from LANG', async () => {
    const flag = await runCli(['explain', 'nonce_used', '--lang', 'ja']);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/問題: nonce_used/);
    const locale = await runCli(['explain', 'nonce_used'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(locale.stdout).toMatch(/原因（可能性の高い順）/);
    const override = await runCli(['explain', 'nonce_used'], { env: { LANG: 'ja_JP.UTF-8', LC_ALL: 'en_US.UTF-8' } });
    expect(override.stdout).toMatch(/Causes, most likely first/);
  });

  it('reads the seed text pasted as an argument and names the page', async () => {
    const r = await runCli(['explain', 'このページのリクエスト・トークンが無効です。使用済み、または期限切れの可能性があります。', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).problem).toMatchObject({ code: 'token_rejected', providerCode: 'x:page:request-token-invalid', source: 'html-page', provider: 'x' });
  });

  it('reads a raw HTTP response from stdin (-)', async () => {
    const input = 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: OAuth realm="", oauth_problem="timestamp_refused", oauth_acceptable_timestamps="1763800000-1763800600"\r\n\r\n';
    const r = await runCli(['explain', '-', '--json'], { input });
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.problem).toMatchObject({ code: 'timestamp_refused', source: 'www-authenticate', status: 401, parameters: { oauth_acceptable_timestamps: '1763800000-1763800600' } });
    expect(doc.problem['companions']).toEqual({ acceptableTimestamps: { min: 1763800000, max: 1763800600 } });
  });

  it('reads a file', async () => {
    const r = await runCli(['explain', join(FIXTURES, 'x-json-89.http'), '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).problem).toMatchObject({ code: 'token_rejected', providerCode: 'x:89', status: 401 });
  });

  it('reads a URL', async () => {
    const r = await runCli(['explain', 'http://127.0.0.1:8080/callback?denied=Z6eEdO8MOmk394Woz', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).problem).toMatchObject({ code: 'permission_denied', source: 'url-query' });
  });

  it('--status and --header complete a bare body', async () => {
    const r = await runCli(['explain', '--status', '401', '--header', 'WWW-Authenticate: OAuth oauth_problem="token_expired", realm="yahooapis.com"', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).problem).toMatchObject({ code: 'token_expired', providerCode: 'yahoo:token_expired', status: 401, source: 'www-authenticate' });
  });

  it('ranks with a session file: a token already exchanged makes reuse certain', async () => {
    const token = fingerprintToken('hh5s93j4hdidpola');
    const at = Date.UTC(2026, 10, 22, 9, 0, 0);
    const session = {
      evidence: {
        provider: 'x',
        failedLegIndex: 2,
        legs: [
          { leg: 'request_token', method: 'POST', url: 'https://api.x.com/oauth/request_token', at, status: 200, tokenIssued: token },
          { leg: 'access_token', method: 'POST', url: 'https://api.x.com/oauth/access_token', at: at + 30_000, status: 200, tokenSent: token },
          { leg: 'access_token', method: 'POST', url: 'https://api.x.com/oauth/access_token', at: at + 45_000, status: 401, tokenSent: token },
        ],
      },
    };
    const file = join(work, 'session.json');
    writeFileSync(file, JSON.stringify(session));
    const r = await runCli(['explain', '{"errors":[{"code":89,"message":"Invalid or expired token."}]}', '--session', file, '--json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.causes[0]).toMatchObject({ id: 'reuse', likelihood: 'certain' });
    expect(doc.causes[0]?.evidence[0]).toMatch(/already exchanged at leg 2/);
  });

  it('--session alone explains the problem the flow run recorded', async () => {
    const file = join(work, 'flow-record.json');
    const record = {
      format: 'oauth-doctor-session',
      version: 1,
      command: 'flow',
      diagnosis: { problem: { code: 'timestamp_refused', source: 'form-body', confidence: 'exact', parameters: { oauth_acceptable_timestamps: '1763800000-1763800600' }, status: 400 } },
      evidence: { legs: [{ leg: 'request_token', method: 'POST', url: 'http://127.0.0.1:9/oauth/request_token', at: 1, status: 400, oauthTimestamp: 1763799000 }] },
    };
    writeFileSync(file, JSON.stringify(record));
    const r = await runCli(['explain', '--session', file, '--json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.problem).toMatchObject({ code: 'timestamp_refused', status: 400 });
    expect(doc.causes[0]).toMatchObject({ id: 'clock-skew', likelihood: 'certain' });
    expect(doc.causes[0]?.evidence[0]).toMatch(/1000 s before the earliest/);
  });

  it('a malformed session file is a clear exit-2 error naming the fields', async () => {
    const file = join(work, 'bad-session.json');
    writeFileSync(file, JSON.stringify({ evidence: { legs: [{ leg: 'dance' }] } }));
    const r = await runCli(['explain', 'token_rejected', '--session', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^oauth-doctor: --session .*bad-session\.json: evidence\.legs\[0\]\.method is missing/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);

    const notJson = join(work, 'not.json');
    writeFileSync(notJson, 'legs: []');
    const second = await runCli(['explain', 'token_rejected', '--session', notJson]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/not JSON/);

    const missing = await runCli(['explain', 'token_rejected', '--session', join(work, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the file \(ENOENT\)/);
  });

  it('nothing recognised: exit 1, and says what it looked for', async () => {
    const r = await runCli(['explain', 'hello', 'world']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/nothing in the input was recognised/);
    expect(r.stderr).toMatch(/WWW-Authenticate/);
    expect(r.stderr).toMatch(/known error pages/);
    const asJson = await runCli(['explain', 'hello', '--json']);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ recognised: false, lookedFor: expect.arrayContaining([expect.stringMatching(/form-encoded body/)]) });
  });

  it.each([
    [['explain'], /nothing to explain/],
    [['explain', 'token_rejected', '--status', 'abc'], /--status "abc" is not an HTTP status/],
    [['explain', 'token_rejected', '--header', 'no colon here'], /is not "Name: value"/],
    [['explain', 'token_rejected', '--lang', 'fr'], /--lang "fr"/],
    [['explain', './missing-response.txt'], /no such file/],
    [['explain', '/'], /is a directory/],
  ])('usage error %j → exit 2, one line', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('masks tokens found in the input unless --show-secrets, but shows the server\'s base string as it is (issue 15 item 5)', async () => {
    const body = 'oauth_problem=signature_invalid&debug_sbs=POST&https%3A%2F%2Fapi.example.com%2Foauth%2Faccess_token&oauth_token%3Dhh5s93j4hdidpola%26oauth_verifier%3Dhfdp7dh39dks9884';
    const masked = await runCli(['explain', body]);
    expect(masked.code).toBe(0);
    expect(masked.stdout).toContain('Server\'s base string');
    expect(masked.stdout).toContain('  POST&https%3A%2F%2Fapi.example.com%2Foauth%2Faccess_token&oauth_token%3Dhh5s93j4hdidpola%26oauth_verifier%3Dhfdp7dh39dks9884\n');
    expect(withoutBaseStrings(masked.stdout)).not.toContain('hh5s93j4hdidpola');
    expect(withoutBaseStrings(masked.stdout)).not.toContain('hfdp7dh39dks9884');
    const shown = await runCli(['explain', body, '--show-secrets']);
    expect(shown.stdout).toContain('hh5s93j4hdidpola');
  });

  it('keeps provider text as data: terminal escapes are neutralised, HTML is not interpreted', async () => {
    const r = await runCli(['explain', 'oauth_problem=token_expired&oauth_problem_advice=%1B%5B2J%3Cb%3Ereauthorise%3C%2Fb%3E']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('\\x1b[2J<b>reauthorise</b>');
  });

  it('explains an unknown oauth_problem generically, exit 0', async () => {
    const r = await runCli(['explain', 'oauth_problem=flux_capacitor_misaligned', '--json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.problem).toMatchObject({ code: 'flux_capacitor_misaligned', known: false, confidence: 'heuristic' });
    expect(doc.causes[0]?.id).toBe('provider-specific');
  });
});

describe('oauth-doctor codes', () => {
  it('lists every problem code, provider code, cause and known page', async () => {
    const r = await runCli(['codes']);
    expect(r.code).toBe(0);
    for (const code of ['token_rejected', 'access_token_expired', 'x:89', 'x:417', 'flickr:96', 'smugmug:36', 'netsuite:INVALID_LOGIN', 'magento:unknown_problem', 'host-mismatch', 'x-page-request-token-invalid-ja']) {
      expect(r.stdout).toContain(code);
    }
  });

  it('--json, in Japanese', async () => {
    const r = await runCli(['codes', '--json', '--lang', 'ja']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { problems: { code: string; title: string }[]; providerCodes: { qualified: string; maps: string | null }[]; causes: { id: string }[] };
    expect(doc.problems.find((p) => p.code === 'token_used')?.title).toBe('トークンが使用済み');
    expect(doc.providerCodes.find((p) => p.qualified === 'x:135')?.maps).toBe('timestamp_refused');
    expect(doc.causes.map((c) => c.id)).toContain('token-type-confusion');
  });
});
