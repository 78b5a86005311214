// The knowledge tables as data files (issues #12, #17): src/knowledge stays
// TypeScript (rows next to their sources, type-checked, read as-is by the unit
// tests), but the bundles carry none of it as code. At build time every
// top-level `const` of src/knowledge/**/*.ts whose value is data (arrays and
// plain objects of strings, numbers, booleans, null and regular expressions,
// or a `lazy(() => data)` table) is evaluated once and written to
// dist/knowledge/<module>.json; in the bundles its initializer becomes a
// reference to that file, read and parsed on first use.
// Why: a table written as an object literal is code — V8 compiles it, the code
// cache carries its bytecode and every start deserialises it, whether the
// command reads the table or not (`explain token_used` paid for all the
// provider rows). JSON.parse of the rows a command touches is faster than
// either, and one copy in dist/knowledge/ replaces the three (cli.cjs,
// commands/explain.cjs, index.js) that made the tarball grow with each row.
import { build } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const LOADER_NAMESPACE = 'knowledge-loader';
/** The prefix of a table's id in a bundle, so the build can list which tables a bundle reads. */
const ID_PREFIX = '@knowledge/';
const ID_PATTERN = /"@knowledge\/([\w/.-]+)#(\w+)"/g;

/** The modules whose consts may become tables: src/knowledge/**, but not its helpers and types. */
async function knowledgeModules(root) {
  const folder = join(root, 'src', 'knowledge');
  const files = await readdir(folder, { recursive: true, encoding: 'utf8' });
  return files
    .filter((f) => f.endsWith('.ts') && !/(^|\/)(lazy|types|index)\.ts$/.test(f))
    .map((f) => join(folder, f))
    .sort();
}

/** Each top-level const of a module: its name, whether it is a `lazy(...)` table, and where its initializer is. */
function topLevelConsts(path, text) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const consts = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
      const init = declaration.initializer;
      const lazy = ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'lazy' && init.arguments.length === 1;
      consts.push({ name: declaration.name.text, lazy, start: init.getStart(source), end: init.getEnd() });
    }
  }
  return consts;
}

/**
 * A value as JSON with its regular expressions beside it (JSON has none):
 * undefined when the value is not plain data (functions, Maps, class
 * instances, undefined in an array, NaN), which then stays code.
 */
function encodeTable(value) {
  const regexps = [];
  const seen = new Set();
  const walk = (v, path) => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new NotData();
      return v;
    }
    if (typeof v !== 'object') throw new NotData();
    if (v instanceof RegExp) {
      regexps.push([path, v.source, v.flags]);
      return null;
    }
    if (seen.has(v)) throw new NotData(); // a cycle
    seen.add(v);
    try {
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype) throw new NotData();
        return Array.from(v, (item, i) => {
          if (item === undefined) throw new NotData();
          return walk(item, [...path, i]);
        });
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw new NotData();
      if (Object.getOwnPropertySymbols(v).length > 0) throw new NotData();
      const out = {};
      for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(v))) {
        if (!('value' in descriptor) || !descriptor.enumerable) throw new NotData();
        if (descriptor.value !== undefined) out[key] = walk(descriptor.value, [...path, key]);
      }
      return out;
    } finally {
      seen.delete(v);
    }
  };
  if (value === null || typeof value !== 'object' || value instanceof RegExp) return undefined;
  try {
    return { data: walk(value, []), regexps, kind: Array.isArray(value) ? 'a' : 'o' };
  } catch (error) {
    if (error instanceof NotData) return undefined;
    throw error;
  }
}
class NotData extends Error {}

/**
 * Evaluates every knowledge module once (bundled to a temporary ES module and
 * imported) and returns the tables: module (relative to src/knowledge, no
 * extension) → const name → encoded table.
 */
export async function evaluateKnowledge(root, scratch) {
  const modules = await knowledgeModules(root);
  const texts = new Map(await Promise.all(modules.map(async (m) => [m, await readFile(m, 'utf8')])));
  const constsOf = new Map(modules.map((m) => [m, topLevelConsts(m, texts.get(m))]));
  const entry = modules.map((m, i) => `export * as m${i} from ${JSON.stringify(m)};`).join('\n');
  const outfile = join(scratch, `knowledge-eval-${process.pid}.mjs`);
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.18',
    outfile,
    logLevel: 'warning',
    plugins: [
      {
        name: 'export-every-const',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (args) => {
            const consts = constsOf.get(args.path);
            if (consts === undefined) return undefined;
            const extra = consts.map((c) => `${c.name} as __kt_${c.name}`).join(', ');
            return { contents: `${texts.get(args.path)}\nexport { ${extra} };\n`, loader: 'ts' };
          });
        },
      },
    ],
  });
  const tables = new Map();
  try {
    const namespace = await import(pathToFileURL(outfile).href);
    modules.forEach((m, i) => {
      const exports = namespace[`m${i}`];
      const found = new Map();
      for (const c of constsOf.get(m)) {
        let value = exports[`__kt_${c.name}`];
        if (c.lazy) {
          if (typeof value !== 'function') continue;
          value = value();
        }
        const table = encodeTable(value);
        if (table !== undefined) found.set(c.name, { ...table, lazy: c.lazy, start: c.start, end: c.end });
      }
      tables.set(moduleId(root, m), found);
    });
  } finally {
    await rm(outfile, { force: true });
  }
  return { tables, texts };
}

const moduleId = (root, path) => relative(join(root, 'src', 'knowledge'), path).replaceAll('\\', '/').replace(/\.ts$/, '');

/**
 * The esbuild plugin: each table's initializer becomes a pure call of the
 * loader (esbuild drops the ones a bundle never reads, and with them the rows'
 * code), `dir` is the expression naming dist/knowledge/ from the bundle.
 */
export function knowledgeTablesPlugin(root, { tables, texts }, dirExpression) {
  return {
    name: 'knowledge-tables',
    setup(b) {
      b.onResolve({ filter: /^knowledge-loader:$/ }, () => ({ path: 'loader', namespace: LOADER_NAMESPACE }));
      b.onLoad({ filter: /.*/, namespace: LOADER_NAMESPACE }, () => ({ contents: loaderSource(dirExpression), loader: 'js', resolveDir: root }));
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = texts.get(args.path);
        if (text === undefined) return undefined;
        const id = moduleId(root, args.path);
        const found = [...(tables.get(id)?.entries() ?? [])].sort((x, y) => y[1].start - x[1].start);
        if (found.length === 0) return undefined;
        let contents = text;
        for (const [name, table] of found) {
          const call = `/* @__PURE__ */ ${table.lazy ? '__knowledgeLazy' : '__knowledgeTable'}(${JSON.stringify(`${ID_PREFIX}${id}#${name}`)}, ${JSON.stringify(table.kind)})`;
          contents = contents.slice(0, table.start) + call + contents.slice(table.end);
        }
        return { contents: `import { __knowledgeTable, __knowledgeLazy } from 'knowledge-loader:';\n${contents}`, loader: 'ts' };
      });
    },
  };
}

/** The tables a bundle's text reads: module → names. */
export function tablesRead(code, into = new Map()) {
  for (const [, module, name] of code.matchAll(ID_PATTERN)) {
    if (!into.has(module)) into.set(module, new Set());
    into.get(module).add(name);
  }
  return into;
}

/** Writes dist/knowledge/<module>.json for the tables the bundles read; returns the bytes written. */
export async function writeTables(outDir, { tables }, read) {
  let bytes = 0;
  for (const [module, names] of [...read].sort()) {
    const file = { tables: {}, regexps: [] };
    for (const name of [...names].sort()) {
      const table = tables.get(module)?.get(name);
      if (table === undefined) throw new Error(`a bundle reads knowledge table ${module}#${name}, which the build did not make`);
      file.tables[name] = table.data;
      for (const [path, source, flags] of table.regexps) file.regexps.push([name, ...path, source, flags]);
    }
    if (file.regexps.length === 0) delete file.regexps;
    const path = join(outDir, `${module}.json`);
    await mkdir(dirname(path), { recursive: true });
    const json = JSON.stringify(file);
    await writeFile(path, json, 'utf8');
    bytes += Buffer.byteLength(json);
  }
  return bytes;
}

/**
 * The loader in the bundle. A table is a Proxy over an empty array or object
 * until something reads it: then its module's file is read and parsed, its
 * regular expressions are put back, and every access goes to the parsed value.
 */
function loaderSource(dirExpression) {
  return `
import { readFileSync } from 'node:fs';
const files = new Map();
let dir;
function table(id) {
  const at = id.indexOf('#');
  const module = id.slice(${ID_PREFIX.length}, at);
  let file = files.get(module);
  if (file === undefined) {
    dir ??= ${dirExpression};
    file = JSON.parse(readFileSync(dir + module + '.json', 'utf8'));
    for (const entry of file.regexps ?? []) {
      let holder = file.tables;
      for (let i = 0; i < entry.length - 3; i++) holder = holder[entry[i]];
      holder[entry[entry.length - 3]] = new RegExp(entry[entry.length - 2], entry[entry.length - 1]);
    }
    files.set(module, file);
  }
  return file.tables[id.slice(at + 1)];
}
export function __knowledgeLazy(id) {
  let value;
  return () => (value ??= table(id));
}
export function __knowledgeTable(id, kind) {
  let value;
  const get = () => (value ??= table(id));
  return new Proxy(kind === 'a' ? [] : {}, {
    get: (_, key) => Reflect.get(get(), key),
    has: (_, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(get(), key),
    set: (_, key, v) => Reflect.set(get(), key, v),
    deleteProperty: (_, key) => Reflect.deleteProperty(get(), key),
    defineProperty: (_, key, d) => Reflect.defineProperty(get(), key, d),
  });
}
`;
}
