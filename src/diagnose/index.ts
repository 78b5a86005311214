// The diagnostics module's public face: read a problem, diagnose it, render it.
export { readProblem, readProblemFromText, type ProviderResponse, type TextContext } from './read-problem.js';
export { diagnose } from './diagnose.js';
export { diagnosisJson, renderDiagnosis, type DiagnosisJson } from './render.js';
export { resolveLang, type Lang } from './lang.js';
export type * from './types.js';
