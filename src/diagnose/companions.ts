import { parseForm } from '../oauth/form.js';
import { percentDecode } from '../oauth/percent-encode.js';

interface Range<T> {
  readonly min: T;
  readonly max: T;
}

/** The companion parameters of the Problem Reporting extension, decoded into their structure. */
export interface Companions {
  /** oauth_acceptable_versions `1.0-1.0`: the inclusive range. */
  readonly acceptableVersions?: Range<string>;
  /** oauth_acceptable_timestamps `<min>-<max>`: inclusive, seconds since the epoch. */
  readonly acceptableTimestamps?: Range<number>;
  /** oauth_parameters_absent: names, each percent-encoded, joined with `&` (the whole then encoded again). */
  readonly parametersAbsent?: readonly string[];
  /** oauth_parameters_rejected: a query string of the unexpected parameters. */
  readonly parametersRejected?: readonly { readonly name: string; readonly value: string }[];
  /** oauth_problem_advice: free text for the person, LF as line break, never HTML (untrusted). */
  readonly advice?: string;
}

/**
 * Decodes the companions from a problem's parameters, which hold each value
 * form-decoded once (the outer encoding). Malformed values are left out, never
 * thrown: a provider's mistake must not hide the problem itself.
 */
export function decodeCompanions(parameters: Readonly<Record<string, string>>): Companions {
  const result: {
    acceptableVersions?: Range<string>;
    acceptableTimestamps?: Range<number>;
    parametersAbsent?: string[];
    parametersRejected?: { name: string; value: string }[];
    advice?: string;
  } = {};
  const versions = parameters['oauth_acceptable_versions'];
  const versionMatch = versions === undefined ? null : /^\s*([\w.]+)\s*-\s*([\w.]+)\s*$/.exec(versions);
  if (versionMatch) result.acceptableVersions = { min: versionMatch[1] ?? '', max: versionMatch[2] ?? '' };
  else if (versions && /^\s*[\w.]+\s*$/.test(versions)) result.acceptableVersions = { min: versions.trim(), max: versions.trim() };

  const timestamps = parameters['oauth_acceptable_timestamps'];
  const timestampMatch = timestamps === undefined ? null : /^\s*(\d{1,15})\s*-\s*(\d{1,15})\s*$/.exec(timestamps);
  if (timestampMatch) result.acceptableTimestamps = { min: Number(timestampMatch[1]), max: Number(timestampMatch[2]) };

  const absent = parameters['oauth_parameters_absent'];
  if (absent !== undefined && absent.trim() !== '') {
    result.parametersAbsent = absent
      .split('&')
      .map((name) => percentDecode(name).trim())
      .filter((name) => name !== '');
  }
  const rejected = parameters['oauth_parameters_rejected'];
  if (rejected !== undefined && rejected.trim() !== '') {
    result.parametersRejected = parseForm(rejected).map(([name, value]) => ({ name, value }));
  }
  const advice = parameters['oauth_problem_advice'];
  if (advice !== undefined && advice !== '') result.advice = advice;
  return result;
}
