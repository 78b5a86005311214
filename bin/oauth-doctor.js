#!/usr/bin/env node
// The only place that calls process.exit (STYLE habit 6).
import { main } from '../dist/cli.js';
import { processEnvironment } from '../dist/cli.js';

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

const code = await main(process.argv.slice(2), processEnvironment(controller.signal));
// A command decides what an interrupt means: `serve` stops cleanly (0), a
// waiting flow reports it (130).
process.exitCode = code;
