/** Quotes a string for a POSIX shell: bare when safe, else in single quotes with each quote written '\'' (POSIX.1-2017 XCU §2.2.2). */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_\-.,/:=@%+]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
