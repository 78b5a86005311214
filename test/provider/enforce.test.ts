import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeForm, type Pair } from '../../src/oauth/form.js';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { authenticate, type EndpointRules, type EnforcementContext } from '../../src/provider/enforce.js';
import type { Failure } from '../../src/provider/failure.js';
import type { ReceivedRequest } from '../../src/provider/read-request.js';
import { Store } from '../../src/provider/store.js';
import { propertyRuns } from '../helpers/property-runs.js';

/** The pure rules, without sockets: request → verdict. */
const NOW = Date.UTC(2026, 5, 18, 9, 0, 0);
const TS = String(NOW / 1000);
const RULES: EndpointRules = { required: ['oauth_callback'], rejected: ['oauth_verifier'], token: 'none' };

function context(): EnforcementContext {
  const store = new Store();
  store.putConsumer({ key: 'app', secret: 'app-secret', status: 'active' });
  store.putConsumer({ key: 'banned', secret: 'x', status: 'rejected' });
  return { store, now: NOW, timestampWindowSec: 300, signatureMethods: ['HMAC-SHA1', 'HMAC-SHA256', 'RSA-SHA1', 'PLAINTEXT'], expiredAccessTokenProblem: 'token_expired' };
}

interface Build {
  key?: string;
  secret?: string;
  timestamp?: string;
  nonce?: string;
  extra?: Pair[];
  includeVersion?: boolean;
  url?: string;
  form?: Pair[];
}

function request(build: Build = {}): ReceivedRequest {
  const url = build.url ?? 'http://127.0.0.1:8080/oauth/request_token';
  const body = build.form ? { contentType: 'application/x-www-form-urlencoded', content: serializeForm(build.form, percentEncode) } : undefined;
  const signed = signRequest({
    method: 'POST',
    url,
    client: { consumerKey: build.key ?? 'app', consumerSecret: build.secret ?? 'app-secret' },
    signatureMethod: 'HMAC-SHA1',
    timestamp: build.timestamp ?? TS,
    nonce: build.nonce ?? 'n0nce',
    callback: 'oob',
    includeVersion: build.includeVersion,
    extraProtocolParameters: build.extra,
    body,
  });
  return { method: 'POST', url, authorization: [signed.authorization], body };
}

const problem = (verdict: unknown) => (verdict as Failure).problem;

describe('the order of the checks, as a strict provider does them', () => {
  it('accepts a correct request', () => {
    expect('consumer' in authenticate(request(), RULES, context())).toBe(true);
  });

  it('version before everything that follows it', () => {
    expect(problem(authenticate(request({ includeVersion: false, extra: [['oauth_version', '2.0']], key: 'nobody', timestamp: '1' }), RULES, context()))).toBe('version_rejected');
  });

  it('an unknown consumer before a stale timestamp', () => {
    expect(problem(authenticate(request({ key: 'nobody', timestamp: '1' }), RULES, context()))).toBe('consumer_key_unknown');
  });

  it('a blacklisted consumer before a wrong signature', () => {
    expect(problem(authenticate(request({ key: 'banned', secret: 'wrong' }), RULES, context()))).toBe('consumer_key_rejected');
  });

  it('a stale timestamp before a wrong signature', () => {
    expect(problem(authenticate(request({ secret: 'wrong', timestamp: String(NOW / 1000 - 301) }), RULES, context()))).toBe('timestamp_refused');
  });

  it('a wrong signature does not use up the nonce: the genuine request with it still passes', () => {
    const shared = context();
    expect(problem(authenticate(request({ secret: 'wrong', nonce: 'same' }), RULES, shared))).toBe('signature_invalid');
    expect('consumer' in authenticate(request({ nonce: 'same' }), RULES, shared)).toBe(true);
    expect(problem(authenticate(request({ nonce: 'same' }), RULES, shared))).toBe('nonce_used');
  });

  it('the same nonce with another timestamp is a different request (RFC 5849 §3.3)', () => {
    const shared = context();
    expect('consumer' in authenticate(request({ nonce: 'same', timestamp: TS }), RULES, shared)).toBe(true);
    expect('consumer' in authenticate(request({ nonce: 'same', timestamp: String(NOW / 1000 - 1) }), RULES, shared)).toBe(true);
  });

  it('names every absent parameter, percent-encoded and joined with & (Problem Reporting)', () => {
    const bare: ReceivedRequest = { method: 'POST', url: 'http://h/oauth/request_token', authorization: ['OAuth oauth_consumer_key="app", oauth_signature_method="HMAC-SHA1"'], body: undefined };
    const verdict = authenticate(bare, RULES, context()) as Failure;
    expect(verdict.problem).toBe('parameter_absent');
    expect(verdict.parameters).toEqual([['oauth_parameters_absent', 'oauth_signature&oauth_timestamp&oauth_nonce&oauth_callback']]);
  });

  it('a parameter this endpoint does not take is parameter_rejected', () => {
    expect(problem(authenticate(request({ extra: [['oauth_verifier', 'v']] }), RULES, context()))).toBe('parameter_rejected');
  });

  it('no Authorization header and no oauth_ parameters anywhere is parameter_absent', () => {
    const none: ReceivedRequest = { method: 'POST', url: 'http://h/oauth/request_token', authorization: ['Basic dXNlcjpwYXNz'], body: undefined };
    expect(problem(authenticate(none, RULES, context()))).toBe('parameter_absent');
  });
});

describe('property: whatever the parameters, what our core signs the provider verifies, and one changed byte it refuses', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '+', '%', '&', '=', '~', '*', 'é', '日', '😀', '\n'), maxLength: 12 });
  const pairs = fc.array(fc.tuple(text.filter((s) => s !== '' && !s.startsWith('oauth_')), text), { maxLength: 5 });

  it('holds for query and form parameters', () => {
    fc.assert(
      fc.property(pairs, pairs, fc.nat(), (query, form, n) => {
        const url = `http://127.0.0.1:8080/oauth/request_token${query.length ? '?' + serializeForm(query, percentEncode) : ''}`;
        const good = request({ url, form, nonce: `n${n}` });
        expect('consumer' in authenticate(good, RULES, context())).toBe(true);
        const tampered = good.body ? { ...good, body: { ...good.body, content: good.body.content + '&x=1' } } : { ...good, url: good.url + (query.length ? '&' : '?') + 'x=1' };
        expect(problem(authenticate(tampered, RULES, context()))).toBe('signature_invalid');
      }),
      { numRuns: propertyRuns(150, 1000) },
    );
  });
});
