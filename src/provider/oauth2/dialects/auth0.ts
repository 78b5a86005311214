// Auth0 (/oauth/token): grant refusals are 403 invalid_grant with Auth0's
// wording; a wrong client secret is 401 access_denied "Unauthorized".
import { AUTH0_PAGES } from './pages.js';
import { jsonDialect, type JsonRow, type RedirectRow } from './types.js';

const TROUBLESHOOT = 'https://auth0.com/docs/troubleshoot/authentication-issues';

const ROWS: readonly JsonRow[] = [
  { causes: ['code-reused', 'code-expired', 'code-not-found', 'client-mismatch'], status: 403, error: 'invalid_grant', description: 'Invalid authorization code', source: TROUBLESHOOT, basis: 'documented' },
  // No capture of a redirect_uri difference at Auth0's token endpoint was found: the code is what it refuses.
  { causes: ['code-redirect-mismatch'], status: 403, error: 'invalid_grant', description: 'Invalid authorization code', source: TROUBLESHOOT, basis: 'inferred' },
  { causes: ['pkce-mismatch', 'pkce-missing'], status: 403, error: 'invalid_grant', description: 'Failed to verify code verifier', source: 'https://github.com/nuxt-community/auth-module/issues/1174', basis: 'observed' },
  // With rotation, a replayed refresh token is refused and its family revoked (Auth0 "automatic reuse detection").
  { causes: ['refresh-reused', 'refresh-expired', 'refresh-not-found', 'grant-revoked'], status: 403, error: 'invalid_grant', description: 'Unknown or invalid refresh token.', source: 'https://github.com/pengzhile/pandora/issues/709', basis: 'observed' },
  { causes: ['client-secret-wrong', 'client-unknown', 'client-auth-missing', 'client-auth-method'], status: 401, error: 'access_denied', description: 'Unauthorized', source: 'https://github.com/auth0-samples/auth0-angular-samples/issues/201', basis: 'observed' },
  { causes: ['assertion-not-yet-valid', 'assertion-expired', 'assertion-invalid', 'assertion-replayed'], status: 401, error: 'access_denied', description: 'Unauthorized', source: 'https://github.com/auth0/node-auth0/issues/682', basis: 'inferred' },
  { causes: ['grant-not-allowed'], status: 403, error: 'unauthorized_client', description: (f) => `Grant type '${f.grantType}' not allowed for the client.`, source: TROUBLESHOOT, basis: 'documented' },
];

const REDIRECTS: readonly RedirectRow[] = [];

export const auth0Dialect = jsonDialect('auth0', ROWS, REDIRECTS, { pages: AUTH0_PAGES });
