// The paths `serve --oauth2` answers at: a leaf of its own, so the engine's
// configuration (config.ts) and the node:http edge (server.ts) both read them
// without importing each other (issue 13: no import cycle).

export const ROUTES = {
  authorization: '/auth',
  token: '/token',
  userinfo: '/me',
  jwks: '/jwks',
  revocation: '/token/revocation',
  introspection: '/token/introspection',
  deviceAuthorization: '/device/auth',
  deviceVerification: '/device',
  pushedAuthorizationRequest: '/request',
  openidConfiguration: '/.well-known/openid-configuration',
  // RFC 8414 §3: the same metadata at the OAuth 2.0 path.
  oauthAuthorizationServer: '/.well-known/oauth-authorization-server',
} as const;

/** Where the engine sends the browser for login and consent; served by our own page (interaction.ts). */
export const INTERACTION_PATH = '/interaction/';
