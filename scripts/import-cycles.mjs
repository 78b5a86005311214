// `node scripts/import-cycles.mjs`: fails when the modules under src/ import
// one another in a circle, counting every kind of import (issue 13: "no import
// cycle, also not type-only"): static, `import type`, re-exports and lazy
// `await import()`. knip's own cycle check follows runtime imports only.
// Types that two sides share go to a leaf file both import (see
// src/cli/command-context.ts, src/commands/*/options.ts). Run by `npm run lint`.
//
// TypeScript's preProcessFile lists a file's imports without parsing types or
// resolving packages, so the whole of src/ takes a fraction of a second.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ts = createRequire(import.meta.url)('typescript');
const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Every TypeScript module under `folder`. */
function modulesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** The project modules a module imports: relative specifiers, `.js` standing for the `.ts` source (NodeNext). */
function importsOf(file) {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier).replace(/\.js$/, '.ts'))
    .filter((path) => existsSync(path));
}

/** Tarjan's strongly connected components with more than one module (or one importing itself). */
function circles(graph) {
  const order = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (node) => {
    order.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!order.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), order.get(to)));
    }
    if (low.get(node) !== order.get(node)) return;
    const group = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(group);
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}

/** One circle through a group's first module, staying inside the group: a → b → … → a. */
function oneCircle(graph, group) {
  const inGroup = new Set(group);
  const start = group[0];
  const path = [start];
  const seen = new Set([start]);
  const walk = (node) => {
    for (const to of graph.get(node) ?? []) {
      if (to === start) return true;
      if (!inGroup.has(to) || seen.has(to)) continue;
      seen.add(to);
      path.push(to);
      if (walk(to)) return true;
      path.pop();
    }
    return false;
  };
  walk(start);
  return [...path, start];
}

const graph = new Map(modulesUnder(join(ROOT, 'src')).map((file) => [file, importsOf(file)]));
const groups = circles(graph);
const name = (file) => relative(ROOT, file);
for (const group of groups) console.error(`import cycle: ${oneCircle(graph, group).map(name).join(' → ')}${group.length > 2 ? ` (one circle of ${group.length} modules tangled together)` : ''}`);
if (groups.length > 0) {
  console.error(`${groups.length} import cycle${groups.length === 1 ? '' : 's'} under src/: move what both sides share into a leaf module`);
  process.exitCode = 1;
}
