import { parseForm, type Pair } from '../../oauth/form.js';
import { providerCodeRecord } from '../../knowledge/provider-codes.js';
import { excerpt, type ErrorShape, type Finding } from './finding.js';
import { formSegmentAround } from './form-body.js';
import { findingFromPhrase } from './phrase-match.js';

/**
 * oauthlib-style errors, `error=invalid_request&error_description=…`
 * (form or JSON). The error value is coarse, so a known description refines it.
 * The raw shape rides along: OAuth 2.0 servers answer in the same shape
 * (RFC 6749 §5.2), and read-problem decides which it is by evidence.
 */
export function findingFromOAuthlibError(error: string, description: string | undefined, beside: Omit<ErrorShape, 'error' | 'description'> = {}): Finding {
  const errorShape: ErrorShape = { error, description, ...beside };
  // invalid_signature_method says it all; its description ("Invalid signature, X not in …") would mislead a phrase match.
  const refinable = error !== 'invalid_signature_method' && error !== 'insecure_transport_protocol';
  const refined = description === undefined || !refinable ? undefined : findingFromPhrase(description, 'oauthlib-error');
  const message = description === undefined ? undefined : excerpt(description);
  if (refined) return { ...refined, source: 'oauthlib-error', message, errorShape };
  const row = providerCodeRecord('oauthlib', error);
  return {
    code: `oauthlib:${error}`,
    providerCode: `oauthlib:${error}`,
    source: 'oauthlib-error',
    confidence: row ? 'mapped' : 'exact',
    parameters: {},
    message,
    errorShape,
  };
}

/** What sits beside `error=` in a form or query: error_uri, scope, state, and any oauth_* parameter (an OAuth 1.0a sign). */
export function besideError(pairs: readonly Pair[]): Omit<ErrorShape, 'error' | 'description'> {
  const value = (name: string) => pairs.find(([n]) => n === name)?.[1];
  return {
    uri: value('error_uri'),
    scope: value('scope'),
    state: value('state') !== undefined,
    oauth1Beside: pairs.some(([name]) => name.startsWith('oauth_')),
  };
}

export function readOAuthlibForm(text: string): Finding | undefined {
  const segment = formSegmentAround(text, 'error');
  if (segment === undefined) return undefined;
  const pairs = parseForm(segment);
  const error = pairs.find(([name]) => name === 'error')?.[1]?.trim();
  if (!error || !/^[a-z_]{3,64}$/.test(error)) return undefined;
  const description = pairs.find(([name]) => name === 'error_description')?.[1];
  return findingFromOAuthlibError(error, description, { ...besideError(pairs), carrier: 'form-body' });
}
