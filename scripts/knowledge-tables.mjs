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

/**
 * Each top-level const of a module: its name, whether it is a `lazy(...)` table,
 * and where its initializer is; and the row indexes the module asks for with
 * `rowIndex(TABLE, 'field')` (src/knowledge/lazy.ts): table name → fields.
 */
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
  const indexes = new Map();
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'rowIndex') {
      const [table, field] = node.arguments;
      if (node.arguments.length !== 2 || !ts.isIdentifier(table) || !ts.isStringLiteral(field)) {
        throw new Error(`${path}: rowIndex takes a table of this module and a field name in quotes`);
      }
      if (!indexes.has(table.text)) indexes.set(table.text, new Set());
      indexes.get(table.text).add(field.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { consts, indexes };
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
  const declared = new Map(modules.map((m) => [m, topLevelConsts(m, texts.get(m))]));
  const constsOf = new Map(modules.map((m) => [m, declared.get(m).consts]));
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
        if (table !== undefined) found.set(c.name, { ...table, lazy: c.lazy, start: c.start, end: c.end, index: indexOf(m, c.name, table, declared.get(m).indexes.get(c.name)) });
      }
      for (const name of declared.get(m).indexes.keys()) {
        if (!found.get(name) || found.get(name).lazy) throw new Error(`${m}: rowIndex(${name}, …) needs a table of plain rows written as a const of this module`);
      }
      tables.set(moduleId(root, m), found);
    });
  } finally {
    await rm(outfile, { force: true });
  }
  return { tables, texts };
}

/**
 * What the build keeps of a rowIndex(): each row's value of the field (field →
 * values, in row order). A value two rows share is refused: a lookup by it
 * would depend on the order of the rows.
 */
function indexOf(module, name, table, fields) {
  if (fields === undefined) return undefined;
  if (table.kind !== 'a') throw new Error(`${module}: rowIndex(${name}, …) needs an array of rows`);
  const index = {};
  for (const field of fields) {
    const seen = new Map();
    index[field] = table.data.map((row, i) => {
      const value = row?.[field];
      if (typeof value !== 'string') throw new Error(`${module}: row ${i} of ${name} has no string ${field} to index`);
      if (seen.has(value)) throw new Error(`${module}: rows ${seen.get(value)} and ${i} of ${name} share the ${field} ${JSON.stringify(value)}`);
      seen.set(value, i);
      return value;
    });
  }
  return index;
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

/**
 * A module's tables as one JSON document whose first line is an index, so a
 * bundle parses only the rows it reads (issue #17: `explain token_used` reads
 * one problem, a few causes and labels of four files, and parsing them whole
 * was most of its young-generation allocation and the collection it set off):
 *
 *     {"index":{"CAUSES":{"kind":"a","span":[s,e],"rows":[s0,e0,s1,e1,…],"by":{"id":["reuse",…]}},
 *               "LABELS":{"kind":"o","span":[s,e],"keys":["problem",…],"rows":[s0,e0,…]},…}
 *     ,"tables":{"CAUSES":[
 *     {…row 0…},
 *     …]}}
 *
 * Offsets are UTF-8 byte offsets from the start of the second line. `span`
 * is a whole table (a lazy() table is parsed whole), `rows` each row's start
 * and end (an object table's in the order of its `keys`); `regexps` puts back
 * the regular expressions JSON cannot hold ([row, …path, source, flags]);
 * `by` is a rowIndex() of the module: each row's value of the field. Lists,
 * not objects keyed by name: an object of a hundred new keys costs V8 a
 * hundred new hidden classes to parse, five times the time of the lists.
 */
function tablesFile(names, module, tables) {
  const index = {};
  const parts = [];
  let offset = 0;
  const append = (text) => {
    parts.push(text);
    offset += Buffer.byteLength(text);
  };
  append(',"tables":{');
  [...names].sort().forEach((name, n) => {
    const table = tables.get(module)?.get(name);
    if (table === undefined) throw new Error(`a bundle reads knowledge table ${module}#${name}, which the build did not make`);
    append(`${n === 0 ? '' : ','}${JSON.stringify(name)}:`);
    const start = offset;
    const entries = table.kind === 'a' ? table.data.map((row) => [undefined, row]) : Object.entries(table.data);
    const rows = [];
    append(table.kind === 'a' ? '[' : '{');
    entries.forEach(([key, row], i) => {
      append(`${i === 0 ? '' : ','}\n${key === undefined ? '' : `${JSON.stringify(key)}:`}`);
      rows.push(offset);
      append(JSON.stringify(row));
      rows.push(offset);
    });
    append(table.kind === 'a' ? ']' : '}');
    const entry = { kind: table.kind, span: [start, offset] };
    if (table.kind === 'o') entry.keys = entries.map(([key]) => key);
    entry.rows = rows;
    if (table.regexps.length > 0) entry.regexps = table.regexps.map(([path, source, flags]) => [...path, source, flags]);
    if (table.index !== undefined) entry.by = table.index;
    index[name] = entry;
  });
  append('}}');
  return `{"index":${JSON.stringify(index)}\n${parts.join('')}`;
}

/** The file of a module holding `values` (name → table), rowIndex()ed by `indexes` (name → fields): for the tests. */
export function knowledgeFileFor(values, indexes = {}) {
  const found = new Map();
  for (const [name, value] of Object.entries(values)) {
    const table = encodeTable(value);
    if (table === undefined) throw new Error(`${name} is not plain data`);
    found.set(name, { ...table, index: indexOf('test', name, table, indexes[name] === undefined ? undefined : new Set(indexes[name])) });
  }
  return tablesFile(found.keys(), 'test', new Map([['test', found]]));
}

/** Writes dist/knowledge/<module>.json for the tables the bundles read; returns the bytes written. */
export async function writeTables(outDir, { tables }, read) {
  let bytes = 0;
  for (const [module, names] of [...read].sort()) {
    const path = join(outDir, `${module}.json`);
    await mkdir(dirname(path), { recursive: true });
    const json = tablesFile(names, module, tables);
    await writeFile(path, json, 'utf8');
    bytes += Buffer.byteLength(json);
  }
  return bytes;
}

/**
 * The loader in the bundle. A table is a Proxy over an empty array or object
 * until something reads it: then its module's file is read (as bytes, outside
 * the JavaScript heap) with its index, and each row is parsed when it is first
 * read, its regular expressions put back; a parsed row stays, so a row is the
 * same object at every read. Whatever needs every row (keys, a change) parses
 * them all. A lazy() table is parsed whole on first use, a plain value.
 * A table answers ROW_INDEX (src/knowledge/lazy.ts) with the build's rowIndex.
 */
export function loaderSource(dirExpression) {
  return `
import { readFileSync } from 'node:fs';
const ROW_INDEX = Symbol.for('oauth-doctor.knowledge-row-index');
const files = new Map();
let dir;
function tableIndex(id) {
  const at = id.indexOf('#');
  const module = id.slice(${ID_PREFIX.length}, at);
  let file = files.get(module);
  if (file === undefined) {
    dir ??= ${dirExpression};
    const bytes = readFileSync(dir + module + '.json');
    const newline = bytes.indexOf(10);
    file = { bytes, body: newline + 1, index: JSON.parse(bytes.toString('utf8', 0, newline) + '}').index };
    files.set(module, file);
  }
  const table = file.index[id.slice(at + 1)];
  if (table === undefined) throw new Error('oauth-doctor: ' + module + '.json lacks the table ' + id + ' (reinstall the package)');
  return { file, table };
}
const parse = (file, [start, end]) => JSON.parse(file.bytes.toString('utf8', file.body + start, file.body + end));
/** Puts regular expressions back: each entry is [...path, source, flags], its path from 'skip' on. */
function withRegexps(value, entries, skip) {
  for (const entry of entries) {
    const last = entry.length - 3;
    const regexp = new RegExp(entry[last + 1], entry[last + 2]);
    if (last < skip) return regexp;
    let holder = value;
    for (let i = skip; i < last; i++) holder = holder[entry[i]];
    holder[entry[last]] = regexp;
  }
  return value;
}
export function __knowledgeLazy(id) {
  let value;
  return () => {
    if (value === undefined) {
      const { file, table } = tableIndex(id);
      value = withRegexps(parse(file, table.span), table.regexps ?? [], 0);
    }
    return value;
  };
}
export function __knowledgeTable(id, kind) {
  const rows = kind === 'a' ? [] : {};
  let file, table, position, regexps, whole = false;
  const open = () => {
    if (table === undefined) {
      ({ file, table } = tableIndex(id));
      if (kind === 'a') rows.length = table.rows.length / 2;
      else position = new Map(table.keys.map((key, i) => [key, i]));
    }
  };
  /** The row number of a key, or -1 when it names no row. */
  const rowOf = (key) => {
    if (typeof key !== 'string') return -1;
    if (kind !== 'a') return position.get(key) ?? -1;
    const i = Number(key);
    return i >= 0 && i < rows.length && String(i) === key ? i : -1;
  };
  const row = (key, i) => {
    if (Object.hasOwn(rows, key)) return rows[key];
    if (regexps === undefined) {
      regexps = new Map();
      for (const entry of table.regexps ?? []) {
        const at = String(entry[0]);
        if (!regexps.has(at)) regexps.set(at, []);
        regexps.get(at).push(entry);
      }
    }
    return (rows[key] = withRegexps(parse(file, [table.rows[2 * i], table.rows[2 * i + 1]]), regexps.get(key) ?? [], 1));
  };
  const all = () => {
    open();
    if (!whole) for (let i = 0; i < table.rows.length / 2; i++) row(kind === 'a' ? String(i) : table.keys[i], i);
    whole = true;
    return rows;
  };
  const byField = (field) => {
    open();
    const values = table.by?.[field];
    if (values === undefined) return undefined;
    const byValue = new Map(values.map((value, i) => [value, i]));
    return (value) => {
      const i = byValue.get(value);
      return i === undefined ? undefined : row(String(i), i);
    };
  };
  // Changed (nothing does so far), a table is its rows: every row parsed, the traps plain.
  let changed = false;
  const change = () => {
    all();
    changed = true;
    return rows;
  };
  return new Proxy(rows, {
    get: (_, key) => {
      if (key === ROW_INDEX) return byField;
      open();
      const i = changed ? -1 : rowOf(key);
      return i < 0 ? Reflect.get(rows, key) : row(key, i);
    },
    has: (_, key) => {
      open();
      return (!changed && rowOf(key) >= 0) || Reflect.has(rows, key);
    },
    // An object table's keys in their order, whatever order its rows were read in.
    ownKeys: () => (kind === 'a' || changed ? Reflect.ownKeys(all()) : (all(), [...table.keys])),
    getOwnPropertyDescriptor: (_, key) => {
      open();
      const i = changed ? -1 : rowOf(key);
      if (i >= 0) row(key, i);
      return Reflect.getOwnPropertyDescriptor(rows, key);
    },
    set: (_, key, v) => Reflect.set(change(), key, v),
    deleteProperty: (_, key) => Reflect.deleteProperty(change(), key),
    defineProperty: (_, key, d) => Reflect.defineProperty(change(), key, d),
  });
}
`;
}
