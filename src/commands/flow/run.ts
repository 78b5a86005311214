import { resolve } from 'node:path';
import type { Environment } from '../../cli/environment.js';
import { checkCredentialName, readCredentials, saveCredential } from '../../credentials/store.js';
import { isInteractive } from '../../cli/environment.js';
import { createOutput, escapeUnsafeJson, type Output } from '../../cli/output.js';
import { resolveLang, type Lang } from '../../diagnose/lang.js';
import { diagnosisJson, renderDiagnosis } from '../../diagnose/render.js';
import type { Diagnosis, Leg } from '../../diagnose/types.js';
import { ExitCode, usageError, type DoctorError } from '../../errors.js';
import { createDispatcher, readCaFile } from '../../http/index.js';
import { diagnoseOutcome, isVerifierProblem } from '../../flow/diagnosis.js';
import { networkIo } from '../../flow/io.js';
import { PIN_TRIES, runFlow } from '../../flow/engine.js';
import { buildEvidence } from '../../flow/evidence.js';
import { terminalPerson } from '../../flow/person.js';
import { legHeading, renderStep } from '../../flow/render.js';
import { buildReport, sessionRecord, type FlowReport } from '../../flow/report.js';
import { writePrivateFile } from '../../files/write-private-file.js';
import { secretsInStep } from '../../flow/secrets.js';
import type { CallbackMode, FlowConfig, FlowIo, FlowOutcome, Person } from '../../flow/types.js';
import { annotateFailure } from '../../flow/annotation.js';
import { sanitizeForTerminal } from '../../terminal/sanitize.js';
import type { FlowOptions } from './options.js';
import { parseDuration } from '../../cli/duration.js';
import { checkSomeoneCanAuthorize, parseAuthorizeMode, parseCallback, resolveTransports, requireClient, resolveClient, resolveEndpoints, resolveProvider } from './config.js';

interface LocalProvider {
  readonly url: string;
  readonly consumer: { readonly key: string; readonly secret: string };
  close(): Promise<void>;
}

/** `--provider local`: the embedded provider, started in this process (loaded only here). */
async function startLocal(approveAtOnce: boolean, consumer: { key: string; secret: string } | undefined): Promise<LocalProvider> {
  const { startProvider } = await import('../../provider/index.js');
  return startProvider({ autoApprove: approveAtOnce, consumers: consumer ? [consumer] : undefined });
}

/** Live narration on stderr: a heading when a leg starts, its result when it ends. */
function narrator(output: Output, verbose: boolean): NonNullable<FlowIo['observer']> {
  let lastLeg: Leg | undefined;
  const c = output.err;
  return {
    legStarting(leg, request) {
      if (leg === lastLeg) return;
      lastLeg = leg;
      output.narrate();
      output.narrate(legHeading(leg, request, c));
    },
    stepDone(step) {
      for (const secret of secretsInStep(step)) output.redactor.add(secret);
      if (step.name !== lastLeg && step.name !== 'callback') {
        lastLeg = step.name;
        output.narrate();
        output.narrate(legHeading(step.name, step.exchange?.request, c));
      }
      for (const line of renderStep(step, c, { verbose, mask: (v) => output.redactor.mask(v) })) output.narrate(line);
    },
    authorizeUrl(url, opened) {
      output.narrate(`  ${opened ? 'Opened in your browser; if it did not appear, open' : 'Open'} this address to authorise:`);
      // The one place the request token is shown whole: the person must open this URL (RFC 5849 §2.2).
      // It is single-use and useless without its secret, which stays masked.
      output.env.stderr.write(`  ${c.cyan(sanitizeForTerminal(url))}\n`);
    },
  };
}

function summaryLines(outcome: FlowOutcome, output: Output, provider: string, totalMs: number): string[] {
  const c = output.out;
  const access = outcome.accessToken;
  if (!access) return [];
  const legs = new Set(outcome.steps.map((s) => (s.name === 'callback' ? 'authorize' : s.name))).size;
  const lines = [c.green(c.bold(`✓ ${provider} granted an access token`)) + c.dim(`  (${legs} legs, ${totalMs} ms including any wait for the person)`)];
  const fields: [string, string][] = [
    ['oauth_token', output.redactor.mask(access.token)],
    ['oauth_token_secret', output.redactor.mask(access.secret)],
    ...access.extra.map(([n, v]): [string, string] => [n, n === 'oauth_session_handle' ? output.redactor.mask(v) : v]),
  ];
  const width = Math.max(...fields.map(([n]) => n.length));
  for (const [name, value] of fields) lines.push(`  ${name.padEnd(width)}  ${value}`);
  return lines;
}

function failureLines(outcome: FlowOutcome, diagnosis: Diagnosis | undefined, output: Output): string[] {
  const c = output.out;
  const failure = outcome.failure;
  if (!failure) return [];
  const step = outcome.steps.at(-1);
  const status = failure.exchange ? ` (${failure.exchange.response.status})` : '';
  const what = diagnosis ? diagnosis.problem.code : failure.problem.code;
  const lines = [c.red(c.bold(`✗ ${step?.title ?? failure.leg} leg refused${status}: ${what}`)), ''];
  if (diagnosis) lines.push(...renderDiagnosis(diagnosis, c, output.outWidth));
  return lines;
}

export async function runFlowCommand(options: FlowOptions, env: Environment): Promise<ExitCode> {
  // Asked for first: from here on Ctrl-C stops the flow cleanly (local provider and listener closed).
  const signal = env.signal;
  const timeoutMs = parseDuration(options.timeout, '--timeout', { bareUnit: 'ms', min: 1 });
  const waitTimeoutMs = parseDuration(options.waitTimeout, '--wait-timeout', { bareUnit: 'ms', min: 1 });
  const lang = resolveLang(options.lang, env.env);
  const provider = resolveProvider(options, env);
  const callback = parseCallback(options, provider.profile, provider.preset);
  // Issue 15 item 9: `--provider local --base-url URL` is a `serve` already running there, not a new provider. Only the
  // provider started here approves by itself (it is started auto-approving for http); one at --base-url may wait for a
  // person, so it gets no http default and, without a terminal, the same exit-2 refusal as any other provider.
  const external = provider.local && options.baseUrl !== undefined;
  const embedded = provider.local && !external;
  const authorize = parseAuthorizeMode(options.authorize, env, embedded);
  if (options.step && !isInteractive(env)) throw usageError('step-needs-terminal', '--step pauses for a person and needs a terminal (and CI unset)', 'drop --step in scripts and CI');
  const ca = options.ca === undefined ? undefined : readCaFile(options.ca, env.cwd);
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  for (const warning of provider.profile?.warnings ?? []) output.narrate(output.err.yellow(`warning: ${warning}`));

  // A bad name or an exposed credentials file is said now, not after the person has authorised.
  if (options.saveCredentials !== undefined) {
    checkCredentialName(options.saveCredentials, '--save-credentials');
    readCredentials(env.env);
  }
  let client = await resolveClient(options, env, provider, provider.preset);
  const ownConsumer = client.consumerKey !== undefined && client.consumerSecret !== undefined ? { key: client.consumerKey, secret: client.consumerSecret } : undefined;
  const local = embedded ? await startLocal(authorize === 'http', ownConsumer) : undefined;
  const dispatcher = createDispatcher({ env: env.env, ca, timeoutMs });
  try {
    if (local && !ownConsumer) client = { ...client, consumerKey: local.consumer.key, consumerSecret: local.consumer.secret };
    const resolved = resolveEndpoints(options, provider, local?.url);
    const { endpoints } = resolved;
    const preset = external ? { ...resolved.preset, title: `the oauth-doctor serve at ${options.baseUrl ?? ''}`, notes: [] } : resolved.preset;
    const credentials = requireClient(client, external ? 'pass the consumer key and secret that serve printed (it prints a ready-made flow command)' : undefined);
    const transports = resolveTransports(options, preset);
    checkSomeoneCanAuthorize(options, env, embedded, callback);
    output.redactor.add(credentials.consumerSecret).add(client.privateKey?.pem).add(client.privateKey?.passphrase).add(options.verifier);

    const config: FlowConfig = {
      provider: preset.name,
      endpoints,
      client: { consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret, privateKey: client.privateKey?.key },
      signatureMethod: client.signatureMethod,
      realm: options.realm ?? preset.realm,
      scope: options.scope === undefined ? undefined : { parameter: preset.scopeParameter ?? 'scope', value: options.scope },
      callback,
      authorize,
      verifier: options.verifier,
      probeAuthorize: options.probe ?? false,
      requestTokenLifetimeSec: preset.requestTokenLifetimeSec,
      registeredCallback: provider.profile?.registeredCallback,
      transports,
      authorizeCallback: preset.authorizeCallback,
    };

    const c = output.err;
    output.narrate(`${c.bold('oauth-doctor flow')} · ${preset.title}`);
    output.narrate(c.dim(`  consumer ${credentials.consumerKey} · ${config.signatureMethod} · callback ${callback.kind === 'url' ? callback.url : callback.kind} · authorise: ${authorize}`));
    for (const note of preset.notes) output.narrate(c.dim(`  note: ${note}`));

    const person = terminalPerson({ env, output, step: options.step ?? false, waitTimeoutMs });
    const io = networkIo({
      dispatcher,
      timeoutMs,
      waitTimeoutMs,
      signal,
      now: () => env.now(),
      nonce: () => env.nonce(),
      person,
      observer: narrator(output, options.verbose ?? false),
      retryPin: pinRetry(options, env, output, callback, person),
    });
    const outcome = await runFlow(config, io);
    const code = finish(outcome, config, options, env, output, lang);
    if (options.saveCredentials !== undefined) saveFlowCredential(options.saveCredentials, outcome, config, client.privateKey?.path, env, output);
    return code;
  } finally {
    await dispatcher.close().catch(() => undefined);
    await local?.close();
  }
}

/** `--save-credentials NAME`: the consumer and the access token it got, for `request --as NAME`; nothing unless the flow succeeded. */
function saveFlowCredential(name: string, outcome: FlowOutcome, config: FlowConfig, keyFile: string | undefined, env: Environment, output: Output): void {
  const access = outcome.accessToken;
  if (!outcome.ok || !access) {
    output.narrate(output.err.yellow(`credential ${name} not saved: the flow did not end with an access token`));
    return;
  }
  const path = saveCredential(env.env, name, {
    consumerKey: config.client.consumerKey,
    consumerSecret: keyFile === undefined ? config.client.consumerSecret : undefined,
    token: access.token,
    tokenSecret: access.secret,
    privateKeyFile: keyFile === undefined ? undefined : resolve(env.cwd, keyFile),
    signatureMethod: config.signatureMethod,
    provider: config.provider === 'custom' ? undefined : config.provider,
    savedAt: new Date(env.now()).toISOString(),
  });
  output.narrate(output.err.dim(`credential ${name} saved to ${path} (mode 0600); call the API with: oauth-doctor request --as ${name} URL`));
}

/**
 * Issue 15 item 13: at a terminal, a PIN the person typed that the provider
 * refuses as a verifier problem (wrong, or from an earlier attempt) is asked
 * for again, up to PIN_TRIES times; never in CI or with --verifier.
 */
function pinRetry(options: FlowOptions, env: Environment, output: Output, callback: CallbackMode, person: Person): FlowIo['retryPin'] {
  if (!isInteractive(env) || callback.kind !== 'oob' || options.verifier !== undefined || options.authorize === 'http') return undefined;
  return async (failure, attempt) => {
    if (!isVerifierProblem(failure)) return undefined;
    output.narrate(output.err.yellow(`  The provider refused that PIN (verifier_invalid): a typo, or a PIN from an earlier attempt. Type it again (try ${attempt + 1} of ${PIN_TRIES}), or Ctrl-C to stop.`));
    return person.ask('pin');
  };
}

/** Prints the result (text or JSON), writes --save, annotates GitHub Actions; returns the exit code or throws the run's error. */
function finish(outcome: FlowOutcome, config: FlowConfig, options: FlowOptions, env: Environment, output: Output, lang: Lang): ExitCode {
  const evidence = buildEvidence(outcome, config, env.now());
  const diagnosis = diagnoseOutcome(outcome, evidence, lang);
  const report: FlowReport = buildReport({ outcome, provider: config.provider, evidence, diagnosis: diagnosis ? diagnosisJson(diagnosis) : undefined, redactor: output.redactor });
  output.narrate();
  if (options.json) {
    output.json(report);
  } else {
    const lines = outcome.ok ? summaryLines(outcome, output, config.provider, report.totalMs) : failureLines(outcome, diagnosis, output);
    output.results(lines);
  }
  if (options.save !== undefined) {
    const text = escapeUnsafeJson(JSON.stringify(sessionRecord(report, env.now()), output.redactor.jsonReplacer, 2)) + '\n';
    const path = writePrivateFile(options.save, env.cwd, text);
    // Issue 15 item 10: explain --session is suggested only when the run recorded a refusal to explain.
    const next = diagnosis ? `; read it with: oauth-doctor explain --session ${options.save}` : '';
    output.narrate(output.err.dim(`session saved to ${path} (mode 0600${output.redactor.active ? ', secrets masked' : ', SECRETS IN FULL'})${next}`));
  }
  annotateFailure(`${outcome.failure?.leg ?? 'flow'} leg`, diagnosis, env, output);
  if (outcome.error) throw outcome.error satisfies DoctorError;
  return outcome.ok ? ExitCode.Ok : ExitCode.Refused;
}
