import type { ProviderContext } from './context.js';
import { handleAccessToken } from './endpoints/access-token.js';
import { handleAdmin } from './endpoints/admin.js';
import { handleAuthorize } from './endpoints/authorize.js';
import { handleRequestToken } from './endpoints/request-token.js';
import { handleResource } from './endpoints/resource.js';
import { HTML, TEXT, reply, type ProviderReply, type ProviderRequest } from './http-types.js';
import { escapeHtml } from '../html/escape.js';
import { htmlPage } from './pages/html.js';
import { outagePage } from './pages/authorize-pages.js';

type Handler = (request: ProviderRequest, context: ProviderContext) => ProviderReply;

/** Paths of the embedded provider, relative to its URL. */
export const ENDPOINT_PATHS = {
  requestToken: '/oauth/request_token',
  authorize: '/oauth/authorize',
  accessToken: '/oauth/access_token',
  resource: '/api/me',
  admin: '/admin',
} as const;

const ROUTES: Record<string, { readonly methods: readonly string[]; readonly handler: Handler }> = {
  [ENDPOINT_PATHS.requestToken]: { methods: ['POST'], handler: handleRequestToken },
  [ENDPOINT_PATHS.authorize]: { methods: ['GET', 'POST'], handler: handleAuthorize },
  [ENDPOINT_PATHS.accessToken]: { methods: ['POST'], handler: handleAccessToken },
  [ENDPOINT_PATHS.resource]: { methods: ['GET', 'POST'], handler: handleResource },
};

/** Any other path under /api/ is a protected resource too, for any method: `request` calls arbitrary API paths. */
const API_PREFIX = '/api/';
const API_ROUTE = { methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], handler: handleResource } as const;

function indexPage(): ProviderReply {
  const rows = Object.entries(ROUTES)
    .map(([path, route]) => `<li><code>${escapeHtml(route.methods.join('|'))} ${escapeHtml(path)}</code></li>`)
    .join('\n');
  return reply(200, HTML, htmlPage('oauth-doctor provider', `<h1>oauth-doctor test provider</h1>\n<ul>\n${rows}\n</ul>`));
}

function pathOf(target: string): string | undefined {
  try {
    return new URL(target, 'http://provider.invalid').pathname;
  } catch {
    return undefined;
  }
}

/** Routes one request to its handler: the whole provider, with no socket in sight. */
export function route(request: ProviderRequest, context: ProviderContext): ProviderReply {
  const path = pathOf(request.target);
  if (path === undefined) return reply(400, TEXT, 'Bad request-target\n');
  if (path.startsWith('/admin/')) return handleAdmin(path, request, context);
  const outage = context.settings.outage;
  if (outage) return reply(outage.status, HTML, outagePage(outage.status), outage.retryAfterSec === undefined ? {} : { 'retry-after': String(outage.retryAfterSec) });
  if (path === '/' && request.method === 'GET') return indexPage();
  const found = ROUTES[path] ?? (path.startsWith(API_PREFIX) ? API_ROUTE : undefined);
  if (!found) return reply(404, TEXT, 'Not found\n');
  if (!found.methods.includes(request.method)) return reply(405, TEXT, 'Method not allowed\n', { allow: found.methods.join(', ') });
  return found.handler(request, context);
}
