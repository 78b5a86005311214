/**
 * Issue 7, "input is hostile": every parser of the flow returns a result or
 * a typed failure on any input, never throws. 1,000 cases each (10,000 in npm run test:deep).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCallbackUrl } from '../../src/flow/legs/authorize.js';
import { parseAccessTokenResponse } from '../../src/flow/legs/access-token.js';
import { parseRequestTokenResponse } from '../../src/flow/legs/request-token.js';
import { findVerifierInPage } from '../../src/flow/page-verifier.js';
import { mintRequestToken } from '../../src/flow/types.js';
import { decodeBody } from '../../src/http/body.js';
import { redirectStep } from '../../src/http/redirect.js';
import { validateProfile } from '../../src/presets/profile.js';
import type { HttpExchange } from '../../src/http/types.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = { numRuns: propertyRuns(1000) };
const pending = mintRequestToken({ token: 'tok', secret: 's', callbackConfirmed: true, extra: [] });

/** Strings that look like what providers send: form pairs, percent signs, HTML, unicode, control characters. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.tuple(fc.constantFrom('oauth_token', 'oauth_token_secret', 'oauth_verifier', 'denied', 'oauth_problem', '%', '', '&', '='), fc.string({ unit: 'grapheme', maxLength: 30 })), { maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
  fc.string({ maxLength: 200 }).map((s) => `<html><code id="oauth_verifier">${s}</code><kbd><code>${s}</code></kbd></html>`),
);

function exchange(status: number, body: string): HttpExchange {
  return { request: { method: 'POST', url: 'http://127.0.0.1/x', headers: {} }, response: { status, headers: {}, body, encoding: 'utf-8', bodyBytes: body.length, keptBytes: body.length, truncated: false }, redirects: [], startedAt: 0, headersMs: 0, totalMs: 0 };
}

describe('flow parsers never throw', () => {
  it('token responses (request and access legs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), hostile, (status, body) => {
        for (const result of [parseRequestTokenResponse(exchange(status, body)), parseAccessTokenResponse(exchange(status, body))]) {
          expect(typeof result.ok).toBe('boolean');
          if (result.ok) expect(result.value.token).not.toBe('');
        }
      }),
      RUNS,
    );
  });

  it('callback URLs (loopback, pasted, anything)', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.webUrl({ withQueryParameters: true }), hostile.map((q) => `http://127.0.0.1:1/callback?${q}`)), (url) => {
        const result = parseCallbackUrl(url, pending);
        if (result.ok) expect(result.value.requestToken.token).toBe('tok');
        else expect(result.failure.message).not.toBe('');
      }),
      RUNS,
    );
  });

  it('PIN pages: a verifier is never markup', () => {
    fc.assert(
      fc.property(hostile, (page) => {
        const pin = findVerifierInPage(page);
        if (pin !== undefined) expect(pin).toMatch(/^[A-Za-z0-9\-._~]+$/);
      }),
      RUNS,
    );
  });

  it('bodies of any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, truncated) => {
        const { encoding } = decodeBody(Buffer.from(bytes), truncated);
        expect(['empty', 'utf-8', 'invalid-utf-8', 'binary']).toContain(encoding);
      }),
      RUNS,
    );
  });

  it('redirect Locations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.webUrl()), (status, location) => {
        const step = redirectStep({ method: 'POST', url: 'https://api.example.com/a', headers: { authorization: 'x' } }, status, location);
        if (step) expect(['http:', 'https:']).toContain(new URL(step.next.url).protocol);
      }),
      RUNS,
    );
  });

  it('profiles (any JSON)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        expect(Array.isArray(validateProfile(data).problems)).toBe(true);
      }),
      RUNS,
    );
  });
});
