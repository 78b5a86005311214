// Public API of the package (README "Using it as a library"). Its type
// declarations are written from this file into types/ when the package is
// packed (tsconfig.types.json); test/package/pack.test.ts type-checks an
// import of every name below from the installed tarball, so removing or
// changing one is caught.
export * from './oauth/index.js';
export { DoctorError, ExitCode } from './errors.js';
export { maskSecret } from './secrets/mask.js';
export { startProvider, DIALECTS, PROBLEM_CODES, type RunningProvider, type ProviderOptions, type ConsumerRegistration, type DialectName, type ProviderExchange } from './provider/index.js';
export { readProblem, readProblemFromText, diagnose, diagnosisJson, renderDiagnosis, resolveLang, type ProviderResponse, type DiagnosisJson, type TextContext, type Lang } from './diagnose/index.js';
export type { DetectedProblem, Diagnosis, SessionEvidence, LegRecord, RankedCause, Fix, Likelihood, CauseId, ProblemSource } from './diagnose/types.js';
export { PLAIN, type Palette } from './terminal/color.js';
export { readCapture, parseHar, parseCurl, parseRawHttp, type Capture, type CapturedExchange } from './capture/index.js';
export { inspectCapture, type InspectReport, type InspectOptions, type Finding } from './inspect/inspect.js';
