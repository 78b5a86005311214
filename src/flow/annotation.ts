import type { Diagnosis } from '../diagnose/types.js';
import type { FlowOutcome } from './engine.js';

/** GitHub Actions workflow-command escaping: data (%, CR, LF) and properties (also : and ,). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error title=…::…` so a diagnosed failure shows on the run's summary page. */
export function githubAnnotation(outcome: FlowOutcome, diagnosis: Diagnosis): string {
  const leg = outcome.failure?.leg ?? 'flow';
  const cause = diagnosis.causes[0];
  const message = `${leg} leg refused: ${diagnosis.problem.code} — ${diagnosis.problem.title}${cause ? `. Most likely: ${cause.title}` : ''}`;
  return `::error title=${escapeProperty('oauth-doctor flow')}::${escapeData(message)}`;
}
