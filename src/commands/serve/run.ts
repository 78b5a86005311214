import type { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { createOutput, type Output } from '../../cli/output.js';
import type { DoctorError } from '../../errors.js';
import { startProvider, type RunningProvider } from '../../provider/index.js';
import type { ProviderExchange } from '../../provider/options.js';
import type { ServeOptions } from './options.js';
import { checkHost, serveUntilStopped, untilAborted } from './lifecycle.js';
import { flowCommandFor } from './flow-command.js';
import { providerOptions } from './parse-options.js';

/** Consumers for the JSON line: a generated secret in full (it is meant to be used), a user's masked unless --show-secrets. */
function consumerSummary(provider: RunningProvider, output: Output) {
  return provider.consumers.map((c) => {
    const masked = !c.generated && c.secret !== undefined && output.redactor.active;
    return {
      key: c.key,
      secret: c.secret === undefined ? undefined : masked ? output.redactor.mask(c.secret) : c.secret,
      secretMasked: masked,
      rsa: Boolean(c.publicKey),
      status: c.status,
      generated: Boolean(c.generated),
    };
  });
}

function printStart(provider: RunningProvider, output: Output): void {
  const { endpoints, url } = provider;
  const dim = output.out.dim;
  output.result(`${output.out.bold('oauth-doctor test provider')} listening on ${url}  ${dim(`(dialect ${provider.settings.dialect})`)}`);
  output.result();
  output.result(`  request token   POST      ${endpoints.requestToken}`);
  output.result(`  authorize       GET       ${endpoints.authorize}${provider.settings.autoApprove ? dim('  (auto-approve)') : ''}`);
  output.result(`  access token    POST      ${endpoints.accessToken}`);
  output.result(`  resource        GET|POST  ${endpoints.resource}`);
  output.result(`  admin           GET       ${endpoints.admin}/state  ${dim('(loopback clients only)')}`);
  for (const consumer of provider.consumers) {
    output.result();
    output.result(`  consumer key     ${consumer.key}${consumer.status === 'active' ? '' : dim(`  (${consumer.status})`)}`);
    if (consumer.publicKey) output.result(`  signature        RSA-SHA1, RSA-SHA256, RSA-SHA512 ${dim('(public key registered)')}`);
    else if (consumer.generated) output.result(`  consumer secret  ${consumer.secret ?? ''}  ${dim('(generated for this provider; printed in full so you can use it)')}`);
    else output.result(`  consumer secret  ${output.redactor.mask(consumer.secret)}`);
  }
  const flow = flowCommandFor(provider, { reveal: !output.redactor.active });
  if (flow) {
    output.result();
    output.result(`  ${output.out.bold('Run a flow against it')} ${dim(provider.settings.autoApprove ? '(in another window)' : '(in another window; it opens the approval page in your browser)')}`);
    output.result(`    ${flow}`);
  }
}

function narrateExchange(output: Output) {
  return (exchange: ProviderExchange) => {
    const colour = exchange.status >= 400 ? output.err.yellow : output.err.green;
    const problem = exchange.problem ? ` ${exchange.problem}` : '';
    output.narrate(`${exchange.method} ${exchange.path} → ${colour(`${exchange.status}${problem}`)} ${output.err.dim(`(${exchange.ms} ms)`)}`);
  };
}

/** `oauth-doctor serve`: start, print where and who, narrate each request, stop on Ctrl-C / SIGTERM. */
export async function runServe(options: ServeOptions, env: Environment): Promise<ExitCode> {
  // Asked for first: from here on Ctrl-C / SIGTERM stop the provider cleanly.
  const stopped = untilAborted(env.signal);
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  const config = providerOptions(options, env);
  for (const consumer of config.consumers ?? []) output.redactor.add(consumer.secret);
  const host = config.host ?? '127.0.0.1';
  checkHost(host, options.allowRemote, output);
  // A state write failing while serving is one line on stderr; the provider keeps serving (issue 14 #4).
  const onStateError = (error: DoctorError) => output.narrate(output.err.yellow(`warning: ${error.message}; still serving, the last good state file is kept`));
  const provider = await startProvider({ ...config, onStateError, onExchange: options.json ? undefined : narrateExchange(output) });
  return serveUntilStopped(
    {
      json: options.json === true,
      startLine: () => ({ url: provider.url, dialect: provider.settings.dialect, endpoints: provider.endpoints, consumers: consumerSummary(provider, output), flow: flowCommandFor(provider, { reveal: !output.redactor.active }) }),
      printStart: () => printStart(provider, output),
      close: () => provider.close(),
    },
    stopped,
    env,
    output,
  );
}
