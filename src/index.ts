// Public API of the package.
export * from './oauth/index.js';
export { DoctorError, ExitCode } from './errors.js';
export { maskSecret } from './secrets/mask.js';
export { startProvider, DIALECTS, PROBLEM_CODES, type RunningProvider, type ProviderOptions, type ConsumerRegistration, type DialectName, type ProviderExchange } from './provider/index.js';
export { readProblem, readProblemFromText, diagnose, diagnosisJson, renderDiagnosis, resolveLang, type ProviderResponse, type DiagnosisJson } from './diagnose/index.js';
export { readCapture, parseHar, parseCurl, parseRawHttp, type Capture, type CapturedExchange } from './capture/index.js';
export { inspectCapture, type InspectReport, type InspectOptions } from './inspect/inspect.js';
