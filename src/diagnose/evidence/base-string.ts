import { compareBaseStrings } from '../base-string-diff.js';
import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

const PART_NAMES = {
  en: { method: 'method', uri: 'base URI', parameters: 'parameters' },
  ja: { method: 'メソッド', uri: 'ベース URI', parameters: 'パラメータ' },
} as const;

/**
 * Our base string against the one the server echoed (debug_sbs,
 * oauth_signature_base_string). Equal means the key is wrong; different
 * means what was signed is wrong, and the first difference says where.
 */
export function baseString({ problem, failedLeg, lang }: EvidenceContext): Adjustment[] {
  const theirs = problem.serverBaseString;
  if (theirs === undefined) return [];
  const ours = failedLeg?.baseString;
  if (ours === undefined) return [{ cause: 'signature-base-mismatch', line: say('serverBaseStringOnly', lang) }];
  const comparison = compareBaseStrings(ours, theirs);
  if (comparison.equal) {
    const line = say('baseStringsEqual', lang);
    return [
      { cause: 'signature-base-mismatch', likelihood: 'unlikely', line },
      { cause: 'wrong-secret', likelihood: 'likely', line },
    ];
  }
  const out: Adjustment[] = [{ cause: 'signature-base-mismatch', likelihood: 'certain', line: say('baseStringsDiffer', lang, { index: comparison.index + 1, part: PART_NAMES[lang][comparison.part] }) }];
  if (comparison.onlyOurs.length > 0) out.push({ cause: 'signature-base-mismatch', line: say('baseStringParameterOnlyOurs', lang, { names: comparison.onlyOurs.join(', ') }) });
  if (comparison.onlyTheirs.length > 0) out.push({ cause: 'signature-base-mismatch', line: say('baseStringParameterOnlyTheirs', lang, { names: comparison.onlyTheirs.join(', ') }) });
  if (comparison.valuesDiffer.length > 0) out.push({ cause: 'signature-base-mismatch', line: say('baseStringParameterValues', lang, { names: comparison.valuesDiffer.join(', ') }) });
  out.push({ cause: 'wrong-secret', likelihood: 'possible' });
  return out;
}
