import { generateKeyPairSync, createSign } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutBaseStrings } from '../helpers/base-strings.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { generateCaptures, type GeneratedCaptures } from '../fixtures/captures/generate.js';
import { buildAuthorizationHeader } from '../../src/oauth/authorization-header.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { signInput } from './helpers.js';

/** `oauth-doctor inspect` as users run it: the built CLI in a subprocess, on captures of real exchanges. */

let dir: string;
let generated: GeneratedCaptures;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-doctor-inspect-cli-'));
  generated = await generateCaptures(join(dir, 'captures'), ['happy', 'variant-plus-as-literal', 'wrong-secret', 'clock-skew', 'reuse-exchange']);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function scenario(name: string) {
  const found = generated.scenarios[name];
  if (!found) throw new Error(name);
  return found;
}

/** Every oauth_token and oauth_token_secret the provider issued in a HAR. */
async function issuedSecrets(har: string, which: 'all' | 'secrets' = 'all'): Promise<string[]> {
  const log = JSON.parse(await readFile(har, 'utf8')) as { log: { entries: { response: { content: { text: string } } }[] } };
  const pattern = which === 'all' ? /oauth_token(?:_secret)?=([^&\s]+)/g : /oauth_token_secret=([^&\s]+)/g;
  return log.log.entries.flatMap((e) => [...e.response.content.text.matchAll(pattern)].map((m) => decodeURIComponent(m[1] ?? '')));
}

function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^oauth-doctor: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('inspect end to end', () => {
  it('a clean HAR: timeline, signatures checked, exit 0, tokens masked', async () => {
    const { files, consumerSecret } = scenario('happy');
    const result = await runCli(['inspect', files.har, '--consumer-secret', consumerSecret]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Timeline');
    expect(result.stdout).toContain('signature matches (RFC 5849)');
    expect(result.stdout).toContain('Nothing wrong found');
    const secrets = await issuedSecrets(files.har);
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of [...secrets, consumerSecret]) expect(result.stdout + result.stderr).not.toContain(secret);
    const shown = await runCli(['inspect', files.har, '--consumer-secret', consumerSecret, '--show-secrets']);
    expect(shown.stdout).toContain(secrets[0]);
  });

  it('--json: one document, findings with the explain shape, signatureCheck with matches and variant', async () => {
    const { files, consumerSecret } = scenario('variant-plus-as-literal');
    const result = await runCli(['inspect', files.har, '--json'], { env: { OAUTH_CONSUMER_SECRET: consumerSecret } });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      signatureCheck: { matches: boolean; variant: string; diff: { index: number } };
      findings: { kind: string; exchange: number; leg: string; problem: { code: string; source: string }; causes: { id: string; likelihood: string; evidence: string[] }[]; fixes: unknown[]; signatureCheck: { variant: string } }[];
      flows: { events: { kind: string }[] }[];
      secretsMasked: boolean;
    };
    expect(report.signatureCheck).toMatchObject({ matches: false, variant: 'plus-as-literal' });
    expect(report.signatureCheck.diff.index).toBeGreaterThan(0);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ kind: 'provider-refused', leg: 'resource', problem: { code: 'signature_invalid', source: 'www-authenticate' }, signatureCheck: { variant: 'plus-as-literal' } });
    expect(report.findings[0]?.causes[0]).toMatchObject({ id: 'signature-base-mismatch', likelihood: 'certain' });
    expect(report.secretsMasked).toBe(true);
    // Tokens stand in the base strings as signed (issue 15 item 5), nowhere else; secrets nowhere.
    for (const secret of [...(await issuedSecrets(files.har)), consumerSecret]) expect(withoutBaseStrings(result.stdout)).not.toContain(secret);
    for (const secret of [...(await issuedSecrets(files.har, 'secrets')), consumerSecret]) expect(result.stdout).not.toContain(secret);
  });

  it('the text report shows both base strings and marks the first difference', async () => {
    const { files, consumerSecret } = scenario('variant-plus-as-literal');
    const result = await runCli(['inspect', files.har, '--consumer-secret', consumerSecret]);
    expect(result.stdout).toContain('reproduced by variant plus-as-literal');
    expect(result.stdout).toContain('RFC 5849 base string:');
    expect(result.stdout).toContain('base string that was signed:');
    const lines = result.stdout.split('\n');
    const ours = lines.findIndex((l) => l.trimStart().startsWith('RFC 5849  …'));
    expect(ours).toBeGreaterThan(0);
    const caret = lines[ours + 2] ?? '';
    const oursLine = lines[ours] ?? '';
    const signedLine = lines[ours + 1] ?? '';
    const column = caret.indexOf('^');
    expect(oursLine.slice(0, column)).toBe(signedLine.slice(0, column).replace('signed  ', 'RFC 5849'));
    expect(oursLine[column]).not.toBe(signedLine[column]);
  });

  it('--curl, with the secret from the environment', async () => {
    const { files, consumerSecret } = scenario('wrong-secret');
    const line = (await readFile(files.curl ?? '', 'utf8')).trim();
    const result = await runCli(['inspect', '--curl', line, '--json'], { env: { OAUTH_CONSUMER_SECRET: consumerSecret } });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { signatureCheck: { status: string; matches: boolean; variant: null }; findings: { kind: string; check: string }[] };
    expect(report.signatureCheck).toMatchObject({ status: 'no-match', matches: false, variant: null });
    expect(report.findings[0]).toMatchObject({ kind: 'check', check: 'signature-mismatch' });
  });

  it('raw HTTP on stdin, in Japanese', async () => {
    const { files } = scenario('clock-skew');
    const result = await runCli(['inspect', '-', '--scheme', 'http', '--lang', 'ja'], { input: await readFile(files.http ?? '', 'utf8') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('タイムライン');
    expect(result.stdout).toContain('clock-skew');
    expect(result.stdout).toMatch(/秒遅れています/);
  });

  it('reuse without any secret: the timeline alone is evidence', async () => {
    const { files } = scenario('reuse-exchange');
    const result = await runCli(['inspect', files.har, '--json']);
    const report = JSON.parse(result.stdout) as { findings: { problem: { code: string }; causes: { id: string; likelihood: string }[] }[]; exchanges: { signatureCheck: { status: string; reason: string } | null }[] };
    expect(report.findings[0]?.problem.code).toBe('token_used');
    expect(report.findings[0]?.causes[0]).toMatchObject({ id: 'reuse', likelihood: 'certain' });
    expect(report.exchanges[0]?.signatureCheck).toMatchObject({ status: 'unchecked' });
    expect(report.exchanges[0]?.signatureCheck?.reason).toMatch(/--consumer-secret/);
  });

  it('RSA-SHA1 with --private-key (its public half) finds the variant', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const keyFile = join(dir, 'key.pem');
    await writeFile(keyFile, privateKey.export({ type: 'pkcs1', format: 'pem' }));
    const signed = signRequest({ ...signInput({ url: 'https://jira.example.com/plugins/servlet/oauth/request-token?x=1', signatureMethod: 'RSA-SHA1' }), client: { consumerKey: 'jira', consumerSecret: '', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() } });
    const wrong = signRequest({ ...signInput({ url: 'https://jira.example.com/plugins/servlet/oauth/request-token', signatureMethod: 'RSA-SHA1' }), client: { consumerKey: 'jira', consumerSecret: '', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() } });
    const protocol = signed.protocolParameters.map(([k, v]) => [k, k === 'oauth_signature' ? createSign('RSA-SHA1').update(wrong.baseString).sign(privateKey, 'base64') : v] as const);
    const line = `curl -X POST '${signed.url}' -H 'Authorization: ${buildAuthorizationHeader(protocol)}'`;
    const result = await runCli(['inspect', '--curl', line, '--private-key', keyFile, '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({ signatureCheck: { signatureMethod: 'RSA-SHA1', variant: 'query-omitted' } });
  });

  it('a capture without OAuth: says so, exit 1', async () => {
    const har = join(dir, 'plain.har');
    await writeFile(har, JSON.stringify({ log: { version: '1.2', entries: [{ startedDateTime: '2024-01-01T00:00:00Z', request: { method: 'GET', url: 'https://example.com/', headers: [] }, response: { status: 200, headers: [], content: { text: 'hi' } } }] } }));
    const result = await runCli(['inspect', har]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('No OAuth 1.0a exchange found');
  });
});

describe('inspect refuses bad input with one line and exit 2', () => {
  it('a HAR cut short names the byte, line and column', async () => {
    const { files } = scenario('happy');
    const text = await readFile(files.har, 'utf8');
    const cut = join(dir, 'cut.har');
    await writeFile(cut, text.slice(0, Math.floor(text.length / 2)));
    expectOneLineError(await runCli(['inspect', cut]), /cut\.har: .* at byte \d+ \(line \d+, column \d+\)/);
  });

  it('a HAR field of the wrong type names the field', async () => {
    const bad = join(dir, 'field.har');
    await writeFile(bad, JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'oauth', headers: [] } }] } }));
    expectOneLineError(await runCli(['inspect', bad]), /log\.entries\[0\]\.request\.url is not an absolute URL/);
  });

  it('a broken curl line names the line and column', async () => {
    expectOneLineError(await runCli(['inspect', '--curl', `curl -X POST 'https://a.example/oauth/request_token -H 'Authorization: OAuth a="b"'`]), /line 1, column/);
    expectOneLineError(await runCli(['inspect', '--curl', 'curl --bogus https://a.example/x']), /unknown curl option --bogus at line 1, column 6/);
  });

  it('broken raw HTTP names the line', async () => {
    const file = join(dir, 'bad.http');
    await writeFile(file, 'POST /oauth/request_token HTTP/1.1\nHost: a.example\nnot a header\n\n');
    expectOneLineError(await runCli(['inspect', file]), /bad\.http: line 3: expected a header "Name: value"/);
  });

  it('usage errors', async () => {
    expectOneLineError(await runCli(['inspect']), /nothing to inspect/);
    expectOneLineError(await runCli(['inspect', 'x.har', '--curl', 'curl https://a']), /either a file or --curl/);
    expectOneLineError(await runCli(['inspect', join(dir, 'missing.har')]), /missing\.har: cannot read it \(ENOENT\)/);
    expectOneLineError(await runCli(['inspect', dir]), /is a directory/);
    expectOneLineError(await runCli(['inspect', '--curl', 'curl https://a', '--format', 'pcap']), /--format "pcap" is not a capture format/);
    expectOneLineError(await runCli(['inspect', '--curl', 'curl https://a', '--public-key', join(dir, 'nope.pem')]), /--public-key .*nope\.pem: cannot read it/);
    expectOneLineError(await runCli(['inspect', '--curl', 'curl https://a', '--lang', 'fr']), /--lang "fr"/);
  });
});
