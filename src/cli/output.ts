import type { Environment } from './environment.js';
import { colorEnabled, palette, PLAIN, type Palette } from '../terminal/color.js';
import { sanitizeForTerminal } from '../terminal/sanitize.js';
import { neutraliseWorkflowCommands } from '../terminal/workflow-commands.js';
import { Redactor } from '../secrets/redactor.js';
import { wrapWidth } from '../terminal/width.js';
import { JsonStreamWriter } from './json-stream.js';

/**
 * Where a command writes. Narration goes to stderr, results to stdout (STYLE
 * habit 4). Everything passes the redactor (secrets) and, for text meant for
 * a terminal, the sanitiser (control sequences from providers).
 */
export class Output {
  private colourErrDecided: boolean | undefined;

  private constructor(
    readonly env: Environment,
    readonly redactor: Redactor,
    /** The palette for stdout, and whether it colours. */
    readonly out: Palette,
    private readonly colourOut: boolean,
    /** A colouring palette, loaded when stderr may need one. */
    private readonly errColours: Palette | undefined,
  ) {}

  /**
   * stdout's colour is decided now; stderr's on the first narration: telling
   * a terminal for sure loads node:tty and Node's stream stack (~1.5 ms), and
   * a command that never narrates (`explain … | grep`) should not pay for it.
   * chalk is loaded now if stderr may be a terminal, as palettes are not loaded later.
   */
  static async create(env: Environment, redactor: Redactor): Promise<Output> {
    const colourOut = colorEnabled(env.stdoutIsTTY, env.env);
    const errMayColour = colorEnabled(env.stderrMaybeTTY ?? env.stderrIsTTY, env.env);
    const colours = colourOut || errMayColour ? await palette(true) : undefined;
    return new Output(env, redactor, colourOut && colours ? colours : PLAIN, colourOut, errMayColour ? colours : undefined);
  }

  private get colourErr(): boolean {
    return (this.colourErrDecided ??= this.errColours !== undefined && colorEnabled(this.env.stderrIsTTY, this.env.env));
  }

  /** The palette for stderr. */
  get err(): Palette {
    return this.colourErr && this.errColours ? this.errColours : PLAIN;
  }

  /** Columns to wrap stdout's text to: the terminal's width, 80 when unknown, no wrapping for a pipe or a file (issue 15 item 7). */
  get outWidth(): number {
    return wrapWidth(this.env.stdoutIsTTY, this.env.stdoutColumns, this.env.env);
  }

  /** The same for stderr. */
  get errWidth(): number {
    return wrapWidth(this.env.stderrIsTTY, this.env.stderrColumns, this.env.env);
  }

  /** A line of result text on stdout. */
  result(text = ''): void {
    this.env.stdout.write(neutraliseWorkflowCommands(sanitizeForTerminal(this.redactor.redact(text), { keepColour: this.colourOut })) + '\n');
  }

  /** Lines of result text on stdout, redacted, sanitised and written a few thousand at a time (never one giant string). */
  results(lines: readonly string[]): void {
    for (let start = 0; start < lines.length; start += RESULT_LINES_AT_ONCE) this.result(lines.slice(start, start + RESULT_LINES_AT_ONCE).join('\n'));
  }

  /** A line of narration on stderr. */
  narrate(text = ''): void {
    this.env.stderr.write(neutraliseWorkflowCommands(sanitizeForTerminal(this.redactor.redact(text), { keepColour: this.colourErr })) + '\n');
  }

  /**
   * One GitHub Actions workflow command on stderr, built by `workflowCommand`
   * (its parts escaped, so it is one line): the only writer allowed to start a line with `::`.
   */
  workflowCommand(line: string): void {
    this.env.stderr.write(sanitizeForTerminal(this.redactor.redact(line).replace(/\n/g, '%0A')) + '\n');
  }

  /** Exactly one JSON document on stdout; every string in it is redacted first; JSON escaping and escapeUnsafeJson keep control characters harmless. */
  json(value: unknown): void {
    const redacted = JSON.stringify(value, this.redactor.jsonReplacer, 2);
    this.env.stdout.write(escapeUnsafeJson(redacted) + '\n');
  }

  /**
   * The same document, byte for byte, written as it goes: member by member and
   * array element by element (arrays may be given as iterables), for reports
   * too long for one string (issue 14 item 1). `pause` runs between chunks.
   */
  async jsonStream(document: Record<string, unknown>, pause?: () => Promise<void>): Promise<void> {
    await new JsonStreamWriter(this.env.stdout, { replacer: this.redactor.jsonReplacer, escape: escapeUnsafeJson, pause }).write(document);
  }
}

/** Lines joined into one write by Output.results. */
const RESULT_LINES_AT_ONCE = 2000;

/**
 * JSON.stringify escapes C0 controls but leaves DEL, the C1 range (U+009B
 * is a CSI to terminals that take 8-bit controls, issue 7), the Unicode
 * bidirectional controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069:
 * "Trojan Source", issue 14 #12) and the line and paragraph separators as
 * they are. `\u202e` is the same JSON string, and inert on a terminal or in
 * an editor. The text output escapes the same set (TERMINAL_UNSAFE_CHARACTERS).
 */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeUnsafeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function createOutput(env: Environment, options: { showSecrets?: boolean | undefined } = {}): Promise<Output> {
  return Output.create(env, new Redactor(!options.showSecrets));
}
