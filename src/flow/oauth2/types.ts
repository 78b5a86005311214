import type { DoctorError } from '../../errors.js';
import type { HttpExchange, HttpRequest } from '../../http/types.js';
import type { OAuth2Evidence } from '../../diagnose/oauth2/types.js';
import type { Ledger } from '../../diagnose/oauth2/ledger.js';
import type { AssertionAudience, ClientAuthSource, ClientIdentity, SupportedAuthMethod } from '../../oauth2/client-auth.js';
import type { ServerMetadata } from '../../oauth2/discovery.js';
import type { PkceMethod } from '../../oauth2/pkce.js';
import type { DeviceAuthorization, OAuth2Endpoints, OAuth2Refusal, OAuth2Step, TokenSet } from '../../oauth2/types.js';
import type { AuthorizeMode } from '../types.js';
import type { OAuth2Preset } from '../../presets/oauth2.js';
import type { LoopbackListener } from './loopback.js';
import type { FlowNote } from '../notes.js';

/** The grant a run performs (issue 18 item 1). */
export type OAuth2Grant = 'code' | 'device' | 'client-credentials' | 'refresh';
/** Steps after the grant, in the order given (`--then userinfo,introspect,refresh,revoke`). */
export type AfterStep = 'userinfo' | 'introspect' | 'refresh' | 'revoke';
export const AFTER_STEPS: readonly AfterStep[] = ['userinfo', 'introspect', 'refresh', 'revoke'];

/** A step's name: the diagnosis's steps, the JWKS fetch an ID token needs, and a JWT access token's reading (never a refusal). */
export type OAuth2StepName = OAuth2Step | 'jwks' | 'access-token';

export type OAuth2Callback = { readonly kind: 'loopback'; readonly port?: number | undefined; readonly host?: '127.0.0.1' | 'localhost' | undefined } | { readonly kind: 'url'; readonly url: string };

export interface OAuth2FlowConfig {
  /** Preset or `custom`. */
  readonly provider: string;
  /** Discovery from here, when given (`--issuer`). */
  readonly issuer?: string | undefined;
  /** Endpoints given one by one: they win over discovery's. */
  readonly endpoints: OAuth2Endpoints;
  readonly client: ClientIdentity;
  readonly clientAuth: SupportedAuthMethod;
  /** `flag`: --client-auth said so; otherwise discovery's token_endpoint_auth_methods_supported may choose another (RFC 8414 §2). */
  readonly clientAuthSource?: ClientAuthSource | undefined;
  readonly assertionAudience: AssertionAudience;
  readonly assertionAlg?: string | undefined;
  readonly grant: OAuth2Grant;
  readonly scope?: string | undefined;
  readonly pkce: PkceMethod | 'off';
  readonly callback: OAuth2Callback;
  readonly authorize: AuthorizeMode;
  readonly refreshToken?: string | undefined;
  readonly then: readonly AfterStep[];
  /** PAR (RFC 9126): when the server requires it (`auto`), always, or never. */
  readonly par: 'auto' | 'always' | 'never';
  /** The provider's code lifetime, when known (for the code's age). */
  readonly codeLifetimeSec?: number | undefined;
  /** Extra authorization request parameters (prompt, audience, …). */
  readonly authorizeParams?: readonly (readonly [string, string])[] | undefined;
  /** Extra token request parameters (audience for Auth0's client credentials, …). */
  readonly tokenParams?: readonly (readonly [string, string])[] | undefined;
  /** A failure reproduced on purpose (`--exchange-twice`, `--token-redirect-uri`, `--code-verifier`). */
  readonly rehearsal?: Rehearsal | undefined;
  /** The preset the run was made from, for its notes and quirks. */
  readonly preset?: OAuth2Preset | undefined;
  /** What the person should know before the run (a profile readable by others, a secret variable not set). */
  readonly warnings?: readonly string[] | undefined;
  /** `--provider FILE`: the OAuth 2.0 profile the run was made from. */
  readonly profile?: string | undefined;
  /** Issuers the metadata may name instead of the one asked (a preset's documented tenant issuer). */
  readonly acceptedIssuers?: readonly string[] | undefined;
}

/**
 * What a rehearsal changes in the code exchange. The evidence records what
 * was really sent, so the diagnosis reads the rehearsed failure as it would
 * read the same mistake made by an application.
 */
export interface Rehearsal {
  /** Exchange the code a second time after the first exchange (a doubled callback, a retried request). */
  readonly exchangeTwice: boolean;
  /** The redirect_uri sent to the token endpoint instead of the authorised one. */
  readonly tokenRedirectUri?: string | undefined;
  /** The code_verifier sent instead of the one made for the challenge (a lost or mixed-up verifier). */
  readonly codeVerifier?: string | undefined;
}

/** Something worked out on the way, shown beside the step (PKCE, the assertion's claims, the rotation). */
export interface Working {
  readonly label: string;
  readonly value: string;
  /** A credential: masked when shown. */
  readonly secret?: boolean | undefined;
}

export interface OAuth2StepRecord {
  readonly name: OAuth2StepName;
  readonly title: string;
  readonly ok: boolean;
  /** What was sent and what came back; discovery has one per well-known URL. */
  readonly exchanges: readonly HttpExchange[];
  /** The request as built, when nothing came back (a network error) or nothing was sent (print mode). */
  readonly request?: HttpRequest | undefined;
  readonly ms?: number | undefined;
  readonly working: readonly Working[];
  /** Checks and observations, each with its kind (passed, failed, a warning, a remark). */
  readonly notes: readonly FlowNote[];
  /** A device-token poll the flow waited out (RFC 8628 §3.5): the answer's error, authorization_pending or slow_down. */
  readonly waitedOut?: 'authorization_pending' | 'slow_down' | undefined;
  readonly error?: { readonly code: string; readonly message: string } | undefined;
}

interface OAuth2Failure {
  readonly step: OAuth2StepName;
  readonly refusal: OAuth2Refusal;
  readonly exchange?: HttpExchange | undefined;
}

export interface OAuth2Outcome {
  readonly ok: boolean;
  readonly steps: readonly OAuth2StepRecord[];
  readonly metadata?: ServerMetadata | undefined;
  readonly tokens?: TokenSet | undefined;
  /** A refresh that rotated: the token sent and the one received. */
  readonly rotation?: { readonly from: string; readonly to: string } | undefined;
  readonly introspection?: Readonly<Record<string, unknown>> | undefined;
  readonly userinfo?: Readonly<Record<string, unknown>> | undefined;
  readonly failure?: OAuth2Failure | undefined;
  /** A failure of the run itself (network, timeout, Ctrl-C, usage). */
  readonly error?: DoctorError | undefined;
  readonly evidence: OAuth2Evidence;
}

export interface OAuth2Observer {
  stepStarting?(name: OAuth2StepName, title: string, request: HttpRequest | undefined): void;
  stepDone?(step: OAuth2StepRecord): void;
  /** Values to mask from now on. */
  secret?(value: string): void;
  authorizeUrl?(url: string, opened: boolean): void;
  device?(device: DeviceAuthorization): void;
}

export interface OAuth2Io {
  now(): number;
  random(bytes: number): Uint8Array;
  send(request: HttpRequest, options?: { maxRedirects?: number }): Promise<HttpExchange>;
  startLoopback(port: number | undefined, host: '127.0.0.1' | 'localhost' | undefined): Promise<LoopbackListener>;
  sleep(ms: number): Promise<void>;
  openBrowser(url: string): Promise<boolean>;
  /** The person pastes the URL the browser was sent to (a registered redirect URI that is not ours). */
  askCallbackUrl(): Promise<string>;
  readonly waitTimeoutMs: number;
  readonly observer?: OAuth2Observer | undefined;
  /** `--step`: called before each step goes on the wire (once per step, not per poll or redirect); absent: no pauses. */
  pause?(name: OAuth2StepName, title: string): Promise<void>;
  /** The reuse ledger (fingerprints only); absent: none kept. */
  readonly ledger?: { load(): Ledger; save(ledger: Ledger): void } | undefined;
}
