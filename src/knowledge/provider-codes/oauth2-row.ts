import type { CauseId, Leg } from '../types.js';
import { problemRecord } from '../problems.js';
import type { CauseRef, FixRecord, OAuth2CodeMatch, Party, ProviderCodeRecord, Text } from '../types.js';

/** One provider code of an OAuth 2.0 dialect, written compactly: the row builders below fill in the shared parts. */
export interface OAuth2RowSpec {
  readonly code: string;
  /** The provider's wording (display only). */
  readonly message: string;
  /** The RFC 6749 `error` value it is documented with, when there is one: then the row maps to `oauth2:<error>`. */
  readonly error?: string;
  readonly title: readonly [en: string, ja: string];
  readonly meaning: readonly [en: string, ja: string];
  /** Causes, most likely first: the first is `likely`, the rest `possible` unless written `id!` (likely too). */
  readonly causes: readonly string[];
  readonly legs?: readonly Leg[] | 'any';
  readonly party?: Party;
  readonly status?: number;
  readonly fix?: readonly [en: string, ja: string];
  readonly match?: OAuth2CodeMatch;
  readonly alias?: string;
}

function text([en, ja]: readonly [string, string]): Text {
  return { en, ja };
}

function causeRefs(ids: readonly string[]): CauseRef[] {
  return ids.map((id, i) => {
    const likely = i === 0 || id.endsWith('!');
    return { id: id.replace(/!$/, '') as CauseId, prior: likely ? 'likely' : 'possible' };
  });
}

/**
 * A row found inside OAuth 2.0 answers (`readBy: 'oauth2'`): by a code the
 * description names (codePatterns) or by `match`. Its overlay is complete, so
 * it also explains the code when the text carried no `error` at all.
 * `envelope`: found by the provider's own body shape; `generic`: a code
 * distinctive enough to claim from any `code`/`errorCode` field (Okta's E0000…).
 */
export function oauth2Row(provider: string, source: string, spec: OAuth2RowSpec, readBy: 'oauth2' | 'envelope' | 'generic' = 'oauth2'): ProviderCodeRecord {
  const fixes: FixRecord[] = spec.fix ? [{ for: 'developer', text: text(spec.fix) }] : [];
  return {
    provider,
    code: spec.code,
    message: spec.message,
    status: spec.status,
    // Mapped onto the OAuth 2.0 record when the knowledge base has one; otherwise the row stands alone (its overlay is complete).
    maps: spec.error !== undefined && problemRecord(`oauth2:${spec.error}`) !== undefined ? `oauth2:${spec.error}` : undefined,
    source,
    alias: spec.alias,
    readBy: readBy === 'generic' ? undefined : readBy,
    match: spec.match,
    overlay: {
      title: text(spec.title),
      meaning: text(spec.meaning),
      legs: spec.legs ?? ['access_token'],
      party: spec.party ?? 'client',
      usualStatus: spec.status,
      causes: causeRefs(spec.causes),
      fixes,
    },
  };
}
