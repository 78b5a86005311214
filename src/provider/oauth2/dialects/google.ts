// Google (oauth2.googleapis.com/token): RFC 6749 codes with Google's terse
// descriptions, the body pretty-printed with two spaces as Google sends it,
// redirect_uri_mismatch as its own code, and 401 invalid_client "Unauthorized"
// for a wrong secret.
import { GOOGLE_PAGES } from './pages.js';
import { jsonDialect, type JsonRow, type RedirectRow } from './types.js';


const ROWS: readonly JsonRow[] = [
  // A used or expired code: today's answer is "Bad Request" (until ~2019 "Code was already redeemed.").
  { causes: ['code-reused', 'code-expired', 'client-mismatch'], status: 400, error: 'invalid_grant', description: 'Bad Request', source: 'https://github.com/atinux/nuxt-auth-utils/issues/440', basis: 'observed' },
  { causes: ['code-not-found'], status: 400, error: 'invalid_grant', description: 'Malformed auth code.', source: 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code', basis: 'observed' },
  { causes: ['code-redirect-mismatch'], status: 400, error: 'redirect_uri_mismatch', description: 'Bad Request', source: 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code', basis: 'observed' },
  { causes: ['pkce-mismatch'], status: 400, error: 'invalid_grant', description: 'Invalid code verifier.', source: 'https://github.com/googleapis/google-api-java-client/issues/1479', basis: 'observed' },
  { causes: ['pkce-missing'], status: 400, error: 'invalid_grant', description: 'Missing code verifier.', source: 'https://github.com/googleapis/google-api-php-client/issues/2669', basis: 'observed' },
  // Google does not rotate refresh tokens; a revoked, expired or unknown one is "expired or revoked".
  { causes: ['refresh-reused', 'refresh-expired', 'refresh-not-found', 'grant-revoked'], status: 400, error: 'invalid_grant', description: 'Token has been expired or revoked.', source: 'https://developers.google.com/identity/protocols/oauth2#expiration', basis: 'documented' },
  { causes: ['client-secret-wrong', 'client-auth-method', 'client-auth-missing'], status: 401, error: 'invalid_client', description: 'Unauthorized', source: 'https://github.com/SocialiteProviders/Providers/issues/564', basis: 'observed' },
  { causes: ['client-unknown'], status: 401, error: 'invalid_client', description: 'The OAuth client was not found.', source: 'https://github.com/Edujugon/laravel-google-ads/issues/17', basis: 'observed' },
  // Google has no client assertions for OAuth clients; its JWT bearer grant (service accounts) answers clock trouble so.
  {
    causes: ['assertion-not-yet-valid', 'assertion-expired'],
    status: 400,
    error: 'invalid_grant',
    description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    source: 'https://developers.google.com/identity/protocols/oauth2/service-account#error-codes',
    basis: 'documented',
  },
  { causes: ['assertion-invalid', 'assertion-replayed'], status: 400, error: 'invalid_grant', description: 'Invalid JWT Signature.', source: 'https://developers.google.com/identity/protocols/oauth2/service-account#error-codes', basis: 'inferred' },
  { causes: ['unsupported-grant-type'], status: 400, error: 'unsupported_grant_type', description: (f) => `Invalid grant_type: ${f.grantType}`, source: 'https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code', basis: 'inferred' },
  // Device flow (limited-input devices): the codes are RFC 8628's; the statuses are Google's as remembered from its
  // page (pending 428), not seen in a capture here, hence inferred.
  { causes: ['authorization-pending'], status: 428, error: 'authorization_pending', description: 'Precondition Required', source: 'https://developers.google.com/identity/protocols/oauth2/limited-input-device#step-6:-handle-responses-to-polling-requests', basis: 'inferred' },
  { causes: ['slow-down'], status: 403, error: 'slow_down', description: 'Forbidden', source: 'https://developers.google.com/identity/protocols/oauth2/limited-input-device#step-6:-handle-responses-to-polling-requests', basis: 'inferred' },
  { causes: ['access-denied'], status: 403, error: 'access_denied', description: 'Forbidden', source: 'https://developers.google.com/identity/protocols/oauth2/limited-input-device#step-6:-handle-responses-to-polling-requests', basis: 'inferred' },
  { causes: ['device-expired'], status: 400, error: 'expired_token', description: 'Bad Request', source: 'https://developers.google.com/identity/protocols/oauth2/limited-input-device#step-6:-handle-responses-to-polling-requests', basis: 'inferred' },
];

const REDIRECTS: readonly RedirectRow[] = [
  // "https://oauth2.example.com/auth?error=access_denied": no description.
  { causes: ['access-denied'], error: 'access_denied', source: 'https://developers.google.com/identity/protocols/oauth2/web-server#handlingresponse', basis: 'documented' },
];

export const googleDialect = jsonDialect('google', ROWS, REDIRECTS, { indent: 2, pages: GOOGLE_PAGES });
