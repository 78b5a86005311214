import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { pastedRequest } from '../../src/diagnose/evidence/pasted-request.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import type { DetectedProblem, SessionEvidence } from '../../src/diagnose/types.js';

const ACCESS_BASE =
  'POST&https%3A%2F%2Fapi.example.com%2Foauth%2Faccess_token&oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dhh5s93j4hdidpola%26oauth_verifier%3Dhfdp7dh39dks9884%26oauth_version%3D1.0';
const REQUEST_BASE = 'POST&https%3A%2F%2Fapi.example.com%2Foauth%2Frequest_token&oauth_callback%3Doob%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_version%3D1.0';

function ranked(text: string, evidence: SessionEvidence = {}): string[] {
  const problem = readProblemFromText(text) as DetectedProblem;
  const pasted = pastedRequest(text);
  return diagnose(problem, pasted === undefined ? evidence : { ...evidence, pasted }, { lang: 'en' }).causes.map((c) => `${c.id}:${c.likelihood}`);
}

describe('an access-token exchange signed without the request token secret (RFC 5849 §3.4.2)', () => {
  it('a printed signing key with nothing after its & while oauth_token is sent: certain, first', () => {
    expect(ranked(`Signature base string: ${ACCESS_BASE}\nSigning key: kd94hf93k423kf44&\noauth_problem=signature_invalid`)[0]).toBe('token-secret-missing:certain');
  });

  it('the access-token leg alone (its URL, oauth_verifier, a server-echoed base string, a library call): likely, beside the key and base string causes', () => {
    expect(ranked(`oauth_problem=signature_invalid&oauth_signature_base_string=${encodeURIComponent(ACCESS_BASE)}`)).toContain('token-secret-missing:likely');
    expect(ranked('POST /oauth/access_token HTTP/1.1\nAuthorization: OAuth oauth_token="a", oauth_verifier="b"\n\nHTTP/1.1 401 Unauthorized\n\noauth_problem=signature_invalid')).toContain('token-secret-missing:likely');
    expect(ranked('CredentialsException: Received HTTP status code [401] with message "oauth_signature does not match expected value" when getting token credentials.\n#1 Server->getTokenCredentials(...)')).toContain('token-secret-missing:likely');
  });

  it('a token secret handed to the library empty is the same mistake', () => {
    expect(ranked('POST https://api.example.com/oauth/access_token\nrequestTokenSecret = ""\noauth_problem=signature_invalid')[0]).toBe('token-secret-missing:certain');
    expect(ranked("OAuth1Session(key, client_secret=secret, resource_owner_key=token, resource_owner_secret=None, verifier=v)\nPOST /oauth/access_token -> oauth_problem=signature_invalid")[0]).toBe('token-secret-missing:certain');
  });

  it('words that say the token secret was left out name it', () => {
    expect(ranked('OAuth1 module is not signing Access Token call with Request Token Secret: signature_invalid')[0]).toBe('token-secret-missing:likely');
  });

  it('the request-token leg (no token secret exists yet) and a key that has one do not rank it', () => {
    expect(ranked(`oauth_problem=signature_invalid&oauth_signature_base_string=${encodeURIComponent(REQUEST_BASE)}`).slice(0, 2).map((c) => c.split(':')[0])).not.toContain('token-secret-missing');
    expect(ranked(`Signature base string: ${ACCESS_BASE}\nSigning key: kd94hf93k423kf44&pfkkdhi9sl3r4s00\noauth_problem=signature_invalid`).slice(0, 2).map((c) => c.split(':')[0])).not.toContain('token-secret-missing');
    // A resource call signed by oauth-doctor itself: its key is RFC-exact.
    expect(ranked('POST /oauth/access_token -> oauth_problem=signature_invalid', { signer: 'oauth-doctor' }).map((c) => c.split(':')[0])).not.toContain('token-secret-missing');
  });

  it('the key itself is never kept, only where its & stands', () => {
    const seen = pastedRequest(`Signing key: kd94hf93k423kf44&\n${ACCESS_BASE}`);
    expect(seen).toEqual({ leg: 'access_token', sendsToken: true, keyTokenSecret: 'empty', oauth1: true });
    expect(JSON.stringify(seen)).not.toContain('kd94');
    expect(pastedRequest('')).toBeUndefined();
    expect(pastedRequest('{"error":"invalid_grant"}')).toBeUndefined();
  });
});
