import { readLive } from '../exchange/reading.js';
import { parseQuery, type Pair } from '../oauth/form.js';
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
 * Every secret a step carries, wherever it sits: what the one reading of
 * its exchange found (src/exchange/reading.ts: tokens and their secrets in
 * the body, form or JSON or quoted in text, the verifier in a redirect's
 * Location, tokens in URLs, a PLAINTEXT signature), what it signed even if it
 * was never sent, and the URLs of redirects followed. The caller registers
 * them with the output's Redactor before anything about the step is printed
 * or saved. (The one place a request token is shown whole is the
 * authorisation URL a person must open in print and browser modes, RFC 5849 §2.2.)
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
    found.push(...(step.reading ?? readLive(exchange, step.name)).secrets);
    for (const hop of exchange.redirects) found.push(...secretValues(queryPairs(hop.location)), ...secretValues(queryPairs(hop.request.url)));
  }
  return found;
}
