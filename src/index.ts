// Public API of the package.
export * from './oauth/index.js';
export { DoctorError, ExitCode } from './errors.js';
export { maskSecret } from './secrets/mask.js';
