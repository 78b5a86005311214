// The dialect layer of `serve --oauth2`: the engine refuses as it always
// does (its checks untouched), and on the way out its answer is rewritten in
// the wire shape of the provider being played. The cause is the engine's own
// server event for that request ("grant.error" with "authorization code
// already consumed", …), not its wire text, so a translation never guesses.
import type { errors, KoaContextWithOIDC } from 'oidc-provider';
import { decodeJwt } from 'jose';
import type { OidcProvider } from '../engine.js';
import type { OAuth2DialectName, OAuth2Settings } from '../options.js';
import { auth0Dialect } from './auth0.js';
import { causeOf, type EngineCause, type EngineRefusal } from './cause.js';
import { entraDialect } from './entra.js';
import { githubDialect } from './github.js';
import { googleDialect } from './google.js';
import { keycloakDialect } from './keycloak.js';
import type { OAuth2Dialect, RefusalFacts, WireAnswer } from './types.js';
import { xDialect } from './x.js';

export { causeOf, ENGINE_CAUSES, type EngineCause, type EngineRefusal } from './cause.js';
export type { OAuth2Dialect, RefusalFacts, WireAnswer } from './types.js';

/** rfc6749 is the engine's own answers: no table. */
export const OAUTH2_DIALECT_WRITERS: Readonly<Record<Exclude<OAuth2DialectName, 'rfc6749'>, OAuth2Dialect>> = {
  google: googleDialect,
  entra: entraDialect,
  github: githubDialect,
  keycloak: keycloakDialect,
  auth0: auth0Dialect,
  x: xDialect,
};

/** The engine's error events whose answers a dialect may rewrite (oidc-provider lib/helpers/initialize_app.js). */
const REFUSAL_EVENTS = ['grant.error', 'device_authorization.error', 'revocation.error', 'introspection.error', 'pushed_authorization_request.error', 'authorization.error'] as const;

/** Endpoints where a provider answers every cause in its dialect; elsewhere only client authentication. */
const GRANT_ROUTES = new Set(['token', 'device_authorization']);
const CLIENT_CAUSES: ReadonlySet<EngineCause> = new Set(['client-unknown', 'client-secret-wrong', 'client-auth-method', 'client-auth-missing', 'assertion-not-yet-valid', 'assertion-expired', 'assertion-replayed', 'assertion-invalid']);

type EngineError = Pick<errors.OIDCProviderError, 'error' | 'error_description' | 'error_detail'>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The ground truth of one refusal from the engine's error and the request it refused. */
export function refusalOf(err: EngineError, params: Readonly<Record<string, unknown>>): EngineRefusal {
  return { error: err.error, detail: err.error_detail ?? err.error_description ?? '', hasCodeVerifier: text(params['code_verifier']) !== '' };
}

function assertionTimes(assertion: string): RefusalFacts['assertion'] {
  if (assertion === '') return undefined;
  try {
    const { iat, nbf, exp } = decodeJwt(assertion);
    return { iat, nbf, exp };
  } catch {
    return undefined;
  }
}

function factsOf(ctx: KoaContextWithOIDC, params: Readonly<Record<string, unknown>>): RefusalFacts {
  return {
    clientId: ctx.oidc.client?.clientId ?? text(params['client_id']),
    redirectUri: text(params['redirect_uri']),
    grantType: text(params['grant_type']),
    assertion: assertionTimes(text(params['client_assertion'])),
    now: Date.now(),
    accept: ctx.get('accept'),
    registeredRedirectUri: ctx.oidc.client?.redirectUris?.[0],
    state: text(params['state']),
  };
}

/** The dialect's answer for a refusal at this endpoint, or undefined to keep the engine's. */
export function dialectAnswer(dialect: OAuth2Dialect, route: string, cause: EngineCause, facts: RefusalFacts): WireAnswer | undefined {
  if (!GRANT_ROUTES.has(route) && !CLIENT_CAUSES.has(cause)) return undefined;
  // GitHub has no revocation or introspection endpoint to imitate.
  if (!GRANT_ROUTES.has(route) && dialect.name === 'github') return undefined;
  return dialect.answer(cause, facts);
}

function rewriteRedirect(ctx: KoaContextWithOIDC, dialect: OAuth2Dialect, cause: EngineCause, facts: RefusalFacts): void {
  const location = ctx.response.get('location');
  if (!location || !URL.canParse(location)) return;
  const url = new URL(location);
  if (!url.searchParams.has('error')) return;
  const params = dialect.redirect(cause, facts);
  if (!params) return;
  for (const name of ['error', 'error_description', 'error_uri']) url.searchParams.delete(name);
  // RFC 6749 §4.1.2.1: error first, then what the provider adds; state and iss stay as the engine set them.
  const rest = [...url.searchParams];
  url.search = new URLSearchParams([...Object.entries(params), ...rest]).toString();
  ctx.redirect(url.toString());
}

/** The provider's own error page for a request it cannot redirect (or GitHub's redirect to the registered callback). */
function rewritePage(ctx: KoaContextWithOIDC, dialect: OAuth2Dialect, cause: EngineCause, facts: RefusalFacts): void {
  const answer = dialect.page?.(cause, facts);
  if (!answer) return;
  if ('location' in answer) {
    ctx.status = answer.status;
    ctx.redirect(answer.location);
    return;
  }
  ctx.body = answer.body;
  ctx.type = answer.contentType;
  ctx.status = answer.status;
}

function rewrite(ctx: KoaContextWithOIDC, err: EngineError, dialect: OAuth2Dialect): void {
  const params = (ctx.oidc.params ?? {}) as Readonly<Record<string, unknown>>;
  const cause = causeOf(refusalOf(err, params));
  const facts = factsOf(ctx, params);
  if (cause === 'authorize-redirect-unregistered') return rewritePage(ctx, dialect, cause, facts);
  if (ctx.status >= 300 && ctx.status < 400) return rewriteRedirect(ctx, dialect, cause, facts);
  // Only the engine's JSON error object; an HTML error page (a browser's Accept) stays as it is.
  if (typeof ctx.body !== 'object' || ctx.body === null || !('error' in ctx.body)) return;
  const answer = dialectAnswer(dialect, ctx.oidc.route, cause, facts);
  if (!answer) return;
  ctx.body = answer.body;
  ctx.type = answer.contentType;
  ctx.status = answer.status;
  // RFC 6749 §5.2 keeps the scheme challenge on a 401, but not the engine's own words in it.
  const challenge = ctx.response.get('www-authenticate');
  if (answer.status !== 401) ctx.remove('www-authenticate');
  else if (challenge) ctx.set('www-authenticate', challenge.replace(/,\s*error(?:_description)?="[^"]*"/g, ''));
}

/**
 * Hooks the dialect layer into an engine: the engine's error events record
 * the refusal of each request, and a middleware (placed by provider.use()
 * around all of the engine's own) rewrites that request's answer in the
 * dialect `settings.dialect` names at the time of the request.
 */
export function installDialects(engine: OidcProvider, settings: Readonly<OAuth2Settings>): void {
  const refusals = new WeakMap<object, EngineError>();
  const remember = (ctx: KoaContextWithOIDC, err: errors.OIDCProviderError): void => void refusals.set(ctx, err);
  for (const event of REFUSAL_EVENTS) engine.on(event, remember);
  engine.use(async (ctx, next) => {
    await next();
    if (settings.dialect === 'rfc6749') return;
    const err = refusals.get(ctx);
    if (err === undefined) return;
    rewrite(ctx as unknown as KoaContextWithOIDC, err, OAUTH2_DIALECT_WRITERS[settings.dialect]);
  });
}
