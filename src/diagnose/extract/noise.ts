/**
 * What a paste carries that is no part of the provider's answer, blanked
 * (one space per character, so every offset holds) before the words are
 * read (issue #12): a message template's parameters left unfilled, and the
 * stack frames of an exception. Linear; never throws.
 */

/**
 * A template's unfilled parameter: `{0}` (.NET, Java MessageFormat), `{{client_id}}` (Mustache, Handlebars, Jinja),
 * `{client_id}` (Python str.format), `${name}` (JavaScript, Java EL), `%s` `%d` `%1$s` (printf), `%1` (Magento's __()),
 * `%@` (Objective-C). A `%` before two hex digits is percent-encoding (RFC 3986 §2.1), never a parameter.
 */
const PLACEHOLDER = /\{\{\s*[\w.$-]{1,60}\s*\}\}|\$\{[\w.$-]{1,60}\}|\{(?:\d{1,2}|[A-Za-z_][\w.]{0,60})\}|%(?:\d{1,2}\$)?[sd@](?![0-9A-Fa-f])|%\d(?![\dA-Fa-f])/g;

export function withoutPlaceholders(text: string): string {
  PLACEHOLDER.lastIndex = 0;
  if (!PLACEHOLDER.test(text)) return text;
  // A named parameter keeps its name (`Client {{client_id}} is not registered` is about a client_id); the marks around it go.
  return text.replace(PLACEHOLDER, (found) => (/[A-Za-z]{2}/.test(found) ? found.replace(/[^\w.-]/g, ' ') : ' '.repeat(found.length)));
}

/**
 * A line that is a stack frame and nothing else: Java and JavaScript `at x.y(File.java:12)`, `at async f (/a.js:1:2)`,
 * `... 12 more`; Python `File "…", line 12, in f` (and its source line, blanked below), Python 3.11's `~~~^^^` markers;
 * Ruby `from /x.rb:12:in 'm'`, a Rails trace's `oauth (0.4.0) lib/oauth/consumer.rb:215:in 'token_request'`; PHP `#0 /x.php(70): f()`;
 * Go `\t/x/y.go:12 +0x1f` and `goroutine 1 [running]:`.
 */
const FRAME = new RegExp(
  // The indentation is taken whole, once (a lookahead's capture is atomic), so a long run of spaces is never retried.
  String.raw`^(?=([ \t]*))\1(?:` +
    [
      String.raw`at (?:async |new )?[\w$.<>\[\]/:@~-]+(?: \[[^\]\n]{0,200}\])?(?: ?\([^()\n]{0,400}\))?[ \t]*$`,
      String.raw`\.\.\. \d+ (?:more|common frames omitted)[ \t]*$`,
      String.raw`File "[^"\n]{1,400}", line \d+(?:, in [^\n]{1,200})?[ \t]*$`,
      String.raw`[~^][~^ \t]*$`,
      String.raw`(?:from )?(?:[\w.-]+ \([\w.-]+\) )?[^\s:'"]{1,400}\.rb:\d+:in [\x60'][^'\x60\n]{1,200}['\x60][ \t]*$`,
      String.raw`#\d+ [^\n(]{1,400}\(\d+\): [^\n]{0,400}$`,
      String.raw`[^\s:]{1,400}\.go:\d+(?: \+0x[0-9a-f]+)?[ \t]*$`,
      String.raw`goroutine \d+ \[[^\]\n]{1,60}\]:[ \t]*$`,
    ].join('|') +
    ')',
  'm',
);
const PYTHON_FILE = /^(?=([ \t]*))\1File "[^"\n]{1,400}", line \d+/;

export function withoutStackFrames(text: string): string {
  if (!FRAME.test(text)) return text;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const python = PYTHON_FILE.exec(line);
    if (!FRAME.test(line)) continue;
    lines[i] = ' '.repeat(line.length);
    // Python prints the source line under its frame, indented deeper: code, not the provider's words.
    const next = lines[i + 1];
    if (python && next !== undefined && !PYTHON_FILE.test(next) && (/^[ \t]*/.exec(next)?.[0].length ?? 0) > (python[1]?.length ?? 0)) {
      lines[i + 1] = ' '.repeat(next.length);
      i++;
    }
  }
  return lines.join('\n');
}

/**
 * A log line's prefix: a timestamp (ISO 8601 `2023-04-01T10:00:00.123Z`, syslog `Jan 9 02:27:25 PM`, a clock
 * `10:00:00,123`), maybe in brackets, then maybe a level; or a container's `web_1  | ` (docker compose).
 */
const LOG_PREFIX = /^(?=([ \t]*))\1(?:[\w.-]{1,40}[ \t]+\|[ \t]|\[?(?:\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?|[A-Z][a-z]{2}[ \t]+\d{1,2},?[ \t]+(?:\d{4}[ \t]+)?\d{1,2}:\d{2}:\d{2}(?:[ \t]?[AP]M)?|\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,9})?)\]?[ \t]+(?:\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|SEVERE)\]?:?[ \t]+)?)/;

/**
 * The text with each line's log prefix cut off, when at least two lines carry
 * one (a value a logger printed over several lines, each line stamped: an
 * object that no longer reads as one); undefined otherwise.
 */
export function withoutLogPrefixes(text: string): string | undefined {
  const lines = text.split('\n');
  let prefixed = 0;
  const out = lines.map((line) => {
    const prefix = LOG_PREFIX.exec(line);
    if (!prefix) return line;
    prefixed++;
    return line.slice(prefix[0].length);
  });
  return prefixed >= 2 ? out.join('\n') : undefined;
}
