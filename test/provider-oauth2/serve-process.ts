// Runs the built CLI's `serve --oauth2 --json` in a subprocess, as a user
// would, and hands back its start line (the bin path: vm.Script bundles that
// reach oidc-provider through the bin's import hook).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN } from '../helpers/cli.js';

interface StartLine {
  readonly issuer: string;
  readonly dialect: string;
  readonly endpoints: Record<string, string>;
  readonly clients: { clientId: string; secret?: string; secretMasked: boolean; public: boolean; generated: boolean; authMethods: string[] }[];
}

export interface ServeProcess {
  readonly line: StartLine;
  readonly child: ChildProcessWithoutNullStreams;
  stderr(): string;
  /** SIGTERM, and the exit status. */
  stop(): Promise<number | null>;
}

export function serveOAuth2(args: readonly string[], options: { env?: Record<string, string>; node?: string } = {}): Promise<ServeProcess> {
  const child = spawn(options.node ?? process.execPath, [BIN, 'serve', '--oauth2', '--json', ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C', NODE_DISABLE_COMPILE_CACHE: '1', ...options.env },
  });
  let out = '';
  let err = '';
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve --oauth2 printed no start line in 20 s; stderr: ${err}`));
    }, 20_000);
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      resolve({
        line: JSON.parse(out.slice(0, newline)) as StartLine,
        child,
        stderr: () => err,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return closed;
        },
      });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve --oauth2 exited ${code} before its start line; stderr: ${err}`));
    });
  });
}
