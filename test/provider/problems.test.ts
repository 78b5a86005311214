import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProvider, type DialectName, type RunningProvider } from '../../src/provider/index.js';
import { PROBLEM_CODES, type ProblemCode } from '../../src/provider/problems.js';
import { parseChallenge } from './helpers.js';
import { CONSUMERS, SCENARIOS, type Observed } from './scenarios.js';

/** RFC 5849 §3.2 and the Problem Reporting table: 400 malformed, 401 credentials, 503 temporary. */
const STATUS: Record<ProblemCode, number> = {
  version_rejected: 400,
  parameter_absent: 400,
  parameter_rejected: 400,
  timestamp_refused: 400,
  signature_method_rejected: 400,
  nonce_used: 401,
  signature_invalid: 401,
  consumer_key_unknown: 401,
  consumer_key_rejected: 401,
  consumer_key_refused: 503,
  token_used: 401,
  token_expired: 401,
  token_revoked: 401,
  token_rejected: 401,
  verifier_invalid: 401,
  additional_authorization_required: 401,
  permission_unknown: 401,
  permission_denied: 401,
  user_refused: 503,
  token_not_renewable: 401,
  access_token_expired: 401,
};

/** X: [status, code] of the v1.1 JSON error, or [status, text] for the plain-text answer. */
const X: Record<ProblemCode, readonly [number, number | string]> = {
  version_rejected: [400, 215],
  parameter_absent: [400, 215],
  parameter_rejected: [400, 215],
  timestamp_refused: [401, 135],
  signature_method_rejected: [400, 215],
  nonce_used: [401, 32],
  signature_invalid: [401, 32],
  consumer_key_unknown: [401, 32],
  consumer_key_rejected: [401, 416],
  consumer_key_refused: [429, 88],
  token_used: [401, 89],
  token_expired: [401, 89],
  token_revoked: [401, 89],
  token_rejected: [401, 89],
  verifier_invalid: [401, 'Error processing your OAuth request: Invalid oauth_verifier parameter'],
  additional_authorization_required: [403, 220],
  permission_unknown: [401, 89],
  permission_denied: [401, 89],
  user_refused: [429, 88],
  token_not_renewable: [401, 89],
  access_token_expired: [401, 89],
};

/** oauthlib: malformed → 400 error=…; failed validation → bare 401. */
const OAUTHLIB: Partial<Record<ProblemCode, string>> = {
  version_rejected: 'invalid_request',
  parameter_absent: 'invalid_request',
  parameter_rejected: 'invalid_request',
  timestamp_refused: 'invalid_request',
  signature_method_rejected: 'invalid_signature_method',
};

const providers = new Map<DialectName, RunningProvider>();
const observed = new Map<string, Observed>();

beforeAll(async () => {
  for (const dialect of ['problem-reporting', 'x', 'oauthlib', 'jira'] as const) {
    providers.set(dialect, await startProvider({ dialect, consumers: CONSUMERS, realm: 'http://provider.test/' }));
  }
});
afterAll(async () => {
  for (const provider of providers.values()) await provider.close();
});

async function observe(dialect: DialectName, problem: ProblemCode): Promise<Observed> {
  const key = `${dialect}/${problem}`;
  const cached = observed.get(key);
  if (cached) return cached;
  const scenario = SCENARIOS.find((s) => s.problem === problem);
  const provider = providers.get(dialect);
  if (!scenario || !provider) throw new Error(`no scenario for ${problem}`);
  const result = await scenario.run(provider);
  observed.set(key, result);
  return result;
}

it('has a scenario for every problem code the provider can answer', () => {
  expect(SCENARIOS.map((s) => s.problem).sort()).toEqual([...PROBLEM_CODES].sort());
});

describe('problem-reporting dialect: problem in WWW-Authenticate and in a form body', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.problem} — ${scenario.how}`, async () => {
      const answer = await observe('problem-reporting', scenario.problem);
      expect(answer.status, answer.body).toBe(STATUS[scenario.problem]);
      const challenge = parseChallenge(answer.headers.get('www-authenticate'));
      expect(challenge.get('oauth_problem')).toBe(scenario.problem);
      if (scenario.page) {
        expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
        expect(answer.body).toContain(`oauth_problem=${scenario.problem}`);
        return;
      }
      const body = new URLSearchParams(answer.body);
      expect(body.get('oauth_problem')).toBe(scenario.problem);
      expect(body.get('oauth_problem_advice')).toBe(challenge.get('oauth_problem_advice'));
      expect(answer.headers.get('www-authenticate')).toMatch(/^OAuth realm="http:\/\/provider\.test\/", /);
      for (const [name, pattern] of Object.entries(scenario.companions ?? {})) {
        expect(body.get(name)).toMatch(pattern);
        expect(challenge.get(name)).toBe(body.get(name));
      }
    });
  }
});

describe('x dialect: {"errors":[{"code","message"}]} with X codes and statuses', () => {
  for (const scenario of SCENARIOS) {
    const [status, code] = X[scenario.problem];
    it(`${scenario.problem} → ${status} ${code}`, async () => {
      const answer = await observe('x', scenario.problem);
      expect(answer.status, answer.body).toBe(status);
      if (typeof code === 'number') {
        const json = JSON.parse(answer.body) as { errors: { code: number; message: string }[] };
        expect(json.errors).toHaveLength(1);
        expect(json.errors[0]?.code).toBe(code);
        expect(json.errors[0]?.message).toBeTruthy();
      } else {
        expect(answer.body).toBe(code);
      }
      expect(answer.body).not.toContain('oauth_problem');
      expect(answer.headers.get('www-authenticate')).toBe(status === 401 ? 'OAuth realm="http://provider.test/"' : null);
    });
  }
});

describe('oauthlib dialect: error=…&error_description=… or a bare 401', () => {
  for (const scenario of SCENARIOS) {
    const error = OAUTHLIB[scenario.problem];
    it(`${scenario.problem} → ${error ? `400 error=${error}` : '401, empty body'}`, async () => {
      const answer = await observe('oauthlib', scenario.problem);
      expect(answer.headers.get('www-authenticate')).toBeNull();
      if (error) {
        expect(answer.status).toBe(400);
        const body = new URLSearchParams(answer.body);
        expect(body.get('error')).toBe(error);
        expect(body.get('error_description')).toBeTruthy();
      } else {
        expect(answer.status).toBe(401);
        expect(answer.body).toBe('');
      }
    });
  }
});

describe('jira dialect: the problem only in WWW-Authenticate', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.problem}`, async () => {
      const answer = await observe('jira', scenario.problem);
      expect(answer.status).toBe(STATUS[scenario.problem]);
      expect(answer.body).toBe('');
      const challenge = parseChallenge(answer.headers.get('www-authenticate'));
      expect(challenge.get('oauth_problem')).toBe(scenario.problem);
      for (const [name, pattern] of Object.entries(scenario.companions ?? {})) expect(challenge.get(name)).toMatch(pattern);
    });
  }

  it('echoes the server base string, the signature and the method on signature_invalid', async () => {
    const provider = providers.get('jira');
    if (!provider) throw new Error('no provider');
    const { call } = await import('./helpers.js');
    const answer = await call(provider, { path: '/oauth/request_token', client: { key: 'app', secret: 'wrong' }, callback: 'oob' });
    const challenge = parseChallenge(answer.headers.get('www-authenticate'));
    // The client signed the right base string with the wrong key: the server's base string equals ours.
    expect(challenge.get('oauth_signature_base_string')).toBe(answer.signed.baseString);
    expect(challenge.get('oauth_signature')).toBe(answer.signed.signature);
    expect(challenge.get('oauth_signature_method')).toBe('HMAC-SHA1');
  });
});
