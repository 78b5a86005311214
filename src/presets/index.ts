// Providers as data: presets, profiles, template filling.
export * from './types.js';
export { PRESETS, findPreset } from './presets.js';
export { instantiatePreset, presetOrThrow, netsuiteAccountForms, type PresetVariables } from './resolve.js';
export { isHttpUrl, readProfile, validateProfile, type ProviderProfile } from './profile.js';
