import { say } from '../text.js';
import type { Adjustment, EvidenceContext } from './context.js';

/** The method signed with against the methods the provider documents. */
export function signatureMethod({ failedLeg, provider, lang }: EvidenceContext): Adjustment[] {
  const method = failedLeg?.signatureMethod;
  const accepted = provider?.signatureMethods;
  if (!method || !accepted || !provider) return [];
  if (accepted.includes(method.toUpperCase())) {
    return [{ cause: 'wrong-signature-method', likelihood: 'unlikely', line: say('methodAccepted', lang, { method, provider: provider.name }) }];
  }
  return [{ cause: 'wrong-signature-method', likelihood: 'certain', line: say('methodNotAccepted', lang, { method, provider: provider.name, accepted: accepted.join(', ') }) }];
}
