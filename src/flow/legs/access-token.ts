import type { HttpExchange } from '../../http/types.js';
import { mintAccessToken, type AccessToken, type AuthorizedRequestToken, type FlowConfig, type LegResult, type PreparedRequest } from '../types.js';
import { prepareSigned, readTokenPair, type SigningMoment } from './shared.js';

/** RFC 5849 §2.3: a signed POST with the request token (its secret in the key) and oauth_verifier. */
export function buildAccessTokenRequest(config: FlowConfig, moment: SigningMoment, authorized: AuthorizedRequestToken): PreparedRequest {
  const { requestToken, verifier } = authorized;
  return prepareSigned(config, moment, {
    leg: 'access_token',
    method: 'POST',
    url: config.endpoints.accessToken,
    token: { token: requestToken.token, tokenSecret: requestToken.secret },
    verifier,
  });
}

/** RFC 5849 §2.3 response: oauth_token and oauth_token_secret, plus whatever the provider adds (user_id, screen_name, …). */
export function parseAccessTokenResponse(exchange: HttpExchange): LegResult<AccessToken> {
  const pair = readTokenPair('access_token', exchange);
  if (!pair.ok) return pair;
  const extra = pair.fields.filter(([name]) => name !== 'oauth_token' && name !== 'oauth_token_secret');
  return { ok: true, value: mintAccessToken({ token: pair.token, secret: pair.secret, extra }) };
}
