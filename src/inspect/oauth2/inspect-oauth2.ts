import type { Capture } from '../../capture/types.js';
import { fingerprintToken } from '../../diagnose/fingerprint.js';
import type { Lang } from '../../diagnose/lang.js';
import { diagnoseOAuth2 } from '../../diagnose/oauth2/diagnose.js';
import { challengeForEvidence, pkceChallenge } from '../../diagnose/oauth2/pkce.js';
import type { OAuth2Evidence, RefreshEvent } from '../../diagnose/oauth2/types.js';
import type { CauseId, DetectedProblem, Diagnosis } from '../../diagnose/types.js';
import { LedgerIndex } from './ledger-index.js';
import { readSteps, stepSecrets, type CapturedStep } from './steps.js';

/**
 * inspect for OAuth 2.0 captures (issue 18 item 7): the capture's steps in
 * time order, each authorization tied to its callback and token request,
 * and what went wrong between them — a code exchanged twice, a rotated
 * refresh token replayed, redirect_uri different between the legs, a
 * verifier that does not match the challenge, state different — each named,
 * placed on the timeline and diagnosed by diagnoseOAuth2 with the capture
 * as evidence (the reuse ledger replayed over the capture's own timeline).
 * Pure: no I/O.
 */
type OAuth2CheckId = 'code-reused' | 'refresh-replayed' | 'refresh-family-revoked' | 'redirect-differs' | 'verifier-mismatch' | 'state-differs' | 'provider-refused';

interface OAuth2Finding {
  readonly check: OAuth2CheckId;
  /** Index into steps. */
  readonly step: number;
  /** Steps the finding points back to (the first exchange of the code, the authorize leg). */
  readonly related: readonly number[];
  readonly diagnosis: Diagnosis;
}

interface OAuth2TimelineStep {
  readonly kind: CapturedStep['kind'];
  readonly origin: string;
  readonly exchangeIndex: number;
  readonly at: number | undefined;
  readonly status: number | undefined;
  /** Which authorization (1-based) the step belongs to, when tied to one. */
  readonly session: number | undefined;
}

export interface OAuth2InspectReport {
  readonly steps: readonly OAuth2TimelineStep[];
  readonly findings: readonly OAuth2Finding[];
  /** Codes, verifiers and tokens found: masked in everything printed. */
  readonly secrets: readonly string[];
}

const CHECK_CAUSE: Record<Exclude<OAuth2CheckId, 'provider-refused'>, CauseId> = {
  'code-reused': 'reuse',
  'refresh-replayed': 'reuse',
  'refresh-family-revoked': 'refresh-family-revoked',
  'redirect-differs': 'redirect-mismatch',
  'verifier-mismatch': 'pkce-verifier-mismatch',
  'state-differs': 'state-mismatch',
};

const fp = fingerprintToken;

function capturedProblem(code: string): DetectedProblem {
  return { code, source: 'capture-check', confidence: 'exact', parameters: {} };
}

export function inspectOAuth2(capture: Capture, options: { lang: Lang }): OAuth2InspectReport | undefined {
  return inspectOAuth2Steps(capture.exchanges.flatMap(readSteps), options);
}

/** The same from the steps read of each exchange (readSteps) as the capture went by: they hold no exchange. */
export function inspectOAuth2Steps(steps: CapturedStep[], options: { lang: Lang }): OAuth2InspectReport | undefined {
  if (steps.length === 0) return undefined;
  if (steps.every((s) => s.at !== undefined)) steps.sort((a, b) => (a.at ?? 0) - (b.at ?? 0) || a.exchangeIndex - b.exchangeIndex);

  // Tie each callback to the latest authorize before it (same redirect_uri when both say one), each token request to its callback.
  const authorizeOf = new Map<number, number>();
  const sessionOf = new Map<number, number>();
  // The latest authorize, the latest without a redirect_uri and the latest for each redirect_uri: a callback's
  // match in constant time (searching back through every authorize made long captures quadratic, issue 14 item 1).
  let authorizes = 0;
  let lastAuthorize: number | undefined;
  let lastWithoutRedirect: number | undefined;
  const lastByRedirect = new Map<string, number>();
  const callbackByCode = new Map<string, number>();
  steps.forEach((step, i) => {
    if (step.kind === 'authorize') {
      authorizes++;
      sessionOf.set(i, authorizes);
      lastAuthorize = i;
      if (step.redirectUri === undefined) lastWithoutRedirect = i;
      else lastByRedirect.set(step.redirectUri, i);
    } else if (step.kind === 'callback') {
      // The latest authorize whose redirect_uri is unknown or the callback's, else the latest of all.
      const fitting = step.redirectUri === undefined ? -1 : Math.max(lastByRedirect.get(step.redirectUri) ?? -1, lastWithoutRedirect ?? -1);
      const match = fitting >= 0 ? fitting : lastAuthorize;
      if (match !== undefined) {
        authorizeOf.set(i, match);
        sessionOf.set(i, sessionOf.get(match) ?? 0);
      }
      if (step.code !== undefined && !callbackByCode.has(step.code)) callbackByCode.set(step.code, i);
    } else if (step.kind === 'token' && step.code !== undefined) {
      const callback = callbackByCode.get(step.code);
      const authorize = callback === undefined ? lastAuthorize : authorizeOf.get(callback);
      if (authorize !== undefined) {
        authorizeOf.set(i, authorize);
        sessionOf.set(i, sessionOf.get(authorize) ?? 0);
      }
    }
  });

  const findings: OAuth2Finding[] = [];
  const codeFirst = new Map<string, number>();
  const refreshFirst = new Map<string, number>();
  const ledger = new LedgerIndex();
  // The refreshes of the capture so far, by the token sent: the evidence reads only the first two that sent the
  // token a step sends (rules.ts refreshReuse), so that is what it is given, not a copy of every refresh.
  const refreshesBySent = new Map<string, RefreshEvent[]>();
  const seenStep = new Set<number>();

  steps.forEach((step, i) => {
    const authorizeIndex = authorizeOf.get(i);
    const authorize = authorizeIndex === undefined ? undefined : steps[authorizeIndex];
    const callbackIndex = step.code === undefined ? undefined : callbackByCode.get(step.code);
    const callback = step.kind === 'callback' ? step : callbackIndex === undefined ? undefined : steps[callbackIndex];
    const at = step.at ?? i;

    const evidence = (extra: Partial<OAuth2Evidence> = {}): OAuth2Evidence => {
      const method = authorize?.codeChallengeMethod ?? 'plain';
      const tokenLike = step.kind === 'token' || step.kind === 'refresh';
      return {
        observedAt: step.at,
        oauth2Request: true,
        failedStep: step.kind === 'device-token' ? 'device-token' : step.kind === 'client-credentials' ? 'client-credentials' : step.kind,
        authorize: authorize && { at: authorize.at, redirectUri: authorize.redirectUri, state: authorize.state, codeChallenge: authorize.codeChallenge === undefined ? undefined : challengeForEvidence(authorize.codeChallenge, method), codeChallengeMethod: authorize.codeChallengeMethod, scope: authorize.scope, clientId: authorize.clientId },
        callback: callback && { at: callback.at, state: callback.state, iss: callback.iss, code: callback.code === undefined ? undefined : fp(callback.code), error: callback.callbackError },
        token: tokenLike
          ? {
              at: step.at,
              grantType: step.kind === 'token' ? 'authorization_code' : 'refresh_token',
              code: step.code === undefined ? undefined : fp(step.code),
              redirectUri: step.redirectUri,
              refreshToken: step.refreshTokenSent === undefined ? undefined : fp(step.refreshTokenSent),
              verifierChallenge: step.kind !== 'token' || authorize === undefined ? undefined : step.codeVerifier === undefined ? null : pkceChallenge(step.codeVerifier, method),
              status: step.status,
            }
          : undefined,
        refreshes: tokenLike && step.refreshTokenSent !== undefined ? [...(refreshesBySent.get(fp(step.refreshTokenSent)) ?? [])] : [],
        scopeGranted: step.scopeGranted,
        ...extra,
      };
    };
    const add = (check: OAuth2CheckId, related: number[], extra: Partial<OAuth2Evidence>, fallback: string): void => {
      const problem = step.problem ?? capturedProblem(fallback);
      const diagnosis = diagnoseOAuth2(evidence(extra), problem, { lang: options.lang });
      if (check !== 'provider-refused' && !diagnosis.causes.some((c) => c.id === CHECK_CAUSE[check] && c.likelihood === 'certain')) return;
      seenStep.add(i);
      findings.push({ check, step: i, related, diagnosis });
    };

    if (step.kind === 'callback' && authorize?.state !== undefined && step.state !== authorize.state && authorizeIndex !== undefined) {
      add('state-differs', [authorizeIndex], {}, 'flow:state-mismatch');
    }

    if (step.kind === 'token' && step.code !== undefined) {
      const code = fp(step.code);
      const prior = ledger.priorUse('code', code);
      ledger.recordUse('code', code, at);
      const first = codeFirst.get(step.code);
      if (first === undefined) codeFirst.set(step.code, i);
      const related = [authorizeIndex, callbackIndex].filter((n): n is number => n !== undefined);
      if (prior && first !== undefined) add('code-reused', [first, ...related], { ledger: { code: prior } }, 'oauth2:invalid_grant');
      else {
        const extra = { ledger: { code: prior } };
        if (authorize?.redirectUri !== undefined && step.redirectUri !== authorize.redirectUri) add('redirect-differs', related, extra, 'oauth2:invalid_grant');
        if (authorize?.codeChallenge !== undefined) add('verifier-mismatch', related, extra, 'oauth2:invalid_grant');
        if (!seenStep.has(i) && step.problem) add('provider-refused', related, extra, step.problem.code);
      }
    }

    if (step.kind === 'refresh' && step.refreshTokenSent !== undefined) {
      const sent = fp(step.refreshTokenSent);
      const prior = ledger.priorUse('refresh_token', sent);
      ledger.recordUse('refresh_token', sent, at);
      const first = refreshFirst.get(step.refreshTokenSent);
      if (first === undefined) refreshFirst.set(step.refreshTokenSent, i);
      const extra = { ledger: { refreshToken: prior } };
      if (prior?.rotated && first !== undefined) add('refresh-replayed', [first], extra, 'oauth2:invalid_grant');
      else if (prior?.familyReplayedAt !== undefined && step.problem) add('refresh-family-revoked', [], extra, 'oauth2:invalid_grant');
      else if (step.problem) add('provider-refused', first === undefined ? [] : [first], extra, step.problem.code);
      const issued = step.refreshTokenIssued;
      if (issued !== undefined && step.status !== undefined && step.status < 300) ledger.recordRotation(sent, fp(issued), at);
      const same = refreshesBySent.get(sent) ?? [];
      if (same.length < 2) refreshesBySent.set(sent, [...same, { at, sent, issued: issued === undefined ? undefined : fp(issued), status: step.status }]);
    }

    if ((step.kind === 'device-token' || step.kind === 'client-credentials' || (step.kind === 'callback' && step.callbackError !== undefined)) && step.problem) add('provider-refused', [], {}, step.problem.code);
  });

  const timeline: OAuth2TimelineStep[] = steps.map((step, i) => ({ kind: step.kind, origin: step.origin, exchangeIndex: step.exchangeIndex, at: step.at, status: step.status, session: sessionOf.get(i) }));
  const secrets = new Set<string>();
  for (const step of steps) for (const secret of stepSecrets(step)) secrets.add(secret);
  return { steps: timeline, findings, secrets: [...secrets] };
}
