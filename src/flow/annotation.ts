import type { Output } from '../cli/output.js';
import type { Environment } from '../cli/environment.js';
import type { Diagnosis } from '../diagnose/types.js';
import { workflowCommand } from '../terminal/workflow-commands.js';

/**
 * `::error title=…::…` so a diagnosed failure shows on the run's summary page (escaped: a provider's code cannot end it).
 * One for both protocols: `where` is what refused, an OAuth 1.0a leg (`access_token leg`) or an OAuth 2.0 step (`callback step`).
 */
function githubAnnotation(where: string, diagnosis: Diagnosis): string {
  const cause = diagnosis.causes[0];
  const message = `${where} refused: ${diagnosis.problem.code} — ${diagnosis.problem.title}${cause ? `. Most likely: ${cause.title}` : ''}`;
  return workflowCommand('error', { title: 'oauth-doctor flow' }, message);
}

/** Under GitHub Actions (GITHUB_ACTIONS=true, as the runner sets it), a diagnosed failure becomes an annotation on stderr. */
export function annotateFailure(where: string, diagnosis: Diagnosis | undefined, env: Environment, output: Output): void {
  if (diagnosis && env.env['GITHUB_ACTIONS'] === 'true') output.workflowCommand(githubAnnotation(where, diagnosis));
}
