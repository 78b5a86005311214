import type { Environment } from '../../cli/environment.js';
import { createOutput, type Output } from '../../cli/output.js';
import { resolveLang, type Lang } from '../../diagnose/lang.js';
import { diagnosisJson, renderDiagnosis, type DiagnosisJson } from '../../diagnose/render.js';
import type { Diagnosis } from '../../diagnose/types.js';
import { usageError } from '../../errors.js';
import { createDispatcher } from '../../http/index.js';
import { diagnoseOutcome } from '../../flow/diagnosis.js';
import { runFlow, type FlowObserver, type FlowOutcome } from '../../flow/engine.js';
import { buildEvidence } from '../../flow/evidence.js';
import { networkIo, noPerson } from '../../flow/io.js';
import { localFlowConfig } from '../../flow/local-config.js';
import { stepJson, type StepJson } from '../../flow/report.js';
import { secretsInStep } from '../../flow/secrets.js';
import type { RunningProvider } from '../../provider/index.js';
import { parseDuration } from '../../cli/duration.js';
import type { DemoOptions } from './command.js';
import { compactDiagnosis, sectionRule, stepLine } from './render.js';
import { DemoClock, SCENARIOS, type Expectation, type Scenario, type ScenarioWorld } from './scenarios.js';
import { DEMO_TEXT, say } from './text.js';

interface Verdict {
  readonly ok: boolean;
  /** What did not match, for the reader. */
  readonly mismatch?: string | undefined;
}

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

interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly ok: boolean;
  readonly mismatch?: string | undefined;
  readonly expected?: Expectation | undefined;
  readonly steps: readonly StepJson[];
  readonly diagnosis?: DiagnosisJson | undefined;
}

const WHOLE_FLOW: Scenario = {
  id: 'whole-flow',
  title: DEMO_TEXT.wholeFlow,
  story: DEMO_TEXT.wholeFlowStory,
  expect: { leg: 'resource', problems: [] },
  run: (world) => runFlow(world.config, world.io()),
};

export async function runDemo(options: DemoOptions, env: Environment): Promise<number> {
  // Asking for the signal installs the interrupt handlers (bin/): from here on Ctrl-C stops the demo cleanly.
  void env.signal;
  const lang = resolveLang(options.lang, env.env);
  const timeoutMs = parseDuration(options.timeout, '--timeout', { bareUnit: 'ms', min: 1 });
  const scenarios = options.only === undefined ? SCENARIOS : SCENARIOS.filter((s) => s.id === options.only);
  if (scenarios.length === 0) throw usageError('unknown-scenario', `--only "${options.only}" is not a scenario`, `use one of ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const output = await createOutput(env);
  const { startProvider } = await import('../../provider/index.js');
  // Everything here is on 127.0.0.1: no proxy, whatever the environment says.
  const dispatcher = createDispatcher({ env: {}, timeoutMs });
  const started = Date.now();
  const print = (line = '') => (options.json ? output.narrate(line) : output.result(line));
  const c = options.json ? output.err : output.out;
  const results: ScenarioResult[] = [];

  print(`${c.bold('oauth-doctor demo')} — ${say(DEMO_TEXT.heading, lang)}`);
  print(c.dim(say(DEMO_TEXT.isolation, lang)));
  try {
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
        if (diagnosis) for (const line of options.verbose ? renderDiagnosis(diagnosis, c, (options.json ? output.errWidth : output.outWidth) - 3).map((l) => `   ${l}`) : compactDiagnosis(diagnosis, c, lang)) print(line);
        if (index === 0) print(verdict.ok ? c.green(`   ✓ ${accessSummary(outcome, lang)}`) : c.red(`   ✗ ${verdict.mismatch ?? ''}`));
        else print(verdict.ok ? c.green(`   ✓ ${say(DEMO_TEXT.asExpected, lang, { cause: scenario.expect.cause ?? '' })}`) : c.red(`   ✗ ${say(DEMO_TEXT.notAsExpected, lang, { why: verdict.mismatch ?? '' })}`));
        results.push({
          id: scenario.id,
          title: say(scenario.title, lang),
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
  } finally {
    await dispatcher.close().catch(() => undefined);
  }

  const failures = results.filter((r) => !r.ok);
  const diagnosed = results.slice(1).filter((r) => r.ok).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  print();
  print(sectionRule(say(DEMO_TEXT.summary, lang), c));
  const parts = [say(results[0]?.ok ? DEMO_TEXT.flowWorked : DEMO_TEXT.flowBroke, lang), say(DEMO_TEXT.tally, lang, { ok: diagnosed, all: results.length - 1 }), say(DEMO_TEXT.seconds, lang, { s: seconds })];
  const summary = `   ${parts.join(' · ')}`;
  print(failures.length === 0 ? c.green(c.bold(summary)) : c.red(c.bold(summary)));
  if (failures.length === 0) print(c.dim(`   ${say(DEMO_TEXT.next, lang)}`));
  if (options.json) output.json({ ok: failures.length === 0, lang, scenarios: results });
  return failures.length === 0 ? 0 : 1;
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
