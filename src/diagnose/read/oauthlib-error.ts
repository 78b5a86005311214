import { parseForm } from '../../oauth/form.js';
import { providerCodeRecord } from '../../knowledge/provider-codes.js';
import { excerpt, type Finding } from './finding.js';
import { formSegmentAround } from './form-body.js';
import { findingFromPhrase } from './phrase-match.js';

/**
 * oauthlib-style errors, `error=invalid_request&error_description=…`
 * (form or JSON). The error value is coarse, so a known description refines it.
 */
export function findingFromOAuthlibError(error: string, description: string | undefined): Finding {
  // invalid_signature_method says it all; its description ("Invalid signature, X not in …") would mislead a phrase match.
  const refinable = error !== 'invalid_signature_method' && error !== 'insecure_transport_protocol';
  const refined = description === undefined || !refinable ? undefined : findingFromPhrase(description, 'oauthlib-error');
  const message = description === undefined ? undefined : excerpt(description);
  if (refined) return { ...refined, source: 'oauthlib-error', message };
  const row = providerCodeRecord('oauthlib', error);
  return {
    code: `oauthlib:${error}`,
    providerCode: `oauthlib:${error}`,
    source: 'oauthlib-error',
    confidence: row ? 'mapped' : 'exact',
    parameters: {},
    message,
  };
}

export function readOAuthlibForm(text: string): Finding | undefined {
  const segment = formSegmentAround(text, 'error');
  if (segment === undefined) return undefined;
  const pairs = parseForm(segment);
  const error = pairs.find(([name]) => name === 'error')?.[1]?.trim();
  if (!error || !/^[a-z_]{3,64}$/.test(error)) return undefined;
  const description = pairs.find(([name]) => name === 'error_description')?.[1];
  return findingFromOAuthlibError(error, description);
}
