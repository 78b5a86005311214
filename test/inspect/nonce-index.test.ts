import { describe, expect, it } from 'vitest';
import { CompactNonceSet, StringList } from '../../src/inspect/nonce-index.js';

describe('the compact nonce index (issue 14 item 1)', () => {
  it('finds every repeat with where and when the nonce was first used, and nothing else, over 200,000 nonces', () => {
    const set = new CompactNonceSet();
    let repeats = 0;
    for (let i = 0; i < 200_000; i++) if (set.seen('ck', `n${i}`, `entry ${i + 1}`, i % 3 === 0 ? undefined : 1_700_000_000 + i)) repeats++;
    expect(repeats).toBe(0);
    expect(set.size).toBe(200_000);
    for (const i of [0, 1, 2, 255, 256, 257, 65_535, 199_999]) expect(set.seen('ck', `n${i}`, 'later', 0)).toEqual({ origin: `entry ${i + 1}`, timestamp: i % 3 === 0 ? undefined : 1_700_000_000 + i });
    // The consumer key is part of the nonce's identity; so is every character of the value.
    expect(set.seen('other', 'n5', 'x', 0)).toBeUndefined();
    expect(set.seen('ck', 'n5 ', 'x', 0)).toBeUndefined();
    expect(set.seen('ck\u0000n', '5', 'x', 0)).toBeUndefined();
  });

  it('holds under 48 bytes a nonce in its table and timestamps, not a string and an object each', () => {
    const set = new CompactNonceSet();
    for (let i = 0; i < 100_000; i++) set.seen('ck', `n${i.toString(16).padStart(8, '0')}`, `entry ${i + 1}`, 1_700_000_000 + i);
    expect(set.bytes / set.size).toBeLessThan(48);
  });

  it('reads back strings by number across chunks', () => {
    const list = new StringList();
    const values = Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? '' : `curl command ${i} (line ${i * 3})`));
    values.forEach((v, i) => expect(list.push(v)).toBe(i));
    expect(values.map((_, i) => list.get(i))).toEqual(values);
    expect(list.length).toBe(1000);
  });
});
