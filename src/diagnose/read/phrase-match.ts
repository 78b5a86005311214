import { phrases } from '../../knowledge/phrases.js';
import type { PhraseRecord } from '../../knowledge/types.js';
import type { ProblemSource } from '../types.js';
import { excerpt, type Finding } from './finding.js';

const MAX_MATCH_INPUT = 100_000;

/** The first known page or phrase in already-visible text (see knowledge/phrases.ts). */
export function matchPhrase(text: string): { record: PhraseRecord; matched: string } | undefined {
  const bounded = text.slice(0, MAX_MATCH_INPUT);
  for (const record of phrases()) {
    const match = record.pattern.exec(bounded);
    if (match) return { record, matched: match[0] };
  }
  return undefined;
}

/**
 * A finding from free text. A known page keeps its own source (`html-page`),
 * even when the person pasted its text; other phrases take the carrier's.
 */
export function findingFromPhrase(text: string, carrier: ProblemSource, provider?: string): Finding | undefined {
  const hit = matchPhrase(text);
  if (!hit) return undefined;
  const { record, matched } = hit;
  return {
    code: record.problem,
    providerCode: record.providerCode,
    provider: record.provider ?? provider,
    source: record.kind === 'html-page' ? 'html-page' : carrier,
    confidence: record.confidence,
    parameters: { ...record.parameters },
    message: excerpt(matched),
  };
}
