import type { HttpExchange } from '../../http/types.js';
import type { AccessToken, FlowConfig, LegResult, PreparedRequest } from '../types.js';
import { isSuccess, prepareSigned, refused, type SigningMoment } from './shared.js';

/** RFC 5849 §3: an authenticated request with the token credentials. */
export function buildResourceRequest(config: FlowConfig, moment: SigningMoment, access: AccessToken, url: string): PreparedRequest {
  return prepareSigned(config, moment, { leg: 'resource', method: 'GET', url, token: { token: access.token, tokenSecret: access.secret } });
}

/** Any 2xx is success; the body is shown, not interpreted. */
export function parseResourceResponse(exchange: HttpExchange): LegResult<HttpExchange> {
  return isSuccess(exchange.response.status) ? { ok: true, value: exchange } : { ok: false, failure: refused('resource', exchange) };
}
