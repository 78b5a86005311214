// Providers as data: presets, profiles, template filling.
export * from './types.js';
export { PRESETS, findPreset } from './presets.js';
export { instantiatePreset, presetOrThrow, netsuiteAccountForms } from './resolve.js';
export { isHttpUrl, readProfile, validateProfile, type ProviderProfile } from './profile.js';
export { OAUTH2_PRESETS, OAUTH2_VARIABLE_FLAGS, findOAuth2Preset, instantiateOAuth2Preset, type OAuth2Preset, type OAuth2PresetVariable } from './oauth2.js';
