// Issue 14 #10: a malformed profile (`{"consumerSecret":csXX…}`, quotes
// forgotten) gave JSON.parse's message, which quotes the text around the
// error: 10 characters of the secret. The error now says line and column only.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonErrorPlace } from '../../src/files/json-error.js';
import { runCli } from '../helpers/cli.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);

const SECRET = 'csXXq7Zr9WkLmP2vTt8NbY42';

describe('a malformed profile never quotes the file', () => {
  it.each([
    ['an unquoted secret', `{"requestTokenUrl":"http://127.0.0.1:1/rt","consumerSecret":${SECRET}}`, '1:61: expected'],
    ['a secret on line 3 with a missing comma after it', `{\n  "consumerKey": "ck",\n  "consumerSecret": "${SECRET}"\n  "authorizeUrl": "x"\n}`, '4:3: expected'],
    ['an unterminated secret', `{"consumerSecret":"${SECRET}`, '1:44: expected'],
  ])('%s', async (_name, content, where) => {
    const file = join(mkdtempSync(join(tmpdir(), 'profile-json-')), 'acme.json');
    writeFileSync(file, content, { mode: 0o600 });
    const result = await runCli(['flow', '--provider', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`is not valid JSON: ${file}:${where}`);
    for (let i = 0; i + 4 <= SECRET.length; i++) expect(result.stderr).not.toContain(SECRET.slice(i, i + 4));
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('jsonErrorPlace agrees with JSON.parse', () => {
  const damaged = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\\', '\n', '{', '[')).map(([text, at, insert]) => {
    const i = text.length === 0 ? 0 : at % (text.length + 1);
    return text.slice(0, i) + insert + text.slice(i + (at % 2));
  });
  it(`valid exactly when JSON.parse accepts the text (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), damaged), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonErrorPlace(text) === undefined).toBe(valid);
      }),
      { numRuns: RUNS },
    );
  });
});
