import type { DetectedProblem, Leg, OAuth2Signal, ProblemConfidence, ProblemSource, SessionEvidence } from './types.js';

const LEGS: readonly Leg[] = ['request_token', 'authorize', 'callback', 'access_token', 'resource'];

export type SessionParse =
  | {
      readonly ok: true;
      readonly evidence: SessionEvidence;
      /** The problem the run recorded (`diagnosis.problem` of a flow record), when there is a readable one. */
      readonly problem?: DetectedProblem | undefined;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

const SOURCES: readonly ProblemSource[] = ['argument', 'capture-check', 'www-authenticate', 'form-body', 'url-query', 'json-body', 'xml-body', 'html-page', 'oauthlib-error', 'plain-text', 'status-only'];
const CONFIDENCES: readonly ProblemConfidence[] = ['exact', 'mapped', 'heuristic'];

type Check = 'number' | 'string';

const EVIDENCE_FIELDS: Readonly<Record<string, Check>> = {
  observedAt: 'number',
  provider: 'string',
  requestTokenLifetimeSec: 'number',
  failedLegIndex: 'number',
  clockOffsetSec: 'number',
  registeredCallback: 'string',
  signer: 'string',
};

const LEG_FIELDS: Readonly<Record<string, Check>> = {
  method: 'string',
  url: 'string',
  at: 'number',
  status: 'number',
  tokenSent: 'string',
  tokenIssued: 'string',
  oauthTimestamp: 'number',
  oauthNonce: 'string',
  signatureMethod: 'string',
  callback: 'string',
  baseString: 'string',
  serverDate: 'number',
};
const REQUIRED_LEG_FIELDS = ['leg', 'method', 'url', 'at'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOk(value: unknown, check: Check): boolean {
  return check === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string';
}

/**
 * Validates a session record: what `flow --save` writes (an object with an
 * `evidence` field) or a bare SessionEvidence. Every problem is reported at
 * once, with the path of the field (changesets' habit), never the first only.
 * Unknown fields are allowed: newer writers may add some.
 */
export function parseSessionRecord(value: unknown): SessionParse {
  if (!isRecord(value)) return { ok: false, problems: ['the file holds no JSON object'] };
  const evidence = isRecord(value['evidence']) ? value['evidence'] : 'evidence' in value ? undefined : value;
  if (evidence === undefined) return { ok: false, problems: ['"evidence" is not an object'] };
  const base = evidence === value ? '' : 'evidence.';
  const problems: string[] = [];
  for (const [field, check] of Object.entries(EVIDENCE_FIELDS)) {
    if (evidence[field] !== undefined && evidence[field] !== null && !typeOk(evidence[field], check)) problems.push(`${base}${field} must be a ${check}`);
  }
  const legs = evidence['legs'];
  if (legs !== undefined && legs !== null) {
    if (!Array.isArray(legs)) problems.push(`${base}legs must be an array`);
    else legs.forEach((leg, index) => problems.push(...legProblems(leg, `${base}legs[${index}]`)));
  }
  const failed = evidence['failedLegIndex'];
  if (typeof failed === 'number' && Array.isArray(legs) && (!Number.isInteger(failed) || failed < 0 || failed >= legs.length)) {
    problems.push(`${base}failedLegIndex ${failed} is not the index of a leg (there are ${legs.length})`);
  }
  if (problems.length > 0) return { ok: false, problems };
  const diagnosis = value['diagnosis'];
  const problem = evidence !== value && isRecord(diagnosis) ? recordedProblem(diagnosis['problem']) : undefined;
  return { ok: true, evidence: stripNulls(evidence) as SessionEvidence, problem };
}

/** The problem part of a DiagnosisJson, back as a DetectedProblem; undefined when it does not look like one. */
function recordedProblem(value: unknown): DetectedProblem | undefined {
  if (!isRecord(value)) return undefined;
  const { code, source, confidence, parameters } = value;
  if (typeof code !== 'string' || code === '' || !SOURCES.includes(source as ProblemSource) || !CONFIDENCES.includes(confidence as ProblemConfidence)) return undefined;
  if (!isRecord(parameters) || !Object.values(parameters).every((v) => typeof v === 'string')) return undefined;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  const number = (key: string) => (typeof value[key] === 'number' && Number.isFinite(value[key]) ? (value[key] as number) : undefined);
  return {
    code,
    providerCode: text('providerCode'),
    source: source as ProblemSource,
    confidence: confidence as ProblemConfidence,
    parameters: parameters as Record<string, string>,
    message: text('message'),
    serverBaseString: text('serverBaseString'),
    status: number('status'),
    provider: text('provider'),
    oauth2Signals: oauth2SignalsOf(value['oauth2Signals']),
  };
}

function legProblems(leg: unknown, path: string): string[] {
  if (!isRecord(leg)) return [`${path} must be an object`];
  const problems: string[] = [];
  for (const field of REQUIRED_LEG_FIELDS) if (leg[field] === undefined || leg[field] === null) problems.push(`${path}.${field} is missing`);
  if (leg['leg'] !== undefined && !LEGS.includes(leg['leg'] as Leg)) problems.push(`${path}.leg must be one of ${LEGS.join(', ')}`);
  for (const [field, check] of Object.entries(LEG_FIELDS)) {
    if (leg[field] !== undefined && leg[field] !== null && !typeOk(leg[field], check)) problems.push(`${path}.${field} must be a ${check}`);
  }
  return problems;
}

/** JSON writers may spell "absent" as null; the evidence shapes use undefined. */
function stripNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) continue;
    out[key] = Array.isArray(v) ? v.map((item) => (isRecord(item) ? stripNulls(item) : item)) : v;
  }
  return out;
}


const OAUTH2_SIGNALS: readonly OAuth2Signal[] = ['bearer-challenge', 'oauth2-only-code', 'bearer-request', 'error-uri', 'redirect-state', 'provider-dialect', 'oauth2-words', 'json-error', 'oauth2-context', 'enum-form'];

/** A recorded problem's OAuth 2.0 signs: the known ones, anything else dropped. */
function oauth2SignalsOf(value: unknown): OAuth2Signal[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const signals = value.filter((v): v is OAuth2Signal => OAUTH2_SIGNALS.includes(v as OAuth2Signal));
  return signals.length === 0 ? undefined : signals;
}
