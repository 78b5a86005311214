import { describe, expect, it } from 'vitest';
import { jsonPlaces } from '../../src/files/json-places.js';

describe('jsonPlaces', () => {
  it('places members by path, line and column', () => {
    const places = jsonPlaces('{\n  "a": 1,\n  "b": {"c": [true, "x"]}\n}');
    expect(places.get('a')).toEqual({ line: 2, column: 3 });
    expect(places.get('b.c[1]')).toEqual({ line: 3, column: 21 });
  });

  it('a hostile nesting (20,000 levels) does not overflow the stack, and members after it are still placed', () => {
    const text = `{"extra":${'['.repeat(20_000)}${']'.repeat(20_000)},"after":"s\\"]"}`;
    JSON.parse(text);
    const places = jsonPlaces(text);
    expect(places.get('extra')).toEqual({ line: 1, column: 2 });
    expect(places.get('after')?.column).toBe(40_011);
  });
});
