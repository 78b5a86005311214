// The diagnostics module's public face: read a problem, diagnose it, render it.
export { readProblem, readProblemFromText, CARRIERS_LOOKED_IN, type ProviderResponse, type TextContext } from './read-problem.js';
export { diagnose } from './diagnose.js';
export { diagnosisJson, renderDiagnosis, type DiagnosisJson } from './render.js';
export { resolveLang, type Lang } from './lang.js';
export { decodeCompanions, type Companions } from './companions.js';
export { parseSessionRecord } from './session-file.js';
export { secretsInText } from './secrets-in-text.js';
export type * from './types.js';
