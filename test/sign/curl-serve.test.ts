// The curl line `sign` prints sends exactly what was signed (issue 16 §3):
// run by curl, as a user pasting it would, against the embedded provider,
// which checks the signature from what arrived on the wire. URLs with
// non-ASCII paths and queries, dot segments (also as %2E) and an IDN-free
// mix of escapes: curl used to send the URL as typed (raw UTF-8, dot segments
// left for curl to squash, [] read as a glob) where the normalised form was signed.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlow } from '../../src/flow/engine.js';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { localConfig, testIo } from '../flow/helpers.js';
import { runCli } from '../helpers/cli.js';

let provider: RunningProvider;
let token: { token: string; secret: string };
beforeAll(async () => {
  provider = await startProvider({ autoApprove: true, consumers: [{ key: 'app', secret: 'app-secret' }] });
  const outcome = await runFlow(localConfig(provider, { client: { consumerKey: 'app', consumerSecret: 'app-secret' } }), testIo());
  if (!outcome.accessToken) throw new Error('the flow gave no access token');
  token = outcome.accessToken;
});
afterAll(async () => {
  await provider.close();
});

function shell(commandLine: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `${commandLine} --silent --show-error --max-time 10 -w '\\n%{http_code}'`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function printedCurl(url: string, extra: readonly string[] = []): Promise<string> {
  const r = await runCli(['sign', '--url', url, '--consumer-key', 'app', '--consumer-secret', 'app-secret', '--token', token.token, '--token-secret', token.secret, ...extra, '--show-secrets', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { curl: string }).curl;
}

describe('the curl line sign prints, run against serve', () => {
  it.each<[what: string, path: string, arrives: string, extra: string[]]>([
    ['a non-ASCII path', '/api/café/日本語', '/api/caf%C3%A9/%E6%97%A5%E6%9C%AC%E8%AA%9E', []],
    ['a non-ASCII path and query', '/api/ünï?q=é ü&emoji=😀', '/api/%C3%BCn%C3%AF', []],
    ['dot segments', '/api/a/../b/./c', '/api/b/c', []],
    ['dot segments written as %2E', '/api/x/%2e%2E/y/%2E/z', '/api/y/z', []],
    ['dot segments and non-ASCII together, POST with a form body', '/api/ä/../ö/.?x=[1]', '/api/%C3%B6/', ['-X', 'POST', '--data', 'status=Hello%20Ladies%20%2B%20Gentlemen&é=ü']],
    ['escapes written in lower case are sent (and signed) as written', '/api/caf%c3%a9', '/api/caf%c3%a9', []],
  ])('%s → 200', async (_what, path, arrives, extra) => {
    const curl = await printedCurl(`${provider.url}${path}`, extra);
    const result = await shell(curl);
    expect(result.stderr).toBe('');
    const [body = '', status] = result.stdout.split('\n');
    expect(status, body).toBe('200');
    expect((JSON.parse(body) as { path: string }).path).toBe(arrives);
  });

  it('sign shows the URL as sent when it differs from the one typed, and --json carries it as wireUrl', async () => {
    const args = ['sign', '--url', `${provider.url}/api/a/../café`, '--consumer-key', 'app', '--consumer-secret', 'app-secret'];
    const text = await runCli(args);
    expect(text.stdout).toContain(`URL as sent (normalised, RFC 3986 §6.2.2)\n  ${provider.url}/api/caf%C3%A9\n`);
    const json = JSON.parse((await runCli([...args, '--json'])).stdout) as { wireUrl: string; url: string };
    expect(json.wireUrl).toBe(`${provider.url}/api/caf%C3%A9`);
    expect(json.url).toBe(`${provider.url}/api/a/../café`);
    const plain = await runCli(['sign', '--url', `${provider.url}/api/me`, '--consumer-key', 'app', '--consumer-secret', 'app-secret']);
    expect(plain.stdout).not.toContain('URL as sent');
  });

  it('the URL as typed would not do: serve refuses it (so the test above can fail)', async () => {
    const curl = await printedCurl(`${provider.url}/api/café/日本語`);
    const typed = curl.replace(/'?http:\/\/127\.0\.0\.1:\d+\/api\/caf%C3%A9\/%E6%97%A5%E6%9C%AC%E8%AA%9E'?/, `'${provider.url}/api/café/日本語'`);
    expect(typed).not.toBe(curl);
    const [, status] = (await shell(typed)).stdout.split('\n');
    expect(status).toBe('401');
  });
});
