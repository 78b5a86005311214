// What the demo's two protocol parts share with the run that calls them: a
// leaf of its own, so run.ts and oauth2-run.ts (loaded lazily) both read it
// without importing each other (issue 13: no import cycle).
import type { Environment } from '../../cli/environment.js';
import type { Output } from '../../cli/output.js';
import type { Lang } from '../../diagnose/lang.js';
import type { DiagnosisJson } from '../../diagnose/render.js';
import type { CauseId } from '../../diagnose/types.js';
import type { StepJson } from '../../flow/report.js';
import type { OAuth2StepJson } from '../../flow/oauth2/report.js';
import type { createDispatcher } from '../../http/index.js';
import type { Palette } from '../../terminal/color.js';
import type { OAuth2Expectation } from './oauth2-scenarios.js';
import type { Expectation } from './scenarios.js';

export const DEMO_PROTOCOLS = ['oauth1', 'oauth2'] as const;
export type DemoProtocol = (typeof DEMO_PROTOCOLS)[number];

export interface Verdict {
  readonly ok: boolean;
  /** What did not match, for the reader. */
  readonly mismatch?: string | undefined;
}

export interface ScenarioResult {
  readonly protocol: DemoProtocol;
  readonly id: string;
  readonly title: string;
  readonly ok: boolean;
  readonly mismatch?: string | undefined;
  readonly expected?: Expectation | OAuth2Expectation | undefined;
  readonly steps: readonly (StepJson | OAuth2StepJson)[];
  readonly diagnosis?: DiagnosisJson | undefined;
  /** OAuth 2.0: the engine's own reason for the refusal, and the cause it means (what the diagnosis is scored against). */
  readonly groundTruth?: { readonly event: string; readonly error?: string | undefined; readonly detail?: string | undefined; readonly cause?: CauseId | undefined; readonly source?: string | undefined } | undefined;
}

/** What each protocol's part prints with and runs on. */
export interface DemoPart {
  print(line?: string): void;
  readonly c: Palette;
  readonly lang: Lang;
  readonly output: Output;
  readonly env: Environment;
  readonly dispatcher: ReturnType<typeof createDispatcher>;
  readonly timeoutMs: number;
  readonly verbose: boolean;
  readonly width: number;
}
