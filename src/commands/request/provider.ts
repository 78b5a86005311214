import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Environment } from '../../cli/environment.js';
import { providerForUrl } from '../../knowledge/providers.js';
import { findPreset, presetOrThrow, readProfile, type ProviderPreset, type ProviderProfile } from '../../presets/index.js';

export interface RequestProvider {
  readonly preset: ProviderPreset | undefined;
  readonly profile?: ProviderProfile | undefined;
  /** How it was chosen, for the narration. */
  readonly from: 'flag' | 'credential' | 'url' | 'none';
}

/**
 * Whose conventions sign the call (signature method, realm, body hash):
 * --provider NAME|FILE, else the provider the saved credential was made
 * with, else the one the URL's host belongs to (knowledge/providers.ts),
 * else none.
 */
export function resolveRequestProvider(flag: string | undefined, credentialProvider: string | undefined, url: string, env: Environment): RequestProvider {
  if (flag !== undefined) {
    if (!findPreset(flag) && existsSync(resolve(env.cwd, flag))) {
      const profile = readProfile(flag, env.cwd);
      return { preset: profile.preset, profile, from: 'flag' };
    }
    return { preset: presetOrThrow(flag), from: 'flag' };
  }
  const saved = credentialProvider === undefined ? undefined : findPreset(credentialProvider);
  if (saved) return { preset: saved, from: 'credential' };
  const known = providerForUrl(url);
  const preset = known ? findPreset(known.id) : undefined;
  return preset ? { preset, from: 'url' } : { preset: undefined, from: 'none' };
}
