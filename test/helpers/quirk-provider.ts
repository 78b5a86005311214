/**
 * A small OAuth 1.0a provider on 127.0.0.1 that behaves the way particular
 * real providers are documented to (issue 15, "quirks of real providers"),
 * with a real signature check on what arrived: method, URL, query, form body
 * and Authorization header. One switch per quirk.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { baseStringUri, collectParameters, normalizeParameters, parseAuthorizationHeader, parseForm, signatureBaseString, verifySignature, type Pair } from '../../src/oauth/index.js';
import { readBody } from './fault-server.js';

export interface QuirkOptions {
  /** Methods the token endpoints accept (E*TRADE: GET). */
  readonly tokenMethods?: readonly string[];
  /** Where the OAuth parameters must be: header (default: anywhere) or query. */
  readonly paramsIn?: 'query' | 'anywhere';
  /** Token responses gzip-encoded, asked or not. */
  readonly gzip?: boolean;
  /** The authorise page sets a session cookie and redirects to /confirm, which needs it. */
  readonly cookieConfirm?: boolean;
  /** OAuth 1.0: no oauth_callback_confirmed, callback from the authorise URL, no verifier. */
  readonly oauth10?: boolean;
  /** E*TRADE: the authorise URL takes key= and token=, not oauth_token. */
  readonly etrade?: boolean;
  /** Garmin: redirects to this registered callback unless the authorise URL carries oauth_callback. */
  readonly registeredCallback?: string;
  /** NetSuite-like: the callback must be registered with this host; another is refused with a JSON error. */
  readonly callbackHost?: string;
  /** The authorise page is an approval page (200 HTML, waits for a person) unless ?action=approve. */
  readonly approvalPage?: boolean;
}

export interface QuirkProvider {
  readonly url: string;
  readonly consumer: { key: string; secret: string };
  readonly endpoints: { requestToken: string; authorize: string; accessToken: string; resource: string };
  /** What arrived, in order: method, path and where the OAuth parameters were. */
  readonly seen: { method: string; path: string; in: string; verifier?: string | undefined; cookie?: string | undefined }[];
  close(): Promise<void>;
}

interface Issued {
  secret: string;
  callback: string;
  approved: boolean;
  verifier?: string;
  used?: boolean;
}

export async function startQuirkProvider(options: QuirkOptions = {}): Promise<QuirkProvider> {
  const consumer = { key: 'quirk-key', secret: 'quirk-secret-1234' };
  const requestTokens = new Map<string, Issued>();
  const accessTokens = new Map<string, string>();
  const seen: QuirkProvider['seen'] = [];
  let origin = '';
  const token = () => randomBytes(12).toString('hex');

  const send = (res: ServerResponse, status: number, body: string, type = 'application/x-www-form-urlencoded', extra: Record<string, string> = {}) => {
    if (options.gzip && type.startsWith('application/x-www-form-urlencoded')) res.writeHead(status, { 'content-type': type, 'content-encoding': 'gzip', ...extra }).end(gzipSync(body));
    else res.writeHead(status, { 'content-type': type, ...extra }).end(body);
  };

  /** The OAuth parameters of a signed request and whether its signature holds. */
  const verify = async (req: IncomingMessage, tokenSecret: (t: string | undefined) => string | undefined): Promise<{ ok: boolean; params: Map<string, string>; where: string; why?: string }> => {
    const body = await readBody(req);
    const url = `${origin}${req.url ?? '/'}`;
    const header = parseAuthorizationHeader(req.headers.authorization ?? '');
    const query = [...new URL(url).searchParams.entries()];
    const form = req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ? parseForm(body) : [];
    const all: Pair[] = [...(header?.parameters ?? []), ...query, ...form];
    const params = new Map(all.filter(([n]) => n.startsWith('oauth_')));
    const where = header ? 'header' : query.some(([n]) => n === 'oauth_signature') ? 'query' : form.some(([n]) => n === 'oauth_signature') ? 'body' : 'nowhere';
    const requestBody = form.length > 0 || req.headers['content-type'] ? { contentType: req.headers['content-type'] ?? '', content: body } : undefined;
    const { normalized } = normalizeParameters(collectParameters(url, header?.parameters.filter(([n]) => n !== 'realm') ?? [], requestBody));
    const baseString = signatureBaseString(req.method ?? 'GET', baseStringUri(url), normalized);
    const secret = tokenSecret(params.get('oauth_token'));
    if (params.get('oauth_consumer_key') !== consumer.key) return { ok: false, params, where, why: 'consumer_key_unknown' };
    if (secret === undefined) return { ok: false, params, where, why: 'token_rejected' };
    const ok = verifySignature('HMAC-SHA1', baseString, params.get('oauth_signature') ?? '', { consumerSecret: consumer.secret, tokenSecret: secret });
    return { ok, params, where, why: ok ? undefined : 'signature_invalid' };
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const tokenLeg = url.pathname === '/request_token' || url.pathname === '/access_token';
      if (tokenLeg && options.tokenMethods && !options.tokenMethods.includes(req.method ?? '')) {
        seen.push({ method: req.method ?? '', path: url.pathname, in: 'refused' });
        return send(res, 405, 'oauth_problem=method_not_allowed', 'text/plain', { allow: options.tokenMethods.join(', ') });
      }
      if (url.pathname === '/request_token') {
        const check = await verify(req, () => '');
        seen.push({ method: req.method ?? '', path: url.pathname, in: check.where });
        if (options.paramsIn === 'query' && check.where !== 'query') return send(res, 400, 'oauth_problem=parameter_absent&oauth_parameters_absent=oauth_signature');
        if (!check.ok) return send(res, 401, `oauth_problem=${check.why ?? 'signature_invalid'}`);
        const callback = check.params.get('oauth_callback') ?? 'oob';
        if (options.callbackHost && callback !== 'oob' && new URL(callback).hostname !== options.callbackHost) {
          return send(res, 400, JSON.stringify({ error: { code: 'INVALID_REQUEST', message: 'Invalid callback URL: it does not match the registered callback.' } }), 'application/json');
        }
        const t = token();
        requestTokens.set(t, { secret: token(), callback, approved: false });
        const issued = requestTokens.get(t);
        return send(res, 200, `oauth_token=${t}&oauth_token_secret=${issued?.secret ?? ''}${options.oauth10 ? '' : '&oauth_callback_confirmed=true'}`);
      }
      if (url.pathname === '/authorize' || url.pathname === '/confirm') {
        const t = (options.etrade ? url.searchParams.get('token') : url.searchParams.get('oauth_token')) ?? '';
        if (options.etrade && url.searchParams.get('key') !== consumer.key) return send(res, 400, '<html><body>Invalid key</body></html>', 'text/html');
        const issued = requestTokens.get(t);
        seen.push({ method: 'GET', path: url.pathname, in: 'page', cookie: req.headers.cookie });
        if (!issued) return send(res, 400, '<html><body>Invalid token</body></html>', 'text/html');
        if (options.cookieConfirm && url.pathname === '/authorize') {
          return res.writeHead(302, { location: `/confirm?oauth_token=${t}`, 'set-cookie': `sid=${t.slice(0, 8)}; Path=/; HttpOnly` }).end();
        }
        if (options.cookieConfirm && req.headers.cookie !== `sid=${t.slice(0, 8)}`) return send(res, 403, '<html><body>Your session has expired. Please sign in.</body></html>', 'text/html');
        if (options.approvalPage && url.searchParams.get('action') !== 'approve') {
          return send(res, 200, '<html><body><form><p>Allow quirk app to use your account?</p><button name="action" value="approve">Allow</button></form></body></html>', 'text/html');
        }
        issued.approved = true;
        const verifier = options.oauth10 ? undefined : token();
        if (verifier) issued.verifier = verifier;
        const given = url.searchParams.get('oauth_callback');
        const target = options.oauth10 ? (given ?? options.registeredCallback ?? 'oob') : options.registeredCallback && !given ? options.registeredCallback : issued.callback;
        // OAuth Core 1.0 §6.2.3: out of band, a 1.0 provider only says it is done; 1.0a shows the PIN.
        if (target === 'oob' && !verifier) return send(res, 200, '<html><body><p>You have authorised quirk app. Return to the application to finish.</p></body></html>', 'text/html');
        if (target === 'oob') return send(res, 200, `<html><body>Your PIN: <code id="oauth_verifier">${verifier}</code></body></html>`, 'text/html');
        const next = new URL(target);
        next.searchParams.set('oauth_token', t);
        if (verifier) next.searchParams.set('oauth_verifier', verifier);
        return res.writeHead(302, { location: next.href }).end();
      }
      if (url.pathname === '/access_token') {
        const check = await verify(req, (t) => (t === undefined ? undefined : requestTokens.get(t)?.secret));
        const verifier = check.params.get('oauth_verifier');
        seen.push({ method: req.method ?? '', path: url.pathname, in: check.where, verifier });
        if (options.paramsIn === 'query' && check.where !== 'query') return send(res, 400, 'oauth_problem=parameter_absent&oauth_parameters_absent=oauth_signature');
        if (!check.ok) return send(res, 401, `oauth_problem=${check.why ?? 'signature_invalid'}`);
        const issued = requestTokens.get(check.params.get('oauth_token') ?? '');
        if (!issued?.approved || issued.used) return send(res, 401, 'oauth_problem=token_rejected');
        if (!options.oauth10 && verifier !== issued.verifier) return send(res, 401, 'oauth_problem=verifier_invalid');
        issued.used = true;
        const t = token();
        const secret = token();
        accessTokens.set(t, secret);
        return send(res, 200, `oauth_token=${t}&oauth_token_secret=${secret}&user_id=42`);
      }
      if (url.pathname === '/me') {
        const check = await verify(req, (t) => (t === undefined ? undefined : accessTokens.get(t)));
        seen.push({ method: req.method ?? '', path: url.pathname, in: check.where });
        if (!check.ok) return send(res, 401, `oauth_problem=${check.why ?? 'signature_invalid'}`);
        return send(res, 200, '{"id":42}', 'application/json');
      }
      send(res, 404, 'not found', 'text/plain');
    })().catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const authorize = options.etrade ? `${origin}/authorize?key={consumer_key}&token={oauth_token}` : `${origin}/authorize`;
  return {
    url: origin,
    consumer,
    endpoints: { requestToken: `${origin}/request_token`, authorize, accessToken: `${origin}/access_token`, resource: `${origin}/me` },
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
