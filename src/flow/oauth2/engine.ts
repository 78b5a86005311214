import { DoctorError } from '../../errors.js';
import { challengeForEvidence, pkceChallenge } from '../../diagnose/oauth2/pkce.js';
import { fingerprintToken } from '../../diagnose/fingerprint.js';
import { createPkce, type PkcePair } from '../../oauth2/pkce.js';
import { authorizationPairs, authorizationUrl, codeExchangePairs, parUrlAfterPush } from '../../oauth2/requests.js';
import { parseParResponse, readCallback } from '../../oauth2/responses.js';
import type { ServerMetadata } from '../../oauth2/discovery.js';
import type { OAuth2Endpoints, TokenSet } from '../../oauth2/types.js';
import { discover } from './discovery-step.js';
import { randomValue, Session, Stop } from './session.js';
import { checkIssuedTokens, clientCredentials, deviceGrant, followToCallback, introspect, need, refresh, revoke, tokenCall, userinfo } from './token-steps.js';
import type { OAuth2FlowConfig, OAuth2Io, OAuth2Outcome, Working } from './types.js';
import type { LoopbackListener } from './loopback.js';
import { checked, failed, note } from '../notes.js';

/**
 * The OAuth 2.0 flow, one step at a time (issue 18 items 1–3): discovery,
 * then the grant (code with PKCE, device, client credentials, refresh),
 * then what was asked after it (userinfo, introspection, refresh, revocation).
 * Every request is built by src/oauth2 and sent by the project's sender;
 * every step is recorded with what was sent, what came back and how long it
 * took. A refusal stops the run and is returned as data with the evidence
 * for the diagnosis; only a failure of the run itself is an error.
 */
export async function runOAuth2Flow(config: OAuth2FlowConfig, io: OAuth2Io): Promise<OAuth2Outcome> {
  const session = new Session(config, io);
  const result: { metadata?: ServerMetadata; tokens?: TokenSet; rotation?: { from: string; to: string }; introspection?: Record<string, unknown>; userinfo?: Record<string, unknown> } = {};
  try {
    let endpoints: OAuth2Endpoints = config.endpoints;
    if (config.issuer !== undefined) {
      const found = await discover(session, config.issuer);
      result.metadata = found.metadata;
      endpoints = found.endpoints;
    }
    let tokens: TokenSet;
    if (config.grant === 'code') tokens = await codeGrant(session, endpoints, result.metadata);
    else if (config.grant === 'device') tokens = await deviceGrant(session, endpoints);
    else if (config.grant === 'client-credentials') tokens = await clientCredentials(session, endpoints);
    else {
      const refreshed = await refresh(session, endpoints, config.refreshToken ?? '');
      tokens = refreshed.tokens;
      result.rotation = refreshed.rotation;
    }
    result.tokens = tokens;
    for (const step of config.then) {
      if (step === 'userinfo') result.userinfo = await userinfo(session, endpoints, tokens);
      else if (step === 'introspect') result.introspection = await introspect(session, endpoints, tokens.accessToken);
      else if (step === 'revoke') await revoke(session, endpoints, tokens);
      else if (tokens.refreshToken !== undefined) {
        const refreshed = await refresh(session, endpoints, tokens.refreshToken);
        result.rotation = refreshed.rotation;
        tokens = { ...refreshed.tokens, refreshToken: refreshed.tokens.refreshToken ?? tokens.refreshToken } as TokenSet;
        result.tokens = tokens;
      } else {
        session.record({ name: 'refresh', ok: false, exchanges: [], working: [], notes: [], error: { code: 'no-refresh-token', message: 'the grant issued no refresh token to refresh with (ask for offline_access, or the server gives none to this client)' } });
        throw new Stop('refresh', { error: 'no-refresh-token' });
      }
    }
    session.saveLedger();
    return { ok: true, steps: session.steps, ...result, evidence: session.evidenceNow(undefined) };
  } catch (error) {
    session.saveLedger();
    if (error instanceof Stop) {
      return { ok: false, steps: session.steps, ...result, failure: { step: error.step, refusal: error.refusal, exchange: error.exchange }, evidence: session.evidenceNow(error.step) };
    }
    if (error instanceof DoctorError) return { ok: false, steps: session.steps, ...result, error, evidence: session.evidenceNow(session.steps.at(-1)?.name) };
    throw error;
  }
}

/** PAR when the server requires it (RFC 9126 §5) or when asked. */
function usePar(config: OAuth2FlowConfig, metadata: ServerMetadata | undefined, endpoints: OAuth2Endpoints): boolean {
  if (config.par === 'never') return false;
  return config.par === 'always' || (metadata?.require_pushed_authorization_requests === true && endpoints.par !== undefined);
}

/** RFC 6749 §4.1 with PKCE (RFC 7636), state (§10.12), nonce (OIDC Core §3.1.2.1), iss (RFC 9207), PAR (RFC 9126). */
async function codeGrant(session: Session, endpoints: OAuth2Endpoints, metadata: ServerMetadata | undefined): Promise<TokenSet> {
  const { config, io } = session;
  const authorizationEndpoint = need(endpoints, 'authorization', 'authorize', '--authorization-endpoint');
  const tokenEndpoint = need(endpoints, 'token', 'token', '--token-endpoint');
  const pkce: PkcePair | undefined = config.pkce === 'off' ? undefined : createPkce(io.random(32), config.pkce);
  session.secret(pkce?.verifier);
  const state = randomValue(io);
  const nonce = (session.scope ?? '').split(' ').includes('openid') ? randomValue(io) : undefined;
  let listener: LoopbackListener | undefined;
  try {
    if (config.callback.kind === 'loopback') listener = await io.startLoopback(config.callback.port, config.callback.host);
    const redirectUri = listener?.redirectUri ?? (config.callback.kind === 'url' ? config.callback.url : '');
    const pairs = authorizationPairs({ clientId: config.client.clientId, redirectUri, scope: session.scope, state, nonce, codeChallenge: pkce?.challenge, codeChallengeMethod: pkce?.method, extra: config.authorizeParams });
    const working: Working[] = [{ label: 'redirect_uri', value: redirectUri }, { label: 'state', value: state }];
    if (nonce !== undefined) working.push({ label: 'nonce', value: nonce });
    if (pkce) working.push({ label: 'code_verifier', value: pkce.verifier, secret: true }, { label: 'code_challenge', value: `${pkce.challenge}  (${pkce.method === 'S256' ? 'BASE64URL(SHA256(code_verifier))' : 'plain: the verifier itself'}, RFC 7636 §4.2)` });
    session.evidence.authorize = { at: io.now(), redirectUri, state, codeChallenge: pkce ? challengeForEvidence(pkce.challenge, pkce.method) : undefined, codeChallengeMethod: pkce?.method, scope: session.scope, clientId: config.client.clientId, automatic: config.authorize === 'http' };

    let url = authorizationUrl(authorizationEndpoint, pairs);
    const pushed = usePar(config, metadata, endpoints);
    session.evidence.authorize = { ...session.evidence.authorize, pushed };
    if (pushed) {
      const parEndpoint = need(endpoints, 'par', 'par', '--par-endpoint');
      const { request, working: auth } = await session.post(parEndpoint, pairs);
      const exchange = await session.send('par', request);
      const parsed = parseParResponse(exchange.response);
      if (!parsed.ok) {
        session.record({ name: 'par', ok: false, exchanges: [exchange], ms: exchange.totalMs, working: [...working, ...auth], notes: [], error: { code: parsed.refusal.error, message: parsed.refusal.description ?? parsed.refusal.error } });
        throw new Stop('par', parsed.refusal, exchange);
      }
      session.record({ name: 'par', ok: true, exchanges: [exchange], ms: exchange.totalMs, working: [...working, ...auth, { label: 'request_uri', value: parsed.value.requestUri }], notes: metadata?.require_pushed_authorization_requests ? [note('the server requires PAR (require_pushed_authorization_requests)')] : [] });
      url = parUrlAfterPush(authorizationEndpoint, config.client.clientId, parsed.value.requestUri);
    }

    const callbackUrl = await authorize(session, url, redirectUri, state, listener, working);
    const receivedAt = io.now();
    const reading = readCallback(callbackUrl, { state, issuer: metadata?.issuer ?? config.issuer, issRequired: metadata?.authorization_response_iss_parameter_supported === true, receivedAt });
    session.evidence.callback = { at: receivedAt, state: reading.state, iss: reading.iss, code: reading.code ? fingerprintToken(reading.code.code) : undefined, error: reading.refusal && !reading.refusal.error.startsWith('flow:') ? reading.refusal.error : undefined };
    const notes = reading.checks.map((c) => checked(c.ok, c.detail));
    if (!reading.code) {
      session.record({ name: 'callback', ok: false, exchanges: [], working: [], notes, error: { code: reading.refusal?.error ?? 'no-code', message: reading.refusal?.description ?? reading.refusal?.error ?? 'no code' } });
      throw new Stop('callback', reading.refusal ?? { error: 'malformed-response' });
    }
    session.secret(reading.code.code);
    session.record({ name: 'callback', ok: true, exchanges: [], working: [{ label: 'code', value: reading.code.code, secret: true }], notes });

    const code = reading.code;
    const rehearsal = config.rehearsal;
    const sentRedirectUri = rehearsal?.tokenRedirectUri ?? redirectUri;
    const sentVerifier = pkce ? (rehearsal?.codeVerifier ?? pkce.verifier) : undefined;
    session.secret(sentVerifier);
    const exchangeCode = async (again: boolean) => {
      // The ledger is read first, so a second use of this very code is recognised (RFC 6749 §4.1.2).
      const prior = session.use('code', code.code);
      session.evidence.ledger = { ...session.evidence.ledger, code: prior };
      session.evidence.token = { code: fingerprintToken(code.code), redirectUri: sentRedirectUri, verifierChallenge: pkce && sentVerifier !== undefined ? pkceChallenge(sentVerifier, pkce.method) : null };
      const working: Working[] = [{ label: 'code age', value: `${Math.max(0, Math.round((io.now() - code.receivedAt) / 1000))} s` }];
      if (again) working.push({ label: 'rehearsal', value: '--exchange-twice: the same code a second time, as a doubled callback or a retried request would send it' });
      if (sentRedirectUri !== redirectUri) working.push({ label: 'rehearsal', value: `--token-redirect-uri: redirect_uri ${sentRedirectUri}, not the authorised ${redirectUri}` });
      if (pkce && sentVerifier !== pkce.verifier) working.push({ label: 'rehearsal', value: `--code-verifier: a verifier that works out to ${pkceChallenge(sentVerifier ?? '', pkce.method)}, not the challenge sent (${pkce.method})` });
      else if (pkce) working.push({ label: 'PKCE', value: `checked here: the verifier works out to the challenge sent (${pkce.method})` });
      // RFC 6749 §4.1.2: the server MUST refuse a second use. Taking it is the server's fault, shown, not hidden.
      const accepted = again ? () => ({ working: [], notes: [failed('the server took the same code twice: RFC 6749 §4.1.2 says it MUST refuse it (and SHOULD revoke the tokens issued for it)')] }) : undefined;
      return tokenCall(session, 'token', tokenEndpoint, codeExchangePairs(code.code, sentRedirectUri, sentVerifier), working, accepted, again ? 'Code exchange (again)' : undefined);
    };
    const { tokens, exchange } = await exchangeCode(false);
    await checkIssuedTokens(session, endpoints, tokens, exchange, { nonce });
    if (rehearsal?.exchangeTwice) {
      const second = await exchangeCode(true);
      return second.tokens;
    }
    return tokens;
  } finally {
    await listener?.close();
  }
}

/** The person (browser or print) or the http client (`--authorize http`) takes the authorization URL to the callback. */
async function authorize(session: Session, url: string, redirectUri: string, state: string, listener: LoopbackListener | undefined, working: Working[]): Promise<string> {
  const { config, io } = session;
  if (config.authorize === 'http') {
    const started = io.now();
    const followed = await followToCallback(session, url, redirectUri);
    const last = followed.exchanges.at(-1);
    if (followed.callbackUrl === undefined && last !== undefined && last.response.status >= 400) {
      // RFC 6749 §4.1.2.1: a redirect_uri or client_id the server does not take is not redirected back; the endpoint answers itself.
      session.evidence.authorize = { ...session.evidence.authorize, pageStatus: last.response.status };
      session.record({ name: 'authorize', ok: false, exchanges: followed.exchanges, ms: io.now() - started, working, notes: [failed(`the authorization endpoint refused the request itself (${last.response.status}) instead of redirecting: RFC 6749 §4.1.2.1 does so for a redirect_uri or client_id it does not take`)], error: { code: 'authorization-refused', message: `the authorization endpoint answered ${last.response.status}` } });
      throw new Stop('authorize', { error: 'http-error', status: last.response.status }, last);
    }
    if (followed.callbackUrl === undefined) {
      session.record({ name: 'authorize', ok: false, exchanges: followed.exchanges, ms: io.now() - started, working, notes: [], error: { code: 'flow:approval-page', message: 'the authorization endpoint did not redirect to the redirect URI: it waits for a person (login or consent)' } });
      throw new Stop('authorize', { error: 'flow:approval-page', status: last?.response.status }, last);
    }
    // RFC 6749 §10.5: the code is a credential; the hops about to be shown carry it in a Location header and a redirect page.
    session.secret(codeOf(followed.callbackUrl));
    session.record({ name: 'authorize', ok: true, exchanges: followed.exchanges, ms: io.now() - started, working, notes: [note(`redirected to the redirect URI after ${followed.exchanges.length} request${followed.exchanges.length === 1 ? '' : 's'}`)] });
    return followed.callbackUrl;
  }
  await session.pause('authorize');
  const opened = config.authorize === 'browser' ? await io.openBrowser(url) : false;
  io.observer?.authorizeUrl?.(url, opened);
  session.record({ name: 'authorize', ok: true, exchanges: [], request: { method: 'GET', url, headers: {} }, working, notes: [] });
  if (listener) {
    const received = await listener.wait(state, io.waitTimeoutMs);
    return received.url;
  }
  return io.askCallbackUrl();
}

/** The `code` a redirect URI carries (RFC 6749 §4.1.2), if it parses. */
function codeOf(callbackUrl: string): string | undefined {
  try {
    return new URL(callbackUrl).searchParams.get('code') ?? undefined;
  } catch {
    return undefined;
  }
}
