// Entry of the bundled CLI (dist/cli.cjs), loaded by bin/oauth-doctor.cjs.
export { main } from './cli/main.js';
export { processEnvironment } from './cli/environment.js';
