import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

interface Doc {
  problem: { code: string };
  causes: { id: string; likelihood: string }[];
}

async function explain(text: string): Promise<Doc> {
  const r = await runInProcess(['explain', '--json', '-'], { input: text });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

/**
 * Issue 12: a JWT refused by whoever checks it (the client its ID token, OpenID Connect Core §3.1.3.7; an API its JWT
 * access token, RFC 9068 §4) is refused for a claim or a key, not for the client's authentication: the nonce (step 11),
 * aud/azp (steps 3-5), iss (step 2), the signature's key (step 6, kid and JWKS), at_hash/c_hash (§3.1.3.8, §3.3.2.11).
 */
describe('ID token and JWT validation: the claim or key the words name leads', () => {
  it.each([
    // nonce
    ['{"error":"invalid_token","error_description":"nonce mismatch"}', 'nonce-mismatch'],
    ['OPError: nonce mismatch, expected "abc", got: "def"', 'nonce-mismatch'],
    ['OperationProcessingError: unexpected ID Token "nonce" claim value', 'nonce-mismatch'],
    ['message=Not the same nonce in the ID Token as in the authorization request', 'nonce-mismatch'],
    // aud / azp
    ['{"error":"invalid_token","error_description":"The audience \'api://other\' is invalid"}', 'audience-mismatch'],
    ['IDX10214: Audience validation failed. Audiences: \'api://x\'. Did not match: validationParameters.ValidAudience: \'abc\'', 'audience-mismatch'],
    ['JsonWebTokenError: jwt audience invalid. expected: my-api', 'audience-mismatch'],
    ['RPError: azp mismatch, got: other-client', 'audience-mismatch'],
    ['JWTClaimValidationFailed: unexpected "aud" claim value', 'audience-mismatch'],
    // iss
    ['RPError: unexpected iss value, expected https://accounts.example.com, got: https://other.example.com', 'issuer-mismatch'],
    ['IDX10205: Issuer validation failed. Issuer: \'https://sts.windows.net/x/\'. Did not match: validationParameters.ValidIssuer', 'issuer-mismatch'],
    ['oidc: id token issued by a different provider, expected "https://a.example" got "https://b.example"', 'issuer-mismatch'],
    // the signing key (kid, JWKS) and the signature of a token the provider signed
    ['IDX10501: Signature validation failed. Unable to match key: kid: \'abc\'', 'signing-key-mismatch'],
    ['JWKSNoMatchingKey: no applicable key found in the JSON Web Key Set', 'signing-key-mismatch'],
    ['HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token", error_description="The signature key was not found"', 'signing-key-mismatch'],
    ['HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token", error_description="The signature is invalid"', 'signing-key-mismatch'],
    ['oidc: failed to verify signature: failed to verify id token signature', 'signing-key-mismatch'],
    // at_hash / c_hash
    ['{"error":"invalid_token","error_description":"at_hash mismatch"}', 'token-hash-mismatch'],
    ['RPError: c_hash mismatch', 'token-hash-mismatch'],
  ])('%s', async (text, first) => {
    const doc = await explain(text);
    expect(doc.problem.code).toBe('oauth2:invalid_token');
    expect(doc.causes[0]?.id).toBe(first);
    expect(doc.causes.slice(0, 2).map((c) => c.id)).not.toContain('client-authentication');
  });

  it('a signature refused at the token endpoint is the client\'s own assertion (RFC 7523 §3): client authentication, not the validator\'s keys', async () => {
    const doc = await explain('{"error":"invalid_grant","error_description":"Invalid JWT Signature."}');
    expect(doc.problem.code).toBe('oauth2:invalid_grant');
    expect(doc.causes[0]?.id).toBe('client-authentication');
    expect(doc.causes.map((c) => c.id)).not.toContain('signing-key-mismatch');
  });

  it.each([
    ['oauth_problem=nonce_used', 'nonce_used', 'nonce-reuse'],
    ['Missing oauth_nonce', 'parameter_absent', 'missing-parameter'],
    ['oauth_problem=signature_invalid&oauth_problem_advice=Invalid+signing+key', 'signature_invalid', 'wrong-secret'],
  ])('OAuth 1.0a words stay OAuth 1.0a\'s: %s', async (text, code, first) => {
    const doc = await explain(text);
    expect(doc.problem.code).toBe(code);
    expect(doc.causes[0]?.id).toBe(first);
    expect(doc.causes.map((c) => c.id)).not.toContain('nonce-mismatch');
    expect(doc.causes.map((c) => c.id)).not.toContain('signing-key-mismatch');
  });

  it('the causes are told in Japanese too', async () => {
    const r = await runInProcess(['explain', '--json', '--lang', 'ja', '-'], { input: 'OPError: nonce mismatch, expected "abc", got: "def"' });
    const doc = JSON.parse(r.stdout) as { causes: { id: string; title: string }[] };
    expect(doc.causes[0]?.id).toBe('nonce-mismatch');
    expect(doc.causes[0]?.title).toContain('nonce');
    expect(doc.causes[0]?.title).toMatch(/[ぁ-んァ-ン]/);
  });
});
