import { say } from '../text.js';
import { sentParameter, type Adjustment, type EvidenceContext } from './context.js';

/** The method signed with (recorded, or echoed by the server) against the methods the provider documents. */
export function signatureMethod(context: EvidenceContext): Adjustment[] {
  const { provider, lang } = context;
  const method = sentParameter(context, 'oauth_signature_method');
  const accepted = provider?.signatureMethods;
  if (!method || !accepted || !provider) return [];
  const latest = provider.signatureMethodsLatest;
  if (latest !== undefined && accepted.includes(method.toUpperCase()) && !latest.includes(method.toUpperCase())) {
    return [{ cause: 'wrong-signature-method', likelihood: 'likely', line: say('methodOlderOnly', lang, { method, provider: provider.name, latest: latest.join(', ') }) }];
  }
  if (accepted.includes(method.toUpperCase())) {
    return [{ cause: 'wrong-signature-method', likelihood: 'unlikely', line: say('methodAccepted', lang, { method, provider: provider.name }) }];
  }
  return [{ cause: 'wrong-signature-method', likelihood: 'certain', line: say('methodNotAccepted', lang, { method, provider: provider.name, accepted: accepted.join(', ') }) }];
}
