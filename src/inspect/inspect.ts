import type { KeyObject } from 'node:crypto';
import type { Capture } from '../capture/types.js';
import { diagnose } from '../diagnose/diagnose.js';
import type { Lang } from '../diagnose/lang.js';
import type { DetectedProblem, Diagnosis } from '../diagnose/types.js';
import { providerForUrl } from '../knowledge/providers.js';
import { runChecks, where, type CheckFinding, type CheckId } from './checks.js';
import { adjustCause, causeLikelihood, enrichDiagnosis } from './enrich.js';
import { isSuccess } from '../exchange/reading.js';
import { inspectExchange, secretsOf, type InspectedExchange } from './exchanges.js';
import { checkSignature, type SignatureCheck } from './signature/check.js';
import { isRsaMethod } from '../oauth/methods.js';
import { variantById } from './signature/variants.js';
import { t } from './text.js';
import { buildFlows, evidenceFor, type Flow } from './timeline.js';
import type { OAuth2InspectReport } from './oauth2/inspect-oauth2.js';

/**
 * inspect's pure core (issue #6): a capture in, a report out — the flows,
 * the signature checks and every finding, each diagnosed by the diagnostics
 * module with the capture's timeline as its session evidence. No I/O here.
 */

export interface InspectOptions {
  readonly lang: Lang;
  readonly consumerSecret?: string | undefined;
  readonly tokenSecret?: string | undefined;
  readonly publicKey?: KeyObject | undefined;
  readonly maxSkewSec?: number | undefined;
}

type FindingKind = 'provider-refused' | 'check';

export interface Finding {
  readonly kind: FindingKind;
  /** For `check` findings: which check. */
  readonly check?: CheckId | 'signature-mismatch' | undefined;
  readonly item: InspectedExchange;
  readonly flowId: number;
  readonly diagnosis: Diagnosis;
  readonly signatureCheck?: SignatureCheck | undefined;
}

export interface ExchangeReport {
  readonly item: InspectedExchange;
  readonly flowId: number;
  readonly signatureCheck?: SignatureCheck | undefined;
}

export interface InspectReport {
  readonly capture: Capture;
  readonly exchanges: readonly ExchangeReport[];
  readonly flows: readonly Flow[];
  readonly findings: readonly Finding[];
  /** About the invocation: key material that does not fit the signature methods in the capture. */
  readonly notes: readonly string[];
  /** Values to mask in everything printed: tokens, token secrets, verifiers found in the capture. */
  readonly secrets: readonly string[];
  /** The OAuth 2.0 steps of the capture, their timeline and findings (issue 18 item 7), when it has any: added by the inspect command (inspectOAuth2), so the library bundle stays lean. */
  readonly oauth2?: OAuth2InspectReport | undefined;
}

/** Token → secret for every token a successful response in the capture issued. */
function tokenSecretsOf(items: readonly InspectedExchange[]): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const item of items) if (item.tokenIssued !== undefined && item.tokenSecretIssued !== undefined && isSuccess(item.status)) secrets.set(item.tokenIssued, item.tokenSecretIssued);
  return secrets;
}

/**
 * How many other token secrets a signature that does not verify is tried
 * with (the `other-token-secret` variant). A capture with a few flows tries
 * them all; one with 100,000 flows tries those issued nearest the exchange,
 * or each check would cost as much as the whole capture (issue 14 item 1).
 */
export const OTHER_TOKEN_SECRETS_TRIED = 16;

/** The token secrets a capture issued, in capture order, for the variant search. */
class IssuedSecrets {
  private readonly positions: number[] = [];
  private readonly secrets: string[] = [];
  private readonly all: string[];

  constructor(
    items: readonly InspectedExchange[],
    captured: Map<string, string>,
    private readonly flagSecret: string | undefined,
  ) {
    this.all = [...new Set([...captured.values(), ...(flagSecret === undefined ? [] : [flagSecret])])];
    if (this.all.length <= OTHER_TOKEN_SECRETS_TRIED) return;
    const seen = new Set<string>();
    items.forEach((item, position) => {
      const secret = item.tokenIssued === undefined ? undefined : captured.get(item.tokenIssued);
      if (secret === undefined || seen.has(secret)) return;
      seen.add(secret);
      this.positions.push(position);
      this.secrets.push(secret);
    });
  }

  /** The secrets to try for the exchange at `position` (not `own`): all of them, or the nearest. */
  near(position: number, own: string | undefined): string[] {
    if (this.all.length <= OTHER_TOKEN_SECRETS_TRIED) return own === undefined ? this.all : this.all.filter((s) => s !== own);
    const picked: string[] = this.flagSecret !== undefined && this.flagSecret !== own ? [this.flagSecret] : [];
    // Binary search for the first secret issued at or after `position`, then walk outwards.
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.positions[mid] ?? 0) < position) lo = mid + 1;
      else hi = mid;
    }
    let before = lo - 1;
    let after = lo;
    while (picked.length < OTHER_TOKEN_SECRETS_TRIED && (before >= 0 || after < this.positions.length)) {
      const takeBefore = after >= this.positions.length || (before >= 0 && position - (this.positions[before] ?? 0) <= (this.positions[after] ?? 0) - position);
      const secret = takeBefore ? this.secrets[before--] : this.secrets[after++];
      if (secret !== undefined && secret !== own && !picked.includes(secret)) picked.push(secret);
    }
    return picked;
  }
}

export function checkOne(item: InspectedExchange, options: InspectOptions, captured: Map<string, string>, others: (own: string | undefined) => string[]): SignatureCheck | undefined {
  if (!item.view.signed) return undefined;
  const token = item.tokenSent;
  const fromCapture = token === undefined ? undefined : captured.get(token);
  const tokenSecret = fromCapture ?? (token === undefined ? undefined : options.tokenSecret);
  const tokenSecretFrom = fromCapture !== undefined ? 'capture' : tokenSecret !== undefined ? 'flag' : 'none';
  return checkSignature({
    view: item.view,
    consumerSecret: options.consumerSecret,
    tokenSecret,
    tokenSecretFrom,
    publicKey: options.publicKey,
    otherTokenSecrets: others(tokenSecret),
    serverBaseString: item.problem?.serverBaseString,
  });
}

/** What the client signed, as far as the check knows it (LegRecord.baseString). */
export function signedBaseString(check: SignatureCheck | undefined): string | undefined {
  if (!check) return undefined;
  if (check.status === 'match') return check.expectedBaseString;
  if (check.status === 'variant') return check.signedBaseString;
  return undefined;
}

/** What a signature check adds to a diagnosis. */
export function withSignatureCheck(diagnosis: Diagnosis, item: InspectedExchange, check: SignatureCheck, lang: Lang): Diagnosis {
  let result = diagnosis;
  if (check.status === 'variant' && check.variants.length > 0) {
    const variants = check.variants.map((id) => variantById(id));
    const parts = new Set(variants.map((v) => v.part));
    const titles = variants.map((v) => v[lang].title).join(' + ');
    const lines = [t('checkSignatureVariant', lang, { where: where(item), title: titles }), ...check.details.map((detail) => t('sigDetail', lang, { detail }))];
    // A mangled signature in transit (its encoding) is a header problem, not a base string or key one.
    const cause = parts.has('base-string') ? 'signature-base-mismatch' : parts.has('key') ? 'wrong-secret' : parts.has('method') ? 'wrong-signature-method' : 'malformed-header';
    result = enrichDiagnosis(result, cause, 'certain', lines, lang, variants.map((v) => `${v[lang].fix} (${v.spec})`).join('; '));
    // What the reproduction proves right: the secrets given, and/or the RFC base string.
    if (!parts.has('key')) result = adjustCause(result, 'wrong-secret', 'unlikely', [t('secretsProven', lang, { where: where(item) })], lang, { exactly: true });
    if (!parts.has('base-string')) result = adjustCause(result, 'signature-base-mismatch', 'unlikely', [t('baseProven', lang, { where: where(item) })], lang, { exactly: true });
  } else if (check.status === 'no-match') {
    result = enrichDiagnosis(result, 'wrong-secret', 'likely', [t('checkSignatureNoMatch', lang, { where: where(item), tried: check.tried })], lang);
  } else if (check.status === 'match' && item.problem?.code === 'signature_invalid') {
    result = enrichDiagnosis(result, 'wrong-secret', 'possible', [t('clientSignatureRight', lang, { where: where(item) })], lang);
  }
  const server = check.server;
  if (server && !server.matchesOurs && server.diff) {
    const variant = server.variant ? t('serverVariantSuffix', lang, { variant: server.variant }) : '';
    result = enrichDiagnosis(result, 'signature-base-mismatch', 'certain', [t('checkServerBase', lang, { index: server.diff.index + 1, variant })], lang);
  }
  return result;
}

export function synthesizedProblem(finding: CheckFinding): DetectedProblem {
  return {
    code: finding.problemCode,
    // Not read from a response: inspect inferred it from the capture.
    // The check itself is deterministic, hence `exact`; the exchange's status is not this problem's status.
    source: 'capture-check',
    confidence: 'exact',
    parameters: finding.parameters,
  };
}

/** The report, computed at once (tests, the library, small captures). */
export function inspectCapture(capture: Capture, options: InspectOptions): InspectReport {
  const steps = inspectCaptureSteps(capture, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The same, as a generator that yields between exchanges, so the command can
 * draw progress and honour Ctrl-C during a long capture (issue 14 item 1).
 */
export function* inspectCaptureSteps(capture: Capture, options: InspectOptions): Generator<void, InspectReport> {
  const lang = options.lang;
  const items: InspectedExchange[] = [];
  for (const exchange of capture.exchanges) {
    const item = inspectExchange(exchange);
    if (item) items.push(item);
    yield;
  }
  if (items.every((item) => item.at !== undefined)) items.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  const capturedSecrets = tokenSecretsOf(items);
  const issued = new IssuedSecrets(items, capturedSecrets, options.tokenSecret);
  const position = new Map<InspectedExchange, number>();
  items.forEach((item, i) => position.set(item, i));
  const othersFor = (item: InspectedExchange) => (own: string | undefined) => issued.near(position.get(item) ?? 0, own);
  const schemeNotes = settleAssumedSchemes(items, options, capturedSecrets, lang, othersFor);
  // The flows are built from the exchanges as settled: one read again as http was left out of its flow (flow 0, no event, no legs as evidence).
  items.forEach((item, i) => position.set(item, i));
  const flows = buildFlows(items);
  yield;
  const flowOf = new Map<InspectedExchange, Flow>();
  const indexInFlow = new Map<InspectedExchange, number>();
  for (const flow of flows) flow.exchanges.forEach((item, i) => (flowOf.set(item, flow), indexInFlow.set(item, i)));
  const flowId = (item: InspectedExchange) => flowOf.get(item)?.id ?? 0;
  const checks = new Map<InspectedExchange, SignatureCheck>();
  for (const item of items) {
    const check = checkOne(item, options, capturedSecrets, othersFor(item));
    if (check) checks.set(item, check);
    yield;
  }
  const baseStrings = new Map<InspectedExchange, string>();
  for (const [item, check] of checks) {
    const signed = signedBaseString(check);
    if (signed !== undefined) baseStrings.set(item, signed);
  }
  // Issue 15 item 4: the server verified a request whose signature our check cannot reproduce with the
  // secret given: the server had the right secret, so the one given to oauth-doctor is wrong.
  const keyGivenWrong = [...checks].some(([item, check]) => check.status === 'no-match' && isSuccess(item.status) && !item.problem);
  const providerOf = (item: InspectedExchange) => item.problem?.provider ?? providerForUrl(item.view.url.href)?.id;
  const evidence = (item: InspectedExchange) => {
    const flow = flowOf.get(item);
    return flow ? evidenceFor(flow, item, { provider: providerOf(item), baseStrings, index: indexInFlow.get(item) }) : {};
  };

  // Provider answers first: each refusal, diagnosed with its flow as evidence.
  const findings: Finding[] = [];
  const byExchange = new Map<InspectedExchange, number>();
  for (const item of items) {
    if (!item.problem) continue;
    const check = checks.get(item);
    let diagnosis = diagnose(item.problem, evidence(item), { lang });
    if (check && !(keyGivenWrong && check.status === 'no-match')) diagnosis = withSignatureCheck(diagnosis, item, check, lang);
    byExchange.set(item, findings.length);
    findings.push({ kind: 'provider-refused', item, flowId: flowId(item), diagnosis, signatureCheck: check });
    yield;
  }

  // A signature that does not verify, on an exchange the provider did not (visibly) refuse.
  for (const [item, check] of checks) {
    if (byExchange.has(item) || (check.status !== 'variant' && check.status !== 'no-match')) continue;
    // Accepted by the server: a mismatch here is oauth-doctor's key, not the client's signature (a note, below).
    if (isSuccess(item.status) && check.status === 'no-match') continue;
    const problem: DetectedProblem = { code: 'signature_invalid', source: 'capture-check', confidence: 'exact', parameters: {} };
    const diagnosis = withSignatureCheck(diagnose(problem, evidence(item), { lang }), item, check, lang);
    byExchange.set(item, findings.length);
    findings.push({ kind: 'check', check: 'signature-mismatch', item, flowId: flowId(item), diagnosis, signatureCheck: check });
    yield;
  }

  // Offline checks: merged into the finding of the same exchange when they explain it, else findings of their own.
  const ownChecks = new Map<string, number>();
  for (const result of runChecks(items, flows, { lang, maxSkewSec: options.maxSkewSec })) {
    const index = byExchange.get(result.exchange);
    const existing = index === undefined ? undefined : findings[index];
    if (existing && index !== undefined && (existing.diagnosis.problem.code === result.problemCode || causeLikelihood(existing.diagnosis, result.cause) !== undefined)) {
      findings[index] = { ...existing, diagnosis: enrichDiagnosis(existing.diagnosis, result.cause, result.likelihood, result.lines, lang) };
      continue;
    }
    if (result.supportingOnly) continue;
    const key = `${result.check}\u0000${result.exchange.exchange.index}`;
    const same = ownChecks.get(key);
    const sameFinding = same === undefined ? undefined : findings[same];
    if (sameFinding && same !== undefined) {
      findings[same] = { ...sameFinding, diagnosis: enrichDiagnosis(sameFinding.diagnosis, result.cause, result.likelihood, result.lines, lang) };
      continue;
    }
    const diagnosis = adjustCause(diagnose(synthesizedProblem(result), evidence(result.exchange), { lang }), result.cause, result.likelihood, result.lines, lang, { exactly: result.exactly === true });
    ownChecks.set(key, findings.length);
    findings.push({ kind: 'check', check: result.check, item: result.exchange, flowId: flowId(result.exchange), diagnosis, signatureCheck: checks.get(result.exchange) });
    yield;
  }
  const order = new Map(items.map((item, i) => [item, i]));
  findings.sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0) || (a.kind === b.kind ? 0 : a.kind === 'provider-refused' ? -1 : 1));

  const notes = [...schemeNotes, ...keyNotes(items, options, lang)];
  if (keyGivenWrong) notes.unshift(t(options.publicKey !== undefined ? 'noteGivenKeyWrong' : 'noteGivenSecretWrong', lang));
  const secrets = new Set<string>();
  for (const item of items) for (const secret of secretsOf(item)) secrets.add(secret);
  return {
    capture,
    exchanges: items.map((item) => ({ item, flowId: flowId(item), signatureCheck: checks.get(item) })),
    flows,
    findings,
    notes,
    secrets: [...secrets],
  };
}

/** What the key material given cannot check (notes about the invocation, not findings about the capture). */
function keyNotes(items: readonly InspectedExchange[], options: InspectOptions, lang: Lang): string[] {
  return keyNotesFor(new Set(items.filter((item) => item.view.signed).map((item) => (item.view.get('oauth_signature_method') ?? '').toUpperCase())), options, lang);
}

/** The same, from the signature methods (upper case) the signed exchanges of the capture declare. */
export function keyNotesFor(methods: ReadonlySet<string>, options: InspectOptions, lang: Lang): string[] {
  const notes: string[] = [];
  if ([...methods].some(isRsaMethod) && options.publicKey === undefined && options.consumerSecret !== undefined) notes.push(t('noteRsaWithSecret', lang));
  if (options.publicKey !== undefined && [...methods].some((m) => !isRsaMethod(m) && m !== '')) notes.push(t('noteKeyWithHmac', lang, { methods: [...methods].filter((m) => !isRsaMethod(m)).join(', ') }));
  return notes;
}

/**
 * Issue 15 item 11: raw HTTP written with a path says no scheme, and https
 * was assumed. When the signature does not verify as https but does as
 * http, the request was http: the item is read again as http (so no
 * "TLS-terminating proxy" is blamed) and a note says why.
 */
function settleAssumedSchemes(items: InspectedExchange[], options: InspectOptions, captured: Map<string, string>, lang: Lang, othersFor: (item: InspectedExchange) => (own: string | undefined) => string[]): string[] {
  const notes: string[] = [];
  items.forEach((item, index) => {
    const http = settledScheme(item, (candidate) => checkOne(candidate, options, captured, othersFor(item)));
    if (!http) return;
    items[index] = http;
    notes.push(t('noteSchemeFromSignature', lang, { where: item.exchange.origin }));
  });
  return notes;
}

/** The exchange read again as http, when https was assumed and only http makes its signature verify (else undefined). */
export function settledScheme(item: InspectedExchange, check: (item: InspectedExchange) => SignatureCheck | undefined): InspectedExchange | undefined {
  const request = item.exchange.request;
  if (request.schemeFrom !== 'assumed' || !request.url.startsWith('https://')) return undefined;
  const asIs = check(item);
  if (!asIs || asIs.status === 'match' || asIs.status === 'unchecked') return undefined;
  const http = inspectExchange({ ...item.exchange, request: { ...request, url: `http://${request.url.slice('https://'.length)}` } });
  return http && check(http)?.status === 'match' ? http : undefined;
}
