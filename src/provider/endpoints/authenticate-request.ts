import { isFormBody } from '../../oauth/base-string.js';
import { authenticate, type Authenticated, type EndpointRules } from '../enforce.js';
import { fail, type Failure } from '../failure.js';
import type { ProviderContext } from '../context.js';
import type { ProviderRequest } from '../http-types.js';
import { receivedRequest } from './received.js';

/** Reads and authenticates one OAuth request; a form body that is not UTF-8 is refused first. */
export function authenticateRequest(request: ProviderRequest, rules: EndpointRules, context: ProviderContext): Authenticated | Failure {
  const { received, bodyIsUtf8 } = receivedRequest(request);
  if (!bodyIsUtf8 && isFormBody(received.body)) {
    return fail('parameter_rejected', { advice: 'The form body is not UTF-8 (RFC 5849 §3.6).', detail: 'not-utf8' });
  }
  return authenticate(received, rules, context.enforcement());
}

export function isFailure(value: Authenticated | Failure): value is Failure {
  return 'problem' in value;
}
