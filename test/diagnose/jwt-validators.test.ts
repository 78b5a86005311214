import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';

/** JWT and ID-token validators' own messages (knowledge/provider-codes/server-logs.ts) rank the cause ids of causes-jwt.ts (issue 12). */
function top(text: string): { code: string | undefined; causes: string[] } {
  const problem = readProblemFromText(text);
  if (problem === undefined) return { code: undefined, causes: [] };
  return { code: problem.code, causes: diagnose(problem, {}, { lang: 'en' }).causes.slice(0, 2).map((c) => c.id) };
}

describe('JWT validators\' messages rank the JWT causes (issue 12)', () => {
  it.each([
    ['IDX10214: Audience validation failed. Audiences: \'api://x\'. Did not match: validationParameters.ValidAudience: \'y\'', 'audience-mismatch'],
    ['IDX10205: Issuer validation failed. Issuer: \'https://sts.windows.net/x/\'. Did not match: validationParameters.ValidIssuer', 'issuer-mismatch'],
    ['IDX10501: Signature validation failed. Unable to match key: kid: \'abc\'', 'signing-key-mismatch'],
    ['JWSSignatureVerificationFailed: signature verification failed', 'signing-key-mismatch'],
    ['JWT::InvalidAudError: Invalid audience. Expected x, received y', 'audience-mismatch'],
    ['token has invalid claims: token is expired', 'expiry'],
    ['IDX10208: Unable to validate audience. validationParameters.ValidAudience is null or whitespace', 'app-configuration'],
  ])('%s', (text, cause) => {
    const read = top(text);
    expect(read.code).toBe('oauth2:invalid_token');
    expect(read.causes[0]).toBe(cause);
  });

  it('a validator\'s message inside a JSON string of a log line, its quotes escaped, is read as written', () => {
    expect(top('[warn]: [JWT] JWT verification failed: "error": "JWTExpired: \\"exp\\" claim timestamp check failed"').causes).toEqual(['expiry', 'clock-skew']);
  });

  it('a provider id with a hyphen is read as a typed code (ruby-jwt:VerificationError)', () => {
    expect(readProblemFromText('ruby-jwt:VerificationError')?.providerCode).toBe('ruby-jwt:VerificationError');
  });
});
