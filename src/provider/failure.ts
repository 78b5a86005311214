import type { Pair } from '../oauth/form.js';
import { PROBLEMS, type ProblemCode } from './problems.js';

/**
 * Why a request failed where the problem code alone does not say it; the X
 * dialect, for one, answers a callback it has not approved (415) differently
 * from a desktop app that must use `oob` (417).
 */
export type FailureDetail =
  | 'malformed-authorization'
  | 'duplicated-parameter'
  | 'unexpected-parameter'
  | 'parameter-too-long'
  | 'body-too-large'
  | 'not-utf8'
  | 'bad-host'
  | 'callback-not-approved'
  | 'oob-required'
  | 'missing-token'
  | 'renewal-refused';

/**
 * A refused request as data (STYLE habit 2): the oauth_problem, its status,
 * the companion parameters of the Problem Reporting extension in their
 * documented form (not yet encoded for the wire), and advice for a person.
 * Dialect writers turn it into bytes; nothing else formats it.
 */
export interface Failure {
  readonly problem: ProblemCode;
  readonly status: number;
  readonly parameters: readonly Pair[];
  readonly advice: string;
  readonly detail?: FailureDetail | undefined;
  /** The base string the server computed (signature_invalid), for dialects that echo it (Jira). */
  readonly serverBaseString?: string | undefined;
  readonly signatureMethod?: string | undefined;
  readonly signature?: string | undefined;
}

export interface FailureExtras {
  readonly parameters?: readonly Pair[];
  readonly advice?: string;
  readonly detail?: FailureDetail;
  readonly status?: number;
  readonly serverBaseString?: string;
  readonly signatureMethod?: string;
  readonly signature?: string;
}

export function fail(problem: ProblemCode, extras: FailureExtras = {}): Failure {
  return {
    problem,
    status: extras.status ?? PROBLEMS[problem].status,
    parameters: extras.parameters ?? [],
    advice: extras.advice ?? PROBLEMS[problem].advice,
    detail: extras.detail,
    serverBaseString: extras.serverBaseString,
    signatureMethod: extras.signatureMethod,
    signature: extras.signature,
  };
}
