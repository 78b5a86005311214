import { endpointsOf, lintMetadata, readMetadata, wellKnownUrls, type MetadataAsk, type ServerMetadata } from '../../oauth2/discovery.js';
import type { HttpExchange } from '../../http/types.js';
import { chooseClientAuth } from '../../oauth2/client-auth.js';
import type { OAuth2Endpoints } from '../../oauth2/types.js';
import type { Session } from './session.js';
import { Stop } from './session.js';
import type { OAuth2FlowConfig } from './types.js';
import { failed, note, passed, warning, type FlowNote } from '../notes.js';

const GRANT_TYPES: Record<OAuth2FlowConfig['grant'], string> = {
  code: 'authorization_code',
  'client-credentials': 'client_credentials',
  refresh: 'refresh_token',
  device: 'urn:ietf:params:oauth:grant-type:device_code',
};

/** What the run asks of the metadata (for the lint). */
function askOf(config: OAuth2FlowConfig, clientAuth: string = config.clientAuth, scope: string | undefined = config.scope): MetadataAsk {
  const endpoints: MetadataAsk['endpoints'][number][] = ['token_endpoint'];
  if (config.grant === 'code') endpoints.push('authorization_endpoint');
  if (config.grant === 'device') endpoints.push('device_authorization_endpoint');
  if (config.then.includes('userinfo')) endpoints.push('userinfo_endpoint');
  if (config.then.includes('introspect')) endpoints.push('introspection_endpoint');
  if (config.then.includes('revoke')) endpoints.push('revocation_endpoint');
  if (config.par === 'always') endpoints.push('pushed_authorization_request_endpoint');
  return {
    grantType: GRANT_TYPES[config.grant],
    clientAuth,
    pkceMethod: config.grant === 'code' && config.pkce !== 'off' ? config.pkce : undefined,
    scopes: scope?.split(' ').filter(Boolean),
    endpoints: endpoints.filter((name) => !given(config.endpoints, name)),
    noPar: config.par === 'never',
  };
}

function given(endpoints: OAuth2Endpoints, member: string): boolean {
  const map: Record<string, keyof OAuth2Endpoints> = {
    token_endpoint: 'token',
    authorization_endpoint: 'authorization',
    device_authorization_endpoint: 'deviceAuthorization',
    userinfo_endpoint: 'userinfo',
    introspection_endpoint: 'introspection',
    revocation_endpoint: 'revocation',
    pushed_authorization_request_endpoint: 'par',
  };
  const key = map[member];
  return key !== undefined && endpoints[key] !== undefined;
}

/**
 * Discovery (RFC 8414 §3, OpenID Connect Discovery §4): both well-known
 * URLs are read; the first whose document parses and names the issuer asked
 * for is used. Both exchanges are kept, so a server that answers only one,
 * or answers the two differently, is shown as it is.
 */
export async function discover(session: Session, issuer: string): Promise<{ metadata: ServerMetadata; endpoints: OAuth2Endpoints }> {
  const exchanges: HttpExchange[] = [];
  const notes: FlowNote[] = [];
  let chosen: ServerMetadata | undefined;
  let slashOnly: ServerMetadata | undefined;
  for (const wellKnown of wellKnownUrls(issuer)) {
    const exchange = await session.send('discovery', { method: 'GET', url: wellKnown.url, headers: { accept: 'application/json' } });
    exchanges.push(exchange);
    if (exchange.response.status !== 200) {
      notes.push(note(`${wellKnown.kind}: ${exchange.response.status}`));
      continue;
    }
    const reading = readMetadata(exchange.response.body, issuer);
    if (!reading.ok) notes.push(failed(`${wellKnown.kind}: ${reading.reason === 'no-issuer' ? 'no issuer in the document' : 'not a JSON object'}`));
    else if (reading.issuer === 'same') {
      notes.push(passed(`${wellKnown.kind}: issuer matches`));
      chosen ??= reading.metadata;
    } else if (reading.metadata.issuer === session.config.preset?.issuerTemplate) {
      // Entra ID's multi-tenant metadata names a template, not an issuer: known, accepted, and the ID token's iss is checked against it filled.
      notes.push(warning(`${wellKnown.kind}: issuer is the template "${reading.metadata.issuer}" (${session.config.preset.name}'s multi-tenant endpoints): the ID token's iss is checked with its own tenant`));
      chosen ??= reading.metadata;
    } else if (session.config.acceptedIssuers?.includes(reading.metadata.issuer)) {
      // Microsoft documents consumers' metadata as naming the consumer tenant's issuer: the ID token's iss is checked against that.
      notes.push(warning(`${wellKnown.kind}: issuer is "${reading.metadata.issuer}", the issuer ${session.config.preset?.name ?? 'the preset'} documents for this tenant: the ID token's iss is checked against it`));
      chosen ??= reading.metadata;
    } else {
      notes.push(failed(`${wellKnown.kind}: issuer is "${reading.metadata.issuer}", not "${issuer}" (RFC 8414 §3.3)`));
      if (reading.issuer === 'slash-only') slashOnly ??= reading.metadata;
    }
  }
  const metadata = chosen;
  if (metadata === undefined) {
    const last = exchanges.at(-1);
    const hint = slashOnly ? `the two differ by the trailing slash alone: pass --issuer ${slashOnly.issuer}` : 'check --issuer, or give the endpoints one by one (--token-endpoint, --authorization-endpoint, …)';
    session.record({ name: 'discovery', ok: false, exchanges, working: [], notes, error: { code: 'discovery-failed', message: `no metadata document for the issuer ${issuer}; ${hint}` } });
    throw new Stop('discovery', { error: slashOnly ? 'discovery-issuer-mismatch' : 'discovery-failed', description: hint, status: last?.response.status }, last);
  }
  // No scope given to a grant with a person, and an OpenID Connect server (scopes_supported lists openid; or, without the list, the
  // ID token algorithms OIDC Discovery §3 makes REQUIRED): ask for openid alone, as OpenIddict's client and openid-client do.
  // Without it OIDC Core §3.1.2.1 leaves the behaviour unspecified (oidc-provider grants nothing: access_denied).
  const grant = session.config.grant;
  if (session.scope === undefined && (grant === 'code' || grant === 'device') && (metadata.scopes_supported?.includes('openid') ?? metadata.id_token_signing_alg_values_supported !== undefined)) {
    session.scope = 'openid';
    notes.push(note('scope openid: no --scope was given, and the server speaks OpenID Connect (--scope chooses another)'));
  }
  if (session.config.clientAuthSource !== undefined && session.config.clientAuthSource !== 'flag') {
    const c = session.config.client;
    const choice = chooseClientAuth(session.config.clientAuth, metadata.token_endpoint_auth_methods_supported, { secret: c.clientSecret !== undefined, key: c.privateKey !== undefined });
    session.clientAuth = choice.method;
    session.clientAuthFromMetadata = true;
    notes.push(note(`client auth ${choice.method}: ${choice.reason} (--client-auth overrides)`));
  }
  for (const finding of lintMetadata(metadata, askOf(session.config, session.clientAuth, session.scope))) notes.push(finding.severity === 'error' ? failed(finding.message) : warning(finding.message));
  session.evidence.metadata = {
    issuer: metadata.issuer,
    tokenEndpoint: metadata.token_endpoint,
    tokenEndpointAuthMethods: metadata.token_endpoint_auth_methods_supported,
    codeChallengeMethods: metadata.code_challenge_methods_supported,
    grantTypes: metadata.grant_types_supported,
    scopes: metadata.scopes_supported,
    requirePushedAuthorizationRequests: metadata.require_pushed_authorization_requests,
  };
  session.record({ name: 'discovery', ok: true, exchanges, ms: exchanges.reduce((sum, e) => sum + e.totalMs, 0), working: [], notes });
  return { metadata, endpoints: { ...endpointsOf(metadata), ...definedOnly(session.config.endpoints) } };
}

function definedOnly(endpoints: OAuth2Endpoints): OAuth2Endpoints {
  return Object.fromEntries(Object.entries(endpoints).filter(([, v]) => v !== undefined)) as OAuth2Endpoints;
}
