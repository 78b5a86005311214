import type { ProblemCode } from '../../src/provider/problems.js';
import type { RunningProvider } from '../../src/provider/index.js';
import { approve, call, dropProtocol, fullFlow, requestToken, setProtocol, type TestClient } from './helpers.js';

const APP: TestClient = { key: 'app', secret: 'app-secret' };
const BANNED: TestClient = { key: 'banned', secret: 'banned-secret' };
const BUSY: TestClient = { key: 'busy', secret: 'busy-secret' };

export const CONSUMERS = [
  { key: APP.key, secret: APP.secret },
  { key: BANNED.key, secret: BANNED.secret, status: 'rejected' as const },
  { key: BUSY.key, secret: BUSY.secret, status: 'throttled' as const },
];

export interface Observed {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

export interface Scenario {
  readonly problem: ProblemCode;
  /** What the scenario does, for the test name. */
  readonly how: string;
  readonly run: (provider: RunningProvider) => Promise<Observed>;
  /** Companion parameters the Problem Reporting answer must carry (name → value pattern). */
  readonly companions?: Readonly<Record<string, RegExp>>;
  /** Refused at the authorise step: a page for a person, the problem in WWW-Authenticate only. */
  readonly page?: boolean;
}

const RT = '/oauth/request_token';
const AT = '/oauth/access_token';
const ME = '/api/me';

async function approvedToken(provider: RunningProvider) {
  const temporary = await requestToken(provider, APP);
  const verifier = await approve(provider, temporary.token);
  return { temporary, verifier };
}

/** One real HTTP request per oauth_problem, signed by our core, in the order of the issue. */
export const SCENARIOS: readonly Scenario[] = [
  {
    problem: 'signature_invalid',
    how: 'request_token signed with the wrong consumer secret',
    run: (p) => call(p, { path: RT, client: { key: APP.key, secret: 'wrong-secret' }, callback: 'oob' }),
  },
  {
    problem: 'signature_method_rejected',
    how: 'oauth_signature_method=HMAC-MD5',
    run: (p) => call(p, { path: RT, client: APP, callback: 'oob', tamper: setProtocol('oauth_signature_method', 'HMAC-MD5') }),
  },
  {
    problem: 'version_rejected',
    how: 'oauth_version=2.0',
    run: (p) => call(p, { path: RT, client: APP, callback: 'oob', includeVersion: false, extra: [['oauth_version', '2.0']] }),
    companions: { oauth_acceptable_versions: /^1\.0-1\.0$/ },
  },
  {
    problem: 'parameter_absent',
    how: 'request_token without oauth_nonce',
    run: (p) => call(p, { path: RT, client: APP, callback: 'oob', tamper: dropProtocol('oauth_nonce') }),
    companions: { oauth_parameters_absent: /^oauth_nonce$/ },
  },
  {
    problem: 'parameter_rejected',
    how: 'an unknown oauth_foo protocol parameter',
    run: (p) => call(p, { path: RT, client: APP, callback: 'oob', extra: [['oauth_foo', 'bar']] }),
    companions: { oauth_parameters_rejected: /^oauth_foo=bar$/ },
  },
  {
    problem: 'timestamp_refused',
    how: 'oauth_timestamp 20 minutes old',
    run: (p) => call(p, { path: RT, client: APP, callback: 'oob', timestamp: String(Math.floor(Date.now() / 1000) - 1200) }),
    companions: { oauth_acceptable_timestamps: /^\d+-\d+$/ },
  },
  {
    problem: 'nonce_used',
    how: 'the same nonce and timestamp twice',
    run: async (p) => {
      const same = { path: RT, client: APP, callback: 'oob', nonce: 'fixed-nonce-1', timestamp: String(Math.floor(Date.now() / 1000)) };
      const first = await call(p, same);
      if (first.status !== 200) throw new Error(`first request failed: ${first.body}`);
      return call(p, same);
    },
  },
  {
    problem: 'consumer_key_unknown',
    how: 'a consumer key the provider never registered',
    run: (p) => call(p, { path: RT, client: { key: 'nobody', secret: 'x' }, callback: 'oob' }),
  },
  {
    problem: 'consumer_key_rejected',
    how: 'a blacklisted consumer',
    run: (p) => call(p, { path: RT, client: BANNED, callback: 'oob' }),
  },
  {
    problem: 'consumer_key_refused',
    how: 'a throttled consumer',
    run: (p) => call(p, { path: RT, client: BUSY, callback: 'oob' }),
  },
  {
    problem: 'token_used',
    how: 'the request token exchanged twice',
    run: async (p) => {
      const { temporary, verifier } = await approvedToken(p);
      await call(p, { path: AT, client: APP, token: temporary, verifier });
      return call(p, { path: AT, client: APP, token: temporary, verifier });
    },
  },
  {
    problem: 'token_expired',
    how: 'a request token past its lifetime',
    run: async (p) => {
      const { temporary, verifier } = await approvedToken(p);
      p.expireToken(temporary.token);
      return call(p, { path: AT, client: APP, token: temporary, verifier });
    },
  },
  {
    problem: 'token_revoked',
    how: 'a revoked access token at /api/me',
    run: async (p) => {
      const flow = await fullFlow(p, APP);
      p.revokeToken(flow.access.token);
      return call(p, { method: 'GET', path: ME, client: APP, token: flow.access });
    },
  },
  {
    problem: 'token_rejected',
    how: 'a token the provider never issued',
    run: (p) => call(p, { method: 'GET', path: ME, client: APP, token: { token: 'never-issued', secret: 'x' } }),
  },
  {
    problem: 'verifier_invalid',
    how: 'the wrong oauth_verifier',
    run: async (p) => {
      const { temporary } = await approvedToken(p);
      return call(p, { path: AT, client: APP, token: temporary, verifier: 'not-the-verifier' });
    },
  },
  {
    problem: 'permission_denied',
    how: 'the user denied, the client exchanged anyway',
    run: async (p) => {
      const temporary = await requestToken(p, APP);
      await fetch(`${p.endpoints.authorize}?oauth_token=${temporary.token}&action=deny`, { redirect: 'manual' });
      return call(p, { path: AT, client: APP, token: temporary, verifier: 'anything' });
    },
  },
  {
    problem: 'permission_unknown',
    how: 'access_token before the user decided',
    run: async (p) => {
      const temporary = await requestToken(p, APP);
      return call(p, { path: AT, client: APP, token: temporary, verifier: 'guess' });
    },
  },
  {
    problem: 'additional_authorization_required',
    how: 'a read-only grant used to write (POST /api/me)',
    run: async (p) => {
      const temporary = await requestToken(p, APP);
      const verifier = await approve(p, temporary.token, '&grant=read');
      const access = await call(p, { path: AT, client: APP, token: temporary, verifier });
      const token = { token: access.form.get('oauth_token') ?? '', secret: access.form.get('oauth_token_secret') ?? '' };
      return call(p, { method: 'POST', path: ME, client: APP, token });
    },
  },
  {
    problem: 'user_refused',
    how: 'authorisation from a refused client address',
    page: true,
    run: async (p) => {
      const temporary = await requestToken(p, APP);
      p.refuseAddress('127.0.0.1');
      try {
        const response = await fetch(`${p.endpoints.authorize}?oauth_token=${temporary.token}&action=approve`, { redirect: 'manual' });
        return { status: response.status, headers: response.headers, body: await response.text() };
      } finally {
        p.refuseAddress('127.0.0.1', false);
      }
    },
  },
  {
    problem: 'token_not_renewable',
    how: 'renewal with oauth_session_handle when renewal is off',
    run: async (p) => {
      const flow = await fullFlow(p, APP);
      p.update({ renewable: false });
      try {
        return await call(p, { path: AT, client: APP, token: flow.access, extra: [['oauth_session_handle', flow.sessionHandle]] });
      } finally {
        p.update({ renewable: true });
      }
    },
  },
  {
    problem: 'access_token_expired',
    how: 'an expired access token, provider set to say access_token_expired',
    run: async (p) => {
      const flow = await fullFlow(p, APP);
      p.expireToken(flow.access.token);
      p.update({ expiredAccessTokenProblem: 'access_token_expired' });
      try {
        return await call(p, { method: 'GET', path: ME, client: APP, token: flow.access });
      } finally {
        p.update({ expiredAccessTokenProblem: 'token_expired' });
      }
    },
  },
];
