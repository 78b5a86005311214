// The request command's options as commander parses them: a leaf of its own, so
// command.ts and the modules it loads lazily both read it without importing
// each other (issue 13: no import cycle).
export interface RequestOptions {
  method?: string;
  data: string[];
  form: string[];
  jsonBody?: string;
  header: string[];
  placement?: string;
  realm?: string;
  bodyHash?: boolean;
  provider?: string;
  as?: string;
  saveCredentials?: string;
  consumerKey?: string;
  consumerSecret?: string;
  token?: string;
  tokenSecret?: string;
  signatureMethod?: string;
  privateKey?: string;
  timeout: string;
  ca?: string;
  json?: boolean;
  lang?: string;
  showSecrets?: boolean;
  /** OAuth 2.0 (issue 18): an access token sent as `Authorization: Bearer` instead of an OAuth 1.0a signature. */
  bearer?: string;
  refreshOn401?: boolean;
}
