import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/** What the response itself says besides the code: its status and the companion parameters. */
export function response({ problem, companions, lang }: EvidenceContext): Adjustment[] {
  const out: Adjustment[] = [];
  const status = problem.status;
  if (status !== undefined && status >= 500) out.push({ cause: 'provider-outage', likelihood: status === 503 && problem.code !== 'http:5xx' ? 'possible' : 'likely', line: say('statusServerError', lang, { status }) });
  if (status === 429) out.push({ cause: 'rate-limited', likelihood: 'likely', line: say('statusThrottled', lang, { status }) });
  // RFC 9110 §15.5.5, §15.5.6: the place or the method was wrong; a code the provider sent beside it still counts first.
  const saidExactly = problem.confidence !== 'heuristic';
  if (status === 404) out.push({ cause: 'wrong-endpoint', likelihood: saidExactly ? 'possible' : 'likely', line: say('statusNotFound', lang), raiseOnly: true });
  if (status === 405) out.push({ cause: 'wrong-method', likelihood: saidExactly ? 'possible' : 'likely', line: say('statusMethod', lang), raiseOnly: true });
  // RFC 9110 §15.4: a redirect answers the request with another place; an OAuth endpoint that moves (http→https, a trailing slash, a new host) never read the request.
  // A redirect whose query carries the answer (RFC 6749 §4.1.2.1 error=, OAuth 1.0a denied=) is the flow working as designed.
  if (status !== undefined && [301, 302, 303, 307, 308].includes(status) && problem.source !== 'url-query') out.push({ cause: 'wrong-endpoint', likelihood: 'certain', line: say('statusRedirect', lang, { status }) });
  // An empty oauth_token= in the paste: the client never set the value (a code bug), so no token was refused or reused.
  if (problem.emptyParameters && problem.emptyParameters.length > 0) out.push({ cause: 'missing-parameter', likelihood: 'certain', line: say('parametersEmpty', lang, { names: problem.emptyParameters.join(', ') }) });
  if (companions.parametersAbsent && companions.parametersAbsent.length > 0) {
    // The server's own list is proof; a list implied by a recognised page is not.
    out.push({ cause: 'missing-parameter', likelihood: problem.confidence === 'exact' ? 'certain' : 'likely', line: say('parametersAbsent', lang, { names: companions.parametersAbsent.join(', ') }) });
  }
  if (companions.parametersRejected && companions.parametersRejected.length > 0) {
    // Likewise: a list the words implied ("Callback URL mismatch" → oauth_callback) says which parameter, not that it was unexpected.
    out.push({ cause: 'unexpected-parameter', likelihood: problem.confidence === 'heuristic' ? 'possible' : 'likely', line: say('parametersRejected', lang, { names: companions.parametersRejected.map((p) => p.name).join(', ') }) });
  }
  if (companions.acceptableVersions) {
    out.push({ cause: 'wrong-version', likelihood: 'likely', line: say('acceptableVersions', lang, { ...companions.acceptableVersions }) });
  }
  return out;
}
