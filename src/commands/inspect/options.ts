// The inspect command's options as commander parses them: a leaf of its own, so
// command.ts and the modules it loads lazily both read it without importing
// each other (issue 13: no import cycle).
export interface InspectCommandOptions {
  curl?: string;
  format?: string;
  scheme?: string;
  consumerSecret?: string;
  tokenSecret?: string;
  privateKey?: string;
  publicKey?: string;
  maxSkew?: string;
  lang?: string;
  json?: boolean;
  all?: boolean;
  showSecrets?: boolean;
}
