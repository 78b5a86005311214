import { providerCodeInText, qualifiedCode } from '../../knowledge/provider-codes.js';
import type { ProblemSource } from '../types.js';
import { excerpt, type Finding } from './finding.js';

/**
 * A provider code that names itself in free text — Entra ID's `AADSTS50011: …`
 * on its sign-in page or in a library's exception, Evernote's
 * `EDAMUserException(errorCode:AUTH_EXPIRED)` — read through its row
 * (knowledge/providers*.ts `codePatterns`). Tried before the phrase tables:
 * a code the provider wrote out beats words around it.
 */
export function findingFromProviderCodeText(text: string, carrier: ProblemSource): Finding | undefined {
  const hit = providerCodeInText(text);
  if (!hit) return undefined;
  const providerCode = qualifiedCode(hit.row);
  // A code that is the provider's OAuth 2.0 `error` value itself (GitHub's bad_verification_code) is read as that answer would be (RFC 6749 §5.2).
  const error = hit.row.readBy === 'oauth2' ? hit.row.match?.error : undefined;
  return {
    code: typeof error === 'string' && error === hit.row.code ? `oauth2:${error}` : providerCode,
    providerCode,
    provider: hit.row.provider,
    source: carrier,
    confidence: 'mapped',
    parameters: {},
    message: excerpt(text.slice(hit.index, hit.index + 400)),
  };
}
