import { describe, expect, it } from 'vitest';
import { decide, evidenceWindow, protocolEvidenceIn } from '../../src/diagnose/read/protocol.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import { areTheCodesWords } from '../../src/diagnose/evidence/words.js';
import { protocolWords } from '../../src/knowledge/protocol-words.js';

describe('reading fixes (issue 12 review)', () => {
  it('protocol evidence is read past the first 20,000 characters: the whole paste up to 256 KiB, start and end beyond', () => {
    const filler = 'INFO worker GET /api/items 200 12ms\n'.repeat(2_000);
    expect(filler.length).toBeGreaterThan(20_000);
    expect(decide(protocolEvidenceIn(`${filler}POST /token grant_type=refresh_token\n`))).toBe('oauth2');
    expect(decide(protocolEvidenceIn(`${filler}oauth_consumer_key="k"\n`))).toBe('oauth1');
    const long = `client_id=abc\n${'x'.repeat(1_000_000)}\noauth_signature="s"`;
    expect(decide(protocolEvidenceIn(long))).toBe('both');
    expect(evidenceWindow(long).length).toBeLessThan(140_000);
    // The words far into a long log read in the paste's protocol: a token "already used" in an OAuth 2.0 paste is a grant.
    expect(readProblemFromText(`client_id=abc grant_type=authorization_code\n${filler}ERROR: token already used`)?.code).toBe('oauth2:invalid_grant');
  });

  it('a sentence code suppresses only words that are whole words of it', () => {
    expect(areTheCodesWords('Invalid redirect_uri', ['redirect_uri'])).toBe(true);
    expect(areTheCodesWords('Unknown client or not enabled', ['client', 'not enabled'])).toBe(true);
    expect(areTheCodesWords('Invalid grant type for client', ['valid'])).toBe(false);
    expect(areTheCodesWords('Unknown client or not enabled', ['known'])).toBe(false);
  });

  it('reuse words in an OAuth 2.0 paste read invalid_grant (RFC 6749 §5.2), never invalid_token', () => {
    expect(protocolWords().length).toBeGreaterThan(0);
    for (const text of ['OAuth2 error: token already used', 'client_id=abc: the token was already redeemed', 'Error getting access_token: This code has already been used.']) {
      expect(readProblemFromText(text)?.code, text).toBe('oauth2:invalid_grant');
    }
    // An explicit `error` stays what the provider sent.
    expect(readProblemFromText('{"error":"invalid_token","error_description":"Token already used"}')?.code).toBe('oauth2:invalid_token');
  });

  it('a Keycloak REFRESH_TOKEN_ERROR with error=invalid_token is the refresh refused: invalid_grant', () => {
    const plain = readProblemFromText('WARN [org.keycloak.events] type=REFRESH_TOKEN_ERROR, realmId=r, clientId=c, userId=null, ipAddress=1.2.3.4, error=invalid_token, grant_type=refresh_token');
    expect(plain?.code).toBe('oauth2:invalid_grant');
    expect(plain?.providerCode).toBe('keycloak:event:refresh:invalid_token');
    const quoted = readProblemFromText('type="REFRESH_TOKEN_ERROR", realmId="r", clientId="c", error="invalid_token", grant_type="refresh_token"');
    expect(quoted?.providerCode).toBe('keycloak:event:refresh:invalid_token');
    // Inside a JSON log record's message, the quotes escaped.
    const json = readProblemFromText('{"loggerName":"org.keycloak.events","message":"type=\\"REFRESH_TOKEN_ERROR\\", realmId=\\"r\\", clientId=\\"c\\", error=\\"invalid_token\\", grant_type=\\"refresh_token\\""}');
    expect(json?.providerCode).toBe('keycloak:event:refresh:invalid_token');
    // Another event's invalid_token stays the token refused.
    expect(readProblemFromText('type=INTROSPECT_TOKEN_ERROR, realmId=r, clientId=c, userId=null, ipAddress=1.2.3.4, error=invalid_token, grant_type=refresh_token')?.providerCode).toBe('keycloak:event:invalid_token');
  });
});
