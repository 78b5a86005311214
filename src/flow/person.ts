import { isInteractive, type Environment } from '../cli/environment.js';
import { usageError } from '../errors.js';
import type { Leg } from '../diagnose/types.js';
import type { Output } from '../cli/output.js';
import { openInBrowser } from './browser.js';
import type { Person } from './types.js';
import { readLine } from './read-line.js';

export interface TerminalPersonOptions {
  readonly env: Environment;
  readonly output: Output;
  /** `--step`: pause before each leg. */
  readonly step: boolean;
  readonly waitTimeoutMs: number;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

type Question = Parameters<Person['ask']>[0];
const ASK: Record<Question, { prompt: string; what: string; flag: string }> = {
  pin: { prompt: 'Enter the PIN (oauth_verifier) the provider showed: ', what: 'verifier (PIN)', flag: 'pass --verifier PIN' },
  // OAuth Core 1.0 §6.2.3: out of band, the person tells the consumer they are done; there is no PIN.
  approval: {
    prompt: 'Approve in the browser, then press Enter (OAuth 1.0 shows no PIN; type it if the page shows one): ',
    what: 'approval',
    flag: 'pipe an empty line on stdin once approved (echo | oauth-doctor flow …), or pass --verifier PIN if the page shows one',
  },
  'callback-url': {
    prompt: 'Paste the address your browser was sent to after approving: ',
    what: 'callback URL',
    flag: 'pass --verifier VERIFIER, or pipe the callback URL on stdin',
  },
};

/**
 * The person at the terminal. On a terminal (and not in CI) it prompts and
 * animates; with stdin piped it reads one line without prompting; in CI on
 * a terminal it never waits for a person: a missing answer is a usage error
 * naming the flag to pass instead (issue 5).
 */
export function terminalPerson(options: TerminalPersonOptions): Person {
  const { env, output } = options;
  const interactive = isInteractive(env);
  const animate = env.stderrIsTTY && !env.env['CI'];
  const legNames: Record<Leg, string> = { request_token: 'request-token', authorize: 'authorisation', callback: 'callback', access_token: 'access-token', resource: 'protected-resource' };

  const readAnswer = async (kind: Question): Promise<string> => {
    const ask = ASK[kind];
    if (env.stdinIsTTY && !interactive) throw usageError('missing-verifier', `no ${ask.what}: oauth-doctor does not prompt in CI`, ask.flag);
    if (interactive) env.stderr.write(output.err.bold(ask.prompt));
    else output.narrate(output.err.dim(`reading the ${ask.what} from stdin`));
    const line = await readLine(env.stdin, { signal: env.signal, timeoutMs: options.waitTimeoutMs, what: `the ${ask.what}` });
    const answer = line?.trim();
    // An OAuth 1.0 approval is just Enter; only a closed stdin is no answer.
    if (kind === 'approval' && answer !== undefined) {
      if (answer) output.redactor.add(answer);
      return answer;
    }
    if (!answer) throw usageError('missing-verifier', `no ${ask.what} was given${interactive ? '' : ' (stdin was empty)'}`, ask.flag);
    output.redactor.add(answer);
    return answer;
  };

  return {
    async pause(leg) {
      if (!options.step) return;
      env.stderr.write(output.err.dim(`Press Enter to go on with the ${legNames[leg]} leg (Ctrl-C stops) `));
      await readLine(env.stdin, { signal: env.signal, timeoutMs: options.waitTimeoutMs, what: 'Enter' });
    },
    openBrowser: (url) => openInBrowser(url, env.env),
    ask: readAnswer,
    waiting(text) {
      if (!animate) {
        output.narrate(output.err.dim(`  ${text} …`));
        return () => undefined;
      }
      let frame = 0;
      const draw = () => env.stderr.write(`\r\u001b[2K  ${output.err.cyan(FRAMES[frame++ % FRAMES.length] ?? '')} ${text} ${output.err.dim('(Ctrl-C stops)')}`);
      draw();
      const timer = setInterval(draw, 80);
      return () => {
        clearInterval(timer);
        env.stderr.write('\r\u001b[2K');
      };
    },
  };
}
