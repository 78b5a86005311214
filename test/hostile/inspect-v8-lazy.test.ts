// Issue 14 item 1: a large capture sets V8's --optimize-for-size
// (src/commands/inspect/run.ts), so node:v8 was imported at the top of
// inspect's module and loaded for every capture. Loaded lazily with
// `await import('node:v8')` it broke the CLI bundle, which runs from a code
// cache without a dynamic-import hook (exit 70 on every large capture). Here,
// through the built CLI: a small capture never loads node:v8; a large one
// (OAUTH_DOCTOR_STREAM_MIN_BYTES=0) loads it and is inspected, also where
// process.getBuiltinModule is missing (Node before 20.16: the createRequire fallback).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-v8-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const capture = join(dir, 'c.http');
writeFileSync(capture, 'POST /oauth/request_token HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: OAuth oauth_consumer_key="ck", oauth_nonce="n1", oauth_timestamp="1700000000", oauth_signature_method="HMAC-SHA1", oauth_version="1.0", oauth_signature="c2ln"\r\n\r\nHTTP/1.1 401 Unauthorized\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\noauth_problem=signature_invalid\r\n');
// Says on exit whether node:v8 was loaded.
const hook = join(dir, 'hook.mjs');
writeFileSync(hook, 'import { writeSync } from "node:fs";\nprocess.on("exit", () => writeSync(2, `node:v8 loaded: ${process.moduleLoadList.includes("NativeModule v8")}\\n`));\n');
const withoutGetBuiltin = join(dir, 'no-get-builtin.cjs');
writeFileSync(withoutGetBuiltin, 'delete process.getBuiltinModule;\nif (process.getBuiltinModule !== undefined) throw new Error("still there");\n');

const run = (env: Record<string, string>, nodeOptions = '') => runBin(['inspect', capture, '--scheme', 'https'], { env: { NO_COLOR: '1', NODE_OPTIONS: `--import ${hook} ${nodeOptions}`, ...env }, timeoutMs: 60_000 });

describe('inspect loads node:v8 only for a large capture', () => {
  it('a small capture: not loaded', async () => {
    const result = await run({});
    expect(result.stdout).toContain('signature_invalid');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('node:v8 loaded: false');
  }, 60_000);

  it('a large capture: loaded, and the report is the same (no exit 70)', async () => {
    const small = await run({});
    for (const nodeOptions of ['', `--require ${withoutGetBuiltin}`]) {
      const result = await run({ OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }, nodeOptions);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('node:v8 loaded: true');
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(result.stdout).toBe(small.stdout);
    }
  }, 60_000);
});
