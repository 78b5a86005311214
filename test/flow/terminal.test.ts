/**
 * The flow as a person meets it, in a real terminal (tmux): the PIN prompt,
 * the spinner while the loopback listener waits, Ctrl-C, and --step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { BIN } from '../helpers/cli.js';

const SOCKET = `oauth-doctor-test-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

let sessions = 0;

/** Starts the CLI in a fresh 300-column tmux window; the shell prints EXIT=<code> when it ends. */
function startInTerminal(args: string[]): string {
  const name = `s${++sessions}`;
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  // The shell traps Ctrl-C (children still get it) so it lives on to print the exit code.
  const script = `trap 'true' INT; env -u CI -u GITHUB_ACTIONS NO_COLOR=1 TERM=xterm '${process.execPath}' '${BIN}' ${quoted}; echo EXIT=$?; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '300', '-y', '50', 'sh', '-c', script);
  return name;
}

function screen(name: string): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', name);
}

async function waitForScreen(name: string, pattern: RegExp, timeoutMs = 10_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(screen(name));
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`${pattern} never appeared on the terminal:\n${screen(name)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?oauth_token=[\w-]+)/;

describe('in a terminal (tmux; .ci/run installs it)', () => {
  beforeAll(() => {
    tmux('start-server');
  });
  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
  });

  it('oob: prints the URL, prompts for the PIN, and finishes with what the person types', async () => {
    const name = startInTerminal(['flow', '--provider', 'local', '--callback', 'oob', '--authorize', 'print']);
    const [, url] = await waitForScreen(name, URL_PATTERN);
    await waitForScreen(name, /Enter the PIN \(oauth_verifier\) the provider showed: $/m);
    const page = await (await fetch(`${url}&action=approve`)).text();
    const pin = /id="oauth_verifier">([^<]+)</.exec(page)?.[1] ?? '';
    expect(pin).not.toBe('');
    tmux('send-keys', '-t', name, pin, 'Enter');
    await waitForScreen(name, /EXIT=0/);
    expect(screen(name)).toContain('✓ local granted an access token');
  });

  it('loopback: a spinner while waiting for the callback, done when the browser comes back', async () => {
    const name = startInTerminal(['flow', '--provider', 'local', '--authorize', 'print']);
    const [, url] = await waitForScreen(name, URL_PATTERN);
    await waitForScreen(name, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Waiting for the callback on http:\/\/127\.0\.0\.1:\d+\/callback \(Ctrl-C stops\)/);
    const callbackPage = await (await fetch(`${url}&action=approve`)).text();
    expect(callbackPage).toContain('You can close this tab');
    await waitForScreen(name, /EXIT=0/);
    expect(screen(name)).not.toContain('Waiting for the callback');
  });

  it('Ctrl-C while waiting stops the flow with exit 130', async () => {
    const name = startInTerminal(['flow', '--provider', 'local', '--authorize', 'print']);
    await waitForScreen(name, /Waiting for the callback/);
    tmux('send-keys', '-t', name, 'C-c');
    await waitForScreen(name, /EXIT=130/);
    expect(screen(name)).toContain('oauth-doctor: interrupted');
  });

  it('--step pauses before each leg until Enter', async () => {
    const name = startInTerminal(['flow', '--provider', 'local', '--authorize', 'http', '--step']);
    for (const leg of ['request-token', 'authorisation', 'access-token', 'protected-resource']) {
      await waitForScreen(name, new RegExp(`Press Enter to go on with the ${leg} leg`));
      tmux('send-keys', '-t', name, 'Enter');
    }
    await waitForScreen(name, /EXIT=0/);
  });
});
