import type { CauseId } from '../../src/diagnose/types.js';
import { RAISED_FROM_EVIDENCE } from '../../src/diagnose/oauth2/authorization-request.js';
import { describe, expect, it } from 'vitest';
import { CAUSES, causeRecord } from '../../src/knowledge/causes.js';
import { concepts } from '../../src/knowledge/concepts.js';
import { phrases } from '../../src/knowledge/phrases.js';
import { PROBLEMS, problemRecord, STANDARD_PROBLEM_CODES } from '../../src/knowledge/problems.js';
import { providerCodes, qualifiedCode } from '../../src/knowledge/provider-codes.js';
import { providers } from '../../src/knowledge/providers.js';
import { EVIDENCE_TEXT } from '../../src/knowledge/evidence-text.js';
import { LABELS } from '../../src/knowledge/labels.js';
import type { Text } from '../../src/knowledge/types.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';

/** Every value in the Japanese seed list (oauth-problem-codes.ja.txt) and the issue. */
const SEED_PROBLEM_CODES = [
  'version_rejected', 'parameter_absent', 'parameter_rejected', 'timestamp_refused', 'nonce_used',
  'signature_method_rejected', 'signature_invalid', 'consumer_key_unknown', 'consumer_key_rejected',
  'consumer_key_refused', 'token_used', 'token_expired', 'token_revoked', 'token_rejected', 'verifier_invalid',
  'additional_authorization_required', 'permission_unknown', 'permission_denied', 'user_refused',
  'token_not_renewable', 'access_token_expired',
];

/** The cause ids the issues require; the JSON output uses them. */
const REQUIRED_CAUSES: readonly CauseId[] = [
  'reuse', 'expiry', 'revocation', 'clock-skew', 'nonce-reuse', 'wrong-secret', 'signature-base-mismatch',
  'wrong-signature-method', 'unknown-consumer', 'app-suspended', 'rate-limited', 'verifier-mismatch',
  'not-yet-authorized', 'user-denied', 'insufficient-scope', 'callback-not-approved', 'oob-required',
  'host-mismatch', 'token-type-confusion', 'provider-outage', 'missing-parameter',
  // issue #12: permission and access level, OAuth 2.0, the status fallbacks
  'read-only-app', 'api-access-level', 'redirect-mismatch', 'pkce-verifier-mismatch', 'client-authentication',
  'consent-required', 'session-ended', 'app-configuration', 'wrong-endpoint', 'wrong-method',
  // an app-only (client-credentials) token on an endpoint that needs a user
  'app-only-token',
  // an OAuth 1.0a access-token exchange signed without the request token's secret (RFC 5849 §3.4.2)
  'token-secret-missing',
  // a JWT refused by its checker: an ID token's nonce, aud, iss, signature key, at_hash/c_hash (OpenID Connect Core §3.1.3.7)
  'nonce-mismatch', 'audience-mismatch', 'issuer-mismatch', 'signing-key-mismatch', 'token-hash-mismatch',
  // what the server requires of the authorization request: PKCE (RFC 7636 §4.4.1), PAR (RFC 9126 §5)
  'pkce-required', 'par-required',
];

/** Every id of the closed CauseId union, once: the type checker fails this table when an id is added without a row here. */
const EVERY_CAUSE_ID: Record<CauseId, true> = {
  'token-secret-missing': true,
  reuse: true, expiry: true, revocation: true, 'clock-skew': true, 'nonce-reuse': true, 'wrong-secret': true,
  'signature-base-mismatch': true, 'wrong-signature-method': true, 'unknown-consumer': true, 'app-suspended': true,
  'rate-limited': true, 'verifier-mismatch': true, 'not-yet-authorized': true, 'user-denied': true,
  'insufficient-scope': true, 'callback-not-approved': true, 'oob-required': true, 'host-mismatch': true,
  'token-type-confusion': true, 'provider-outage': true, 'missing-parameter': true, 'oauth2-endpoint': true,
  'wrong-version': true, 'unexpected-parameter': true, 'invalid-parameter-value': true, 'malformed-header': true,
  'browser-interference': true, 'session-handle-expired': true, 'wrong-realm': true, 'wrong-endpoint': true,
  'wrong-method': true, 'api-access-level': true, 'read-only-app': true, 'redirect-mismatch': true,
  'pkce-verifier-mismatch': true, 'client-authentication': true, 'consent-required': true, 'session-ended': true,
  'app-configuration': true, 'approval-needs-person': true, 'provider-specific': true, 'user-credentials': true,
  'refresh-family-revoked': true, 'state-mismatch': true, 'app-only-token': true,
  'nonce-mismatch': true, 'audience-mismatch': true, 'issuer-mismatch': true, 'signing-key-mismatch': true, 'token-hash-mismatch': true,
  'pkce-required': true, 'par-required': true,
};

/** Provider codes the task names explicitly. */
const REQUIRED_PROVIDER_CODES = [
  'x:32', 'x:89', 'x:99', 'x:135', 'x:215', 'x:220', 'x:261', 'x:415', 'x:416', 'x:417',
  'flickr:96', 'flickr:97', 'flickr:100',
  'smugmug:30', 'smugmug:31', 'smugmug:33', 'smugmug:35', 'smugmug:36', 'smugmug:37', 'smugmug:38',
  'netsuite:INVALID_LOGIN', 'netsuite:InvalidSignature', 'netsuite:InvalidTimestamp', 'netsuite:nonce_rejected',
  'magento:unknown_problem', 'magento:consumer_key_invalid',
  'yahoo:token_expired', 'yahoo:permission_denied', 'hatena:consumer_key_refused', 'jira:signature_invalid',
];

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function bilingual(text: Text, where: string): void {
  expect(text.en.trim(), `${where} (en)`).not.toBe('');
  expect(text.ja.trim(), `${where} (ja)`).not.toBe('');
  expect(text.ja, `${where} (ja is Japanese)`).toMatch(JAPANESE);
  expect(text.en, `${where} (en is not Japanese)`).not.toMatch(JAPANESE);
}

describe('the problem table', () => {
  it.each(SEED_PROBLEM_CODES)('%s has a record in both languages', (code) => {
    const record = problemRecord(code);
    expect(record).toBeDefined();
    if (!record) return;
    bilingual(record.title, `${code}.title`);
    bilingual(record.meaning, `${code}.meaning`);
    expect(record.causes.length).toBeGreaterThan(0);
  });

  it('has no duplicate codes and covers the seed list exactly among standard values', () => {
    const codes = PROBLEMS.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of SEED_PROBLEM_CODES) expect(STANDARD_PROBLEM_CODES).toContain(code);
  });

  it('names the companion parameter of each value the extension pairs with one', () => {
    expect(problemRecord('version_rejected')?.companion).toBe('oauth_acceptable_versions');
    expect(problemRecord('parameter_absent')?.companion).toBe('oauth_parameters_absent');
    expect(problemRecord('parameter_rejected')?.companion).toBe('oauth_parameters_rejected');
    expect(problemRecord('timestamp_refused')?.companion).toBe('oauth_acceptable_timestamps');
  });

  it.each(PROBLEMS.map((p) => [p.code, p] as const))('%s: every cause it lists exists, fixes are bilingual', (_code, record) => {
    for (const ref of record.causes) expect(causeRecord(ref.id), ref.id).toBeDefined();
    for (const fix of record.fixes) bilingual(fix.text, `${record.code} fix`);
  });

  it('uses the net.oauth statuses (consumer_key_refused and user_refused are temporary: 503)', () => {
    expect(problemRecord('consumer_key_refused')?.usualStatus).toBe(503);
    expect(problemRecord('user_refused')?.usualStatus).toBe(503);
    expect(problemRecord('signature_invalid')?.usualStatus).toBe(401);
    expect(problemRecord('parameter_absent')?.usualStatus).toBe(400);
  });
});

describe('the cause table', () => {
  it.each(REQUIRED_CAUSES)('%s exists', (id) => expect(causeRecord(id)).toBeDefined());

  it('every id of the CauseId union has exactly one record, and every record an id of the union', () => {
    const ids = Object.keys(EVERY_CAUSE_ID).sort();
    expect(CAUSES.map((c) => c.id).sort()).toEqual(ids);
  });

  it.each(CAUSES.map((c) => [c.id, c] as const))('%s: title, how to confirm and fixes in both languages', (_id, cause) => {
    expect(cause.id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
    bilingual(cause.title, `${cause.id}.title`);
    bilingual(cause.confirm, `${cause.id}.confirm`);
    expect(cause.fixes.length).toBeGreaterThan(0);
    for (const fix of cause.fixes) bilingual(fix.text, `${cause.id} fix`);
  });

  it('has unique ids', () => {
    expect(new Set(CAUSES.map((c) => c.id)).size).toBe(CAUSES.length);
  });

  it('every cause is reachable from some problem or provider code, or from a message\'s words', () => {
    const used = new Set([
      ...PROBLEMS.flatMap((p) => p.causes.map((c) => c.id)),
      ...providerCodes().flatMap((r) => r.overlay?.causes?.map((c) => c.id) ?? []),
      ...concepts().flatMap((r) => r.causes),
      // or from a session's own evidence: what the flow sent against what the server requires (RFC 7636 §4.4.1, RFC 9126 §5)
      ...RAISED_FROM_EVIDENCE,
    ]);
    for (const cause of CAUSES) expect(used, cause.id).toContain(cause.id);
  });
});

describe('the provider code table', () => {
  it.each(REQUIRED_PROVIDER_CODES)('%s is known', (qualified) => {
    expect(providerCodes().some((r) => qualifiedCode(r) === qualified)).toBe(true);
  });

  it.each(providerCodes().map((r) => [qualifiedCode(r), r] as const))('%s maps to a known record or stands alone', (_q, row) => {
    expect(providers().some((p) => p.id === row.provider) || row.provider === 'oauthlib').toBe(true);
    if (row.maps !== undefined) {
      expect(problemRecord(row.maps), `${row.maps}`).toBeDefined();
    } else {
      expect(row.overlay?.title).toBeDefined();
      expect(row.overlay?.meaning).toBeDefined();
      expect(row.overlay?.causes?.length).toBeGreaterThan(0);
    }
    if (row.overlay?.title) bilingual(row.overlay.title, `${qualifiedCode(row)}.title`);
    if (row.overlay?.meaning) bilingual(row.overlay.meaning, `${qualifiedCode(row)}.meaning`);
    for (const fix of row.overlay?.fixes ?? []) bilingual(fix.text, `${qualifiedCode(row)} fix`);
    for (const ref of row.overlay?.causes ?? []) expect(causeRecord(ref.id), ref.id).toBeDefined();
  });

  it('has no duplicate rows', () => {
    const keys = providerCodes().map(qualifiedCode);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the page and phrase table', () => {
  it.each(phrases().map((p) => [p.id, p] as const))('%s points at a known problem', (_id, phrase) => {
    const target = phrase.providerCode ?? phrase.problem;
    expect(problemRecord(phrase.problem) ?? providerCodes().find((r) => qualifiedCode(r) === target), target).toBeDefined();
    // Known pages are mapped; short generic phrases must admit they are guesses.
    if (phrase.kind === 'html-page') expect(phrase.confidence).toBe('mapped');
    if (phrase.id.startsWith('generic-')) expect(phrase.confidence).toBe('heuristic');
  });

  it('has unique ids', () => {
    expect(new Set(phrases().map((p) => p.id)).size).toBe(phrases().length);
  });
});

describe('every label and evidence sentence exists in both languages', () => {
  it.each(Object.entries(EVIDENCE_TEXT))('evidence %s', (key, text) => {
    expect(text.en, key).not.toBe('');
    expect(text.ja, key).not.toBe('');
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(placeholders(text.ja), `${key}: the same placeholders`).toEqual(placeholders(text.en));
  });

  it.each(Object.entries(LABELS))('label %s', (key, text) => {
    expect(text.en, key).not.toBe('');
    expect(text.ja, key).not.toBe('');
  });
});

describe('every code, typed as the argument, is explained in both languages', () => {
  const codes = [...PROBLEMS.map((p) => p.code), ...providerCodes().map(qualifiedCode)];
  it.each(codes)('%s', (code) => {
    const problem = readProblemFromText(code);
    expect(problem, code).toBeDefined();
    if (!problem) return;
    const en = diagnose(problem, {}, { lang: 'en' });
    const ja = diagnose(problem, {}, { lang: 'ja' });
    expect(en.problem.known).toBe(true);
    expect(en.causes.length).toBeGreaterThan(0);
    expect(en.fixes.length).toBeGreaterThan(0);
    expect(en.causes.map((c) => c.id)).toEqual(ja.causes.map((c) => c.id));
    expect(ja.problem.meaning).toMatch(JAPANESE);
    expect(en.problem.meaning).not.toMatch(JAPANESE);
  });
});
