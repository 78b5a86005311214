// The OAuth 2.0 part of `demo`: one embedded OAuth 2.0 provider for the
// part (its fault switches set per scenario, its ground truth cleared), the
// whole code-with-PKCE flow, then each scenario of oauth2-scenarios.ts, each
// diagnosed by diagnoseOAuth2Outcome and scored against the engine's reason.
import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { EMPTY_LEDGER, type Ledger } from '../../diagnose/oauth2/ledger.js';
import type { Lang } from '../../diagnose/lang.js';
import { diagnosisJson, renderDiagnosis } from '../../diagnose/render.js';
import type { Diagnosis } from '../../diagnose/types.js';
import { DoctorError } from '../../errors.js';
import { diagnoseOAuth2Outcome } from '../../flow/oauth2/diagnosis.js';
import { runOAuth2Flow } from '../../flow/oauth2/engine.js';
import { startLoopback } from '../../flow/oauth2/loopback.js';
import { buildOAuth2Report } from '../../flow/oauth2/report.js';
import type { OAuth2FlowConfig, OAuth2Io, OAuth2Outcome, OAuth2StepRecord } from '../../flow/oauth2/types.js';
import { sendHttp } from '../../http/index.js';
import type { GroundTruth } from '../../provider/oauth2/ground-truth.js';
import { initialSettings } from '../../provider/oauth2/options.js';
import type { Palette } from '../../terminal/color.js';
import { padDisplay, wrapText } from '../../terminal/wrap.js';
import { causeOfTruth } from './oauth2-truth.js';
import { OAUTH2_SCENARIOS, type OAuth2Expectation, type OAuth2Hooks, type OAuth2Scenario, type OAuth2World } from './oauth2-scenarios.js';
import { compactDiagnosis, sectionRule } from './render.js';
import { DemoClock } from './scenarios.js';
import type { DemoPart, ScenarioResult, Verdict } from './part.js';
import { DEMO_TEXT, say } from './text.js';

/** Diagnosed as expected: refused at the expected step, read right, the expected cause first — and the engine's own reason names that cause. */
export function judgeOAuth2(outcome: OAuth2Outcome, diagnosis: Diagnosis | undefined, expected: OAuth2Expectation, truth: GroundTruth | undefined): Verdict {
  if (outcome.ok) return { ok: false, mismatch: 'the flow succeeded, so there was nothing to diagnose' };
  if (outcome.error) return { ok: false, mismatch: `the run stopped with ${outcome.error.code}: ${outcome.error.message}` };
  if (outcome.failure?.step !== expected.step) return { ok: false, mismatch: `it was refused at the ${outcome.failure?.step ?? '?'} step, expected ${expected.step}` };
  if (!diagnosis) return { ok: false, mismatch: 'no diagnosis' };
  if (!expected.problems.includes(diagnosis.problem.code)) return { ok: false, mismatch: `read ${diagnosis.problem.code}, expected ${expected.problems.join(' or ')}` };
  const top = diagnosis.causes[0];
  if (top === undefined || top.id !== expected.cause) return { ok: false, mismatch: `ranked ${top?.id ?? 'nothing'} first, expected ${expected.cause}` };
  if (top.likelihood !== 'certain' && top.likelihood !== 'likely') return { ok: false, mismatch: `${top.id} is only ${top.likelihood}` };
  const reason = causeOfTruth(truth);
  if (!reason) return { ok: false, mismatch: `the engine's reason (${truth?.detail ?? truth?.error ?? 'none recorded'}) is not one the demo can score` };
  if (reason.cause !== top.id) return { ok: false, mismatch: `the engine's reason "${truth?.detail ?? truth?.error}" means ${reason.cause}, but ${top.id} was ranked first` };
  return { ok: true };
}

const WHOLE_FLOW: OAuth2Scenario = {
  id: 'oauth2-whole-flow',
  title: DEMO_TEXT.oauth2WholeFlow,
  story: DEMO_TEXT.oauth2WholeFlowStory,
  expect: { step: 'token', problems: [], cause: 'reuse' },
  run: (world) => runOAuth2Flow({ ...world.config, then: ['userinfo', 'introspect', 'refresh', 'revoke'] }, world.io()),
};

/** A path relative to the provider, so lines stay short (the provider URL is printed once). */
function shortUrl(url: string, base: string): string {
  const short = url.startsWith(base) ? url.slice(base.length) || '/' : url;
  const [path = '', query] = short.split('?');
  return query === undefined ? path : `${path}?…`;
}

const TITLE_COLUMN = 24;
/** Where the demo's wrapped lines end (as the OAuth 1.0a part's). */
const DEMO_WIDTH = 96;

const TARGET_COLUMN = 34;

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** One line per step: title, method and path, status, time. */
function oauth2StepLine(step: OAuth2StepRecord, base: string, c: Palette, lang: Lang): string {
  const title = padDisplay(step.title, TITLE_COLUMN);
  if (step.name === 'callback') {
    const what = step.ok ? c.green(say(DEMO_TEXT.oauth2CallbackOk, lang)) : c.red(`✗ ${step.error?.code ?? ''}: ${step.error?.message ?? ''}`);
    return `   ${c.dim(title)} ${what}`;
  }
  const first = step.exchanges[0];
  const last = step.exchanges.at(-1);
  const request = first?.request ?? step.request;
  const target = fit(request ? `${request.method.padEnd(4)} ${shortUrl(request.url, base)}` : '', TARGET_COLUMN);
  const status = last?.response.status;
  const ms = step.ms === undefined ? '' : c.dim(`${step.ms} ms`);
  // Not sent: the authorization a scenario replays from an earlier run.
  if (status === undefined && step.ok) return `   ${title} ${c.dim(target)} ${c.dim(say(DEMO_TEXT.notSent, lang))}`;
  if (status === undefined) return `   ${title} ${target} ${c.red(`✗ ${step.error?.code ?? ''}`)}`;
  // A refusal the flow takes in its stride (RFC 8628 §3.5: authorization_pending, slow_down), or one that stops it.
  const pending = step.ok && status >= 400 ? (step.waitedOut ?? '') : '';
  if (pending !== '') return `   ${title} ${target} ${c.yellow(padDisplay(`${status} ${pending}`, 24))} ${ms}`.trimEnd();
  if (!step.ok) return `   ${title} ${target} ${c.red(padDisplay(`${status} ${step.error?.code ?? STATUS_CODES[status] ?? ''}`, 24))} ${ms}`.trimEnd();
  const text = status >= 300 && status < 400 ? `${status} ${say(DEMO_TEXT.toCallback, lang)}` : `${status} ${STATUS_CODES[status] ?? ''}`;
  return `   ${title} ${target} ${c.green(padDisplay(text, 24))} ${ms}`.trimEnd();
}

interface PartContext {
  readonly part: DemoPart;
  readonly only?: string | undefined;
}

/** The scenarios this run takes: all, or the one --only names (undefined when it names none of them). */
function oauth2Scenarios(only: string | undefined): readonly OAuth2Scenario[] {
  return only === undefined ? OAUTH2_SCENARIOS : OAUTH2_SCENARIOS.filter((s) => s.id === only);
}

export async function runOAuth2Demo({ part, only }: PartContext): Promise<ScenarioResult[]> {
  const { print, c, lang, output, env, dispatcher, timeoutMs, verbose } = part;
  const scenarios = oauth2Scenarios(only);
  const { startOAuth2Provider } = await import('../../provider/oauth2/index.js');
  const provider = await startOAuth2Provider({ settings: { autoApprove: true } });
  const client = provider.clients[0];
  const results: ScenarioResult[] = [];
  try {
    // The secret; the Basic credentials made of it are registered by the flow's session as it sends them.
    if (client?.secret !== undefined) output.redactor.add(client.secret);
    const config: OAuth2FlowConfig = {
      provider: 'custom',
      issuer: provider.issuer,
      endpoints: {},
      client: { clientId: client?.clientId ?? '', clientSecret: client?.secret },
      clientAuth: 'client_secret_basic',
      assertionAudience: 'token-endpoint',
      grant: 'code',
      scope: 'openid profile email offline_access',
      pkce: 'S256',
      callback: { kind: 'loopback', host: '127.0.0.1' },
      authorize: 'http',
      then: [],
      par: 'never',
    };
    const signal = env.signal;
    for (const [index, scenario] of [WHOLE_FLOW, ...scenarios].entries()) {
      // Each scenario starts from the defaults with its own switches, and its own ground truth and ledger.
      Object.assign(provider.settings, initialSettings({ autoApprove: true, ...scenario.settings }));
      provider.groundTruth.clear();
      const clock = new DemoClock();
      let ledger: Ledger = EMPTY_LEDGER;
      const world: OAuth2World = {
        provider,
        config,
        clock,
        lang,
        io(hooks: OAuth2Hooks = {}): OAuth2Io {
          const now = hooks.now ?? clock.now;
          return {
            now,
            random: hooks.random ?? ((n) => randomBytes(n)),
            send: (request, o) => sendHttp(request, { dispatcher, timeoutMs, signal, now, maxRedirects: o?.maxRedirects ?? 0 }),
            startLoopback: (port, host) => startLoopback({ port, host, signal, now }),
            sleep: hooks.sleep ?? ((ms) => delay(ms, undefined, { signal })),
            openBrowser: async () => false,
            askCallbackUrl:
              hooks.askCallbackUrl ??
              (async () => {
                throw new DoctorError('missing-callback-url', 'usage', 'the demo pastes no callback URL');
              }),
            waitTimeoutMs: hooks.waitTimeoutMs ?? timeoutMs,
            observer: { ...hooks.observer, secret: (value) => void output.redactor.add(value) },
            ledger: { load: () => ledger, save: (next) => void (ledger = next) },
          };
        },
      };
      const title = say(scenario.title, lang);
      print();
      print(sectionRule(index === 0 ? title : `${index}/${scenarios.length} · ${title}`, c));
      print(`   ${say(scenario.story, lang)}`);
      if (index === 0) print(c.dim(`   ${say(DEMO_TEXT.oauth2ProviderLine, lang, { url: provider.issuer, id: client?.clientId ?? '' })}`));
      print();
      const outcome = await scenario.run(world);
      for (const step of outcome.steps) print(oauth2StepLine(step, provider.issuer, c, lang));
      const diagnosis = outcome.failure ? diagnoseOAuth2Outcome(outcome, lang) : undefined;
      const truth = provider.groundTruth.last();
      const verdict: Verdict = index === 0 ? { ok: outcome.ok, mismatch: outcome.ok ? undefined : say(DEMO_TEXT.flowFailed, lang, { why: outcome.failure?.refusal.error ?? outcome.error?.message ?? '?' }) } : judgeOAuth2(outcome, diagnosis, scenario.expect, truth);
      print();
      if (diagnosis) for (const line of verbose ? renderDiagnosis(diagnosis, c, part.width - 3).map((l) => `   ${l}`) : compactDiagnosis(diagnosis, c, lang)) print(line);
      const reason = causeOfTruth(truth);
      if (index > 0 && truth) for (const line of wrapText(say(DEMO_TEXT.engineSaid, lang, { detail: truth.detail ?? truth.error ?? '?', cause: reason?.cause ?? '?' }), '     ', undefined, DEMO_WIDTH)) print(c.dim(line));
      if (index === 0) print(verdict.ok ? c.green(`   ✓ ${say(DEMO_TEXT.oauth2Done, lang, { steps: outcome.steps.length })}`) : c.red(`   ✗ ${verdict.mismatch ?? ''}`));
      else print(verdict.ok ? c.green(`   ✓ ${say(DEMO_TEXT.asExpected, lang, { cause: scenario.expect.cause })}`) : c.red(`   ✗ ${say(DEMO_TEXT.notAsExpected, lang, { why: verdict.mismatch ?? '' })}`));
      const report = buildOAuth2Report({ outcome, provider: config.provider, grant: config.grant, issuer: provider.issuer, redactor: output.redactor });
      results.push({
        protocol: 'oauth2',
        id: scenario.id,
        title,
        ok: verdict.ok,
        mismatch: verdict.mismatch,
        expected: index === 0 ? undefined : scenario.expect,
        steps: report.steps,
        diagnosis: diagnosis ? diagnosisJson(diagnosis) : undefined,
        groundTruth: index === 0 || truth === undefined ? undefined : { event: truth.event, error: truth.error, detail: truth.detail, cause: reason?.cause, source: reason?.source },
      });
    }
  } finally {
    await provider.close();
  }
  return results;
}
