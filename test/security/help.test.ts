// Issue 7: secrets on the command line are visible to other users in ps, so
// the --help of every command that takes a secret says so and names the
// environment variables (or, for serve, the way around it). Commands are
// read from the top-level help, so a new command is checked too.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** Options whose value is a secret, or a file holding one. */
const SECRET_OPTION = /^\s+(?:-\w, )?(--consumer-secret|--token-secret|--token|--private-key|--consumer) </m;
/** The environment variable each option falls back to, where it has one. */
const VARIABLE: Record<string, string> = {
  '--consumer-secret': 'OAUTH_CONSUMER_SECRET',
  '--token-secret': 'OAUTH_TOKEN_SECRET',
  '--token': 'OAUTH_TOKEN',
  '--private-key': 'OAUTH_PRIVATE_KEY_FILE',
};

async function commands(): Promise<string[]> {
  const { stdout } = await runCli(['--help']);
  const section = stdout.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][a-z-]*) /gm)].map((m) => m[1] ?? '').filter((c) => c !== 'help');
}

describe('--help of the commands that take secrets', () => {
  it('every command is listed, and those taking secrets say they show in ps and how to pass them instead', async () => {
    const names = await commands();
    expect(names).toEqual(expect.arrayContaining(['sign', 'flow', 'serve', 'inspect', 'explain', 'demo', 'codes', 'request', 'credentials']));
    const takingSecrets: string[] = [];
    for (const name of names) {
      const { stdout, code } = await runCli([name, '--help']);
      expect(code).toBe(0);
      if (!SECRET_OPTION.test(stdout)) continue;
      takingSecrets.push(name);
      expect(stdout, `${name} --help`).toMatch(/^Secrets:$/m);
      expect(stdout, `${name} --help`).toMatch(/visible to other users in\s+ps/);
      expect(stdout, `${name} --help`).toContain('--show-secrets');
      for (const [option, variable] of Object.entries(VARIABLE)) {
        if (new RegExp(`^\\s+${option} <`, 'm').test(stdout)) expect(stdout, `${name} ${option}`).toContain(variable);
      }
    }
    expect(takingSecrets.sort()).toEqual(['flow', 'inspect', 'request', 'serve', 'sign']);
  });

  it('the top-level help says it too', async () => {
    const { stdout } = await runCli(['--help']);
    expect(stdout).toMatch(/visible to other users in\s+ps/);
    for (const variable of Object.values(VARIABLE)) expect(stdout).toContain(variable);
  });
});
