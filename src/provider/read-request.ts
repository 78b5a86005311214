import { parseAuthorizationHeader } from '../oauth/authorization-header.js';
import { isFormBody } from '../oauth/base-string.js';
import { parseForm, parseQuery, type Pair } from '../oauth/form.js';
import { percentEncode } from '../oauth/percent-encode.js';
import type { RequestBody } from '../oauth/types.js';
import { fail, type Failure } from './failure.js';

/** A request as the enforcement rules see it: text, already decoded from bytes. */
export interface ReceivedRequest {
  readonly method: string;
  /** Absolute URL rebuilt from the Host header and the request-target. */
  readonly url: string;
  /** Every Authorization header value received. */
  readonly authorization: readonly string[];
  readonly body: RequestBody | undefined;
}

type ProtocolLocation = 'header' | 'body' | 'query' | 'none';

/** The protocol parameters of one request, read from the one place they may be (RFC 5849 §3.5). */
export interface ProtocolParameters {
  readonly values: ReadonlyMap<string, string>;
  readonly location: ProtocolLocation;
  /** Header parameters as received (for collectParameters), `realm` excluded. */
  readonly headerPairs: readonly Pair[];
  readonly query: readonly Pair[];
  readonly form: readonly Pair[];
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** True when a run of %XX escapes decodes to bytes that are not UTF-8 (RFC 5849 §3.6 requires UTF-8). */
function hasNonUtf8Escapes(text: string): boolean {
  for (const run of text.match(/(?:%[0-9A-Fa-f]{2})+/g) ?? []) {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    try {
      fatalUtf8.decode(bytes);
    } catch {
      return true;
    }
  }
  return false;
}

const isProtocol = ([name]: Pair) => name.startsWith('oauth_');

function duplicatedNames(pairs: readonly Pair[]): string[] {
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const [name] of pairs) (seen.has(name) ? duplicated : seen).add(name);
  return [...duplicated];
}

/** oauth_parameters_rejected: the offending parameters written as a query string (Problem Reporting). */
function rejected(pairs: readonly Pair[], advice: string, detail: 'duplicated-parameter' | 'unexpected-parameter' | 'malformed-authorization'): Failure {
  const asQuery = pairs.map(([n, v]) => `${percentEncode(n)}=${percentEncode(v)}`).join('&');
  return fail('parameter_rejected', { parameters: asQuery ? [['oauth_parameters_rejected', asQuery]] : [], advice, detail });
}

function readHeader(values: readonly string[]): { pairs: Pair[] } | Failure {
  const oauthValues = values.filter((v) => /^\s*OAuth\b/i.test(v));
  if (oauthValues.length > 1) return rejected([], 'Send one Authorization header, not several.', 'duplicated-parameter');
  const value = oauthValues[0];
  if (value === undefined) return { pairs: [] };
  if (hasNonUtf8Escapes(value)) return fail('parameter_rejected', { advice: 'The Authorization header has percent-escapes that are not UTF-8 (RFC 5849 §3.6).', detail: 'not-utf8' });
  const parsed = parseAuthorizationHeader(value);
  const unreadable = parsed?.defects.find((d) => d.startsWith('cannot read'));
  if (!parsed || unreadable) {
    return fail('parameter_rejected', { advice: `The Authorization header is malformed (${unreadable ?? 'unreadable'}): write OAuth name="value", name="value" (RFC 5849 §3.5.1).`, detail: 'malformed-authorization' });
  }
  const stray = parsed.parameters.filter((p) => !isProtocol(p));
  if (stray.length > 0) return rejected(stray, 'Only oauth_* parameters and realm belong in the Authorization header (RFC 5849 §3.5.1).', 'unexpected-parameter');
  return { pairs: parsed.parameters };
}

/**
 * Reads the protocol parameters from the Authorization header, a form body
 * or the query (RFC 5849 §3.5.1–§3.5.3). They must come from one place and
 * each only once; otherwise the request is refused with 400
 * parameter_rejected (RFC 5849 §3.2 "duplicated protocol parameter").
 */
export function readProtocolParameters(request: ReceivedRequest): ProtocolParameters | Failure {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return fail('parameter_rejected', { advice: 'The Host header or the request-target cannot form a URL.', detail: 'bad-host' });
  }
  const form = request.body && isFormBody(request.body) ? request.body.content : '';
  if (hasNonUtf8Escapes(url.search) || hasNonUtf8Escapes(form)) {
    return fail('parameter_rejected', { advice: 'Parameters must be UTF-8 before percent-encoding (RFC 5849 §3.6).', detail: 'not-utf8' });
  }
  const header = readHeader(request.authorization);
  if ('problem' in header) return header;
  const query = parseQuery(url.search);
  const formPairs = parseForm(form);
  const sources: [ProtocolLocation, Pair[]][] = [
    ['header', header.pairs],
    ['body', formPairs.filter(isProtocol)],
    ['query', query.filter(isProtocol)],
  ];
  const used = sources.filter(([, pairs]) => pairs.length > 0);
  if (used.length > 1) {
    const [, second] = used[1] ?? ['none', []];
    return rejected(second, `Protocol parameters were sent in ${used.map(([where]) => where).join(' and ')}: use only one place (RFC 5849 §3.5).`, 'duplicated-parameter');
  }
  const [location, pairs] = used[0] ?? ['none', []];
  const duplicated = duplicatedNames(pairs);
  if (duplicated.length > 0) {
    return rejected(pairs.filter(([n]) => duplicated.includes(n)), `Protocol parameters were sent twice: ${duplicated.join(', ')} (RFC 5849 §3.2).`, 'duplicated-parameter');
  }
  return { values: new Map(pairs), location, headerPairs: header.pairs, query, form: formPairs };
}
