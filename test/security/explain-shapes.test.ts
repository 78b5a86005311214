// Issue 14 item 9: `explain` printed token secrets quoted as XML
// (`<oauth_token_secret>V</oauth_token_secret>`) and as `name: V` /
// `name = V` inside a JSON or text message, while 13 other shapes were
// masked. Every credential name of src/secrets/parameters.ts, in each shape,
// through the CLI, in text and --json: the value never appears.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { percentEncode } from '../../src/oauth/percent-encode.js';
import { CREDENTIAL_NAMES } from '../../src/secrets/parameters.js';

/** Canaries as providers issue them: base64 with + / =, and a dashed one. */
const VALUES = ['Zx9/Qm+Tk4pL2w==', 'CANARY-xml-7f3e91'];

const SHAPES: readonly [string, (name: string, value: string) => string][] = [
  ['XML element', (n, v) => `<?xml version="1.0" encoding="UTF-8"?>\n<error><oauth_problem>token_rejected</oauth_problem><${n}>${v}</${n}></error>`],
  ['XML element with attributes and CDATA', (n, v) => `<rsp stat="fail"><err code="98" msg="token_rejected"/><${n} type="string"><![CDATA[${v}]]></${n}></rsp>`],
  ['name: V in a JSON message', (n, v) => JSON.stringify({ errors: [{ code: 89, message: `Invalid or expired token. ${n}: ${v}` }] })],
  ['name = V in a JSON message', (n, v) => JSON.stringify({ error: 'token_rejected', message: `rejected ${n} = ${v} (expired)` })],
  ['name: V in a text body', (n, v) => `HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\n\r\noauth_problem: token_rejected\n${n}: ${v}\n`],
  ['name = V in an advice, form-encoded', (n, v) => `oauth_problem=token_rejected&oauth_problem_advice=${percentEncode(`the ${n} = ${v} was revoked`)}`],
];

let checks = 0;

describe('explain masks credentials in every shape', () => {
  for (const [shape, build] of SHAPES) {
    it.each(CREDENTIAL_NAMES.map((n) => [n]))(`${shape}: %s`, async (name) => {
      for (const value of VALUES) {
        const input = build(name, value);
        for (const flags of [[], ['--json']]) {
          const result = await runCli(['explain', input, ...flags]);
          const printed = result.stdout + result.stderr;
          checks++;
          for (const form of [value, percentEncode(value), value.slice(0, 8)]) expect(printed, `${shape} ${name} ${flags.join(' ')}\n${printed}`).not.toContain(form);
        }
      }
    });
  }

  it('--show-secrets prints them (the check can fail)', async () => {
    const result = await runCli(['explain', SHAPES[0]?.[1]('oauth_token_secret', VALUES[1] ?? '') ?? '', '--show-secrets']);
    expect(result.stdout + result.stderr).toContain(VALUES[1]);
  });

  it('a plain word after `name:` is the message, not a secret', async () => {
    const result = await runCli(['explain', JSON.stringify({ errors: [{ code: 89, message: 'Invalid or expired token. oauth_token: missing' }] })]);
    expect(result.stdout).toContain('oauth_token: missing');
    console.log(`explain shapes: ${SHAPES.length} shapes × ${CREDENTIAL_NAMES.length} names × ${VALUES.length} values × 2 outputs = ${checks} runs`);
  });
});
