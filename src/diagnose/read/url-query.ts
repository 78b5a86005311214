import { parseForm, type Pair } from '../../oauth/form.js';
import type { Finding } from './finding.js';
import { splitFormWithBaseString } from './form-body.js';
import { findingFromOAuthPairs } from './oauth-parameters.js';
import { oauth2Finding, oauth2SignalsFor } from './oauth2.js';
import { besideError } from './oauthlib-error.js';

/** The query and fragment of a URL as pairs, or undefined when it is not a URL. */
function urlPairs(url: string): Pair[] | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  return [...splitFormWithBaseString(parsed.search.slice(1)).pairs, ...parseForm(parsed.hash.slice(1))];
}

/**
 * A callback or redirect URL: `?oauth_problem=…` (Problem Reporting) or X's
 * `?denied=<request token>` when the person cancelled (oauthlib: `error=access_denied`).
 */
export function readUrlQuery(url: string): Finding | undefined {
  const pairs = urlPairs(url);
  if (!pairs) return undefined;
  const problem = findingFromOAuthPairs(pairs, 'url-query');
  if (problem) return problem;
  if (pairs.some(([name, value]) => name === 'denied' && value !== '')) {
    return { code: 'permission_denied', providerCode: 'x:denied', provider: 'x', source: 'url-query', confidence: 'mapped', parameters: {} };
  }
  // An OAuth 2.0 authorisation redirect (RFC 6749 §4.1.2.1): decided by evidence, oauthlib's OAuth 1 refusals stay below.
  const error = pairs.find(([name]) => name === 'error')?.[1]?.trim();
  if (error !== undefined && /^[a-z_]{3,64}$/.test(error)) {
    const shape = { error, description: pairs.find(([name]) => name === 'error_description')?.[1], ...besideError(pairs) };
    const signals = oauth2SignalsFor(shape, {});
    if (signals.length > 0) return oauth2Finding(shape, 'url-query', signals);
  }
  // oauthlib-based providers redirect a refusal with error=access_denied.
  if (pairs.some(([name, value]) => name === 'error' && value === 'access_denied')) {
    return { code: 'permission_denied', providerCode: 'oauthlib:access_denied', source: 'url-query', confidence: 'mapped', parameters: {} };
  }
  return undefined;
}
