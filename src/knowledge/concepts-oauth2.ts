import type { ConceptRecord } from './types.js';

/**
 * OAuth 2.0 wordings (RFC 6749 §5.2 error_description, OpenID Connect Core
 * §3.1.2.6, and what the big providers write there): words that name a cause
 * outright come first, so `invalid_grant` with "Code was already redeemed"
 * reads as reuse and "code_verifier" as a PKCE mismatch. An OAuth 2.0 answer
 * keeps its own code (`oauth2:invalid_grant`) and these words rank its
 * causes; words read with no code at all take the nearest OAuth 1.0a value
 * (a code already redeemed is a token used), never an `oauth2:` code that
 * nothing else said.
 */
export function oauth2Concepts(): readonly ConceptRecord[] {
  const row = (r: Omit<ConceptRecord, 'lang'>): ConceptRecord => ({ ...r, lang: 'en' });
  return [
    // RFC 7636 §4.6: the server compares code_verifier with the code_challenge it kept.
    row({ id: 'oauth2-pkce', concept: 'oauth2-pkce', subject: ['code verifier', 'pkce', 'code challenge', 'code challenge method', 'proof key'], state: [], problem: 'verifier_invalid', causes: ['pkce-verifier-mismatch'], tier: 0, source: 'RFC 7636 §4.6; Okta/Auth0/X "PKCE verification failed", "code_verifier … does not match"' }),
    // JWT time claims (RFC 7519 §4.1.4-6) and the words providers use for them.
    row({ id: 'oauth2-jwt-clock', concept: 'clock', subject: ['iat', 'nbf', 'not active yet', 'not yet active', 'not yet valid', 'not valid yet', 'invalid jwt', 'jwt expired', 'jwt is expired', 'issued in the future', 'used before issued', 'token used before issued', 'clock skew', 'exp claim', 'iat claim', 'nbf claim', 'expiration time claim', 'reasonable timeframe', 'jwt not active', 'notbefore'], state: [], problem: 'timestamp_refused', causes: ['clock-skew'], tier: 0, source: 'Google: "Invalid JWT: Token must be a short-lived token … Check your iat and exp values"; jsonwebtoken "jwt not active"' }),
    row({ id: 'oauth2-consent', concept: 'oauth2-consent', subject: ['consent required', 'consent', 'admin consent', 'interaction required', 'conditional access', 'mfa required', 'multi factor', 'blocked by policy', 'access policy', 'policy', 'account selection required', 'not approved by admin', 'admin approval', "hasn't approved", 'has not approved', 'ip restricted', 'login hours'], state: [], problem: 'permission_unknown', causes: ['consent-required'], tier: 0, source: 'OpenID Connect Core §3.1.2.6 consent_required, interaction_required; Entra ID AADSTS65001' }),
    // redirect_uri is OAuth 2.0's parameter alone (OAuth 1.0a has oauth_callback): beside a callback's words it decides the reading.
    row({ id: 'oauth2-redirect', concept: 'oauth2-redirect', subject: ['redirect uri', 'redirect url', 'reply url', 'reply address', 'redirect uris', 'redirecturi', 'redirect urls', 'allowed callback urls'], state: [], problem: 'parameter_rejected', parameters: { oauth_parameters_rejected: 'redirect_uri' }, causes: ['redirect-mismatch', 'callback-not-approved'], tier: 1, outranks: ['callback'], source: 'RFC 6749 §4.1.3 (redirect_uri must be identical); Google redirect_uri_mismatch; Entra ID AADSTS50011; Auth0 "Callback URL mismatch. The provided redirect_uri is not in the list of allowed callback URLs."' }),
    row({ id: 'oauth2-grant-used', concept: 'oauth2-grant', subject: ['authorization code', 'auth code', 'code', 'grant', 'authorization grant'], state: USED_CODE, block: BLOCK_CODE, problem: 'token_used', causes: ['reuse'], tier: 1, source: 'Google "Code was already redeemed."; Facebook "This authorization code has been used."; code_already_used' }),
    row({ id: 'oauth2-grant-expired', concept: 'oauth2-grant', subject: ['authorization code', 'auth code', 'code', 'grant', 'authorization grant'], state: ['expired', 'expire', 'too old', 'timed out', 'no longer valid'], block: BLOCK_CODE, problem: 'token_expired', causes: ['expiry'], tier: 1 }),
    row({ id: 'oauth2-grant-revoked', concept: 'oauth2-grant', subject: ['authorization code', 'auth code', 'code', 'grant', 'authorization grant'], state: ['revoked', 'invalidated'], block: BLOCK_CODE, problem: 'token_revoked', causes: ['revocation'], tier: 1 }),
    // "Code not valid" (Keycloak), "Invalid authorization code": most often a code used twice or too late.
    row({ id: 'oauth2-grant-invalid', concept: 'oauth2-grant', subject: ['authorization code', 'auth code', 'code', 'authorization grant'], state: ['not valid', 'invalid', 'bad', 'unknown', 'not found', 'malformed', 'incorrect', 'wrong'], block: BLOCK_CODE, problem: 'token_rejected', causes: ['reuse', 'expiry'], tier: 1, source: 'Keycloak "Code not valid"' }),
    row({ id: 'oauth2-client-auth', concept: 'oauth2-client', subject: ['client secret', 'client credentials', 'client assertion', 'client authentication', 'client auth', 'application secret', 'app secret'], state: ['invalid', 'failed', 'wrong', 'incorrect', 'expired', 'not valid', 'mismatch', 'unauthorized', 'unknown', 'not found', 'bad', 'missing', 'does not match', 'refused', 'rejected'], problem: 'consumer_key_unknown', causes: ['client-authentication', 'unknown-consumer'], tier: 0, source: 'RFC 6749 §5.2 invalid_client; Entra ID AADSTS7000215 "Invalid client secret provided"' }),
    // RFC 6749 §5.2 defines unauthorized_client in these words; Auth0 "Grant type 'authorization_code' not allowed for the client." A grant type is OAuth 2.0's alone.
    row({ id: 'oauth2-grant-type-not-allowed', concept: 'oauth2-app', subject: ['grant type', 'grant types', 'authorization grant type'], state: ['not allowed', 'not permitted', 'not enabled', 'not authorized', 'not authorised', 'unauthorized', 'disabled', 'not configured'], problem: 'oauth2:unauthorized_client', causes: ['app-configuration'], tier: 0, source: 'RFC 6749 §5.2 unauthorized_client; Auth0 "Grant type \'…\' not allowed for the client." (auth0/auth0-java#165)' }),
    row({ id: 'oauth2-session', concept: 'oauth2-session', subject: ['session', 'user session', 'login session', 'sso session'], state: ['expired', 'ended', 'not found', 'timed out', 'no longer', 'terminated', 'revoked', 'inactive', 'not active'], problem: 'token_rejected', causes: ['session-ended'], tier: 1, source: 'Keycloak "Session not active"; OpenID Connect Core §3.1.2.6 login_required' }),
    row({ id: 'oauth2-login-required', concept: 'oauth2-session', subject: ['login required', 'inactivity', 'signed out', 'logged out', 'sign in again', 'log in again', 'reauthenticate', 're authenticate'], state: [], problem: 'token_rejected', causes: ['session-ended'], tier: 1, source: 'OpenID Connect Core §3.1.2.6 login_required; Entra ID AADSTS700082 "expired due to inactivity"' }),
    row({ id: 'oauth2-app-config', concept: 'oauth2-app', subject: ['application', 'app', 'tenant', 'app registration', 'application id', 'app id', 'grant type', 'response type', 'client type'], state: ['not found in the directory', 'not found in directory', 'not configured', 'misconfigured', 'not registered', 'not set up', 'configuration', 'configured', 'not provisioned', 'does not exist', 'not found', 'not supported', 'unsupported', 'not enabled', 'not allowed', 'not authorized'], problem: 'consumer_key_unknown', causes: ['app-configuration'], tier: 1, source: 'Entra ID AADSTS700016 "Application … was not found in the directory"; RFC 6749 §5.2 unauthorized_client' }),
  ];
}

const USED_CODE = ['used', 'already used', 'been used', 'already', 'redeemed', 'already redeemed', 'consumed', 'reused', 'exchanged'];
/** "error code 32 invalid" is no authorization code. */
const BLOCK_CODE = ['error code', 'err code', 'errcode', 'errorcode', 'status code', 'response code', 'http code', 'result code', 'reason code', 'code challenge', 'code verifier', 'verification code', 'pin code'];
