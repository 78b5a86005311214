import { phrases } from '../../knowledge/phrases.js';
import type { PhraseRecord } from '../../knowledge/types.js';
import type { ProblemSource } from '../types.js';
import { classify } from '../classify/index.js';
import { excerpt, type Finding } from './finding.js';

const MAX_MATCH_INPUT = 100_000;

/** The first known page or phrase in already-visible text (see knowledge/phrases.ts). */
function matchPhrase(text: string): { record: PhraseRecord; matched: string } | undefined {
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
 * With no phrase, the message classifier reads the words.
 */
export function findingFromPhrase(text: string, carrier: ProblemSource, provider?: string): Finding | undefined {
  const hit = matchPhrase(text);
  if (!hit) return findingFromWords(text, carrier, provider);
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

/**
 * No known phrase: what the message classifier reads in the words
 * (knowledge/concepts*.ts). Always heuristic; the words it rests on ride
 * along so the output can name them. The message kept is the provider's
 * own words, from the first matched term to the last: as with a phrase,
 * no more of the paste than what was read (it may hold credentials).
 */
function findingFromWords(text: string, carrier: ProblemSource, provider?: string): Finding | undefined {
  const reading = classify(text);
  if (!reading) return undefined;
  const { record, words, quoted } = reading;
  return {
    code: record.problem,
    providerCode: record.providerCode,
    provider: record.provider ?? provider,
    // Words read on a page are no known page: they are its text.
    source: carrier === 'html-page' ? 'plain-text' : carrier,
    confidence: 'heuristic',
    parameters: { ...record.parameters },
    message: excerpt(quoted),
    classified: { row: record.id, concept: record.concept, lang: record.lang, words, tier: record.tier },
  };
}
