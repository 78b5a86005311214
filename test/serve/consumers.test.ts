import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isDoctorError } from '../../src/errors.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { consumerSecretsIn, parseConsumerList, parseConsumersFile } from '../../src/commands/serve/consumer-sources.js';
import fc from 'fast-check';
import { BIN, runCli } from '../helpers/cli.js';
import { propertyRuns } from '../helpers/property-runs.js';

const ENV_SECRET_ONE = 'env-canary-secret-one';
const ENV_SECRET_TWO = 'env-canary-secret-two:with-colon';
const FILE_SECRET = 'file-canary-secret-42';
const SECRETS = [ENV_SECRET_ONE, ENV_SECRET_TWO, FILE_SECRET];

const running: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

beforeAll(async () => {
  // The end-to-end tests run the built CLI.
  execFileSync(process.execPath, ['scripts/build.mjs']);
});

interface Started {
  readonly url: string;
  readonly consumers: { key: string; secret: string; secretMasked: boolean }[];
  readonly child: ChildProcessWithoutNullStreams;
  output(): string;
}

/** Starts `serve --json` with extra environment variables and resolves with its start line. */
function serveJson(args: readonly string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'serve', '--json', ...args], { env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C', ...env } });
  running.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve({ ...(JSON.parse(out.split('\n')[0] ?? '') as { url: string; consumers: Started['consumers'] }), child, output: () => out + err });
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code} before printing: ${err}`)));
  });
}

/** A request-token call signed with the given consumer: 200 means the provider knows the consumer and its secret. */
async function requestTokenStatus(url: string, key: string, secret: string): Promise<number> {
  const signed = signRequest({ method: 'POST', url: `${url}/oauth/request_token`, client: { consumerKey: key, consumerSecret: secret }, signatureMethod: 'HMAC-SHA1', timestamp: String(Math.floor(Date.now() / 1000)), nonce: `n-${key}-${Math.random()}`, callback: 'oob' });
  const response = await fetch(signed.url, { method: 'POST', headers: { authorization: signed.authorization } });
  await response.text();
  return response.status;
}

function fifo(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'serve-consumers-')), 'fifo');
  execFileSync('mkfifo', [path]);
  return path;
}

function consumersFile(text: string, mode = 0o600): string {
  const file = join(mkdtempSync(join(tmpdir(), 'serve-consumers-')), 'consumers.txt');
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
}

const expectNoSecrets = (text: string) => {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe('consumer sources (pure)', () => {
  it('OAUTH_DOCTOR_CONSUMERS: comma-separated KEY:SECRET, split at the first colon, empty entries skipped', () => {
    expect(parseConsumerList(` one:${ENV_SECRET_ONE} ,, two:${ENV_SECRET_TWO},`)).toEqual([
      { key: 'one', secret: ENV_SECRET_ONE, from: 'OAUTH_DOCTOR_CONSUMERS entry 1' },
      { key: 'two', secret: ENV_SECRET_TWO, from: 'OAUTH_DOCTOR_CONSUMERS entry 3' },
    ]);
    expect(parseConsumerList('')).toEqual([]);
  });

  it('consumerSecretsIn (the masking at start-up) never throws and finds exactly the secrets serve registers', () => {
    const piece = fc.constantFrom('a', 'b:', ':', ',', ' ', 'key', 'k y', '\t', 's3cr3t:x', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), (value) => {
        const secrets = consumerSecretsIn(value);
        let registered: string[] | undefined;
        try {
          registered = parseConsumerList(value).map((c) => c.secret);
        } catch {
          registered = undefined; // serve refuses the value; masking still found what it could
        }
        if (registered) expect(secrets).toEqual(registered);
      }),
      { numRuns: propertyRuns(1000) },
    );
    expect(consumerSecretsIn(`one:${ENV_SECRET_ONE}, bad entry ,two:${ENV_SECRET_TWO}`)).toEqual([ENV_SECRET_ONE, ENV_SECRET_TWO]);
  });

  it('a consumers file: comments, blank lines and CRLF are fine; the line number counts every line', () => {
    const parsed = parseConsumersFile(`# test consumers\r\n\r\nalpha:${FILE_SECRET}\r\n  # indented comment\nbeta:b#not-a-comment\n`, 'c.txt');
    expect(parsed).toEqual([
      { key: 'alpha', secret: FILE_SECRET, from: '--consumers-file c.txt line 3' },
      { key: 'beta', secret: 'b#not-a-comment', from: '--consumers-file c.txt line 5' },
    ]);
  });

  it.each([['no-colon-here'], [':secret-only'], ['key-only:'], ['two words:secret']])('%j is refused with its line number, never quoted', (line) => {
    const error = (() => {
      try {
        parseConsumersFile(`# header\nok:${FILE_SECRET}\n${line}\n`, 'c.txt');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isDoctorError(error) && error.code).toBe('invalid-consumer');
    expect((error as Error).message).toBe('--consumers-file c.txt line 3 is not KEY:SECRET');
  });
});

describe('serve: consumers without secrets on the command line', () => {
  it('OAUTH_DOCTOR_CONSUMERS registers every consumer: signed requests are accepted, the secrets never printed', async () => {
    const served = await serveJson([], { OAUTH_DOCTOR_CONSUMERS: `one:${ENV_SECRET_ONE},two:${ENV_SECRET_TWO}` });
    expect(served.consumers.map((c) => [c.key, c.secretMasked])).toEqual([['one', true], ['two', true]]);
    expect(await requestTokenStatus(served.url, 'two', ENV_SECRET_TWO)).toBe(200);
    expect(await requestTokenStatus(served.url, 'one', ENV_SECRET_ONE)).toBe(200);
    expect(await requestTokenStatus(served.url, 'one', 'a-wrong-secret')).toBe(401);
    served.child.kill('SIGTERM');
    expectNoSecrets(served.output());
  });

  it('--consumers-file registers the consumers of a 0600 file; --throttle applies to them', async () => {
    const file = consumersFile(`# CI consumers\nalpha:${FILE_SECRET}\n\nbeta:${ENV_SECRET_ONE}\n`);
    const served = await serveJson(['--consumers-file', file, '--throttle', 'beta']);
    expect(served.consumers.map((c) => c.key)).toEqual(['alpha', 'beta']);
    expect(await requestTokenStatus(served.url, 'alpha', FILE_SECRET)).toBe(200);
    expect(await requestTokenStatus(served.url, 'beta', ENV_SECRET_ONE)).toBe(503);
    served.child.kill('SIGTERM');
    expectNoSecrets(served.output());
  });

  it('the text start-up masks them too', async () => {
    const file = consumersFile(`alpha:${FILE_SECRET}\n`);
    const child = spawn(process.execPath, [BIN, 'serve', '--consumers-file', file], { env: { PATH: process.env['PATH'] ?? '', HOME: '/tmp', LANG: 'C', OAUTH_DOCTOR_CONSUMERS: `one:${ENV_SECRET_ONE}` } });
    running.push(child);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    for (let i = 0; i < 200 && (out.match(/consumer secret/g) ?? []).length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(out).toContain('consumer key     one');
    expect(out).toContain('consumer key     alpha');
    expect(out).toMatch(/consumer secret {2}file…\(21 chars\)/);
    expectNoSecrets(out);
  });

  it('--show-secrets prints them in full', async () => {
    const served = await serveJson(['--show-secrets'], { OAUTH_DOCTOR_CONSUMERS: `one:${ENV_SECRET_ONE}` });
    expect(served.consumers).toEqual([expect.objectContaining({ key: 'one', secret: ENV_SECRET_ONE, secretMasked: false })]);
  });

  it.each([
    ['a malformed line', () => ['--consumers-file', consumersFile(`# header\nalpha:${FILE_SECRET}\n${ENV_SECRET_ONE}\n`)], {}, /line 3 is not KEY:SECRET/],
    ['a file other users can read', () => ['--consumers-file', consumersFile(`alpha:${FILE_SECRET}\n`, 0o644)], {}, /other users can read it \(mode 0644\).*chmod 600/],
    ['a FIFO (read once, refused rather than waited on)', () => ['--consumers-file', fifo()], {}, /--consumers-file .*fifo: cannot read the file \(not a regular file\)/],
    ['a missing file', () => ['--consumers-file', '/nonexistent/consumers.txt'], {}, /--consumers-file \/nonexistent\/consumers.txt: cannot read the file \(ENOENT\)/],
    ['a malformed entry in the variable', () => [], { OAUTH_DOCTOR_CONSUMERS: `one:${ENV_SECRET_ONE},${FILE_SECRET}` }, /OAUTH_DOCTOR_CONSUMERS: entry 2 is not KEY:SECRET/],
    ['a key given twice', () => ['--consumer', `one:${FILE_SECRET}`], { OAUTH_DOCTOR_CONSUMERS: `one:${ENV_SECRET_ONE}` }, /consumer one is given twice \(OAUTH_DOCTOR_CONSUMERS entry 1, --consumer\)/],
    ['a key given with a secret and as --rsa-consumer', () => ['--consumer', `one:${FILE_SECRET}`, '--rsa-consumer', 'one:/nonexistent/key.pem'], {}, /consumer one is given twice \(--consumer, --rsa-consumer\)/],
    ['a key from the variable given again as --rsa-consumer', () => ['--rsa-consumer', 'one:/nonexistent/key.pem'], { OAUTH_DOCTOR_CONSUMERS: `one:${ENV_SECRET_ONE}` }, /consumer one is given twice \(OAUTH_DOCTOR_CONSUMERS entry 1, --rsa-consumer\)/],
    ['an --rsa-consumer key with a space', () => ['--rsa-consumer', 'my app:key.pem'], {}, /--rsa-consumer "my app:key.pem" is not KEY:FILE/],
    ['a --consumer without a colon', () => ['--consumer', FILE_SECRET], {}, /--consumer value is not KEY:SECRET/],
    ['a bad --token-retention', () => ['--token-retention', 'forever'], {}, /--token-retention "forever" is not a duration/],
  ])('%s: one line, exit 2, no secret printed', async (_what, args, env, message) => {
    const result = await runCli(['serve', ...args()], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expectNoSecrets(result.stderr);
  });
});
