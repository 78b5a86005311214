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
  /** RFC 9126 §5: authorization requests only by a pushed request's request_uri (require_pushed_authorization_requests). */
  parRequired: boolean;
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
  /** The redirect URIs of every client registered without its own, the generated demo client included (default: loopback /callback, any port). */
  readonly redirectUris?: readonly string[];
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
    parRequired: false,
    redirectMatching: 'loopback-any-port',
    clockSkewSec: 0,
    deviceIntervalSec: OAUTH2_DEFAULTS.deviceIntervalSec,
    tokenSlowMs: 0,
    ...given,
  };
}

export type NumberSettingName = 'codeTtlSec' | 'accessTokenTtlSec' | 'refreshTokenTtlSec' | 'clockSkewSec' | 'deviceIntervalSec' | 'tokenSlowMs';

interface NumberSettingBound {
  readonly min: number;
  readonly max: number;
  readonly unit: 's' | 'ms';
  /** Why the bounds are where they are. */
  readonly why: string;
}

const DAY_SEC = 24 * 3600;

/**
 * The range of each numeric fault switch, for its flag and for POST
 * /admin/settings alike. A lifetime of 0 is a token dead as it is made (the
 * engine would issue it); a skew or a delay past these is no rehearsal of
 * anything a real provider does. The engine counts lifetimes in whole seconds.
 */
export const NUMBER_SETTING_BOUNDS: Readonly<Record<NumberSettingName, NumberSettingBound>> = {
  // RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED."
  codeTtlSec: { min: 1, max: DAY_SEC, unit: 's', why: 'RFC 6749 §4.1.2 recommends at most 10 minutes' },
  accessTokenTtlSec: { min: 1, max: 366 * DAY_SEC, unit: 's', why: 'a token must live at least a second' },
  refreshTokenTtlSec: { min: 1, max: 366 * DAY_SEC, unit: 's', why: 'a token must live at least a second' },
  // Time zones put a misset clock at most 14 h off (UTC+14, UTC−12); a day covers a wrong date too.
  clockSkewSec: { min: -DAY_SEC, max: DAY_SEC, unit: 's', why: 'a clock off by more than a day is a wrong date, not skew' },
  // RFC 8628 §3.2: the device code lives OAUTH2_DEFAULTS.deviceCodeTtlSec; an interval must leave room for polls.
  deviceIntervalSec: { min: 1, max: 60, unit: 's', why: `the device code lives ${OAUTH2_DEFAULTS.deviceCodeTtlSec} s (RFC 8628 §3.2)` },
  tokenSlowMs: { min: 0, max: 10 * 60 * 1000, unit: 'ms', why: 'every client gives up long before 10 minutes' },
};

function shownAmount(value: number, unit: 's' | 'ms'): string {
  const seconds = unit === 'ms' ? value / 1000 : value;
  const abs = Math.abs(seconds);
  const text = abs >= DAY_SEC && abs % DAY_SEC === 0 ? `${abs / DAY_SEC} d` : abs >= 3600 && abs % 3600 === 0 ? `${abs / 3600} h` : abs >= 60 && abs % 60 === 0 ? `${abs / 60} min` : unit === 'ms' && abs < 1 ? `${abs * 1000} ms` : `${abs} s`;
  return seconds < 0 ? `−${text}` : text;
}

/** The allowed range in words, e.g. "1 s to 1 d". */
export function settingRange(name: NumberSettingName): string {
  const { min, max, unit } = NUMBER_SETTING_BOUNDS[name];
  return `${shownAmount(min, unit)} to ${shownAmount(max, unit)}`;
}

/** Why a value cannot be this setting (a whole number in its unit, inside its bounds), or undefined when it can. */
export function settingProblem(name: NumberSettingName, value: number): string | undefined {
  const { min, max, unit, why } = NUMBER_SETTING_BOUNDS[name];
  if (!Number.isInteger(value)) return `must be a whole number of ${unit === 'ms' ? 'milliseconds' : 'seconds'}`;
  if (value < min || value > max) return `must be from ${settingRange(name)} (${why})`;
  return undefined;
}
