import { generateKeyPairSync, createSign } from 'node:crypto';
import OAuthReference from 'oauth-1.0a';
import { describe, expect, it } from 'vitest';
import { checkSignature } from '../../src/inspect/signature/check.js';
import { VARIANT_IDS } from '../../src/inspect/signature/variants.js';
import { viewRequest } from '../../src/exchange/request-view.js';
import { buildAuthorizationHeader } from '../../src/oauth/authorization-header.js';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { signRequest } from '../../src/oauth/sign-request.js';
import { CONSUMER, TOKEN, exchange, hmacSha1, rfcBaseString, sentWithSignature, signInput, type RequestSpec } from './helpers.js';
import type { CapturedExchange } from '../../src/capture/types.js';

/**
 * One test per variant: a request is signed the wrong way — the wrong base
 * string built here by hand (string surgery on the signing core's RFC base
 * string, or another implementation), never by the variant table itself —
 * and the finder must name exactly that variant.
 */

const KEY = `${CONSUMER.consumerSecret}&`;
const KEY_WITH_TOKEN = `${CONSUMER.consumerSecret}&${TOKEN.tokenSecret}`;

function check(captured: CapturedExchange, secrets: { tokenSecret?: string; otherTokenSecrets?: string[] } = {}) {
  return checkSignature({ view: viewRequest(captured), consumerSecret: CONSUMER.consumerSecret, tokenSecret: secrets.tokenSecret, otherTokenSecrets: secrets.otherTokenSecrets });
}

/** Sends `sent` with the signature of `signedBase` under `key`. */
function signedOver(sent: RequestSpec, signedBase: string, key = KEY): CapturedExchange {
  return sentWithSignature(sent, hmacSha1(key, signedBase));
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

const FORM = 'application/x-www-form-urlencoded';

describe('signature check', () => {
  it('says match for a correctly signed request', () => {
    const spec = { url: 'https://api.example.com/1/statuses/update.json?include_entities=true', body: { contentType: FORM, content: 'status=Hello%20Ladies%20%2b%20Gentlemen' } };
    const result = check(exchange({ method: 'POST', url: spec.url, authorization: signRequest(signInput(spec)).authorization, body: spec.body }));
    expect(result).toMatchObject({ status: 'match', matches: true, variant: null });
    expect(result.expectedBaseString).toBe(rfcBaseString(spec));
  });

  it('says unchecked, with a reason, without the consumer secret', () => {
    const spec = { url: 'https://api.example.com/1/x' };
    const result = checkSignature({ view: viewRequest(exchange({ method: 'POST', url: spec.url, authorization: signRequest(signInput(spec)).authorization })) });
    expect(result.status).toBe('unchecked');
    expect(result.reason).toBe('no-consumer-secret');
  });

  it('says no-match when no variant explains it (wrong secret)', () => {
    const spec = { url: 'https://api.example.com/1/x' };
    const result = check(signedOver(spec, rfcBaseString(spec), 'not-the-secret&'));
    expect(result).toMatchObject({ status: 'no-match', matches: false, variant: null });
    expect(result.tried).toBeGreaterThan(20);
  });
});

describe('each variant is identified', () => {
  const cases: { id: string; make: () => CapturedExchange; secrets?: { tokenSecret?: string; otherTokenSecrets?: string[] }; detail?: string }[] = [
    {
      id: 'default-port-kept',
      make: () => {
        const spec = { url: 'https://api.example.com/1/statuses?x=1' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), 'api.example.com%2F1', 'api.example.com%3A443%2F1'));
      },
    },
    {
      id: 'host-case-kept',
      make: () => {
        const spec = { url: 'https://API.Example.com/1/statuses' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), 'api.example.com', 'API.Example.com'));
      },
    },
    {
      id: 'scheme-mismatch',
      make: () => {
        const spec = { url: 'https://api.example.com/1/statuses' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), 'https%3A', 'http%3A'));
      },
    },
    {
      id: 'host-mismatch',
      detail: 'api.twitter.com',
      make: () => {
        const spec = { url: 'https://api.x.com/oauth/request_token' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), 'api.x.com', 'api.twitter.com'));
      },
    },
    {
      id: 'query-in-base-uri',
      make: () => {
        const spec = { url: 'https://api.example.com/1/search?q=cats' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), '%2F1%2Fsearch&', `%2F1%2Fsearch${percentEncode('?q=cats')}&`));
      },
    },
    {
      id: 'trailing-slash',
      make: () => {
        const spec = { url: 'https://api.example.com/oauth/request_token' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), 'request_token&', 'request_token%2F&'));
      },
    },
    {
      id: 'method-case',
      make: () => {
        const spec = { url: 'https://api.example.com/1/x' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), 'POST&', 'post&'));
      },
    },
    {
      id: 'method-mismatch',
      detail: 'GET',
      make: () => signedOver({ url: 'https://api.example.com/1/x' }, rfcBaseString({ method: 'GET', url: 'https://api.example.com/1/x' })),
    },
    {
      id: 'query-omitted',
      make: () => signedOver({ url: 'https://api.example.com/1/x?count=20&page=2' }, rfcBaseString({ url: 'https://api.example.com/1/x' })),
    },
    {
      id: 'body-omitted',
      make: () => {
        const body = { contentType: FORM, content: 'status=hello&lat=1.5' };
        return signedOver({ url: 'https://api.example.com/1/x', body }, rfcBaseString({ url: 'https://api.example.com/1/x' }));
      },
    },
    {
      id: 'json-body-as-form',
      make: () => {
        const content = '{"status":"hello"}';
        return signedOver({ url: 'https://api.example.com/2/tweets', body: { contentType: 'application/json', content } }, rfcBaseString({ url: 'https://api.example.com/2/tweets', body: { contentType: FORM, content } }));
      },
    },
    {
      id: 'non-form-body-signed',
      make: () => {
        const content = 'status=hello&lang=en';
        return signedOver({ url: 'https://api.example.com/1/x', body: { contentType: 'text/plain', content } }, rfcBaseString({ url: 'https://api.example.com/1/x', body: { contentType: FORM, content } }));
      },
    },
    {
      id: 'realm-included',
      make: () => signedOver({ url: 'https://api.example.com/1/x', realm: 'Example' }, rfcBaseString({ url: 'https://api.example.com/1/x?realm=Example' })),
    },
    {
      id: 'version-mismatch',
      detail: 'oauth_version=1.0 signed but not sent',
      make: () => {
        const spec = { url: 'https://api.example.com/1/x' };
        return sentWithSignature(spec, hmacSha1(KEY, rfcBaseString(spec)), { dropVersion: true });
      },
    },
    {
      id: 'plus-as-literal',
      make: () => signedOver({ url: 'https://api.example.com/1/search?q=a+b' }, rfcBaseString({ url: 'https://api.example.com/1/search?q=a%2Bb' })),
    },
    {
      id: 'double-encoded',
      make: () => signedOver({ url: 'https://api.example.com/1/search?q=caf%C3%A9' }, rfcBaseString({ url: 'https://api.example.com/1/search?q=caf%25C3%25A9' })),
    },
    {
      id: 'equals-in-value-cut',
      make: () => signedOver({ url: 'https://api.example.com/1/x?filter=a=b' }, rfcBaseString({ url: 'https://api.example.com/1/x?filter=a' })),
    },
    {
      id: 'duplicate-name-dropped',
      make: () => {
        // The query's id=1 was dropped because the body also has id (query-omitted would also drop count=5).
        const body = { contentType: FORM, content: 'id=2' };
        return signedOver({ url: 'https://api.example.com/1/x?id=1&count=5', body }, rfcBaseString({ url: 'https://api.example.com/1/x?count=5', body }));
      },
    },
    {
      id: 'empty-values-dropped',
      make: () => signedOver({ url: 'https://api.example.com/1/x?cursor=&count=5' }, rfcBaseString({ url: 'https://api.example.com/1/x?count=5' })),
    },
    {
      id: 'parameters-unencoded',
      make: () => {
        const spec = { url: 'https://api.example.com/1/search?q=hello%20world' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), 'q%3Dhello%2520world', 'q%3Dhello%20world'));
      },
    },
    {
      id: 'reserved-unencoded',
      make: () => {
        // encodeURIComponent at both levels, parameters sorted as RFC says.
        const url = "https://api.example.com/1/search?q=it's(1)*!";
        const signed = signRequest(signInput({ url }));
        const pairs = signed.parameters.map((p) => [encodeURIComponent(p.name), encodeURIComponent(p.value)] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1));
        const base = ['POST', encodeURIComponent(signed.baseUri), encodeURIComponent(pairs.map(([n, v]) => `${n}=${v}`).join('&'))].join('&');
        return signedOver({ url }, base);
      },
    },
    {
      id: 'lowercase-hex',
      make: () => {
        const spec = { url: 'https://api.example.com/1/search?q=a/b' };
        const base = rfcBaseString(spec)
          .replace(/%25([0-9A-F]{2})/g, (_m, hex: string) => `%25${hex.toLowerCase()}`)
          .replace(/%([0-9A-F]{2})/g, (_m, hex: string) => `%${hex.toLowerCase()}`);
        return signedOver(spec, base);
      },
    },
    {
      id: 'space-as-plus',
      make: () => {
        const spec = { url: 'https://api.example.com/1/search?q=hello%20world' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), 'q%3Dhello%2520world', 'q%3Dhello%2Bworld'));
      },
    },
    {
      id: 'parameters-unsorted',
      make: () => {
        // Query first in the order written, then the header's parameters in the order sent.
        const url = 'https://api.example.com/1/x?zebra=1&apple=2';
        const signed = signRequest(signInput({ url }));
        const inOrder = [['zebra', '1'], ['apple', '2'], ...signed.protocolParameters.filter(([n]) => n !== 'oauth_signature')];
        const normalized = inOrder.map(([n, v]) => `${percentEncode(n as string)}=${percentEncode(v as string)}`).join('&');
        return signedOver({ url }, ['POST', percentEncode(signed.baseUri), percentEncode(normalized)].join('&'));
      },
    },
    {
      id: 'case-insensitive-sort',
      make: () => {
        const url = 'https://api.example.com/1/x?Zeta=1&alpha=2';
        const signed = signRequest(signInput({ url }));
        const sorted = [...signed.parameters].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
        const normalized = sorted.map((p) => `${percentEncode(p.name)}=${percentEncode(p.value)}`).join('&');
        return signedOver({ url }, ['POST', percentEncode(signed.baseUri), percentEncode(normalized)].join('&'));
      },
    },
    {
      id: 'sorted-by-name-only',
      make: () => {
        const spec = { url: 'https://api.example.com/1/x?id=2&id=1' };
        return signedOver(spec, replaceOnce(rfcBaseString(spec), 'id%3D1%26id%3D2', 'id%3D2%26id%3D1'));
      },
    },
    {
      id: 'parameter-omitted',
      detail: 'debug',
      make: () => signedOver({ url: 'https://api.example.com/1/x?count=5&debug=1' }, rfcBaseString({ url: 'https://api.example.com/1/x?count=5' })),
    },
    {
      id: 'oauth-1.0a-library',
      make: () => {
        // Signed by the real oauth-1.0a 2.2.6, whose quirks stack up: host case and port kept, '+' as %2B.
        const library = new OAuthReference({
          consumer: { key: CONSUMER.consumerKey, secret: CONSUMER.consumerSecret },
          signature_method: 'HMAC-SHA1',
          hash_function: (base, key) => hmacSha1(key, base),
        });
        library.getNonce = () => 'libnonce123';
        library.getTimeStamp = () => 1318622958;
        const url = 'https://API.Example.com:443/1/search?q=a+b';
        const data = library.authorize({ url, method: 'GET' });
        const header = library.toHeader(data).Authorization;
        return exchange({ method: 'GET', url, authorization: header });
      },
    },
    {
      id: 'key-without-ampersand',
      make: () => {
        const spec = { url: 'https://api.example.com/1/x' };
        return signedOver(spec, rfcBaseString(spec), CONSUMER.consumerSecret);
      },
    },
    {
      id: 'key-not-encoded',
      make: () => {
        const spec = { url: 'https://api.example.com/1/x', token: { token: TOKEN.token, tokenSecret: 'a+b/c=' } };
        return signedOver(spec, rfcBaseString(spec), `${CONSUMER.consumerSecret}&a+b/c=`);
      },
      secrets: { tokenSecret: 'a+b/c=' },
    },
    {
      id: 'token-secret-omitted',
      make: () => {
        const spec = { url: 'https://api.example.com/1/x', token: TOKEN };
        return signedOver(spec, rfcBaseString(spec), KEY);
      },
      secrets: { tokenSecret: TOKEN.tokenSecret },
    },
    {
      id: 'other-token-secret',
      make: () => {
        const spec = { url: 'https://api.example.com/1/x', token: TOKEN };
        return signedOver(spec, rfcBaseString(spec), `${CONSUMER.consumerSecret}&requestTokenSecret1`);
      },
      secrets: { tokenSecret: TOKEN.tokenSecret, otherTokenSecrets: ['someOtherSecret9', 'requestTokenSecret1'] },
    },
    {
      id: 'signature-plus-unencoded',
      make: () => {
        // Find a nonce whose signature holds a '+', then send the protocol parameters in the query without encoding the signature.
        for (let n = 0; ; n++) {
          const spec = { url: 'https://api.example.com/1/x', nonce: `nonce${n}`, method: 'GET' };
          const signed = signRequest(signInput(spec));
          if (!signed.signature.includes('+')) continue;
          const query = signed.protocolParameters.map(([k, v]) => (k === 'oauth_signature' ? `${k}=${v}` : `${k}=${percentEncode(v)}`)).join('&');
          return exchange({ method: 'GET', url: `${spec.url}?${query}` });
        }
      },
    },
    {
      id: 'wrong-hash',
      detail: 'HMAC-SHA1',
      make: () => {
        // Declares HMAC-SHA256 but computes HMAC-SHA1 (an HMAC wrapper given the wrong digest).
        const spec = { url: 'https://api.example.com/1/x', signatureMethod: 'HMAC-SHA256' as const };
        return signedOver(spec, rfcBaseString(spec), KEY);
      },
    },
    {
      id: 'signature-double-encoded',
      make: () => {
        const spec = { url: 'https://api.example.com/1/x' };
        const signed = signRequest(signInput(spec));
        const protocol = signed.protocolParameters.map(([k, v]) => [k, k === 'oauth_signature' ? percentEncode(v) : v] as const);
        return exchange({ method: 'POST', url: spec.url, authorization: buildAuthorizationHeader(protocol) });
      },
    },
  ];

  it('covers every variant in the table', () => {
    expect(cases.map((c) => c.id).sort()).toEqual([...VARIANT_IDS].sort());
  });

  for (const testCase of cases) {
    it(testCase.id, () => {
      const result = check(testCase.make(), testCase.secrets);
      expect(result.status).toBe('variant');
      expect(result.matches).toBe(false);
      expect(result.variant).toBe(testCase.id);
      if (testCase.detail) expect(result.details).toContain(testCase.detail);
      if (result.variants.every((v) => !['key-without-ampersand', 'key-not-encoded', 'token-secret-omitted', 'other-token-secret', 'signature-plus-unencoded', 'signature-double-encoded', 'wrong-hash'].includes(v))) {
        expect(result.diff?.index).toBeGreaterThanOrEqual(0);
        expect(result.signedBaseString).not.toBe(result.expectedBaseString);
      }
    });
  }
});

describe('combinations, RSA, PLAINTEXT and echoed base strings', () => {
  it('lists equally good explanations when two variants give the same base string', () => {
    const body = { contentType: FORM, content: 'id=2' };
    const result = check(signedOver({ url: 'https://api.example.com/1/x?id=1', body }, rfcBaseString({ url: 'https://api.example.com/1/x', body })));
    expect(result.variant).toBe('query-omitted');
    expect(result.equivalents).toContain('duplicate-name-dropped');
  });

  it('finds a pair of variants (oauth-1.0a style host case + default port)', () => {
    const spec = { url: 'https://API.Example.com/1/x' };
    const result = check(signedOver(spec, replaceOnce(rfcBaseString(spec), 'api.example.com', 'API.Example.com%3A443')));
    expect(result.variant).toBe('default-port-kept+host-case-kept');
    expect(result.variants).toEqual(['default-port-kept', 'host-case-kept']);
  });

  it('checks RSA-SHA1 with the public key and finds the variant', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const spec: RequestSpec = { url: 'https://jira.example.com/plugins/servlet/oauth/request-token', signatureMethod: 'RSA-SHA1' };
    const signed = signRequest({ ...signInput(spec), client: { consumerKey: 'jira', consumerSecret: '', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() } });
    const wrongBase = replaceOnce(signed.baseString, 'jira.example.com%2F', 'jira.example.com%3A443%2F');
    const signature = createSign('RSA-SHA1').update(wrongBase).sign(privateKey, 'base64');
    const protocol = signed.protocolParameters.map(([k, v]) => [k, k === 'oauth_signature' ? signature : v] as const);
    const captured = exchange({ method: 'POST', url: spec.url, authorization: buildAuthorizationHeader(protocol) });
    const result = checkSignature({ view: viewRequest(captured), publicKey });
    expect(result).toMatchObject({ status: 'variant', variant: 'default-port-kept', signatureMethod: 'RSA-SHA1' });
    const unchecked = checkSignature({ view: viewRequest(captured) });
    expect(unchecked.status).toBe('unchecked');
    expect(unchecked.reason).toBe('rsa-needs-public-key');
  });

  it('checks PLAINTEXT (key without ampersand)', () => {
    const spec: RequestSpec = { url: 'https://api.example.com/oauth/request_token', signatureMethod: 'PLAINTEXT' };
    const captured = sentWithSignature(spec, CONSUMER.consumerSecret);
    expect(check(captured).variant).toBe('key-without-ampersand');
    expect(check(sentWithSignature(spec, `${CONSUMER.consumerSecret}&`)).status).toBe('match');
  });

  it('diffs against a base string the server echoed, without any secret', () => {
    const spec = { url: 'https://www.flickr.com/services/oauth/request_token' };
    const signed = signRequest(signInput(spec));
    const serverBase = replaceOnce(signed.baseString, 'https%3A', 'http%3A');
    const captured = exchange({ method: 'POST', url: spec.url, authorization: signed.authorization });
    const result = checkSignature({ view: viewRequest(captured), serverBaseString: serverBase });
    expect(result.status).toBe('unchecked');
    expect(result.server).toMatchObject({ matchesOurs: false, variant: 'scheme-mismatch' });
    expect(result.server?.diff?.index).toBe('POST&http'.length);
    const same = checkSignature({ view: viewRequest(captured), serverBaseString: signed.baseString });
    expect(same.server).toMatchObject({ matchesOurs: true, variant: null });
  });

  it('uses the key with the token secret when given', () => {
    const spec = { url: 'https://api.example.com/1/x', token: TOKEN };
    const result = check(signedOver(spec, rfcBaseString(spec), KEY_WITH_TOKEN), { tokenSecret: TOKEN.tokenSecret });
    expect(result.status).toBe('match');
  });

  it('says unchecked when a token was sent and its secret is unknown', () => {
    const spec = { url: 'https://api.example.com/1/x', token: TOKEN };
    const result = check(signedOver(spec, rfcBaseString(spec), KEY_WITH_TOKEN));
    expect(result.status).toBe('unchecked');
    expect(result.reason).toBe('unknown-token-secret');
  });
});
