// Published test vectors: RFC 5849 (with erratum 2550), OAuth Core 1.0
// appendix A, the OAuth JS example page, the X/Twitter docs and the OAuth
// Request Body Hash draft. Each case pins the base string AND the signature,
// so a wrong base string cannot hide behind a matching signature or the
// other way round. Sources: RFC 5849 §3.4.1.1 and §1.2, OAuth Core 1.0
// appendix A.5, docs.x.com/fundamentals/authentication/oauth-1-0a/creating-a-signature.
import { describe, expect, it } from 'vitest';
import {
  baseStringUri,
  collectParameters,
  computeSignature,
  normalizeParameters,
  signatureBaseString,
  signRequest,
  signingKey,
  verifySignature,
  type SignInput,
} from '../../src/oauth/index.js';

interface Vector {
  readonly name: string;
  readonly input: SignInput;
  readonly tokenSecret?: string;
  readonly baseString: string;
  readonly signature: string;
}

const photos = { consumerKey: 'dpf43f3p2l4k3l03', consumerSecret: 'kd94hf93k423kf44' };
const xClient = { consumerKey: 'xvz1evFS4wEEPTGEFPHBog', consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw' };
const xToken = { token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb', tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE' };
const xStatusBody = { contentType: 'application/x-www-form-urlencoded', content: 'status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21' };
const xStatusParams =
  'include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521';
const xStatus = (url: string): SignInput => ({
  method: 'POST',
  url,
  client: xClient,
  token: xToken,
  signatureMethod: 'HMAC-SHA1',
  timestamp: '1318622958',
  nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
  body: xStatusBody,
});

const VECTORS: Vector[] = [
  {
    name: 'RFC 5849 §1.2 temporary credentials (initiate)',
    input: {
      method: 'POST',
      url: 'https://photos.example.net/initiate',
      client: photos,
      signatureMethod: 'HMAC-SHA1',
      timestamp: '137131200',
      nonce: 'wIjqoS',
      callback: 'http://printer.example.com/ready',
      realm: 'Photos',
      includeVersion: false,
    },
    baseString:
      'POST&https%3A%2F%2Fphotos.example.net%2Finitiate&oauth_callback%3Dhttp%253A%252F%252Fprinter.example.com%252Fready%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DwIjqoS%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200',
    signature: '74KNZJeDHnMBp0EMJ9ZHt/XKycU=',
  },
  {
    name: 'RFC 5849 §1.2 token credentials (token)',
    input: {
      method: 'POST',
      url: 'https://photos.example.net/token',
      client: photos,
      token: { token: 'hh5s93j4hdidpola', tokenSecret: 'hdhd0244k9j7ao03' },
      signatureMethod: 'HMAC-SHA1',
      timestamp: '137131201',
      nonce: 'walatlh',
      verifier: 'hfdp7dh39dks9884',
      realm: 'Photos',
      includeVersion: false,
    },
    baseString:
      'POST&https%3A%2F%2Fphotos.example.net%2Ftoken&oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dwalatlh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dhh5s93j4hdidpola%26oauth_verifier%3Dhfdp7dh39dks9884',
    signature: 'gKgrFCywp7rO0OXSjdot/IHF7IU=',
  },
  {
    name: 'RFC 5849 §1.2 protected resource (no oauth_version)',
    input: {
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      client: photos,
      token: { token: 'nnch734d00sl2jdk', tokenSecret: 'pfkkdhi9sl3r4s00' },
      signatureMethod: 'HMAC-SHA1',
      timestamp: '137131202',
      nonce: 'chapoH',
      realm: 'Photos',
      includeVersion: false,
    },
    baseString:
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal',
    signature: 'MdpQcU8iPSUjWoN/UDMsK2sui9I=',
  },
  {
    name: 'RFC 5849 §3.4.1.1 (query + form body, as corrected by erratum 2550)',
    input: {
      method: 'POST',
      url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
      client: { consumerKey: '9djdj82h48djs9d2', consumerSecret: 'j49sk3j29djd' },
      token: { token: 'kkk9d7dh3k39sjv7', tokenSecret: 'dh893hdasih9' },
      signatureMethod: 'HMAC-SHA1',
      timestamp: '137131201',
      nonce: '7d8f3e4a',
      realm: 'Example',
      includeVersion: false,
      body: { contentType: 'application/x-www-form-urlencoded', content: 'c2&a3=2+q' },
    },
    baseString:
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    signature: 'r6/TJjbCOr97/+UU0NsvSne7s5g=',
  },
  {
    name: 'OAuth Core 1.0 appendix A.5 (oauth_version=1.0)',
    input: {
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      client: photos,
      token: { token: 'nnch734d00sl2jdk', tokenSecret: 'pfkkdhi9sl3r4s00' },
      signatureMethod: 'HMAC-SHA1',
      timestamp: '1191242096',
      nonce: 'kllo9940pd9333jh',
    },
    baseString:
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dkllo9940pd9333jh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1191242096%26oauth_token%3Dnnch734d00sl2jdk%26oauth_version%3D1.0%26size%3Doriginal',
    signature: 'tR3+Ty81lMeYAr/Fid0kMTYa/WM=',
  },
  {
    name: 'case-sensitive byte-order sort: Name before name (oauth.googlecode JS example)',
    input: {
      method: 'GET',
      url: 'http://www.example.net/resource?name=value1&name=value2&Name=value3&Name=value4',
      client: { consumerKey: 'abcd', consumerSecret: 'efgh' },
      token: { token: 'ijkl', tokenSecret: 'mnop' },
      signatureMethod: 'HMAC-SHA1',
      timestamp: '1438360868',
      nonce: 'NJoXy4OiHud',
    },
    baseString:
      'GET&http%3A%2F%2Fwww.example.net%2Fresource&Name%3Dvalue3%26Name%3Dvalue4%26name%3Dvalue1%26name%3Dvalue2%26oauth_consumer_key%3Dabcd%26oauth_nonce%3DNJoXy4OiHud%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1438360868%26oauth_token%3Dijkl%26oauth_version%3D1.0',
    signature: 'S59QRSfIG/XpgtSCdOV24n86gsg=',
  },
  {
    name: 'X docs "creating a signature", api.twitter.com/1.1',
    input: xStatus('https://api.twitter.com/1.1/statuses/update.json?include_entities=true'),
    baseString: `POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&${xStatusParams}`,
    signature: 'hCtSmYh+iHYCEqBWrE7C7hYmtUk=',
  },
  {
    name: 'X docs example signed against api.x.com (the host actually called)',
    input: xStatus('https://api.x.com/1.1/statuses/update.json?include_entities=true'),
    baseString: `POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&${xStatusParams}`,
    signature: 'Ls93hJiZbQ3akF3HF3x1Bz8/zU4=',
  },
  {
    name: 'X docs example, old /1/ path',
    input: xStatus('https://api.twitter.com/1/statuses/update.json?include_entities=true'),
    baseString: `POST&https%3A%2F%2Fapi.twitter.com%2F1%2Fstatuses%2Fupdate.json&${xStatusParams}`,
    signature: 'tnnArxj06cWHq44gCs1OSKk/jLY=',
  },
  {
    // Computed independently with Python's hmac/hashlib over the same base string.
    name: 'HMAC-SHA256 over the RFC 5849 §1.2 resource request',
    input: {
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      client: photos,
      token: { token: 'nnch734d00sl2jdk', tokenSecret: 'pfkkdhi9sl3r4s00' },
      signatureMethod: 'HMAC-SHA256',
      timestamp: '137131202',
      nonce: 'chapoH',
      includeVersion: false,
    },
    baseString:
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal',
    signature: 'HtMwoX2zenlFjgGg/SNEoKEQmL7CzxYFEKzs7er044Y=',
  },
];

/** A vector by the start of its name; throws so a renamed vector fails loudly. */
function vector(prefix: string): Vector {
  const found = VECTORS.find((v) => v.name.startsWith(prefix));
  if (!found) throw new Error(`no vector named ${prefix}…`);
  return found;
}
const RFC_3_4_1_1 = 'RFC 5849 §3.4.1.1';
const RFC_INITIATE = 'RFC 5849 §1.2 temporary';

describe('published signature vectors', () => {
  for (const v of VECTORS) {
    it(v.name, () => {
      const signed = signRequest(v.input);
      expect(signed.baseString).toBe(v.baseString);
      expect(signed.signature).toBe(v.signature);
      const secrets = { consumerSecret: v.input.client.consumerSecret, tokenSecret: v.input.token?.tokenSecret };
      expect(verifySignature(v.input.signatureMethod, v.baseString, v.signature, secrets)).toBe(true);
    });
  }

  it('the step functions give the same base string as signRequest (RFC 5849 §3.4.1.1, step by step)', () => {
    const protocol = [
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
      ['oauth_signature', 'djosJKDKJSD8743243/jdk33klY='],
    ] as const;
    const url = 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b';
    const params = collectParameters(url, protocol, { contentType: 'application/x-www-form-urlencoded', content: 'c2&a3=2+q' });
    // §3.4.1.3.1 lists exactly these pairs (oauth_signature excluded).
    expect(params.map((p) => [p.name, p.value])).toEqual([
      ['b5', '=%3D'],
      ['a3', 'a'],
      ['c@', ''],
      ['a2', 'r b'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
      ['c2', ''],
      ['a3', '2 q'],
    ]);
    // §3.4.1.3.2 prints exactly this normalised string.
    const { normalized } = normalizeParameters(params);
    expect(normalized).toBe(
      'a2=r%20b&a3=2%20q&a3=a&b5=%3D%253D&c%40=&c2=&oauth_consumer_key=9djdj82h48djs9d2&oauth_nonce=7d8f3e4a&oauth_signature_method=HMAC-SHA1&oauth_timestamp=137131201&oauth_token=kkk9d7dh3k39sjv7',
    );
    expect(signatureBaseString('POST', baseStringUri(url), normalized)).toBe(vector(RFC_3_4_1_1).baseString);
  });

  it('RFC 5849 §3.4.1.1 as printed (bYT5CMsGcbgUdFHObYMEfcx6bsw=) is wrong: erratum 2550', () => {
    const v = vector(RFC_3_4_1_1);
    const secrets = { consumerSecret: 'j49sk3j29djd', tokenSecret: 'dh893hdasih9' };
    expect(computeSignature('HMAC-SHA1', v.baseString, secrets)).toBe('r6/TJjbCOr97/+UU0NsvSne7s5g=');
    expect(computeSignature('HMAC-SHA1', v.baseString, secrets)).not.toBe('bYT5CMsGcbgUdFHObYMEfcx6bsw=');
    expect(verifySignature('HMAC-SHA1', v.baseString, 'bYT5CMsGcbgUdFHObYMEfcx6bsw=', secrets)).toBe(false);
  });

  it('the RFC 5849 §1.2 Authorization header: same parameters in the same order, realm first and never signed', () => {
    const signed = signRequest(vector(RFC_INITIATE).input);
    expect(signed.authorization).toBe(
      'OAuth realm="Photos", oauth_consumer_key="dpf43f3p2l4k3l03", oauth_signature_method="HMAC-SHA1", oauth_timestamp="137131200", oauth_nonce="wIjqoS", oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready", oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"',
    );
    expect(signed.baseString).not.toContain('realm');
  });
});

describe('PLAINTEXT (RFC 5849 §3.4.4, OAuth Core 1.0 appendix A.2)', () => {
  it('is the signing key itself: kd94hf93k423kf44& with no token secret', () => {
    const signed = signRequest({ ...vector(RFC_INITIATE).input, signatureMethod: 'PLAINTEXT' });
    expect(signed.signature).toBe('kd94hf93k423kf44&');
    // The & is encoded in the header, as every value is (§3.5.1).
    expect(signed.authorization).toContain('oauth_signature="kd94hf93k423kf44%26"');
  });

  it('joins both secrets, each encoded: efgh&mnop', () => {
    expect(computeSignature('PLAINTEXT', 'ignored', { consumerSecret: 'efgh', tokenSecret: 'mnop' })).toBe('efgh&mnop');
    expect(computeSignature('PLAINTEXT', 'ignored', { consumerSecret: 'a b&c', tokenSecret: 'd+e' })).toBe('a%20b%26c&d%2Be');
  });

  it('verifies in constant time and rejects a wrong secret', () => {
    const secrets = { consumerSecret: 'kd94hf93k423kf44', tokenSecret: 'pfkkdhi9sl3r4s00' };
    expect(verifySignature('PLAINTEXT', '', 'kd94hf93k423kf44&pfkkdhi9sl3r4s00', secrets)).toBe(true);
    expect(verifySignature('PLAINTEXT', '', 'kd94hf93k423kf44&', secrets)).toBe(false);
  });
});

describe('signing key (RFC 5849 §3.4.2)', () => {
  it('always has the &, even when a secret or both are empty', () => {
    expect(signingKey('kd94hf93k423kf44')).toBe('kd94hf93k423kf44&');
    expect(signingKey('', 'pfkkdhi9sl3r4s00')).toBe('&pfkkdhi9sl3r4s00');
    expect(signingKey('', '')).toBe('&');
  });

  it('encodes each secret before joining', () => {
    expect(signingKey('a&b', 'c=d é')).toBe('a%26b&c%3Dd%20%C3%A9');
  });

  it('an empty consumer secret still signs (2-legged services such as mixi use consumer_secret&)', () => {
    const base = 'GET&http%3A%2F%2Fexample.com%2F&a%3D1';
    expect(computeSignature('HMAC-SHA1', base, { consumerSecret: '' })).toBe(computeSignature('HMAC-SHA1', base, { consumerSecret: '', tokenSecret: '' }));
    expect(computeSignature('PLAINTEXT', base, { consumerSecret: '' })).toBe('&');
  });

  it('a secret with a lone surrogate does not throw; it signs as U+FFFD, as UTF-8 would send it', () => {
    expect(signingKey('a\uD800b')).toBe('a%EF%BF%BDb&');
  });
});

describe('oauth_body_hash (OAuth Request Body Hash 1.0 draft, appendix A)', () => {
  it('A.1: a text/plain PUT body is hashed with SHA-1 and the hash is signed', () => {
    const signed = signRequest({
      method: 'PUT',
      url: 'http://www.example.com/resource',
      client: { consumerKey: 'consumer', consumerSecret: 'secret' },
      token: { token: 'token', tokenSecret: 'secret' },
      signatureMethod: 'HMAC-SHA1',
      timestamp: '1236874236',
      nonce: '10369470270925',
      bodyHash: true,
      body: { contentType: 'text/plain', content: 'Hello World!' },
    });
    expect(signed.protocolParameters).toContainEqual(['oauth_body_hash', 'Lve95gjOVATpfV8EL5X4nxwjKHE=']);
    expect(signed.baseString).toBe(
      'PUT&http%3A%2F%2Fwww.example.com%2Fresource&oauth_body_hash%3DLve95gjOVATpfV8EL5X4nxwjKHE%253D%26oauth_consumer_key%3Dconsumer%26oauth_nonce%3D10369470270925%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1236874236%26oauth_token%3Dtoken%26oauth_version%3D1.0',
    );
  });

  it('A.2: a GET without a body hashes the empty string', () => {
    const signed = signRequest({
      method: 'GET',
      url: 'http://www.example.com/resource',
      client: { consumerKey: 'consumer', consumerSecret: 'secret' },
      token: { token: 'token', tokenSecret: 'secret' },
      signatureMethod: 'HMAC-SHA1',
      timestamp: '1238395022',
      nonce: '8628868109991',
      bodyHash: true,
    });
    expect(signed.baseString).toBe(
      'GET&http%3A%2F%2Fwww.example.com%2Fresource&oauth_body_hash%3D2jmj7l5rSw0yVb%252FvlWAYkK%252FYBwk%253D%26oauth_consumer_key%3Dconsumer%26oauth_nonce%3D8628868109991%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1238395022%26oauth_token%3Dtoken%26oauth_version%3D1.0',
    );
  });

  it('is never added to a form-encoded request (§3.2: its parameters are signed already)', () => {
    const signed = signRequest({ ...vector(RFC_3_4_1_1).input, bodyHash: true });
    expect(signed.protocolParameters.map(([n]) => n)).not.toContain('oauth_body_hash');
    expect(signed.signature).toBe('r6/TJjbCOr97/+UU0NsvSne7s5g=');
  });

  it('uses SHA-256 with HMAC-SHA256', () => {
    const signed = signRequest({
      method: 'PUT',
      url: 'http://www.example.com/resource',
      client: { consumerKey: 'consumer', consumerSecret: 'secret' },
      signatureMethod: 'HMAC-SHA256',
      timestamp: '1',
      nonce: 'n',
      bodyHash: true,
      body: { contentType: 'application/json', content: 'Hello World!' },
    });
    expect(signed.protocolParameters).toContainEqual(['oauth_body_hash', 'f4OxZX/x/FO5LcGBSKHWXfwtSx+j1ncoSt3SABJtkGk=']);
  });

  it('a JSON body is not signed as parameters, with or without the hash', () => {
    const signed = signRequest({
      method: 'POST',
      url: 'http://www.example.com/resource',
      client: { consumerKey: 'consumer', consumerSecret: 'secret' },
      signatureMethod: 'HMAC-SHA1',
      timestamp: '1',
      nonce: 'n',
      body: { contentType: 'application/json', content: 'a=1&b=2' },
    });
    expect(signed.parameters.map((p) => p.source)).not.toContain('body');
  });
});
