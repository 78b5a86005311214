// Issue 14 #6: a provider could inject GitHub Actions workflow commands. A
// decoded `%0A` in oauth_problem_advice started a new output line, so
// `…%0A::error%20title%3Dforged::pwned` became a real annotation (explain,
// and flow under GITHUB_ACTIONS=true, which could also be made to print
// `::stop-commands::`). Real provider on 127.0.0.1, the built CLI.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty, neutraliseWorkflowCommands, workflowCommand } from '../../src/terminal/workflow-commands.js';
import { runCli } from '../helpers/cli.js';

const INJECTED_ADVICE = 'Try%20again.%0A::error%20title%3Dforged::pwned%0A%20%20::stop-commands::s3cr3t%0D%0A##[error]old-style%0A::add-mask::x';
const BODY = `oauth_problem=token_rejected&oauth_problem_advice=${INJECTED_ADVICE}`;
const HOSTILE_CODE_BODY = `oauth_problem=${encodeURIComponent('x\n::stop-commands::t')}&oauth_problem_advice=${INJECTED_ADVICE}`;

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const body = (req.url ?? '').includes('code') ? HOSTILE_CODE_BODY : BODY;
    res.writeHead(401, { 'content-type': 'application/x-www-form-urlencoded', 'www-authenticate': 'OAuth realm="x"' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Lines the Actions runner would take as commands: `::` or `##[` after leading white space. */
const commandLines = (text: string) => text.split(/\r\n|\r|\n/).filter((line) => /^\s*(::|##\[)/.test(line));
const ACTIONS = { GITHUB_ACTIONS: 'true', CI: 'true', OAUTH_CONSUMER_KEY: 'ck', OAUTH_CONSUMER_SECRET: 'cs-secret-value' };

describe('provider text never starts a workflow command line', () => {
  it('explain of the hostile answer (text and under Actions): no line is a command, the advice is still shown', async () => {
    const response = `HTTP/1.1 401 Unauthorized\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n${BODY}`;
    for (const env of [{}, ACTIONS]) {
      const result = await runCli(['explain', '-'], { input: response, env });
      expect(result.code).toBe(0);
      expect(commandLines(result.stdout)).toEqual([]);
      expect(commandLines(result.stderr)).toEqual([]);
      expect(result.stdout).toContain('Try again.');
      expect(result.stdout).toContain('\\x3a:error title=forged::pwned');
    }
  });

  it('flow under GITHUB_ACTIONS against the hostile provider: exactly one command line, ours, in one piece', async () => {
    for (const path of ['/advice', '/code']) {
      const result = await runCli(['flow', '--request-token-url', `${base}${path}`, '--authorize-url', `${base}/a`, '--access-token-url', `${base}/at`, '--authorize', 'http', '--callback', 'oob', '--verbose'], { env: ACTIONS });
      expect(result.code, result.stderr).toBe(1);
      const commands = [...commandLines(result.stdout), ...commandLines(result.stderr)];
      expect(commands, path).toHaveLength(1);
      expect(commands[0]).toMatch(/^::error title=oauth-doctor flow::request_token leg refused: /);
      expect(commands[0]).not.toMatch(/::stop-commands::|::add-mask::/);
    }
  });
});

describe('workflow-command escaping follows the runner rules', () => {
  it('data: %, CR, LF; properties also : and ,', () => {
    expect(escapeCommandData('50% \r\n::x')).toBe('50%25 %0D%0A::x');
    expect(escapeCommandProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(workflowCommand('error', { title: 'flow: a, b' }, 'line1\nline2 %')).toBe('::error title=flow%3A a%2C b::line1%0Aline2 %25');
  });

  it('neutralising: every line start, after white space, for :: and ##[', () => {
    expect(neutraliseWorkflowCommands('::a\n  ::b\nok ::c\n##[d]')).toBe('\\x3a:a\n  \\x3a:b\nok ::c\n\\x23#[d]');
  });
});
