import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

const DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

interface Case {
  readonly file: string;
  readonly provider: string;
  readonly source: string;
  readonly problem: string;
  readonly causes: readonly string[];
}

/** The README's table is the list of cases: one row each, so the table and the assertions cannot drift apart. */
function cases(): Case[] {
  const readme = readFileSync(`${DIR}README.md`, 'utf8');
  return readme
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| case ') && !line.startsWith('|---'))
    .map((line) => {
      const [file = '', provider = '', source = '', problem = '', causes = ''] = line.slice(2, -2).split(' | ');
      return { file, provider, source, problem: problem.replaceAll('`', ''), causes: causes.split(', ').map((c) => c.replaceAll('`', '')).filter((c) => c !== '') };
    });
}

interface Doc {
  problem: { code: string; providerCode?: string };
  causes: { id: string }[];
}

const CASES = cases();

describe('the real-world corpus (README.md beside the fixtures): each paste is read to the right problem and causes', () => {
  it('every fixture has a row, every row a fixture and a public source; enough cases from enough providers', () => {
    const files = readdirSync(DIR).filter((f) => f !== 'README.md');
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
    for (const c of CASES) expect(c.source, c.file).toMatch(/^https:\/\/\S+$/);
    expect(CASES.length).toBeGreaterThanOrEqual(120);
    expect(new Set(CASES.map((c) => c.provider)).size).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    const r = await runInProcess(['explain', '--json', `${DIR}${c.file}`]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.problem.code).toBe(c.problem);
    const top = doc.causes.slice(0, 2).map((cause) => cause.id);
    for (const cause of c.causes) expect(top, `${c.file}: ${cause} among the first two`).toContain(cause);
  });
});
