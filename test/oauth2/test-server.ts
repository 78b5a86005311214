// A small OAuth 2.0 / OIDC authorization server for the flow tests, written
// from the RFCs with node:http and jose (not from src/oauth2): discovery,
// authorize (approves at once), token (code + PKCE, refresh with rotation and
// reuse detection, client credentials, device code), device authorization,
// PAR, revocation, introspection, userinfo, JWKS. Faults are switches.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';

export interface TestServerOptions {
  /** Answer refusals with 200 and an error body (GitHub). */
  errorsWith200?: boolean;
  requirePar?: boolean;
  /** iss on the callback (RFC 9207): the right one, a wrong one, or none. */
  callbackIss?: 'right' | 'wrong' | 'none';
  /** Device polls answered authorization_pending (then slow_down once, if set) before tokens. */
  devicePending?: number;
  deviceSlowDown?: boolean;
  deviceDeny?: boolean;
  deviceInterval?: number;
  /** ID token nonce: echoed, wrong or left out. */
  idTokenNonce?: 'echo' | 'wrong';
  rotateRefresh?: boolean;
  clientSecret?: string;
  /** Where PKCE is required. */
  requirePkce?: boolean;
  /** token_endpoint_auth_methods_supported (null: left out of the metadata); the token endpoint takes only these. */
  authMethods?: string[] | null;
  /** The well-known documents answer under this path too (an issuer with a path: Entra's /consumers/v2.0). */
  mountPath?: string;
  /** The issuer the metadata, the ID token and the callback name, as a path on this server (Entra's consumers names another tenant). */
  issuerPath?: string;
  /** Access tokens as RFC 9068 JWTs, signed with the JWKS key (`signed`) or with a key the JWKS does not hold (`wrong-key`). */
  jwtAccessToken?: 'signed' | 'wrong-key';
  /** The server's clock (its Date header and the times in its tokens) this many seconds off the real one. */
  clockSkewSec?: number;
}

export interface TestServer {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly log: { method: string; path: string; body: string; authorization?: string | undefined }[];
  close(): Promise<void>;
}

interface CodeRecord {
  clientId: string;
  redirectUri: string;
  challenge?: string | undefined;
  method?: string | undefined;
  nonce?: string | undefined;
  scope: string;
  used: boolean;
}

const rnd = () => randomBytes(16).toString('base64url');

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const other = options.jwtAccessToken === 'wrong-key' ? (await generateKeyPair('RS256')).privateKey : privateKey;
  const skew = options.clockSkewSec ?? 0;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const clientId = 'test-client';
  const clientSecret = options.clientSecret ?? 'test-secret-value';
  const codes = new Map<string, CodeRecord>();
  const refresh = new Map<string, { family: string; used: boolean; scope: string }>();
  const revokedFamilies = new Set<string>();
  const access = new Map<string, { scope: string; active: boolean }>();
  const par = new Map<string, URLSearchParams>();
  const devices = new Map<string, { polls: number; slowed: boolean; userCode: string }>();
  const log: TestServer['log'] = [];
  let issuer = '';
  const named = () => `${issuer}${options.issuerPath ?? ''}`;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...(skew ? { date: new Date(Date.now() + skew * 1000).toUTCString() } : {}), ...headers }).end(JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, status: number, error: string, description: string) => json(res, options.errorsWith200 ? 200 : status, { error, error_description: description });

  const takes = (method: string) => options.authMethods === undefined || options.authMethods === null ? true : options.authMethods.includes(method);
  const authenticate = (req: IncomingMessage, form: URLSearchParams): string | undefined => {
    const header = req.headers.authorization;
    if (header?.startsWith('Basic ') && !takes('client_secret_basic')) return undefined;
    if (form.get('client_secret') !== null && !takes('client_secret_post')) return undefined;
    if (header?.startsWith('Basic ')) {
      const [id, secret] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':').map((s) => decodeURIComponent(s.replace(/\+/g, ' ')));
      return id === clientId && secret === clientSecret ? id : undefined;
    }
    if (form.get('client_secret') !== null) return form.get('client_id') === clientId && form.get('client_secret') === clientSecret ? clientId : undefined;
    return form.get('client_id') === 'public-client' ? 'public-client' : undefined;
  };

  const issue = async (res: ServerResponse, client: string, scope: string, family: string | undefined, nonce?: string) => {
    const serverNow = Math.floor(Date.now() / 1000) + skew;
    // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti; typ at+jwt (§2.1).
    const at = options.jwtAccessToken === undefined ? rnd() : await new SignJWT({ client_id: client, scope, sub: 'alice' }).setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'at+jwt' }).setIssuer(named()).setAudience('https://api.example').setIssuedAt(serverNow).setExpirationTime(serverNow + 300).setJti(rnd()).sign(other as KeyLike);
    access.set(at, { scope, active: true });
    const body: Record<string, unknown> = { access_token: at, token_type: 'Bearer', expires_in: 3600, scope };
    if (family !== undefined) {
      const rt = rnd();
      refresh.set(rt, { family, used: false, scope });
      body['refresh_token'] = rt;
    }
    if (scope.split(' ').includes('openid')) {
      const now = Math.floor(Date.now() / 1000);
      const claims: Record<string, unknown> = { sub: 'alice' };
      if (nonce !== undefined) claims['nonce'] = options.idTokenNonce === 'wrong' ? 'not-the-nonce' : nonce;
      body['id_token'] = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).setIssuer(named()).setAudience(client).setIssuedAt(now).setExpirationTime(now + 300).sign(privateKey as KeyLike);
    }
    json(res, 200, body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', issuer);
    if (options.mountPath !== undefined && url.pathname.startsWith(`${options.mountPath}/`)) url.pathname = url.pathname.slice(options.mountPath.length);
    const form = new URLSearchParams(body);
    log.push({ method: req.method ?? '', path: url.pathname, body, authorization: req.headers.authorization });
    const metadata = {
      issuer: named(),
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      userinfo_endpoint: `${issuer}/userinfo`,
      revocation_endpoint: `${issuer}/revoke`,
      introspection_endpoint: `${issuer}/introspect`,
      device_authorization_endpoint: `${issuer}/device`,
      pushed_authorization_request_endpoint: `${issuer}/par`,
      require_pushed_authorization_requests: options.requirePar ?? false,
      authorization_response_iss_parameter_supported: options.callbackIss !== 'none',
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials', 'urn:ietf:params:oauth:grant-type:device_code'],
      ...(options.authMethods === null ? {} : { token_endpoint_auth_methods_supported: options.authMethods ?? ['client_secret_basic', 'client_secret_post', 'none'] }),
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'api'],
    };
    switch (url.pathname) {
      case '/.well-known/openid-configuration':
      case '/.well-known/oauth-authorization-server':
        return json(res, 200, metadata);
      case '/jwks':
        return json(res, 200, { keys: [jwk] });
      case '/par': {
        const client = authenticate(req, form);
        if (!client) return refuse(res, 401, 'invalid_client', 'client authentication failed');
        const uri = `urn:ietf:params:oauth:request_uri:${rnd()}`;
        par.set(uri, form);
        return json(res, 201, { request_uri: uri, expires_in: 60 });
      }
      case '/authorize': {
        let params = url.searchParams;
        const pushed = params.get('request_uri');
        if (pushed !== null) params = par.get(pushed) ?? new URLSearchParams();
        else if (options.requirePar) return json(res, 400, { error: 'invalid_request', error_description: 'PAR required' });
        const redirect = params.get('redirect_uri') ?? '';
        if (options.requirePkce && !params.get('code_challenge')) return refuse(res, 400, 'invalid_request', 'PKCE required');
        const code = rnd();
        codes.set(code, { clientId: params.get('client_id') ?? '', redirectUri: redirect, challenge: params.get('code_challenge') ?? undefined, method: params.get('code_challenge_method') ?? undefined, nonce: params.get('nonce') ?? undefined, scope: params.get('scope') ?? '', used: false });
        const back = new URL(redirect);
        back.searchParams.set('code', code);
        back.searchParams.set('state', params.get('state') ?? '');
        if (options.callbackIss !== 'none') back.searchParams.set('iss', options.callbackIss === 'wrong' ? 'https://evil.example' : named());
        res.writeHead(302, { location: back.href }).end();
        return;
      }
      case '/token': {
        const client = authenticate(req, form);
        if (!client) return refuse(res, 401, 'invalid_client', 'client authentication failed');
        const grant = form.get('grant_type');
        if (grant === 'authorization_code') {
          const record = codes.get(form.get('code') ?? '');
          if (!record) return refuse(res, 400, 'invalid_grant', 'grant request is invalid');
          if (record.used) return refuse(res, 400, 'invalid_grant', 'grant request is invalid');
          record.used = true;
          if (record.redirectUri !== form.get('redirect_uri')) return refuse(res, 400, 'invalid_grant', 'grant request is invalid');
          if (record.challenge !== undefined) {
            const verifier = form.get('code_verifier') ?? '';
            const computed = record.method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
            if (computed !== record.challenge) return refuse(res, 400, 'invalid_grant', 'grant request is invalid');
          }
          return issue(res, client, record.scope, rnd(), record.nonce);
        }
        if (grant === 'refresh_token') {
          const token = form.get('refresh_token') ?? '';
          const record = refresh.get(token);
          if (!record || revokedFamilies.has(record.family)) return refuse(res, 400, 'invalid_grant', 'grant request is invalid');
          if (record.used) {
            revokedFamilies.add(record.family);
            return refuse(res, 400, 'invalid_grant', 'grant request is invalid');
          }
          if (options.rotateRefresh !== false) {
            record.used = true;
            return issue(res, client, record.scope, record.family);
          }
          const at = rnd();
          access.set(at, { scope: record.scope, active: true });
          return json(res, 200, { access_token: at, token_type: 'Bearer', expires_in: 3600, scope: record.scope });
        }
        if (grant === 'client_credentials') return issue(res, client, form.get('scope') ?? 'api', undefined);
        if (grant === 'urn:ietf:params:oauth:grant-type:device_code') {
          const device = devices.get(form.get('device_code') ?? '');
          if (!device) return refuse(res, 400, 'invalid_grant', 'unknown device code');
          device.polls++;
          if (options.deviceDeny) return refuse(res, 400, 'access_denied', 'the user said no');
          if (device.polls <= (options.devicePending ?? 0)) return refuse(res, 400, 'authorization_pending', 'waiting');
          if (options.deviceSlowDown && !device.slowed) {
            device.slowed = true;
            return refuse(res, 400, 'slow_down', 'too fast');
          }
          return issue(res, client, 'openid api', rnd());
        }
        return refuse(res, 400, 'unsupported_grant_type', String(grant));
      }
      case '/device': {
        const client = authenticate(req, form);
        if (!client) return refuse(res, 401, 'invalid_client', 'client authentication failed');
        const code = rnd();
        devices.set(code, { polls: 0, slowed: false, userCode: 'WDJB-MJHT' });
        return json(res, 200, { device_code: code, user_code: 'WDJB-MJHT', verification_uri: `${issuer}/activate`, verification_uri_complete: `${issuer}/activate?user_code=WDJB-MJHT`, expires_in: 600, interval: options.deviceInterval ?? 0.01 });
      }
      case '/revoke': {
        if (!authenticate(req, form)) return refuse(res, 401, 'invalid_client', 'client authentication failed');
        const token = form.get('token') ?? '';
        const record = refresh.get(token);
        if (record) revokedFamilies.add(record.family);
        const at = access.get(token);
        if (at) at.active = false;
        res.writeHead(200).end();
        return;
      }
      case '/introspect': {
        if (!authenticate(req, form)) return refuse(res, 401, 'invalid_client', 'client authentication failed');
        const at = access.get(form.get('token') ?? '');
        return json(res, 200, at?.active ? { active: true, scope: at.scope, client_id: clientId, token_type: 'Bearer' } : { active: false });
      }
      case '/userinfo': {
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        const at = access.get(token);
        if (!at?.active) {
          res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token", error_description="the access token is not active"' }).end();
          return;
        }
        if (!at.scope.split(' ').includes('openid')) {
          res.writeHead(403, { 'www-authenticate': 'Bearer error="insufficient_scope", scope="openid"' }).end();
          return;
        }
        return json(res, 200, { sub: 'alice', name: 'Alice' });
      }
      default:
        res.writeHead(404).end();
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
