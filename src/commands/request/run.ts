import { ExitCode, isDoctorError, usageError, type DoctorError } from '../../errors.js';
import { resolve } from 'node:path';
import type { Environment } from '../../cli/environment.js';
import { parseDuration } from '../../cli/duration.js';
import { createOutput, type Output } from '../../cli/output.js';
import { findCredential, saveCredential, type NamedCredential } from '../../credentials/store.js';
import { resolveLang } from '../../diagnose/lang.js';
import { diagnosisJson, renderDiagnosis } from '../../diagnose/render.js';
import { clockOffsetOf } from '../../exchange/evidence.js';
import { readLive } from '../../exchange/reading.js';
import { responseJson, type RequestJson } from '../../flow/report.js';
import { createDispatcher, readCaFile, sendHttp } from '../../http/index.js';
import type { HttpExchange, HttpRequest } from '../../http/types.js';
import { parsePlacement, placeParameters, type Placement } from '../../oauth/placement.js';
import { signRequest, timestampFrom } from '../../oauth/sign-request.js';
import type { SignedRequest, SignInput } from '../../oauth/types.js';
import { readBody } from './body.js';
import type { RequestOptions } from './options.js';
import { resolveRequestCredentials, type RequestCredentials } from './credentials.js';
import { diagnoseRefusal, type RefusalDiagnosis } from './diagnose.js';
import { parseHeaders } from './headers.js';
import { resolveRequestProvider, type RequestProvider } from './provider.js';
import { findPreset } from '../../presets/index.js';
import { findOAuth2Preset } from '../../presets/oauth2.js';
import { isOAuth2ProfileFile, readOAuth2Profile } from '../../presets/oauth2-profile.js';
import { bodyForStdout, bodyNote, requestLines, responseLines } from './render.js';
import { parseTarget } from './target.js';

/** The one JSON document `request --json` prints. */
interface RequestReport {
  readonly ok: boolean;
  readonly provider: string | null;
  readonly placement: Placement;
  readonly request: RequestJson & { readonly wireUrl: string; readonly normalizedParameters: string };
  /** null: no answer came (a network failure, the report's `error`). */
  readonly response: ReturnType<typeof responseJson> | null;
  readonly timings: { readonly headersMs: number; readonly totalMs: number } | null;
  readonly clockOffsetSec: number | null;
  readonly diagnosis: ReturnType<typeof diagnosisJson> | null;
  readonly signatureCheck: { readonly status: string; readonly serverVariant: string | null; readonly serverBaseStringMatches: boolean | null } | null;
  readonly savedCredential: string | null;
  readonly secretsMasked: boolean;
}

function bodyHashRule(options: RequestOptions, provider: RequestProvider): SignInput['bodyHash'] {
  if (options.bodyHash === false) return false;
  if (provider.preset?.bodyHash === 'always') return 'always';
  return options.bodyHash === true;
}

/** A realm written as a template ({realm}, NetSuite) needs --account, which belongs to flow: only a literal one is taken. */
function presetRealm(provider: RequestProvider): string | undefined {
  const realm = provider.preset?.realm;
  return realm === undefined || realm.includes('{') ? undefined : realm;
}

function reportOf(parts: {
  signed: SignedRequest;
  exchange: HttpExchange;
  /** server clock − client clock (src/exchange/evidence.ts). */
  clock: number | undefined;
  placement: Placement;
  provider: RequestProvider;
  refusal: RefusalDiagnosis | undefined;
  saved: string | undefined;
  output: Output;
}): RequestReport {
  const { signed, exchange, refusal } = parts;
  const server = refusal?.signatureCheck?.server;
  return {
    ok: exchange.response.status >= 200 && exchange.response.status < 300,
    provider: parts.provider.preset?.name ?? null,
    placement: parts.placement,
    request: {
      method: exchange.request.method,
      url: exchange.request.url,
      wireUrl: signed.wireUrl,
      headers: exchange.request.headers,
      body: exchange.request.body === '' ? undefined : exchange.request.body,
      signatureMethod: signed.signatureMethod,
      baseString: signed.baseString,
      normalizedParameters: signed.normalizedParameters,
      parameters: signed.parameters.map((p) => ({ name: p.name, value: p.value, source: p.source })),
    },
    response: responseJson(exchange),
    timings: { headersMs: exchange.headersMs, totalMs: exchange.totalMs },
    clockOffsetSec: parts.clock ?? null,
    diagnosis: refusal ? diagnosisJson(refusal.diagnosis) : null,
    signatureCheck: refusal?.signatureCheck ? { status: refusal.signatureCheck.status, serverVariant: server?.variant ?? null, serverBaseStringMatches: server ? server.matchesOurs : null } : null,
    savedCredential: parts.saved ?? null,
    secretsMasked: parts.output.redactor.active,
  };
}

/** The report of a call that got no answer: the same document, `response` null, and the error that stopped it. */
function failedReportOf(parts: { signed: SignedRequest; sent: HttpRequest; placement: Placement; provider: RequestProvider; error: DoctorError; output: Output }): RequestReport & { readonly error: { code: string; class: string; exitCode: number; message: string; hint: string | undefined } } {
  const { signed, sent, error } = parts;
  return {
    ok: false,
    provider: parts.provider.preset?.name ?? null,
    placement: parts.placement,
    request: {
      method: sent.method,
      url: sent.url,
      wireUrl: signed.wireUrl,
      headers: sent.headers,
      body: sent.body === undefined || sent.body === '' ? undefined : sent.body,
      signatureMethod: signed.signatureMethod,
      baseString: signed.baseString,
      normalizedParameters: signed.normalizedParameters,
      parameters: signed.parameters.map((p) => ({ name: p.name, value: p.value, source: p.source })),
    },
    response: null,
    timings: null,
    clockOffsetSec: null,
    diagnosis: null,
    signatureCheck: null,
    savedCredential: null,
    secretsMasked: parts.output.redactor.active,
    error: { code: error.code, class: error.errorClass, exitCode: error.exitCode, message: error.message, hint: error.hint },
  };
}

/** What `--save-credentials NAME` keeps: what signed this call, the key file by its absolute path. */
function credentialToSave(credentials: RequestCredentials, provider: RequestProvider, env: Environment): NamedCredential {
  return {
    consumerKey: credentials.consumerKey,
    consumerSecret: credentials.privateKey ? undefined : credentials.consumerSecret,
    token: credentials.token,
    tokenSecret: credentials.tokenSecret,
    privateKeyFile: credentials.privateKey ? resolve(env.cwd, credentials.privateKey.path) : undefined,
    signatureMethod: credentials.signatureMethod,
    provider: provider.profile ? undefined : provider.preset?.name,
    savedAt: new Date(env.now()).toISOString(),
  };
}

/** Whether --provider names an OAuth 2.0 server: an OAuth 2.0 profile file, or an OAuth 2.0 preset that is no OAuth 1.0a one. */
function oauth2ProviderOf(value: string, env: Environment): 'profile' | 'preset' | undefined {
  if (findPreset(value) !== undefined) return undefined;
  if (findOAuth2Preset(value) !== undefined) return 'preset';
  return isOAuth2ProfileFile(value, env.cwd) ? 'profile' : undefined;
}

/**
 * `oauth-doctor request [METHOD] URL`: build (sign, place) → send (undici,
 * no redirect followed: the signature covers the URL) → show → diagnose a
 * refusal. Exit 0 on a 2xx, 1 on a refusal (diagnosed), 2 usage, 3 network.
 */
export async function runRequest(first: string, second: string | undefined, options: RequestOptions, env: Environment): Promise<ExitCode> {
  const target = parseTarget(first, second, options.method);
  const lang = resolveLang(options.lang, env.env);
  const placement = parsePlacement(options.placement);
  const timeoutMs = parseDuration(options.timeout, '--timeout', { bareUnit: 'ms', min: 1 });
  const ca = options.ca === undefined ? undefined : readCaFile(options.ca, env.cwd);
  const headers = parseHeaders(options.header);
  const found = options.as === undefined ? undefined : findCredential(env.env, options.as);
  if (found?.protocol === 'oauth2') {
    // An OAuth 2.0 credential signs nothing: its access token goes as a bearer token (RFC 6750 §2.1).
    const { runBearerRequest } = await import('./bearer.js');
    return runBearerRequest(first, second, { ...options, as: undefined, bearer: found.accessToken, bearerName: options.as, credential: found }, env);
  }
  // --provider FILE naming an OAuth 2.0 server (a profile, or an OAuth 2.0 preset) without --bearer: the token saved for its client.
  const oauth2Provider = options.provider === undefined ? undefined : oauth2ProviderOf(options.provider, env);
  if (oauth2Provider !== undefined && options.provider !== undefined) {
    if (found !== undefined) throw usageError('oauth1-credential-with-oauth2-provider', `--as ${options.as ?? ''} is an OAuth 1.0a credential and --provider ${options.provider} an OAuth 2.0 server`, 'give --as NAME of a credential saved by an OAuth 2.0 flow, or drop --provider');
    const { profileServer, profileToken } = await import('./profile-token.js');
    const profile = oauth2Provider === 'profile' ? readOAuth2Profile(options.provider, env.cwd, env.env) : undefined;
    const choice = profileToken(options.provider, profileServer(profile, oauth2Provider === 'preset' ? options.provider : undefined, env), env);
    const { runBearerRequest } = await import('./bearer.js');
    // A preset names no file for bearer.ts to read: the credential carries its issuer and token endpoint.
    const provider = oauth2Provider === 'profile' ? options.provider : undefined;
    if (choice.kind === 'env') return runBearerRequest(first, second, { ...options, provider, bearer: '-env', tokenNote: 'OAUTH2_ACCESS_TOKEN (no saved credential is for this client)' }, env);
    const note = `the credential saved for this client${choice.others.length > 0 ? ` (the newest of ${choice.others.length + 1}; also ${choice.others.join(', ')}: --as NAME picks one)` : ''}`;
    return runBearerRequest(first, second, { ...options, provider, bearer: choice.credential.accessToken, bearerName: choice.name, credential: choice.credential, tokenNote: note }, env);
  }
  // --refresh-on-401 refreshes OAuth 2.0 bearer tokens (RFC 6749 §6); an OAuth 1.0a token has no refresh.
  if (options.refreshOn401) throw usageError('refresh-without-bearer', '--refresh-on-401 refreshes an OAuth 2.0 bearer token; this request is signed with OAuth 1.0a', 'give --bearer TOKEN or --as NAME of an OAuth 2.0 credential, or drop --refresh-on-401');
  const named = found;
  const provider = resolveRequestProvider(options.provider, named?.provider, target.url, env);
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  for (const warning of provider.profile?.warnings ?? []) output.narrate(output.err.yellow(`warning: ${warning}`));
  const credentials = await resolveRequestCredentials(options, env, named, provider.preset, provider.profile);
  output.redactor.add(credentials.consumerSecret).add(credentials.tokenSecret).add(credentials.token).add(credentials.privateKey?.passphrase);

  const body = await readBody({ data: options.data, form: options.form, jsonBody: options.jsonBody, contentType: headers['content-type'] }, env);
  const method = target.method ?? (body ? 'POST' : 'GET');
  const signed = signRequest({
    method,
    url: target.url,
    client: { consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret, privateKey: credentials.privateKey?.key },
    token: credentials.token === undefined ? undefined : { token: credentials.token, tokenSecret: credentials.tokenSecret ?? '' },
    signatureMethod: credentials.signatureMethod,
    timestamp: timestampFrom(env.now()),
    nonce: env.nonce(),
    realm: options.realm ?? presetRealm(provider),
    body,
    bodyHash: bodyHashRule(options, provider),
  });
  // RFC 5849 §3.4.4: a PLAINTEXT signature is the key itself.
  if (signed.signatureMethod === 'PLAINTEXT') output.redactor.add(signed.signature);
  const placed = placeParameters(signed, placement, body ? { ...headers, 'content-type': body.contentType } : headers);

  const c = output.err;
  const via = [provider.preset ? `${provider.preset.name}${provider.from === 'url' ? ' (from the URL)' : ''}` : undefined, signed.signatureMethod, `parameters in the ${placement}`, credentials.named ? `as ${credentials.named}` : undefined].filter(Boolean).join(' · ');
  output.narrate(`${c.bold('oauth-doctor request')} · ${via}`);

  const signal = env.signal;
  const dispatcher = createDispatcher({ env: env.env, ca, timeoutMs });
  let exchange: HttpExchange;
  const sent = { method: placed.method, url: placed.url, headers: placed.headers, body: placed.body };
  try {
    exchange = await sendHttp(sent, { dispatcher, timeoutMs, signal, now: () => env.now(), maxRedirects: 0 });
  } catch (error) {
    // --json: a call that got no answer (refused, reset, timed out, TLS) is still one report, with what was signed and
    // sent and the error; the exit code is the error's, as without --json. An interrupted run (130) prints none.
    if (options.json && isDoctorError(error) && error.errorClass !== 'interrupted') output.json(failedReportOf({ signed, sent, placement, provider, error, output }));
    throw error;
  } finally {
    await dispatcher.close().catch(() => undefined);
  }

  const ok = exchange.response.status >= 200 && exchange.response.status < 300;
  const clock = clockOffsetOf(readLive(exchange, 'resource'));
  const refusal = ok ? undefined : diagnoseRefusal(exchange, { consumerSecret: credentials.consumerSecret, tokenSecret: credentials.tokenSecret, privateKey: credentials.privateKey?.key }, lang);
  let saved: string | undefined;
  if (options.saveCredentials !== undefined && ok) saved = saveCredential(env.env, options.saveCredentials, credentialToSave(credentials, provider, env));

  if (options.json) {
    output.json(reportOf({ signed, exchange, clock, placement, provider, refusal, saved, output }));
  } else {
    output.narrate();
    for (const line of requestLines(signed, exchange, c)) output.narrate(line);
    output.narrate();
    for (const line of responseLines(exchange, clock, c)) output.narrate(line);
    const note = bodyNote(exchange);
    if (note) output.narrate(c.dim(`  ${note}`));
    if (refusal) {
      output.narrate();
      output.narrate(c.red(c.bold(`✗ refused (${exchange.response.status}): ${refusal.diagnosis.problem.code}`)));
      output.narrate();
      for (const line of renderDiagnosis(refusal.diagnosis, c)) output.narrate(line);
    }
    const text = bodyForStdout(exchange);
    if (text !== undefined) {
      // A terminal gets the body sanitised (a hostile server cannot rewrite it); a pipe gets it as it came, secrets still masked.
      if (env.stdoutIsTTY) output.result(text);
      else env.stdout.write(`${output.redactor.redact(text)}\n`);
    }
  }
  if (options.saveCredentials !== undefined) {
    output.narrate(saved ? c.dim(`credential ${options.saveCredentials} saved to ${saved} (mode 0600); use it with: oauth-doctor request --as ${options.saveCredentials} URL`) : c.yellow(`credential ${options.saveCredentials} not saved: the call was refused`));
  }
  return ok ? ExitCode.Ok : ExitCode.Refused;
}
