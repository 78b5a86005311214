// The presets command's options as commander parses them (a leaf, as codes/options.ts).
export interface PresetsOptions {
  json?: boolean;
}
