import type { Diagnosis } from '../diagnose/types.js';
import { workflowCommand } from '../terminal/workflow-commands.js';
import type { FlowOutcome } from './types.js';

/** `::error title=…::…` so a diagnosed failure shows on the run's summary page (escaped: a provider's code cannot end it). */
export function githubAnnotation(outcome: FlowOutcome, diagnosis: Diagnosis): string {
  const leg = outcome.failure?.leg ?? 'flow';
  const cause = diagnosis.causes[0];
  const message = `${leg} leg refused: ${diagnosis.problem.code} — ${diagnosis.problem.title}${cause ? `. Most likely: ${cause.title}` : ''}`;
  return workflowCommand('error', { title: 'oauth-doctor flow' }, message);
}
