import type { Placement } from '../oauth/placement.js';
import type { Pair } from '../oauth/form.js';
import type { ClientCredentials, SignatureMethod, SignedRequest } from '../oauth/types.js';
import type { HttpExchange, HttpRequest } from '../http/types.js';
import type { DetectedProblem, Leg } from '../diagnose/types.js';
import type { ExchangeReading } from '../exchange/reading.js';
import type { DoctorError } from '../errors.js';
import type { CallbackHost, CallbackListener } from './callback-listener.js';
import type { FlowNote } from './notes.js';

/**
 * Branded values (oauth4webapi's habit): a leg only accepts what the leg
 * before it produced, so the legs cannot be run out of order or fed a token
 * from the wrong step. The brands exist only for the type checker.
 */
declare const brand: unique symbol;
type Branded<T, B extends string> = T & { readonly [brand]: B };

/** Temporary credentials (RFC 5849 §2.1), from a parsed request-token response. */
export type RequestToken = Branded<
  {
    readonly token: string;
    readonly secret: string;
    readonly callbackConfirmed: boolean;
    /** Other fields of the response (e.g. xoauth_request_auth_url), as sent. */
    readonly extra: readonly Pair[];
  },
  'RequestToken'
>;

/**
 * A request token the resource owner approved, with its verifier (RFC 5849
 * §2.2). An OAuth 1.0 provider (before 1.0a) sends no verifier: undefined.
 */
export type AuthorizedRequestToken = Branded<
  {
    readonly requestToken: RequestToken;
    readonly verifier: string | undefined;
  },
  'AuthorizedRequestToken'
>;

/** Token credentials (RFC 5849 §2.3). */
export type AccessToken = Branded<
  {
    readonly token: string;
    readonly secret: string;
    /** user_id, screen_name, oauth_session_handle, oauth_expires_in, … as sent. */
    readonly extra: readonly Pair[];
  },
  'AccessToken'
>;

/** Only the parsers of this module mint branded values. */
export function mintRequestToken(value: Omit<RequestToken, typeof brand>): RequestToken {
  return value as RequestToken;
}
export function mintAuthorized(value: Omit<AuthorizedRequestToken, typeof brand>): AuthorizedRequestToken {
  return value as AuthorizedRequestToken;
}
export function mintAccessToken(value: Omit<AccessToken, typeof brand>): AccessToken {
  return value as AccessToken;
}

export type CallbackMode = { readonly kind: 'loopback'; readonly port?: number | undefined; readonly host?: '127.0.0.1' | 'localhost' | undefined } | { readonly kind: 'oob' } | { readonly kind: 'url'; readonly url: string };
export type AuthorizeMode = 'browser' | 'print' | 'http';

export interface FlowEndpoints {
  readonly requestToken: string;
  /**
   * The authorisation endpoint. It may be a template (issue 15 item 19):
   * `{oauth_token}`, `{consumer_key}` and `{oauth_callback}` are filled in
   * (E*TRADE: `…/authorize?key={consumer_key}&token={oauth_token}`); without
   * `{oauth_token}`, oauth_token is added to the query (RFC 5849 §2.2).
   */
  readonly authorize: string;
  readonly accessToken: string;
  readonly resource?: string | undefined;
}

/** Where a leg's OAuth protocol parameters travel (RFC 5849 §3.5: header, form body or query): the one Placement of oauth/placement.ts. */
export type ParameterPlacement = Placement;

/** How one leg is sent (issue 15 item 18): some token endpoints take GET only, some want the parameters in the query. */
export interface LegTransport {
  readonly method?: string | undefined;
  readonly placement?: ParameterPlacement | undefined;
}

export interface LegTransports {
  readonly requestToken?: LegTransport | undefined;
  readonly accessToken?: LegTransport | undefined;
  readonly resource?: LegTransport | undefined;
}

/** Everything the flow needs, resolved from flags, environment, preset and profile. */
export interface FlowConfig {
  /** Preset name (`local`, `x`, …) or profile path. */
  readonly provider: string;
  readonly endpoints: FlowEndpoints;
  readonly client: ClientCredentials;
  readonly signatureMethod: SignatureMethod;
  readonly realm?: string | undefined;
  /** Added to the request-token URL's query (Hatena's `scope`). */
  readonly scope?: { readonly parameter: string; readonly value: string } | undefined;
  readonly callback: CallbackMode;
  readonly authorize: AuthorizeMode;
  /** Given up front (`--verifier`). */
  readonly verifier?: string | undefined;
  /** Probe the authorise page for a known error page before sending a person there. */
  readonly probeAuthorize: boolean;
  readonly requestTokenLifetimeSec?: number | undefined;
  readonly registeredCallback?: string | undefined;
  /** Per-leg method and parameter placement; the default is POST (GET for the resource) with the header. */
  readonly transports?: LegTransports | undefined;
  /**
   * Add oauth_callback to the authorise URL (OAuth Core 1.0 §6.2.1; Garmin
   * redirects to the portal's callback without it). Also done for a
   * provider that did not confirm the callback (OAuth 1.0).
   */
  readonly authorizeCallback?: boolean | undefined;
}

/** A signed request ready to send: the working and the wire form. */
export interface PreparedRequest {
  readonly leg: Leg;
  readonly signed: SignedRequest;
  readonly http: HttpRequest;
}

/**
 * Why a leg did not produce its value (issue 13: a refusal is data, never a
 * sentence to parse). A closed list; the diagnosis and the step's `--json`
 * error read `kind` and `problem`, the person reads `message`.
 */
type LegFailureKind =
  /** The provider answered a signed request with an error status. */
  | 'refused'
  /** The provider answered a signed request with a redirect, which is never followed (RFC 5849 §3.4.1.2: the signature covers the URL). */
  | 'redirected'
  /** A 2xx token response without oauth_token or oauth_token_secret (RFC 5849 §2.1, §2.3). */
  | 'bad-token-body'
  /** The authorise page is an error: an error status or a page the diagnostics module recognises. */
  | 'error-page'
  /** The authorise page waits for a person (`--authorize http`): a situation of oauth-doctor's own, `flow:approval-page`. */
  | 'approval-page'
  /** The authorise page redirected more than 10 times. */
  | 'redirect-loop'
  /** The callback says the person denied access (X's `denied=`). */
  | 'callback-denied'
  /** The callback carries an oauth_problem. */
  | 'callback-problem'
  /** The callback is unusable: no oauth_token, another one than the pending request token, or no oauth_verifier (RFC 5849 §2.2). */
  | 'callback-unusable';

/** What is wrong with an unusable callback. */
export type CallbackDefect = 'no-token' | 'other-token' | 'no-verifier';

export interface LegFailure {
  readonly leg: Leg;
  readonly kind: LegFailureKind;
  /** For `callback-unusable`: what the callback lacks. */
  readonly defect?: CallbackDefect | undefined;
  /**
   * The problem the failure shows: read from the response (or the callback
   * URL) by the diagnostics module, flow's own situation code, or
   * `unrecognised-response`. It is what the diagnosis explains and what the
   * step's `--json` error is coded with.
   */
  readonly problem: DetectedProblem;
  /** What went wrong, in one line for a person (untrusted parts already quoted); shown, never parsed. */
  readonly message: string;
  readonly exchange?: HttpExchange | undefined;
  /** The callback URL that carried the failure (denied=…, oauth_problem=…). */
  readonly callbackUrl?: string | undefined;
}

/** Why a run stopped without the provider's answer to blame: the class of the DoctorError it stopped with. */
type RunStopKind = 'transport' | 'timeout' | 'interrupted' | 'input' | 'internal';

/** A failed step's error: `code` is the detected problem's (token_used, x:89, flow:approval-page, …) or the stopping error's (network-refused, timeout, …). */
export interface StepError {
  readonly code: string;
  readonly kind: LegFailureKind | RunStopKind;
  readonly message: string;
}

export type LegResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: LegFailure };

/** One recorded step of a run. */
export interface FlowStep {
  readonly name: Leg;
  readonly title: string;
  readonly ok: boolean;
  /** The signed request's working, when the step sent a signed request. */
  readonly signed?: SignedRequest | undefined;
  /** What was sent and what came back, when something was sent. */
  readonly exchange?: HttpExchange | undefined;
  /** The one reading of that exchange (src/exchange/reading.ts), made as it arrived. */
  readonly reading?: ExchangeReading | undefined;
  /** Milliseconds on the wire (or waiting, for the callback). */
  readonly ms?: number | undefined;
  /** Observations worth showing (checks passed, remarks). */
  readonly notes: readonly FlowNote[];
  /** The problem, when this step failed. */
  readonly error?: StepError | undefined;
}

/** What the engine needs from the world; run.ts wires the real one, tests their own. */
export interface FlowIo {
  now(): number;
  nonce(): string;
  /** Sends one request (network errors are DoctorErrors). */
  send(request: HttpRequest, options?: { maxRedirects?: number }): Promise<HttpExchange>;
  /** True when a response is a known error (oauth_problem, a known error page…): the diagnostics module decides. */
  recognisesProblem(exchange: HttpExchange): boolean;
  startListener(port: number | undefined, host?: CallbackHost): Promise<CallbackListener>;
  /** How long to wait for the person or the callback. */
  readonly waitTimeoutMs: number;
  readonly person: Person;
  readonly observer?: FlowObserver | undefined;
  /**
   * Issue 15 item 13: the access-token leg refused a PIN the person typed.
   * Resolves with another PIN to try, or undefined to stop (CI, --verifier,
   * not a verifier problem). run.ts decides from the problem's code.
   */
  readonly retryPin?: ((failure: LegFailure, attempt: number) => Promise<string | undefined>) | undefined;
}

/** The person in front of the terminal (or its absence, in CI). */
export interface Person {
  /** `--step`: resolves when the person wants the leg sent. */
  pause(leg: Leg): Promise<void>;
  /** Opens a URL in the browser; false when no browser could be started. */
  openBrowser(url: string): Promise<boolean>;
  /**
   * The PIN (oob), the URL the browser was sent to (a registered callback
   * that is not ours), or an OAuth 1.0 oob approval: Enter, or a PIN after all ('' for none).
   */
  ask(what: 'pin' | 'callback-url' | 'approval'): Promise<string>;
  /** Shows that we are waiting (a spinner on a terminal); returns how to stop showing it. */
  waiting(text: string): () => void;
}

/** Live narration hooks. */
export interface FlowObserver {
  legStarting?(leg: Leg, request?: HttpRequest): void;
  stepDone?(step: FlowStep): void;
  /** The authorise URL, for a person to open (print and browser modes). */
  authorizeUrl?(url: string, opened: boolean | undefined): void;
}

export interface FlowOutcome {
  readonly ok: boolean;
  readonly steps: readonly FlowStep[];
  /** Where it stopped, when the provider refused or answered nonsense. */
  readonly failure?: LegFailure | undefined;
  /** A network, timeout, usage or interrupt error that stopped the run. */
  readonly error?: DoctorError | undefined;
  readonly requestToken?: RequestToken | undefined;
  /** The approved request token and its verifier, once the callback leg is done. */
  readonly authorized?: AuthorizedRequestToken | undefined;
  readonly accessToken?: AccessToken | undefined;
  /** The callback we asked for (oauth_callback). */
  readonly callback?: string | undefined;
  readonly authorizeUrl?: string | undefined;
}
