/**
 * Where each member of a JSON document starts, by path (`endpoints.token`,
 * `scopes[1]`), as 1-based line and column: a profile's problems are told by
 * place, never by quoting the file (it may hold a secret). The text is
 * valid JSON already (JSON.parse took it); a member named twice keeps its
 * last place, as JSON.parse keeps the last value. Below MAX_DEPTH levels a
 * value is skipped without recursion (no profile nests that deep; a hostile
 * one must not overflow the stack).
 */
export interface JsonPlace {
  readonly line: number;
  readonly column: number;
}

const MAX_DEPTH = 64;

export function jsonPlaces(text: string): Map<string, JsonPlace> {
  const places = new Map<string, JsonPlace>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const placeOf = (offset: number): JsonPlace => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at++;
  };
  const string = (): string => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  // A whole nested value, brackets counted iteratively (strings skipped with their escapes).
  const skipNested = (): void => {
    let depth = 0;
    do {
      const ch = text[at];
      if (ch === '"') {
        string();
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
      at++;
    } while (depth > 0 && at < text.length);
  };
  const value = (path: string, depth = 0): void => {
    space();
    places.set(path, placeOf(at));
    const c = text[at];
    if ((c === '{' || c === '[') && depth >= MAX_DEPTH) skipNested();
    else if (c === '{') {
      at++;
      space();
      while (text[at] === '"') {
        const keyAt = at;
        const key = string();
        const member = path === '' ? key : `${path}.${key}`;
        space();
        at++; // ':'
        value(member, depth + 1);
        places.set(member, placeOf(keyAt));
        space();
        if (text[at] === ',') {
          at++;
          space();
        }
      }
      at++; // '}'
    } else if (c === '[') {
      at++;
      space();
      let index = 0;
      while (at < text.length && text[at] !== ']') {
        value(`${path}[${index++}]`, depth + 1);
        space();
        if (text[at] === ',') at++;
        space();
      }
      at++;
    } else if (c === '"') string();
    else while (at < text.length && !',}] \t\n\r'.includes(text[at] ?? '')) at++;
  };
  value('');
  return places;
}
