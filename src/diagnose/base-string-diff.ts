import { percentDecode } from '../oauth/percent-encode.js';

type BaseStringPart = 'method' | 'uri' | 'parameters';

export interface BaseStringComparison {
  readonly equal: boolean;
  /** Index of the first differing character (0-based), when they differ. */
  readonly index: number;
  readonly part: BaseStringPart;
  readonly onlyOurs: readonly string[];
  readonly onlyTheirs: readonly string[];
  readonly valuesDiffer: readonly string[];
}

interface Parsed {
  readonly method: string;
  readonly uri: string;
  readonly parameters: Map<string, string[]>;
}

/** RFC 5849 §3.4.1.1: METHOD & encode(base URI) & encode(normalised parameters). */
export function decomposeBaseString(baseString: string): { method: string; uri: string; parameters: [string, string][] } {
  const parsed = parse(baseString);
  return { method: parsed.method, uri: parsed.uri, parameters: [...parsed.parameters].flatMap(([name, values]) => values.map((value): [string, string] => [name, value])) };
}

function parse(baseString: string): Parsed {
  const first = baseString.indexOf('&');
  const second = first === -1 ? -1 : baseString.indexOf('&', first + 1);
  const method = first === -1 ? baseString : baseString.slice(0, first);
  const uri = first === -1 ? '' : percentDecode(second === -1 ? baseString.slice(first + 1) : baseString.slice(first + 1, second));
  const parameters = new Map<string, string[]>();
  if (second !== -1) {
    // §3.4.1.3.2: the normalised string joins encoded name=value pairs with `&`, then is encoded once more.
    for (const pair of percentDecode(baseString.slice(second + 1)).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const name = percentDecode(eq === -1 ? pair : pair.slice(0, eq));
      const value = percentDecode(eq === -1 ? '' : pair.slice(eq + 1));
      parameters.set(name, [...(parameters.get(name) ?? []), value]);
    }
  }
  return { method, uri, parameters };
}

export function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : length;
}

/** Where two base strings part ways, and which parameters explain it. */
export function compareBaseStrings(ours: string, theirs: string): BaseStringComparison {
  const index = firstDifference(ours, theirs);
  if (index === -1) return { equal: true, index: -1, part: 'method', onlyOurs: [], onlyTheirs: [], valuesDiffer: [] };
  const firstAmp = ours.indexOf('&');
  const secondAmp = firstAmp === -1 ? -1 : ours.indexOf('&', firstAmp + 1);
  const part: BaseStringPart = firstAmp === -1 || index <= firstAmp ? 'method' : secondAmp === -1 || index <= secondAmp ? 'uri' : 'parameters';
  const a = parse(ours);
  const b = parse(theirs);
  const onlyOurs = [...a.parameters.keys()].filter((name) => !b.parameters.has(name));
  const onlyTheirs = [...b.parameters.keys()].filter((name) => !a.parameters.has(name));
  const valuesDiffer = [...a.parameters.keys()].filter((name) => b.parameters.has(name) && JSON.stringify(a.parameters.get(name)) !== JSON.stringify(b.parameters.get(name)));
  return { equal: false, index, part, onlyOurs, onlyTheirs, valuesDiffer };
}

/** The host a base string was signed for. */
export function baseStringHost(baseString: string): string | undefined {
  try {
    return new URL(parse(baseString).uri).host.toLowerCase();
  } catch {
    return undefined;
  }
}
