import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Spool } from '../../src/commands/inspect/spool.js';

// `inspect --json` of a large capture spools its rows, not yet redacted, to a
// temporary file (issue 14 item 1). A run killed before it removes the file
// must leave no readable secret behind.
describe('inspect spool', () => {
  const canary = 'spool-canary-secret-7f3a9c';
  const records = Array.from({ length: 300 }, (_, n) => ({ n, token: `${canary}-${n}`, text: 'x'.repeat(n * 37) }));

  it('holds no record in the clear on disk and reads each back as written', () => {
    const dir = Spool.directory();
    try {
      const spool = new Spool(dir, 'rows');
      for (const record of records) spool.add(record);
      expect(spool.get(123)).toEqual(records[123]);
      const onDisk = Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));
      expect(onDisk.length).toBeGreaterThan(records.length * 20);
      expect(onDisk.includes(Buffer.from(canary))).toBe(false);
      expect(onDisk.includes(Buffer.from('"token"'))).toBe(false);
      expect([...spool.all()]).toEqual(records);
      spool.close();
    } finally {
      Spool.remove(dir);
    }
  });

  it('reads a record bigger than its read-back block', () => {
    const dir = Spool.directory();
    try {
      const spool = new Spool(dir, 'big');
      const big = { token: canary, text: 'y'.repeat(3 << 20) };
      spool.add({ small: 1 });
      spool.add(big);
      spool.add({ small: 2 });
      expect([...spool.all()]).toEqual([{ small: 1 }, big, { small: 2 }]);
      spool.close();
    } finally {
      Spool.remove(dir);
    }
  });
});
