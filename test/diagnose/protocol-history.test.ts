import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { pastedRequest } from '../../src/diagnose/evidence/pasted-request.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import type { DetectedProblem } from '../../src/diagnose/types.js';

function top(text: string, lang: 'en' | 'ja' = 'en'): { id: string; evidence: readonly string[] }[] {
  const problem = readProblemFromText(text) as DetectedProblem;
  const pasted = pastedRequest(text);
  return diagnose(problem, pasted === undefined ? {} : { pasted }, { lang }).causes.map((c) => ({ id: c.id, evidence: c.evidence }));
}

const OAUTH1_HEADER = 'Authorization: OAuth oauth_consumer_key="k", oauth_nonce="n", oauth_signature="s%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1462812127", oauth_token="t", oauth_version="1.0"';

describe('a provider that retired OAuth 1.0a (Fitbit 2016, LinkedIn 2019) and an OAuth 1.0a request', () => {
  it('an OAuth 1.0a request answered by a provider that now speaks OAuth 2.0 only: the move is named first, with its date and source', () => {
    const causes = top(`GET https://api.fitbit.com/1/user/-/profile.json\n${OAUTH1_HEADER}\n\nHTTP/1.1 401 Unauthorized\n\n{"errors":[{"errorType":"invalid_token","message":"Access token invalid"}],"success":false}`);
    expect(causes[0]?.id).toBe('oauth2-endpoint');
    expect(causes[0]?.evidence.join(' ')).toMatch(/Fitbit retired OAuth 1\.0a on 2016-04-12 \(https:\/\/dev\.fitbit\.com/);
    const ja = top(`GET https://api.linkedin.com/v1/people/~\n${OAUTH1_HEADER}\n\nHTTP/1.1 401 Unauthorized\n\n{"errorCode":0,"message":"Invalid access token","status":401}`, 'ja');
    expect(ja[0]?.id).toBe('oauth2-endpoint');
    expect(ja[0]?.evidence.join(' ')).toContain('LinkedIn は 2019-03-01 に OAuth 1.0a を廃止');
  });

  it('an OAuth 2.0 request to the same provider, and an answer in OAuth 1.0a\'s own words (from before the move), do not lead with it', () => {
    expect(top('GET https://api.fitbit.com/1/user/-/profile.json\nAuthorization: Bearer eyJhbGciOi.x.y\n\nHTTP/1.1 401 Unauthorized\n\n{"errors":[{"errorType":"expired_token","message":"Access token expired"}],"success":false}')[0]?.id).not.toBe('oauth2-endpoint');
    expect(top(`POST https://api.linkedin.com/uas/oauth/requestToken\n${OAUTH1_HEADER}\n\noauth_problem=signature_invalid&oauth_problem_advice=com.linkedin.security.auth.pub.LoginDeniedInvalidAuthTokenException`)[0]?.id).not.toBe('oauth2-endpoint');
    // A provider that still speaks OAuth 1.0a (Flickr) is never said to have moved.
    expect(top(`GET https://api.flickr.com/services/rest\n${OAUTH1_HEADER}\n\noauth_problem=token_rejected`).map((c) => c.id)).not.toContain('oauth2-endpoint');
  });
});
