import type { Environment } from '../../cli/environment.js';
import type { OAuth2Credential } from '../../credentials/store.js';
import { saveCredential } from '../../credentials/store.js';
import type { HttpExchange, HttpRequest } from '../../http/types.js';
import { applyClientAuth, type SupportedAuthMethod } from '../../oauth2/client-auth.js';
import { formPost, refreshPairs } from '../../oauth2/requests.js';
import { parseTokenResponse } from '../../oauth2/responses.js';
import type { OAuth2Refusal, TokenSet } from '../../oauth2/types.js';
import type { OAuth2Profile } from '../../presets/oauth2-profile.js';

const AUTH: Record<string, SupportedAuthMethod> = { basic: 'client_secret_basic', post: 'client_secret_post', none: 'none', 'client-secret-jwt': 'client_secret_jwt' };

/** What a refresh needs (RFC 6749 §6), from the saved credential, the OAuth 2.0 profile and the environment; or why it cannot be done. */
export interface RefreshPlan {
  readonly refreshToken: string;
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret?: string | undefined;
  readonly clientAuth: SupportedAuthMethod;
}

/** A plan whose token endpoint is still to be discovered from the issuer (RFC 8414 §3: an issuer-only profile or credential). */
export type RefreshPlanning = (Omit<RefreshPlan, 'tokenEndpoint'> & { readonly tokenEndpoint?: string | undefined; readonly issuer?: string | undefined }) | string;

export function planRefresh(env: Environment, credential: OAuth2Credential | undefined, profile: OAuth2Profile | undefined): RefreshPlanning {
  const refreshToken = credential?.refreshToken ?? (env.env['OAUTH2_REFRESH_TOKEN'] || undefined);
  if (refreshToken === undefined) return 'no refresh token (the saved credential has none; or set OAUTH2_REFRESH_TOKEN)';
  const tokenEndpoint = profile?.preset.endpoints?.token ?? credential?.tokenEndpoint;
  // A preset's issuer with a {tenant} left in it is no URL to discover.
  const named = profile?.preset.issuer ?? credential?.issuer;
  const issuer = named !== undefined && !named.includes('{') ? named : undefined;
  if (tokenEndpoint === undefined && issuer === undefined) return 'no token endpoint and no issuer to discover it from (give --provider FILE, an OAuth 2.0 profile with "issuer" or "endpoints.token")';
  const clientId = profile?.flags.clientId ?? credential?.clientId ?? (env.env['OAUTH2_CLIENT_ID'] || undefined);
  if (clientId === undefined) return 'no client id (the profile\'s clientId or OAUTH2_CLIENT_ID)';
  const clientSecret = (env.env['OAUTH2_CLIENT_SECRET'] || undefined) ?? profile?.clientSecret?.value;
  const auth = profile?.flags.clientAuth === undefined ? undefined : AUTH[profile.flags.clientAuth];
  // RFC 6749 §2.3.1: Basic with a secret; a public client sends its client_id (§3.2.1).
  return { refreshToken, tokenEndpoint, issuer, clientId, clientSecret, clientAuth: auth ?? (clientSecret === undefined ? 'none' : 'client_secret_basic') };
}

export interface RefreshResult {
  readonly request: HttpRequest;
  readonly exchange: HttpExchange;
  readonly tokens?: TokenSet | undefined;
  readonly refusal?: OAuth2Refusal | undefined;
}

/** RFC 6749 §6: one refresh; the caller registers the new tokens as secrets before showing anything. */
export async function sendRefresh(plan: RefreshPlan, now: number, jti: string, send: (request: HttpRequest) => Promise<HttpExchange>): Promise<RefreshResult> {
  const auth = await applyClientAuth(plan.clientAuth, { clientId: plan.clientId, clientSecret: plan.clientSecret }, { audience: 'token-endpoint', tokenEndpoint: plan.tokenEndpoint, now: Math.floor(now / 1000), jti });
  const request = formPost(plan.tokenEndpoint, refreshPairs(plan.refreshToken, undefined), auth);
  const exchange = await send(request);
  const parsed = parseTokenResponse(exchange.response);
  return parsed.ok ? { request, exchange, tokens: parsed.value } : { request, exchange, refusal: parsed.refusal };
}

/** `--as NAME`: the refreshed tokens replace the saved ones (a rotated refresh token must not be sent again, RFC 9700 §4.14.2). */
export function saveRefreshed(env: Environment, name: string, credential: OAuth2Credential, tokens: TokenSet): string {
  return saveCredential(env.env, name, {
    ...credential,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken ?? credential.refreshToken,
    scope: tokens.scope ?? credential.scope,
    expiresAt: tokens.expiresIn === undefined ? undefined : new Date(env.now() + tokens.expiresIn * 1000).toISOString(),
    savedAt: new Date(env.now()).toISOString(),
  });
}
