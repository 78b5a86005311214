import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { fingerprintToken } from '../../src/diagnose/fingerprint.js';
import { readProblemFromText } from '../../src/diagnose/read-problem.js';
import type { DetectedProblem, Diagnosis, LegRecord, SessionEvidence } from '../../src/diagnose/types.js';

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const REQUEST_TOKEN = fingerprintToken('hh5s93j4hdidpola');
const ACCESS_TOKEN = fingerprintToken('nnch734d00sl2jdk');

function problem(text: string, extra: Partial<DetectedProblem> = {}): DetectedProblem {
  const read = readProblemFromText(text);
  if (!read) throw new Error(`not recognised: ${text}`);
  return { ...read, ...extra };
}

function leg(leg: LegRecord['leg'], secondsAfterStart: number, fields: Partial<LegRecord> = {}): LegRecord {
  return { leg, method: leg === 'authorize' || leg === 'callback' ? 'GET' : 'POST', url: `https://api.x.com/oauth/${leg}`, at: T0 + secondsAfterStart * 1000, status: 200, ...fields };
}

function cause(diagnosis: Diagnosis, id: string) {
  const found = diagnosis.causes.find((c) => c.id === id);
  if (!found) throw new Error(`no cause ${id} in ${diagnosis.causes.map((c) => c.id).join(', ')}`);
  return found;
}

/** A whole three-legged run whose last leg failed. */
function run(failing: LegRecord, before: LegRecord[] = standardLegs()): SessionEvidence {
  return { provider: 'x', legs: [...before, failing], failedLegIndex: before.length, observedAt: failing.at };
}

function standardLegs(): LegRecord[] {
  return [
    leg('request_token', 0, { tokenIssued: REQUEST_TOKEN, callback: 'http://127.0.0.1:8080/cb' }),
    leg('authorize', 5, { tokenSent: REQUEST_TOKEN }),
    leg('callback', 20, { tokenSent: REQUEST_TOKEN }),
  ];
}

describe('token_rejected with no session', () => {
  const d = diagnose(problem('token_rejected'), {}, { lang: 'en' });

  it('lists reuse, expiry and revocation as possible, each with how to tell it apart', () => {
    for (const id of ['reuse', 'expiry', 'revocation']) {
      expect(cause(d, id).likelihood).toBe('possible');
      expect(cause(d, id).confirm.length).toBeGreaterThan(40);
    }
    expect(new Set(['reuse', 'expiry', 'revocation'].map((id) => cause(d, id).confirm)).size).toBe(3);
  });

  it('says that no session evidence was given', () => {
    expect(d.notes?.join(' ')).toMatch(/No session evidence/);
  });
});

describe('reuse', () => {
  it('is certain when the session shows the token was already exchanged', () => {
    const exchanged = leg('access_token', 25, { tokenSent: REQUEST_TOKEN, tokenIssued: ACCESS_TOKEN, status: 200 });
    const again = leg('access_token', 40, { tokenSent: REQUEST_TOKEN, status: 401 });
    const d = diagnose(problem('token_rejected', { status: 401 }), run(again, [...standardLegs(), exchanged]), { lang: 'en' });
    expect(d.causes[0]?.id).toBe('reuse');
    expect(d.causes[0]?.likelihood).toBe('certain');
    expect(d.causes[0]?.evidence.join(' ')).toMatch(/already exchanged at leg 4 \(access_token, HTTP 200\) 15 s earlier/);
    // With a certain cause the fixes are about it, not about every possibility.
    expect(d.fixes.every((f) => f.cause === undefined || f.cause === 'reuse')).toBe(true);
  });

  it('is likely when the callback arrived twice for the same token', () => {
    const before = [...standardLegs(), leg('callback', 21, { tokenSent: REQUEST_TOKEN })];
    const d = diagnose(problem('token_used'), run(leg('access_token', 30, { tokenSent: REQUEST_TOKEN, status: 401 }), before), { lang: 'en' });
    expect(cause(d, 'reuse').likelihood).toBe('likely');
    expect(cause(d, 'reuse').evidence.join(' ')).toMatch(/callback arrived 2 times/);
  });

  it('is unlikely on the first use of a freshly issued token', () => {
    const d = diagnose(problem('token_rejected'), run(leg('access_token', 30, { tokenSent: REQUEST_TOKEN, status: 401 })), { lang: 'en' });
    expect(cause(d, 'reuse').likelihood).toBe('unlikely');
    expect(cause(d, 'reuse').evidence.join(' ')).toMatch(/first use of the token/);
  });
});

describe('expiry: the token age against the provider lifetime', () => {
  const smugmug = (ageSec: number): SessionEvidence => ({
    provider: 'smugmug',
    legs: [
      leg('request_token', 0, { url: 'https://api.smugmug.com/services/oauth/1.0a/getRequestToken', tokenIssued: REQUEST_TOKEN }),
      leg('access_token', ageSec, { url: 'https://api.smugmug.com/services/oauth/1.0a/getAccessToken', tokenSent: REQUEST_TOKEN, status: 401 }),
    ],
  });

  it('is certain past SmugMug\'s 5-minute request-token lifetime', () => {
    const d = diagnose(problem('token_rejected'), smugmug(600), { lang: 'en' });
    expect(cause(d, 'expiry').likelihood).toBe('certain');
    expect(cause(d, 'expiry').evidence[0]).toMatch(/10 min old when used; SmugMug request tokens last 5 min/);
  });

  it('is unlikely well within it', () => {
    expect(cause(diagnose(problem('token_rejected'), smugmug(40), { lang: 'en' }), 'expiry').likelihood).toBe('unlikely');
  });

  it('is not talked down when the provider itself says token_expired, however young the token', () => {
    const d = diagnose(problem('token_expired'), smugmug(40), { lang: 'en' });
    expect(cause(d, 'expiry').likelihood).not.toBe('unlikely');
    expect(cause(d, 'expiry').evidence[0]).toMatch(/40 s old/);
  });

  it('uses the session\'s own lifetime when it has one', () => {
    const evidence = { ...smugmug(100), requestTokenLifetimeSec: 60 };
    expect(cause(diagnose(problem('token_rejected'), evidence, { lang: 'en' }), 'expiry').likelihood).toBe('certain');
  });

  it('for X (no documented lifetime) is likely after 15 minutes and says the lifetime is undocumented', () => {
    const d = diagnose(problem('x:page:request-token-invalid'), run(leg('authorize', 1200, { tokenSent: REQUEST_TOKEN, status: 403 }), [leg('request_token', 0, { tokenIssued: REQUEST_TOKEN })]), { lang: 'en' });
    expect(cause(d, 'expiry').likelihood).toBe('likely');
    expect(cause(d, 'expiry').evidence[0]).toMatch(/20 min old.*documents no lifetime/);
  });

  it('is unlikely for an X access token, which does not expire', () => {
    const before = [...standardLegs(), leg('access_token', 25, { tokenSent: REQUEST_TOKEN, tokenIssued: ACCESS_TOKEN })];
    const d = diagnose(problem('x:89'), run(leg('resource', 86_400 * 30, { url: 'https://api.x.com/1.1/account/verify_credentials.json', method: 'GET', tokenSent: ACCESS_TOKEN, status: 401 }), before), { lang: 'en' });
    expect(cause(d, 'expiry').likelihood).toBe('unlikely');
    expect(d.causes[0]?.id).toBe('revocation');
  });
});

describe('token-type confusion', () => {
  it('is certain when the API got the request token', () => {
    const d = diagnose(problem('x:89'), run(leg('resource', 30, { url: 'https://api.x.com/1.1/statuses/update.json', tokenSent: REQUEST_TOKEN, status: 401 })), { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'token-type-confusion', likelihood: 'certain' });
  });

  it('is certain when the access-token leg got an access token', () => {
    const before = [...standardLegs(), leg('access_token', 25, { tokenSent: REQUEST_TOKEN, tokenIssued: ACCESS_TOKEN })];
    const d = diagnose(problem('token_rejected'), run(leg('access_token', 30, { tokenSent: ACCESS_TOKEN, status: 401 }), before), { lang: 'en' });
    expect(cause(d, 'token-type-confusion').likelihood).toBe('certain');
  });
});

describe('clock offset', () => {
  const refused = (timestamp: number) =>
    diagnose(problem('oauth_problem=timestamp_refused&oauth_acceptable_timestamps=1763800000-1763800600'), { legs: [leg('request_token', 0, { oauthTimestamp: timestamp, status: 400 })] }, { lang: 'en' });

  it('from oauth_acceptable_timestamps: certain, how far and which way (behind)', () => {
    const d = refused(1763799000);
    expect(d.causes[0]).toMatchObject({ id: 'clock-skew', likelihood: 'certain' });
    expect(d.causes[0]?.evidence[0]).toMatch(/1000 s before the earliest the server accepts.*behind/);
  });

  it('from oauth_acceptable_timestamps: ahead', () => {
    expect(refused(1763801600).causes[0]?.evidence[0]).toMatch(/1000 s after the latest.*ahead/);
  });

  it('inside the window, the clock is not the cause', () => {
    expect(cause(refused(1763800300), 'clock-skew').likelihood).toBe('unlikely');
  });

  it('from the response Date header: seconds and direction', () => {
    const failing = leg('resource', 0, { serverDate: T0 + 700_000, status: 401, url: 'https://api.x.com/1.1/statuses/home_timeline.json' });
    const d = diagnose(problem('x:135'), { provider: 'x', legs: [failing] }, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'clock-skew', likelihood: 'certain' });
    expect(d.causes[0]?.evidence[0]).toBe('The client clock is 700 s behind the server (from the response Date header).');
  });

  it('a clock ahead of the server, measured in the session, is said so, in Japanese too', () => {
    const d = diagnose(problem('x:32'), { clockOffsetSec: -900, legs: [leg('resource', 0, { status: 401 })] }, { lang: 'ja' });
    expect(cause(d, 'clock-skew').likelihood).toBe('likely');
    expect(cause(d, 'clock-skew').evidence[0]).toBe('クライアントの時計はサーバより 900 秒進んでいます（セッション中に測定）。');
  });

  it('clocks that agree make clock skew unlikely', () => {
    const d = diagnose(problem('x:32'), { clockOffsetSec: 2, legs: [leg('resource', 0, { status: 401 })] }, { lang: 'en' });
    expect(cause(d, 'clock-skew').likelihood).toBe('unlikely');
  });

  it('a pasted response: its Date against the oauth_timestamp the server echoed gives the offset, no session needed', () => {
    const sbs = 'POST&https%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Frequest_token&oauth_consumer_key%3Dk%26oauth_timestamp%3D1763799100';
    const p = readProblemFromText(`HTTP/1.1 401 Unauthorized\nDate: ${new Date(1763800000 * 1000).toUTCString()}\n\noauth_problem=signature_invalid&debug_sbs=${sbs}`);
    const d = diagnose(p!, {}, { lang: 'en' });
    expect(cause(d, 'clock-skew')).toMatchObject({ likelihood: 'likely' });
    expect(cause(d, 'clock-skew').evidence[0]).toBe('The client clock is 900 s behind the server (the response Date header against the oauth_timestamp the server echoed).');
  });

  it('a pasted response\'s Date says nothing about the clock without a time of observation', () => {
    const d = diagnose(problem('x:135', { serverDate: T0 }), {}, { lang: 'en' });
    expect(cause(d, 'clock-skew').evidence).toEqual([]);
  });
});

describe('hosts', () => {
  it('api.twitter.com and api.x.com in one flow: host-mismatch is likely, with each leg\'s host', () => {
    const legs = [
      leg('request_token', 0, { url: 'https://api.twitter.com/oauth/request_token', tokenIssued: REQUEST_TOKEN }),
      leg('authorize', 5, { url: 'https://api.x.com/oauth/authorize', tokenSent: REQUEST_TOKEN, status: 403 }),
    ];
    const d = diagnose(problem('x:page:request-token-invalid'), { legs }, { lang: 'en' });
    expect(cause(d, 'host-mismatch').likelihood).toBe('likely');
    expect(cause(d, 'host-mismatch').evidence[0]).toMatch(/request_token → api.twitter.com, authorize → api.x.com/);
  });

  it('one host for every leg makes it unlikely', () => {
    const d = diagnose(problem('x:page:request-token-invalid'), run(leg('authorize', 6, { tokenSent: REQUEST_TOKEN, status: 403 }), [leg('request_token', 0, { tokenIssued: REQUEST_TOKEN })]), { lang: 'en' });
    expect(cause(d, 'host-mismatch').likelihood).toBe('unlikely');
  });

  it('a base string signed for another host than the one called is certain', () => {
    const failing = leg('request_token', 0, { url: 'https://api.x.com/oauth/request_token', baseString: 'POST&https%3A%2F%2Fapi.twitter.com%2Foauth%2Frequest_token&oauth_consumer_key%3Dk', status: 401 });
    const d = diagnose(problem('x:32'), { legs: [failing] }, { lang: 'en' });
    expect(cause(d, 'host-mismatch').likelihood).toBe('certain');
    expect(cause(d, 'host-mismatch').evidence[0]).toMatch(/signed for api.twitter.com but the request went to api.x.com/);
  });
});

describe('callback', () => {
  it('sent vs registered differ with X 415: certain', () => {
    const legs = [leg('request_token', 0, { callback: 'https://app.example.com/oauth/cb', status: 403 })];
    const d = diagnose(problem('x:415'), { legs, registeredCallback: 'https://app.example.com/callback' }, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'callback-not-approved', likelihood: 'certain' });
    expect(d.causes[0]?.evidence[0]).toBe('oauth_callback sent: https://app.example.com/oauth/cb; registered: https://app.example.com/callback.');
  });

  it('the same callback makes it unlikely', () => {
    const legs = [leg('request_token', 0, { callback: 'https://app.example.com/callback', status: 403 })];
    const d = diagnose(problem('x:415'), { legs, registeredCallback: 'https://app.example.com/callback' }, { lang: 'en' });
    expect(cause(d, 'callback-not-approved').likelihood).toBe('unlikely');
  });

  it('X 417 after a callback URL: the app wants oob', () => {
    const d = diagnose(problem('x:417'), { legs: [leg('request_token', 0, { callback: 'http://127.0.0.1:8080/cb', status: 401 })] }, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'oob-required', likelihood: 'certain' });
  });

  it('no oauth_callback on the request-token leg: missing-parameter is certain', () => {
    const d = diagnose(problem('parameter_absent'), { legs: [leg('request_token', 0, { status: 400 })] }, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'missing-parameter', likelihood: 'certain' });
    expect(d.causes[0]?.evidence[0]).toMatch(/No oauth_callback was sent/);
  });
});

describe('our base string against the server\'s', () => {
  const ours = 'POST&https%3A%2F%2Fwww.flickr.com%2Fservices%2Foauth%2Frequest_token&oauth_callback%3Doob%26oauth_consumer_key%3Dabc%26oauth_nonce%3Dn1';
  const sent = (baseString: string) => ({ legs: [leg('request_token', 0, { url: 'https://www.flickr.com/services/oauth/request_token', baseString, status: 401 })] });

  it('identical: what was signed is right, so the key is wrong (certain: issue 15 item 21)', () => {
    const d = diagnose(problem(`oauth_problem=signature_invalid&debug_sbs=${ours}`), sent(ours), { lang: 'en' });
    expect(cause(d, 'wrong-secret').likelihood).toBe('certain');
    expect(cause(d, 'signature-base-mismatch').likelihood).toBe('unlikely');
    expect(d.baseStringDiff).toBeUndefined();
  });

  it('different: certain, with the first difference and the parameters that explain it', () => {
    const theirs = ours.replace('oauth_callback%3Doob%26', '');
    const d = diagnose(problem(`oauth_problem=signature_invalid&debug_sbs=${theirs}`), sent(ours), { lang: 'en' });
    const mismatch = cause(d, 'signature-base-mismatch');
    expect(mismatch.likelihood).toBe('certain');
    expect(d.causes[0]?.id).toBe('signature-base-mismatch');
    // oauth_callback and oauth_consumer_key share "oauth_c": the strings part one character later.
    const index = ours.indexOf('oauth_callback') + 'oauth_c'.length;
    expect(d.baseStringDiff).toEqual({ ours, theirs, index });
    expect(mismatch.evidence[0]).toBe(`Our base string differs from the server's at character ${index + 1}, in the parameters.`);
    expect(mismatch.evidence).toContain('Parameters only in ours: oauth_callback.');
  });

  it('a server base string without ours says to compare', () => {
    const d = diagnose(problem(`oauth_problem=signature_invalid&debug_sbs=${ours}`), {}, { lang: 'en' });
    expect(cause(d, 'signature-base-mismatch').evidence[0]).toMatch(/echoed its base string/);
  });
});

describe('nonce, signature method, status', () => {
  it('a nonce sent twice is certain', () => {
    const legs = [leg('resource', 0, { oauthNonce: 'abc123', oauthTimestamp: 1 }), leg('resource', 1, { oauthNonce: 'abc123', oauthTimestamp: 1, status: 401 })];
    const d = diagnose(problem('nonce_used'), { legs }, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'nonce-reuse', likelihood: 'certain' });
    expect(d.causes[0]?.evidence[0]).toBe('The same oauth_nonce was sent at leg 1 with the same timestamp.');
  });

  it('HMAC-SHA1 at NetSuite is the wrong method', () => {
    const legs = [leg('resource', 0, { url: 'https://123456-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/customer', signatureMethod: 'HMAC-SHA1', status: 401 })];
    const d = diagnose(problem('netsuite:INVALID_LOGIN'), { legs }, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'wrong-signature-method', likelihood: 'certain' });
    expect(d.causes[0]?.evidence[0]).toMatch(/Signed with HMAC-SHA1; NetSuite .* accepts HMAC-SHA256/);
  });

  it('the method the server echoed counts when the session has none', () => {
    const p = readProblemFromText('oauth_problem=signature_invalid&oauth_signature_base_string=GET%26https%253A%252F%252Fjira.example.com%252Fplugins%252Fservlet%252Foauth%252Frequest-token%26oauth_signature_method%253DHMAC-SHA1');
    const d = diagnose(p!, {}, { lang: 'en' });
    expect(p?.provider).toBe('jira');
    expect(cause(d, 'wrong-signature-method')).toMatchObject({ likelihood: 'certain', evidence: ['Signed with HMAC-SHA1; Atlassian Jira / Confluence accepts RSA-SHA1.'] });
  });

  it('a 503 points at the provider', () => {
    const d = diagnose(problem('HTTP/1.1 503 Service Unavailable\n\n'), {}, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'provider-outage', likelihood: 'likely' });
  });

  it('orders certain, likely, possible, unlikely', () => {
    const before = [...standardLegs(), leg('access_token', 25, { tokenSent: REQUEST_TOKEN, tokenIssued: ACCESS_TOKEN })];
    const d = diagnose(problem('token_rejected'), run(leg('access_token', 30, { tokenSent: REQUEST_TOKEN, status: 401 }), before), { lang: 'en' });
    const rank = { certain: 0, likely: 1, possible: 2, unlikely: 3 };
    const order = d.causes.map((c) => rank[c.likelihood]);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe('the X seed case, in full', () => {
  const d = diagnose(problem('このページのリクエスト・トークンが無効です。使用済み、または期限切れの可能性があります。'), {}, { lang: 'ja' });

  it('is the authorize page refusing the request token; the fault is the application\'s or X\'s', () => {
    expect(d.problem).toMatchObject({ code: 'token_rejected', providerCode: 'x:page:request-token-invalid', leg: ['authorize'], party: 'client', provider: 'x' });
    expect(d.problem.meaning).toMatch(/利用者ではなく/);
  });

  it('ranks reuse first, then expiry, host and an incident at X', () => {
    expect(d.causes.map((c) => c.id)).toEqual(['reuse', 'expiry', 'host-mismatch', 'provider-outage']);
  });

  it('tells the person how to revoke the app and the developer to use one host and fresh tokens', () => {
    const user = d.fixes.filter((f) => f.for === 'user').map((f) => f.text).join('\n');
    const developer = d.fixes.filter((f) => f.for === 'developer').map((f) => f.text).join('\n');
    expect(user).toMatch(/設定とプライバシー.*セキュリティとアカウントアクセス.*アプリとセッション.*連携しているアプリ/);
    expect(developer).toMatch(/新しいリクエスト・トークン/);
    expect(developer).toMatch(/api\.x\.com/);
  });

  it('"there is no request token" is a different failure', () => {
    const none = diagnose(problem('There is no request token for this page.'), {}, { lang: 'en' });
    expect(none.problem.providerCode).toBe('x:page:no-request-token');
    expect(none.problem.code).not.toBe(d.problem.code);
    expect(none.causes.map((c) => c.id)).toContain('browser-interference');
    expect(none.problem.meaning).toMatch(/different failure/);
  });
});
