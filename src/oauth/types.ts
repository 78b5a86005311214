import type { KeyObject } from 'node:crypto';
import type { Pair } from './form.js';

import type { SignatureMethod } from './methods.js';

export { SIGNATURE_METHODS, METHODS, isSignatureMethod, isRsaMethod, isHmacMethod, methodList, type SignatureMethod, type MethodRow } from './methods.js';

/** Where a signed parameter came from (RFC 5849 §3.4.1.3.1). */
export type ParameterSource = 'query' | 'body' | 'oauth';

export interface SourcedParameter {
  readonly name: string;
  readonly value: string;
  readonly source: ParameterSource;
}

/** A request body as it will travel. Only form bodies contribute parameters. */
export interface RequestBody {
  readonly contentType: string;
  readonly content: string;
}

export interface ClientCredentials {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  /** PEM text (or a loaded key) for RSA-SHA1, RSA-SHA256, RSA-SHA512. */
  readonly privateKey?: string | KeyObject | undefined;
}

export interface TokenCredentials {
  readonly token: string;
  readonly tokenSecret: string;
}

export interface SignInput {
  readonly method: string;
  readonly url: string;
  readonly client: ClientCredentials;
  readonly token?: TokenCredentials | undefined;
  readonly signatureMethod: SignatureMethod;
  readonly timestamp: string;
  readonly nonce: string;
  readonly callback?: string | undefined;
  readonly verifier?: string | undefined;
  readonly realm?: string | undefined;
  /** Further oauth_* protocol parameters, e.g. oauth_session_handle. */
  readonly extraProtocolParameters?: readonly Pair[] | undefined;
  readonly body?: RequestBody | undefined;
  /** Send oauth_version=1.0 (optional per RFC 5849 §3.1; default true). */
  readonly includeVersion?: boolean | undefined;
  /**
   * Add oauth_body_hash (OAuth Request Body Hash draft): `true` unless the body
   * is a form (draft §3.2), `'always'` for every body, forms too (Mastercard's
   * convention); no body hashes the empty string.
   */
  readonly bodyHash?: boolean | 'always' | undefined;
}

/** Everything computed to sign one request: the working as well as the result. */
export interface SignedRequest {
  readonly method: string;
  /** As given. */
  readonly url: string;
  /** As sent: the normalised form the base string was computed from (base-string.ts wireUrl). */
  readonly wireUrl: string;
  readonly baseUri: string;
  /** In normalised (sorted) order. */
  readonly parameters: readonly SourcedParameter[];
  readonly normalizedParameters: string;
  readonly baseString: string;
  readonly signatureMethod: SignatureMethod;
  readonly signature: string;
  /** The protocol parameters as sent, oauth_signature included. */
  readonly protocolParameters: readonly Pair[];
  readonly realm: string | undefined;
  /** The Authorization header value. */
  readonly authorization: string;
  readonly body: RequestBody | undefined;
}
