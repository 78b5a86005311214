import { lazy } from '../../knowledge/lazy.js';
import { protocolTranslations, protocolWords, providerProtocols } from '../../knowledge/protocol-words.js';
import type { ProtocolName, ProtocolTranslationRecord } from '../../knowledge/types.js';
import type { WordsReading } from '../types.js';

/**
 * Which protocol a paste is (issue #12): one place, driven by the evidence
 * rows of knowledge/protocol-words.ts, never by the shape an error came in.
 * OAuth 1.0a is read only where something in the paste is OAuth 1.0a's; a
 * paste with nothing of either is read, for words about tokens, as OAuth
 * 2.0 (what nearly every API answers with today), and said so.
 */

/** The evidence rows a paste matched, by protocol (row ids; `provider:<id>` for a provider that speaks one protocol). */
export interface ProtocolEvidence {
  readonly oauth1: readonly string[];
  readonly oauth2: readonly string[];
  /** A row that names the token endpoint or the client's credentials matched (RFC 6749 §3.2). */
  readonly tokenEndpoint: boolean;
  /** A Bearer token, a JWT or a gRPC call is named. */
  readonly bearer: boolean;
}

export type ProtocolDecision = 'oauth1' | 'oauth2' | 'both' | 'none';

const EMPTY: ProtocolEvidence = { oauth1: [], oauth2: [], tokenEndpoint: false, bearer: false };

/** A paste up to this long is read whole for evidence; a longer one by its first and its last EVIDENCE_END characters. */
const EVIDENCE_WHOLE = 256 * 1024;
const EVIDENCE_END = 64 * 1024;

/**
 * What of a paste is read for evidence: all of it up to 256 KiB; beyond, its start and its end (a long log names the
 * library or the grant at its start, and says what failed in its last lines). Each row is a linear scan: reading every
 * row over a whole 1 MB paste took 41 ms (61 rows at 2026-12-07), the end windows keep it to about 5 ms.
 */
export function evidenceWindow(text: string): string {
  return text.length <= EVIDENCE_WHOLE ? text : `${text.slice(0, EVIDENCE_END)}\n\n${text.slice(-EVIDENCE_END)}`;
}

/** The evidence rows the text matches, in its evidence window (the whole of a paste up to 256 KiB). Never throws. */
export function protocolEvidenceIn(text: string): ProtocolEvidence {
  if (typeof text !== 'string' || text === '') return EMPTY;
  const head = evidenceWindow(text);
  const oauth1: string[] = [];
  const oauth2: string[] = [];
  let tokenEndpoint = false;
  let bearer = false;
  for (const row of protocolWords()) {
    if (!row.pattern.test(head)) continue;
    (row.protocol === 'oauth1' ? oauth1 : oauth2).push(row.id);
    if (row.endpoint === 'token') tokenEndpoint = true;
    if (row.bearer === true) bearer = true;
  }
  for (const row of providerProtocols()) {
    if (row.protocols.length !== 1 || row.names === undefined || !row.names.test(head)) continue;
    (row.protocols[0] === 'oauth1' ? oauth1 : oauth2).push(`provider:${row.provider}`);
  }
  return { oauth1, oauth2, tokenEndpoint, bearer };
}

const protocolsOf = lazy((): ReadonlyMap<string, readonly ProtocolName[]> => new Map(providerProtocols().map((row) => [row.provider, row.protocols])));

/** The one protocol a provider's API speaks, when it speaks only one (knowledge/protocol-words.ts). */
export function onlyProtocolOf(provider: string | undefined): ProtocolName | undefined {
  const protocols = provider === undefined ? undefined : protocolsOf().get(provider);
  return protocols?.length === 1 ? protocols[0] : undefined;
}

/**
 * A code word any API may use (INVALID_AUTH), claimed with no host for a provider that speaks only OAuth 1.0a (Evernote),
 * in a paste whose evidence says nothing of OAuth 1.0a: the claim has nothing behind it but the spelling, and the paste
 * is read as OAuth 2.0's instead. A code that names its provider or OAuth (woocommerce_rest_…, json_oauth1_…) stands.
 */
export function claimWithoutEvidence(provider: string | undefined, written: string, hostProvider: string | undefined, evidence: ProtocolEvidence | undefined): boolean {
  if (provider === undefined || hostProvider !== undefined || evidence === undefined || onlyProtocolOf(provider) !== 'oauth1') return false;
  if (written.toLowerCase().includes(provider) || /oauth/i.test(written)) return false;
  const decision = decide(evidence);
  return decision !== 'oauth1' && decision !== 'both';
}

/** The evidence with a provider's added: a provider whose API speaks one protocol only is evidence for it. */
export function withProvider(evidence: ProtocolEvidence, provider: string | undefined): ProtocolEvidence {
  const only = onlyProtocolOf(provider);
  if (only === undefined) return evidence;
  const id = `provider:${provider ?? ''}`;
  return only === 'oauth1' ? { ...evidence, oauth1: [...evidence.oauth1, id] } : { ...evidence, oauth2: [...evidence.oauth2, id] };
}

/** Words a reading rests on that are OAuth 1.0a's own tokens: a request token or temporary credentials are never a Bearer token (RFC 5849 §2.1). */
const OAUTH1_READING_WORDS = /request[ _-]?token|temporary|token[ _-]?secret|(?<![.\w])oauth_token\b|consumer|リクエスト[・･ ]?トークン|コンシューマー?[・･ ]?キー/i;

/** The evidence with what a reading's own words add (a reading of "request token" words is OAuth 1.0a's). */
export function withReading(evidence: ProtocolEvidence, classified: WordsReading | undefined, message: string | undefined): ProtocolEvidence {
  const own = [...(classified?.words ?? []), message ?? ''].join(' ');
  if (!OAUTH1_READING_WORDS.test(own)) return evidence;
  return { ...evidence, oauth1: [...evidence.oauth1, 'reading-words'] };
}

export function decide(evidence: ProtocolEvidence): ProtocolDecision {
  const one = evidence.oauth1.length > 0;
  const two = evidence.oauth2.length > 0;
  return one && two ? 'both' : one ? 'oauth1' : two ? 'oauth2' : 'none';
}

/**
 * The OAuth 2.0 code words read in OAuth 1.0a's vocabulary stand for, when the decision allows it:
 * `oauth2` (the paste speaks OAuth 2.0 and not OAuth 1.0a), or `none` for the rows that need no evidence.
 */
export function oauth2Translation(reading: { readonly code: string; readonly classified: WordsReading; readonly message?: string | undefined }, evidence: ProtocolEvidence): ProtocolTranslationRecord | undefined {
  const decision = decide(evidence);
  if (decision === 'oauth1' || decision === 'both') return undefined;
  const words = [...reading.classified.words, reading.message ?? ''].join(' ');
  for (const row of protocolTranslations()) {
    const fits = row.concepts?.includes(reading.classified.concept) === true || row.rows?.includes(reading.classified.row) === true || row.codes?.includes(reading.code) === true;
    if (!fits) continue;
    if (row.words !== undefined && !row.words.test(words)) continue;
    if (row.endpoint === 'token' && !evidence.tokenEndpoint) continue;
    // A grant refused at the token endpoint (RFC 6749 §5.2 invalid_grant) is told by the request the paste shows, not the words.
    if (row.pasteRows !== undefined && (evidence.bearer || !row.pasteRows.some((id) => evidence.oauth2.includes(id)))) continue;
    if (row.needsEvidence === true && decision !== 'oauth2') continue;
    return row;
  }
  return undefined;
}
