import { describe, expect, it } from 'vitest';
import { decodeCompanions } from '../../src/diagnose/companions.js';
import { compareBaseStrings, firstDifference } from '../../src/diagnose/base-string-diff.js';
import { resolveLang } from '../../src/diagnose/lang.js';
import { readProblem, readProblemFromText } from '../../src/diagnose/read-problem.js';
import { parseOAuthChallenge } from '../../src/diagnose/read/www-authenticate.js';
import { visibleText } from '../../src/diagnose/read/visible-text.js';
import { secretsInText } from '../../src/diagnose/secrets-in-text.js';
import { parseSessionRecord } from '../../src/diagnose/session-file.js';
import { isDoctorError } from '../../src/errors.js';

describe('resolveLang: flag, then LC_ALL, LC_MESSAGES, LANG', () => {
  it.each([
    [undefined, {}, 'en'],
    ['ja', {}, 'ja'],
    ['JA', { LANG: 'en_US.UTF-8' }, 'ja'],
    ['en', { LC_ALL: 'ja_JP.UTF-8' }, 'en'],
    [undefined, { LANG: 'ja_JP.UTF-8' }, 'ja'],
    [undefined, { LC_MESSAGES: 'ja_JP', LANG: 'en_US' }, 'ja'],
    [undefined, { LC_ALL: 'C', LC_MESSAGES: 'ja_JP', LANG: 'ja_JP' }, 'en'],
    [undefined, { LC_ALL: '', LANG: 'ja' }, 'ja'],
    [undefined, { LANG: 'java' }, 'en'],
  ] as const)('flag %s, env %j → %s', (flag, env, expected) => {
    expect(resolveLang(flag, env)).toBe(expected);
  });

  it('an unknown --lang is a usage error', () => {
    try {
      resolveLang('fr', {});
      expect.unreachable();
    } catch (error) {
      expect(isDoctorError(error) && error.code === 'unknown-lang' && error.exitCode === 2).toBe(true);
    }
  });
});

describe('companion parameters are decoded right', () => {
  it('oauth_parameters_absent: double-encoded, &-joined (wiki example)', () => {
    const p = readProblemFromText('oauth_problem=parameter_absent&oauth_parameters_absent=oauth_token%26oauth_nonce');
    expect(p?.parameters['oauth_parameters_absent']).toBe('oauth_token&oauth_nonce');
    expect(decodeCompanions(p?.parameters ?? {}).parametersAbsent).toEqual(['oauth_token', 'oauth_nonce']);
  });

  it('oauth_parameters_absent: a name that was itself encoded is decoded once more', () => {
    expect(decodeCompanions({ oauth_parameters_absent: 'x%5Fcustom&oauth_nonce' }).parametersAbsent).toEqual(['x_custom', 'oauth_nonce']);
  });

  it('oauth_parameters_absent: a server that forgot the second encoding still yields every name', () => {
    const p = readProblemFromText('oauth_problem=parameter_absent&oauth_parameters_absent=oauth_token&oauth_nonce&oauth_timestamp');
    expect(decodeCompanions(p?.parameters ?? {}).parametersAbsent).toEqual(['oauth_token', 'oauth_nonce', 'oauth_timestamp']);
  });

  it('oauth_acceptable_timestamps min-max, oauth_acceptable_versions 1.0-1.0', () => {
    expect(decodeCompanions({ oauth_acceptable_timestamps: '1191242090-1191242096', oauth_acceptable_versions: '1.0-1.0' })).toEqual({
      acceptableTimestamps: { min: 1191242090, max: 1191242096 },
      acceptableVersions: { min: '1.0', max: '1.0' },
    });
  });

  it('malformed companions are left out, not thrown on', () => {
    expect(decodeCompanions({ oauth_acceptable_timestamps: 'soon', oauth_acceptable_versions: '' })).toEqual({});
  });

  it('oauth_problem_advice is kept as data with its line breaks, never interpreted', () => {
    const p = readProblemFromText('oauth_problem=token_expired&oauth_problem_advice=%3Cb%3Ehello%3C%2Fb%3E%0Asecond%20line');
    expect(p?.message).toBe('<b>hello</b>\nsecond line');
    expect(decodeCompanions(p?.parameters ?? {}).advice).toBe('<b>hello</b>\nsecond line');
  });
});

describe('unknown oauth_problem values', () => {
  it('are read, not rejected, and never exact (issue #12)', () => {
    expect(readProblemFromText('oauth_problem=flux_capacitor_misaligned')).toMatchObject({ code: 'flux_capacitor_misaligned', source: 'form-body', confidence: 'heuristic' });
    expect(readProblemFromText('flux_capacitor_misaligned')).toMatchObject({ code: 'flux_capacitor_misaligned', source: 'argument', confidence: 'heuristic' });
  });

  it('a value made of words is read by its words, the value as sent kept beside', () => {
    expect(readProblemFromText('oauth_problem=quota_exhausted')).toMatchObject({ code: 'http:429', source: 'form-body', confidence: 'heuristic', asSent: 'quota_exhausted', classified: { concept: 'rate-limit' } });
  });
});

describe('WWW-Authenticate', () => {
  it('reads quoted, percent-encoded auth-params after the realm', () => {
    expect(parseOAuthChallenge('OAuth realm="http://sp.example.com/", oauth_problem="parameter_absent", oauth_parameters_absent="oauth_token%26oauth_nonce"')).toEqual({
      realm: 'http://sp.example.com/',
      parameters: [
        ['oauth_problem', 'parameter_absent'],
        ['oauth_parameters_absent', 'oauth_token&oauth_nonce'],
      ],
    });
  });

  it('finds the OAuth challenge among others in one header, case-insensitively', () => {
    expect(parseOAuthChallenge('Basic realm="x", oauth realm="y", oauth_problem=nonce_used')?.parameters).toEqual([['oauth_problem', 'nonce_used']]);
    expect(parseOAuthChallenge('Bearer realm="x"')).toBeUndefined();
  });

  it('several WWW-Authenticate headers: the OAuth one counts', () => {
    expect(readProblem({ status: 401, headers: { 'WWW-Authenticate': ['Basic realm="a"', 'OAuth realm="b", oauth_problem="token_revoked"'] } })?.code).toBe('token_revoked');
  });

  it('header names are case-insensitive', () => {
    expect(readProblem({ headers: { 'wWw-AuThEnTiCaTe': 'OAuth oauth_problem="nonce_used"' } })?.code).toBe('nonce_used');
  });

  it('header and body are merged when they agree; the body adds what the header left out', () => {
    const p = readProblem({
      status: 401,
      headers: { 'www-authenticate': 'OAuth realm="", oauth_problem="signature_invalid"' },
      body: 'oauth_problem=signature_invalid&debug_sbs=GET&http%3A%2F%2Fa%2F&b%3D1',
    });
    expect(p).toMatchObject({ code: 'signature_invalid', source: 'www-authenticate', serverBaseString: 'GET&http%3A%2F%2Fa%2F&b%3D1' });
  });
});

describe('readProblem', () => {
  it('a success with nothing in it is no problem', () => {
    expect(readProblem({ status: 200, body: 'oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true' })).toBeUndefined();
  });

  it('keeps the status and the Date header', () => {
    const p = readProblem({ status: 401, headers: { date: 'Sun, 22 Nov 2026 09:00:00 GMT' }, body: 'oauth_problem=nonce_used' });
    expect(p).toMatchObject({ status: 401, serverDate: Date.UTC(2026, 10, 22, 9, 0, 0) });
  });

  it('names the provider from the URL, so its own meaning applies', () => {
    expect(readProblem({ url: 'https://api.login.yahoo.com/oauth/v2/get_token', status: 401, body: 'oauth_problem=token_expired' })).toMatchObject({ provider: 'yahoo', providerCode: 'yahoo:token_expired' });
  });

  it('does not take another API\'s errors[] for X\'s when the URL says otherwise', () => {
    expect(readProblem({ url: 'https://api.flickr.com/services/rest', status: 401, body: '{"errors":[{"code":89,"message":"whatever"}]}' })?.providerCode).not.toBe('x:89');
  });

  it('callback URL: X denied=, oauthlib error=access_denied', () => {
    expect(readProblem({ url: 'https://app.example.com/cb?denied=abcd1234' })).toMatchObject({ code: 'permission_denied', providerCode: 'x:denied' });
    expect(readProblem({ url: 'https://app.example.com/cb?oauth_token=abcd&error=access_denied' })).toMatchObject({ code: 'permission_denied', providerCode: 'oauthlib:access_denied' });
  });

  it('a provider code typed in any of its spellings', () => {
    expect(readProblemFromText('x:89')?.providerCode).toBe('x:89');
    expect(readProblemFromText('twitter/89')?.providerCode).toBe('x:89');
    expect(readProblemFromText('89')?.providerCode).toBe('x:89');
    expect(readProblemFromText('INVALID_LOGIN')?.providerCode).toBe('netsuite:INVALID_LOGIN');
    expect(readProblemFromText('InvalidSignature')).toMatchObject({ code: 'signature_invalid', providerCode: 'netsuite:InvalidSignature' });
    expect(readProblemFromText('x:999')).toMatchObject({ code: 'x:999', confidence: 'exact' });
    expect(readProblemFromText('401')).toMatchObject({ code: 'http:401', status: 401 });
  });
});

describe('visible text of a page', () => {
  it('drops scripts and styles, strips tags, decodes entities', () => {
    expect(visibleText('<style>p{}</style><p>That&#39;s&nbsp;it &amp; <b>done</b>&#x21;</p><script>alert("x")</script>')).toBe("That's it & done!");
  });
});

describe('base strings', () => {
  it('first difference', () => {
    expect(firstDifference('abc', 'abc')).toBe(-1);
    expect(firstDifference('abc', 'abd')).toBe(2);
    expect(firstDifference('ab', 'abc')).toBe(2);
  });

  it('names the part and the parameters that differ', () => {
    const ours = 'GET&http%3A%2F%2Fa.example%2Fp&a%3D1%26b%3D2';
    expect(compareBaseStrings(ours, 'GET&http%3A%2F%2Fa.example%2Fp&a%3D1%26b%3D3')).toMatchObject({ part: 'parameters', valuesDiffer: ['b'], onlyOurs: [], onlyTheirs: [] });
    expect(compareBaseStrings(ours, 'GET&https%3A%2F%2Fa.example%2Fp&a%3D1%26b%3D2')).toMatchObject({ part: 'uri' });
    expect(compareBaseStrings(ours, 'POST&http%3A%2F%2Fa.example%2Fp&a%3D1%26b%3D2')).toMatchObject({ part: 'method', index: 0 });
  });
});

describe('secrets in pasted text are found so they can be masked', () => {
  it('tokens and verifiers in forms, headers, URLs and base strings', () => {
    const found = secretsInText(
      'oauth_token=hh5s93j4hdidpola&oauth_token_secret=hdhd0244k9j7ao03 OAuth oauth_verifier="hfdp7dh39dks9884" ' +
        'debug_sbs=POST&https%3A%2F%2Fx&oauth_token%3Dnnch734d00sl2jdk%26oauth_nonce%3Dx ?denied=Z6eEdO8MOmk3',
    );
    for (const secret of ['hh5s93j4hdidpola', 'hdhd0244k9j7ao03', 'hfdp7dh39dks9884', 'nnch734d00sl2jdk', 'Z6eEdO8MOmk3']) expect(found).toContain(secret);
    expect(found.some((s) => s.includes('oauth_nonce'))).toBe(false);
  });
});

describe('session records', () => {
  const leg = { leg: 'request_token', method: 'POST', url: 'https://api.x.com/oauth/request_token', at: 1 };

  it('accepts what flow --save writes and a bare SessionEvidence', () => {
    expect(parseSessionRecord({ version: 1, evidence: { provider: 'x', legs: [leg] } })).toEqual({ ok: true, evidence: { provider: 'x', legs: [leg] } });
    expect(parseSessionRecord({ provider: 'x', legs: [leg] }).ok).toBe(true);
  });

  it('reports every problem at once, with the path of each field', () => {
    const result = parseSessionRecord({ evidence: { provider: 7, clockOffsetSec: 'ten', legs: [{ leg: 'dance', method: 'GET', at: 'now' }], failedLegIndex: 3 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'evidence.provider must be a string',
      'evidence.clockOffsetSec must be a number',
      'evidence.legs[0].url is missing',
      'evidence.legs[0].leg must be one of request_token, authorize, callback, access_token, resource',
      'evidence.legs[0].at must be a number',
      'evidence.failedLegIndex 3 is not the index of a leg (there are 1)',
    ]);
  });

  it('brings back the problem a flow record holds', () => {
    const result = parseSessionRecord({ diagnosis: { problem: { code: 'nonce_used', source: 'form-body', confidence: 'exact', parameters: {}, status: 401, title: 'x' } }, evidence: {} });
    expect(result).toMatchObject({ ok: true, problem: { code: 'nonce_used', source: 'form-body', status: 401 } });
    expect(parseSessionRecord({ diagnosis: { problem: { code: 'nonce_used', source: 'nowhere' } }, evidence: {} })).toMatchObject({ ok: true, problem: undefined });
  });

  it('rejects what is not an object', () => {
    expect(parseSessionRecord([1, 2]).ok).toBe(false);
    expect(parseSessionRecord({ evidence: 'x' }).ok).toBe(false);
  });

  it('null means absent', () => {
    expect(parseSessionRecord({ evidence: { provider: null, legs: [{ ...leg, status: null }] } })).toEqual({ ok: true, evidence: { legs: [leg] } });
  });
});
