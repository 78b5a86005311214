import type { Pair } from '../../oauth/form.js';
import type { ProblemSource } from '../types.js';
import { trimProviderText } from '../../terminal/sanitize.js';
import { excerpt, type Finding } from './finding.js';

/**
 * The Problem Reporting extension's companion parameters (wiki.oauth.net
 * ProblemReporting), plus the rarer ones it mentions, kept as the problem's
 * parameters once form-decoded (the value the server meant).
 */
const COMPANIONS = new Set([
  'oauth_acceptable_versions',
  'oauth_parameters_absent',
  'oauth_parameters_rejected',
  'oauth_acceptable_timestamps',
  'oauth_problem_advice',
  'oauth_error_in_response_body',
  'oauth_error_code',
  'oauth_error_text',
  // Jira echoes what it computed next to signature_invalid.
  'oauth_signature_method',
]);

/** Base strings some servers echo after signature_invalid: Flickr and others, Jira. */
const SERVER_BASE_STRING = ['debug_sbs', 'oauth_signature_base_string'];

/** Magento 1 sends `unknown_problem&code=<n>` and `internal_error&message=…`. */
const MAGENTO_EXTRAS = new Set(['code', 'message']);

/**
 * Reads an `oauth_problem` and its companions from decoded name/value pairs
 * (a form body, a WWW-Authenticate challenge or a URL query).
 */
/**
 * An oauth_problem value is a word (Problem Reporting §2: `token_rejected`); one
 * with quotes, brackets or a line break is a quoted string that never closed and
 * swallowed what followed it — perhaps a credential — so it is no code; nor is
 * one in oauth-doctor's own `oauth2:` namespace, which no OAuth 1.0a server sends.
 */
const CODE_SHAPED = /^(?!oauth2:)[^{}[\]"'<>\\\n\r]{1,120}$/;

export function findingFromOAuthPairs(pairs: readonly Pair[], source: ProblemSource): Finding | undefined {
  const problem = pairs.find(([name]) => name === 'oauth_problem')?.[1]?.trim();
  if (!problem || !CODE_SHAPED.test(problem)) return undefined;
  const parameters: Record<string, string> = {};
  let serverBaseString: string | undefined;
  let lastCompanion: string | undefined;
  for (const [name, value] of pairs) {
    if (name === 'oauth_problem') continue;
    if (COMPANIONS.has(name) || MAGENTO_EXTRAS.has(name)) {
      if (parameters[name] === undefined) parameters[name] = trimProviderText(value);
      lastCompanion = name;
    } else if (SERVER_BASE_STRING.includes(name)) {
      serverBaseString ??= value;
    } else if (lastCompanion === 'oauth_parameters_absent' && value === '' && /^oauth_\w+$/.test(name)) {
      // A server that forgot to encode the list a second time splits it into
      // bare names: `oauth_parameters_absent=oauth_token&oauth_nonce`.
      parameters['oauth_parameters_absent'] += `&${name}`;
    }
  }
  const message = parameters['oauth_problem_advice'] ?? parameters['message'];
  return {
    code: problem,
    source,
    confidence: 'exact',
    parameters,
    message: message === undefined ? undefined : excerpt(message),
    serverBaseString,
  };
}
