import { parseForm, type Pair } from '../../oauth/form.js';
import type { Finding } from './finding.js';
import { splitFormWithBaseString } from './form-body.js';
import { findingFromOAuthPairs } from './oauth-parameters.js';

/** The query and fragment of a URL as pairs, or undefined when it is not a URL. */
export function urlPairs(url: string): Pair[] | undefined {
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
  // oauthlib-based providers redirect a refusal with error=access_denied.
  if (pairs.some(([name, value]) => name === 'error' && value === 'access_denied')) {
    return { code: 'permission_denied', providerCode: 'oauthlib:access_denied', source: 'url-query', confidence: 'mapped', parameters: {} };
  }
  return undefined;
}
