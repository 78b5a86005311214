import { diagnosisJson } from '../diagnose/render.js';
import { fingerprintToken } from '../diagnose/fingerprint.js';
import type { Lang } from '../diagnose/lang.js';
import type { InspectedExchange } from './exchanges.js';
import type { InspectReport } from './inspect.js';
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

function signatureCheckJson(check: SignatureCheck, lang: Lang): SignatureCheckJson {
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

/**
 * The document `inspect --json` prints, with its long lists (findings, flows
 * and their events, exchanges) as iterables that make each record only when
 * it is written (Output.jsonStream), so 1,000,000 exchanges are never held
 * as records at once.
 */
export function inspectJsonDocument(report: InspectReport, lang: Lang, secretsMasked: boolean) {
  let headline: SignatureCheck | undefined;
  let firstMatch: SignatureCheck | undefined;
  let first: SignatureCheck | undefined;
  for (const { signatureCheck: check } of report.exchanges) {
    if (!check) continue;
    first ??= check;
    if (check.status === 'variant' || check.status === 'no-match') {
      headline = check;
      break;
    }
    if (check.status === 'match') firstMatch ??= check;
  }
  headline ??= firstMatch ?? first;
  return {
    capture: {
      source: report.capture.source,
      format: report.capture.format,
      creator: report.capture.creator ?? null,
      entries: report.capture.totalEntries,
      oauthExchanges: report.exchanges.length,
      notes: [...report.capture.notes, ...report.notes],
    },
    signatureCheck: headline ? signatureCheckJson(headline, lang) : null,
    findings: lazily(report.findings, (finding) => ({
      kind: finding.kind,
      check: finding.check ?? null,
      flow: finding.flowId,
      ...exchangeRef(finding.item),
      ...diagnosisJson(finding.diagnosis),
      signatureCheck: finding.signatureCheck ? signatureCheckJson(finding.signatureCheck, lang) : null,
    })),
    flows: lazily(report.flows, (flow) => ({
      id: flow.id,
      requestToken: fp(flow.requestToken),
      accessToken: fp(flow.accessToken),
      startedInCapture: flow.startedInCapture,
      hosts: [...new Set(flow.exchanges.map((e) => e.host))],
      events: lazily(flow.events, (event) => ({
        kind: event.kind,
        ...exchangeRef(event.exchange),
        at: iso(event.exchange.at),
        offsetMs: event.offsetMs ?? null,
        sinceMs: event.sinceMs ?? null,
        waitMs: event.exchange.exchange.waitMs ?? null,
        problem: event.exchange.problem?.code ?? null,
      })),
    })),
    exchanges: lazily(report.exchanges, ({ item, flowId, signatureCheck }) => ({
      ...exchangeRef(item),
      flow: flowId,
      at: iso(item.at),
      waitMs: item.exchange.waitMs ?? null,
      signatureMethod: item.view.get('oauth_signature_method') ?? null,
      tokenSent: fp(item.tokenSent),
      tokenIssued: fp(item.tokenIssued),
      problem: item.problem?.code ?? null,
      signatureCheck: signatureCheck ? signatureCheckJson(signatureCheck, lang) : null,
    })),
    secretsMasked,
  };
}
