/**
 * GitHub Actions reads any output line that starts, after leading white
 * space, with `::` (or the older `##[`) as a workflow command: `::error`,
 * `::add-mask`, `::stop-commands::` (which silences every command after it).
 * Text we print is neutralised line by line, so nothing a provider or a
 * capture says can start such a line; the one command we mean to emit goes
 * through `workflowCommand` instead.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
const COMMAND_START = /(^|\n)([^\S\n]*)(::|##\[)/g;

export function neutraliseWorkflowCommands(text: string): string {
  // `\x3a` is how the sanitiser shows a character it will not pass on; the line no longer starts with `::`.
  return text.replace(COMMAND_START, (_m, start: string, space: string, marker: string) => `${start}${space}${marker === '::' ? '\\x3a:' : '\\x23#['}`);
}

/** Workflow-command data: `%`, CR and LF percent-encoded (the runner's own escaping rules). */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values: as data, and `:` and `,` too. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,…::data`, every part escaped: one line, whatever the text holds. */
export function workflowCommand(name: 'error' | 'warning' | 'notice', properties: Readonly<Record<string, string>>, data: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeCommandProperty(value)}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeCommandData(data)}`;
}
