import { causeRecord } from '../knowledge/causes.js';
import { providerById, providerForUrl } from '../knowledge/providers.js';
import type { CauseRef, FixRecord, ProviderRecord, Text } from '../knowledge/types.js';
import { decodeCompanions } from './companions.js';
import { compareBaseStrings } from './base-string-diff.js';
import type { Adjustment, EvidenceContext, Rule } from './evidence/context.js';
import { bareUnauthorized } from './evidence/bare-unauthorized.js';
import { baseString, signedByOauthDoctor } from './evidence/base-string.js';
import { callback } from './evidence/callback.js';
import { clockOffset } from './evidence/clock.js';
import { hosts } from './evidence/hosts.js';
import { nonce } from './evidence/nonce.js';
import { jwtAssertion, oauth2, oauth2Note } from './evidence/oauth2.js';
import { response } from './evidence/response.js';
import { signatureMethod } from './evidence/signature-method.js';
import { tokenAge } from './evidence/token-age.js';
import { tokenHistory } from './evidence/token-history.js';
import { tokenSecret } from './evidence/token-secret.js';
import { protocolHistory } from './evidence/protocol-history.js';
import { words } from './evidence/words.js';
import { xV2Authentication } from './evidence/x-v2.js';
import type { Lang } from './lang.js';
import { resolveRecord } from './record.js';
import { pick, say } from './text.js';
import type { CauseId, DetectedProblem, Diagnosis, Fix, LegRecord, Likelihood, RankedCause, SessionEvidence } from './types.js';

/** Ranking rules, applied in order; a `certain` stays certain, otherwise a later rule's word wins. */
// What X API v2 says outright about the authentication it accepts comes before the OAuth 2.0 signals (a certain word stays certain).
// The provider's words come last and only raise a cause: what a session showed is said first.
// signedByOauthDoctor last: what the words of a message suggest cannot outweigh that oauth-doctor's own base string is RFC-exact.
// tokenSecret after baseString: a base string the server echoed that differs is certain, and stays so.
const RULES: readonly Rule[] = [response, tokenHistory, tokenAge, clockOffset, hosts, callback, baseString, tokenSecret, nonce, signatureMethod, xV2Authentication, protocolHistory, oauth2, jwtAssertion, bareUnauthorized, words, signedByOauthDoctor];

export interface DiagnoseOptions {
  readonly lang: Lang;
  /** A protocol's own rules (OAuth 2.0: diagnose/oauth2/), run after the response rule and before the provider's words. */
  readonly rules?: readonly Rule[] | undefined;
  /** Whose terms the causes are told in; default: OAuth 2.0 for a code in the `oauth2:` namespace. */
  readonly protocol?: Protocol | undefined;
}

type Protocol = 'oauth1' | 'oauth2';

/** A cause's record as told for this protocol (its OAuth 2.0 variant where it has one). */
function causeFor(id: CauseId, protocol: Protocol): { title: Text; confirm: Text; fixes: readonly FixRecord[] } | undefined {
  const record = causeRecord(id);
  if (!record) return undefined;
  const variant = protocol === 'oauth2' ? record.oauth2 : undefined;
  return { title: variant?.title ?? record.title, confirm: variant?.confirm ?? record.confirm, fixes: variant?.fixes ?? record.fixes };
}

function rulesWith(extra: readonly Rule[] | undefined): readonly Rule[] {
  if (extra === undefined || extra.length === 0) return RULES;
  const at = RULES.indexOf(words);
  return [...RULES.slice(0, at), ...extra, ...RULES.slice(at)];
}

const RANK: Record<Likelihood, number> = { certain: 0, likely: 1, possible: 2, unlikely: 3 };

interface Working {
  likelihood: Likelihood;
  readonly evidence: string[];
  order: number;
}

/** Orders below every record's own (0, 1, …): a cause the text names leads its band, the first named first. */
const LEAD_ORDER = -1_000_000;

/**
 * Explains a problem and ranks its causes by what the session shows (issue
 * #4). Pure: the same problem and evidence give the same diagnosis.
 */
export function diagnose(problem: DetectedProblem, evidence: SessionEvidence, options: DiagnoseOptions): Diagnosis {
  const lang = options.lang;
  const legs = Array.isArray(evidence.legs) ? evidence.legs : [];
  const provider = identifyProvider(problem, evidence, legs);
  const { record, known } = resolveRecord(problem, provider?.id);
  const failedIndex = failedLegIndex(evidence, legs);
  const context: EvidenceContext = {
    problem,
    evidence,
    companions: decodeCompanions(problem.parameters),
    provider,
    legs,
    failedIndex,
    failedLeg: failedIndex === undefined ? undefined : legs[failedIndex],
    lang,
  };

  const working = new Map<CauseId, Working>();
  record.causes.forEach((ref: CauseRef, order) => working.set(ref.id, { likelihood: ref.prior, evidence: [], order }));
  const leads = { next: LEAD_ORDER };
  const ruledOutAbsent = new Set<CauseId>();
  for (const rule of rulesWith(options.rules)) for (const adjustment of rule(context)) apply(working, adjustment, leads, ruledOutAbsent);

  const protocol = options.protocol ?? (problem.code.startsWith('oauth2:') ? 'oauth2' : 'oauth1');
  const causes = rankCauses(working, lang, protocol);
  const ours = context.failedLeg?.baseString;
  const theirs = problem.serverBaseString;
  const comparison = ours !== undefined && theirs !== undefined ? compareBaseStrings(ours, theirs) : undefined;
  return {
    problem: {
      ...problem,
      provider: problem.provider ?? provider?.id,
      title: pick(record.title, lang),
      meaning: pick((protocol === 'oauth2' ? record.oauth2?.meaning : undefined) ?? record.meaning, lang),
      leg: record.legs,
      party: record.party,
      usualStatus: record.usualStatus,
      known,
    },
    causes,
    fixes: collectFixes(record.fixes, causes, lang, protocol),
    baseStringDiff: comparison && !comparison.equal && ours !== undefined && theirs !== undefined ? { ours, theirs, index: comparison.index } : undefined,
    lang,
    notes: notes(problem, evidence, legs, provider, record.usualStatus, lang),
  };
}

/** A cause the session's evidence made unlikely, saying why (no secret is sent to the authorization endpoint): words do not raise it again. */
function ruledOut(entry: Working): boolean {
  return entry.likelihood === 'unlikely' && entry.evidence.length > 0;
}

function apply(working: Map<CauseId, Working>, { cause, likelihood, line, raiseOnly, lead }: Adjustment, leads: { next: number }, ruledOutAbsent: Set<CauseId>): void {
  let entry = working.get(cause);
  if (!entry) {
    // Evidence may raise a cause the problem does not usually have; an
    // "unlikely" about an absent cause is not worth a row, but words may not raise it after (no verifier sent: no mismatch).
    if (likelihood === 'unlikely' && line !== undefined) ruledOutAbsent.add(cause);
    if (likelihood === undefined || likelihood === 'unlikely' || (raiseOnly === true && ruledOutAbsent.has(cause))) return;
    entry = { likelihood, evidence: [], order: working.size };
    working.set(cause, entry);
  } else if (likelihood !== undefined && entry.likelihood !== 'certain' && (!raiseOnly || (RANK[likelihood] < RANK[entry.likelihood] && !ruledOut(entry)))) {
    entry.likelihood = likelihood;
  }
  if (line !== undefined && !entry.evidence.includes(line)) entry.evidence.push(line);
  if (lead === true && entry.order >= 0) entry.order = leads.next++;
}

function rankCauses(working: Map<CauseId, Working>, lang: Lang, protocol: Protocol): RankedCause[] {
  return [...working.entries()]
    .sort(([, a], [, b]) => RANK[a.likelihood] - RANK[b.likelihood] || a.order - b.order)
    .map(([id, entry]) => {
      const record = causeFor(id, protocol);
      return {
        id,
        likelihood: entry.likelihood,
        title: record ? pick(record.title, lang) : id,
        evidence: entry.evidence,
        confirm: record ? pick(record.confirm, lang) : '',
      };
    });
}

/**
 * The problem's own fixes, then those of each cause still in play, best
 * ranked first. When a cause is certain, only its fixes follow.
 */
function collectFixes(problemFixes: readonly FixRecord[], causes: readonly RankedCause[], lang: Lang, protocol: Protocol): Fix[] {
  const fixes: Fix[] = problemFixes.map((fix) => ({ for: fix.for, text: pick(fix.text, lang) }));
  const certain = causes.some((cause) => cause.likelihood === 'certain');
  for (const cause of causes) {
    if (cause.likelihood === 'unlikely' || (certain && cause.likelihood !== 'certain')) continue;
    for (const fix of causeFor(cause.id, protocol)?.fixes ?? []) {
      const text = pick(fix.text, lang);
      if (!fixes.some((f) => f.text === text)) fixes.push({ for: fix.for, text, cause: cause.id });
    }
  }
  return fixes;
}

function identifyProvider(problem: DetectedProblem, evidence: SessionEvidence, legs: readonly LegRecord[]): ProviderRecord | undefined {
  return (
    providerById(problem.provider) ??
    providerById(evidence.provider) ??
    legs.map((leg) => providerForUrl(leg.url)).find((provider) => provider !== undefined)
  );
}

/** The failed leg: as recorded, else the last leg that got an error status, else the last leg. */
function failedLegIndex(evidence: SessionEvidence, legs: readonly LegRecord[]): number | undefined {
  if (legs.length === 0) return undefined;
  const recorded = evidence.failedLegIndex;
  if (recorded !== undefined && Number.isInteger(recorded) && recorded >= 0 && recorded < legs.length) return recorded;
  for (let i = legs.length - 1; i >= 0; i--) if ((legs[i]?.status ?? 0) >= 400) return i;
  return legs.length - 1;
}

function notes(problem: DetectedProblem, evidence: SessionEvidence, legs: readonly LegRecord[], provider: ProviderRecord | undefined, usualStatus: number | undefined, lang: Lang): string[] {
  const out: string[] = [];
  // An OAuth 2.0 code spelt another way is RFC 6749's, not a near miss of Problem Reporting's (OAuth 1.0a) vocabulary.
  const spelt = problem.code.startsWith('oauth2:') ? 'casedCode' : 'nearCode';
  if (problem.asSent !== undefined) out.push(problem.classified === undefined ? say(spelt, lang, { sent: problem.asSent, code: problem.code }) : say('notACode', lang, { sent: problem.asSent }));
  if (problem.code.startsWith('oauth2:')) {
    const why = oauth2Note(problem.oauth2Signals ?? [], lang);
    if (why !== undefined) out.push(why);
  }
  // Words read as OAuth 2.0's code are still words: the note names them too (issue #12 item 6).
  if (problem.classified !== undefined && problem.source !== 'status-only') {
    out.push(say('heuristicWords', lang, { words: problem.classified.words.map((w) => `"${w}"`).join(' + '), lang: problem.classified.lang }));
  } else if (!problem.code.startsWith('oauth2:') && problem.confidence === 'heuristic' && problem.source !== 'status-only') {
    out.push(say('heuristicSource', lang, { source: problem.source }));
  }
  if (problem.status !== undefined && usualStatus !== undefined && problem.status !== usualStatus && problem.status < 500 && problem.status !== 429) {
    out.push(say('statusUnusual', lang, { status: problem.status, usual: usualStatus }));
  }
  if (legs.length === 0 && evidence.clockOffsetSec === undefined && evidence.observedAt === undefined) out.push(say('noSession', lang));
  if (provider?.notes) out.push(pick(provider.notes, lang));
  return out;
}
