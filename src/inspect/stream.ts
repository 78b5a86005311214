import type { CapturedExchange } from '../capture/types.js';
import { diagnose } from '../diagnose/diagnose.js';
import type { DetectedProblem, Diagnosis } from '../diagnose/types.js';
import { isSuccess, type ExchangeReading } from '../exchange/reading.js';
import { providerForUrl } from '../knowledge/providers.js';
import { checkExchange, isOAuthSigned, NonceIndex, tokenUseOf } from './checks.js';
import { adjustCause, causeLikelihood, enrichDiagnosis } from './enrich.js';
import { inspectExchange, type InspectedExchange } from './exchanges.js';
import { checkOne, keyNotesFor, OTHER_TOKEN_SECRETS_TRIED, settledScheme, signedBaseString, synthesizedProblem, withSignatureCheck, type Finding, type InspectOptions } from './inspect.js';
import type { SignatureCheck } from './signature/check.js';
import { t } from './text.js';
import { EVIDENCE_LEGS, evidenceOfLegs, FlowEvents, type EarlierExchange, type FlowEvent } from './timeline.js';

/**
 * inspect as a pipeline (issue 14 item 1): each exchange is read once,
 * checked, handed to the sink with its flow event and its findings, and
 * dropped. What the checks need across exchanges is kept as compact
 * indexes, never the exchanges: per flow its tokens, hosts and the state of
 * its events (FlowEvents), the first legs and the last ones of the most
 * recently active flows (the evidence a finding is diagnosed with), the
 * nonces seen, the token secrets issued. The exchanges are taken in the
 * order they come (the whole-capture report, inspectCapture, sorts them by
 * time first), a token secret issued later in the capture than it is used
 * is not tried, and once the capture shows the key given is wrong that is
 * applied from there on.
 */

/** What is kept of a flow while the capture is read (no exchange of it). */
export interface StreamedFlow {
  /** 1-based, in order of first exchange. */
  readonly id: number;
  requestToken: string | undefined;
  accessToken: string | undefined;
  readonly startedInCapture: boolean;
  readonly hosts: Set<string>;
  /** Events (one an exchange) so far. */
  events: number;
}

/** One exchange as the pipeline hands it on: the report's rows about it, before it is dropped. */
export interface StreamedExchange {
  readonly item: InspectedExchange;
  readonly flow: StreamedFlow;
  readonly event: FlowEvent;
  /** The exchange of the flow the event refers to (as kept: origin, leg, when). */
  readonly referred: EarlierExchange | undefined;
  readonly signatureCheck: SignatureCheck | undefined;
  /** Its findings, in report order; `index` counts findings over the whole capture (0-based). */
  readonly findings: readonly { readonly finding: Finding; readonly index: number }[];
}

/** A flow's leg as kept for evidence: its reading without the raw exchange, and what its signature check reproduced. */
interface KeptLeg extends ExchangeReading {
  readonly index: number;
  readonly baseString: string | undefined;
}

interface FlowState extends StreamedFlow {
  readonly tracker: FlowEvents;
  first: KeptLeg[];
  last: KeptLeg[];
  /** Its legs were let go when it fell idle: its first legs are not taken again if it comes back. */
  idled: boolean;
}

/**
 * Flows whose legs are kept for evidence, the most recently active. A flow
 * idle longer (the ACTIVE_FLOWS_KEPT flows active since have pushed it out)
 * lets its legs go, its first ones too, so what is held does not grow with
 * the capture (issue 14 item 1: 1,000,000 exchanges in flows of three kept
 * the first legs of all 333,000 flows, some 600 bytes each); should it come
 * back, a finding on it is diagnosed with its legs since. At most
 * ACTIVE_FLOWS_KEPT × (EVIDENCE_LEGS.first + 2 × EVIDENCE_LEGS.last) legs.
 */
const ACTIVE_FLOWS_KEPT = 256;

function keptLeg(item: InspectedExchange, index: number, baseString: string | undefined): KeptLeg {
  return {
    leg: item.leg,
    method: item.method,
    url: item.url,
    at: item.at,
    status: item.status,
    tokenSent: item.tokenSent,
    tokenIssued: item.tokenIssued,
    tokenSecretIssued: undefined,
    callbackConfirmed: item.callbackConfirmed,
    tokenLifetimeSec: item.tokenLifetimeSec,
    verifier: undefined,
    timestamp: item.timestamp,
    nonce: item.nonce,
    signatureMethod: item.signatureMethod,
    callback: item.callback,
    serverDate: item.serverDate,
    problem: undefined,
    secrets: [],
    index,
    baseString,
  };
}

/** Token secrets the capture issued so far, for the signature check (as inspect.ts's IssuedSecrets, looking back only). */
class IssuedSoFar {
  readonly byToken = new Map<string, string>();
  private readonly order: string[] = [];
  private readonly distinct = new Set<string>();

  constructor(private readonly flagSecret: string | undefined) {
    if (flagSecret !== undefined) this.distinct.add(flagSecret);
  }

  add(item: InspectedExchange): void {
    if (item.tokenIssued === undefined || item.tokenSecretIssued === undefined || !isSuccess(item.status)) return;
    this.byToken.set(item.tokenIssued, item.tokenSecretIssued);
    if (this.distinct.has(item.tokenSecretIssued)) return;
    this.distinct.add(item.tokenSecretIssued);
    this.order.push(item.tokenSecretIssued);
  }

  /** Other secrets to try: all of them while there are few, else the flag's and the latest issued. */
  others(own: string | undefined): string[] {
    if (this.distinct.size <= OTHER_TOKEN_SECRETS_TRIED) return [...this.distinct].filter((s) => s !== own);
    const picked: string[] = this.flagSecret !== undefined && this.flagSecret !== own ? [this.flagSecret] : [];
    for (let i = this.order.length - 1; i >= 0 && picked.length < OTHER_TOKEN_SECRETS_TRIED; i--) {
      const secret = this.order[i] as string;
      if (secret !== own && !picked.includes(secret)) picked.push(secret);
    }
    return picked;
  }
}

export class InspectPipeline {
  private readonly flows: FlowState[] = [];
  private readonly byToken = new Map<string, FlowState>();
  private twoLegged: FlowState | undefined;
  /** Flows whose last legs are kept, least recently active first. */
  private readonly active = new Map<number, FlowState>();
  private readonly nonces = new NonceIndex();
  private readonly issued: IssuedSoFar;
  private readonly methods = new Set<string>();
  private readonly schemeNotes: string[] = [];
  private keyGivenWrong = false;
  /** OAuth 1.0a exchanges read. */
  exchanges = 0;
  /** Findings so far. */
  findings = 0;

  constructor(private readonly options: InspectOptions) {
    this.issued = new IssuedSoFar(options.tokenSecret);
  }

  get flowCount(): number {
    return this.flows.length;
  }

  /** Legs held for evidence over all flows: at most those of the ACTIVE_FLOWS_KEPT most recently active. */
  get legsKept(): number {
    const kept = new Set<KeptLeg>();
    for (const flow of this.flows) for (const leg of [...flow.first, ...flow.last]) kept.add(leg);
    return kept.size;
  }

  /** The flows, as kept (tokens, hosts, event counts), in id order. */
  flowList(): readonly StreamedFlow[] {
    return this.flows;
  }

  /** Notes about the invocation, known once the capture is read. */
  notes(): string[] {
    const notes = [...this.schemeNotes, ...keyNotesFor(this.methods, this.options, this.options.lang)];
    if (this.keyGivenWrong) notes.unshift(t(this.options.publicKey !== undefined ? 'noteGivenKeyWrong' : 'noteGivenSecretWrong', this.options.lang));
    return notes;
  }

  private check(item: InspectedExchange): SignatureCheck | undefined {
    return checkOne(item, this.options, this.issued.byToken, (own) => this.issued.others(own));
  }

  private flowFor(item: InspectedExchange): FlowState {
    const make = (startedInCapture: boolean): FlowState => {
      const flow: FlowState = { id: this.flows.length + 1, requestToken: undefined, accessToken: undefined, startedInCapture, hosts: new Set(), events: 0, tracker: new FlowEvents(), first: [], last: [], idled: false };
      this.flows.push(flow);
      return flow;
    };
    if (item.leg === 'request_token') return make(true);
    if (item.tokenSent !== undefined) {
      const known = this.byToken.get(item.tokenSent);
      if (known) return known;
      const flow = make(false);
      if (item.leg === 'resource') flow.accessToken = item.tokenSent;
      else flow.requestToken = item.tokenSent;
      this.byToken.set(item.tokenSent, flow);
      return flow;
    }
    this.twoLegged ??= make(false);
    return this.twoLegged;
  }

  /** Keeps the leg for evidence and returns the legs a finding on it is diagnosed with (timeline.ts evidenceFor). */
  private keep(flow: FlowState, leg: KeptLeg): KeptLeg[] {
    if (!flow.idled && flow.first.length < EVIDENCE_LEGS.first) flow.first.push(leg);
    this.active.delete(flow.id);
    this.active.set(flow.id, flow);
    if (this.active.size > ACTIVE_FLOWS_KEPT) {
      const [idle] = this.active.values();
      if (idle) {
        idle.first = [];
        idle.last = [];
        idle.idled = true;
        this.active.delete(idle.id);
      }
    }
    flow.last.push(leg);
    if (flow.last.length > EVIDENCE_LEGS.last * 2) flow.last = flow.last.slice(-EVIDENCE_LEGS.last);
    const recent = flow.last.length > EVIDENCE_LEGS.last ? flow.last.slice(-EVIDENCE_LEGS.last) : flow.last;
    return flow.idled ? recent : [...flow.first, ...recent.filter((l) => l.index >= EVIDENCE_LEGS.first)];
  }

  /** Reads one captured exchange; undefined when it is not part of an OAuth 1.0a flow. */
  add(exchange: CapturedExchange): StreamedExchange | undefined {
    const read = inspectExchange(exchange);
    if (!read) return undefined;
    const lang = this.options.lang;
    let item = read;
    const http = settledScheme(item, (candidate) => this.check(candidate));
    if (http) {
      item = http;
      this.schemeNotes.push(t('noteSchemeFromSignature', lang, { where: read.exchange.origin }));
    }
    this.exchanges++;
    if (item.view.signed) this.methods.add((item.view.get('oauth_signature_method') ?? '').toUpperCase());

    const flow = this.flowFor(item);
    flow.hosts.add(item.host);
    if (item.tokenIssued !== undefined && item.status !== undefined && item.status >= 200 && item.status < 400) {
      if (item.leg === 'request_token') flow.requestToken = item.tokenIssued;
      else if (item.leg === 'access_token') flow.accessToken = item.tokenIssued;
      this.byToken.set(item.tokenIssued, flow);
    }
    const index = flow.events++;
    const event = flow.tracker.next(item, index);
    const referred = flow.tracker.referred;

    const check = this.check(item);
    this.issued.add(item);
    if (check && check.status === 'no-match' && isSuccess(item.status) && !item.problem) this.keyGivenWrong = true;
    const legs = this.keep(flow, keptLeg(item, index, signedBaseString(check)));
    const provider = item.problem?.provider ?? providerForUrl(item.view.url.href)?.id;
    const evidence = () => evidenceOfLegs(item, legs, provider, (leg) => leg.baseString);

    const findings: Finding[] = [];
    let own: number | undefined;
    if (item.problem) {
      let diagnosis = diagnose(item.problem, evidence(), { lang });
      if (check && !(this.keyGivenWrong && check.status === 'no-match')) diagnosis = withSignatureCheck(diagnosis, item, check, lang);
      own = findings.length;
      findings.push({ kind: 'provider-refused', item, flowId: flow.id, diagnosis, signatureCheck: check });
    } else if (check && (check.status === 'variant' || check.status === 'no-match') && !(isSuccess(item.status) && check.status === 'no-match')) {
      const problem: DetectedProblem = { code: 'signature_invalid', source: 'capture-check', confidence: 'exact', parameters: {} };
      own = findings.length;
      findings.push({ kind: 'check', check: 'signature-mismatch', item, flowId: flow.id, diagnosis: withSignatureCheck(diagnose(problem, evidence(), { lang }), item, check, lang), signatureCheck: check });
    }
    // The offline checks of this exchange, in runChecks' order: its own, a repeated nonce, the token use of its event.
    const results = isOAuthSigned(item) ? checkExchange(item, { lang, maxSkewSec: this.options.maxSkewSec }) : [];
    const nonce = isOAuthSigned(item) ? this.nonces.check(item, { lang }) : undefined;
    if (nonce) results.push(nonce);
    const use = tokenUseOf(event, referred, { lang });
    if (use) results.push(use);
    const byCheck = new Map<string, number>();
    for (const result of results) {
      const existing = own === undefined ? undefined : findings[own];
      if (existing && own !== undefined && (existing.diagnosis.problem.code === result.problemCode || causeLikelihood(existing.diagnosis, result.cause) !== undefined)) {
        findings[own] = { ...existing, diagnosis: enrichDiagnosis(existing.diagnosis, result.cause, result.likelihood, result.lines, lang) };
        continue;
      }
      if (result.supportingOnly) continue;
      const same = byCheck.get(result.check);
      const sameFinding = same === undefined ? undefined : findings[same];
      if (sameFinding && same !== undefined) {
        findings[same] = { ...sameFinding, diagnosis: enrichDiagnosis(sameFinding.diagnosis, result.cause, result.likelihood, result.lines, lang) };
        continue;
      }
      const diagnosis: Diagnosis = adjustCause(diagnose(synthesizedProblem(result), evidence(), { lang }), result.cause, result.likelihood, result.lines, lang, { exactly: result.exactly === true });
      byCheck.set(result.check, findings.length);
      findings.push({ kind: 'check', check: result.check, item, flowId: flow.id, diagnosis, signatureCheck: check });
    }
    const numbered = findings.map((finding) => ({ finding, index: this.findings++ }));
    return { item, flow, event, referred, signatureCheck: check, findings: numbered };
  }
}
