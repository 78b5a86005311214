// Mastercard's gateway answer to a refused signature, from a stand-in on
// 127.0.0.1: the documented error envelope ({"Errors":{"Error":[{Source,
// ReasonCode,Description,Recoverable,Details}]}}) quoting the base string the
// gateway accepts. This one builds it without the query (a server-side
// variant), so `request` must mark the first difference and name the variant.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseStringUri, normalizeParameters, parseAuthorizationHeader, signatureBaseString } from '../../src/oauth/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-mastercard-'));
const keyFile = join(dir, 'key.pem');
writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const header = parseAuthorizationHeader(req.headers.authorization ?? '');
    const url = `http://${req.headers.host}${req.url}`;
    // The stand-in's own (wrong) base string: the query left out.
    const params = (header?.parameters ?? []).filter(([n]) => n !== 'oauth_signature').map(([name, value]) => ({ name, value, source: 'oauth' as const }));
    const theirs = signatureBaseString(req.method ?? 'GET', baseStringUri(url), normalizeParameters(params).normalized);
    const body = { Errors: { Error: [{ Source: 'OAuth.Signature', ReasonCode: 'AUTHENTICATION_FAILED', Description: 'OAuth signature verification failed', Recoverable: false, Details: `Acceptable signature base string: ${theirs}` }] } };
    res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('request against a Mastercard-style gateway that quotes its base string', () => {
  it('compares the quoted base string with ours: first difference marked, the server’s variant named, signature-base-mismatch certain', async () => {
    const r = await runCli(['request', '--provider', 'mastercard', '--consumer-key', 'mc-consumer-key', '--private-key', keyFile, `${origin}/atms/v1/atm?PageLength=1&PageOffset=0`, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as {
      request: { signatureMethod: string; baseString: string };
      diagnosis: { problem: { code: string; provider: string | null; serverBaseString: string | null }; causes: { id: string; likelihood: string }[]; baseStringDiff: { index: number; ours: string; theirs: string } | null };
      signatureCheck: { serverVariant: string | null; serverBaseStringMatches: boolean | null };
    };
    expect(report.request.signatureMethod).toBe('RSA-SHA256');
    expect(report.diagnosis.problem).toMatchObject({ code: 'signature_invalid', provider: 'mastercard' });
    expect(report.diagnosis.causes[0]).toMatchObject({ id: 'signature-base-mismatch', likelihood: 'certain' });
    const diff = report.diagnosis.baseStringDiff;
    expect(diff?.ours).toBe(report.request.baseString);
    expect(diff?.theirs).toBe(report.diagnosis.problem.serverBaseString);
    // Ours has PageLength (a query parameter) where theirs goes straight to oauth_body_hash.
    expect(diff?.ours.slice(diff.index)).toMatch(/^PageLength/);
    expect(report.signatureCheck).toMatchObject({ serverVariant: 'query-omitted', serverBaseStringMatches: false });
  });
});
