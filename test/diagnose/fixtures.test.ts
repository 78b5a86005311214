import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import { decodeCompanions } from '../../src/diagnose/companions.js';
import type { DetectedProblem } from '../../src/diagnose/types.js';

const DIR = new URL('../fixtures/responses/', import.meta.url);

type Expected = Partial<Pick<DetectedProblem, 'code' | 'providerCode' | 'source' | 'confidence' | 'status' | 'provider'>> & {
  parameters?: Record<string, string>;
  serverBaseStringStartsWith?: string;
  companions?: ReturnType<typeof decodeCompanions>;
};

/** Every fixture, and what the reader must find in it: one carrier or dialect each. */
const CORPUS: Record<string, Expected> = {
  // Problem Reporting: header and body agree; header only; a realm naming the provider; a form tail in the header
  'problem-reporting-header-and-body.http': { code: 'token_rejected', source: 'www-authenticate', confidence: 'exact', status: 401, parameters: { oauth_problem_advice: 'The token is not known.' } },
  'www-authenticate-only-hatena.http': { code: 'timestamp_refused', source: 'www-authenticate', status: 400, companions: { acceptableTimestamps: { min: 1763800000, max: 1763800600 } } },
  'yahoo-token-expired.http': { code: 'token_expired', providerCode: 'yahoo:token_expired', provider: 'yahoo', source: 'www-authenticate' },
  'salesforce-style-challenge.http': { code: 'timestamp_refused', source: 'www-authenticate', companions: { acceptableTimestamps: { min: 1763799700, max: 1763800000 } } },
  // companion parameters
  'parameter-absent-double-encoded.http': { code: 'parameter_absent', source: 'form-body', parameters: { oauth_parameters_absent: 'oauth_token&oauth_nonce' }, companions: { parametersAbsent: ['oauth_token', 'oauth_nonce'] } },
  'magento-parameter-absent.http': { code: 'parameter_absent', companions: { parametersAbsent: ['oauth_callback'] } },
  'parameter-rejected-query-string.http': { code: 'parameter_rejected', companions: { parametersRejected: [{ name: 'scope', value: 'read_private' }, { name: 'x_mode', value: 'full' }] } },
  'version-rejected.http': { code: 'version_rejected', companions: { acceptableVersions: { min: '1.0', max: '1.0' } } },
  'mixi-timestamp-refused.http': { code: 'timestamp_refused', source: 'form-body', companions: { acceptableTimestamps: { min: 1763800000, max: 1763800600 } } },
  // values providers send beside the standard list
  'magento1-unknown-problem.http': { code: 'magento:unknown_problem', providerCode: 'magento:unknown_problem', provider: 'magento', parameters: { code: '7' } },
  'magento2-consumer-key-invalid.http': { code: 'consumer_key_unknown', providerCode: 'magento:consumer_key_invalid', confidence: 'mapped', status: 403 },
  'magento1-token-used.http': { code: 'token_used', source: 'form-body', confidence: 'exact' },
  'netsuite-nonce-rejected.http': { code: 'parameter_rejected', providerCode: 'netsuite:nonce_rejected', provider: 'netsuite' },
  'json-oauth-problem-field.http': { code: 'token_expired', source: 'json-body', confidence: 'exact', parameters: { oauth_problem_advice: 'Renew the token with oauth_session_handle.' } },
  // URLs
  'callback-url-oauth-problem.txt': { code: 'permission_denied', source: 'url-query', confidence: 'exact' },
  'x-denied-callback.txt': { code: 'permission_denied', providerCode: 'x:denied', source: 'url-query' },
  // X JSON, new and old, and its codes
  'x-json-89.http': { code: 'token_rejected', providerCode: 'x:89', provider: 'x', source: 'json-body', confidence: 'mapped', status: 401 },
  'x-json-32-old-order.http': { code: 'signature_invalid', providerCode: 'x:32', source: 'json-body' },
  'x-json-135.http': { code: 'timestamp_refused', providerCode: 'x:135' },
  'x-json-415.http': { code: 'x:415', providerCode: 'x:415', status: 403 },
  'x-json-417.http': { code: 'x:417', providerCode: 'x:417' },
  'x-json-88.http': { code: 'consumer_key_refused', providerCode: 'x:88', status: 429 },
  'x-json-261.http': { code: 'x:261', providerCode: 'x:261' },
  'x-json-v1-error.http': { code: 'signature_invalid', providerCode: 'x:32', provider: 'x', source: 'json-body', confidence: 'heuristic' },
  // XML
  'x-xml-2010-hash.http': { code: 'token_rejected', providerCode: 'x:89', provider: 'x', source: 'xml-body', confidence: 'heuristic' },
  'x-xml-errors.http': { code: 'signature_invalid', providerCode: 'x:32', source: 'xml-body', confidence: 'mapped' },
  'flickr-xml-96.http': { code: 'signature_invalid', providerCode: 'flickr:96', provider: 'flickr', source: 'xml-body', status: 200 },
  'smugmug-legacy-xml-36.http': { code: 'token_rejected', providerCode: 'smugmug:36', provider: 'smugmug', source: 'xml-body' },
  // X pages, EN and JA, and the different "no request token" failure
  'x-page-request-token-invalid-en.html': { code: 'token_rejected', providerCode: 'x:page:request-token-invalid', source: 'html-page', confidence: 'mapped', status: 403 },
  'x-page-request-token-invalid-ja.html': { code: 'token_rejected', providerCode: 'x:page:request-token-invalid', source: 'html-page', confidence: 'mapped' },
  'x-page-no-request-token-en.html': { code: 'parameter_absent', providerCode: 'x:page:no-request-token', source: 'html-page', parameters: { oauth_parameters_absent: 'oauth_token' } },
  'x-page-no-request-token-ja.html': { code: 'parameter_absent', providerCode: 'x:page:no-request-token', source: 'html-page' },
  'x-page-token-used-2009.html': { code: 'token_used', providerCode: 'x:page:token-used', source: 'html-page' },
  'flickr-page-token-not-recognised.html': { code: 'token_rejected', providerCode: 'flickr:page:token-not-recognised', provider: 'flickr', source: 'html-page' },
  'x-plain-failed-to-validate.http': { code: 'signature_invalid', provider: 'x', source: 'plain-text', confidence: 'heuristic' },
  // oauthlib
  'oauthlib-missing-parameters.http': { code: 'parameter_absent', source: 'oauthlib-error', confidence: 'heuristic', status: 400 },
  'oauthlib-timestamp.http': { code: 'timestamp_refused', source: 'oauthlib-error' },
  'oauthlib-signature-method.http': { code: 'signature_method_rejected', providerCode: 'oauthlib:invalid_signature_method', source: 'oauthlib-error', confidence: 'mapped' },
  'oauthlib-json-nonce.http': { code: 'parameter_rejected', source: 'oauthlib-error' },
  // servers that echo their base string
  'jira-signature-invalid-header.http': {
    code: 'signature_invalid',
    providerCode: 'jira:signature_invalid',
    provider: 'jira',
    source: 'www-authenticate',
    parameters: { oauth_signature_method: 'RSA-SHA1' },
    serverBaseStringStartsWith: 'GET&https%3A%2F%2Fjira.example.com%2Fplugins%2Fservlet%2Foauth%2Frequest-token&oauth_callback%3Doob%26',
  },
  'jira-token-rejected.http': { code: 'token_rejected', source: 'www-authenticate' },
  'flickr-debug-sbs.http': { code: 'signature_invalid', provider: 'flickr', source: 'form-body', serverBaseStringStartsWith: 'POST&https%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Frequest_token&oauth_callback%3Dhttp%253A%252F%252Flocalhost' },
  // other JSON shapes
  'flickr-json-100.http': { code: 'consumer_key_unknown', providerCode: 'flickr:100', source: 'json-body' },
  'smugmug-v2-json.http': { code: 'signature_invalid', source: 'json-body', confidence: 'exact' },
  'netsuite-rest-invalid-login.http': { code: 'netsuite:INVALID_LOGIN', providerCode: 'netsuite:INVALID_LOGIN', provider: 'netsuite', source: 'json-body', confidence: 'mapped' },
  // pastes
  'log-line.txt': { code: 'token_rejected', source: 'form-body', confidence: 'exact' },
  'curl-100-continue.http': { code: 'verifier_invalid', status: 401 },
  'status-only-401.http': { code: 'http:401', source: 'status-only', confidence: 'heuristic', status: 401 },
  'devtools-headers-yahoo.txt': { code: 'permission_denied', providerCode: 'yahoo:permission_denied', source: 'www-authenticate' },
  'outage-503.http': { code: 'http:5xx', source: 'status-only', status: 503 },
  // plain-text phrases from providers nobody listed
  // Nothing of OAuth 1.0a's in "Error: expired token": OAuth 2.0's invalid_token (read/protocol.ts), heuristic.
  'plain-expired-token.txt': { code: 'oauth2:invalid_token', source: 'plain-text', confidence: 'heuristic' },
  'plain-nonce-used.txt': { code: 'nonce_used', source: 'plain-text', confidence: 'heuristic' },
  'plain-consumer-key.txt': { code: 'consumer_key_unknown', source: 'plain-text', confidence: 'heuristic' },
  'plain-invalid-signature.http': { code: 'signature_invalid', source: 'plain-text', confidence: 'heuristic', status: 401 },
};

describe('the fixture corpus: every carrier and dialect is read', () => {
  it('every fixture file has an expectation, and every expectation a file', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(CORPUS).sort());
  });

  it.each(Object.entries(CORPUS))('%s', (file, expected) => {
    const problem = readProblemFromText(readFileSync(new URL(file, DIR), 'utf8'));
    expect(problem, `${file} was not recognised`).toBeDefined();
    if (!problem) return;
    const { parameters, serverBaseStringStartsWith, companions, ...fields } = expected;
    expect(problem).toMatchObject(fields);
    if (parameters) expect(problem.parameters).toMatchObject(parameters);
    if (serverBaseStringStartsWith) expect(problem.serverBaseString?.startsWith(serverBaseStringStartsWith), problem.serverBaseString).toBe(true);
    if (companions) expect(decodeCompanions(problem.parameters)).toMatchObject(companions);
  });
});
