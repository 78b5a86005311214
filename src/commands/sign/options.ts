// The sign command's options as commander parses them: a leaf of its own, so
// command.ts and the modules it loads lazily both read it without importing
// each other (issue 13: no import cycle).
export interface SignOptions {
  url?: string;
  method?: string;
  consumerKey?: string;
  consumerSecret?: string;
  token?: string;
  tokenSecret?: string;
  callback?: string;
  verifier?: string;
  data?: string;
  contentType?: string;
  bodyHash?: boolean;
  signatureMethod?: string;
  privateKey?: string;
  realm?: string;
  timestamp?: string;
  nonce?: string;
  version: boolean;
  showSecrets?: boolean;
  json?: boolean;
}
