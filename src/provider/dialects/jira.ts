import type { Pair } from '../../oauth/form.js';
import type { Failure } from '../failure.js';
import { TEXT, reply } from '../http-types.js';
import type { Dialect } from './types.js';
import { wwwAuthenticate } from './problem-reporting.js';

/**
 * Atlassian Jira / Confluence application links: the problem only in the
 * WWW-Authenticate header, with no body; on signature_invalid the server
 * echoes the signature it received, its base string and the method
 * (reference sheet §4, [A2]).
 */
function headerPairs(failure: Failure): Pair[] {
  const pairs: Pair[] = [['oauth_problem', failure.problem], ...failure.parameters];
  if (failure.problem === 'signature_invalid') {
    pairs.push(['oauth_signature', failure.signature ?? ''], ['oauth_signature_base_string', failure.serverBaseString ?? ''], ['oauth_signature_method', failure.signatureMethod ?? '']);
  }
  return pairs;
}

function write(failure: Failure, context: { realm: string }) {
  return reply(failure.status, TEXT, '', { 'www-authenticate': wwwAuthenticate(context.realm, headerPairs(failure)) });
}

export const jiraDialect: Dialect = {
  name: 'jira',
  failure: write,
  authorizeFailure: write,
  deniedCallback: (token) => [
    ['oauth_token', token],
    ['oauth_problem', 'permission_denied'],
  ],
};
