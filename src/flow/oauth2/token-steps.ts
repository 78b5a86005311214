import type { JSONWebKeySet } from 'jose';
import { CookieJar } from '../../http/cookies.js';
import { firstHeaderValue } from '../../http/headers.js';
import type { HttpExchange } from '../../http/types.js';
import { nextPoll, startPolling, withinWait } from '../../device/poll.js';
import { DoctorError } from '../../errors.js';
import { fingerprintToken as fpOf } from '../../diagnose/fingerprint.js';
import { decodeToken, jwtDisplay, verifyAccessToken, verifyIdToken } from '../../oauth2/jwt.js';
import type { FormPairs } from '../../oauth2/form.js';
import { bearerRequest, clientCredentialsPairs, deviceAuthorizationPairs, deviceTokenPairs, refreshPairs, tokenPairs } from '../../oauth2/requests.js';
import { jsonObject, parseDeviceAuthorization, parseIntrospection, parseRevocation, parseTokenResponse, parseUserinfo } from '../../oauth2/responses.js';
import type { DeviceAuthorization, OAuth2Endpoints, TokenSet } from '../../oauth2/types.js';
import { isCredentialParameter } from '../../secrets/parameters.js';
import { Stop, type Session } from './session.js';
import type { OAuth2StepName, Working } from './types.js';
import { checked, note, warning, type FlowNote } from '../notes.js';

export function need(endpoints: OAuth2Endpoints, key: keyof OAuth2Endpoints, step: OAuth2StepName, flag: string): string {
  const url = endpoints[key];
  if (url === undefined) throw new Stop(step, { error: 'endpoint-missing', description: `no ${flag.replace(/^--/, '').replace(/-/g, ' ')}: the metadata has none; pass ${flag} URL` });
  return url;
}

/** Fields of a token response worth showing, tokens masked by the observer's redactor. */
function tokenWorking(tokens: TokenSet): Working[] {
  const out: Working[] = [
    { label: 'access_token', value: tokens.accessToken, secret: true },
    { label: 'token_type', value: tokens.tokenType || '(none: REQUIRED by RFC 6749 §5.1)' },
  ];
  if (tokens.expiresIn !== undefined) out.push({ label: 'expires_in', value: `${tokens.expiresIn} s` });
  if (tokens.refreshToken !== undefined) out.push({ label: 'refresh_token', value: tokens.refreshToken, secret: true });
  if (tokens.scope !== undefined) out.push({ label: 'scope', value: tokens.scope });
  if (tokens.idToken !== undefined) out.push({ label: 'id_token', value: tokens.idToken, secret: true });
  return out;
}

function tokenSecrets(session: Session, tokens: TokenSet): void {
  session.secret(tokens.accessToken);
  session.secret(tokens.refreshToken);
  session.secret(tokens.idToken);
}

/** A token-endpoint call: send, parse, record; refused → Stop. */
export async function tokenCall(
  session: Session,
  name: OAuth2StepName,
  endpoint: string,
  pairs: FormPairs,
  working: Working[] = [],
  after?: (tokens: TokenSet) => { working: Working[]; notes: FlowNote[] },
  title?: string,
): Promise<{ tokens: TokenSet; exchange: HttpExchange }> {
  const extra = session.config.tokenParams ?? [];
  // A credential given as an extra parameter (--token-param client_secret=…) is masked like the one given by its own flag.
  for (const [name, value] of extra) if (isCredentialParameter(name)) session.secret(value);
  const { request, working: auth, auth: applied } = await session.post(endpoint, [...pairs, ...extra]);
  session.evidence.token = { ...session.evidence.token, at: session.io.now(), grantType: pairs.find(([n]) => n === 'grant_type')?.[1], clientAuth: applied.method, assertion: applied.assertion && { iat: applied.assertion.claims.iat, exp: applied.assertion.claims.exp, aud: applied.assertion.claims.aud } };
  const exchange = await session.send(name, request, { title });
  session.evidence.token = { ...session.evidence.token, status: exchange.response.status };
  const parsed = parseTokenResponse(exchange.response);
  if (!parsed.ok) {
    session.record({ name, title, ok: false, exchanges: [exchange], ms: exchange.totalMs, working: [...working, ...auth], notes: exchange.response.status === 200 ? [note('a 200 answer with an error in its body: a refusal all the same')] : [], error: { code: parsed.refusal.error, message: parsed.refusal.description ?? parsed.refusal.error } });
    throw new Stop(name, parsed.refusal, exchange);
  }
  tokenSecrets(session, parsed.value);
  if (parsed.value.scope !== undefined) session.evidence.scopeGranted = parsed.value.scope;
  const notes = parsed.value.tokenType.toLowerCase() === 'bearer' || parsed.value.tokenType === '' ? [] : [note(`token_type ${parsed.value.tokenType}: not Bearer; this client sends it as Bearer (RFC 6750)`)];
  const more = after?.(parsed.value);
  session.record({ name, title, ok: true, exchanges: [exchange], ms: exchange.totalMs, working: [...(more?.working ?? []), ...working, ...auth, ...tokenWorking(parsed.value)], notes: [...notes, ...(more?.notes ?? [])] });
  return { tokens: parsed.value, exchange };
}

/** A template issuer (Entra ID's `…/{tenantid}/v2.0`) filled with the ID token's own `tid`; any other issuer as it is. */
export function expectedIssuer(issuer: string, template: string | undefined, idToken: string): string {
  if (template === undefined || issuer !== template) return issuer;
  const tid = decodeToken(idToken)?.payload['tid'];
  return typeof tid === 'string' && /^[\w-]+$/.test(tid) ? template.replace('{tenantid}', tid) : issuer;
}

const ID_TOKEN_TITLE = 'ID token';
const ACCESS_TOKEN_TITLE = 'Access token (JWT)';

/** The issuer's JWKS, fetched once per token response under the heading of the step that needs it first. */
async function fetchJwks(session: Session, endpoints: OAuth2Endpoints, title: string): Promise<{ jwks?: JSONWebKeySet | undefined; exchanges: HttpExchange[] }> {
  if (endpoints.jwks === undefined) return { exchanges: [] };
  // One heading for the step: started and recorded under the same title (it printed 'JWKS', then 'ID token').
  const exchange = await session.send('jwks', { method: 'GET', url: endpoints.jwks, headers: { accept: 'application/json' } }, { title });
  const body = jsonObject(exchange.response.body);
  return { jwks: exchange.response.status === 200 && Array.isArray(body?.['keys']) ? (body as unknown as JSONWebKeySet) : undefined, exchanges: [exchange] };
}

/**
 * What a token response issued, checked: the ID token (OIDC Core §3.1.3.7, a
 * failed check fails the run) when `idToken` says this grant's one is judged,
 * and a JWT access token (RFC 9068) decoded and verified against the same
 * JWKS, reported but never a refusal: the token is the resource server's to
 * judge. An opaque access token is left alone.
 */
export async function checkIssuedTokens(session: Session, endpoints: OAuth2Endpoints, tokens: TokenSet, exchange: HttpExchange, idToken: { nonce: string | undefined } | undefined): Promise<void> {
  const idTokenToCheck = idToken !== undefined ? tokens.idToken : undefined;
  const accessJwt = jwtDisplay(tokens.accessToken);
  if (idTokenToCheck === undefined && accessJwt === undefined) return;
  const fetched = await fetchJwks(session, endpoints, idTokenToCheck !== undefined ? ID_TOKEN_TITLE : ACCESS_TOKEN_TITLE);
  const now = Math.floor((exchange.startedAt + exchange.headersMs) / 1000);
  const metadataIssuer = session.evidence.metadata?.issuer ?? session.config.issuer;
  if (idTokenToCheck !== undefined) {
    const issuer = expectedIssuer(metadataIssuer ?? '', session.config.preset?.issuerTemplate, idTokenToCheck);
    const checks = await verifyIdToken(idTokenToCheck, fetched.jwks, { issuer, clientId: session.config.client.clientId, nonce: idToken?.nonce, now, clockOffsetSec: session.evidence.clockOffsetSec });
    const failedChecks = checks.filter((c) => !c.ok);
    session.record({
      name: 'jwks',
      title: ID_TOKEN_TITLE,
      ok: failedChecks.length === 0,
      exchanges: fetched.exchanges,
      ms: fetched.exchanges.reduce((s, e) => s + e.totalMs, 0),
      working: [],
      notes: checks.map((c) => checked(c.ok, `${c.check}: ${c.detail}`)),
      error: failedChecks.length > 0 ? { code: 'id-token-invalid', message: `the ID token fails ${failedChecks.map((c) => c.check).join(', ')}` } : undefined,
    });
    if (failedChecks.length > 0) throw new Stop('jwks', { error: 'id-token-invalid', description: failedChecks.map((c) => `${c.check}: ${c.detail}`).join('; ') });
  }
  if (accessJwt === undefined) return;
  const own = idTokenToCheck === undefined ? fetched.exchanges : [];
  const issuer = metadataIssuer === undefined ? undefined : expectedIssuer(metadataIssuer, session.config.preset?.issuerTemplate, tokens.accessToken);
  const checks = await verifyAccessToken(tokens.accessToken, fetched.jwks, { issuer, now, clockOffsetSec: session.evidence.clockOffsetSec });
  const typ = decodeToken(tokens.accessToken)?.header.typ;
  const failing = checks.some((c) => !c.ok);
  session.record({
    name: 'access-token',
    title: ACCESS_TOKEN_TITLE,
    ok: true,
    exchanges: own,
    ms: own.reduce((s, e) => s + e.totalMs, 0),
    working: [{ label: 'header', value: accessJwt.header }, { label: 'claims', value: accessJwt.claims }, { label: 'signature', value: accessJwt.signature }],
    notes: [
      note(typeof typ === 'string' && /^(application\/)?at\+jwt$/i.test(typ) ? `typ ${typ}: a JWT access token by RFC 9068 §2.1` : `typ ${typ === undefined ? '(none)' : String(typ)}: a JWT, though not typed at+jwt (RFC 9068 §2.1)`),
      ...checks.map((c) => checked(c.ok, `${c.check}: ${c.detail}`)),
      ...(failing ? [note('an access token is its resource server\'s to judge (RFC 6750 §1.2): a failed check here is reported, the run goes on')] : []),
    ],
  });
}

export async function clientCredentials(session: Session, endpoints: OAuth2Endpoints): Promise<TokenSet> {
  const endpoint = need(endpoints, 'token', 'client-credentials', '--token-endpoint');
  const { tokens, exchange } = await tokenCall(session, 'client-credentials', endpoint, clientCredentialsPairs(session.config.scope));
  await checkIssuedTokens(session, endpoints, tokens, exchange, undefined);
  return tokens;
}

/**
 * The ledger saw this refresh token rotated out by an earlier refresh, and the server took it again:
 * it does not detect refresh-token reuse, so a stolen old token keeps working (RFC 9700 §4.14.2).
 */
function replayAcceptedWarning(): FlowNote {
  return warning('this refresh token was rotated out by an earlier refresh, yet the server accepted it again: it does not detect refresh-token reuse (RFC 9700 §4.14.2), so a leaked old token stays usable');
}

/** RFC 6749 §6, with the rotation shown (old and new, masked) and the ledger told. */
export async function refresh(session: Session, endpoints: OAuth2Endpoints, refreshToken: string): Promise<{ tokens: TokenSet; rotation?: { from: string; to: string } }> {
  const endpoint = need(endpoints, 'token', 'refresh', '--token-endpoint');
  session.secret(refreshToken);
  const prior = session.use('refresh_token', refreshToken);
  session.evidence.token = { refreshToken: fpOf(refreshToken) };
  session.evidence.ledger = { ...session.evidence.ledger, refreshToken: prior };
  const at = session.io.now();
  try {
    let rotated = false;
    const { tokens, exchange } = await tokenCall(session, 'refresh', endpoint, refreshPairs(refreshToken, undefined), [], (issued) => {
      const next = issued.refreshToken;
      rotated = next !== undefined && next !== refreshToken;
      const replayAccepted = prior?.rotated === true ? [replayAcceptedWarning()] : [];
      if (rotated) return { working: [{ label: 'old refresh_token', value: refreshToken, secret: true }], notes: [note('the refresh token was rotated: the old one must not be used again (RFC 9700 §4.14.2)'), ...replayAccepted] };
      return { working: [], notes: [note(next === undefined ? 'no new refresh token: the old one stays valid' : 'the same refresh token came back: not rotated'), ...replayAccepted] };
    });
    const issued = tokens.refreshToken;
    session.refreshes.push({ at, sent: fpOf(refreshToken), issued: issued === undefined ? undefined : fpOf(issued), status: exchange.response.status });
    await checkIssuedTokens(session, endpoints, tokens, exchange, undefined);
    if (rotated && issued !== undefined) {
      session.rotated(refreshToken, issued);
      return { tokens, rotation: { from: refreshToken, to: issued } };
    }
    return { tokens };
  } catch (error) {
    session.refreshes.push({ at, sent: fpOf(refreshToken), status: error instanceof Stop ? error.exchange?.response.status : undefined });
    throw error;
  }
}


/** RFC 8628 §3.1–§3.5: the device authorization, the user code shown, then polling at the server's pace. */
export async function deviceGrant(session: Session, endpoints: OAuth2Endpoints): Promise<TokenSet> {
  const authEndpoint = need(endpoints, 'deviceAuthorization', 'device-authorization', '--device-authorization-endpoint');
  const tokenEndpoint = need(endpoints, 'token', 'device-token', '--token-endpoint');
  const { request, working } = await session.post(authEndpoint, deviceAuthorizationPairs(session.scope));
  const exchange = await session.send('device-authorization', request);
  const parsed = parseDeviceAuthorization(exchange.response);
  if (!parsed.ok) {
    session.record({ name: 'device-authorization', ok: false, exchanges: [exchange], ms: exchange.totalMs, working, notes: [], error: { code: parsed.refusal.error, message: parsed.refusal.description ?? parsed.refusal.error } });
    throw new Stop('device-authorization', parsed.refusal, exchange);
  }
  const device: DeviceAuthorization = parsed.value;
  session.secret(device.deviceCode);
  const issuedAt = session.io.now();
  // --wait-timeout bounds the wait for the person, as it does a callback's (withinWait).
  let state = startPolling({ interval: device.interval, expires_in: device.expiresIn }, issuedAt, session.io.waitTimeoutMs);
  const polls: { at: number; error?: string | undefined }[] = [];
  session.evidence.device = { issuedAt, expiresInSec: device.expiresIn, intervalSec: state.intervalSec, polls };
  session.record({
    name: 'device-authorization',
    ok: true,
    exchanges: [exchange],
    ms: exchange.totalMs,
    working: [...working, { label: 'user_code', value: device.userCode }, { label: 'verification_uri', value: device.verificationUri }, ...(device.verificationUriComplete ? [{ label: 'verification_uri_complete', value: device.verificationUriComplete }] : []), { label: 'expires_in', value: `${device.expiresIn} s` }, { label: 'interval', value: `${state.intervalSec} s${device.interval === undefined ? ' (none sent: 5 s, RFC 8628 §3.2)' : ''}` }],
    notes: [],
  });
  session.io.observer?.device?.(device);
  let delay = state.intervalSec * 1000;
  for (;;) {
    if (!withinWait(state, session.io.now(), delay)) throw deviceWaitTimeout(session, state.polls, issuedAt, delay);
    await session.io.sleep(delay);
    const { request: poll, working: pollWorking } = await session.post(tokenEndpoint, deviceTokenPairs(device.deviceCode));
    const title = `Device token (poll ${state.polls + 1})`;
    const answer = await session.send('device-token', poll, { title });
    const at = session.io.now();
    const result = parseTokenResponse(answer.response);
    if (result.ok) {
      polls.push({ at });
      tokenSecrets(session, result.value);
      session.record({ name: 'device-token', title, ok: true, exchanges: [answer], ms: answer.totalMs, working: [...pollWorking, ...tokenWorking(result.value)], notes: [] });
      await checkIssuedTokens(session, endpoints, result.value, answer, { nonce: undefined });
      return result.value;
    }
    polls.push({ at, error: result.refusal.error });
    const decision = nextPoll(state, { kind: 'error', error: result.refusal.error }, at);
    if (decision.kind === 'wait') {
      state = decision.state;
      delay = decision.delayMs;
      const why = decision.reason === 'slow_down' ? `slow_down: the interval is now ${state.intervalSec} s (+5 s, RFC 8628 §3.5)` : `authorization_pending: polling again in ${state.intervalSec} s`;
      session.record({ name: 'device-token', title, ok: true, exchanges: [answer], ms: answer.totalMs, working: [], notes: [note(why)], waitedOut: decision.reason });
      continue;
    }
    const refusal = decision.kind === 'stop' && decision.reason === 'expired' ? { error: 'expired_token', description: 'the device code expires before the next poll (RFC 8628 §3.5)', status: answer.response.status } : result.refusal;
    session.record({ name: 'device-token', title, ok: false, exchanges: [answer], ms: answer.totalMs, working: [], notes: [], error: { code: refusal.error, message: refusal.description ?? refusal.error } });
    throw new Stop('device-token', refusal, answer);
  }
}

/** The person did not approve within --wait-timeout: a timeout (exit 4), recorded as the step it stopped. */
function deviceWaitTimeout(session: Session, polls: number, issuedAt: number, delayMs: number): DoctorError {
  const waited = Math.round((session.io.now() - issuedAt) / 1000);
  const bound = formatMs(session.io.waitTimeoutMs);
  const message = `the device code was not approved within --wait-timeout ${bound} (${polls} poll${polls === 1 ? '' : 's'} in ${waited} s; the next would come ${formatMs(delayMs)} later)`;
  const error = new DoctorError('device-wait-timeout', 'timeout', message, { hint: 'approve the code at the verification URI sooner, or raise --wait-timeout (the device code itself lasts its expires_in)' });
  session.record({ name: 'device-token', title: 'Device token (waiting)', ok: false, exchanges: [], working: [], notes: [note(`stopped polling: --wait-timeout ${bound} (RFC 8628 §3.5 polls until expires_in; the wait for the person is bounded here)`)], error: { code: error.code, message } });
  return error;
}

/** A duration as typed: 15 s, 2 min, 500 ms. */
function formatMs(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return s >= 120 && s % 60 === 0 ? `${s / 60} min` : `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** RFC 7662. */
export async function introspect(session: Session, endpoints: OAuth2Endpoints, token: string): Promise<Record<string, unknown>> {
  const endpoint = need(endpoints, 'introspection', 'introspection', '--introspection-endpoint');
  const { request, working } = await session.post(endpoint, tokenPairs(token, 'access_token'));
  const exchange = await session.send('introspection', request);
  const parsed = parseIntrospection(exchange.response);
  if (!parsed.ok) {
    session.record({ name: 'introspection', ok: false, exchanges: [exchange], ms: exchange.totalMs, working, notes: [], error: { code: parsed.refusal.error, message: parsed.refusal.description ?? parsed.refusal.error } });
    throw new Stop('introspection', parsed.refusal, exchange);
  }
  const shown = Object.entries(parsed.value).filter(([, v]) => typeof v !== 'object').map(([k, v]) => ({ label: k, value: String(v) }));
  session.record({ name: 'introspection', ok: true, exchanges: [exchange], ms: exchange.totalMs, working: [...working, ...shown], notes: parsed.value.active ? [] : [note('active: false — the server does not take this token (expired, revoked, or not its own)')] });
  return parsed.value;
}

/** RFC 7009: the refresh token when there is one (revoking it ends the grant), else the access token. */
export async function revoke(session: Session, endpoints: OAuth2Endpoints, tokens: TokenSet): Promise<void> {
  const endpoint = need(endpoints, 'revocation', 'revocation', '--revocation-endpoint');
  const [token, hint] = tokens.refreshToken !== undefined ? [tokens.refreshToken, 'refresh_token' as const] : [tokens.accessToken, 'access_token' as const];
  const { request, working } = await session.post(endpoint, tokenPairs(token, hint));
  const exchange = await session.send('revocation', request);
  const parsed = parseRevocation(exchange.response);
  if (!parsed.ok) {
    session.record({ name: 'revocation', ok: false, exchanges: [exchange], ms: exchange.totalMs, working, notes: [], error: { code: parsed.refusal.error, message: parsed.refusal.description ?? parsed.refusal.error } });
    throw new Stop('revocation', parsed.refusal, exchange);
  }
  if (hint === 'refresh_token') session.revoked(token);
  session.record({ name: 'revocation', ok: true, exchanges: [exchange], ms: exchange.totalMs, working: [...working, { label: 'token_type_hint', value: hint }], notes: [note('200: revoked, or unknown to the server (RFC 7009 §2.2 answers both alike)')] });
}

/** OpenID Connect Core §5.3. */
export async function userinfo(session: Session, endpoints: OAuth2Endpoints, tokens: TokenSet): Promise<Record<string, unknown>> {
  const endpoint = need(endpoints, 'userinfo', 'userinfo', '--userinfo-endpoint');
  const exchange = await session.send('userinfo', bearerRequest(endpoint, tokens.accessToken));
  const parsed = parseUserinfo(exchange.response);
  if (!parsed.ok) {
    const challenge = firstHeaderValue(exchange.response.headers, 'www-authenticate');
    session.record({ name: 'userinfo', ok: false, exchanges: [exchange], ms: exchange.totalMs, working: [], notes: challenge ? [note(`WWW-Authenticate: ${challenge}`)] : [], error: { code: parsed.refusal.error, message: parsed.refusal.description ?? parsed.refusal.error } });
    throw new Stop('userinfo', parsed.refusal, exchange);
  }
  const shown = Object.entries(parsed.value).filter(([, v]) => typeof v !== 'object').map(([k, v]) => ({ label: k, value: String(v) }));
  session.record({ name: 'userinfo', ok: true, exchanges: [exchange], ms: exchange.totalMs, working: shown, notes: [] });
  return parsed.value;
}

/** `--authorize http`: follow the authorization endpoint's redirects (cookies kept) until one goes to the redirect URI. */
export async function followToCallback(session: Session, url: string, redirectUri: string): Promise<{ callbackUrl?: string | undefined; exchanges: HttpExchange[] }> {
  const jar = new CookieJar();
  const exchanges: HttpExchange[] = [];
  let next = url;
  for (let hop = 0; hop < 10; hop++) {
    const cookie = jar.header(next);
    const exchange = await session.send('authorize', { method: 'GET', url: next, headers: { accept: 'text/html,application/json', ...(cookie ? { cookie } : {}) } });
    exchanges.push(exchange);
    jar.store(next, exchange.response.headers, session.io.now());
    const location = firstHeaderValue(exchange.response.headers, 'location');
    if (exchange.response.status < 300 || exchange.response.status >= 400 || location === undefined) return { exchanges };
    const target = new URL(location, next).href;
    if (target.split(/[?#]/)[0] === redirectUri) return { callbackUrl: target, exchanges };
    next = target;
  }
  return { exchanges };
}
