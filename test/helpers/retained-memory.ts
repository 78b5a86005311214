// The memory a run of the built CLI keeps, measured from inside it: a hook
// loaded with --import runs a full GC every few milliseconds and keeps the
// largest figure, written to fd 3 on exit. The CLI must yield to its event
// loop for a sample to be taken (the streamed readers do, between blocks).
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { BIN } from './cli.js';

interface Sampling {
  readonly env?: Record<string, string> | undefined;
  /** Count Buffers and other memory outside the V8 heap too (file blocks are Buffers). */
  readonly withExternal?: boolean | undefined;
  readonly everyMs: number;
}

/** The largest heap (plus external memory, if asked) left after a full GC while `oauth-doctor ARGS` runs, in MiB; stdout is dropped. */
export function retainedMB(args: readonly string[], { env, withExternal = false, everyMs }: Sampling): Promise<number> {
  const measure = withExternal ? 'const m = process.memoryUsage(); peak = Math.max(peak, m.heapUsed + m.external);' : 'peak = Math.max(peak, process.memoryUsage().heapUsed);';
  const hook = `data:text/javascript,${encodeURIComponent(
    `import { writeSync } from "node:fs"; let peak = 0; setInterval(() => { globalThis.gc(); ${measure} }, ${everyMs}).unref(); process.on("exit", () => writeSync(3, String(peak)));`,
  )}`;
  const out = openSync('/dev/null', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', hook, BIN, ...args], { stdio: ['ignore', out, 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let peak = '';
    let stderr = '';
    child.stdio[3]?.on('data', (d: Buffer) => (peak += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      closeSync(out);
      if (code !== 0 && code !== 1) reject(new Error(`exit ${code}: ${stderr}`));
      else resolve(Number(peak) / 1048576);
    });
  });
}
