import type { ConceptRecord } from './types.js';

/**
 * The words a JWT's checker uses when it refuses a token (issue #12): the
 * client checking an ID Token (OpenID Connect Core 1.0 §3.1.3.7) or an API
 * checking a JWT access token (RFC 9068 §4). Each row names its cause
 * outright (tier 0): a nonce, an audience, an issuer, a signing key (kid,
 * JWKS) or an at_hash/c_hash that does not match is that cause, not the
 * client's authentication. The words are OAuth 2.0's alone (OAuth 1.0a has
 * no ID token, no aud, no JWKS): read with no code, they are RFC 6750 §3.1
 * invalid_token. The time claims (exp, iat, nbf) are oauth2-jwt-clock's
 * (concepts-oauth2.ts).
 */
export function jwtConcepts(): readonly ConceptRecord[] {
  const row = (r: Omit<ConceptRecord, 'lang' | 'tier' | 'problem' | 'oauth2' | 'oauth2Only'>): ConceptRecord => ({
    ...r,
    lang: 'en',
    tier: 0,
    problem: 'token_rejected',
    oauth2: 'oauth2:invalid_token',
    oauth2Only: true,
  });
  return [
    // OpenID Connect Core §3.1.3.7 step 11: the nonce claim must be the value sent in the authentication request (§15.5.2).
    // Not OAuth 1.0a's oauth_nonce (a nonce used twice is nonce-used's, concepts.ts): that one is never compared with anything.
    row({ id: 'jwt-nonce', concept: 'jwt-claim', subject: ['nonce', 'nonce claim', 'nonce value', 'id token nonce'], state: [...NOT_EQUAL, 'missing', 'not present', 'not found in', 'comparison failed', 'check failed', 'no nonce'], block: ['oauth nonce'], causes: ['nonce-mismatch', 'browser-interference'], source: 'OpenID Connect Core §3.1.3.7 step 11; AppAuth-iOS "Nonce mismatch" (openid/AppAuth-iOS#733); oauth4webapi "unexpected ID Token "nonce" claim value" (certd/certd#594); AspNet.Security.OpenIdConnect "nonce … does not match nonce from token"' }),
    // Steps 3-5: aud must contain the client_id (and azp name it when there are several audiences); RFC 9068 §4: an access token's aud is the API.
    row({ id: 'jwt-audience', concept: 'jwt-claim', subject: ['audience', 'audiences', 'aud', 'aud claim', 'audience claim', 'valid audience', 'valid audiences', 'token audience', 'jwt audience', 'intended audience', 'azp', 'azp claim', 'authorized party'], state: [...NOT_EQUAL, ...REFUSED, 'must contain', 'does not contain', 'not contain', 'does not include', 'not include', 'not trusted', 'untrusted', 'not allowed'], causes: ['audience-mismatch', 'app-configuration'], source: 'OpenID Connect Core §3.1.3.7 steps 3-5; Microsoft.IdentityModel "IDX10214: Audience validation failed"; go-oidc "oidc: expected audience … got …" (coreos/go-oidc#307); jsonwebtoken "jwt audience invalid"; openidconnect-rs "Invalid audiences: must contain" (ramosbugs/openidconnect-rs#210)' }),
    // Step 2: iss must exactly match the issuer of the discovery document (OpenID Connect Discovery §4.3).
    row({ id: 'jwt-issuer', concept: 'jwt-claim', subject: ['issuer', 'iss', 'iss claim', 'issuer claim', 'valid issuer', 'valid issuers', 'token issuer', 'jwt issuer', 'expected issuer'], state: [...NOT_EQUAL, ...REFUSED, 'not trusted', 'untrusted', 'unknown'], causes: ['issuer-mismatch', 'app-configuration'], source: 'OpenID Connect Core §3.1.3.7 step 2; Auth0.OidcClient "Issuer (iss) claim mismatch in the ID token" (auth0/docs#10413); jsonwebtoken "jwt issuer invalid. expected: …" (auth0-blog/nodejs-jwt-authentication-sample#34); IDX40001 "does not match any of the valid issuers" (dotnet/aspnetcore#52283)' }),
    row({ id: 'jwt-issuer-other', concept: 'jwt-claim', subject: ['issued by a different provider', 'not issued by correct', 'not issued by the correct', 'not issued by the expected issuer', 'from a different issuer', 'issued by another issuer'], state: [], causes: ['issuer-mismatch', 'app-configuration'], source: 'go-oidc "oidc: id token issued by a different provider, expected … got …"; passport-openidconnect/onelogin "id token not issued by correct OpenID provider" (onelogin/onelogin-oidc-node#12)' }),
    // Step 6, §10.1.1: the kid selects a key of the issuer's JWK Set (RFC 7517); a rotated set, another issuer's token or a wrong configured key fails.
    row({ id: 'jwt-key', concept: 'jwt-key', subject: ['kid', 'key id', 'signing key', 'signing keys', 'signature key', 'signature keys', 'jwks', 'jwk', 'jwk set', 'json web key', 'json web key set', 'jwks uri', 'security key', 'security keys', 'matching key', 'matching keys', 'applicable key', 'token signing key'], state: ['not found', 'no matching', 'unable to match', 'did not match', 'does not match', "doesn't match", 'not match', 'unknown', 'missing', 'no applicable', 'could not find', 'cannot find', 'unable to find', 'could not be found', 'not present', 'does not exist', 'not exist', 'none', 'no', 'invalid', 'mismatch', 'not provided', 'does not have', 'unable to retrieve', 'could not retrieve', 'failed to fetch', 'failed'], causes: ['signing-key-mismatch'], source: 'OpenID Connect Core §3.1.3.7 step 6, §10.1.1; "IDX10501: Signature validation failed. Unable to match key: kid" (DuendeArchive/IdentityServer4#769, abpframework/abp#17661); jose "JWKSNoMatchingKey: no applicable key found in the JSON Web Key Set"' }),
    row({ id: 'jwt-key-tried', concept: 'jwt-key', subject: ['keys tried', 'no security keys', 'no matching key', 'no applicable key', 'unable to match key', 'unable to match kid', 'token does not have a kid', 'id token signature', 'token signature verification failed', 'failed to verify id token signature', 'failed to verify signature'], state: [], block: ['oauth signature'], causes: ['signing-key-mismatch'], source: 'Microsoft.IdentityModel IDX10500/IDX10503/IDX10511 ("Keys tried", "No security keys were provided", "Token does not have a kid") (AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet#2469); go-oidc "failed to verify signature"' }),
    // §3.1.3.8, §3.2.2.9 (at_hash), §3.3.2.11 (c_hash): the left half of the hash of the access token or code.
    row({ id: 'jwt-hash', concept: 'jwt-claim', subject: ['at hash', 'c hash', 'athash', 'chash', 'access token hash', 'code hash'], state: [...NOT_EQUAL, ...REFUSED, 'failed to validate', 'could not validate', 'not validated'], causes: ['token-hash-mismatch'], source: 'OpenID Connect Core §3.1.3.8, §3.2.2.9, §3.3.2.11; openid-client "at_hash mismatch" (panva/openid-client#90); oidc-client-js "Failed to validate at_hash" (DuendeArchive/identity-model-oidc-client-js#146); angular-auth-oidc-client "incorrect at_hash" (damienbod/angular-auth-oidc-client#313)' }),
  ];
}

/** Words that say a claim is not the value expected. */
const NOT_EQUAL = ['mismatch', 'mismatched', 'does not match', "doesn't match", 'did not match', 'not match', 'not matching', 'no match', 'differs', 'different', 'unexpected', 'expected', 'not the same', 'not same'];
/** Words that say a check refused it. */
const REFUSED = ['invalid', 'is invalid', 'not valid', 'validation failed', 'failed', 'wrong', 'incorrect', 'rejected', 'missing', 'bad'];
