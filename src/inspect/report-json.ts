import { diagnosisJson } from '../diagnose/render.js';
import { fingerprintToken } from '../diagnose/fingerprint.js';
import type { Lang } from '../diagnose/lang.js';
import type { InspectedExchange } from './exchanges.js';
import type { ExchangeReport, Finding, InspectReport } from './inspect.js';
import type { FlowEvent } from './timeline.js';
import type { SignatureCheck } from './signature/check.js';
import { variantById } from './signature/variants.js';
import { t } from './text.js';

/**
 * The document `inspect --json` prints. `findings[]` carry the same
 * problem/causes/fixes shape as `explain --json` (diagnosisJson), plus
 * where in the capture they are; a signature check carries `matches` and a
 * stable `variant` id. Tokens appear as fingerprints; the output layer
 * masks any secret left in a string.
 */

export interface SignatureCheckJson {
  readonly status: SignatureCheck['status'];
  readonly matches: boolean;
  readonly variant: string | null;
  readonly variants: readonly string[];
  readonly details: readonly string[];
  readonly equivalents: readonly string[];
  readonly title: string | null;
  readonly fix: string | null;
  readonly spec: string | null;
  readonly signatureMethod: string;
  readonly expectedBaseString: string;
  readonly signedBaseString: string | null;
  readonly diff: { readonly index: number; readonly ours: string; readonly theirs: string } | null;
  /** Why it was not checked: a stable code and the sentence. */
  readonly reasonCode: string | null;
  readonly reason: string | null;
  readonly tokenSecretFrom: string | null;
  readonly tried: number;
  readonly server: {
    readonly baseString: string;
    readonly matchesOurs: boolean;
    readonly variant: string | null;
    readonly diff: { readonly index: number; readonly ours: string; readonly theirs: string } | null;
  } | null;
}

export function signatureCheckJson(check: SignatureCheck, lang: Lang): SignatureCheckJson {
  const variants = check.variants.map((id) => variantById(id));
  return {
    status: check.status,
    matches: check.matches,
    variant: check.variant,
    variants: [...check.variants],
    details: [...check.details],
    equivalents: [...check.equivalents],
    title: variants.length > 0 ? variants.map((v) => v[lang].title).join(' + ') : null,
    fix: variants.length > 0 ? variants.map((v) => v[lang].fix).join('; ') : null,
    spec: variants.length > 0 ? variants.map((v) => v.spec).join('; ') : null,
    signatureMethod: check.signatureMethod,
    expectedBaseString: check.expectedBaseString,
    signedBaseString: check.signedBaseString ?? null,
    diff: check.diff ? { index: check.diff.index, ours: check.diff.ours, theirs: check.diff.theirs } : null,
    reasonCode: check.reason ?? null,
    reason: check.reason ? t(`unchecked_${check.reason}`, lang, { method: check.signatureMethod }) : null,
    tokenSecretFrom: check.tokenSecretFrom ?? null,
    tried: check.tried,
    server: check.server
      ? { baseString: check.server.baseString, matchesOurs: check.server.matchesOurs, variant: check.server.variant, diff: check.server.diff ? { ...check.server.diff } : null }
      : null,
  };
}

function exchangeRef(item: InspectedExchange) {
  return {
    exchange: item.exchange.index,
    origin: item.exchange.origin,
    leg: item.leg,
    method: item.view.method,
    url: item.view.url.href,
    status: item.status ?? null,
  };
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());
const fp = (token: string | undefined) => (token === undefined ? null : fingerprintToken(token));

/** Maps lazily: the records of `inspect --json` are made one at a time as they are written (issue 14 item 1). */
function* lazily<T, U>(items: readonly T[], make: (item: T) => U): Generator<U, void> {
  for (const item of items) yield make(item);
}

/** One finding of `inspect --json`. */
export function findingJson(finding: Finding, lang: Lang) {
  return {
    kind: finding.kind,
    check: finding.check ?? null,
    flow: finding.flowId,
    ...exchangeRef(finding.item),
    ...diagnosisJson(finding.diagnosis),
    signatureCheck: finding.signatureCheck ? signatureCheckJson(finding.signatureCheck, lang) : null,
  };
}

/** A flow of `inspect --json`, but its events. */
export function flowJson(flow: { readonly id: number; readonly requestToken: string | undefined; readonly accessToken: string | undefined; readonly startedInCapture: boolean }, hosts: readonly string[]) {
  return { id: flow.id, requestToken: fp(flow.requestToken), accessToken: fp(flow.accessToken), startedInCapture: flow.startedInCapture, hosts };
}

/** One event of a flow in `inspect --json`. */
export function eventJson(event: FlowEvent) {
  return {
    kind: event.kind,
    ...exchangeRef(event.exchange),
    at: iso(event.exchange.at),
    offsetMs: event.offsetMs ?? null,
    sinceMs: event.sinceMs ?? null,
    waitMs: event.exchange.exchange.waitMs ?? null,
    problem: event.exchange.problem?.code ?? null,
  };
}

/** One exchange of `inspect --json`. */
export function exchangeJson({ item, flowId, signatureCheck }: ExchangeReport, lang: Lang) {
  return {
    ...exchangeRef(item),
    flow: flowId,
    at: iso(item.at),
    waitMs: item.exchange.waitMs ?? null,
    signatureMethod: item.view.get('oauth_signature_method') ?? null,
    tokenSent: fp(item.tokenSent),
    tokenIssued: fp(item.tokenIssued),
    problem: item.problem?.code ?? null,
    signatureCheck: signatureCheck ? signatureCheckJson(signatureCheck, lang) : null,
  };
}

/** Which signature check heads `inspect --json`: the first that did not verify, else the first that did, else the first. */
export class HeadlineCheck {
  private headline: SignatureCheck | undefined;
  private firstMatch: SignatureCheck | undefined;
  private first: SignatureCheck | undefined;

  /** Takes the next check in capture order; false once the headline is settled. */
  add(check: SignatureCheck | undefined): boolean {
    if (this.headline) return false;
    if (!check) return true;
    this.first ??= check;
    if (check.status === 'variant' || check.status === 'no-match') {
      this.headline = check;
      return false;
    }
    if (check.status === 'match') this.firstMatch ??= check;
    return true;
  }

  get check(): SignatureCheck | undefined {
    return this.headline ?? this.firstMatch ?? this.first;
  }
}

/**
 * The document `inspect --json` prints, with its long lists (findings, flows
 * and their events, exchanges) as iterables that make each record only when
 * it is written (Output.jsonStream), so 1,000,000 exchanges are never held
 * as records at once.
 */
export function inspectJsonDocument(report: InspectReport, lang: Lang, secretsMasked: boolean) {
  const headline = new HeadlineCheck();
  for (const { signatureCheck } of report.exchanges) if (!headline.add(signatureCheck)) break;
  return {
    capture: {
      source: report.capture.source,
      format: report.capture.format,
      creator: report.capture.creator ?? null,
      entries: report.capture.totalEntries,
      oauthExchanges: report.exchanges.length,
      notes: [...report.capture.notes, ...report.notes],
    },
    signatureCheck: headline.check ? signatureCheckJson(headline.check, lang) : null,
    findings: lazily(report.findings, (finding) => findingJson(finding, lang)),
    flows: lazily(report.flows, (flow) => ({
      ...flowJson(flow, [...new Set(flow.exchanges.map((e) => e.host))]),
      events: lazily(flow.events, eventJson),
    })),
    exchanges: lazily(report.exchanges, (exchange) => exchangeJson(exchange, lang)),
    secretsMasked,
  };
}
