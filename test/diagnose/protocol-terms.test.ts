// A cause is told in the terms of the protocol whose answer is diagnosed: an
// OAuth 2.0 invalid_grant speaks of codes and refresh tokens (RFC 6749), not
// of OAuth 1.0a's oauth_token and request tokens.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import type { Diagnosis } from '../../src/diagnose/types.js';
import { CAUSES } from '../../src/knowledge/causes.js';

function diagnosed(text: string, lang: 'en' | 'ja' = 'en'): Diagnosis {
  const problem = readProblemFromText(text);
  if (!problem) throw new Error(`not recognised: ${text}`);
  return diagnose(problem, { legs: [] }, { lang });
}

const said = (d: Diagnosis) => [...d.causes.map((c) => `${c.title} ${c.confirm}`), ...d.fixes.map((f) => f.text)].join('\n');

describe('cause texts follow the protocol of the answer', () => {
  it('an OAuth 2.0 invalid_grant: reuse is told of an authorization code, never of oauth_token or request tokens', () => {
    const d = diagnosed('{"error":"invalid_grant","error_description":"authorization code already redeemed"}');
    expect(d.causes[0]?.id).toBe('reuse');
    expect(d.causes[0]?.confirm).toContain('authorization code');
    expect(said(d)).not.toMatch(/oauth_token\b|request token/);
  });

  it('the same cause for OAuth 1.0a keeps its own terms', () => {
    const d = diagnosed('oauth_problem=token_used');
    expect(d.causes[0]?.id).toBe('reuse');
    expect(d.causes[0]?.confirm).toContain('oauth_token');
  });

  it('in Japanese too', () => {
    const d = diagnosed('{"error":"invalid_grant","error_description":"authorization code already redeemed"}', 'ja');
    expect(d.causes[0]?.confirm).toContain('認可コード');
  });

  it('an OAuth 2.0 invalid_client names the client_id, not the consumer key', () => {
    const d = diagnosed('{"error":"invalid_client","error_description":"Client authentication failed"}');
    expect(d.problem.code).toBe('oauth2:invalid_client');
    const unknown = d.causes.find((c) => c.id === 'unknown-consumer');
    expect(unknown?.title).toContain('client_id');
  });

  it('no OAuth 2.0 problem says oauth-doctor diagnoses only OAuth 1.0a', () => {
    const d = diagnosed('{"error":"invalid_scope"}');
    expect(d.problem.code).toBe('oauth2:invalid_scope');
    expect(d.problem.meaning).not.toContain('diagnoses OAuth 1.0a');
  });

  it('every OAuth 2.0 variant is written in English and Japanese', () => {
    for (const cause of CAUSES.filter((c) => c.oauth2)) {
      const v = cause.oauth2!;
      for (const text of [v.confirm, v.title, ...(v.fixes ?? []).map((f) => f.text)]) {
        if (text === undefined) continue;
        expect(text.en.trim(), cause.id).not.toBe('');
        expect(text.ja.trim(), cause.id).not.toBe('');
      }
    }
  });
});
