// The flow command's options as commander parses them: a leaf of its own, so
// command.ts and the modules it loads lazily both read it without importing
// each other (issue 13: no import cycle).
export interface FlowOptions {
  provider?: string;
  requestTokenUrl?: string;
  authorizeUrl?: string;
  accessTokenUrl?: string;
  resourceUrl?: string;
  baseUrl?: string;
  account?: string;
  consumerKey?: string;
  consumerSecret?: string;
  signatureMethod?: string;
  privateKey?: string;
  callback?: string;
  callbackPort?: string;
  callbackHost?: string;
  requestTokenMethod?: string;
  accessTokenMethod?: string;
  resourceMethod?: string;
  oauthParams?: string;
  authorize?: string;
  verifier?: string;
  realm?: string;
  scope?: string;
  probe?: boolean;
  step?: boolean;
  verbose?: boolean;
  json?: boolean;
  save?: string;
  saveCredentials?: string;
  timeout: string;
  waitTimeout: string;
  ca?: string;
  lang?: string;
  showSecrets?: boolean;
  // OAuth 2.0 (issue 18): any of --issuer, --client-id, --grant, --token-endpoint makes the run OAuth 2.0.
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  grant?: string;
  clientAuth?: string;
  keyId?: string;
  assertionAud?: string;
  assertionAlg?: string;
  refreshToken?: string;
  pkce?: string;
  par?: string | true;
  then?: string;
  codeLifetime?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  deviceAuthorizationEndpoint?: string;
  parEndpoint?: string;
  revocationEndpoint?: string;
  introspectionEndpoint?: string;
  userinfoEndpoint?: string;
  jwksUri?: string;
  tenant?: string;
  domain?: string;
  authorizeParam?: string[];
  tokenParam?: string[];
  // Rehearsals: a failure reproduced on purpose, diagnosed as any other.
  exchangeTwice?: boolean;
  tokenRedirectUri?: string;
  codeVerifier?: string;
}
