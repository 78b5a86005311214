import { firstHeaderValue } from '../http/headers.js';
import { parseQuery, type Pair } from '../oauth/form.js';
import { readTokenBody } from '../oauth/token-body.js';
import { secretsInText } from '../diagnose/secrets-in-text.js';
import { isCredentialParameter } from '../secrets/parameters.js';
import type { FlowStep } from './types.js';


function secretValues(pairs: readonly Pair[]): string[] {
  return pairs.filter(([name, value]) => isCredentialParameter(name) && value !== '').map(([, value]) => value);
}

function queryPairs(url: string | undefined): Pair[] {
  if (!url) return [];
  try {
    return parseQuery(new URL(url).search);
  } catch {
    return [];
  }
}

/**
 * Every secret a step carries, wherever it sits: tokens and their secrets in
 * a token response body, the verifier in a redirect's Location or the signed
 * request, tokens in URLs. The caller registers them with the output's
 * Redactor before anything about the step is printed or saved. (The one
 * place a request token is shown whole is the authorisation URL a person
 * must open in print and browser modes, RFC 5849 §2.2.)
 */
export function secretsInStep(step: FlowStep): string[] {
  const found: string[] = [];
  if (step.signed) {
    found.push(...secretValues(step.signed.protocolParameters));
    // RFC 5849 §3.4.4: a PLAINTEXT signature is the key itself (consumer secret & token secret).
    if (step.signed.signatureMethod === 'PLAINTEXT') found.push(step.signed.signature);
  }
  const exchange = step.exchange;
  if (exchange) {
    // The whole body, read once as the leg reads it (form or JSON), then in the other shapes a provider may quote a credential in (XML, `name: V`, …).
    const body = exchange.response.body;
    found.push(...readTokenBody(body).secrets, ...secretsInText(body));
    found.push(...secretValues(queryPairs(exchange.request.url)));
    found.push(...secretValues(queryPairs(firstHeaderValue(exchange.response.headers, 'location'))));
    for (const hop of exchange.redirects) found.push(...secretValues(queryPairs(hop.location)), ...secretValues(queryPairs(hop.request.url)));
  }
  return found;
}
