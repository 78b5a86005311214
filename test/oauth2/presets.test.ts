// OAuth 2.0 presets as data (issue 18 item 5): every row cites where its
// facts were read, fills its templates from the flags it names, and is
// refused with one line when a flag it needs is missing.
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { findOAuth2Preset, instantiateOAuth2Preset, OAUTH2_PRESETS, PRESETS } from '../../src/presets/index.js';
import { checkClientSecretJwt } from '../../src/oauth2/client-secret-jwt.js';
import { expectedIssuer } from '../../src/flow/oauth2/token-steps.js';
import { runInProcess } from '../helpers/in-process.js';

describe('the OAuth 2.0 preset rows', () => {
  it('are the ten the issue names, each with a source for its facts (https), and no name shared with an OAuth 1.0a preset', () => {
    expect(OAUTH2_PRESETS.map((p) => p.name)).toEqual(['google', 'microsoft', 'github', 'x-oauth2', 'auth0', 'okta', 'keycloak', 'slack', 'apple', 'salesforce']);
    const oauth1 = new Set(PRESETS.flatMap((p) => [p.name, ...(p.aliases ?? [])]));
    for (const preset of OAUTH2_PRESETS) {
      expect(preset.sources.length, preset.name).toBeGreaterThan(0);
      for (const { source } of preset.sources) expect(source, preset.name).toMatch(/^https:\/\/[^\s]+$/);
      expect(preset.issuer !== undefined || preset.endpoints?.token !== undefined, preset.name).toBe(true);
      for (const name of [preset.name, ...(preset.aliases ?? [])]) expect(oauth1.has(name), name).toBe(false);
    }
  });

  it('fill their templates: microsoft defaults to common, keycloak is {base}/realms/{realm}, auth0 keeps its trailing slash', () => {
    const get = (name: string) => findOAuth2Preset(name) ?? expect.unreachable(name);
    expect(instantiateOAuth2Preset(get('microsoft'), {}).issuer).toBe('https://login.microsoftonline.com/common/v2.0');
    expect(instantiateOAuth2Preset(get('entra'), { tenant: 'contoso.onmicrosoft.com' }).issuer).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0');
    expect(instantiateOAuth2Preset(get('keycloak'), { base: 'https://sso.example.com/', realm: 'my realm' }).issuer).toBe('https://sso.example.com/realms/my%20realm');
    expect(instantiateOAuth2Preset(get('auth0'), { domain: 'example.eu.auth0.com' }).issuer).toBe('https://example.eu.auth0.com/');
    expect(instantiateOAuth2Preset(get('okta'), { domain: 'dev-1.okta.com' }).issuer).toBe('https://dev-1.okta.com/oauth2/default');
    expect(instantiateOAuth2Preset(get('github'), {}).endpoints.token).toBe('https://github.com/login/oauth/access_token');
    expect(get('x-oauth2')).toMatchObject({ pkce: 'required', codeLifetimeSec: 30 });
  });

  it('a missing or malformed variable is one line naming its flag, exit 2', async () => {
    const missing = await runInProcess(['flow', '--provider', 'auth0', '--client-id', 'c', '--grant', 'client-credentials'], { env: { OAUTH2_CLIENT_SECRET: 's' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the auth0 preset needs --domain/);
    const url = await runInProcess(['flow', '--provider', 'okta', '--domain', 'https://dev-1.okta.com', '--client-id', 'c', '--grant', 'client-credentials'], { env: { OAUTH2_CLIENT_SECRET: 's' } });
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(/--domain "https:\/\/dev-1\.okta\.com" is not a host name/);
    const stray = await runInProcess(['flow', '--provider', 'google', '--tenant', 'x', '--client-id', 'c', '--grant', 'client-credentials'], { env: { OAUTH2_CLIENT_SECRET: 's' } });
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/--tenant only applies to a preset that takes it \(google does not\)/);
    const pkceOff = await runInProcess(['flow', '--provider', 'x-oauth2', '--client-id', 'c', '--pkce', 'off', '--authorize', 'print'], {});
    expect(pkceOff.code).toBe(2);
    expect(pkceOff.stderr).toMatch(/requires PKCE/);
  });
});

describe('Entra ID’s template issuer', () => {
  it('is filled with the ID token’s own tid; another issuer is left as it is', () => {
    const template = 'https://login.microsoftonline.com/{tenantid}/v2.0';
    const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"tid":"9188040d-6c67-4c5b-b112-36a304b66dad"}').toString('base64url')}.`;
    expect(expectedIssuer(template, template, token)).toBe('https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0');
    expect(expectedIssuer('https://as.example', template, token)).toBe('https://as.example');
  });
});

describe('Sign in with Apple’s client secret JWT, read before it is sent', () => {
  it('each claim is reported; an expired one and a wrong sub are told', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const now = 1_800_000_000;
    const sign = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'ABC123DEFG' }).sign(privateKey);
    const rule = findOAuth2Preset('apple')?.clientSecretJwt ?? expect.unreachable();
    const good = await sign({ iss: 'TEAMID1234', iat: now - 60, exp: now + 86_400 * 30, aud: 'https://appleid.apple.com', sub: 'com.example.web' });
    expect(checkClientSecretJwt(good, rule, 'com.example.web', now).every((f) => f.ok)).toBe(true);
    const bad = await sign({ iss: 'TEAMID1234', iat: now - 86_400 * 200, exp: now - 86_400, aud: 'https://appleid.apple.com', sub: 'com.example.app' });
    const failed = checkClientSecretJwt(bad, rule, 'com.example.web', now).filter((f) => !f.ok).map((f) => f.detail);
    expect(failed).toEqual(['sub is com.example.app, not the client_id com.example.web', 'expired 1 days ago: sign a new one', 'exp is 199 days after iat: more than the 183 allowed']);
    expect(checkClientSecretJwt('plain-secret', rule, 'x', now)[0]?.ok).toBe(false);
  });
});
