/**
 * A table built on first use. Explaining a bare code never reads the
 * provider-specific tables (provider codes, providers, phrases): building
 * them only when a reader asks keeps them off `explain`'s start-up (issue #8).
 */
export function lazy<T>(build: () => T): () => T {
  let table: { value: T } | undefined;
  return () => (table ??= { value: build() }).value;
}
