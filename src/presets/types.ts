import type { LegTransports } from '../flow/types.js';
import type { SignatureMethod } from '../oauth/types.js';

/** How a provider writes its errors; the diagnostics module reads them all, this is a hint for people. */
export type ErrorDialect = 'problem-reporting' | 'x' | 'oauthlib' | 'jira' | 'flickr' | 'netsuite' | 'magento' | 'json' | 'unknown';

/**
 * A provider as data: its three endpoints and the rules it is known to
 * enforce. URL templates may hold `{base}` (a self-hosted instance, e.g.
 * Jira) or `{account}` (NetSuite); `--base-url` / `--account` fill them.
 */
export interface ProviderPreset {
  readonly name: string;
  /** Other names `--provider` takes (`twitter` for `x`). */
  readonly aliases?: readonly string[] | undefined;
  readonly title: string;
  readonly requestTokenUrl: string;
  readonly authorizeUrl: string;
  readonly accessTokenUrl: string;
  /** A protected resource to call once the flow is done, when the provider has an obvious one. */
  readonly resourceUrl?: string | undefined;
  readonly signatureMethod: SignatureMethod;
  /** Signature methods the provider accepts, when it is known to refuse others. */
  readonly signatureMethods?: readonly SignatureMethod[] | undefined;
  /** realm for the Authorization header (NetSuite: the account ID). */
  readonly realm?: string | undefined;
  /** Query parameter that carries `--scope` on the request-token leg (Hatena: `scope`). */
  readonly scopeParameter?: string | undefined;
  /** Documented request-token lifetime, seconds. */
  readonly requestTokenLifetimeSec?: number | undefined;
  /** Documented accepted clock difference, seconds. */
  readonly timestampWindowSec?: number | undefined;
  readonly dialect: ErrorDialect;
  /**
   * `always`: every request carries oauth_body_hash, of the body or of the
   * empty string on a GET, forms included (Mastercard). Undefined: only with --body-hash.
   */
  readonly bodyHash?: 'always' | undefined;
  /** false: the provider has no three-legged flow (calls are signed with the consumer's key alone); its endpoint URLs are empty. */
  readonly threeLegged?: false | undefined;
  /** Per-leg method and parameter placement, for providers that want other than POST and the header (issue 15 item 18). */
  readonly transports?: LegTransports | undefined;
  /** The authorise URL carries oauth_callback (Garmin; OAuth Core 1.0 §6.2.1). */
  readonly authorizeCallback?: boolean | undefined;
  /** The callback the provider insists on (E*TRADE: oob unless one is registered with it). */
  readonly callback?: string | undefined;
  /** Short facts worth showing before the flow starts. */
  readonly notes: readonly string[];
}
