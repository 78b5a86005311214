// Loading an ES-module-only package (oidc-provider 8, oauth4webapi, jose) from
// the CLI. The CLI bundles are CommonJS that bin/oauth-doctor.cjs runs through
// `vm.Script` (its V8 code cache), and code run that way cannot `import()`:
// Node throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING (20.18, 22, 24, 26). The
// bin is a real CommonJS module, whose own `import()` works, so it lends that
// function under a registered symbol; the specifier then resolves from the
// bin's folder, i.e. the package's node_modules, as `require` does. Without
// the hook (vitest, the ES module library) the native `import()` is used.
// (`importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER`
// works as well but prints an ExperimentalWarning on every run.)

/** The key bin/oauth-doctor.cjs lends its `import()` under. */
const IMPORT_ESM_HOOK = Symbol.for('oauth-doctor.import-esm');

type ImportFunction = (specifier: string) => Promise<unknown>;

function lentImport(): ImportFunction | undefined {
  const hook: unknown = (globalThis as Record<symbol, unknown>)[IMPORT_ESM_HOOK];
  return typeof hook === 'function' ? (hook as ImportFunction) : undefined;
}

/** `import(specifier)` that works in the vm-run CLI bundle as well as in ES modules. */
export async function importEsm<T>(specifier: string): Promise<T> {
  const lent = lentImport();
  // A variable specifier: esbuild leaves this `import()` alone (a literal one it would turn into require()).
  return (lent ? await lent(specifier) : await import(specifier)) as T;
}
