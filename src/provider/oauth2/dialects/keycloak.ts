// Keycloak (/realms/{realm}/protocol/openid-connect/token): RFC 6749 codes
// with Keycloak's own descriptions, compact JSON, from its TokenEndpoint,
// TokenManager and client authenticators.
import { KEYCLOAK_PAGES } from './pages.js';
import { jsonDialect, type JsonRow, type RedirectRow } from './types.js';

const TOKEN_ENDPOINT = 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/protocol/oidc/endpoints/TokenEndpoint.java';
const TOKEN_MANAGER = 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/protocol/oidc/TokenManager.java';
const JWT_AUTHENTICATOR = 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/authentication/authenticators/client/JWTClientAuthenticator.java';

const ROWS: readonly JsonRow[] = [
  // A code used twice, unknown or forged: "Code not valid" (and the first session is detached).
  { causes: ['code-reused', 'code-not-found'], status: 400, error: 'invalid_grant', description: 'Code not valid', source: TOKEN_ENDPOINT, basis: 'documented' },
  { causes: ['code-expired'], status: 400, error: 'invalid_grant', description: 'Code is expired', source: TOKEN_ENDPOINT, basis: 'documented' },
  { causes: ['client-mismatch'], status: 400, error: 'invalid_grant', description: 'Auth error', source: TOKEN_ENDPOINT, basis: 'documented' },
  { causes: ['code-redirect-mismatch'], status: 400, error: 'invalid_grant', description: 'Incorrect redirect_uri', source: TOKEN_ENDPOINT, basis: 'documented' },
  { causes: ['pkce-mismatch'], status: 400, error: 'invalid_grant', description: 'PKCE verification failed: Invalid code verifier', source: 'https://github.com/mescon/Muximux/issues/456', basis: 'observed' },
  { causes: ['pkce-missing'], status: 400, error: 'invalid_grant', description: 'PKCE code verifier not specified', source: TOKEN_ENDPOINT, basis: 'documented' },
  // Refresh token rotation ("Revoke Refresh Token" with max reuse 0): a replay is refused and the session ends.
  { causes: ['refresh-reused'], status: 400, error: 'invalid_grant', description: 'Maximum allowed refresh token reuse exceeded', source: TOKEN_MANAGER, basis: 'documented' },
  { causes: ['refresh-expired'], status: 400, error: 'invalid_grant', description: 'Token is not active', source: TOKEN_MANAGER, basis: 'documented' },
  { causes: ['refresh-not-found'], status: 400, error: 'invalid_grant', description: 'Invalid refresh token', source: TOKEN_MANAGER, basis: 'documented' },
  { causes: ['grant-revoked'], status: 400, error: 'invalid_grant', description: 'Session not active', source: TOKEN_ENDPOINT, basis: 'documented' },
  // Keycloak 24+ (older ones said unauthorized_client with the same words).
  { causes: ['client-secret-wrong', 'client-unknown', 'client-auth-missing', 'client-auth-method'], status: 401, error: 'invalid_client', description: 'Invalid client or Invalid client credentials', source: 'https://github.com/lbormann/darts-caller/issues/29', basis: 'observed' },
  { causes: ['assertion-not-yet-valid', 'assertion-expired'], status: 400, error: 'invalid_client', description: 'Client authentication with signed JWT failed: Token is not active', source: JWT_AUTHENTICATOR, basis: 'documented' },
  { causes: ['assertion-replayed'], status: 400, error: 'invalid_client', description: 'Client authentication with signed JWT failed: Token reuse detected', source: JWT_AUTHENTICATOR, basis: 'inferred' },
  { causes: ['assertion-invalid'], status: 400, error: 'invalid_client', description: 'Client authentication with signed JWT failed: Signature on JWT token failed validation', source: JWT_AUTHENTICATOR, basis: 'inferred' },
  { causes: ['unsupported-grant-type'], status: 400, error: 'unsupported_grant_type', description: 'Unsupported grant_type', source: TOKEN_ENDPOINT, basis: 'documented' },
];

/** Keycloak's denial redirect carries its own description. */
const REDIRECTS: readonly RedirectRow[] = [];

export const keycloakDialect = jsonDialect('keycloak', ROWS, REDIRECTS, { pages: KEYCLOAK_PAGES });
