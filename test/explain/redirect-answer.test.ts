// A 3xx in a pasted answer: RFC 9110 §15.4 says the endpoint moved — unless
// the redirect carries the protocol's own answer in its query (RFC 6749
// §4.1.2.1 error=, OAuth 1.0a denied=), which is the flow working as designed.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface Explained {
  problem: { code: string };
  causes: { id: string; likelihood: string }[];
}

async function explain(paste: string): Promise<Explained> {
  const result = await runCli(['explain', '--json', '-'], { input: paste });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Explained;
}

describe('explain: redirects', () => {
  it('a 302 to the client with error=access_denied ranks the user denying first, not a moved endpoint', async () => {
    const read = await explain('HTTP/1.1 302 Found\r\nLocation: https://app.example/cb?error=access_denied&state=x\r\n\r\n');
    expect(read.problem.code).toBe('oauth2:access_denied');
    expect(read.causes[0]?.id).toBe('user-denied');
    expect(read.causes.find((c) => c.id === 'wrong-endpoint')?.likelihood).not.toBe('certain');
  });

  it('a 303 with error=invalid_scope ranks no moved endpoint as certain', async () => {
    const read = await explain('HTTP/1.1 303 See Other\r\nLocation: https://app.example/cb?error=invalid_scope&error_description=unknown+scope\r\n\r\n');
    expect(read.causes.find((c) => c.id === 'wrong-endpoint')?.likelihood).not.toBe('certain');
  });

  it('a 301 beside an error body still says the endpoint moved', async () => {
    const read = await explain('HTTP/1.1 301 Moved Permanently\r\nLocation: https://api.example.com/oauth/request_token\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\noauth_problem=parameter_absent&oauth_parameters_absent=oauth_signature');
    expect(read.causes.find((c) => c.id === 'wrong-endpoint')?.likelihood).toBe('certain');
  });
});
