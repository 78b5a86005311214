// The pure parts of serve --oauth2's engine hooks: the device grant's pace
// (RFC 8628 §3.5) and the authentication method a client assertion presents.
import { describe, expect, it } from 'vitest';
import { DevicePacer, assertionMethod } from '../../src/provider/oauth2/hooks.js';
import { GroundTruthLog, groundTruthOf } from '../../src/provider/oauth2/ground-truth.js';

describe('DevicePacer (RFC 8628 §3.5)', () => {
  it('the first poll stands; one sooner than the interval is slow_down and adds 5 s for this and every later poll', () => {
    const pacer = new DevicePacer();
    expect(pacer.poll('dc', 0, 5)).toBeUndefined();
    expect(pacer.poll('dc', 4_999, 5)).toEqual({ intervalSec: 10, gapMs: 4_999 });
    // 10 s now: 6 s later is still too soon, 10 s later is not.
    expect(pacer.poll('dc', 10_999, 5)).toEqual({ intervalSec: 15, gapMs: 6_000 });
    expect(pacer.poll('dc', 25_999, 5)).toBeUndefined();
    // Each device code keeps its own pace.
    expect(pacer.poll('other', 26_000, 5)).toBeUndefined();
  });
});

describe('assertionMethod', () => {
  const jwt = (header: object) => `${Buffer.from(JSON.stringify(header)).toString('base64url')}.e30.sig`;
  it('HS* is client_secret_jwt, any other alg private_key_jwt; no assertion or no alg, none', () => {
    expect(assertionMethod(jwt({ alg: 'HS256' }))).toBe('client_secret_jwt');
    expect(assertionMethod(jwt({ alg: 'RS256' }))).toBe('private_key_jwt');
    expect(assertionMethod(jwt({ alg: 'ES256' }))).toBe('private_key_jwt');
    expect(assertionMethod(jwt({}))).toBeUndefined();
    expect(assertionMethod('not a jwt')).toBeUndefined();
    expect(assertionMethod(undefined)).toBeUndefined();
  });
});

describe('the ground truth log', () => {
  it('keeps the engine\'s reason, bounded, and never a server error\'s message', () => {
    let now = 0;
    const log = new GroundTruthLog(() => now++, 3);
    const ctx = { oidc: { client: { clientId: 'app' }, params: { grant_type: 'authorization_code' } } };
    log.add(groundTruthOf('grant.error', ctx, { error: 'invalid_grant', error_description: 'grant request is invalid', error_detail: 'authorization code already consumed', statusCode: 400 }));
    expect(log.last()).toMatchObject({ event: 'grant.error', step: 'token', error: 'invalid_grant', detail: 'authorization code already consumed', status: 400, clientId: 'app', grantType: 'authorization_code' });
    log.add(groundTruthOf('server_error', undefined, { message: 'secret stack detail', error_detail: 'x' }));
    expect(log.last()).toEqual({ at: 1, event: 'server_error', step: 'server', error: 'server_error' });
    log.add({ event: 'grant.revoked', step: 'token', grantId: 'g' });
    log.add({ event: 'edge', step: 'token', error: 'slow_down' });
    expect(log.list().map((e) => e.event)).toEqual(['server_error', 'grant.revoked', 'edge']);
    expect(log.list(2).map((e) => e.at)).toEqual([2, 3]);
  });
});
