import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { decodeCompanions } from '../../src/diagnose/companions.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import type { DetectedProblem } from '../../src/diagnose/types.js';
import { runCli } from '../helpers/cli.js';

const DIR = new URL('../fixtures/real-world/', import.meta.url);

type Expected = Partial<Pick<DetectedProblem, 'code' | 'providerCode' | 'source' | 'confidence' | 'status' | 'provider' | 'message'>> & {
  parameters?: Record<string, string>;
  serverBaseStringStartsWith?: string;
  companions?: ReturnType<typeof decodeCompanions>;
  /** The cause diagnose must rank first (or among the first two when tied). */
  topCause?: string;
};

/**
 * Real providers' answers, rebuilt with made-up tokens from the shapes quoted
 * in bug reports and servers' source (README.md beside the fixtures says where).
 */
const CORPUS: Record<string, Expected> = {
  // WordPress REST OAuth1 plugin: WP_Error JSON with a provider code
  'wordpress-signature-mismatch.http': { code: 'signature_invalid', providerCode: 'wordpress:json_oauth1_signature_mismatch', provider: 'wordpress', source: 'json-body', confidence: 'mapped', status: 401 },
  'wordpress-expired-request-token.http': { code: 'token_expired', providerCode: 'wordpress:json_oauth1_expired_token', provider: 'wordpress', topCause: 'expiry' },
  'json-utf16le.json': { code: 'nonce_used', providerCode: 'wordpress:json_oauth1_nonce_already_used', provider: 'wordpress' },
  // WooCommerce: one code for every check, refined by the message
  'woocommerce-rest-signature.http': { code: 'signature_invalid', provider: 'woocommerce', source: 'json-body', confidence: 'heuristic' },
  'woocommerce-rest-timestamp.http': { code: 'timestamp_refused', provider: 'woocommerce', confidence: 'heuristic', topCause: 'clock-skew' },
  'woocommerce-legacy-errors.http': { code: 'signature_invalid', provider: 'woocommerce', source: 'json-body' },
  // Tumblr, Trello, Discogs, Goodreads: plain text
  'tumblr-signature-mismatch.http': { code: 'signature_invalid', provider: 'tumblr', source: 'plain-text', confidence: 'mapped' },
  'tumblr-consumer-key-required.txt': { code: 'parameter_absent', source: 'plain-text', confidence: 'heuristic' },
  // Tumblr API v2 JSON envelope: meta + errors[] with Tumblr's own codes, never X's
  'tumblr-v2-1016.http': { code: 'tumblr:1016', providerCode: 'tumblr:1016', provider: 'tumblr', source: 'json-body', confidence: 'mapped', status: 401, message: 'Unable to authorize', topCause: 'wrong-secret' },
  'tumblr-v2-not-authorized.http': { code: 'tumblr:401', providerCode: 'tumblr:401', provider: 'tumblr', status: 401, message: 'Not Authorized', topCause: 'wrong-secret' },
  'tumblr-v2-code-0.json': { code: 'tumblr:401', provider: 'tumblr', status: 401, message: 'Got an error. Try again.', topCause: 'wrong-secret' },
  // LinkedIn v1 (retired) error envelope, JSON and XML
  'linkedin-v1-json-unauthorized.http': { code: 'linkedin:unauthorized', providerCode: 'linkedin:unauthorized', provider: 'linkedin', source: 'json-body', confidence: 'mapped', status: 401, topCause: 'signature-base-mismatch' },
  'linkedin-v1-xml-unauthorized.http': { code: 'linkedin:unauthorized', providerCode: 'linkedin:unauthorized', provider: 'linkedin', source: 'xml-body', status: 401, topCause: 'signature-base-mismatch' },
  'linkedin-v1-token-not-valid.http': { code: 'token_rejected', provider: 'linkedin', source: 'json-body', confidence: 'heuristic', status: 401 },
  // OpenStreetMap: the reason only in an Error: header; Bitbucket 1.0 (django-piston): its one verification failure
  'openstreetmap-error-header.http': { code: 'openstreetmap:unauthorized-oauth-request', providerCode: 'openstreetmap:unauthorized-oauth-request', provider: 'openstreetmap', status: 401, message: 'Unauthorized OAuth request.', topCause: 'wrong-secret' },
  'bitbucket-could-not-verify.http': { code: 'signature_invalid', source: 'plain-text', confidence: 'heuristic', status: 400 },
  'discogs-must-authenticate-json.http': { code: 'parameter_absent', provider: 'discogs', source: 'json-body', message: 'You must authenticate to access this resource.', topCause: 'missing-parameter' },
  'trello-invalid-signature.http': { code: 'signature_invalid', confidence: 'heuristic', status: 401 },
  // Trello's plain-text answers name nothing of OAuth 1.0a's (no host, no oauth_* parameter): read as OAuth 2.0's invalid_token,
  // the words' causes kept; the same words beside Trello's name or host stay OAuth 1.0a's (read/protocol.ts).
  'trello-expired-token.http': { code: 'oauth2:invalid_token', confidence: 'heuristic', topCause: 'expiry' },
  'trello-invalid-key.http': { code: 'consumer_key_unknown', confidence: 'heuristic' },
  'trello-invalid-token.http': { code: 'oauth2:invalid_token', confidence: 'heuristic' },
  'discogs-invalid-consumer.http': { code: 'consumer_key_unknown', confidence: 'heuristic' },
  'discogs-parameter-not-found.http': { code: 'parameter_absent', confidence: 'heuristic' },
  'goodreads-invalid-oauth-request.http': { code: 'oauthplugin:invalid-oauth-request', providerCode: 'oauthplugin:invalid-oauth-request', confidence: 'heuristic' },
  // Problem Reporting form bodies: Xero, Etsy, and ones wrapped in client libraries' exceptions
  'xero-token-expired.http': { code: 'token_expired', source: 'form-body', confidence: 'exact', parameters: { oauth_problem_advice: 'The access token has expired' }, topCause: 'expiry' },
  'xero-token-rejected-plus-advice.http': { code: 'token_rejected', parameters: { oauth_problem_advice: 'Token does not match an expected REQUEST token' } },
  'etsy-token-rejected-403.http': { code: 'token_rejected', status: 403, source: 'form-body' },
  'etsy-debug-sbs-html-escaped.txt': { code: 'signature_invalid', provider: 'etsy', serverBaseStringStartsWith: 'GET&https%3A%2F%2Fopenapi.etsy.com%2Fv2%2Fusers%2F__SELF__&oauth_consumer_key%3Dexamplekey' },
  'scribejava-consumer-key-rejected.txt': { code: 'consumer_key_rejected', source: 'form-body', confidence: 'exact' },
  'linkedin-scribejava-signature-invalid.txt': { code: 'signature_invalid', source: 'form-body' },
  'requests-oauthlib-token-request-denied.txt': { code: 'parameter_absent', confidence: 'heuristic' },
  // JSON with the problem inside: Fitbit, Plurk, Withings; JSONP from Flickr
  'fitbit-embedded-problem.http': { code: 'parameter_absent', source: 'json-body', companions: { parametersAbsent: ['oauth_signature_method', 'oauth_signature'] } },
  'fitbit-invalid-signature-or-token.http': { code: 'signature_invalid', source: 'json-body', confidence: 'heuristic' },
  'plurk-incorrect-signature.http': { code: 'signature_invalid', source: 'json-body', status: 400 },
  'withings-342.http': { code: 'signature_invalid', providerCode: 'withings:342', provider: 'withings' },
  'flickr-jsonp-98.http': { code: 'token_rejected', providerCode: 'flickr:98', provider: 'flickr', source: 'json-body', confidence: 'mapped' },
  // QuickBooks Online faults, JSON and XML
  'quickbooks-json-3200.http': { code: 'quickbooks:3200', providerCode: 'quickbooks:3200', provider: 'quickbooks', confidence: 'mapped', status: 401 },
  'quickbooks-xml-3200.http': { code: 'quickbooks:3200', providerCode: 'quickbooks:3200', provider: 'quickbooks', source: 'xml-body' },
  'quickbooks-3100.http': { code: 'additional_authorization_required', providerCode: 'quickbooks:3100', status: 403, topCause: 'insufficient-scope' },
  // NetSuite SOAP fault and RESTlet JSON
  'netsuite-soap-invalid-login.http': { code: 'netsuite:INVALID_LOGIN_ATTEMPT', providerCode: 'netsuite:INVALID_LOGIN_ATTEMPT', provider: 'netsuite', source: 'xml-body' },
  'netsuite-restlet-invalid-login.http': { code: 'netsuite:INVALID_LOGIN_ATTEMPT', providerCode: 'netsuite:INVALID_LOGIN_ATTEMPT', provider: 'netsuite', source: 'json-body', confidence: 'mapped' },
  // XML: Vimeo's legacy rsp (not Flickr's), TripIt's Error
  'vimeo-legacy-xml-401.http': { code: 'signature_invalid', source: 'xml-body' },
  'tripit-xml-invalid-signature.http': { code: 'signature_invalid', source: 'xml-body', confidence: 'heuristic' },
  // Base string echoed in prose
  'khan-expected-base-string.http': { code: 'signature_invalid', provider: 'khan', serverBaseStringStartsWith: 'GET&https%3A%2F%2Fwww.khanacademy.org%2Fapi%2Fv1%2Fuser&oauth_consumer_key%3Dexamplekey' },
  // Evernote: Thrift exception text and the Tomcat page for a key used on the wrong service
  'evernote-edam-consumer-key.txt': { code: 'consumer_key_unknown', providerCode: 'evernote:EDAM-8', provider: 'evernote', confidence: 'mapped' },
  'evernote-tomcat-401.html': { code: 'consumer_key_unknown', provider: 'evernote', confidence: 'heuristic' },
  // Tolerance: odd header case, several challenges, + in advice, BOM before JSON, a page split across tags
  'jira-several-challenges-odd-case.http': { code: 'timestamp_refused', source: 'www-authenticate', companions: { acceptableTimestamps: { min: 1763799700, max: 1763800300 } } },
  'yahoo-plus-advice-bom-json.http': { code: 'token_expired', providerCode: 'yahoo:token_expired', provider: 'yahoo', parameters: { oauth_problem_advice: 'Renew the token with oauth_session_handle' } },
  'x-page-ja-split-across-tags.html': { code: 'token_rejected', providerCode: 'x:page:request-token-invalid', source: 'html-page', confidence: 'mapped' },
};

describe('real-world responses: each shape is read to the right code', () => {
  it('every fixture file has an expectation, and every expectation a file', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'README.md');
    expect(files.sort()).toEqual(Object.keys(CORPUS).sort());
  });

  it.each(Object.entries(CORPUS))('%s', (file, expected) => {
    // Read as explain reads a file: UTF-8, whatever the file really is.
    const problem = readProblemFromText(readFileSync(new URL(file, DIR), 'utf8'));
    expect(problem, `${file} was not recognised`).toBeDefined();
    if (!problem) return;
    const { parameters, serverBaseStringStartsWith, companions, topCause, ...fields } = expected;
    expect(problem).toMatchObject(fields);
    if (parameters) expect(problem.parameters).toMatchObject(parameters);
    if (serverBaseStringStartsWith) expect(problem.serverBaseString?.startsWith(serverBaseStringStartsWith), problem.serverBaseString).toBe(true);
    if (companions) expect(decodeCompanions(problem.parameters)).toMatchObject(companions);
    const diagnosis = diagnose(problem, {}, { lang: 'en' });
    expect(diagnosis.problem.known, `${file}: explained from a table row`).toBe(true);
    expect(diagnosis.causes.length).toBeGreaterThan(0);
    if (topCause) expect(diagnosis.causes.slice(0, 2).map((c) => c.id)).toContain(topCause);
  });
});

describe('a provider code is claimed only with that provider\'s shape', () => {
  const TUMBLR_1016 = '{"meta":{"status":401,"msg":"Unauthorized"},"response":[],"errors":[{"title":"Unauthorized","code":1016,"detail":"Unable to authorize"}]}';

  it('regression: Tumblr\'s errors[].code 1016 is not read as X code x:1016', () => {
    const problem = readProblemFromText(TUMBLR_1016, { status: 401 });
    expect(problem?.providerCode).not.toBe('x:1016');
    expect(problem).toMatchObject({ code: 'tumblr:1016', provider: 'tumblr', message: 'Unable to authorize' });
  });

  it('X v1.1\'s own shape is still X\'s, from any host', () => {
    expect(readProblemFromText('{"errors":[{"code":89,"message":"Invalid or expired token."}]}')).toMatchObject({ code: 'token_rejected', providerCode: 'x:89', provider: 'x' });
    expect(readProblemFromText('{"errors":[{"message":"Could not authenticate you","code":32}]}')?.providerCode).toBe('x:32');
  });

  it.each([
    ['an entry with another provider\'s keys', '{"errors":[{"title":"Unauthorized","code":1016,"detail":"Unable to authorize"}]}'],
    ['a key beside errors', '{"errors":[{"code":1016,"message":"Unable to authorize"}],"success":false}'],
    ['an entry without a message', '{"errors":[{"code":1016}]}'],
  ])('%s is not X\'s', (_name, body) => {
    expect(readProblemFromText(body, { status: 401 })?.provider).not.toBe('x');
  });

  it('the same body on X\'s host is X\'s', () => {
    const problem = readProblemFromText('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: OAuth realm="https://api.twitter.com"\n\n{"errors":[{"code":89,"message":"Invalid or expired token.","extra":1}],"x":1}');
    expect(problem?.providerCode).toBe('x:89');
  });

  it('an XML <error code> outside <errors> is not X\'s', () => {
    expect(readProblemFromText('<?xml version="1.0"?><error code="1016">Unable to authorize</error>', { status: 401 })?.provider).not.toBe('x');
  });

  it('an Error: header is read only for a known phrase', () => {
    expect(readProblemFromText('HTTP/1.1 401 Unauthorized\nError: something else\n\n')).toMatchObject({ code: 'http:401', source: 'status-only' });
  });

  it('Tumblr\'s envelope with a success status is no problem', () => {
    expect(readProblemFromText('{"meta":{"status":200,"msg":"OK"},"response":{"user":{}}}')).toBeUndefined();
  });

  it('Tumblr\'s rate limit reads as the HTTP status, said by Tumblr', () => {
    expect(readProblemFromText('{"meta":{"status":429,"msg":"Limit Exceeded"},"response":[]}')).toMatchObject({ code: 'http:429', provider: 'tumblr', status: 429 });
  });
});

describe('tolerance: what real servers and pastes do to the same answer', () => {
  it('a Flickr-shaped <rsp stat="fail"> with a code no table knows is not called Flickr', () => {
    const problem = readProblemFromText('<rsp stat="fail"><err code="7" msg="Something odd" /></rsp>');
    expect(problem?.provider).toBeUndefined();
    expect(problem?.code).toBe('rsp:7');
  });

  it('a trailing & after oauth_problem changes nothing', () => {
    expect(readProblemFromText('oauth_problem=token_rejected&')).toMatchObject({ code: 'token_rejected', source: 'form-body', confidence: 'exact' });
  });

  it('a literal + in advice that is otherwise percent-encoded is kept', () => {
    const problem = readProblemFromText('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: OAuth oauth_problem="signature_invalid", oauth_problem_advice="use%20a+b"\n\n');
    expect(problem?.parameters['oauth_problem_advice']).toBe('use a+b');
  });

  it('a WordPress code from an unrelated host is not read as WordPress', () => {
    const problem = readProblemFromText('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: OAuth realm="yahooapis.com"\n\n{"code":"json_oauth1_signature_mismatch","message":"x"}');
    expect(problem?.provider).toBe('yahoo');
    expect(problem?.providerCode).not.toBe('wordpress:json_oauth1_signature_mismatch');
  });

  it('text with a few NULs is not mistaken for UTF-16', () => {
    expect(readProblemFromText('oauth_problem=nonce_used \u0000 in a log line')?.code).toBe('nonce_used');
  });

  it('an unknown answer with an error status is still explained generically', () => {
    const problem = readProblemFromText('HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\nsomething nobody has listed');
    expect(problem).toMatchObject({ code: 'http:401', source: 'status-only' });
  });
});

describe('explain, end to end, on real-world answers', () => {
  const fixture = (file: string) => fileURLToPath(new URL(file, DIR));

  it('reads a WooCommerce JSON answer and names the failed check', async () => {
    const result = await runCli(['explain', fixture('woocommerce-rest-signature.http'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { problem: { code: string; provider?: string }; causes: { id: string }[] };
    expect(json.problem.code).toBe('signature_invalid');
    expect(json.causes.map((c) => c.id)).toContain('wrong-secret');
  });

  it('reads a QuickBooks fault to its own code, in Japanese', async () => {
    const result = await runCli(['explain', fixture('quickbooks-json-3200.http'), '--json', '--lang', 'ja']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { problem: { code: string } };
    expect(json.problem.code).toBe('quickbooks:3200');
    expect(result.stdout).toMatch(/[\u3040-\u30ff]/);
  });

  it('regression: the Tumblr body from the misreading report is Tumblr\'s, not X\'s', async () => {
    const body = '{"meta":{"status":401,"msg":"Unauthorized"},"response":[],"errors":[{"title":"Unauthorized","code":1016,"detail":"Unable to authorize"}]}';
    const result = await runCli(['explain', '--status', '401', body, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { problem: { code: string; provider?: string; known?: boolean } };
    expect(json.problem).toMatchObject({ code: 'tumblr:1016', provider: 'tumblr' });
    expect(result.stdout).not.toContain('x:1016');
  });

  it('reads a UTF-16 file from stdin the same as from disk', async () => {
    const result = await runCli(['explain', '-', '--json'], { input: readFileSync(new URL('json-utf16le.json', DIR), 'utf8') });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { problem: { code: string } }).problem.code).toBe('nonce_used');
  });
});
