import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRESETS, findPreset, instantiatePreset, netsuiteAccountForms, readProfile, validateProfile } from '../../src/presets/index.js';
import { isOAuth2ProfileFile, readOAuth2Profile } from '../../src/presets/oauth2-profile.js';
import { DoctorError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';

describe('provider presets', () => {
  it('every preset has three endpoint templates that become absolute https URLs once filled', () => {
    for (const preset of PRESETS.filter((p) => p.threeLegged !== false)) {
      const filled = instantiatePreset(preset, { base: 'https://instance.example.com/', account: '123456_SB1' });
      for (const url of [filled.requestTokenUrl, filled.authorizeUrl, filled.accessTokenUrl]) {
        expect(new URL(url).protocol, `${preset.name}: ${url}`).toBe('https:');
      }
    }
  });

  it('x uses api.x.com for every leg (the base string must use the host called)', () => {
    const x = findPreset('x');
    expect([x?.requestTokenUrl, x?.authorizeUrl, x?.accessTokenUrl].map((u) => new URL(u ?? '').host)).toEqual(['api.x.com', 'api.x.com', 'api.x.com']);
  });

  it('NetSuite: one account ID, two spellings (realm 123456_SB1, host 123456-sb1)', () => {
    expect(netsuiteAccountForms('123456_sb1')).toEqual({ host: '123456-sb1', realm: '123456_SB1' });
    const netsuite = instantiatePreset(findPreset('netsuite')!, { account: '123456_SB1' });
    expect(netsuite.realm).toBe('123456_SB1');
    expect(netsuite.requestTokenUrl).toBe('https://123456-sb1.restlets.api.netsuite.com/rest/requesttoken');
    expect(netsuite.signatureMethod).toBe('HMAC-SHA256');
  });

  it('a preset that needs --base-url says so', () => {
    expect(() => instantiatePreset(findPreset('jira')!, {})).toThrow(DoctorError);
    expect(() => instantiatePreset(findPreset('jira')!, {})).toThrow(/needs the address of your instance/);
  });

  it('mastercard: RSA-SHA256, oauth_body_hash on every request, and no three-legged flow', async () => {
    const mastercard = findPreset('mastercard');
    expect(mastercard?.signatureMethod).toBe('RSA-SHA256');
    expect(mastercard?.bodyHash).toBe('always');
    const r = await runCli(['flow', '--provider', 'mastercard', '--consumer-key', 'k'], { env: { CI: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no three-legged flow — sign and send its calls with oauth-doctor request --provider mastercard URL/);
  });

  it('documented lifetimes and windows are carried (SmugMug 5 min, Yahoo ±600 s)', () => {
    expect(findPreset('smugmug')?.requestTokenLifetimeSec).toBe(300);
    expect(findPreset('yahoo')?.timestampWindowSec).toBe(600);
  });
});

describe('provider profiles (--provider FILE)', () => {
  let dir: string | undefined;
  const file = (name: string, content: unknown, mode = 0o600) => {
    dir ??= mkdtempSync(join(tmpdir(), 'oauth-doctor-profile-'));
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    chmodSync(path, mode);
    return path;
  };
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('lists every problem at once', () => {
    const { problems } = validateProfile({ requestTokenUrl: 'ftp://x', signatureMethod: 'MD5', colour: 'red', callback: 'sometimes' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'unknown field "colour"',
        '"authorizeUrl" is missing',
        '"accessTokenUrl" is missing',
        '"requestTokenUrl" is not an absolute http(s) URL',
        '"signatureMethod": "MD5" is not HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512 or PLAINTEXT',
        '"callback" must be "loopback", "oob" or an absolute URL',
      ]),
    );
  });

  it('"extends" a preset and overrides parts of it', () => {
    const path = file('x-staging.json', { extends: 'x', name: 'x-staging', requestTokenUrl: 'https://staging.example.com/oauth/request_token', callback: 'oob' });
    const profile = readProfile(path, '/');
    expect(profile.preset.name).toBe('x-staging');
    expect(profile.preset.requestTokenUrl).toBe('https://staging.example.com/oauth/request_token');
    expect(profile.preset.accessTokenUrl).toBe('https://api.x.com/oauth/access_token');
    expect(profile.callback).toBe('oob');
    expect(profile.warnings).toEqual([]);
  });

  it('a profile holding a secret that others can read gets a warning', () => {
    const path = file('acme.json', { requestTokenUrl: 'https://a.example/rt', authorizeUrl: 'https://a.example/auth', accessTokenUrl: 'https://a.example/at', consumerKey: 'k', consumerSecret: 's3cret' }, 0o644);
    expect(readProfile(path, '/').warnings[0]).toMatch(/holds a secret but other users can read it \(mode 0644\); run chmod 600/);
  });

  it('a UTF-8 byte order mark before the JSON is dropped, for both protocols (RFC 8259 §8.1)', () => {
    const oauth1 = file('bom1.json', '\uFEFF' + JSON.stringify({ extends: 'x', name: 'x-bom' }));
    expect(readProfile(oauth1, '/').preset.name).toBe('x-bom');
    const oauth2 = file('bom2.json', '\uFEFF' + JSON.stringify({ protocol: 'oauth2', issuer: 'https://as.example', clientId: 'c-bom' }));
    expect(isOAuth2ProfileFile(oauth2, '/')).toBe(true);
    expect(readOAuth2Profile(oauth2, '/', {}).flags).toMatchObject({ clientId: 'c-bom' });
  });

  it('a malformed profile is a usage error naming the file, exit 2', async () => {
    const path = file('broken.json', '{ "requestTokenUrl": ');
    const result = await runCli(['flow', '--provider', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--provider ${path} is not valid JSON`);
  });

  it('a profile drives a flow, its credentials used and its secret masked', async () => {
    const { startProvider } = await import('../../src/provider/index.js');
    const provider = await startProvider({ autoApprove: true, consumers: [{ key: 'profile-key', secret: 'profile-secret-canary' }] });
    try {
      const path = file('local.json', {
        name: 'mine',
        requestTokenUrl: provider.endpoints.requestToken,
        authorizeUrl: provider.endpoints.authorize,
        accessTokenUrl: provider.endpoints.accessToken,
        callback: 'oob',
        consumerKey: 'profile-key',
        consumerSecret: 'profile-secret-canary',
      });
      const result = await runCli(['flow', '--provider', path, '--authorize', 'http', '--verbose']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('mine granted an access token');
      expect(result.stdout + result.stderr).not.toContain('profile-secret-canary');
    } finally {
      await provider.close();
    }
  });
});
