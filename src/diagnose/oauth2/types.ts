/**
 * What an OAuth 2.0 session knows when a step fails: filled by `flow`'s
 * OAuth 2 legs (a live run) and by `inspect` (a capture), read by
 * diagnoseOAuth2. Every field is optional: the diagnosis ranks with what
 * there is. Tokens, codes and verifiers never appear here — only their
 * fingerprints (fingerprintToken) and the PKCE challenge, which is public.
 */

/** The steps of an OAuth 2.0 session, named as data (not an OAuth 1.0a leg enum). */
export type OAuth2Step =
  | 'discovery'
  | 'par'
  | 'authorize'
  | 'callback'
  | 'token'
  | 'refresh'
  | 'client-credentials'
  | 'device-authorization'
  | 'device-token'
  | 'revocation'
  | 'introspection'
  | 'userinfo'
  | 'resource';

/** RFC 6749 §2.3, RFC 7523 §2.2, OpenID Connect Core §9: how the client authenticated at the token endpoint. */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'client_secret_jwt' | 'private_key_jwt' | 'none' | 'tls_client_auth' | 'self_signed_tls_client_auth';

/** The authorization request as sent (RFC 6749 §4.1.1, RFC 7636 §4.3). */
interface AuthorizeEvidence {
  /** ms since the epoch. */
  readonly at?: number | undefined;
  readonly redirectUri?: string | undefined;
  /** `state` is a CSRF value, not a credential: kept as sent so a capture's two legs can be compared. */
  readonly state?: string | undefined;
  readonly codeChallenge?: string | undefined;
  readonly codeChallengeMethod?: 'S256' | 'plain' | undefined;
  readonly scope?: string | undefined;
  readonly clientId?: string | undefined;
  /** No person was at the page: the client followed the redirects itself (`flow --authorize http`). */
  readonly automatic?: boolean | undefined;
  /** The authorization endpoint answered this error status itself instead of redirecting back (RFC 6749 §4.1.2.1). */
  readonly pageStatus?: number | undefined;
  /** Pushed first (PAR, RFC 9126 §2) and sent as a request_uri; false: sent straight to the authorization endpoint. */
  readonly pushed?: boolean | undefined;
}

/** The redirect back (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207). */
interface CallbackEvidence {
  readonly at?: number | undefined;
  readonly state?: string | undefined;
  readonly iss?: string | undefined;
  /** Fingerprint of the code it carried. */
  readonly code?: string | undefined;
  /** `error` of an error redirect (access_denied, consent_required, …). */
  readonly error?: string | undefined;
}

/** A client assertion's times and audience (RFC 7523 §3), seconds since the epoch by the client's clock. */
interface AssertionEvidence {
  readonly iat?: number | undefined;
  readonly nbf?: number | undefined;
  readonly exp?: number | undefined;
  readonly aud?: string | readonly string[] | undefined;
}

/** The token request as sent (RFC 6749 §4.1.3, §6; RFC 8628 §3.4). */
interface TokenRequestEvidence {
  readonly at?: number | undefined;
  readonly grantType?: string | undefined;
  readonly redirectUri?: string | undefined;
  /** Fingerprint of the code exchanged. */
  readonly code?: string | undefined;
  /** Fingerprint of the refresh token presented. */
  readonly refreshToken?: string | undefined;
  /**
   * The challenge the verifier sent works out to, under the authorize step's
   * method (pkceChallenge); `null` when no code_verifier was sent. Compared
   * with AuthorizeEvidence.codeChallenge: the verifier itself is never kept.
   */
  readonly verifierChallenge?: string | null | undefined;
  readonly clientAuth?: ClientAuthMethod | undefined;
  readonly assertion?: AssertionEvidence | undefined;
  readonly status?: number | undefined;
}

/** What the local ledger knew of a code or refresh token before this use (ledger.ts). */
export interface PriorUse {
  /** Earlier uses, ms since the epoch, oldest first (this use excluded). */
  readonly uses: readonly number[];
  /** A refresh token that was answered with a new one (rotated) before. */
  readonly rotated?: boolean | undefined;
  /** A token of this refresh family was replayed after rotation at this time: reuse detection revokes the family. */
  readonly familyReplayedAt?: number | undefined;
  /** Revoked by oauth-doctor itself (RFC 7009), at this time. */
  readonly revokedAt?: number | undefined;
}

/** One refresh seen in this session, oldest first. */
export interface RefreshEvent {
  readonly at: number;
  /** Fingerprints of the token sent and the one issued (absent when not rotated, or when it failed). */
  readonly sent: string;
  readonly issued?: string | undefined;
  readonly status?: number | undefined;
}

/** The provider's metadata (RFC 8414 §2, OpenID Connect Discovery §3), the parts the diagnosis compares with. */
interface MetadataEvidence {
  readonly issuer?: string | undefined;
  readonly tokenEndpoint?: string | undefined;
  readonly tokenEndpointAuthMethods?: readonly string[] | undefined;
  readonly codeChallengeMethods?: readonly string[] | undefined;
  readonly grantTypes?: readonly string[] | undefined;
  readonly scopes?: readonly string[] | undefined;
  /** RFC 9126 §5: the server takes authorization requests only through PAR. */
  readonly requirePushedAuthorizationRequests?: boolean | undefined;
}

/** The device grant as run (RFC 8628 §3.2, §3.5). */
interface DeviceEvidence {
  /** When the device authorization response came, ms since the epoch. */
  readonly issuedAt?: number | undefined;
  readonly expiresInSec?: number | undefined;
  /** The interval the server asked for, seconds (default 5, RFC 8628 §3.2). */
  readonly intervalSec?: number | undefined;
  /** Each poll of the token endpoint, oldest first, with the error it got. */
  readonly polls?: readonly { readonly at: number; readonly error?: string | undefined }[] | undefined;
}

export interface OAuth2Evidence {
  /** When the failure was observed, ms since the epoch. */
  readonly observedAt?: number | undefined;
  /** A provider id of the knowledge base (`google`, `entra`, `local-oauth2`, …). */
  readonly provider?: string | undefined;
  readonly issuer?: string | undefined;
  readonly failedStep?: OAuth2Step | undefined;
  /** The provider's authorization-code lifetime in seconds, when known (else RFC 6749 §4.1.2's 10-minute ceiling is assumed). */
  readonly codeLifetimeSec?: number | undefined;
  /** server clock − local clock, seconds, measured from a `Date` header. */
  readonly clockOffsetSec?: number | undefined;
  /** Clock tolerance the server applies to assertions, seconds (oauth4webapi and many servers: 30). */
  readonly clockToleranceSec?: number | undefined;
  readonly authorize?: AuthorizeEvidence | undefined;
  readonly callback?: CallbackEvidence | undefined;
  readonly token?: TokenRequestEvidence | undefined;
  readonly refreshes?: readonly RefreshEvent[] | undefined;
  readonly ledger?: { readonly code?: PriorUse | undefined; readonly refreshToken?: PriorUse | undefined } | undefined;
  readonly metadata?: MetadataEvidence | undefined;
  readonly scopeGranted?: string | undefined;
  readonly device?: DeviceEvidence | undefined;
  /** The request was OAuth 2.0 by construction (oauth-doctor sent it, or the capture shows grant_type / Bearer). */
  readonly oauth2Request?: boolean | undefined;
}
