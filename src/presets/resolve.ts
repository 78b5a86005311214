import { usageError } from '../errors.js';
import { unknownProviderError } from './lookup.js';
import { findPreset } from './presets.js';
import type { ProviderPreset } from './types.js';

export interface PresetVariables {
  /** `--base-url`: a self-hosted instance (Jira, Magento) or the embedded provider's URL. */
  readonly base?: string | undefined;
  /** `--account`: a NetSuite account ID, e.g. 123456 or 123456_SB1. */
  readonly account?: string | undefined;
}

/**
 * NetSuite writes one account ID two ways [reference §4 NetSuite]: the realm
 * keeps it as issued, upper case with an underscore (123456_SB1); the host
 * uses lower case with a hyphen (123456-sb1). Getting either wrong gives
 * INVALID_LOGIN, so both come from the one value here.
 */
export function netsuiteAccountForms(account: string): { host: string; realm: string } {
  return { host: account.toLowerCase().replace(/_/g, '-'), realm: account.toUpperCase().replace(/-/g, '_') };
}

function fill(template: string, variables: PresetVariables, preset: ProviderPreset, flagFor: (v: string) => string): string {
  return template.replace(/\{(base|account|realm)\}/g, (_m, name: string) => {
    if (name === 'base') {
      if (!variables.base) throw usageError('missing-base-url', `the ${preset.name} preset needs the address of your instance`, `pass ${flagFor('base')} https://your-instance.example.com`);
      return variables.base.replace(/\/+$/, '');
    }
    if (!variables.account) throw usageError('missing-account', `the ${preset.name} preset needs your account ID`, `pass ${flagFor('account')} 123456 (sandbox: 123456_SB1)`);
    const forms = netsuiteAccountForms(variables.account);
    return name === 'account' ? forms.host : forms.realm;
  });
}

/** A preset with its templates filled. */
export function instantiatePreset(preset: ProviderPreset, variables: PresetVariables): ProviderPreset {
  const flagFor = (v: string) => (v === 'base' ? '--base-url' : '--account');
  const f = (t: string) => fill(t, variables, preset, flagFor);
  return {
    ...preset,
    requestTokenUrl: f(preset.requestTokenUrl),
    authorizeUrl: f(preset.authorizeUrl),
    accessTokenUrl: f(preset.accessTokenUrl),
    resourceUrl: preset.resourceUrl === undefined ? undefined : f(preset.resourceUrl),
    realm: preset.realm === undefined ? undefined : f(preset.realm),
  };
}

export function presetOrThrow(name: string): ProviderPreset {
  const preset = findPreset(name);
  if (!preset) throw unknownProviderError(name);
  return preset;
}
