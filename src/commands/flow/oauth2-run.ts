import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { isInteractive, type Environment } from '../../cli/environment.js';
import { parseDuration } from '../../cli/duration.js';
import { createOutput, escapeUnsafeJson, type Output } from '../../cli/output.js';
import { resolveLang } from '../../diagnose/lang.js';
import { ledgerPath, loadLedger, saveLedger } from '../../diagnose/oauth2/ledger-file.js';
import { diagnosisJson, renderDiagnosis } from '../../diagnose/render.js';
import type { Diagnosis } from '../../diagnose/types.js';
import { encodeQr, renderQr } from '../../device/qr.js';
import { ExitCode, DoctorError, usageError } from '../../errors.js';
import { writePrivateFile } from '../../files/write-private-file.js';
import { annotateFailure } from '../../flow/annotation.js';
import { openInBrowser } from '../../flow/browser.js';
import { readLine } from '../../flow/read-line.js';
import { createDispatcher, readCaFile, sendHttp } from '../../http/index.js';
import { diagnoseOAuth2Outcome } from '../../flow/oauth2/diagnosis.js';
import { runOAuth2Flow } from '../../flow/oauth2/engine.js';
import { startLoopback } from '../../flow/oauth2/loopback.js';
import { renderOAuth2Step, stepHeading } from '../../flow/oauth2/render.js';
import { buildOAuth2Report } from '../../flow/oauth2/report.js';
import type { OAuth2FlowConfig, OAuth2Observer, OAuth2Outcome } from '../../flow/oauth2/types.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';
import type { FlowOptions } from './options.js';
import { resolveOAuth2Config } from './oauth2-config.js';
import { checkCredentialName, saveCredential } from '../../credentials/store.js';
import { checkClientSecretJwt } from '../../oauth2/client-secret-jwt.js';

function observer(output: Output, env: Environment, verbose: boolean): OAuth2Observer {
  const c = output.err;
  let last = '';
  const heading = (title: string, request: { method: string; url: string } | undefined) => {
    if (title === last) return;
    last = title;
    output.narrate();
    output.narrate(stepHeading(title, request && { method: request.method, url: request.url, headers: {} }, c));
  };
  return {
    secret: (value) => void output.redactor.add(value),
    stepStarting: (_name, title, request) => heading(title, request),
    stepDone(step) {
      heading(step.title, step.exchanges[0]?.request ?? step.request);
      for (const line of renderOAuth2Step(step, c, { verbose, mask: (v) => output.redactor.mask(v) })) output.narrate(line);
    },
    authorizeUrl(url, opened) {
      output.narrate(`  ${opened ? 'Opened in your browser; if it did not appear, open' : 'Open'} this address to authorise:`);
      // The authorization URL holds no secret (the PKCE challenge and state are public): shown whole, for the person to open.
      env.stderr.write(`  ${c.cyan(sanitizeForTerminal(url))}\n`);
    },
    device(device) {
      output.narrate();
      output.narrate(`  On any device, open ${c.cyan(sanitizeForTerminal(device.verificationUri))} and enter the code ${c.bold(sanitizeForTerminal(device.userCode))}`);
      // RFC 8628 §3.3.1: verification_uri_complete MAY be shown as a QR code; on a terminal only.
      const complete = device.verificationUriComplete;
      const qr = complete !== undefined && env.stderrIsTTY ? encodeQr(complete, { level: 'M' }) : undefined;
      if (qr && complete !== undefined) {
        output.narrate(`  or scan (${sanitizeForTerminal(complete)}):`);
        for (const line of renderQr(qr)) env.stderr.write(`  ${line}\n`);
      }
    },
  };
}

const GRANT_NAMES: Record<OAuth2FlowConfig['grant'], string> = { code: 'authorization code', device: 'device', 'client-credentials': 'client credentials', refresh: 'refresh' };

function summaryLines(outcome: OAuth2Outcome, config: OAuth2FlowConfig, output: Output, totalMs: number): string[] {
  const c = output.out;
  const tokens = outcome.tokens;
  if (!tokens) return [];
  const who = outcome.metadata?.issuer ?? config.issuer ?? config.endpoints.token ?? '';
  const lines = [c.green(c.bold(`✓ ${who} issued an access token`)) + c.dim(`  (${GRANT_NAMES[config.grant]} grant, ${outcome.steps.length} steps, ${totalMs} ms on the wire)`)];
  const fields: [string, string][] = [
    ['access_token', output.redactor.mask(tokens.accessToken)],
    ['token_type', tokens.tokenType],
  ];
  if (tokens.expiresIn !== undefined) fields.push(['expires_in', `${tokens.expiresIn} s`]);
  if (tokens.refreshToken !== undefined) fields.push(['refresh_token', output.redactor.mask(tokens.refreshToken)]);
  if (outcome.rotation) fields.push(['rotated from', output.redactor.mask(outcome.rotation.from)]);
  if (tokens.scope !== undefined) fields.push(['scope', tokens.scope]);
  if (tokens.idToken !== undefined) fields.push(['id_token', output.redactor.mask(tokens.idToken)]);
  const width = Math.max(...fields.map(([n]) => n.length));
  for (const [name, value] of fields) lines.push(`  ${name.padEnd(width)}  ${value}`);
  return lines;
}

function failureLines(outcome: OAuth2Outcome, diagnosis: Diagnosis | undefined, output: Output): string[] {
  const c = output.out;
  const failure = outcome.failure;
  if (!failure) return [];
  const step = outcome.steps.filter((s) => !s.ok).at(-1);
  const status = failure.exchange ? ` (${failure.exchange.response.status})` : '';
  const what = diagnosis ? diagnosis.problem.code : failure.refusal.error;
  const lines = [c.red(c.bold(`✗ ${step?.title ?? failure.step} refused${status}: ${what}`))];
  if (failure.refusal.description && !diagnosis) lines.push(`  ${sanitizeForTerminal(failure.refusal.description)}`);
  if (diagnosis) lines.push('', ...renderDiagnosis(diagnosis, c, output.outWidth));
  return lines;
}

/** The preset's notes, its client-secret check, and what a rehearsal changes, before anything is sent. */
function preambleLines(config: OAuth2FlowConfig, now: number): string[] {
  const lines: string[] = [];
  const preset = config.preset;
  if (preset) {
    lines.push(config.profile === undefined ? `  preset ${preset.name}: ${preset.title}` : `  profile ${config.profile}${preset.title === `profile ${config.profile}` ? '' : `: ${preset.title}`}`);
    for (const note of preset.notes) lines.push(`  note: ${note}`);
    if (preset.clientSecretJwt && config.client.clientSecret !== undefined) {
      for (const f of checkClientSecretJwt(config.client.clientSecret, preset.clientSecretJwt, config.client.clientId, Math.floor(now / 1000))) lines.push(`  client secret JWT: ${f.ok ? '✓' : '✗'} ${f.detail}`);
    }
  }
  for (const warning of config.warnings ?? []) lines.push(`  warning: ${warning}`);
  const r = config.rehearsal;
  if (r?.exchangeTwice) lines.push('  rehearsal: the code will be exchanged twice (--exchange-twice): the second exchange should be refused');
  if (r?.tokenRedirectUri !== undefined) lines.push(`  rehearsal: the token request will carry redirect_uri ${sanitizeForTerminal(r.tokenRedirectUri)} (--token-redirect-uri)`);
  if (r?.codeVerifier !== undefined) lines.push('  rehearsal: the token request will carry the verifier given (--code-verifier), not the one made for the challenge');
  return lines;
}

/** `flow` for OAuth 2.0 (issue 18): configuration checked first, then the engine, then the result (text or --json) and --save. */
export async function runOAuth2FlowCommand(options: FlowOptions, env: Environment): Promise<ExitCode> {
  const signal = env.signal;
  const timeoutMs = parseDuration(options.timeout, '--timeout', { bareUnit: 'ms', min: 1 });
  const waitTimeoutMs = parseDuration(options.waitTimeout, '--wait-timeout', { bareUnit: 'ms', min: 1 });
  const lang = resolveLang(options.lang, env.env);
  if (options.step && !isInteractive(env)) throw usageError('step-needs-terminal', '--step pauses for a person and needs a terminal (and CI unset)', 'drop --step in scripts and CI');
  if (options.saveCredentials !== undefined) checkCredentialName(options.saveCredentials, '--save-credentials');
  const config = await resolveOAuth2Config(options, env);
  const ca = options.ca === undefined ? undefined : readCaFile(options.ca, env.cwd);
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  output.redactor.add(config.client.clientSecret).add(config.refreshToken);
  const dispatcher = createDispatcher({ env: env.env, ca, timeoutMs });
  const path = ledgerPath(env.env);
  try {
    const c = output.err;
    output.narrate(`${c.bold('oauth-doctor flow')} · OAuth 2.0 · ${GRANT_NAMES[config.grant]} grant`);
    const auth = config.issuer !== undefined && config.clientAuthSource !== 'flag' ? `client auth from the metadata (else ${config.clientAuth})` : config.clientAuth;
    output.narrate(c.dim(`  client ${config.client.clientId} · ${auth}${config.issuer ? ` · issuer ${config.issuer}` : ''}${config.grant === 'code' ? ` · PKCE ${config.pkce} · authorise: ${config.authorize}` : ''}`));
    for (const line of preambleLines(config, env.now())) output.narrate(c.dim(line));
    const outcome = await runOAuth2Flow(config, {
      now: () => env.now(),
      random: (n) => randomBytes(n),
      send: (request, o) => sendHttp(request, { dispatcher, timeoutMs, signal, now: () => env.now(), maxRedirects: o?.maxRedirects ?? 0 }),
      startLoopback: (port, host) => startLoopback({ port, host, signal, now: () => env.now() }),
      sleep: (ms) => delay(ms, undefined, { signal }).catch(() => {
        throw new DoctorError('interrupted', 'interrupted', 'interrupted while polling');
      }),
      openBrowser: (url) => openInBrowser(url, env.env),
      askCallbackUrl: async () => {
        if (env.stdinIsTTY && !isInteractive(env)) throw usageError('missing-callback-url', 'no callback URL: oauth-doctor does not prompt in CI', 'pipe the URL the browser was redirected to on stdin');
        if (isInteractive(env)) env.stderr.write(output.err.bold('Paste the address your browser was sent to after approving: '));
        const line = (await readLine(env.stdin, { signal, timeoutMs: waitTimeoutMs, what: 'the callback URL' }))?.trim();
        if (!line) throw usageError('missing-callback-url', 'no callback URL was given', 'paste the whole URL the browser was redirected to (with ?code=…&state=…)');
        return line;
      },
      waitTimeoutMs,
      pause: options.step
        ? async (_name, title) => {
            env.stderr.write(output.err.dim(`Press Enter to go on with the ${title} step (Ctrl-C stops) `));
            await readLine(env.stdin, { signal, timeoutMs: waitTimeoutMs, what: 'Enter' });
          }
        : undefined,
      observer: observer(output, env, options.verbose ?? false),
      ledger: { load: () => loadLedger(path), save: (ledger) => void saveLedger(path, ledger, env.now()) },
    });
    return finish(outcome, config, options, env, output, lang);
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}

function finish(outcome: OAuth2Outcome, config: OAuth2FlowConfig, options: FlowOptions, env: Environment, output: Output, lang: ReturnType<typeof resolveLang>): ExitCode {
  const diagnosis = outcome.failure ? diagnoseOAuth2Outcome(outcome, lang) : undefined;
  const report = buildOAuth2Report({ outcome, provider: config.provider, grant: config.grant, issuer: config.issuer, diagnosis: diagnosis ? diagnosisJson(diagnosis) : undefined, redactor: output.redactor });
  output.narrate();
  if (options.json) output.json(report);
  else output.results(outcome.ok ? summaryLines(outcome, config, output, report.totalMs) : failureLines(outcome, diagnosis, output));
  if (options.save !== undefined) {
    const text = escapeUnsafeJson(JSON.stringify({ format: 'oauth-doctor-session', version: 1, savedAt: new Date(env.now()).toISOString(), command: 'flow', ...report }, output.redactor.jsonReplacer, 2)) + '\n';
    const saved = writePrivateFile(options.save, env.cwd, text);
    output.narrate(output.err.dim(`session saved to ${saved} (mode 0600${output.redactor.active ? ', secrets masked' : ', SECRETS IN FULL'})`));
  }
  if (options.saveCredentials !== undefined) saveOAuth2Credential(options.saveCredentials, outcome, config, env, output);
  annotateFailure(`${outcome.failure?.step ?? 'flow'} step`, diagnosis, env, output);
  if (outcome.error) throw outcome.error;
  return outcome.ok ? ExitCode.Ok : ExitCode.Refused;
}

/** `--save-credentials NAME`: the access token (and refresh token) for `request --as NAME`, in the credentials file (mode 0600). */
function saveOAuth2Credential(name: string, outcome: OAuth2Outcome, config: OAuth2FlowConfig, env: Environment, output: Output): void {
  const tokens = outcome.tokens;
  if (!outcome.ok || tokens === undefined) {
    output.narrate(output.err.yellow(`credential ${name} not saved: the flow did not end with an access token`));
    return;
  }
  const path = saveCredential(env.env, name, {
    protocol: 'oauth2',
    clientId: config.client.clientId,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    tokenType: tokens.tokenType || undefined,
    scope: tokens.scope,
    expiresAt: tokens.expiresIn === undefined ? undefined : new Date(env.now() + tokens.expiresIn * 1000).toISOString(),
    issuer: outcome.metadata?.issuer ?? config.issuer,
    tokenEndpoint: outcome.metadata?.token_endpoint ?? config.endpoints.token,
    provider: config.provider === 'custom' ? undefined : config.provider,
    savedAt: new Date(env.now()).toISOString(),
  });
  if (config.then.includes('revoke')) output.narrate(output.err.yellow(`note: --then revoke ran, so the saved token may no longer be accepted`));
  output.narrate(output.err.dim(`credential ${name} saved to ${path} (mode 0600); call the API with: oauth-doctor request --as ${name} URL`));
}
