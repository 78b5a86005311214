import type { Environment } from './environment.js';

/** An environment whose stdout remembers whether anything was written to it. */
export function watchStdout(env: Environment): { readonly env: Environment; wrote(): boolean } {
  let wrote = false;
  const stdout = env.stdout;
  // Object.create keeps the environment's lazy getters (TTY flags, stdin) lazy: only stdout is replaced.
  const watched = Object.create(env, {
    stdout: {
      value: {
        write(text: string) {
          if (text !== '') wrote = true;
          return stdout.write(text);
        },
      },
      enumerable: true,
    },
  }) as Environment;
  return { env: watched, wrote: () => wrote };
}
