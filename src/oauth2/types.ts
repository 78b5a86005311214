/**
 * The OAuth 2.0 client's values (issue 18). Steps are data: each leg of a
 * grant is named by an OAuth2Step (the diagnosis's own list). Values a step
 * produces are branded (oauth4webapi's habit, as for OAuth 1.0a in
 * src/flow/types.ts): the code exchange only takes an AuthorizationCode that
 * came out of a checked callback, a refresh only a TokenSet's refresh token.
 * The brands exist only for the type checker.
 */
import type { ClientAuthMethod, OAuth2Step } from '../diagnose/oauth2/types.js';

export type { ClientAuthMethod, OAuth2Step };

declare const brand: unique symbol;
type Branded<T, B extends string> = T & { readonly [brand]: B };

/** A code from a callback whose state (and iss, when sent) checked out (RFC 6749 §4.1.2, RFC 9207 §2.4). */
export type AuthorizationCode = Branded<
  {
    readonly code: string;
    /** ms since the epoch when the callback arrived: the code's age is measured from here. */
    readonly receivedAt: number;
    readonly iss?: string | undefined;
  },
  'AuthorizationCode'
>;

/** A successful token response (RFC 6749 §5.1). */
export type TokenSet = Branded<
  {
    readonly accessToken: string;
    readonly tokenType: string;
    readonly expiresIn?: number | undefined;
    readonly refreshToken?: string | undefined;
    readonly scope?: string | undefined;
    readonly idToken?: string | undefined;
    /** Other members, as sent (strings and numbers only; secrets among them are masked by name). */
    readonly extra: Readonly<Record<string, unknown>>;
  },
  'TokenSet'
>;

/** A device authorization response (RFC 8628 §3.2). */
export type DeviceAuthorization = Branded<
  {
    readonly deviceCode: string;
    readonly userCode: string;
    readonly verificationUri: string;
    readonly verificationUriComplete?: string | undefined;
    readonly expiresIn: number;
    readonly interval?: number | undefined;
  },
  'DeviceAuthorization'
>;

/** Only this layer's parsers mint branded values. */
export function mintCode(value: Omit<AuthorizationCode, typeof brand>): AuthorizationCode {
  return value as AuthorizationCode;
}
export function mintTokens(value: Omit<TokenSet, typeof brand>): TokenSet {
  return value as TokenSet;
}
export function mintDevice(value: Omit<DeviceAuthorization, typeof brand>): DeviceAuthorization {
  return value as DeviceAuthorization;
}

/** The endpoints a run may use, from discovery or flags. */
export interface OAuth2Endpoints {
  readonly issuer?: string | undefined;
  readonly authorization?: string | undefined;
  readonly token?: string | undefined;
  readonly deviceAuthorization?: string | undefined;
  readonly par?: string | undefined;
  readonly revocation?: string | undefined;
  readonly introspection?: string | undefined;
  readonly userinfo?: string | undefined;
  readonly jwks?: string | undefined;
}

/** A refusal from an OAuth 2.0 endpoint (RFC 6749 §5.2, §4.1.2.1; RFC 8628 §3.5), as sent. */
export interface OAuth2Refusal {
  readonly error: string;
  readonly description?: string | undefined;
  readonly uri?: string | undefined;
  readonly status?: number | undefined;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refusal: OAuth2Refusal };
