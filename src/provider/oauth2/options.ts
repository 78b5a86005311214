// What `serve --oauth2` is started with, and the live settings (fault
// switches) the engine reads through functions on every request, so the admin
// endpoint can change them without a restart.

export const OAUTH2_DIALECTS = ['rfc6749', 'google', 'entra', 'github', 'keycloak', 'auth0', 'x'] as const;
export type OAuth2DialectName = (typeof OAUTH2_DIALECTS)[number];

export function isOAuth2DialectName(value: string): value is OAuth2DialectName {
  return (OAUTH2_DIALECTS as readonly string[]).includes(value);
}

/** RFC 8252 §7.3: a native client's loopback redirect URI matches on any port; `exact` compares the whole URI. */
type RedirectMatching = 'loopback-any-port' | 'exact';

export interface OAuth2ClientRegistration {
  readonly clientId: string;
  /** Absent for a public client (token_endpoint_auth_method none). */
  readonly secret?: string;
  /** Made by the provider because none was given: printed in full so it can be used. */
  readonly generated?: boolean;
  readonly redirectUris?: readonly string[];
  /** Public keys for private_key_jwt (RFC 7523 §2.2), a JWK Set. */
  readonly jwks?: { readonly keys: readonly Record<string, unknown>[] };
  /** No secret, only keys: the client authenticates with private_key_jwt alone. */
  readonly privateKeyJwtOnly?: boolean;
}

export interface OAuth2Settings {
  dialect: OAuth2DialectName;
  /** Approve every authorisation without the login and consent page (CI). */
  autoApprove: boolean;
  /** The consent page (or auto-approval) answers access_denied (RFC 6749 §4.1.2.1). */
  consentDenied: boolean;
  codeTtlSec: number;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  /** Refresh tokens rotate; a used one presented again revokes the grant (OAuth 2.0 Security BCP §4.14.2). */
  rotateRefreshToken: boolean;
  /** PKCE required for every client, confidential ones too (RFC 7636; the engine requires it of public clients anyway). */
  pkceRequired: boolean;
  redirectMatching: RedirectMatching;
  /** The provider's clock, ahead (+) or behind (−) the real one, in seconds. */
  clockSkewSec: number;
  /** RFC 8628 §3.2 `interval` the device authorization answer asks for; a poll sooner than it gets slow_down (§3.5). */
  deviceIntervalSec: number;
  /** Delay added to the token endpoint's answers. */
  tokenSlowMs: number;
  /** The token endpoint answers this 5xx status instead (an outage). */
  tokenFailure?: 500 | 502 | 503;
}

export const OAUTH2_DEFAULTS = {
  // RFC 6749 §4.1.2 recommends at most 10 minutes for a code; the engine's default is 60 s.
  codeTtlSec: 60,
  accessTokenTtlSec: 3600,
  refreshTokenTtlSec: 14 * 24 * 3600,
  deviceCodeTtlSec: 600,
  // RFC 8628 §3.2: "If no value is provided, clients MUST use 5 as the default."
  deviceIntervalSec: 5,
} as const;

export interface OAuth2ProviderOptions {
  readonly host?: string;
  /** 0 or absent: a free port. */
  readonly port?: number;
  readonly clients?: readonly OAuth2ClientRegistration[];
  readonly settings?: Partial<OAuth2Settings>;
}

export function initialSettings(given: Partial<OAuth2Settings> = {}): OAuth2Settings {
  return {
    dialect: 'rfc6749',
    autoApprove: false,
    consentDenied: false,
    codeTtlSec: OAUTH2_DEFAULTS.codeTtlSec,
    accessTokenTtlSec: OAUTH2_DEFAULTS.accessTokenTtlSec,
    refreshTokenTtlSec: OAUTH2_DEFAULTS.refreshTokenTtlSec,
    rotateRefreshToken: true,
    pkceRequired: false,
    redirectMatching: 'loopback-any-port',
    clockSkewSec: 0,
    deviceIntervalSec: OAUTH2_DEFAULTS.deviceIntervalSec,
    tokenSlowMs: 0,
    ...given,
  };
}
