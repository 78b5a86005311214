// X OAuth 2.0 (api.x.com/2/oauth2/token): grant problems are 400
// invalid_request (not invalid_grant) with "Value passed for … was invalid."
// descriptions; a confidential client without valid Basic credentials is 401
// unauthorized_client "Missing valid authorization header".
import { jsonDialect, type JsonRow, type RedirectRow } from './types.js';

const X_DOC = 'https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token';

const ROWS: readonly JsonRow[] = [
  { causes: ['code-reused', 'code-expired', 'code-not-found', 'client-mismatch'], status: 400, error: 'invalid_request', description: 'Value passed for the authorization code was invalid.', source: 'https://github.com/plhery/node-twitter-api-v2/issues/496', basis: 'observed' },
  // X names no redirect_uri error at its token endpoint: the code is what it refuses.
  { causes: ['code-redirect-mismatch'], status: 400, error: 'invalid_request', description: 'Value passed for the authorization code was invalid.', source: X_DOC, basis: 'inferred' },
  { causes: ['pkce-mismatch'], status: 400, error: 'invalid_request', description: 'Value passed for the code verifier did not match the code challenge.', source: 'https://github.com/xdevplatform/twitter-api-typescript-sdk/issues/26', basis: 'observed' },
  { causes: ['pkce-missing'], status: 400, error: 'invalid_request', description: 'Missing required parameter [code_verifier].', source: 'https://github.com/xdevplatform/twitter-api-typescript-sdk/issues/15', basis: 'observed' },
  { causes: ['refresh-reused', 'refresh-expired', 'refresh-not-found', 'grant-revoked'], status: 400, error: 'invalid_request', description: 'Value passed for the token was invalid.', source: X_DOC, basis: 'inferred' },
  { causes: ['client-secret-wrong', 'client-unknown', 'client-auth-missing', 'client-auth-method'], status: 401, error: 'unauthorized_client', description: 'Missing valid authorization header', source: 'https://github.com/plhery/node-twitter-api-v2/issues/319', basis: 'observed' },
  { causes: ['assertion-not-yet-valid', 'assertion-expired', 'assertion-invalid', 'assertion-replayed'], status: 401, error: 'unauthorized_client', description: 'Missing valid authorization header', source: X_DOC, basis: 'inferred' },
];

const REDIRECTS: readonly RedirectRow[] = [];

export const xDialect = jsonDialect('x', ROWS, REDIRECTS);
