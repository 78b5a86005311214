import { serializeForm } from '../../oauth/form.js';
import { percentEncode } from '../../oauth/percent-encode.js';
import { newCredential, type ProviderContext } from '../context.js';
import type { EndpointRules } from '../enforce.js';
import { fail, type Failure } from '../failure.js';
import { FORM, reply, type ProviderReply, type ProviderRequest } from '../http-types.js';
import type { ConsumerRecord } from '../state.js';
import { authenticateRequest, isFailure } from './authenticate-request.js';

/** RFC 5849 §2.1: oauth_callback is required (`oob` when there is none). */
const RULES: EndpointRules = { required: ['oauth_callback'], rejected: ['oauth_verifier', 'oauth_session_handle', 'oauth_token'], token: 'none' };

const KNOWN_SCOPES = ['read', 'write'] as const;

function checkCallback(callback: string, consumer: ConsumerRecord): Failure | undefined {
  const rejected = (advice: string, detail?: 'callback-not-approved' | 'oob-required') =>
    fail('parameter_rejected', { parameters: [['oauth_parameters_rejected', `oauth_callback=${percentEncode(callback)}`]], advice, detail });
  if (callback === 'oob') return undefined;
  try {
    new URL(callback);
  } catch {
    return rejected('oauth_callback must be an absolute URL or "oob" (RFC 5849 §2.1).');
  }
  if (consumer.oobOnly) return rejected('This application may only use oauth_callback=oob.', 'oob-required');
  if (consumer.callbacks && !consumer.callbacks.some((allowed) => callback.startsWith(allowed))) {
    return rejected('This callback URL is not approved for this application.', 'callback-not-approved');
  }
  return undefined;
}

/** The optional `scope` parameter (as Google's and Hatena's OAuth 1.0a had): read, write or both. */
function requestedScopes(value: string | undefined): readonly string[] | Failure {
  if (value === undefined || value.trim() === '') return [...KNOWN_SCOPES];
  const scopes = value.split(/[\s,]+/).filter(Boolean);
  const unknown = scopes.filter((s) => !(KNOWN_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) return fail('parameter_rejected', { parameters: [['oauth_parameters_rejected', `scope=${percentEncode(value)}`]], advice: `Unknown scope: ${unknown.join(', ')}; use read and/or write.` });
  return [...new Set(scopes)];
}

/** POST /oauth/request_token: temporary credentials (RFC 5849 §2.1). */
export function handleRequestToken(request: ProviderRequest, context: ProviderContext): ProviderReply {
  const auth = authenticateRequest(request, RULES, context);
  if (isFailure(auth)) return context.refuse(auth, request);
  const callback = auth.protocol.get('oauth_callback') ?? 'oob';
  const callbackProblem = checkCallback(callback, auth.consumer);
  if (callbackProblem) return context.refuse(callbackProblem, request);
  const scopes = requestedScopes(auth.parameters.find((p) => p.name === 'scope')?.value);
  if ('problem' in scopes) return context.refuse(scopes, request);
  const token = newCredential();
  const secret = newCredential();
  context.store.putRequestToken({
    token,
    secret,
    consumerKey: auth.consumer.key,
    callback,
    scopes,
    issuedAt: context.now(),
    expiresAt: context.expiry(context.config.requestTokenTtlMs),
    decision: 'pending',
    verifier: undefined,
    grantedScopes: [],
    used: false,
    revoked: false,
    authorizeVisited: false,
  });
  const body = serializeForm(
    [
      ['oauth_token', token],
      ['oauth_token_secret', secret],
      ['oauth_callback_confirmed', 'true'],
    ],
    percentEncode,
  );
  return reply(200, FORM, body);
}
