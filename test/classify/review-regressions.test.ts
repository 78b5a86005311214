import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import type { DetectedProblem } from '../../src/diagnose/types.js';

const read = (text: string) => {
  const problem = readProblemFromText(text);
  if (problem === undefined) return { code: undefined, causes: [] as string[] };
  return { code: problem.code, causes: diagnose(problem as DetectedProblem, {}, { lang: 'en' }).causes.slice(0, 2).map((c) => c.id) };
};

/** Words that belong to something else must not be read as a state mismatch, an unknown audience, a JWT assertion or an app type. */
describe('readings a review found too broad', () => {
  it('a state=… parameter before another mismatch is not a state mismatch; a qualified "state" is not either', () => {
    expect(read('state=xyz: PKCE code_verifier does not match the code_challenge').code).not.toBe('flow:state-mismatch');
    expect(read('code=abc&state=xyz -> error: redirect_uri does not match the registered one').code).not.toBe('flow:state-mismatch');
    expect(read('Validation state does not match: password incorrect').code).not.toBe('flow:state-mismatch');
  });

  it('the library wordings still are', () => {
    for (const text of ['State returned in authorization response (abc) does not match state from request (def)', 'OAuth state does not match', 'state mismatch', 'mismatching_state: CSRF Warning! State not equal in request and response.']) {
      expect(read(text), text).toMatchObject({ code: 'flow:state-mismatch' });
    }
  });

  it('generic 404 words and a refused JWT are not an unregistered audience or a client assertion', () => {
    expect(read('Resource not found').causes).not.toContain('app-configuration');
    expect(read('the target is invalid').causes).not.toContain('app-configuration');
    expect(read('Error: JWT token is invalid').causes).not.toContain('clock-skew');
    expect(read('This web application is not available').causes).not.toContain('app-configuration');
    expect(read('Service not found: https://api.example.com').causes).toContain('app-configuration');
  });
});
