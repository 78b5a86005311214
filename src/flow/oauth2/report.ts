import type { DiagnosisJson } from '../../diagnose/render.js';
import type { OAuth2Evidence } from '../../diagnose/oauth2/types.js';
import type { DoctorError } from '../../errors.js';
import type { HttpExchange } from '../../http/types.js';
import { shownHeaders } from '../../secrets/cookie-values.js';
import type { Redactor } from '../../secrets/redactor.js';
import { responseJson, type ResponseJson } from '../report.js';
import type { OAuth2Outcome, OAuth2StepRecord } from './types.js';
import { oauth2NoteText } from '../notes.js';

interface ExchangeJson {
  readonly request: { readonly method: string; readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body?: string | undefined };
  readonly response?: ResponseJson | undefined;
  readonly ms: number;
  readonly redirects?: readonly { status: number; location: string }[] | undefined;
}

export interface OAuth2StepJson extends Partial<ExchangeJson> {
  readonly name: string;
  readonly title: string;
  readonly ok: boolean;
  readonly ms?: number | undefined;
  readonly working: readonly { label: string; value: string }[];
  readonly notes: readonly string[];
  readonly error?: { readonly code: string; readonly message: string } | undefined;
  /** Every exchange of the step when it had more than one (discovery's two documents, --authorize http's redirects). */
  readonly exchanges?: readonly ExchangeJson[] | undefined;
}

export interface OAuth2Report {
  readonly ok: boolean;
  readonly protocol: 'oauth2';
  readonly provider: string;
  readonly grant: string;
  readonly issuer?: string | undefined;
  readonly secretsMasked: boolean;
  readonly totalMs: number;
  readonly steps: readonly OAuth2StepJson[];
  readonly tokens?: Readonly<Record<string, string | number | undefined>> | undefined;
  readonly rotation?: { readonly from: string; readonly to: string } | undefined;
  readonly diagnosis?: DiagnosisJson | undefined;
  readonly error?: { readonly code: string; readonly class: string; readonly exitCode: number; readonly message: string; readonly hint?: string | undefined } | undefined;
  readonly evidence: OAuth2Evidence;
}

function exchangeJson(exchange: HttpExchange): ExchangeJson {
  const r = exchange.request;
  return {
    request: { method: r.method, url: r.url, headers: shownHeaders(r.headers), body: r.body === '' ? undefined : r.body },
    response: responseJson(exchange),
    ms: exchange.totalMs,
    redirects: exchange.redirects.length > 0 ? exchange.redirects.map((h) => ({ status: h.status, location: h.location })) : undefined,
  };
}

function stepJson(step: OAuth2StepRecord, redactor: Redactor): OAuth2StepJson {
  const last = step.exchanges.at(-1);
  const main = last ? exchangeJson(last) : step.request ? { request: { ...step.request, body: step.request.body } } : {};
  return {
    name: step.name,
    title: step.title,
    ok: step.ok,
    ...main,
    ms: step.ms,
    working: step.working.map((w) => ({ label: w.label, value: w.secret ? redactor.mask(w.value) : w.value })),
    notes: step.notes.map(oauth2NoteText),
    error: step.error,
    exchanges: step.exchanges.length > 1 ? step.exchanges.map(exchangeJson) : undefined,
  };
}

/** The `--json` report and the body of `--save`: the OAuth 1.0a report's habits (ok, steps[], diagnosis, error, evidence), secrets masked. */
export function buildOAuth2Report(input: { outcome: OAuth2Outcome; provider: string; grant: string; issuer?: string | undefined; diagnosis?: DiagnosisJson | undefined; redactor: Redactor; error?: DoctorError | undefined }): OAuth2Report {
  const { outcome, redactor } = input;
  const tokens = outcome.tokens;
  const error = input.error ?? outcome.error;
  return {
    ok: outcome.ok,
    protocol: 'oauth2',
    provider: input.provider,
    grant: input.grant,
    issuer: outcome.metadata?.issuer ?? input.issuer,
    secretsMasked: redactor.active,
    totalMs: outcome.steps.reduce((sum, s) => sum + (s.ms ?? 0), 0),
    steps: outcome.steps.map((s) => stepJson(s, redactor)),
    tokens: tokens && {
      access_token: redactor.mask(tokens.accessToken),
      token_type: tokens.tokenType,
      expires_in: tokens.expiresIn,
      refresh_token: tokens.refreshToken === undefined ? undefined : redactor.mask(tokens.refreshToken),
      scope: tokens.scope,
      id_token: tokens.idToken === undefined ? undefined : redactor.mask(tokens.idToken),
    },
    rotation: outcome.rotation && { from: redactor.mask(outcome.rotation.from), to: redactor.mask(outcome.rotation.to) },
    diagnosis: input.diagnosis,
    error: error ? { code: error.code, class: error.errorClass, exitCode: error.exitCode, message: error.message, hint: error.hint } : undefined,
    evidence: outcome.evidence,
  };
}
