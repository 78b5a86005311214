// The serve command's options as commander parses them: a leaf of its own, so
// command.ts and the modules it loads lazily both read it without importing
// each other (issue 13: no import cycle).
export interface ServeOptions {
  port?: string;
  host: string;
  allowRemote?: boolean;
  consumer: string[];
  consumersFile?: string;
  rsaConsumer: string[];
  throttle: string[];
  reject: string[];
  oobOnly: string[];
  dialect: string;
  autoApprove?: boolean;
  requestTokenTtl?: string;
  accessTokenTtl?: string;
  sessionTtl?: string;
  tokenRetention?: string;
  renew: boolean;
  clockSkew?: string;
  timestampWindow?: string;
  signatureMethods?: string;
  outage?: string | boolean;
  slow?: string;
  authorizeLimit?: string;
  authorizeMarksUsed?: boolean;
  state?: string;
  showSecrets?: boolean;
  json?: boolean;
  // serve --oauth2 (issue 19)
  oauth2?: boolean;
  client?: string[];
  publicClient?: string[];
  clientJwks?: string[];
  redirectUri?: string[];
  codeTtl?: string;
  refreshTokenTtl?: string;
  rotateRefresh?: boolean;
  requirePkce?: boolean;
  requirePar?: boolean;
  consentDenied?: boolean;
  redirectMatching?: string;
  deviceInterval?: string;
}
