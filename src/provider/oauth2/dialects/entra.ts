// Microsoft Entra ID (login.microsoftonline.com/{tenant}/oauth2/v2.0/token):
// every refusal carries an AADSTS code in an envelope —
//   {"error":"invalid_grant",
//    "error_description":"AADSTS54005: …\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: 2023-05-06 06:03:00Z",
//    "error_codes":[54005],"timestamp":"2023-05-06 06:03:00Z","trace_id":"…","correlation_id":"…",
//    "error_uri":"https://login.microsoftonline.com/error?code=54005"}
// (the shape quoted in https://github.com/OfficeDev/microsoft-365-agents-toolkit/issues/8621 and
// https://github.com/Azure/azure-cli/issues/14244).
import { randomUUID } from 'node:crypto';
import type { EngineCause } from './cause.js';
import { ENTRA_PAGES } from './pages.js';
import { JSON_UTF8, redirectParams, rowFor, textOf, type OAuth2Dialect, type RedirectRow, type RowBasis, type Text } from './types.js';

interface EntraRow extends RowBasis {
  readonly causes: readonly EngineCause[];
  readonly status: number;
  readonly error: string;
  readonly aadsts: number;
  readonly message: Text;
}

const CODES = 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes';
/** The tenant our provider plays (Entra names it in some messages). */
const TENANT = 'oauth-doctor test tenant';

/** "2023-05-06 06:03:00Z", Entra's timestamp. */
function entraTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** ISO 8601 with seven fractional digits, as Entra prints times inside a message. */
function entraTime(sec: number | undefined): string {
  return sec === undefined ? '0001-01-01T00:00:00.0000000Z' : `${new Date(sec * 1000).toISOString().slice(0, 19)}.0000000Z`;
}

const ROWS: readonly EntraRow[] = [
  { causes: ['code-reused'], status: 400, error: 'invalid_grant', aadsts: 54005, message: 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.', source: 'https://github.com/AzureAD/microsoft-identity-web/issues/2612', basis: 'observed' },
  { causes: ['code-expired'], status: 400, error: 'invalid_grant', aadsts: 70008, message: 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.', source: 'https://github.com/snok/django-auth-adfs/issues/245', basis: 'observed' },
  { causes: ['code-not-found'], status: 400, error: 'invalid_grant', aadsts: 70000, message: 'Transmission data parser failure: Authorization Code is malformed or invalid.', source: 'https://github.com/OneDrive/onedrive-api-docs/issues/618', basis: 'observed' },
  { causes: ['client-mismatch'], status: 400, error: 'invalid_grant', aadsts: 70000, message: 'The provided request was denied because the grant is invalid or malformed.', source: CODES, basis: 'documented' },
  {
    causes: ['code-redirect-mismatch'],
    status: 400,
    error: 'invalid_client',
    aadsts: 50011,
    message: (f) => `The redirect URI '${f.redirectUri}' specified in the request does not match the redirect URIs configured for the application '${f.clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    source: 'https://github.com/alexandrtovmach/react-microsoft-login/issues/121',
    basis: 'observed',
  },
  { causes: ['pkce-mismatch'], status: 400, error: 'invalid_grant', aadsts: 501481, message: 'The Code_Verifier does not match the code_challenge supplied in the authorization request.', source: 'https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/7425', basis: 'observed' },
  // No capture of a missing verifier was found; 50148 is Entra's other PKCE answer.
  { causes: ['pkce-missing'], status: 400, error: 'invalid_grant', aadsts: 50148, message: 'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.', source: 'https://github.com/AzureAD/microsoft-authentication-library-for-js/issues/5044', basis: 'inferred' },
  { causes: ['refresh-expired'], status: 400, error: 'invalid_grant', aadsts: 700082, message: 'The refresh token has expired due to inactivity.', source: 'https://github.com/Azure/azure-cli/issues/14244', basis: 'observed' },
  // Entra does not make refresh tokens single-use; a token it no longer honours is "not valid".
  { causes: ['refresh-reused', 'refresh-not-found'], status: 400, error: 'invalid_grant', aadsts: 70000, message: "The provided value for the input parameter 'refresh_token' or 'assertion' is not valid.", source: 'https://github.com/BingAds/BingAds-Python-SDK/issues/279', basis: 'observed' },
  { causes: ['grant-revoked'], status: 400, error: 'invalid_grant', aadsts: 50173, message: 'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.', source: 'https://github.com/microsoft/azuredatastudio/pull/22853', basis: 'documented' },
  {
    causes: ['client-secret-wrong'],
    status: 401,
    error: 'invalid_client',
    aadsts: 7000215,
    message: (f) => `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${f.clientId}'.`,
    source: 'https://github.com/OfficeDev/microsoft-365-agents-toolkit/issues/8621',
    basis: 'observed',
  },
  { causes: ['client-auth-missing', 'client-auth-method'], status: 401, error: 'invalid_client', aadsts: 7000218, message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.", source: 'https://github.com/MicrosoftDocs/azure-docs/issues/25959', basis: 'observed' },
  { causes: ['client-unknown'], status: 400, error: 'unauthorized_client', aadsts: 700016, message: (f) => `Application with identifier '${f.clientId}' was not found in the directory '${TENANT}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`, source: CODES, basis: 'documented' },
  {
    causes: ['assertion-not-yet-valid', 'assertion-expired'],
    status: 401,
    error: 'invalid_client',
    aadsts: 700024,
    message: (f) => `Client assertion is not within its valid time range. Current time: ${entraTime(Math.floor(f.now / 1000))}, assertion valid from ${entraTime(f.assertion?.nbf ?? f.assertion?.iat)}, expiry time of assertion ${entraTime(f.assertion?.exp)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
    source: 'https://github.com/AzureAD/microsoft-authentication-library-for-java/issues/984',
    basis: 'observed',
  },
  { causes: ['assertion-invalid', 'assertion-replayed'], status: 401, error: 'invalid_client', aadsts: 700027, message: 'Client assertion failed signature validation.', source: CODES, basis: 'inferred' },
  { causes: ['invalid-scope'], status: 400, error: 'invalid_grant', aadsts: 65001, message: (f) => `The user or administrator has not consented to use the application with ID '${f.clientId}'. Send an interactive authorization request for this user and resource.`, source: CODES, basis: 'documented' },
  { causes: ['unsupported-grant-type'], status: 400, error: 'unsupported_grant_type', aadsts: 70003, message: (f) => `The app requested an unsupported grant type '${f.grantType}'.`, source: CODES, basis: 'inferred' },
  { causes: ['authorization-pending'], status: 400, error: 'authorization_pending', aadsts: 70016, message: 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.', source: CODES, basis: 'documented' },
  { causes: ['device-expired'], status: 400, error: 'expired_token', aadsts: 70019, message: 'Verification code expired.', source: CODES, basis: 'documented' },
];

const REDIRECTS: readonly RedirectRow[] = [
  { causes: ['access-denied'], error: 'access_denied', description: 'AADSTS65004: User declined to consent to access the app.', source: CODES, basis: 'documented' },
];

export const entraDialect: OAuth2Dialect = {
  name: 'entra',
  rows: [...ROWS, ...REDIRECTS, ...ENTRA_PAGES],
  page: (cause, facts) => rowFor(ENTRA_PAGES, cause)?.answer(facts),
  answer(cause, facts) {
    const row = rowFor(ROWS, cause);
    if (!row) return undefined;
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = entraTimestamp(facts.now);
    const message = `AADSTS${row.aadsts}: ${textOf(row.message, facts) ?? ''}`;
    const body = {
      error: row.error,
      error_description: `${message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [row.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${row.aadsts}`,
    };
    return { status: row.status, contentType: JSON_UTF8, body: JSON.stringify(body) };
  },
  redirect: (cause, facts) => redirectParams(REDIRECTS, cause, facts),
};
