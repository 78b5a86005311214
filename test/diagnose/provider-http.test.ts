import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblem } from '../../src/diagnose/read-problem.js';
import type { DetectedProblem, LegRecord } from '../../src/diagnose/types.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';

/**
 * The reader against a real server on 127.0.0.1: the embedded provider in each
 * of its dialects answers genuine mistakes (wrong secret, unknown key, stale
 * timestamp, bad authorise links) and readProblem must find each one.
 */
const DIALECTS = ['problem-reporting', 'x', 'oauthlib', 'jira'] as const;
type Dialect = (typeof DIALECTS)[number];

const providers = new Map<Dialect, RunningProvider>();
beforeAll(async () => {
  for (const dialect of DIALECTS) providers.set(dialect, await startProvider({ dialect, consumers: [{ key: 'doctor-test', secret: 'right-secret' }] }));
});
afterAll(async () => {
  await Promise.all([...providers.values()].map((p) => p.close()));
});

interface Sent {
  readonly problem: DetectedProblem | undefined;
  readonly leg: LegRecord;
}

async function requestToken(provider: RunningProvider, options: { key?: string; secret?: string; timestamp?: number }): Promise<Sent> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signed = signRequest({
    method: 'POST',
    url: provider.endpoints.requestToken,
    client: { consumerKey: options.key ?? 'doctor-test', consumerSecret: options.secret ?? 'right-secret' },
    signatureMethod: 'HMAC-SHA1',
    timestamp: String(timestamp),
    nonce: `n${Math.random().toString(36).slice(2)}`,
    callback: 'oob',
  });
  const at = Date.now();
  const response = await fetch(signed.url, { method: 'POST', headers: { authorization: signed.authorization } });
  const problem = readProblem({ status: response.status, headers: Object.fromEntries(response.headers), body: await response.text(), url: signed.url });
  return { problem, leg: { leg: 'request_token', method: 'POST', url: signed.url, at, status: response.status, oauthTimestamp: timestamp, baseString: signed.baseString, callback: 'oob' } };
}

async function authorizePage(provider: RunningProvider, query: string, lang: string): Promise<DetectedProblem | undefined> {
  const url = `${provider.endpoints.authorize}${query}`;
  const response = await fetch(url, { headers: { 'accept-language': lang } });
  return readProblem({ status: response.status, headers: Object.fromEntries(response.headers), body: await response.text(), url });
}

const EXPECTED: Record<Dialect, { wrongSecret: Partial<DetectedProblem>; unknownKey: Partial<DetectedProblem>; stale: Partial<DetectedProblem> }> = {
  'problem-reporting': {
    wrongSecret: { code: 'signature_invalid', source: 'www-authenticate', confidence: 'exact', status: 401 },
    unknownKey: { code: 'consumer_key_unknown', confidence: 'exact' },
    stale: { code: 'timestamp_refused', confidence: 'exact' },
  },
  x: {
    wrongSecret: { code: 'signature_invalid', providerCode: 'x:32', source: 'json-body', status: 401 },
    unknownKey: { code: 'signature_invalid', providerCode: 'x:32' },
    stale: { code: 'timestamp_refused', providerCode: 'x:135' },
  },
  oauthlib: {
    // oauthlib answers every validation failure with a bare 401.
    wrongSecret: { code: 'http:401', source: 'status-only', status: 401 },
    unknownKey: { code: 'http:401', source: 'status-only' },
    stale: { code: 'timestamp_refused', source: 'oauthlib-error', status: 400 },
  },
  jira: {
    wrongSecret: { code: 'signature_invalid', source: 'www-authenticate', confidence: 'exact' },
    unknownKey: { code: 'consumer_key_unknown', source: 'www-authenticate' },
    stale: { code: 'timestamp_refused', source: 'www-authenticate' },
  },
};

describe.each(DIALECTS)('the embedded provider speaking %s, over HTTP', (dialect) => {
  it('a wrong consumer secret', async () => {
    const { problem } = await requestToken(providers.get(dialect)!, { secret: 'wrong-secret' });
    expect(problem).toMatchObject(EXPECTED[dialect].wrongSecret);
  });

  it('an unknown consumer key', async () => {
    const { problem } = await requestToken(providers.get(dialect)!, { key: 'nobody' });
    expect(problem).toMatchObject(EXPECTED[dialect].unknownKey);
  });

  it('a timestamp an hour old', async () => {
    const { problem } = await requestToken(providers.get(dialect)!, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(problem).toMatchObject(EXPECTED[dialect].stale);
  });

  it('a correct request is no problem', async () => {
    const { problem } = await requestToken(providers.get(dialect)!, {});
    expect(problem).toBeUndefined();
  });
});

describe('diagnosis from what the servers said', () => {
  it('Jira echoes its base string: equal to ours, so the secret is wrong', async () => {
    const { problem, leg } = await requestToken(providers.get('jira')!, { secret: 'wrong-secret' });
    expect(problem?.serverBaseString).toBe(leg.baseString);
    const d = diagnose(problem!, { legs: [leg] }, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'wrong-secret', likelihood: 'certain' });
    expect(d.causes.find((c) => c.id === 'signature-base-mismatch')?.likelihood).toBe('unlikely');
  });

  it('oauth_acceptable_timestamps against the timestamp sent: certain, an hour behind', async () => {
    const { problem, leg } = await requestToken(providers.get('problem-reporting')!, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const d = diagnose(problem!, { legs: [leg] }, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'clock-skew', likelihood: 'certain' });
    expect(d.causes[0]?.evidence[0]).toMatch(/oauth_timestamp \d+ is \d+ s before the earliest the server accepts.*behind/);
  });

  it('X\'s authorise pages: an unknown token and no token are told apart, in English and Japanese', async () => {
    const x = providers.get('x')!;
    expect(await authorizePage(x, '?oauth_token=never-issued-token', 'en')).toMatchObject({ code: 'token_rejected', providerCode: 'x:page:request-token-invalid', source: 'html-page' });
    expect(await authorizePage(x, '?oauth_token=never-issued-token', 'ja')).toMatchObject({ providerCode: 'x:page:request-token-invalid' });
    expect(await authorizePage(x, '', 'en')).toMatchObject({ code: 'parameter_absent', providerCode: 'x:page:no-request-token' });
    expect(await authorizePage(x, '', 'ja')).toMatchObject({ providerCode: 'x:page:no-request-token' });
  });
});
