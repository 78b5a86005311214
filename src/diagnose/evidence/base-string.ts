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
    // Issue 15 item 21: the server signed the very same string, so neither the host nor anything else that
    // goes into it is the cause: the key is (Jira: the public key at the application link is another pair).
    const rsa = failedLeg?.signatureMethod?.startsWith('RSA-') === true;
    const line = say(rsa ? 'baseStringsEqualRsa' : 'baseStringsEqual', lang);
    return [
      { cause: 'signature-base-mismatch', likelihood: 'unlikely', line },
      { cause: 'host-mismatch', likelihood: 'unlikely', line },
      { cause: 'wrong-secret', likelihood: 'certain', line },
    ];
  }
  const out: Adjustment[] = [{ cause: 'signature-base-mismatch', likelihood: 'certain', line: say('baseStringsDiffer', lang, { index: comparison.index + 1, part: PART_NAMES[lang][comparison.part] }) }];
  if (comparison.onlyOurs.length > 0) out.push({ cause: 'signature-base-mismatch', line: say('baseStringParameterOnlyOurs', lang, { names: comparison.onlyOurs.join(', ') }) });
  if (comparison.onlyTheirs.length > 0) out.push({ cause: 'signature-base-mismatch', line: say('baseStringParameterOnlyTheirs', lang, { names: comparison.onlyTheirs.join(', ') }) });
  if (comparison.valuesDiffer.length > 0) out.push({ cause: 'signature-base-mismatch', line: say('baseStringParameterValues', lang, { names: comparison.valuesDiffer.join(', ') }) });
  out.push({ cause: 'wrong-secret', likelihood: 'possible' });
  return out;
}

/**
 * Issue 15 item 13: oauth-doctor signed the request itself (flow) and the
 * server echoed nothing. Its base string is RFC 5849-exact (checked against
 * the RFC's examples and oauthlib), so a wrong secret is the likelier cause.
 */
export function signedByOauthDoctor({ problem, evidence, lang }: EvidenceContext): Adjustment[] {
  if (evidence.signer !== 'oauth-doctor' || problem.code !== 'signature_invalid' || problem.serverBaseString !== undefined) return [];
  const line = say('signedByOauthDoctor', lang);
  return [
    { cause: 'wrong-secret', likelihood: 'likely', line },
    { cause: 'signature-base-mismatch', likelihood: 'possible', line },
  ];
}
