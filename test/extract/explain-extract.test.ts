import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCurlVerbose, readCapture } from '../../src/capture/index.js';
import { runInProcess } from '../helpers/in-process.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/extract/', import.meta.url));
const fixture = (name: string) => readFileSync(FIXTURES + name, 'utf8');

interface Doc {
  recognised?: boolean;
  reason?: string;
  message?: string;
  problem: { code: string; providerCode: string | null; source: string; confidence: string; status: number | null; parameters: Record<string, string>; extracted: { shape?: string; fragment?: string; decoded: string[] } | null };
  causes: { id: string }[];
}
const explainJson = async (args: string[], input?: string) => {
  const r = await runInProcess(['explain', '--json', ...args], input === undefined ? {} : { input });
  return { ...r, doc: JSON.parse(r.stdout) as Doc };
};

describe('explain reads structure inside text', () => {
  it('a log line with JSON after a prefix: the provider code, not a phrase guess; says where it was found', async () => {
    const { code, doc } = await explainJson(['2026-11-22 ERROR Error calling CreateOrder: {"errors":[{"code":89,"message":"Invalid or expired token."}]}']);
    expect(code).toBe(0);
    expect(doc.problem).toMatchObject({ code: 'token_rejected', providerCode: 'x:89', confidence: 'mapped', extracted: { fragment: 'json', decoded: [] } });
    const text = await runInProcess(['explain', 'Error calling CreateOrder: {"errors":[{"code":89,"message":"Invalid or expired token."}]}']);
    expect(text.stdout).toContain('read from a JSON fragment at character 28 of the paste');
  });

  it('parameters whose quotes arrived backslash-escaped give the code, not a backslash', async () => {
    const { doc } = await explainJson(['oauth_problem=\\"token_rejected\\"']);
    expect(doc.problem).toMatchObject({ code: 'token_rejected', confidence: 'exact', extracted: { fragment: 'form', decoded: ['backslash-escapes'] } });
  });
});

describe('curl -v transcripts', () => {
  it('explain keeps the status and headers of the response lines', async () => {
    const { code, doc } = await explainJson(['-'], fixture('curl-v-401.txt'));
    expect(code).toBe(0);
    expect(doc.problem).toMatchObject({ code: 'timestamp_refused', source: 'www-authenticate', status: 401, parameters: { oauth_acceptable_timestamps: '1763800000-1763800600' }, extracted: { shape: 'curl-verbose' } });
    expect(doc.causes[0]?.id).toBe('clock-skew');
  });

  it('explain reads an OAuth 2 token answer from a transcript', async () => {
    const { doc } = await explainJson([FIXTURES + 'curl-v-token-400.txt']);
    expect(doc.problem).toMatchObject({ code: 'oauth2:invalid_grant', status: 400, source: 'json-body' });
  });

  it('inspect reads a transcript as a capture, with the same parser', async () => {
    const capture = await readCapture(Buffer.from(fixture('curl-v-401.txt')), { source: 'curl-v-401.txt' });
    expect(capture.exchanges).toHaveLength(1);
    const [exchange] = capture.exchanges;
    expect(exchange?.request).toMatchObject({ method: 'GET', url: 'https://api.example.com/1.1/account/verify_credentials.json' });
    expect(exchange?.response).toMatchObject({ status: 401, body: 'oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1763800000-1763800600' });
    const r = await runInProcess(['inspect', FIXTURES + 'curl-v-401.txt', '--json']);
    const report = JSON.parse(r.stdout) as { findings: { problemCode?: string; diagnosis?: { problem: { code: string } } }[] };
    expect(JSON.stringify(report.findings)).toContain('timestamp_refused');
  });

  it('a port other than 443 without TLS lines reads as http; a redirect followed with -L keeps the last answer', () => {
    const text = '* Connected to localhost (127.0.0.1) port 8080\n> GET /a HTTP/1.1\n> Host: localhost:8080\n>\n< HTTP/1.1 302 Found\n< Location: /b\n<\n> GET /b HTTP/1.1\n> Host: localhost:8080\n>\n< HTTP/1.1 100 Continue\n<\n< HTTP/1.1 401 Unauthorized\n<\noauth_problem=token_expired';
    const capture = parseCurlVerbose(text, { source: 't' });
    expect(capture.exchanges.map((e) => [e.request.url, e.response?.status])).toEqual([
      ['http://localhost:8080/a', 302],
      ['http://localhost:8080/b', 401],
    ]);
    expect(capture.exchanges[1]?.response?.body).toBe('oauth_problem=token_expired');
  });
});

describe('a HAR or a curl command pasted into explain', () => {
  it('a HAR with exactly one failed answer: that answer is explained', async () => {
    const { code, doc } = await explainJson([FIXTURES + 'one-failure.har']);
    expect(code).toBe(0);
    expect(doc.problem).toMatchObject({ code: 'token_rejected', providerCode: 'x:89', status: 401, extracted: { shape: 'har' } });
  });

  it('a HAR with more: one line pointing to inspect, exit 1', async () => {
    const r = await runInProcess(['explain', FIXTURES + 'two-failures.har']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('oauth-doctor inspect');
    const { doc } = await explainJson(['-'], fixture('two-failures.har'));
    expect(doc).toMatchObject({ recognised: false, reason: 'har-capture' });
  });

  it('a curl command: one line pointing to inspect --curl, not the problem code "\\"', async () => {
    const r = await runInProcess(['explain', 'curl -H "Authorization: OAuth oauth_consumer_key=\\"ck\\"" https://api.example.com/x']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^oauth-doctor: this is a curl command.*inspect --curl/);
  });
});
