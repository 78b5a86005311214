import type { Environment } from '../../cli/environment.js';
import { createOutput, type Output } from '../../cli/output.js';
import { resolveLang, type Lang } from '../../diagnose/lang.js';
import { diagnosisJson, renderDiagnosis } from '../../diagnose/render.js';
import type { Diagnosis } from '../../diagnose/types.js';
import { ExitCode, usageError } from '../../errors.js';
import { createDispatcher } from '../../http/index.js';
import { diagnoseOutcome } from '../../flow/diagnosis.js';
import { runFlow } from '../../flow/engine.js';
import type { FlowObserver, FlowOutcome } from '../../flow/types.js';
import { buildEvidence } from '../../flow/evidence.js';
import { networkIo, noPerson } from '../../flow/io.js';
import { localFlowConfig } from '../../flow/local-config.js';
import { stepJson } from '../../flow/report.js';
import { secretsInStep } from '../../flow/secrets.js';
import type { RunningProvider } from '../../provider/index.js';
import { parseDuration } from '../../cli/duration.js';
import type { DemoOptions } from './options.js';
import { DEMO_PROTOCOLS, type DemoPart, type DemoProtocol, type ScenarioResult, type Verdict } from './part.js';
import { OAUTH2_SCENARIOS } from './oauth2-scenarios.js';
import { compactDiagnosis, sectionRule, stepLine } from './render.js';
import { DemoClock, SCENARIOS, type Expectation, type Scenario, type ScenarioWorld } from './scenarios.js';
import { DEMO_TEXT, say } from './text.js';

/** Diagnosed as expected: stopped at the expected leg, read the problem right, ranked the expected cause first. */
export function judge(outcome: FlowOutcome, diagnosis: Diagnosis | undefined, expected: Expectation): Verdict {
  if (outcome.ok) return { ok: false, mismatch: 'the flow succeeded, so there was nothing to diagnose' };
  if (outcome.error) return { ok: false, mismatch: `the run stopped with ${outcome.error.code}: ${outcome.error.message}` };
  if (outcome.failure?.leg !== expected.leg) return { ok: false, mismatch: `it failed at the ${outcome.failure?.leg ?? '?'} leg, expected ${expected.leg}` };
  if (!diagnosis) return { ok: false, mismatch: 'no diagnosis' };
  if (!expected.problems.includes(diagnosis.problem.code)) return { ok: false, mismatch: `read ${diagnosis.problem.code}, expected ${expected.problems.join(' or ')}` };
  const top = diagnosis.causes[0];
  if (top === undefined || top.id !== expected.cause) return { ok: false, mismatch: `ranked ${top?.id ?? 'nothing'} first, expected ${expected.cause ?? 'nothing'}` };
  if (top.likelihood !== 'certain' && top.likelihood !== 'likely') return { ok: false, mismatch: `${top.id} is only ${top.likelihood}` };
  return { ok: true };
}

const WHOLE_FLOW: Scenario = {
  id: 'whole-flow',
  title: DEMO_TEXT.wholeFlow,
  story: DEMO_TEXT.wholeFlowStory,
  expect: { leg: 'resource', problems: [] },
  run: (world) => runFlow(world.config, world.io()),
};

function protocolsOf(value: string | undefined): readonly DemoProtocol[] {
  if (value === undefined || value === 'both') return DEMO_PROTOCOLS;
  if (value === 'oauth1' || value === 'oauth2') return [value];
  throw usageError('unknown-protocol', `--protocol "${value}" is not known`, 'use oauth1, oauth2 or both (the default)');
}

export async function runDemo(options: DemoOptions, env: Environment): Promise<ExitCode> {
  // Asking for the signal installs the interrupt handlers (bin/): from here on Ctrl-C stops the demo cleanly.
  void env.signal;
  const lang = resolveLang(options.lang, env.env);
  const timeoutMs = parseDuration(options.timeout, '--timeout', { bareUnit: 'ms', min: 1 });
  let protocols = protocolsOf(options.protocol);
  if (options.only !== undefined) {
    const only = options.only;
    const inOAuth1 = protocols.includes('oauth1') && SCENARIOS.some((s) => s.id === only);
    const inOAuth2 = protocols.includes('oauth2') && OAUTH2_SCENARIOS.some((s) => s.id === only);
    if (!inOAuth1 && !inOAuth2) {
      const ids = [...(protocols.includes('oauth1') ? SCENARIOS : []), ...(protocols.includes('oauth2') ? OAUTH2_SCENARIOS : [])].map((s) => s.id);
      throw usageError('unknown-scenario', `--only "${only}" is not a scenario`, `use one of ${ids.join(', ')}`);
    }
    protocols = inOAuth1 ? ['oauth1'] : ['oauth2'];
  }
  const output = await createOutput(env);
  // Everything here is on 127.0.0.1: no proxy, whatever the environment says.
  const dispatcher = createDispatcher({ env: {}, timeoutMs });
  const started = Date.now();
  const print = (line = '') => (options.json ? output.narrate(line) : output.result(line));
  const c = options.json ? output.err : output.out;
  const part: DemoPart = { print, c, lang, output, env, dispatcher, timeoutMs, verbose: options.verbose ?? false, width: options.json ? output.errWidth : output.outWidth };
  const results: ScenarioResult[] = [];
  const both = protocols.length > 1;

  print(`${c.bold('oauth-doctor demo')} — ${say(both ? DEMO_TEXT.headingBoth : protocols[0] === 'oauth2' ? DEMO_TEXT.headingOAuth2 : DEMO_TEXT.heading, lang)}`);
  print(c.dim(say(DEMO_TEXT.isolation, lang)));
  try {
    for (const protocol of protocols) {
      if (both) {
        print();
        print(c.bold(c.cyan(say(protocol === 'oauth1' ? DEMO_TEXT.partOAuth1 : DEMO_TEXT.partOAuth2, lang))));
      }
      if (protocol === 'oauth1') results.push(...(await runOAuth1Demo(part, options.only)));
      else {
        const { runOAuth2Demo } = await import('./oauth2-run.js');
        results.push(...(await runOAuth2Demo({ part, only: options.only })));
      }
    }
  } finally {
    await dispatcher.close().catch(() => undefined);
  }

  const failures = results.filter((r) => !r.ok);
  const wholeFlows = results.filter((r) => r.expected === undefined);
  const scenarios = results.filter((r) => r.expected !== undefined);
  const diagnosed = scenarios.filter((r) => r.ok).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  print();
  print(sectionRule(say(DEMO_TEXT.summary, lang), c));
  const flows = wholeFlows.every((r) => r.ok) ? DEMO_TEXT.flowWorked : DEMO_TEXT.flowBroke;
  const parts = [say(flows, lang), say(DEMO_TEXT.tally, lang, { ok: diagnosed, all: scenarios.length }), say(DEMO_TEXT.seconds, lang, { s: seconds })];
  const summary = `   ${parts.join(' · ')}`;
  print(failures.length === 0 ? c.green(c.bold(summary)) : c.red(c.bold(summary)));
  if (failures.length === 0) print(c.dim(`   ${say(DEMO_TEXT.next, lang)}`));
  if (options.json) output.json({ ok: failures.length === 0, lang, protocols, scenarios: results });
  return failures.length === 0 ? ExitCode.Ok : ExitCode.Refused;
}

/** The OAuth 1.0a part: a fresh embedded provider per scenario, the whole flow first. */
async function runOAuth1Demo(part: DemoPart, only: string | undefined): Promise<ScenarioResult[]> {
  const { print, c, lang, output, env, dispatcher, timeoutMs } = part;
  const scenarios = only === undefined ? SCENARIOS : SCENARIOS.filter((s) => s.id === only);
  const { startProvider } = await import('../../provider/index.js');
  const results: ScenarioResult[] = [];
  for (const [index, scenario] of [WHOLE_FLOW, ...scenarios].entries()) {
    const clock = new DemoClock();
    clock.offsetMs = scenario.startOffsetMs ?? 0;
    const provider = await startProvider({ autoApprove: true, now: clock.now, ...scenario.provider });
    try {
      output.redactor.add(provider.consumer.secret);
      const world = scenarioWorld(provider, clock, dispatcher, timeoutMs, env, output, lang);
      const title = say(scenario.title, lang);
      print();
      print(sectionRule(index === 0 ? title : `${index}/${scenarios.length} · ${title}`, c));
      print(`   ${say(scenario.story, lang)}`);
      if (index === 0) print(c.dim(`   ${say(DEMO_TEXT.providerLine, lang, { url: provider.url, key: provider.consumer.key })}`));
      print();
      const outcome = await scenario.run(world);
      // Steps a scenario made itself never passed the observer: register their secrets too.
      for (const step of outcome.steps) for (const secret of secretsInStep(step)) output.redactor.add(secret);
      for (const step of outcome.steps) print(stepLine(step, provider.url, c, lang));
      const evidence = buildEvidence(outcome, world.config, clock.now());
      const diagnosis = diagnoseOutcome(outcome, evidence, lang);
      const verdict = index === 0 ? { ok: outcome.ok, mismatch: outcome.ok ? undefined : say(DEMO_TEXT.flowFailed, lang, { why: outcome.failure?.message ?? outcome.error?.message ?? '?' }) } : judge(outcome, diagnosis, scenario.expect);
      print();
      if (diagnosis) for (const line of part.verbose ? renderDiagnosis(diagnosis, c, part.width - 3).map((l) => `   ${l}`) : compactDiagnosis(diagnosis, c, lang)) print(line);
      if (index === 0) print(verdict.ok ? c.green(`   ✓ ${accessSummary(outcome, lang)}`) : c.red(`   ✗ ${verdict.mismatch ?? ''}`));
      else print(verdict.ok ? c.green(`   ✓ ${say(DEMO_TEXT.asExpected, lang, { cause: scenario.expect.cause ?? '' })}`) : c.red(`   ✗ ${say(DEMO_TEXT.notAsExpected, lang, { why: verdict.mismatch ?? '' })}`));
      results.push({
        protocol: 'oauth1',
        id: scenario.id,
        title,
        ok: verdict.ok,
        mismatch: verdict.mismatch,
        expected: index === 0 ? undefined : scenario.expect,
        steps: outcome.steps.map(stepJson),
        diagnosis: diagnosis ? diagnosisJson(diagnosis) : undefined,
      });
    } finally {
      await provider.close();
    }
  }
  return results;
}

function accessSummary(outcome: FlowOutcome, lang: Lang): string {
  const extra = new Map(outcome.accessToken?.extra ?? []);
  const who = extra.get('screen_name') ?? extra.get('user_id');
  return who ? say(DEMO_TEXT.signedIn, lang, { who }) : say(DEMO_TEXT.tokenReceived, lang);
}

function scenarioWorld(provider: RunningProvider, clock: DemoClock, dispatcher: ReturnType<typeof createDispatcher>, timeoutMs: number, env: Environment, output: Output, lang: Lang): ScenarioWorld {
  const registerSecrets: FlowObserver = { stepDone: (step) => void secretsInStep(step).forEach((s) => output.redactor.add(s)) };
  return {
    provider,
    clock,
    lang,
    config: localFlowConfig(provider, { requestTokenLifetimeSec: 600 }),
    io(hooks = {}) {
      const observer: FlowObserver = {
        stepDone(step) {
          registerSecrets.stepDone?.(step);
          hooks.observer?.stepDone?.(step);
        },
      };
      return networkIo({ dispatcher, timeoutMs, waitTimeoutMs: timeoutMs, signal: env.signal, now: hooks.now ?? clock.now, nonce: () => env.nonce(), person: hooks.person ?? noPerson, observer });
    },
  };
}
