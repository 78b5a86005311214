// The knowledge base: tables of data with English and Japanese side by side (STYLE habit 3).
export type * from './types.js';
export { PROBLEMS, UNKNOWN_PROBLEM, STANDARD_PROBLEM_CODES, problemRecord } from './problems.js';
export { CAUSES, causeRecord } from './causes.js';
export { providerCodes, providerCodeRecord, qualifiedCode, providerRowForProblemValue } from './provider-codes.js';
export { providers, providerById, providerForUrl } from './providers.js';
export { phrases } from './phrases.js';
