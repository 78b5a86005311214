import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // 10,000-run property tests pass 30 s on a 2-core machine shared by several builds.
    testTimeout: 120_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // One fork runs many files, its modules loaded once: a fresh process and
    // module graph per file cost half the suite's CPU time (issue 13). The
    // tests share no module state that matters: the CLI runs over an injected
    // Environment, and the few that touch process-wide settings (umask,
    // HTTP_PROXY, fake timers) put them back.
    isolate: false,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
