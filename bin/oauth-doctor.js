#!/usr/bin/env node
// The only place that calls process.exit (STYLE habit 6).
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Fast path: answer without loading the bundle (start-up time, issue #8).
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main, processEnvironment } = await import('../dist/cli.js');
  const controller = new AbortController();
  const interrupt = () => {
    controller.abort();
    // Commands observe the signal and clean up; do not let a stuck one hang.
    setTimeout(() => process.exit(130), 3000).unref();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
  });

  // A command decides what an interrupt means: `serve` stops cleanly (0), a
  // waiting flow reports it (130).
  process.exitCode = await main(argv, processEnvironment(controller.signal));
}
