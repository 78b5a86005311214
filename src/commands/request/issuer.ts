import type { JSONWebKeySet } from 'jose';
import type { HttpExchange, HttpRequest } from '../../http/types.js';
import { readMetadata, wellKnownUrls, type ServerMetadata } from '../../oauth2/discovery.js';
import { jsonObject } from '../../oauth2/responses.js';

type Send = (request: HttpRequest) => Promise<HttpExchange>;

/**
 * What `request` needs from the authorization server when a profile or a
 * saved credential names only its issuer: the metadata (RFC 8414 §3, OpenID
 * Connect Discovery §4, both well-known URLs, the first naming this very
 * issuer, §3.3) for the token endpoint and the JWKS. Every exchange is kept
 * so a refusal can be told; the reason is one line when nothing usable came.
 */
export interface IssuerReading {
  readonly metadata?: ServerMetadata | undefined;
  readonly exchanges: readonly HttpExchange[];
  readonly problem?: string | undefined;
}

export async function discoverIssuer(issuer: string, send: Send): Promise<IssuerReading> {
  const exchanges: HttpExchange[] = [];
  const seen: string[] = [];
  for (const wellKnown of wellKnownUrls(issuer)) {
    const exchange = await send({ method: 'GET', url: wellKnown.url, headers: { accept: 'application/json' } });
    exchanges.push(exchange);
    if (exchange.response.status !== 200) {
      seen.push(`${wellKnown.kind} ${exchange.response.status}`);
      continue;
    }
    const reading = readMetadata(exchange.response.body, issuer);
    if (reading.ok && reading.issuer === 'same') return { metadata: reading.metadata, exchanges };
    seen.push(reading.ok ? `${wellKnown.kind} names the issuer ${reading.metadata.issuer}` : `${wellKnown.kind} ${reading.reason}`);
  }
  return { exchanges, problem: `discovery of ${issuer} found no metadata naming it (${seen.join('; ')})` };
}

/** The JWKS at jwks_uri (RFC 8414 §2), or undefined when it is not one. */
export async function fetchJwks(url: string, send: Send): Promise<{ jwks?: JSONWebKeySet | undefined; exchange: HttpExchange }> {
  const exchange = await send({ method: 'GET', url, headers: { accept: 'application/json' } });
  const body = jsonObject(exchange.response.body);
  return { jwks: exchange.response.status === 200 && Array.isArray(body?.['keys']) ? (body as unknown as JSONWebKeySet) : undefined, exchange };
}
