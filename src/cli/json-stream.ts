import type { TextSink } from './stdio.js';

/**
 * Writes one JSON document as it goes (issue 14 item 1): the top-level
 * object's members one by one, and the elements of its arrays (or of any
 * iterable given in their place, e.g. a generator of records) one by one,
 * each through JSON.stringify with the same replacer and indentation as a
 * whole-document JSON.stringify(value, replacer, 2) — the bytes are the same,
 * but no string ever holds the whole document (V8 cannot make one above
 * ~512 MB: `Invalid string length`). Members whose value is undefined are
 * left out, as JSON.stringify does. Text is handed to `sink` in chunks of
 * about CHUNK characters; `pause` runs between chunks (yield to the event
 * loop, honour Ctrl-C).
 */

type Replacer = (key: string, value: unknown) => unknown;

const CHUNK = 256 * 1024;

export interface JsonStreamOptions {
  readonly replacer: Replacer;
  /** Applied to each chunk of JSON text before it is written (escaping). */
  readonly escape?: ((json: string) => string) | undefined;
  /** Awaited between chunks. */
  readonly pause?: (() => Promise<void>) | undefined;
}

/** A value to write element by element: an array, or any other iterable object but a Map or a Set. */
function isStreamable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && (Array.isArray(value) || isLazy(value));
}

/** An iterable made as it is read (a generator), which JSON.stringify cannot write. */
function isLazy(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' && !(value instanceof Map) && !(value instanceof Set);
}

export class JsonStreamWriter {
  private pending: string[] = [];
  private size = 0;

  constructor(
    private readonly sink: TextSink,
    private readonly options: JsonStreamOptions,
  ) {}

  private async put(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    this.sink.write(this.options.escape ? this.options.escape(text) : text);
    if (this.options.pause) await this.options.pause();
  }

  /** JSON.stringify of one value as it appears `depth` levels deep (indented to match). */
  private stringify(key: string, value: unknown, depth: number): string | undefined {
    const text = JSON.stringify(value, (k, v) => this.options.replacer(k === '' ? key : k, v), 2) as string | undefined;
    if (text === undefined) return undefined;
    return depth === 0 ? text : text.replace(/\n/g, `\n${'  '.repeat(depth)}`);
  }

  /** Writes `document` (an object whose members may be arrays or iterables), then a newline. */
  async write(document: Record<string, unknown>): Promise<void> {
    await this.object(document, 0);
    await this.put('\n');
    await this.flush();
  }

  /** An object written member by member (those holding iterables streamed in turn). */
  private async object(value: Record<string, unknown>, depth: number): Promise<void> {
    const indent = '  '.repeat(depth + 1);
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      const separator = `${first ? '{' : ','}\n${indent}${JSON.stringify(key)}: `;
      // The document's own lists are written element by element; deeper, only what JSON.stringify cannot write.
      if ((depth === 0 && Array.isArray(member)) || holdsStreams(member)) {
        await this.put(separator);
        await this.value(key, member, depth + 1);
      } else {
        const text = this.stringify(key, member, depth + 1);
        // Left out, as JSON.stringify leaves out undefined members.
        if (text === undefined) continue;
        await this.put(separator + text);
      }
      first = false;
    }
    await this.put(first ? '{}' : `\n${'  '.repeat(depth)}}`);
  }

  private async value(key: string, value: unknown, depth: number): Promise<void> {
    if (isStreamable(value) && (depth === 1 || isLazy(value))) await this.array(value, depth);
    else if (holdsStreams(value)) await this.object(value as Record<string, unknown>, depth);
    else await this.put(this.stringify(key, value, depth) ?? 'null');
  }

  private async array(items: Iterable<unknown>, depth: number): Promise<void> {
    const indent = '  '.repeat(depth + 1);
    let index = 0;
    for (const item of items) {
      await this.put(`${index === 0 ? '[' : ','}\n${indent}`);
      await this.value(String(index), item, depth + 1);
      index++;
    }
    await this.put(index === 0 ? '[]' : `\n${'  '.repeat(depth)}]`);
  }
}

/** A value written piece by piece: a lazy iterable, or a plain object with one among its members. */
function holdsStreams(value: unknown): boolean {
  if (isLazy(value)) return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const member of Object.values(value)) if (isLazy(member)) return true;
  return false;
}
