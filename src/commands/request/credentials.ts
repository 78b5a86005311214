import type { Environment } from '../../cli/environment.js';
import { resolveCredentials, type ResolvedCredentials } from '../../cli/credentials.js';
import type { OAuth1Credential } from '../../credentials/store.js';
import { usageError } from '../../errors.js';
import type { ProviderPreset, ProviderProfile } from '../../presets/index.js';
import type { RequestOptions } from './options.js';

export interface RequestCredentials extends ResolvedCredentials {
  /** `--as NAME`, when one was used. */
  readonly named?: string | undefined;
}

/**
 * Credentials, first found wins per field: a flag, `--as NAME` (a saved
 * credential), the OAUTH_* variables, a `--provider FILE` profile; the
 * signature method: the flag, the credential's, the provider's, HMAC-SHA1.
 * One resolver does the work (cli/credentials.ts): the credential fills in
 * for flags, the profile for the variables.
 */
export async function resolveRequestCredentials(options: RequestOptions, env: Environment, named: OAuth1Credential | undefined, preset: ProviderPreset | undefined, profile: ProviderProfile | undefined): Promise<RequestCredentials> {
  const flags = {
    consumerKey: options.consumerKey ?? named?.consumerKey,
    consumerSecret: options.consumerSecret ?? named?.consumerSecret,
    token: options.token ?? named?.token,
    tokenSecret: options.tokenSecret ?? named?.tokenSecret,
    privateKey: options.privateKey ?? named?.privateKeyFile,
    signatureMethod: options.signatureMethod ?? named?.signatureMethod ?? preset?.signatureMethod,
  };
  const fromProfile: Record<string, string | undefined> = {
    OAUTH_CONSUMER_KEY: profile?.consumerKey,
    OAUTH_CONSUMER_SECRET: profile?.consumerSecret,
    OAUTH_PRIVATE_KEY_FILE: profile?.privateKeyFile,
  };
  // The environment's other members are getters (streams, the signal): read lazily, never copied.
  const layered = Object.create(env, { env: { value: { ...fromProfile, ...env.env } } }) as Environment;
  const resolved = await resolveCredentials(flags, layered);
  if (resolved.tokenSecret !== undefined && resolved.token === undefined) throw usageError('missing-token', 'a token secret was given without a token', 'pass --token or set OAUTH_TOKEN');
  return { ...resolved, named: options.as };
}
