// GitHub (github.com/login/oauth/access_token): its own error codes
// (bad_verification_code, incorrect_client_credentials, …), each with
// error_description and error_uri, always with status 200, and the body
// form-encoded unless the request asked for JSON with Accept: application/json
// ("error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.&error_uri=…",
// https://github.com/NoamB/sorcery/issues/711; JSON in https://github.com/geniushkg/github-oauth/issues/8).
import type { EngineCause } from './cause.js';
import { GITHUB_PAGES } from './pages.js';
import { JSON_UTF8, redirectParams, rowFor, type OAuth2Dialect, type RedirectRow, type RowBasis } from './types.js';

interface GitHubRow extends RowBasis {
  readonly causes: readonly EngineCause[];
  readonly error: string;
  readonly description: string;
  readonly uri: string;
}

const TOKEN_ERRORS = 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors';
const AUTHORIZE_ERRORS = 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors';
const DEVICE_ERRORS = 'https://docs.github.com/developers/apps/authorizing-oauth-apps#error-codes-for-the-device-flow';
const DEVICE_DOC = 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#error-codes-for-the-device-flow';

const BAD_CODE = { error: 'bad_verification_code', description: 'The code passed is incorrect or expired.', uri: `${TOKEN_ERRORS}/#bad-verification-code` } as const;
const BAD_CLIENT = { error: 'incorrect_client_credentials', description: 'The client_id and/or client_secret passed are incorrect.', uri: `${TOKEN_ERRORS}/#incorrect-client-credentials` } as const;

const ROWS: readonly GitHubRow[] = [
  { causes: ['code-reused', 'code-expired', 'code-not-found', 'client-mismatch'], ...BAD_CODE, source: 'https://github.com/reactivemanifesto/website-manifesto/issues/91', basis: 'observed' },
  // GitHub documents no PKCE error of its own (PKCE came in 2025): the code is what it refuses.
  { causes: ['pkce-mismatch', 'pkce-missing'], ...BAD_CODE, source: `${TOKEN_ERRORS}/#bad-verification-code`, basis: 'inferred' },
  { causes: ['code-redirect-mismatch'], error: 'redirect_uri_mismatch', description: 'The redirect_uri MUST match the registered callback URL for this application.', uri: `${AUTHORIZE_ERRORS}/#redirect-uri-mismatch2`, source: 'https://github.com/OpenTreeOfLife/opentree/issues/296', basis: 'observed' },
  // The error_uri of bad_refresh_token points at the bad-verification-code anchor: GitHub's own quirk.
  { causes: ['refresh-reused', 'refresh-expired', 'refresh-not-found', 'grant-revoked'], error: 'bad_refresh_token', description: 'The refresh token passed is incorrect or expired.', uri: `${TOKEN_ERRORS}/#bad-verification-code`, source: 'https://github.com/interlink-hq/interLink/pull/262', basis: 'observed' },
  { causes: ['client-secret-wrong', 'client-unknown', 'client-auth-missing', 'client-auth-method'], ...BAD_CLIENT, source: 'https://github.com/rwth-acis/VIAProMa/issues/186', basis: 'observed' },
  // No client assertions at GitHub: a bad one is bad client credentials.
  { causes: ['assertion-not-yet-valid', 'assertion-expired', 'assertion-invalid', 'assertion-replayed'], ...BAD_CLIENT, source: `${TOKEN_ERRORS}/#incorrect-client-credentials`, basis: 'inferred' },
  { causes: ['authorization-pending'], error: 'authorization_pending', description: 'The authorization request is still pending.', uri: DEVICE_ERRORS, source: DEVICE_DOC, basis: 'documented' },
  { causes: ['slow-down'], error: 'slow_down', description: 'Too many requests have been made in the same timeframe.', uri: DEVICE_ERRORS, source: DEVICE_DOC, basis: 'documented' },
  { causes: ['device-expired'], error: 'expired_token', description: 'The device code has expired.', uri: DEVICE_ERRORS, source: DEVICE_DOC, basis: 'documented' },
  { causes: ['device-code-not-found', 'device-code-reused'], error: 'incorrect_device_code', description: 'The device_code provided is not valid.', uri: DEVICE_ERRORS, source: DEVICE_DOC, basis: 'documented' },
  { causes: ['access-denied'], error: 'access_denied', description: 'The user has denied your application access.', uri: DEVICE_ERRORS, source: DEVICE_DOC, basis: 'inferred' },
];

const REDIRECTS: readonly RedirectRow[] = [
  { causes: ['access-denied'], error: 'access_denied', description: 'The user has denied your application access.', uri: `${AUTHORIZE_ERRORS}/#access-denied`, source: `${AUTHORIZE_ERRORS}/#access-denied`, basis: 'documented' },
];

/** GitHub answers JSON only when asked (Accept: application/json); otherwise a form body. */
export function wantsJson(accept: string): boolean {
  return /\bapplication\/(?:[\w.+-]+\+)?json\b/i.test(accept);
}

export const githubDialect: OAuth2Dialect = {
  name: 'github',
  rows: [...ROWS, ...REDIRECTS, ...GITHUB_PAGES],
  page: (cause, facts) => rowFor(GITHUB_PAGES, cause)?.answer(facts),
  answer(cause, facts) {
    const row = rowFor(ROWS, cause);
    if (!row) return undefined;
    const fields = { error: row.error, error_description: row.description, error_uri: row.uri };
    // Status 200 even for a refusal: a client must read the body (as RFC 6749 §5.2 clients that check only the status do not).
    if (wantsJson(facts.accept)) return { status: 200, contentType: JSON_UTF8, body: JSON.stringify(fields) };
    return { status: 200, contentType: 'application/x-www-form-urlencoded; charset=utf-8', body: new URLSearchParams(fields).toString() };
  },
  redirect: (cause, facts) => redirectParams(REDIRECTS, cause, facts),
};
