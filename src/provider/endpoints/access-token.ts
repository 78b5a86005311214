import { serializeForm, type Pair } from '../../oauth/form.js';
import { percentEncode } from '../../oauth/percent-encode.js';
import { newCredential, type ProviderContext } from '../context.js';
import type { Authenticated, EndpointRules } from '../enforce.js';
import { fail } from '../failure.js';
import { FORM, reply, type ProviderReply, type ProviderRequest } from '../http-types.js';
import type { AccessTokenRecord } from '../state.js';
import { authenticateRequest, isFailure } from './authenticate-request.js';
import { verifierMatches } from './authorize.js';
import { receivedRequest } from './received.js';
import { readProtocolParameters } from '../read-request.js';

/** RFC 5849 §2.3. oauth_verifier is checked after the decision, so an early exchange is told permission_unknown. */
const EXCHANGE: EndpointRules = { required: ['oauth_token'], rejected: ['oauth_session_handle'], token: 'request' };
/** OAuth Session extension: renew with the (possibly expired) access token and its session handle. */
const RENEWAL: EndpointRules = { required: ['oauth_token', 'oauth_session_handle'], rejected: ['oauth_verifier', 'oauth_callback'], token: 'renewal' };

const DEMO_USER = { id: '1001', screenName: 'oauth_doctor_demo' } as const;

function seconds(ms: number): string {
  return String(Math.max(0, Math.round(ms / 1000)));
}

/** The access-token response, with the Session extension's oauth_session_handle / oauth_expires_in. */
function tokenResponse(record: AccessTokenRecord, context: ProviderContext): ProviderReply {
  const pairs: Pair[] = [
    ['oauth_token', record.token],
    ['oauth_token_secret', record.secret],
    ['oauth_session_handle', record.sessionHandle],
  ];
  if (record.expiresAt !== undefined) pairs.push(['oauth_expires_in', seconds(record.expiresAt - context.now())]);
  const session = context.store.session(record.sessionHandle);
  if (session?.expiresAt !== undefined) pairs.push(['oauth_authorization_expires_in', seconds(session.expiresAt - context.now())]);
  pairs.push(['user_id', record.userId], ['screen_name', record.screenName]);
  return reply(200, FORM, serializeForm(pairs, percentEncode));
}

function issueAccessToken(consumerKey: string, scopes: readonly string[], sessionHandle: string, context: ProviderContext): AccessTokenRecord {
  const record: AccessTokenRecord = {
    token: newCredential(),
    secret: newCredential(),
    consumerKey,
    scopes,
    issuedAt: context.now(),
    expiresAt: context.expiry(context.config.accessTokenTtlMs),
    revoked: false,
    sessionHandle,
    userId: DEMO_USER.id,
    screenName: DEMO_USER.screenName,
  };
  context.store.putAccessToken(record);
  return record;
}

function exchange(auth: Authenticated, request: ProviderRequest, context: ProviderContext): ProviderReply {
  const requestToken = auth.requestToken;
  if (!requestToken) return context.refuse(fail('token_rejected'), request);
  if (requestToken.decision === 'pending') return context.refuse(fail('permission_unknown'), request);
  if (requestToken.decision === 'denied') return context.refuse(fail('permission_denied'), request);
  const verifier = auth.protocol.get('oauth_verifier');
  if (!verifier) return context.refuse(fail('parameter_absent', { parameters: [['oauth_parameters_absent', 'oauth_verifier']] }), request);
  if (!verifierMatches(requestToken.verifier, verifier)) return context.refuse(fail('verifier_invalid'), request);
  // RFC 5849 §2.3: temporary credentials are single-use.
  requestToken.used = true;
  const handle = newCredential();
  // The token first, so the session is stored complete: a session always names a stored token.
  const record = issueAccessToken(auth.consumer.key, requestToken.grantedScopes, handle, context);
  context.store.putSession({ handle, consumerKey: auth.consumer.key, expiresAt: context.expiry(context.config.sessionTtlMs), revoked: false, currentToken: record.token });
  return tokenResponse(record, context);
}

function renew(auth: Authenticated, request: ProviderRequest, context: ProviderContext): ProviderReply {
  const old = auth.accessToken;
  const handle = auth.protocol.get('oauth_session_handle') ?? '';
  const session = context.store.session(handle);
  const refuse = (advice: string) => context.refuse(fail('token_not_renewable', { advice, detail: 'renewal-refused' }), request);
  if (!context.settings.renewable) return refuse('This provider does not renew access tokens: start the flow again.');
  if (!old || !session || session.consumerKey !== auth.consumer.key || session.currentToken !== old.token) return refuse('This session handle does not belong to this access token.');
  if (session.revoked) return refuse('The session was revoked: start the flow again.');
  if (session.expiresAt !== undefined && context.now() > session.expiresAt) return refuse('The session has expired: start the flow again.');
  context.store.revoke(old, context.now());
  const record = issueAccessToken(auth.consumer.key, old.scopes, handle, context);
  session.currentToken = record.token;
  context.store.changed();
  return tokenResponse(record, context);
}

/** POST /oauth/access_token: token credentials (RFC 5849 §2.3), or renewal with oauth_session_handle. */
export function handleAccessToken(request: ProviderRequest, context: ProviderContext): ProviderReply {
  const peek = readProtocolParameters(receivedRequest(request).received);
  const renewal = 'values' in peek && peek.values.has('oauth_session_handle');
  const auth = authenticateRequest(request, renewal ? RENEWAL : EXCHANGE, context);
  if (isFailure(auth)) return context.refuse(auth, request);
  return renewal ? renew(auth, request, context) : exchange(auth, request, context);
}
