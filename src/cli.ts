// Entry of the bundled CLI (dist/cli.js), imported by bin/oauth-doctor.js.
export { main } from './cli/main.js';
export { processEnvironment } from './cli/environment.js';
