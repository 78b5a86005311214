import { parseForm, type Pair } from '../../oauth/form.js';
import type { Finding } from './finding.js';
import { splitFormWithBaseString, unquotedValue } from './form-body.js';
import { findingFromOAuthPairs } from './oauth-parameters.js';
import { oauth2Finding, oauth2SignalsFor } from './oauth2.js';
import { besideError } from './oauthlib-error.js';

/** How deep a URL inside another URL's parameter (a `next=`, `redirect=`, `continue=`) is followed. */
const MAX_NESTING = 3;

/** The query and fragment of a URL as pairs, or undefined when it is not a URL. */
function urlPairs(url: string): Pair[] | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  // A single-page app's route in the fragment carries its own query (`#/callback?error=access_denied`).
  const hash = parsed.hash.slice(1);
  const routed = /^[^=&]*\?/.exec(hash);
  const fragment = routed ? hash.slice(routed[0].length) : hash;
  return [...splitFormWithBaseString(parsed.search.slice(1)).pairs, ...parseForm(fragment)].map(([name, value]) => [name, unquotedValue(value)] as Pair);
}

/** At most two more percent-decodings of a value encoded more than once (`error%253Daccess_denied`); never throws. */
function decodedAgain(value: string): string {
  let current = value;
  for (let i = 0; i < 2 && /%[0-9A-Fa-f]{2}/.test(current); i++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      break;
    }
  }
  return current;
}

/**
 * A callback or redirect URL: `?oauth_problem=…` (Problem Reporting) or X's
 * `?denied=<request token>` when the person cancelled (oauthlib: `error=access_denied`);
 * also inside another URL's parameter (a login page's `next=`/`redirect_uri=`
 * holding the callback it returned to, encoded once or twice).
 */
export function readUrlQuery(url: string): Finding | undefined {
  return readUrlAt(url, 0);
}

function readUrlAt(url: string, depth: number): Finding | undefined {
  const pairs = urlPairs(url);
  if (!pairs) return undefined;
  return readPairs(pairs) ?? (depth < MAX_NESTING ? nestedFinding(pairs, depth) : undefined);
}

function readPairs(pairs: readonly Pair[]): Finding | undefined {
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

/**
 * Where a page sends the person only if something happens (Facebook's login page carries `cancel_url=…?error=access_denied`
 * before anyone cancelled): such a URL is no answer that came back.
 */
const CONDITIONAL_DESTINATION = /cancel|deny|denied|fail|abort/i;

/** A parameter's value that is itself a URL or a query holding `error=` / `oauth_problem=`: what it says, read the same way. */
function nestedFinding(pairs: readonly Pair[], depth: number): Finding | undefined {
  for (const [name, raw] of pairs.slice(0, 64)) {
    if (CONDITIONAL_DESTINATION.test(name)) continue;
    const value = decodedAgain(raw);
    if (!/(?:^|[?#&])(?:error|oauth_problem|denied)=/.test(value)) continue;
    if (/^https?:\/\//i.test(value.trim())) {
      const found = readUrlAt(value, depth + 1);
      if (found) return found;
      continue;
    }
    // A path or a bare query (`/callback?error=…`, `error=…&state=…`).
    const query = value.includes('?') ? value.slice(value.indexOf('?') + 1) : value;
    const found = readPairs(parseForm(query.replace(/^#/, '').replace('#', '&')).map(([name, v]) => [name, unquotedValue(v)] as Pair));
    if (found) return found;
  }
  return undefined;
}
