// The knowledge tables as the bundles read them (scripts/knowledge-tables.mjs,
// issue #17): one JSON file per module whose first line indexes every row, so
// a bundle parses only the rows it reads. These tests load the bundles'
// loader on files made here, and check the files the build wrote.
import { transformSync } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { types } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { knowledgeFileFor, loaderSource } from '../../scripts/knowledge-tables.mjs';
import { rowIndex } from '../../src/knowledge/lazy.js';

interface Loader {
  __knowledgeTable(id: string, kind: 'a' | 'o'): unknown;
  __knowledgeLazy(id: string): () => unknown;
}

const work = mkdtempSync(join(tmpdir(), 'oauth-doctor-knowledge-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let files = 0;

/** A fresh loader (its own cache of files) over `file`, written as test.json in a folder of its own. */
function loaderOver(file: string): Loader {
  const dir = join(work, String(files++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'test.json'), file);
  const { code } = transformSync(loaderSource(JSON.stringify(`${dir}/`)), { format: 'cjs', loader: 'js' });
  const module = { exports: {} as Loader };
  new Function('require', 'module', 'exports', code)(createRequire(import.meta.url), module, module.exports);
  return module.exports;
}

/** `file` with the bytes of `text` (the first place it stands after the index line) replaced by as many bytes of x: no longer JSON. */
function spoil(file: string, text: string): string {
  const bytes = Buffer.from(file);
  const at = bytes.indexOf(text, bytes.indexOf(10));
  if (at < 0) throw new Error(`${text} is not in the file`);
  bytes.fill('x', at, at + Buffer.byteLength(text));
  return bytes.toString();
}

const ROWS = [
  { code: 'first', title: { en: 'First', ja: '最初の行' }, match: /^first\b/i, statuses: [400, 401] },
  { code: 'second', title: { en: 'Second', ja: '二行目' }, patterns: [{ re: /sec(?:ond)?/u }, { re: /[\u3040-\u30ff]+/ }] },
  /third/g,
  { code: 'fourth', title: { en: 'Fourth "quoted", back\\slash', ja: '四' }, empty: {}, none: null },
];
const WORDS = { problem: { en: 'Problem', ja: '問題' }, '12': { en: 'a numeric key', ja: '数' }, confirm: { en: 'confirm', ja: '確認' } };
const FILE = knowledgeFileFor({ ROWS, WORDS, LAZY_ROWS: ROWS }, { ROWS: [] });

describe('a knowledge file', () => {
  it('is one JSON document holding every table (regular expressions as null, put back from the index)', () => {
    const whole = JSON.parse(FILE) as { tables: Record<string, unknown> };
    expect(Object.keys(whole.tables)).toEqual(['LAZY_ROWS', 'ROWS', 'WORDS']);
    expect(whole.tables['WORDS']).toEqual(WORDS);
    expect((whole.tables['ROWS'] as unknown[])[2]).toBeNull();
  });

  it('an array table reads as the array it was: rows, regular expressions, order, length, methods, JSON', () => {
    const { __knowledgeTable } = loaderOver(FILE);
    const table = __knowledgeTable('@knowledge/test#ROWS', 'a') as typeof ROWS;
    expect(Array.isArray(table)).toBe(true);
    expect(table).toHaveLength(4);
    expect([...table]).toEqual(ROWS);
    expect(table.map((row) => (row instanceof RegExp ? row.source : row.code))).toEqual(['first', 'second', 'third', 'fourth']);
    expect(JSON.stringify(table)).toBe(JSON.stringify(ROWS));
    const second = table[1] as { patterns: { re: RegExp }[] };
    expect(second.patterns[1]?.re).toEqual(/[\u3040-\u30ff]+/);
    expect(second.patterns[0]?.re.flags).toBe('u');
    expect(table[2]).toEqual(/third/g);
    expect(table[1]).toBe(table[1]);
    expect(table[4]).toBeUndefined();
    expect(2 in table && !(4 in table)).toBe(true);
  });

  it('an object table reads as the object it was, keys in order', () => {
    const { __knowledgeTable } = loaderOver(FILE);
    const table = __knowledgeTable('@knowledge/test#WORDS', 'o') as typeof WORDS;
    expect(table.confirm.en).toBe('confirm');
    expect(Object.keys(table)).toEqual(Object.keys(WORDS));
    expect(table).toEqual(WORDS);
    expect(table.confirm.ja).toBe('確認');
    expect('problem' in table && !('missing' in table)).toBe(true);
  });

  it('parses only the rows read: a spoiled row breaks only its own reading', () => {
    const spoiled = spoil(spoil(knowledgeFileFor({ ROWS, WORDS }), '{"code":"first"'), '{"en":"Problem"');
    const { __knowledgeTable } = loaderOver(spoiled);
    const rows = __knowledgeTable('@knowledge/test#ROWS', 'a') as typeof ROWS;
    const words = __knowledgeTable('@knowledge/test#WORDS', 'o') as typeof WORDS;
    expect((rows[3] as { title: { en: string } }).title.en).toBe('Fourth "quoted", back\\slash');
    expect(rows).toHaveLength(4);
    expect(words.confirm.en).toBe('confirm');
    expect(() => rows[0]).toThrow(SyntaxError);
    expect(() => words.problem).toThrow(SyntaxError);
    // Whatever needs every row reads every row.
    expect(() => Object.keys(words)).toThrow(SyntaxError);
  });

  it('rowIndex finds a row by the build index, without reading the others', () => {
    const file = knowledgeFileFor({ ROWS: [{ code: 'a', n: 1 }, { code: 'b', n: 2 }, { code: 'c', n: 3 }] }, { ROWS: ['code'] });
    const { __knowledgeTable } = loaderOver(spoil(file, '{"code":"a"'));
    const byCode = rowIndex(__knowledgeTable('@knowledge/test#ROWS', 'a') as { code: string; n: number }[], 'code');
    expect(byCode('c')?.n).toBe(3);
    expect(byCode('b')?.n).toBe(2);
    expect(byCode('z')).toBeUndefined();
    expect(byCode('toString')).toBeUndefined();
    expect(() => byCode('a')).toThrow(SyntaxError);
  });

  it('rowIndex over a table the build did not index (the sources, as the unit tests read them) finds the same rows', () => {
    const byCode = rowIndex([{ code: 'a', n: 1 }, { code: 'b', n: 2 }], 'code');
    expect(byCode('b')?.n).toBe(2);
    expect(byCode('z')).toBeUndefined();
  });

  it('the build refuses an index whose value two rows share', () => {
    expect(() => knowledgeFileFor({ ROWS: [{ code: 'a' }, { code: 'a' }] }, { ROWS: ['code'] })).toThrow(/rows 0 and 1 of ROWS share the code "a"/);
  });

  it('a lazy() table is parsed whole, a plain array with its regular expressions', () => {
    const { __knowledgeLazy } = loaderOver(FILE);
    const rows = __knowledgeLazy('@knowledge/test#LAZY_ROWS')();
    expect(rows).toEqual(ROWS);
    expect(Array.isArray(rows) && !types.isProxy(rows)).toBe(true);
  });
});

describe('the files the build wrote (dist/knowledge)', () => {
  const dir = fileURLToPath(new URL('../../dist/knowledge/', import.meta.url));
  const names = readdirSync(dir).filter((name) => name.endsWith('.json'));

  it('each index line names every table of the file, and each span holds exactly its row or table', () => {
    expect(names).toContain('problems.json');
    for (const name of names) {
      const bytes = readFileSync(join(dir, name));
      const whole = JSON.parse(bytes.toString()) as { tables: Record<string, Record<string, unknown>> };
      const newline = bytes.indexOf(10);
      const { index } = JSON.parse(`${bytes.toString('utf8', 0, newline)}}`) as { index: Record<string, { span: [number, number]; keys?: string[]; rows: number[] }> };
      expect(Object.keys(index).sort(), name).toEqual(Object.keys(whole.tables).sort());
      const at = (start: number | undefined, end: number | undefined): unknown => JSON.parse(bytes.toString('utf8', newline + 1 + (start ?? NaN), newline + 1 + (end ?? NaN)));
      for (const [table, { span, keys, rows }] of Object.entries(index)) {
        const value = whole.tables[table] ?? {};
        expect(at(...span), `${name} ${table}`).toEqual(value);
        const names = keys ?? Object.keys(value);
        expect(names, `${name} ${table}`).toEqual(Object.keys(value));
        expect(rows).toHaveLength(2 * names.length);
        names.forEach((key, i) => expect(at(rows[2 * i], rows[2 * i + 1]), `${name} ${table} ${key}`).toEqual(value[key]));
      }
    }
  });
});
