import type { Environment } from '../../cli/environment.js';
import { parseDuration } from '../../cli/duration.js';
import { createOutput } from '../../cli/output.js';
import { resolveLang } from '../../diagnose/lang.js';
import { diagnoseOAuth2 } from '../../diagnose/oauth2/diagnose.js';
import { readProblem } from '../../diagnose/read-problem.js';
import { parseBearerChallenge, type BearerChallenge } from '../../diagnose/read/www-authenticate.js';
import { diagnosisJson, renderDiagnosis } from '../../diagnose/render.js';
import type { DetectedProblem, Diagnosis } from '../../diagnose/types.js';
import { ExitCode, usageError } from '../../errors.js';
import { readTextFile } from '../../files/read-text-file.js';
import { responseHeaderLines, statusLine } from '../../flow/render.js';
import { responseJson } from '../../flow/report.js';
import { createDispatcher, firstHeaderValue, readCaFile, sendHttp } from '../../http/index.js';
import type { HttpExchange, HttpRequest } from '../../http/types.js';
import { randomBytes } from 'node:crypto';
import type { OAuth2Credential } from '../../credentials/store.js';
import { findOAuth2Preset } from '../../presets/oauth2.js';
import { isOAuth2ProfileFile, readOAuth2Profile, type OAuth2Profile } from '../../presets/oauth2-profile.js';
import { planRefresh, saveRefreshed, sendRefresh, type RefreshPlan, type RefreshResult } from './bearer-refresh.js';
import { clockOffsetSec as serverClockOffsetSec } from '../../oauth2/responses.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';
import { jwtDisplay, verifyAccessToken, type IdTokenCheck } from '../../oauth2/jwt.js';
import { discoverIssuer, fetchJwks, type IssuerReading } from './issuer.js';
import { readBody } from './body.js';
import type { RequestOptions } from './options.js';
import { parseHeaders } from './headers.js';
import { bodyForStdout, bodyNote } from './render.js';
import { parseTarget } from './target.js';

/**
 * `request --bearer TOKEN URL` (issue 18 item 5): one API call with an
 * OAuth 2.0 access token in the Authorization header (RFC 6750 §2.1), the
 * answer shown as for OAuth 1.0a, and a refusal's WWW-Authenticate: Bearer
 * challenge (§3: invalid_request, invalid_token, insufficient_scope) read and
 * diagnosed. `--bearer @FILE` takes the access token of a `flow --save`
 * session saved with --show-secrets; OAUTH2_ACCESS_TOKEN when --bearer is `-env`.
 */
function tokenFrom(value: string, env: Environment): string {
  if (value === '-env') {
    const token = env.env['OAUTH2_ACCESS_TOKEN'];
    if (!token) throw usageError('missing-access-token', '--bearer -env: OAUTH2_ACCESS_TOKEN is not set', 'export OAUTH2_ACCESS_TOKEN=… or pass --bearer TOKEN');
    return token;
  }
  if (!value.startsWith('@')) return value;
  const text = readTextFile(value.slice(1), env.cwd, { code: 'session-unreadable', shown: `--bearer ${value}`, hint: 'give a session file written by flow --save' });
  let token: unknown;
  try {
    token = (JSON.parse(text) as { tokens?: { access_token?: unknown } }).tokens?.access_token;
  } catch {
    throw usageError('session-invalid', `--bearer ${value} is not a JSON session file`, 'give a file written by oauth-doctor flow --save');
  }
  if (typeof token !== 'string' || token === '') throw usageError('session-without-token', `${value.slice(1)} holds no access token`, 'save a flow that succeeded: oauth-doctor flow … --save FILE --show-secrets');
  if (token.includes('…')) throw usageError('session-token-masked', `the access token in ${value.slice(1)} is masked`, 'save the flow with --show-secrets to reuse its token (the file is mode 0600)');
  return token;
}

function challengeOf(exchange: HttpExchange): BearerChallenge | undefined {
  const header = firstHeaderValue(exchange.response.headers, 'www-authenticate');
  return header === undefined ? undefined : parseBearerChallenge(header);
}

/** `--provider FILE` beside a bearer token: an OAuth 2.0 profile (for --refresh-on-401), nothing else. */
function bearerProfile(path: string, env: Environment): OAuth2Profile {
  if (findOAuth2Preset(path) !== undefined || !isOAuth2ProfileFile(path, env.cwd)) throw usageError('provider-with-bearer', `--provider ${path} with a bearer token must be an OAuth 2.0 profile (a JSON file)`, 'give the profile whose token endpoint and client refresh the token, or drop --provider');
  return readOAuth2Profile(path, env.cwd, env.env);
}

function problemOf(exchange: HttpExchange, challenge: BearerChallenge | undefined): DetectedProblem {
  const r = exchange.response;
  const read = readProblem({ status: r.status, headers: r.headers, body: r.body, url: exchange.request.url, requestHeaders: exchange.request.headers });
  if (read) return read;
  if (challenge?.error) return { code: `oauth2:${challenge.error}`, source: 'www-authenticate', confidence: 'exact', parameters: {}, message: challenge.description, status: r.status };
  return { code: 'unrecognised-response', source: 'status-only', confidence: 'heuristic', parameters: {}, status: r.status, message: `the server answered ${r.status}` };
}

/** The issuer a JWT access token can be checked against: the profile's (a plain URL, not a preset's template) or the saved credential's. */
function knownIssuer(profile: OAuth2Profile | undefined, credential: OAuth2Credential | undefined): string | undefined {
  const issuer = profile?.preset.issuer ?? credential?.issuer;
  return issuer !== undefined && !issuer.includes('{') ? issuer : undefined;
}

interface AccessTokenReading {
  readonly header: string;
  readonly claims: string;
  readonly signature: string;
  readonly issuer?: string | undefined;
  readonly checks: readonly IdTokenCheck[];
  /** Why nothing was verified (no issuer known, discovery found nothing). */
  readonly unverified?: string | undefined;
}

/**
 * A JWT access token sent by `request` (RFC 9068): decoded for display, and
 * verified with flow's code against the issuer's JWKS when the profile or the
 * credential names the issuer, times by the issuer's clock (its Date header).
 * Undefined for an opaque token.
 */
async function readAccessToken(token: string, profile: OAuth2Profile | undefined, credential: OAuth2Credential | undefined, now: number, send: (r: HttpRequest) => Promise<HttpExchange>, discover: (issuer: string) => Promise<IssuerReading>): Promise<AccessTokenReading | undefined> {
  const shown = jwtDisplay(token);
  if (shown === undefined) return undefined;
  const issuer = knownIssuer(profile, credential);
  let jwksUri = profile?.preset.endpoints?.jwks;
  if (jwksUri === undefined && issuer === undefined) return { ...shown, checks: [], unverified: 'no issuer known to verify it against (give --provider FILE, an OAuth 2.0 profile with its issuer)' };
  let problem: string | undefined;
  let last: HttpExchange | undefined;
  if (jwksUri === undefined && issuer !== undefined) {
    const found = await discover(issuer);
    last = found.exchanges.at(-1);
    jwksUri = found.metadata?.jwks_uri;
    problem = found.problem ?? (jwksUri === undefined ? `the metadata of ${issuer} has no jwks_uri` : undefined);
  }
  let jwks;
  if (jwksUri !== undefined) {
    const fetched = await fetchJwks(jwksUri, send);
    last = fetched.exchange;
    jwks = fetched.jwks;
  }
  const clockOffsetSec = last === undefined ? undefined : serverClockOffsetSec(last.response, last.startedAt + last.headersMs);
  const checks = await verifyAccessToken(token, jwks, { issuer, now: Math.floor(now / 1000), clockOffsetSec });
  return { ...shown, issuer, checks, unverified: problem };
}

export async function runBearerRequest(
  first: string,
  second: string | undefined,
  /** tokenNote: where the token came from when nobody named it (request --provider FILE without --bearer). */
  options: RequestOptions & { bearer: string; bearerName?: string | undefined; credential?: OAuth2Credential | undefined; tokenNote?: string | undefined },
  env: Environment,
): Promise<ExitCode> {
  const OAUTH1 = ['as', 'consumerKey', 'consumerSecret', 'token', 'tokenSecret', 'signatureMethod', 'privateKey', 'realm', 'placement', 'saveCredentials'] as const;
  const mixed = OAUTH1.filter((k) => options[k] !== undefined);
  if (mixed.length > 0) {
    // Named as the user gave it: --bearer, an OAuth 2.0 credential (--as), or an OAuth 2.0 profile's saved token (--provider).
    const oauth2 = options.tokenNote !== undefined ? `--provider${options.provider === undefined ? '' : ` ${options.provider}`} names an OAuth 2.0 server (a bearer token is sent)` : options.bearerName !== undefined ? `--as ${options.bearerName} is an OAuth 2.0 credential (its bearer token is sent)` : '--bearer sends an OAuth 2.0 token';
    throw usageError('oauth1-flag-with-bearer', `--${mixed[0]?.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} signs OAuth 1.0a requests; ${oauth2}`, 'drop one of them');
  }
  const target = parseTarget(first, second, options.method);
  const lang = resolveLang(options.lang, env.env);
  const timeoutMs = parseDuration(options.timeout, '--timeout', { bareUnit: 'ms', min: 1 });
  const ca = options.ca === undefined ? undefined : readCaFile(options.ca, env.cwd);
  const token = options.bearerName !== undefined ? options.bearer : tokenFrom(options.bearer, env);
  // --provider FILE with a bearer token: an OAuth 2.0 profile, for the refresh (its token endpoint and client).
  const profile = options.provider === undefined ? undefined : bearerProfile(options.provider, env);
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  output.redactor.add(token);
  // As for an OAuth 1.0a profile: a secret variable the profile names but nobody set is said before a refresh is refused for it.
  for (const warning of profile?.warnings ?? []) output.narrate(output.err.yellow(`warning: ${warning}`));
  const headers = parseHeaders(options.header);
  const body = await readBody({ data: options.data, form: options.form, jsonBody: options.jsonBody, contentType: headers['content-type'] }, env);
  const method = target.method ?? (body ? 'POST' : 'GET');
  const request = {
    method,
    url: target.url,
    // RFC 6750 §2.1: the header, never the query (§2.3 is NOT RECOMMENDED; a token in a URL ends up in logs).
    headers: { accept: 'application/json', ...headers, ...(body ? { 'content-type': body.contentType } : {}), authorization: `Bearer ${token}` },
    body: body?.content,
  };
  const c = output.err;
  output.narrate(`${c.bold('oauth-doctor request')} · OAuth 2.0 bearer token (RFC 6750 §2.1)${options.bearerName !== undefined ? ` · as ${options.bearerName}` : ''}`);
  if (options.tokenNote !== undefined) output.narrate(c.dim(`  token: ${options.tokenNote}`));
  const expiresAt = options.credential?.expiresAt === undefined ? Number.NaN : Date.parse(options.credential.expiresAt);
  if (expiresAt <= env.now()) output.narrate(c.yellow(`  the saved token expired at ${options.credential?.expiresAt ?? ''} (its expires_in)${options.refreshOn401 ? '' : ': --refresh-on-401 refreshes it on a 401'}`));
  const dispatcher = createDispatcher({ env: env.env, ca, timeoutMs });
  let exchange: HttpExchange;
  let refresh: { result: RefreshResult; refused: HttpExchange } | undefined;
  let accessToken: AccessTokenReading | undefined;
  let discovery: readonly HttpExchange[] = [];
  try {
    const send = (r: HttpRequest) => sendHttp(r, { dispatcher, timeoutMs, signal: env.signal, now: () => env.now(), maxRedirects: 0 });
    // One discovery per issuer and run: the refresh's token endpoint and the JWT's JWKS come from the same metadata.
    const discovered = new Map<string, Promise<IssuerReading>>();
    const discover = (issuer: string): Promise<IssuerReading> => {
      let reading = discovered.get(issuer);
      if (reading === undefined) discovered.set(issuer, (reading = discoverIssuer(issuer, send)));
      return reading;
    };
    exchange = await send(request);
    // RFC 6750 §3.1: invalid_token is "expired, revoked, malformed or invalid"; a refresh (RFC 6749 §6) is the cure for the first.
    if (exchange.response.status === 401 && challengeOf(exchange)?.error === 'invalid_token') {
      const planning = planRefresh(env, options.credential, profile);
      let plan: RefreshPlan | string = typeof planning === 'string' ? planning : '';
      if (typeof planning !== 'string' && planning.tokenEndpoint !== undefined) plan = { ...planning, tokenEndpoint: planning.tokenEndpoint };
      else if (typeof planning !== 'string' && planning.issuer !== undefined && options.refreshOn401) {
        // RFC 8414 §3 / OpenID Connect Discovery §4: the token endpoint of a profile or credential that names only the issuer.
        const found = await discover(planning.issuer);
        discovery = found.exchanges;
        const endpoint = found.metadata?.token_endpoint;
        plan = endpoint !== undefined ? { ...planning, tokenEndpoint: endpoint } : `no token endpoint: ${found.problem ?? `the metadata of ${planning.issuer} has no token_endpoint`}`;
        if (endpoint !== undefined) output.narrate(c.dim(`  token endpoint ${sanitizeForTerminal(endpoint)} (discovered from ${sanitizeForTerminal(planning.issuer)})`));
      }
      if (!options.refreshOn401) {
        if (typeof planning !== 'string') output.narrate(c.yellow('  the token was refused as invalid_token and a refresh token is at hand: --refresh-on-401 refreshes it and retries once'));
      } else if (typeof plan === 'string') output.narrate(c.yellow(`  --refresh-on-401: no refresh: ${plan}`));
      else {
        output.redactor.add(plan.refreshToken).add(plan.clientSecret);
        const result = await sendRefresh(plan, env.now(), randomBytes(16).toString('base64url'), send);
        // RFC 6749 §2.3.1: the Basic credentials are the secret in base64; the new tokens are secrets before anything is shown.
        output.redactor.add(result.request.headers['authorization']?.replace(/^Basic\s+/i, '')).add(result.tokens?.accessToken).add(result.tokens?.refreshToken).add(result.tokens?.idToken);
        output.narrate();
        output.narrate(c.bold('Refresh') + c.dim(`  POST ${sanitizeForTerminal(plan.tokenEndpoint)}  (401 invalid_token, --refresh-on-401; client auth ${plan.clientAuth})`));
        output.narrate(statusLine(result.exchange, c));
        const tokens = result.tokens;
        if (tokens === undefined) output.narrate(c.red(`  ✗ the refresh was refused: ${result.refusal?.error ?? 'no tokens'}${result.refusal?.description ? ` (${sanitizeForTerminal(result.refusal.description)})` : ''}`));
        else {
          const next = tokens.refreshToken;
          const rotated = next !== undefined && next !== plan.refreshToken;
          output.narrate(`  access_token   ${output.redactor.mask(tokens.accessToken)}`);
          output.narrate(`  refresh_token  ${rotated ? `${output.redactor.mask(plan.refreshToken)} → ${output.redactor.mask(next)}  (rotated: the old one must not be used again, RFC 9700 §4.14.2)` : `${output.redactor.mask(plan.refreshToken)}  (${next === undefined ? 'no new one: the old one stays' : 'the same one came back'})`}`);
          if (options.bearerName !== undefined && options.credential) output.narrate(c.dim(`  credential ${options.bearerName} updated in ${saveRefreshed(env, options.bearerName, options.credential, tokens)}`));
          const retried = { ...request, headers: { ...request.headers, authorization: `Bearer ${tokens.accessToken}` } };
          refresh = { result, refused: exchange };
          exchange = await send(retried);
        }
        refresh ??= { result, refused: exchange };
      }
    }
    const sent = firstHeaderValue(exchange.request.headers, 'authorization')?.replace(/^Bearer\s+/i, '') ?? token;
    accessToken = await readAccessToken(sent, profile, options.credential, env.now(), send, discover);
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
  const ok = exchange.response.status >= 200 && exchange.response.status < 300;
  const challenge = challengeOf(exchange);
  // A bearer call signs no timestamp: the server's Date against when its headers arrived (the OAuth 2.0 flow's reading, RFC 9110 §6.6.1).
  const clockOffsetSec = serverClockOffsetSec(exchange.response, exchange.startedAt + exchange.headersMs);
  let diagnosis: Diagnosis | undefined;
  if (!ok) {
    const scopeNeeded = challenge?.scope;
    diagnosis = diagnoseOAuth2({ observedAt: exchange.startedAt, failedStep: 'resource', oauth2Request: true, clockOffsetSec, ...(scopeNeeded ? { authorize: { scope: scopeNeeded } } : {}) }, problemOf(exchange, challenge), { lang });
  }
  if (options.json) {
    output.json({
      ok,
      protocol: 'oauth2',
      request: { method: request.method, url: request.url, headers: exchange.request.headers, body: request.body },
      response: responseJson(exchange),
      timings: { headersMs: exchange.headersMs, totalMs: exchange.totalMs },
      clockOffsetSec: clockOffsetSec ?? null,
      challenge: challenge ?? null,
      diagnosis: diagnosis ? diagnosisJson(diagnosis) : null,
      // --refresh-on-401: the refused call, the refresh, then the retried call is request/response above.
      refresh: refresh ? { discovery: discovery.map((e) => ({ url: e.request.url, status: e.response.status })), refused: responseJson(refresh.refused), request: { method: 'POST', url: refresh.result.request.url, headers: refresh.result.request.headers }, response: responseJson(refresh.result.exchange), ok: refresh.result.tokens !== undefined } : null,
      // RFC 9068: a JWT access token decoded (the token itself masked above) and checked; null for an opaque one.
      accessToken: accessToken ? { header: JSON.parse(accessToken.header) as unknown, claims: JSON.parse(accessToken.claims) as unknown, issuer: accessToken.issuer ?? null, checks: accessToken.checks, unverified: accessToken.unverified ?? null } : null,
      secretsMasked: output.redactor.active,
    });
    return ok ? ExitCode.Ok : ExitCode.Refused;
  }
  output.narrate();
  output.narrate(c.bold(refresh?.result.tokens ? 'Request (retried)' : 'Request') + c.dim(`  ${request.method} ${sanitizeForTerminal(request.url)}`));
  for (const [name, value] of Object.entries(exchange.request.headers)) output.narrate(`    ${name}: ${sanitizeForTerminal(value)}`);
  output.narrate();
  output.narrate(c.bold('Response') + statusLine(exchange, c).replace(/^ {2}→/, ''));
  for (const line of responseHeaderLines(exchange, c)) output.narrate(line);
  if (challenge) output.narrate(c.dim(`  Bearer challenge: ${[challenge.error && `error=${challenge.error}`, challenge.description && `error_description="${challenge.description}"`, challenge.scope && `scope="${challenge.scope}"`, challenge.realm && `realm="${challenge.realm}"`].filter(Boolean).join(', ') || '(no error: no token, or one the server did not take)'}`));
  if (accessToken) {
    output.narrate();
    output.narrate(c.bold('Access token (JWT)') + c.dim(accessToken.issuer ? `  issuer ${sanitizeForTerminal(accessToken.issuer)}` : ''));
    output.narrate(`  header     ${sanitizeForTerminal(accessToken.header)}`);
    output.narrate(`  claims     ${sanitizeForTerminal(accessToken.claims)}`);
    output.narrate(`  signature  ${accessToken.signature}`);
    for (const check of accessToken.checks) output.narrate(`  ${check.ok ? c.green('✓') : c.red('✗')} ${check.check}: ${sanitizeForTerminal(check.detail)}`);
    if (accessToken.unverified) output.narrate(c.dim(`  not verified: ${sanitizeForTerminal(accessToken.unverified)}`));
  }
  const note = bodyNote(exchange);
  if (note) output.narrate(c.dim(`  ${note}`));
  if (diagnosis) {
    output.narrate();
    output.narrate(c.red(c.bold(`✗ refused (${exchange.response.status}): ${diagnosis.problem.code}`)));
    output.narrate();
    for (const line of renderDiagnosis(diagnosis, c)) output.narrate(line);
  }
  const text = bodyForStdout(exchange);
  if (text !== undefined) {
    if (env.stdoutIsTTY) output.result(text);
    else env.stdout.write(`${output.redactor.redact(text)}\n`);
  }
  return ok ? ExitCode.Ok : ExitCode.Refused;
}
