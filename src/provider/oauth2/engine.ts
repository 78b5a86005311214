// panva's oidc-provider (OpenID Certified), the engine behind `serve --oauth2`.
// 8.8.1 is the last line that supports Node 20 (9.0.0 removed it). It is an
// ES module only, so it is loaded through importEsm, and only by the commands
// that run the provider: other commands' start-up never reads it.
import type * as oidc from 'oidc-provider';
import type { Configuration, default as Provider } from 'oidc-provider';
import { importEsm } from '../../esm/import-esm.js';

export type OidcModule = typeof oidc;
export type OidcProvider = Provider;
export type OidcConfiguration = Configuration;

let loaded: Promise<OidcModule> | undefined;

export function loadEngine(): Promise<OidcModule> {
  loaded ??= importEsm<OidcModule>('oidc-provider');
  return loaded;
}
