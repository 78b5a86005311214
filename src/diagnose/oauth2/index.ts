// OAuth 2.0 diagnosis from a session's evidence (issue 18 item 6): the evidence type flow and inspect fill,
// the pure ranking, the PKCE check and the reuse ledger (fingerprints only).
export { diagnoseOAuth2 } from './diagnose.js';
export { pkceChallenge, challengeForEvidence } from './pkce.js';
export { EMPTY_LEDGER, priorUse, recordUse, recordRotation, recordRevocation, pruneLedger, parseLedger, serializeLedger } from './ledger.js';
export { cacheDir, ledgerPath, loadLedger, saveLedger } from './ledger-file.js';
export type * from './types.js';
