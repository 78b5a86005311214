/**
 * A table built on first use. Explaining a bare code never reads the
 * provider-specific tables (provider codes, providers, phrases): building
 * them only when a reader asks keeps them off `explain`'s start-up (issue #8).
 */
export function lazy<T>(build: () => T): () => T {
  let table: { value: T } | undefined;
  return () => (table ??= { value: build() }).value;
}

/**
 * What a bundle's knowledge table answers to this symbol: the build's index of
 * its rows by a field, or undefined when the build made none for that field
 * (scripts/knowledge-tables.mjs).
 */
const ROW_INDEX: unique symbol = Symbol.for('oauth-doctor.knowledge-row-index');

type RowLookup<T> = (value: string) => T | undefined;
interface IndexedTable<T> {
  readonly [ROW_INDEX]?: (field: string) => RowLookup<T> | undefined;
}

/**
 * The row of `table` whose `field` is a given value. Written as a const of a
 * knowledge module, `rowIndex(TABLE, 'field')` also has the build index the
 * rows by that field (every value once), so a bundle finds a row without
 * parsing the others (issue #17: start-up); here, and for a table the build
 * did not index, a Map is built on the first lookup.
 */
export function rowIndex<T, F extends keyof T & string>(table: readonly T[], field: F): RowLookup<T> {
  let lookup: RowLookup<T> | undefined;
  return (value) => {
    lookup ??= (table as IndexedTable<T>)[ROW_INDEX]?.(field) ?? mapOf(table, field);
    return lookup(value);
  };
}

function mapOf<T>(table: readonly T[], field: keyof T): RowLookup<T> {
  const byValue = new Map<unknown, T>();
  for (const row of table) if (!byValue.has(row[field])) byValue.set(row[field], row);
  return (value) => byValue.get(value);
}
