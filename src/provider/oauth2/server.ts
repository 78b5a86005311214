// The node:http edge of `serve --oauth2`. The socket is bound first (so the
// issuer can name the real port), then the engine is built for that issuer and
// gets every request this module does not answer itself: /admin/*, RFC 8414's
// metadata path, our login and consent pages, and the token endpoint's faults.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ADMIN_MAX_BODY_BYTES } from '../endpoints/admin-guard.js';
import type { Storage } from './adapter.js';
import { adminRefused, applySettings, grantsOf, type AdminAnswer } from './admin.js';
import { onProviderClock } from './clock.js';
import type { OidcProvider } from './engine.js';
import { interaction } from './interaction.js';
import type { GroundTruthLog } from './ground-truth.js';
import type { OAuth2Settings } from './options.js';
import { INTERACTION_PATH, ROUTES } from './routes.js';

/** Bodies of our own pages and the admin endpoints: a few short fields. */
const FORM_MAX_BYTES = 16 * 1024;

export interface EdgeParts {
  readonly provider: OidcProvider;
  readonly settings: OAuth2Settings;
  readonly storage: Storage;
  readonly groundTruth: GroundTruthLog;
  /** Timers of delayed token answers, cleared on close. */
  readonly pending: Set<NodeJS.Timeout>;
}

function readForm(message: IncomingMessage, cap: number): Promise<URLSearchParams | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    message.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= cap) chunks.push(chunk);
    });
    message.on('end', () => resolve(size > cap ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    message.on('error', reject);
  });
}

function json(res: ServerResponse, answer: AdminAnswer): void {
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

async function admin(req: IncomingMessage, res: ServerResponse, path: string, parts: EdgeParts): Promise<void> {
  const refused = adminRefused(req);
  if (refused) return json(res, refused);
  const form = req.method === 'POST' ? await readForm(req, ADMIN_MAX_BODY_BYTES) : new URLSearchParams();
  if (!form) return json(res, { status: 413, body: { error: `admin bodies are at most ${ADMIN_MAX_BODY_BYTES} bytes` } });
  if (req.method === 'GET' && path === '/admin/state') return json(res, { status: 200, body: { settings: { ...parts.settings }, grants: grantsOf(parts.storage), groundTruth: parts.groundTruth.list() } });
  if (req.method === 'POST' && path === '/admin/clear-ground-truth') {
    parts.groundTruth.clear();
    return json(res, { status: 200, body: { cleared: true } });
  }
  if (req.method === 'POST' && path === '/admin/settings') return json(res, applySettings(form, parts.settings));
  if (req.method === 'POST' && path === '/admin/revoke-grant') {
    const grantId = form.get('grantId') ?? '';
    // Everything issued under the grant goes: codes, access and refresh tokens (RFC 7009 §2.1's cascade, done by hand).
    const removed = grantId === '' ? 0 : parts.storage.revokeGrant(grantId);
    if (removed > 0) parts.groundTruth.add({ event: 'grant.revoked', step: 'admin', grantId });
    return json(res, removed > 0 ? { status: 200, body: { revoked: grantId, removed } } : { status: 404, body: { error: 'no such grant' } });
  }
  return json(res, { status: 404, body: { error: 'no such admin endpoint' } });
}

/** The token endpoint as an outage: a 5xx with an HTML page, as a failing gateway answers. */
function tokenFailure(res: ServerResponse, status: number): void {
  const body = `<html><body><h1>${status} ${status === 500 ? 'Internal Server Error' : status === 502 ? 'Bad Gateway' : 'Service Unavailable'}</h1></body></html>\n`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body), ...(status === 503 ? { 'retry-after': '30' } : {}) });
  res.end(body);
}

async function dispatch(req: IncomingMessage, res: ServerResponse, parts: EdgeParts, engine: (req: IncomingMessage, res: ServerResponse) => unknown): Promise<void> {
  const { settings } = parts;
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  // The provider's own clock, as a real server's Date header tells it (clients measure their offset from it).
  res.setHeader('date', new Date(Date.now()).toUTCString());
  if (path.startsWith('/admin/')) return admin(req, res, path, parts);
  if (path === ROUTES.oauthAuthorizationServer) req.url = ROUTES.openidConfiguration;
  if (path.startsWith(INTERACTION_PATH)) {
    const form = req.method === 'POST' ? await readForm(req, FORM_MAX_BYTES) : new URLSearchParams();
    if (!form) return json(res, { status: 413, body: { error: 'form too large' } });
    return interaction(parts.provider, req, res, settings, path, form);
  }
  if (path === ROUTES.token) {
    if (settings.tokenFailure !== undefined) {
      req.resume();
      parts.groundTruth.add({ event: 'edge', step: 'token', error: 'server_error', status: settings.tokenFailure, detail: `token endpoint outage switch: answered ${settings.tokenFailure} with an HTML page` });
      return tokenFailure(res, settings.tokenFailure);
    }
    if (settings.tokenSlowMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          parts.pending.delete(timer);
          resolve();
        }, settings.tokenSlowMs);
        parts.pending.add(timer);
      });
      if (res.destroyed) return;
    }
  }
  await engine(req, res);
}

/** The request listener: every request on the provider's clock; nothing thrown escapes. */
export function requestListener(parts: EdgeParts): (req: IncomingMessage, res: ServerResponse) => void {
  const engine = parts.provider.callback();
  return (req, res) => {
    onProviderClock(
      () => parts.settings.clockSkewSec,
      () =>
        dispatch(req, res, parts, engine).catch(() => {
          if (res.headersSent) return void res.destroy();
          json(res, { status: 500, body: { error: 'server_error', error_description: 'internal error in the test provider' } });
        }),
    );
  };
}
