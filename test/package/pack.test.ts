// The package as users get it (STYLE habit 12): `npm pack`, install the
// tarball into an empty folder with the registry's dependencies, and run the
// installed bin. Also checks the tarball holds only what runs, that its
// runtime dependencies are exactly what it requires, and that a TypeScript
// project type-checks the public API from it (issue #17).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM_ENV = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly files: { readonly path: string }[];
}

/** The tarball before issue #17 (shipped V8 caches, seven own bundles): 1,811,480 bytes packed. */
const PACKED_BEFORE = 1_811_480;

const work = mkdtempSync(join(tmpdir(), 'oauth-doctor-pack-'));
const project = join(work, 'project');
let packed: PackResult;

beforeAll(async () => {
  // npm pack runs `prepare` (the build), as npm publish would.
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, env: NPM_ENV, maxBuffer: 16 * 1024 * 1024 });
  const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as PackResult[];
  const first = results[0];
  if (!first) throw new Error(`npm pack printed no result: ${stdout}`);
  packed = first;
  // An empty project: a package.json of its own, so npm does not look further up.
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', version: '1.0.0', private: true }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename)], { cwd: project, env: NPM_ENV });
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const installedBin = () => join(project, 'node_modules', '.bin', 'oauth-doctor');

describe('npm pack → npm install <tarball> → oauth-doctor', () => {
  it('the tarball holds exactly: the bin, the bundles, the library and its chunks, the knowledge tables, its types, package.json, README, LICENSE', () => {
    const paths = packed.files.map((f) => f.path).sort();
    const types = paths.filter((p) => p.startsWith('types/'));
    const chunks = paths.filter((p) => p.startsWith('dist/chunks/'));
    // The knowledge base as data, once for every bundle (scripts/knowledge-tables.mjs).
    const knowledge = paths.filter((p) => p.startsWith('dist/knowledge/'));
    const rest = paths.filter((p) => !types.includes(p) && !chunks.includes(p) && !knowledge.includes(p));
    for (const path of knowledge) expect(path).toMatch(/^dist\/knowledge\/[\w/-]+\.json$/);
    expect(knowledge).toContain('dist/knowledge/problems.json');
    expect(rest).toEqual(['LICENSE', 'README.md', 'bin/oauth-doctor.cjs', 'dist/cli.cjs', 'dist/commands/explain.cjs', 'dist/commands/sign.cjs', 'dist/index.js', 'package.json']);
    for (const path of chunks) expect(path).toMatch(/^dist\/chunks\/[\w-]+\.js$/);
    for (const path of types) expect(path).toMatch(/^types\/[\w/.-]+\.d\.ts$/);
    expect(types).toContain('types/index.d.ts');
    expect(packed.filename).toBe(`oauth-doctor-${pkg.version}.tgz`);
  });

  it('the tarball is at most half what it was before issue #17 (no V8 caches, three own bundles)', () => {
    expect(packed.size, `${packed.size} bytes packed, ${packed.unpackedSize} unpacked`).toBeLessThanOrEqual(PACKED_BEFORE / 2);
  });

  it("the runtime dependencies are exactly the packages the installed code requires (commander, chalk, oauth-1.0a are bundled)", () => {
    const installed = join(project, 'node_modules', 'oauth-doctor');
    const files = ['bin/oauth-doctor.cjs', ...readdirSync(join(installed, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.c?js$/.test(f)).map((f) => `dist/${f}`)];
    const required = new Set<string>();
    for (const file of files) {
      const code = readFileSync(join(installed, file), 'utf8');
      for (const m of code.matchAll(/(?:\brequire\(|\bimport\(|\bfrom ?)["']([^"'./\s][^"'\s]*)["']/g)) {
        const name = m[1] ?? '';
        if (name.startsWith('node:')) continue;
        required.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] ?? name));
      }
    }
    // Declared for the OAuth 2 commands being built (issues #18, #19); each leaves this list when dist/ requires it.
    const pendingOAuth2 = ['oauth4webapi', 'oidc-provider'].filter((name) => !required.has(name));
    expect([...required, ...pendingOAuth2].sort()).toEqual(Object.keys(pkg.dependencies).sort());
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['jose', 'oauth4webapi', 'oidc-provider', 'undici']);
  });

  it('oauth-doctor --version prints the version', async () => {
    const { stdout } = await run(installedBin(), ['--version'], { cwd: project });
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('oauth-doctor --help lists the commands', async () => {
    const { stdout } = await run(installedBin(), ['--help'], { cwd: project });
    expect(stdout).toContain('Usage: oauth-doctor');
    expect(stdout).toMatch(/^ {2}sign /m);
  });

  it('npx oauth-doctor resolves the installed bin', async () => {
    const { stdout } = await run('npx', ['--no-install', 'oauth-doctor', '--version'], { cwd: project, env: NPM_ENV });
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('a command that loads its own chunk works from the install (sign, RFC 5849 §1.2 vector)', async () => {
    const { stdout } = await run(
      installedBin(),
      ['sign', '--url', 'http://photos.example.net/photos?file=vacation.jpg&size=original', '--consumer-key', 'dpf43f3p2l4k3l03', '--consumer-secret', 'kd94hf93k423kf44', '--token', 'nnch734d00sl2jdk', '--token-secret', 'pfkkdhi9sl3r4s00', '--timestamp', '137131202', '--nonce', 'chapoH', '--no-version', '--json'],
      { cwd: project },
    );
    expect((JSON.parse(stdout) as { signature: string }).signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });

  it('a network command finds undici from the install (demo against the embedded provider)', async () => {
    const { stdout } = await run(installedBin(), ['demo', '--json'], { cwd: project });
    expect((JSON.parse(stdout) as { ok: boolean }).ok).toBe(true);
  });

  it('explain reads the knowledge tables from the install (a provider code and a phrase)', async () => {
    const { stdout } = await run(installedBin(), ['explain', 'x:89', '--json'], { cwd: project });
    expect((JSON.parse(stdout) as { problem: { code: string } }).problem.code).toBe('token_rejected');
    const library = "const m = await import('oauth-doctor'); const p = m.readProblemFromText('AADSTS50011: The redirect URI does not match'); console.log(m.diagnose(p, {}, { lang: 'en' }).problem.code)";
    const { stdout: code } = await run(process.execPath, ['--input-type=module', '-e', library], { cwd: project });
    expect(code.trim()).toBe('entra:AADSTS50011');
  });

  it('the library entry point imports', async () => {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', "const m = await import('oauth-doctor'); console.log(m.percentEncode(\"!*'()\"))"], { cwd: project });
    expect(stdout.trim()).toBe('%21%2A%27%28%29');
  });
});

/** The README's library example: the ts block after its `library-example` marker. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- library-example[^>]*-->\n```ts\n([\s\S]*?)\n```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('README.md has no library-example block');
  return block;
}

// Uses each export the way a caller does; `tsc` fails on this file when a
// name, a parameter or a result type changes incompatibly.
const SURFACE = `
import * as api from 'oauth-doctor';
import type { Capture, DetectedProblem, Diagnosis, DiagnosisJson, InspectReport, Lang, ProviderOptions, RunningProvider, SignatureMethod, SignedRequest } from 'oauth-doctor';

type IsAny<T> = 0 extends 1 & T ? true : false;
type Expect<T extends true> = T;
type NotAny<T> = IsAny<T> extends true ? false : true;

export type Checks = [
  Expect<NotAny<typeof api.signRequest>>,
  Expect<NotAny<typeof api.readProblem>>,
  Expect<NotAny<typeof api.diagnose>>,
  Expect<NotAny<typeof api.startProvider>>,
  Expect<NotAny<typeof api.inspectCapture>>,
  Expect<NotAny<typeof api.readCapture>>,
  Expect<ReturnType<typeof api.signRequest> extends SignedRequest ? true : false>,
  Expect<ReturnType<typeof api.readProblem> extends DetectedProblem | undefined ? true : false>,
  Expect<ReturnType<typeof api.diagnose> extends Diagnosis ? true : false>,
  Expect<ReturnType<typeof api.diagnosisJson> extends DiagnosisJson ? true : false>,
  Expect<ReturnType<typeof api.startProvider> extends Promise<RunningProvider> ? true : false>,
  Expect<ReturnType<typeof api.readCapture> extends Promise<Capture> ? true : false>,
  Expect<ReturnType<typeof api.inspectCapture> extends InspectReport ? true : false>,
  // What callers pass today stays accepted (a method may be added, none removed).
  Expect<'HMAC-SHA1' | 'HMAC-SHA256' | 'RSA-SHA1' | 'PLAINTEXT' extends SignatureMethod ? true : false>,
  Expect<'ja' extends Lang ? true : false>,
];

export const options: ProviderOptions = { dialect: 'x', port: 0, consumers: [{ key: 'app', secret: 's3cret' }] };
export const code: string = api.ExitCode.Refused.toString();
export function caller(provider: RunningProvider, capture: Capture): [string, string, number] {
  const signed = api.signRequest({ method: 'GET', url: provider.endpoints.resource, client: { consumerKey: provider.consumer.key, consumerSecret: provider.consumer.secret }, token: { token: 't', tokenSecret: 'ts' }, signatureMethod: 'HMAC-SHA256', timestamp: '1', nonce: 'n' });
  const report = api.inspectCapture(capture, { lang: 'ja' });
  return [signed.baseString, api.maskSecret(signed.signature), report.findings.length];
}
export function refused() {
  // @ts-expect-error an unknown signature method does not type-check
  return api.signRequest({ method: 'GET', url: 'https://example.com/', client: { consumerKey: 'k', consumerSecret: 's' }, signatureMethod: 'MD5', timestamp: '1', nonce: 'n' });
}
export function problem(): DetectedProblem | undefined {
  // @ts-expect-error a response's status is a number
  return api.readProblem({ status: '401' });
}
`;

describe('a TypeScript project that installs the tarball (issue #17)', () => {
  const tsDir = () => join(project, 'ts');

  /** Type-checks the files as `tsc --noEmit` would, with the installed package's own declarations. */
  function typeCheck(files: Record<string, string>) {
    mkdirSync(tsDir(), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(tsDir(), name), text);
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      strict: true,
      noEmit: true,
      // Our declarations are checked too; @types/node is not ours.
      skipLibCheck: false,
    };
    const program = ts.createProgram({ rootNames: Object.keys(files).map((name) => join(tsDir(), name)), options });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => !d.file?.fileName.includes('/@types/node/'))
      .map((d) => `${d.file ? `${d.file.fileName.slice(project.length + 1)}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    return { program, problems };
  }

  it('the declarations resolve through exports.types, and every public name is typed (none is any)', () => {
    const { program, problems } = typeCheck({ 'surface.mts': SURFACE });
    expect(problems).toEqual([]);
    const source = program.getSourceFile(join(tsDir(), 'surface.mts'));
    const specifier = source?.statements.find(ts.isImportDeclaration)?.moduleSpecifier;
    const moduleSymbol = specifier && program.getTypeChecker().getSymbolAtLocation(specifier);
    if (!moduleSymbol) throw new Error('oauth-doctor did not resolve');
    expect(moduleSymbol.declarations?.[0]?.getSourceFile().fileName).toBe(join(project, 'node_modules/oauth-doctor/types/index.d.ts'));
    const names = program.getTypeChecker().getExportsOfModule(moduleSymbol).map((symbol) => symbol.name);
    // The public names: removing one breaks callers (add one here on purpose).
    expect(names.sort()).toEqual(PUBLIC_NAMES);
  });

  it("the README's library example type-checks against the tarball and runs as written", async () => {
    const example = readmeExample();
    expect(typeCheck({ 'example.mts': example }).problems).toEqual([]);
    // It has no type annotations, so the same text is JavaScript: run it from the install.
    writeFileSync(join(project, 'example.mjs'), example);
    const { stdout } = await run(process.execPath, ['example.mjs'], { cwd: project });
    expect(stdout).toMatch(/^POST&https%3A%2F%2Fapi\.example\.com%2Foauth%2Frequest_token&oauth_callback%3Doob%26/);
    expect(stdout).toContain("likely: The client's clock is off");
    expect(stdout).toMatch(/^200 oauth_token=[^&]+&oauth_token_secret=[^&]+&oauth_callback_confirmed=true$/m);
  });
});

/** Every name src/index.ts exports, values and types (sorted as Array#sort does). */
const PUBLIC_NAMES: string[] = [
  'Capture', 'CapturedExchange', 'CauseId', 'ClientCredentials', 'ConsumerRegistration', 'DIALECTS', 'DetectedProblem', 'Diagnosis', 'DiagnosisJson',
  'DialectName', 'DoctorError', 'ExitCode', 'Finding', 'Fix', 'InspectOptions', 'InspectReport', 'Lang', 'LegRecord', 'Likelihood', 'METHODS',
  'MethodRow', 'PLAIN', 'PROBLEM_CODES', 'Pair', 'Palette', 'ParameterSource', 'ParsedAuthorization', 'ProblemSource', 'ProviderExchange',
  'ProviderOptions', 'ProviderResponse', 'RankedCause', 'RequestBody', 'RunningProvider', 'SIGNATURE_METHODS', 'SessionEvidence', 'SignInput',
  'SignatureMethod', 'SignedRequest', 'SigningSecrets', 'SourcedParameter', 'TextContext', 'TokenCredentials', 'VerificationSecrets',
  'baseStringUri', 'bodyHash', 'buildAuthorizationHeader', 'collectParameters', 'computeSignature', 'diagnose', 'diagnosisJson', 'formDecode',
  'formValue', 'inspectCapture', 'isEncryptedPem', 'isFormBody', 'isHmacMethod', 'isRsaMethod', 'isSignatureMethod', 'loadPrivateKey',
  'loadPublicKey', 'maskSecret', 'methodList', 'newNonce', 'normalizeParameters', 'parseAuthorizationHeader', 'parseCurl', 'parseForm', 'parseHar',
  'parseHttpUrl', 'parseQuery', 'parseRawHttp', 'percentDecode', 'percentEncode', 'protocolParameters', 'readCapture', 'readProblem',
  'readProblemFromText', 'renderDiagnosis', 'resolveLang', 'serializeForm', 'signRequest', 'signatureBaseString', 'signingKey', 'splitForm',
  'startProvider', 'timestampFrom', 'verifySignature', 'wireUrl',
];

