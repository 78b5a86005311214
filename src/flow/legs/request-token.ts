import { formValue } from '../../oauth/form.js';
import type { HttpExchange } from '../../http/types.js';
import { mintRequestToken, type FlowConfig, type LegResult, type PreparedRequest, type RequestToken } from '../types.js';
import { prepareSigned, readTokenPair, type SigningMoment } from './shared.js';

/** The request-token URL with `--scope` added to its query (signed as a query parameter, RFC 5849 §3.4.1.3.1). */
export function requestTokenUrl(config: FlowConfig): string {
  if (!config.scope) return config.endpoints.requestToken;
  const url = new URL(config.endpoints.requestToken);
  url.searchParams.append(config.scope.parameter, config.scope.value);
  return url.href;
}

/** RFC 5849 §2.1: a signed POST to the temporary-credentials endpoint carrying oauth_callback (`oob` when there is none). */
export function buildRequestTokenRequest(config: FlowConfig, moment: SigningMoment, callback: string): PreparedRequest {
  return prepareSigned(config, moment, { leg: 'request_token', method: 'POST', url: requestTokenUrl(config), callback });
}

/**
 * RFC 5849 §2.1 response: oauth_token, oauth_token_secret and
 * oauth_callback_confirmed=true. A missing confirmation does not stop the
 * flow (OAuth 1.0 providers never sent it) but is reported.
 */
export function parseRequestTokenResponse(exchange: HttpExchange): LegResult<RequestToken> {
  const pair = readTokenPair('request_token', exchange);
  if (!pair.ok) return pair;
  const extra = pair.fields.filter(([name]) => !['oauth_token', 'oauth_token_secret', 'oauth_callback_confirmed'].includes(name));
  return {
    ok: true,
    value: mintRequestToken({ token: pair.token, secret: pair.secret, callbackConfirmed: formValue(pair.fields, 'oauth_callback_confirmed') === 'true', extra }),
  };
}
