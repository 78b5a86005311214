import { buildAuthorizationHeader } from '../../oauth/authorization-header.js';
import { serializeForm, type Pair } from '../../oauth/form.js';
import { percentEncode } from '../../oauth/percent-encode.js';
import type { Failure } from '../failure.js';
import { FORM, HTML, reply } from '../http-types.js';
import { problemPage } from '../pages/authorize-pages.js';
import type { Dialect } from './types.js';

/** oauth_problem, its companions and advice, as pairs (Problem Reporting extension). */
function problemPairs(failure: Failure): Pair[] {
  return [['oauth_problem', failure.problem], ...failure.parameters, ['oauth_problem_advice', failure.advice]];
}

/** `WWW-Authenticate: OAuth realm="…", oauth_problem="…", …`: the same encoding as an Authorization header (RFC 5849 §3.5.1). */
export function wwwAuthenticate(realm: string, pairs: readonly Pair[]): string {
  return buildAuthorizationHeader(pairs, realm);
}

function retryAfter(failure: Failure): Record<string, string> {
  return failure.status === 503 ? { 'retry-after': '30' } : {};
}

/**
 * wiki.oauth.net ProblemReporting: the problem in a WWW-Authenticate header
 * and, identically, in a form-encoded body (OAuth Core §5.3 encoding).
 */
export const problemReporting: Dialect = {
  name: 'problem-reporting',
  failure(failure, { realm }) {
    const pairs = problemPairs(failure);
    return reply(failure.status, FORM, serializeForm(pairs, percentEncode), { 'www-authenticate': wwwAuthenticate(realm, pairs), ...retryAfter(failure) });
  },
  authorizeFailure(failure, { realm }) {
    return reply(failure.status, HTML, problemPage(failure.problem, failure.advice), { 'www-authenticate': wwwAuthenticate(realm, problemPairs(failure)), ...retryAfter(failure) });
  },
  deniedCallback: (token) => [
    ['oauth_token', token],
    ['oauth_problem', 'permission_denied'],
  ],
};
