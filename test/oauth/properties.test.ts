// Property tests (fast-check, 1,000 runs each by default, 10,000 in npm run test:deep, fixed seeds): the parsers
// never throw on any input, and encode → decode and build → parse round-trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseStringUri,
  buildAuthorizationHeader,
  collectParameters,
  formDecode,
  normalizeParameters,
  parseAuthorizationHeader,
  parseForm,
  percentDecode,
  percentEncode,
  serializeForm,
  signatureBaseString,
  signRequest,
  verifySignature,
  type Pair,
} from '../../src/oauth/index.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = { numRuns: propertyRuns(1000) };
const seeded = (seed: number) => ({ ...RUNS, seed });

/** Any UTF-16 string, lone surrogates included, biased towards the characters parsers trip on. */
const hostileUnit = fc.oneof(
  fc.constantFrom('%', '+', '=', '&', '"', '\\', ',', ' ', '\t', '\n', 'A', 'f', '9', 'G', '\uD800', '\uDC00', 'é', '😀'),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const hostile = fc.string({ unit: hostileUnit, maxLength: 60 });
const hostileHeader = fc.oneof(hostile, hostile.map((s) => `OAuth ${s}`), hostile.map((s) => `oauth realm="${s}`));
/** Well-formed text: any code point, no lone surrogates. */
const text = fc.string({ unit: 'binary', maxLength: 30 });

describe('never throws', () => {
  it('parseForm, on any input', () => {
    fc.assert(fc.property(hostile, (s) => void parseForm(s)), seeded(1));
  });
  it('percentDecode and formDecode, on any input', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        percentDecode(s);
        formDecode(s);
      }),
      seeded(2),
    );
  });
  it('percentEncode, on any input (lone surrogates included)', () => {
    fc.assert(fc.property(hostile, (s) => {
      expect(percentEncode(s)).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
      // …and never encodes an unreserved character (§3.6: those are left as they are).
      const needless = [...percentEncode(s).matchAll(/%([0-9A-F]{2})/g)].map((m) => String.fromCharCode(parseInt(m[1] ?? '', 16)));
      expect(needless.filter((c) => /[A-Za-z0-9\-._~]/.test(c))).toEqual([]);
      // A lone surrogate travels as U+FFFD, exactly as a UTF-8 encoder sends it.
      expect(percentDecode(percentEncode(s))).toBe(Buffer.from(s, 'utf8').toString('utf8'));
    }), seeded(3));
  });
  it('parseAuthorizationHeader, on any input; undefined exactly when the scheme is not OAuth', () => {
    fc.assert(
      fc.property(hostileHeader, (s) => {
        const parsed = parseAuthorizationHeader(s);
        expect(parsed === undefined).toBe(!/^\s*OAuth(?:\s|$)/i.test(s));
      }),
      seeded(4),
    );
  });
});

describe('round trips', () => {
  it('percentDecode(percentEncode(s)) === s', () => {
    fc.assert(fc.property(text, (s) => {
      expect(percentDecode(percentEncode(s))).toBe(s);
    }), seeded(5));
  });

  it('formDecode(percentEncode(s)) === s (percentEncode never emits +)', () => {
    fc.assert(fc.property(text, (s) => {
      expect(formDecode(percentEncode(s))).toBe(s);
    }), seeded(6));
  });

  it('with + for spaces, as HTML forms send them, formDecode still recovers s', () => {
    fc.assert(fc.property(text, (s) => {
      expect(formDecode(percentEncode(s).replace(/%20/g, '+'))).toBe(s);
    }), seeded(7));
  });

  it('parseForm(serializeForm(pairs)) === pairs: repeated names, empty names and values, in order', () => {
    const pairs = fc.array(fc.tuple(text, text), { maxLength: 8 });
    fc.assert(fc.property(pairs, (ps) => {
      expect(parseForm(serializeForm(ps, percentEncode))).toEqual(ps);
    }), seeded(8));
  });

  it('parseAuthorizationHeader(buildAuthorizationHeader(pairs, realm)) gives back the pairs and realm, no defects', () => {
    const name = text.filter((n) => n !== '' && n.toLowerCase() !== 'realm');
    const pairs = fc.uniqueArray(fc.tuple(name, text), { selector: ([n]) => n, maxLength: 8 });
    const realm = fc.option(fc.string({ unit: hostileUnit, maxLength: 20 }).map((r) => Buffer.from(r, 'utf8').toString('utf8')), { nil: undefined });
    fc.assert(
      fc.property(pairs, realm, (ps, r) => {
        expect(parseAuthorizationHeader(buildAuthorizationHeader(ps, r))).toEqual({ parameters: ps, realm: r, defects: [] });
      }),
      seeded(9),
    );
  });
});

describe('signing invariants', () => {
  const param = fc.record({ name: text, value: text, source: fc.constantFrom('query' as const, 'body' as const, 'oauth' as const) });

  it('normalisation does not depend on the order parameters arrive in (§3.4.1.3.2 sorts)', () => {
    fc.assert(
      fc.property(fc.array(param, { maxLength: 10 }), fc.nat(), (ps, seed) => {
        const shuffled = [...ps].sort((a, b) => ((a.name.length * 31 + a.value.length + seed) % 7) - ((b.name.length * 31 + b.value.length + seed) % 7));
        expect(normalizeParameters(shuffled).normalized).toBe(normalizeParameters(ps).normalized);
      }),
      seeded(10),
    );
  });

  it('a server that parses our header and request rebuilds our base string, and the signature verifies', () => {
    const pairs = fc.array(fc.tuple(text, text), { maxLength: 5 });
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'put'),
      host: fc.constantFrom('Example.COM', 'api.x.com', '127.0.0.1:8080', '[::1]:443'),
      query: pairs,
      form: fc.option(pairs, { nil: undefined }),
      consumerKey: text,
      consumerSecret: text,
      token: fc.option(fc.record({ token: text, tokenSecret: text }), { nil: undefined }),
      nonce: text,
      callback: fc.option(text, { nil: undefined }),
      realm: fc.option(text, { nil: undefined }),
      signatureMethod: fc.constantFrom('HMAC-SHA1' as const, 'HMAC-SHA256' as const, 'PLAINTEXT' as const),
    });
    fc.assert(
      fc.property(request, (r) => {
        const url = `https://${r.host}/p?${serializeForm(r.query, percentEncode)}`;
        const body = r.form && { contentType: 'application/x-www-form-urlencoded', content: serializeForm(r.form, percentEncode) };
        const signed = signRequest({ ...r, url, client: { consumerKey: r.consumerKey, consumerSecret: r.consumerSecret }, timestamp: '1', body });
        // The server side: parse the header, collect every source, rebuild the base string.
        const header = parseAuthorizationHeader(signed.authorization);
        expect(header?.defects).toEqual([]);
        const received: Pair[] = header?.parameters ?? [];
        const { normalized } = normalizeParameters(collectParameters(url, received, body));
        const baseString = signatureBaseString(r.method, baseStringUri(url), normalized);
        expect(baseString).toBe(signed.baseString);
        const signature = received.find(([n]) => n === 'oauth_signature')?.[1] ?? '';
        expect(verifySignature(r.signatureMethod, baseString, signature, { consumerSecret: r.consumerSecret, tokenSecret: r.token?.tokenSecret })).toBe(true);
      }),
      seeded(11),
    );
  });
});
