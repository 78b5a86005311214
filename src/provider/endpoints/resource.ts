import type { ProviderContext } from '../context.js';
import type { EndpointRules } from '../enforce.js';
import { fail } from '../failure.js';
import { JSON_TYPE, reply, type ProviderReply, type ProviderRequest } from '../http-types.js';
import { authenticateRequest, isFailure } from './authenticate-request.js';

const RULES: EndpointRules = { required: ['oauth_token'], rejected: ['oauth_verifier', 'oauth_session_handle', 'oauth_callback'], token: 'access' };

function pathOf(target: string): string {
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

/** GET reads, anything else writes: the scope a request needs. */
function neededScope(method: string): string {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

/** GET|POST /api/me (and any method on any /api/ path): a protected resource (RFC 5849 §3) answering who the token belongs to, and what arrived. */
export function handleResource(request: ProviderRequest, context: ProviderContext): ProviderReply {
  const auth = authenticateRequest(request, RULES, context);
  if (isFailure(auth)) return context.refuse(auth, request);
  const token = auth.accessToken;
  if (!token) return context.refuse(fail('token_rejected'), request);
  const scope = neededScope(request.method);
  if (!token.scopes.includes(scope)) {
    return context.refuse(fail('additional_authorization_required', { advice: `This request needs the "${scope}" scope; the user granted ${token.scopes.join(', ') || 'none'}.` }), request);
  }
  const body = { id: token.userId, screen_name: token.screenName, consumer_key: token.consumerKey, scopes: token.scopes, method: request.method, path: pathOf(request.target), signature_method: auth.signatureMethod };
  return reply(200, JSON_TYPE, JSON.stringify(body));
}
