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
  loaded ??= withoutRuntimeWarning(() => importEsm<OidcModule>('oidc-provider'));
  return loaded;
}

/**
 * The engine warns "Unsupported runtime" when it loads on a Node with no LTS
 * codename (`process.release.lts`): a line before its LTS date, such as 26.x
 * now, or an odd one. 8.8.1 passes the whole suite on 20, 22, 24 and 26
 * (.ci/run), so that line would only alarm; any other warning still shows.
 */
async function withoutRuntimeWarning<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) return;
    warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}
