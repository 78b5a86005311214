// What `serve` and `serve --oauth2` share: the host check, the start line or
// listing, and serving until Ctrl-C / SIGTERM.
import { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { escapeUnsafeJson, type Output } from '../../cli/output.js';
import { usageError } from '../../errors.js';
import { isLoopbackHost } from './parse-options.js';

/** Resolves when the run is interrupted; asked for first, so Ctrl-C from then on stops the provider cleanly. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** A non-loopback --host is refused unless --allow-remote, and then warned about. */
export function checkHost(host: string, allowRemote: boolean | undefined, output: Output): void {
  if (isLoopbackHost(host)) return;
  if (!allowRemote) throw usageError('remote-host-refused', `--host ${host} is not a loopback address`, 'this test provider accepts anyone who can reach it; add --allow-remote if that is what you want');
  output.narrate(output.err.yellow(`warning: listening on ${host}: anyone who can reach this address can use this test provider (admin endpoints still answer loopback clients only)`));
}

export interface Serving {
  readonly json: boolean;
  /** The `--json` start line's fields. */
  readonly startLine: () => object;
  /** The text listing of where and who. */
  readonly printStart: () => void;
  readonly close: () => Promise<void>;
}

/**
 * Prints the start (one JSON line, or the listing), serves until `stopped`
 * (Ctrl-C or SIGTERM), then closes. A provider stopped so was interrupted:
 * exit 130, as the README's exit-code table says of every command, so a
 * script that starts `serve` in the background tells "stopped" from "ran to
 * its end" the way it does for `flow`.
 */
export async function serveUntilStopped(serving: Serving, stopped: Promise<void>, env: Environment, output: Output): Promise<ExitCode> {
  try {
    if (serving.json) {
      // One JSON line on start (not pretty-printed): tools read it with a line reader. User secrets pass the redactor.
      env.stdout.write(escapeUnsafeJson(JSON.stringify(serving.startLine(), (_key, v: unknown) => (typeof v === 'string' ? output.redactor.redact(v) : v))) + '\n');
    } else {
      serving.printStart();
      output.narrate();
      output.narrate(output.err.dim('Press Ctrl-C to stop.'));
    }
    await stopped;
  } finally {
    await serving.close();
  }
  if (!serving.json) output.narrate('stopped.');
  return ExitCode.Interrupted;
}
