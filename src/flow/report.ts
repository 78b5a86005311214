import type { DiagnosisJson } from '../diagnose/render.js';
import type { SessionEvidence } from '../diagnose/types.js';
import type { DoctorError } from '../errors.js';
import type { HttpExchange, HttpRequest } from '../http/types.js';
import { shownHeaders } from '../secrets/cookie-values.js';
import type { Redactor } from '../secrets/redactor.js';
import { noteText } from './notes.js';
import type { FlowOutcome, FlowStep, StepError } from './types.js';

/** Bodies in the JSON report are cut here; the whole kept body is in memory only. */
const JSON_BODY_CHARS = 16 * 1024;

export interface RequestJson {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  readonly signatureMethod?: string | undefined;
  readonly baseString?: string | undefined;
  readonly parameters?: readonly { name: string; value: string; source: string }[] | undefined;
}

export interface ResponseJson {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: string;
  readonly bytes: number;
  readonly truncated: boolean;
  readonly encoding: string;
}

export interface StepJson {
  readonly name: string;
  readonly title: string;
  readonly ok: boolean;
  readonly ms?: number | undefined;
  readonly notes: readonly string[];
  readonly error?: StepError | undefined;
  readonly request?: RequestJson | undefined;
  readonly response?: ResponseJson | undefined;
  readonly redirects?: readonly { status: number; location: string; authorizationDropped: boolean }[] | undefined;
}

export interface FlowReport {
  readonly ok: boolean;
  readonly provider: string;
  readonly secretsMasked: boolean;
  readonly totalMs: number;
  readonly steps: readonly StepJson[];
  readonly accessToken?: { readonly token: string; readonly secret: string; readonly extra: Readonly<Record<string, string>> } | undefined;
  readonly diagnosis?: DiagnosisJson | undefined;
  readonly error?: { readonly code: string; readonly class: string; readonly exitCode: number; readonly message: string; readonly hint?: string | undefined } | undefined;
  readonly evidence: SessionEvidence;
}

function requestJson(step: FlowStep, sent: HttpRequest | undefined): RequestJson | undefined {
  const signed = step.signed;
  if (!sent && !signed) return undefined;
  return {
    method: sent?.method ?? signed?.method ?? 'GET',
    url: sent?.url ?? signed?.url ?? '',
    headers: sent?.headers ?? (signed ? { authorization: signed.authorization } : {}),
    body: sent?.body === '' ? undefined : sent?.body,
    signatureMethod: signed?.signatureMethod,
    baseString: signed?.baseString,
    parameters: signed?.parameters.map((p) => ({ name: p.name, value: p.value, source: p.source })),
  };
}

export function responseJson(exchange: HttpExchange | undefined): ResponseJson | undefined {
  if (!exchange) return undefined;
  const r = exchange.response;
  return {
    status: r.status,
    headers: shownHeaders(r.headers),
    body: r.body.length > JSON_BODY_CHARS ? r.body.slice(0, JSON_BODY_CHARS) : r.body,
    bytes: r.bodyBytes,
    truncated: r.truncated || r.body.length > JSON_BODY_CHARS,
    encoding: r.encoding,
  };
}

export function stepJson(step: FlowStep): StepJson {
  return {
    name: step.name,
    title: step.title,
    ok: step.ok,
    ms: step.ms,
    notes: step.notes.map(noteText),
    error: step.error,
    request: requestJson(step, step.exchange?.request),
    response: responseJson(step.exchange),
    redirects: step.exchange && step.exchange.redirects.length > 0 ? step.exchange.redirects.map((h) => ({ status: h.status, location: h.location, authorizationDropped: h.authorizationDropped })) : undefined,
  };
}

export interface ReportInput {
  readonly outcome: FlowOutcome;
  readonly provider: string;
  readonly evidence: SessionEvidence;
  readonly diagnosis?: DiagnosisJson | undefined;
  readonly error?: DoctorError | undefined;
  readonly redactor: Redactor;
}

/** The `--json` report (and the body of the session file). Strings are redacted by the output layer. */
export function buildReport(input: ReportInput): FlowReport {
  const { outcome, redactor } = input;
  const access = outcome.accessToken;
  const error = input.error ?? outcome.error;
  return {
    ok: outcome.ok,
    provider: input.provider,
    secretsMasked: redactor.active,
    totalMs: outcome.steps.reduce((sum, s) => sum + (s.ms ?? 0), 0),
    steps: outcome.steps.map(stepJson),
    accessToken: access ? { token: redactor.mask(access.token), secret: redactor.mask(access.secret), extra: Object.fromEntries(access.extra) } : undefined,
    diagnosis: input.diagnosis,
    error: error ? { code: error.code, class: error.errorClass, exitCode: error.exitCode, message: error.message, hint: error.hint } : undefined,
    evidence: input.evidence,
  };
}

/** What `--save FILE` writes and `explain --session FILE` reads (it needs `evidence`). */
export function sessionRecord(report: FlowReport, savedAt: number): Record<string, unknown> {
  return { format: 'oauth-doctor-session', version: 1, savedAt: new Date(savedAt).toISOString(), command: 'flow', ...report };
}

