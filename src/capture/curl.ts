import { captureError } from './errors.js';
import { ShellSplitter, type ShellWord } from './shell-words.js';
import type { Capture, CapturedExchange, HeaderList } from './types.js';

/**
 * Reads curl command lines the way curl would send them: method, URL,
 * headers, and `-d`/`--data-*`/`--data-urlencode`/`--json`/`-F` bodies with
 * the content type curl gives them (curl 7.8x+ behaviour, see curl(1)).
 */

export interface CurlReadOptions {
  readonly source: string;
  /** Reads `@file` arguments (-d @file, -H @file, -T file); without it they are an error. */
  readonly readFile?: ((path: string) => string) | undefined;
}

interface CurlState {
  method?: string | undefined;
  urls: ShellWord[];
  headers: [string, string][];
  removedHeaders: Set<string>;
  data: string[];
  json: boolean;
  get: boolean;
  head: boolean;
  upload?: string | undefined;
  form: [string, string][];
}

type Apply = (state: CurlState, value: string, word: ShellWord, context: Context) => void;

interface Context {
  readonly source: string;
  readonly readFile: ((path: string) => string) | undefined;
  at(word: ShellWord): string;
}

interface CurlOption {
  readonly names: readonly string[];
  /** Whether the option takes a value. */
  readonly value: boolean;
  readonly apply?: Apply | undefined;
}

/** curl's --data-urlencode escaping: everything but ALPHA DIGIT - . _ ~ is %XX; space is `+`. */
function curlUrlEncode(text: string): string {
  // A lone surrogate has no UTF-8 form (encodeURIComponent throws URIError); curl would send U+FFFD's bytes.
  return encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'))
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

function fromFile(context: Context, word: ShellWord, path: string, what: string): string {
  if (path === '-') throw captureError('curl-unsupported', `${context.source}: ${what} reads stdin (@-) at ${context.at(word)}`, 'paste the data into the command instead');
  if (!context.readFile) throw captureError('curl-unsupported', `${context.source}: ${what} reads the file "${path}" at ${context.at(word)}`, 'paste the data into the command, or inspect it from a shell in the folder that holds the file');
  try {
    return context.readFile(path);
  } catch (error) {
    throw captureError('curl-file-unreadable', `${context.source}: ${what} reads "${path}" (${context.at(word)}) but it cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 'check the path');
  }
}

const data =
  (kind: 'ascii' | 'raw' | 'binary'): Apply =>
  (state, value, word, context) => {
    if (kind !== 'raw' && value.startsWith('@')) {
      const content = fromFile(context, word, value.slice(1), 'the -d option');
      // curl -d @file drops carriage returns and newlines; --data-binary keeps them.
      state.data.push(kind === 'ascii' ? content.replace(/[\r\n]/g, '') : content);
    } else {
      state.data.push(value);
    }
  };

const dataUrlencode: Apply = (state, value, word, context) => {
  // curl(1): "content", "=content", "name=content", "@file", "name@file".
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  if (eq === -1 && at !== -1) {
    const name = value.slice(0, at);
    const content = curlUrlEncode(fromFile(context, word, value.slice(at + 1), '--data-urlencode'));
    state.data.push(name === '' ? content : `${name}=${content}`);
  } else if (eq === -1) {
    state.data.push(curlUrlEncode(value));
  } else {
    const name = value.slice(0, eq);
    const content = curlUrlEncode(value.slice(eq + 1));
    state.data.push(name === '' ? content : `${name}=${content}`);
  }
};

const header: Apply = (state, value, word, context) => {
  if (value.startsWith('@')) {
    for (const line of fromFile(context, word, value.slice(1), 'the -H option').split(/\r?\n/)) if (line.trim() !== '') header(state, line, word, context);
    return;
  }
  const colon = value.indexOf(':');
  const semicolon = value.indexOf(';');
  if (colon === -1 && semicolon === -1) {
    throw captureError('curl-malformed', `${context.source}: the header "${value.slice(0, 40)}" has no ":" at ${context.at(word)}`, "headers are written -H 'Name: value'");
  }
  if (colon === -1 || (semicolon !== -1 && semicolon < colon && value.slice(semicolon + 1).trim() === '')) {
    // `-H 'Name;'` sends the header with an empty value.
    state.headers.push([value.slice(0, semicolon).trim(), '']);
    return;
  }
  const name = value.slice(0, colon).trim();
  const headerValue = value.slice(colon + 1).trim();
  // `-H 'Name:'` removes a header curl would add.
  if (headerValue === '') state.removedHeaders.add(name.toLowerCase());
  else state.headers.push([name, headerValue]);
};

const form: Apply = (state, value, word, context) => {
  const eq = value.indexOf('=');
  if (eq === -1) throw captureError('curl-malformed', `${context.source}: -F "${value.slice(0, 40)}" has no "=" at ${context.at(word)}`, "form fields are written -F 'name=value'");
  state.form.push([value.slice(0, eq), value.slice(eq + 1)]);
};

const setHeader =
  (name: string): Apply =>
  (state, value) =>
    void state.headers.push([name, value]);

const OPTIONS: readonly CurlOption[] = [
  { names: ['-X', '--request'], value: true, apply: (s, v) => void (s.method = v) },
  { names: ['-H', '--header'], value: true, apply: header },
  { names: ['-d', '--data', '--data-ascii'], value: true, apply: data('ascii') },
  { names: ['--data-raw'], value: true, apply: data('raw') },
  { names: ['--data-binary'], value: true, apply: data('binary') },
  { names: ['--data-urlencode'], value: true, apply: dataUrlencode },
  {
    names: ['--json'],
    value: true,
    apply: (s, v, w, c) => {
      s.json = true;
      data('binary')(s, v, w, c);
    },
  },
  { names: ['-F', '--form', '--form-string'], value: true, apply: form },
  { names: ['-G', '--get'], value: false, apply: (s) => void (s.get = true) },
  { names: ['-I', '--head'], value: false, apply: (s) => void (s.head = true) },
  { names: ['--url'], value: true, apply: (s, v, w) => void s.urls.push({ ...w, text: v }) },
  { names: ['-A', '--user-agent'], value: true, apply: setHeader('User-Agent') },
  { names: ['-e', '--referer'], value: true, apply: setHeader('Referer') },
  { names: ['-b', '--cookie'], value: true, apply: setHeader('Cookie') },
  { names: ['-u', '--user'], value: true, apply: (s, v) => void s.headers.push(['Authorization', `Basic ${Buffer.from(v.includes(':') ? v : `${v}:`).toString('base64')}`]) },
  { names: ['--oauth2-bearer'], value: true, apply: (s, v) => void s.headers.push(['Authorization', `Bearer ${v}`]) },
  { names: ['-r', '--range'], value: true, apply: (s, v) => void s.headers.push(['Range', `bytes=${v}`]) },
  {
    names: ['-T', '--upload-file'],
    value: true,
    apply: (s, v, w, c) => {
      s.upload = fromFile(c, w, v, 'the -T option');
    },
  },
  // Options with a value that do not change what is sent.
  {
    names: [
      '-o', '--output', '-w', '--write-out', '-m', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time', '-x', '--proxy',
      '-U', '--proxy-user', '--cacert', '--capath', '-E', '--cert', '--key', '--cert-type', '--key-type', '--pass', '--resolve', '--connect-to',
      '--limit-rate', '--max-redirs', '-c', '--cookie-jar', '-D', '--dump-header', '--trace', '--trace-ascii', '--interface', '--stderr',
      '--unix-socket', '--abstract-unix-socket', '-Y', '--speed-limit', '-y', '--speed-time', '--tls-max', '--ciphers', '--dns-servers',
      '--keepalive-time', '--expect100-timeout', '--happy-eyeballs-timeout-ms', '--max-filesize', '--output-dir', '--proto', '--proto-redir',
      '--noproxy', '--preproxy', '--proxy-header', '--pinnedpubkey', '--crlfile', '--curves', '--variable', '--aws-sigv4', '-z', '--time-cond',
      '--retry-connrefused-delay', '--parallel-max', '--create-file-mode', '--hsts', '--alt-svc', '--etag-save', '--etag-compare', '--local-port',
      '--sasl-authzid', '--service-name', '--socks5', '--socks5-hostname', '--socks4', '--socks4a', '--ssl-sessions',
    ],
    value: true,
  },
  // Flags that do not change what is sent.
  {
    names: [
      '-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '-k', '--insecure', '-f', '--fail', '--fail-with-body',
      '--fail-early', '-N', '--no-buffer', '-#', '--progress-bar', '--compressed', '-L', '--location', '--location-trusted', '-g', '--globoff',
      '--path-as-is', '--http1.0', '--http1.1', '--http2', '--http2-prior-knowledge', '--http3', '--http3-only', '-0', '-4', '--ipv4', '-6',
      '--ipv6', '-j', '--junk-session-cookies', '-q', '--disable', '--no-progress-meter', '-n', '--netrc', '--netrc-optional', '--tcp-nodelay',
      '--raw', '-l', '--list-only', '--retry-all-errors', '--retry-connrefused', '-O', '--remote-name', '-J', '--remote-header-name',
      '-R', '--remote-time', '-Z', '--parallel', '--tr-encoding', '--ssl', '--ssl-reqd', '--tlsv1', '--tlsv1.0', '--tlsv1.1', '--tlsv1.2',
      '--tlsv1.3', '-1', '-2', '-3', '--sslv2', '--sslv3', '--digest', '--basic', '--anyauth', '--ntlm', '--negotiate', '--no-keepalive',
      '--no-sessionid', '--no-alpn', '--no-npn', '--post301', '--post302', '--post303', '--proxy-insecure', '-p', '--proxytunnel',
      '--styled-output', '--suppress-connect-headers', '--xattr', '--create-dirs', '--cert-status', '--false-start', '--ssl-no-revoke',
      '--ssl-allow-beast', '--ssl-revoke-best-effort', '--doh-insecure', '--ignore-content-length', '--http0.9', '-M', '--manual',
    ],
    value: false,
  },
];

const BY_NAME = new Map<string, CurlOption>();
for (const option of OPTIONS) for (const name of option.names) BY_NAME.set(name, option);

function shortOption(char: string): CurlOption | undefined {
  return BY_NAME.get(`-${char}`);
}

function parseCommand(words: readonly ShellWord[], context: Context, commandNumber: number): CapturedExchange {
  const state: CurlState = { urls: [], headers: [], removedHeaders: new Set(), data: [], json: false, get: false, head: false, form: [] };
  const first = words[0];
  if (!first || !/(^|\/)curl(\.exe)?$/.test(first.text)) {
    throw captureError('curl-malformed', `${context.source}: expected a curl command but found "${(first?.text ?? '').slice(0, 30)}" at ${first ? context.at(first) : 'the start'}`, "start with curl, e.g. curl -X POST 'https://…' -H 'Authorization: OAuth …'");
  }
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as ShellWord;
    const text = word.text;
    const takeValue = (option: string, attached: string | undefined): string => {
      if (attached !== undefined && attached !== '') return attached;
      const next = words[i + 1];
      if (!next) throw captureError('curl-malformed', `${context.source}: the option ${option} needs a value at ${context.at(word)}`, `e.g. ${option === '-X' || option === '--request' ? '-X POST' : `${option} VALUE`}`);
      i++;
      return next.text;
    };
    if (text.startsWith('--') && text.length > 2) {
      let option = BY_NAME.get(text);
      if (!option && text.startsWith('--no-')) {
        const positive = BY_NAME.get(`--${text.slice(5)}`);
        if (positive && !positive.value) option = { names: [text], value: false };
      }
      if (!option) throw captureError('curl-unsupported', `${context.source}: unknown curl option ${text} at ${context.at(word)}`, 'remove it if it does not change the request, or report it so oauth-doctor learns it');
      const value = option.value ? takeValue(text, undefined) : '';
      option.apply?.(state, value, word, context);
      continue;
    }
    if (text.startsWith('-') && text.length > 1) {
      // A cluster of short options, e.g. -sSL, -XPOST, -H'Accept: x'.
      for (let k = 1; k < text.length; k++) {
        const char = text[k] as string;
        const option = shortOption(char);
        if (!option) throw captureError('curl-unsupported', `${context.source}: unknown curl option -${char} at ${context.at(word)}`, 'remove it if it does not change the request');
        if (option.value) {
          const value = takeValue(`-${char}`, text.slice(k + 1));
          option.apply?.(state, value, word, context);
          break;
        }
        option.apply?.(state, '', word, context);
      }
      continue;
    }
    state.urls.push(word);
  }
  return toExchange(state, context, commandNumber, first);
}

function toExchange(state: CurlState, context: Context, commandNumber: number, first: ShellWord): CapturedExchange {
  if (state.urls.length === 0) throw captureError('curl-malformed', `${context.source}: the curl command at ${context.at(first)} has no URL`, "add the URL, e.g. curl 'https://api.example.com/oauth/request_token'");
  if (state.urls.length > 1) {
    const extra = state.urls[1] as ShellWord;
    throw captureError('curl-malformed', `${context.source}: the curl command has several URLs; the second, "${extra.text.slice(0, 60)}", is at ${context.at(extra)}`, 'inspect one request per command (or a value lost its quotes)');
  }
  const urlWord = state.urls[0] as ShellWord;
  // curl assumes http:// when the URL has no scheme.
  let url = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(urlWord.text) ? urlWord.text : `http://${urlWord.text}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw captureError('curl-malformed', `${context.source}: "${urlWord.text.slice(0, 80)}" is not a URL (${context.at(urlWord)})`, 'check the URL and its quoting');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw captureError('curl-unsupported', `${context.source}: "${urlWord.text.slice(0, 80)}" is not an http(s) URL (${context.at(urlWord)})`, 'OAuth 1.0a requests go over http:// or https://');
  }

  const hasData = state.data.length > 0;
  let body: string | undefined = hasData ? state.data.join(state.json ? '' : '&') : undefined;
  if (state.get && body !== undefined) {
    // -G: the data goes into the query instead (curl appends with ? or &).
    url += (parsed.search === '' ? (url.endsWith('?') ? '' : '?') : '&') + body;
    body = undefined;
  }
  if (state.upload !== undefined) body = state.upload;
  const method = state.method ?? (state.head ? 'HEAD' : state.get ? 'GET' : state.upload !== undefined ? 'PUT' : hasData || state.form.length > 0 ? 'POST' : 'GET');

  const headers: [string, string][] = [];
  const has = (name: string) => state.headers.some(([n]) => n.toLowerCase() === name) || state.removedHeaders.has(name);
  // curl sends the host as typed (case kept); the default port is not written.
  const typedAuthority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#]*)/.exec(url)?.[1] ?? parsed.host;
  if (!has('host')) headers.push(['Host', parsed.port === '' ? typedAuthority.replace(/:(80|443)$/, '') : typedAuthority]);
  let contentType: string | undefined;
  if (body !== undefined || state.form.length > 0) {
    const explicit = state.headers.find(([n]) => n.toLowerCase() === 'content-type');
    contentType = explicit ? explicit[1] : state.removedHeaders.has('content-type') ? undefined : state.form.length > 0 ? 'multipart/form-data' : state.json ? 'application/json' : state.upload !== undefined ? undefined : 'application/x-www-form-urlencoded';
    if (!explicit && contentType !== undefined) headers.push(['Content-Type', contentType]);
    if (state.json && !has('accept')) headers.push(['Accept', 'application/json']);
  }
  // One push per header: a spread of 200,000 -H overflows the call stack (issue 14 item 1).
  for (const header of state.headers) headers.push(header);

  return {
    index: commandNumber - 1,
    origin: `curl command ${commandNumber} (line ${first.line})`,
    request: {
      method,
      url,
      headers: headers as HeaderList,
      body:
        body !== undefined || state.form.length > 0
          ? { contentType, text: body ?? '', multipartFields: state.form.length > 0 ? state.form : undefined }
          : undefined,
    },
  };
}

/**
 * The curl commands of a text, each an exchange, the text given whole or a
 * piece at a time (issue 14 item 1: a 200,000-line curl file is read from
 * the file a block at a time, never held whole). With `emit`, each exchange
 * is handed on as its command ends and none is kept (100,000 commands' words
 * and exchanges were held at once); the capture then has the count, no
 * exchanges.
 */
export class CurlReader {
  private readonly splitter: ShellSplitter;
  private readonly context: Context;
  private readonly exchanges: CapturedExchange[] = [];
  private count = 0;
  private first: ShellWord[] | undefined;
  private started = false;

  constructor(
    private readonly options: CurlReadOptions,
    private readonly emit?: ((exchange: CapturedExchange) => void) | undefined,
  ) {
    this.context = { source: options.source, readFile: options.readFile, at: (w) => `line ${w.line}, column ${w.column}` };
    this.splitter = new ShellSplitter(options.source, (command) => {
      // A leading prompt (`$ curl …`) is not part of the command.
      const words = command[0]?.text === '$' ? command.slice(1) : command;
      if (words.length === 0) return;
      this.first ??= words;
      if (/(^|\/)curl(\.exe)?$/.test(words[0]?.text ?? '')) this.take(parseCommand(words, this.context, this.count + 1));
    });
  }

  private take(exchange: CapturedExchange): void {
    this.count++;
    if (this.emit) this.emit(exchange);
    else this.exchanges.push(exchange);
  }

  /** Characters held waiting for the rest of a command's quoted string or comment. */
  get pending(): number {
    return this.splitter.pending;
  }

  /** Reads the next piece of the text; `last` says nothing follows. */
  push(text: string, last: boolean): void {
    if (!this.started && text !== '') {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.splitter.push(text, last);
  }

  /** The capture, once the last piece was pushed. */
  capture(): Capture {
    if (this.count === 0) {
      if (this.first) this.take(parseCommand(this.first, this.context, 1));
      else throw captureError('curl-empty', `${this.options.source}: no curl command found`, "give a command such as curl -X POST 'https://…' -H 'Authorization: OAuth …'");
    }
    return { format: 'curl', source: this.options.source, exchanges: this.exchanges, totalEntries: this.count, notes: [] };
  }
}

/** The curl commands of a whole text (see CurlReader). */
export function parseCurl(input: string, options: CurlReadOptions, emit?: (exchange: CapturedExchange) => void): Capture {
  const reader = new CurlReader(options, emit);
  reader.push(input, true);
  return reader.capture();
}
