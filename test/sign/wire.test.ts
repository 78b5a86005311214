// The curl line that `oauth-doctor sign` prints, run as is by curl against a
// real server on 127.0.0.1 that checks the signature from what actually
// arrived on the wire (request line, Host header, body, Authorization).
import { spawn } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseStringUri, collectParameters, isSignatureMethod, normalizeParameters, parseAuthorizationHeader, signatureBaseString, verifySignature } from '../../src/oauth/index.js';
import { runCli } from '../helpers/cli.js';
import { readBody } from '../helpers/fault-server.js';

const SECRETS = { consumerSecret: 'c-secret &+é', tokenSecret: 't-secret/=' };
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-wire-'));
const keyFile = join(dir, 'key.pem');
writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));

/** Verifies a request the way a provider would, from the raw request; answers 200 "verified" or 401 with the reason. */
async function verify(req: IncomingMessage): Promise<[number, string]> {
  const body = await readBody(req);
  const header = parseAuthorizationHeader(req.headers.authorization ?? '');
  if (!header) return [401, 'no OAuth header'];
  const sent = new Map(header.parameters);
  const method = sent.get('oauth_signature_method') ?? '';
  if (!isSignatureMethod(method)) return [401, `method ${method}`];
  const url = `http://${req.headers.host}${req.url}`;
  const contentType = req.headers['content-type'];
  const requestBody = contentType ? { contentType, content: body } : undefined;
  const bodyHash = sent.get('oauth_body_hash');
  const digest = method.endsWith('SHA512') ? 'sha512' : method.endsWith('SHA256') ? 'sha256' : 'sha1';
  if (bodyHash !== undefined && bodyHash !== createHash(digest).update(body).digest('base64')) return [401, 'oauth_body_hash does not match the body'];
  const { normalized } = normalizeParameters(collectParameters(url, header.parameters, requestBody));
  const baseString = signatureBaseString(req.method ?? '', baseStringUri(url), normalized);
  const ok = verifySignature(method, baseString, sent.get('oauth_signature') ?? '', { ...SECRETS, publicKey });
  return ok ? [200, 'verified'] : [401, `signature_invalid ${baseString}`];
}

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    void verify(req).then(([status, text]) => res.writeHead(status, { 'content-type': 'text/plain' }).end(text));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a printed command line with /bin/sh, as a user pasting it would. */
function runShell(commandLine: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', `${commandLine} --silent --show-error --max-time 10`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function printedCurl(args: readonly string[]): Promise<string> {
  const r = await runCli(['sign', '--consumer-key', 'key', '--consumer-secret', SECRETS.consumerSecret, ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { curl: string }).curl;
}

const TOKEN = ['--token', 'token-value', '--token-secret', SECRETS.tokenSecret];

describe('the printed curl command, run by curl, is accepted by a verifying server', () => {
  it.each<[what: string, path: string, args: string[]]>([
    ['GET with a tricky query (+, %20, unicode, x=y=z, repeated names)', '/photos?q=a+b&q=c%20d&name=%E6%97%A5%E6%9C%AC&x=y=z&empty=', []],
    ['POST with the same name in query and form body, and a realm', '/update?a=1', ['-X', 'POST', '--data', 'a=2&status=Hello%20Ladies%20%2B%20Gentlemen&c2', '--realm', 'Example']],
    ['HMAC-SHA256', '/r?x=1', ['--signature-method', 'HMAC-SHA256']],
    ['HMAC-SHA512', '/r?x=1', ['--signature-method', 'HMAC-SHA512']],
    ['RSA-SHA256 with a JSON body and its SHA-256 oauth_body_hash (Mastercard)', '/r?x=1', ['--signature-method', 'RSA-SHA256', '--private-key', keyFile, '-X', 'POST', '--data', '{"a":"é"}', '--content-type', 'application/json', '--body-hash']],
    ['RSA-SHA512', '/r', ['--signature-method', 'RSA-SHA512', '--private-key', keyFile]],
    ['PLAINTEXT', '/r', ['--signature-method', 'PLAINTEXT']],
    ['RSA-SHA1 with a private key file', '/r?file=vacation.jpg', ['--signature-method', 'RSA-SHA1', '--private-key', keyFile]],
    ['a JSON body with oauth_body_hash', '/items', ['-X', 'PUT', '--data', '{"name":"é"}', '--content-type', 'application/json', '--body-hash']],
    ['a lowercase method', '/r', ['-X', 'post', '--data', 'a=1']],
    // Issue 15 item 1: a body without -X is POST for curl, so it is signed as POST.
    ['--data without -X (curl sends POST)', '/r?q=1', ['--data', 'status=hello']],
    ['-X GET with a body (curl is told -X GET)', '/r', ['-X', 'GET', '--data', 'a=1']],
  ])('%s', async (_what, path, args) => {
    const curl = await printedCurl(['--url', `${origin}${path}`, ...args, ...TOKEN, '--show-secrets']);
    const result = await runShell(curl);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('verified');
  });

  it('with secrets masked (the default) the curl line is not runnable, as the CLI warns', async () => {
    const curl = await printedCurl(['--url', `${origin}/r`, ...TOKEN]);
    expect(curl).toContain('…(11 chars)');
    const result = await runShell(curl);
    expect(result.stdout).toMatch(/^signature_invalid /);
  });
});
