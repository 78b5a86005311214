// `oauth-doctor completion bash|zsh|fish` (issue #17): the scripts complete
// what the commander program defines and what the data tables hold. The bash
// script is sourced into a real bash and its function called as bash's
// completion does (COMP_WORDS, COMP_CWORD); the fish one is sourced into a
// real fish and asked as fish's completion asks (`complete -C`); the zsh one
// is autoloaded by compinit in an interactive zsh that is sent the line and a
// Tab (zsh-complete.zsh). No shell is optional: .ci/run installs bash, zsh and
// fish (Debian's fish package), and a missing one fails the test.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/all.js';
import { OAUTH2_PRESETS, PRESETS } from '../../src/presets/index.js';
import { DIALECTS } from '../../src/provider/options.js';
import { OAUTH2_DIALECTS } from '../../src/provider/oauth2/options.js';
import { OAUTH2_SCENARIOS } from '../../src/commands/demo/oauth2-scenarios.js';
import { SIGNATURE_METHODS } from '../../src/oauth/types.js';
import { PROBLEMS } from '../../src/knowledge/problems.js';
import { SCENARIOS } from '../../src/commands/demo/scenarios.js';
import { buildProgram } from '../../src/cli/program.js';
import { VALUE_ROWS } from '../../src/commands/completion/values.js';
import { runInProcess } from '../helpers/in-process.js';

/** serve --dialect: OAuth 1.0a's, then serve --oauth2's (x is in both). */
const SERVE_DIALECTS = [...new Set([...DIALECTS, ...OAUTH2_DIALECTS])];

const dir = mkdtempSync(join(tmpdir(), 'od-completion-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scripts: Record<string, string> = {};
beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const result = await runInProcess(['completion', shell]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    scripts[shell] = result.stdout;
    writeFileSync(join(dir, `completion.${shell}`), result.stdout);
  }
  // compinit autoloads a function file named for it, found on fpath.
  mkdirSync(join(dir, 'zsh'));
  writeFileSync(join(dir, 'zsh', '_oauth-doctor'), scripts['zsh'] ?? '');
});

/** The program as --help sees it: every command registered. */
function program() {
  return buildProgram(
    { stdin: process.stdin, stdout: { write: () => true }, stderr: { write: () => true }, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: '/', now: () => 0, nonce: () => 'n', signal: new AbortController().signal },
    [],
  ).program;
}

/** What bash's completion offers for the words typed so far (the last one is being completed). */
function bashComplete(...words: string[]): string[] {
  const array = ['oauth-doctor', ...words].map((w) => `'${w.replaceAll("'", `'\\''`)}'`).join(' ');
  const script = `source '${join(dir, 'completion.bash')}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length}; _oauth_doctor; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter((line) => line !== '');
}

describe('completion bash, sourced into bash', () => {
  it('registers the function for oauth-doctor', () => {
    const out = execFileSync('bash', ['--norc', '--noprofile', '-c', `source '${join(dir, 'completion.bash')}'; complete -p oauth-doctor`], { encoding: 'utf8' });
    expect(out.trim()).toBe('complete -o default -F _oauth_doctor oauth-doctor');
  });

  it('the first word: every registered command; a dash: the global flags', () => {
    expect(bashComplete('')).toEqual(COMMANDS.map(([name]) => name));
    expect(bashComplete('fl')).toEqual(['flow']);
    expect(bashComplete('--')).toEqual(['--version', '--debug', '--help']);
  });

  it("each command's flags, as commander defines them", () => {
    for (const command of program().commands) {
      const longs = command.options.map((o) => o.long).filter((l): l is string => l !== undefined);
      expect(bashComplete(command.name(), '--'), command.name()).toEqual([...longs, '--help']);
    }
    expect(bashComplete('sign', '--sig')).toEqual(['--signature-method']);
    expect(bashComplete('--debug', 'serve', '--dia')).toEqual(['--dialect']);
  });

  it('presets, dialects, signature methods, languages and demo scenarios from their tables', () => {
    expect(bashComplete('flow', '--provider', '')).toEqual([...PRESETS, ...OAUTH2_PRESETS].flatMap((p) => [p.name, ...(p.aliases ?? [])]));
    expect(bashComplete('flow', '--provider', 'twi')).toEqual(['twitter', 'twitter-oauth2']);
    expect(bashComplete('flow', '--provider', 'key')).toEqual(['keycloak']);
    expect(bashComplete('flow', '--grant', 'cl')).toEqual(['client-credentials']);
    expect(bashComplete('flow', '--ex')).toEqual(['--exchange-twice']);
    expect(bashComplete('flow', '--consumer-key', 'k', '--provider', 'ha')).toEqual(['hatena']);
    expect(bashComplete('serve', '--dialect', '')).toEqual(SERVE_DIALECTS);
    expect(bashComplete('sign', '--signature-method', 'HMAC')).toEqual(SIGNATURE_METHODS.filter((m) => m.startsWith('HMAC')));
    expect(bashComplete('sign', '--signature-method', 'HMAC')).toContain('HMAC-SHA256');
    expect(bashComplete('flow', '--signature-method', '')).toEqual([...SIGNATURE_METHODS]);
    expect(bashComplete('codes', '--lang', '')).toEqual(['en', 'ja']);
    expect(bashComplete('demo', '--only', '')).toEqual([...SCENARIOS, ...OAUTH2_SCENARIOS].map((s) => s.id));
    expect(bashComplete('demo', '--protocol', '')).toEqual(['oauth1', 'oauth2', 'both']);
    expect(bashComplete('serve', '--redirect-matching', 'ex')).toEqual(['exact']);
  });

  it("explain's argument: the knowledge base's problem codes; completion's: the shells", () => {
    expect(bashComplete('explain', 'token_')).toEqual(PROBLEMS.map((p) => p.code).filter((c) => c.startsWith('token_')));
    expect(bashComplete('explain', 'token_')).toContain('token_rejected');
    expect(bashComplete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it('a value with no table offers nothing of its own (bash then offers files); an optional value lets a flag follow', () => {
    expect(bashComplete('sign', '--url', '')).toEqual([]);
    expect(bashComplete('inspect', '--private-key', '')).toEqual([]);
    expect(bashComplete('serve', '--outage', '')).toEqual(['503', '500', '502']);
    expect(bashComplete('serve', '--outage', '--dia')).toEqual(['--dialect']);
  });
});

/**
 * What fish's completion offers for the command line typed so far (the last
 * word is being completed): `complete -C`, the query fish's own Tab runs,
 * the candidates without their descriptions, sorted here (fish's own order
 * sorts `--nonce` before `--no-version`).
 */
function fishComplete(...words: string[]): string[] {
  const line = ['oauth-doctor', ...words].join(' ');
  const script = `source '${join(dir, 'completion.fish')}'; complete -C '${line.replaceAll("'", "\\'")}'`;
  const result = spawnSync('fish', ['--no-config', '-c', script], { encoding: 'utf8' });
  expect(result.error, 'fish is not installed: .ci/run installs it (apt-get install fish)').toBeUndefined();
  expect([result.status, result.stderr]).toEqual([0, '']);
  return result.stdout
    .split('\n')
    .filter((out) => out !== '')
    .map((out) => out.split('\t')[0] ?? '')
    .sort();
}

const sorted = (values: readonly string[]) => [...values].sort();

describe('completion fish, sourced into fish', () => {
  it('completes the commands, with their descriptions', () => {
    expect(fishComplete('')).toEqual(sorted(COMMANDS.map(([name]) => name)));
    expect(fishComplete('fl')).toEqual(['flow']);
    const described = spawnSync('fish', ['--no-config', '-c', `source '${join(dir, 'completion.fish')}'; complete -C 'oauth-doctor ex'`], { encoding: 'utf8' });
    expect(described.stdout).toMatch(/^explain\texplain an OAuth 1\.0a or OAuth 2\.0/);
  });

  it("completes each command's flags, also after a global flag", () => {
    for (const command of program().commands) {
      const longs = command.options.map((o) => o.long ?? '').filter((l) => l !== '');
      expect(fishComplete(command.name(), '--'), command.name()).toEqual(sorted([...longs, '--help']));
    }
    expect(fishComplete('sign', '--sig')).toEqual(['--signature-method']);
    expect(fishComplete('--debug', 'serve', '--dia')).toEqual(['--dialect']);
  });

  it('completes the values the data tables hold', () => {
    expect(fishComplete('serve', '--dialect', '')).toEqual(sorted(SERVE_DIALECTS));
    expect(fishComplete('flow', '--provider', 'key')).toEqual(['keycloak']);
    expect(fishComplete('flow', '--consumer-key', 'k', '--provider', 'ha')).toEqual(['hatena']);
    expect(fishComplete('sign', '--signature-method', '')).toEqual(sorted(SIGNATURE_METHODS));
    expect(fishComplete('codes', '--lang', '')).toEqual(['en', 'ja']);
    expect(fishComplete('explain', 'token_')).toEqual(sorted(PROBLEMS.map((p) => p.code).filter((c) => c.startsWith('token_'))));
    expect(fishComplete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
  });

  it('a value with no table offers nothing of its own; a file-valued flag offers files', () => {
    expect(fishComplete('sign', '--url', '')).toEqual([]);
    const files = mkdtempSync(join(tmpdir(), 'od-fish-files-'));
    try {
      writeFileSync(join(files, 'key.pem'), '');
      const result = spawnSync('fish', ['--no-config', '-c', `cd '${files}'; source '${join(dir, 'completion.fish')}'; complete -C 'oauth-doctor inspect --private-key '`], { encoding: 'utf8' });
      expect(result.stdout.split('\n')).toContain('key.pem');
    } finally {
      rmSync(files, { recursive: true, force: true });
    }
  });
});

/**
 * What zsh's completion offers for each command line (the words typed so far), in `cwd` (files), each sorted.
 */
function zshComplete(lines: readonly (readonly string[])[], cwd = dir): string[][] {
  const result = spawnSync('zsh', ['-f', join(__dirname, 'zsh-complete.zsh'), ...lines.map((words) => ['oauth-doctor', ...words].join(' '))], { encoding: 'utf8', cwd, env: { ...process.env, COMPLETION_DIR: join(dir, 'zsh') }, timeout: 60_000 });
  expect(result.error, 'zsh is not installed: .ci/run installs it (apt-get install zsh)').toBeUndefined();
  expect([result.status, result.stderr]).toEqual([0, '']);
  const answers = result.stdout.split('--\n').slice(0, -1).map((block) => block.split('\n').filter((out) => out !== '').sort());
  expect(answers).toHaveLength(lines.length);
  return answers;
}

describe('completion zsh, autoloaded by compinit in an interactive zsh', () => {
  it("completes the commands, each command's flags (also after a global flag) and the values the data tables hold", () => {
    // A few commands' flags (the script-text test above checks every flag is in it; this checks zsh offers them).
    const commands = program().commands.filter((c) => ['sign', 'flow', 'explain'].includes(c.name()));
    const lines: (readonly string[])[] = [[''], ['fl'], ['sign', '--sig'], ['--debug', 'serve', '--dia'], ['serve', '--dialect', ''], ['sign', '--signature-method', 'HMAC'], ['explain', 'token_'], ['completion', ''], ...commands.map((c) => [c.name(), '--'])];
    const [all, fl, sig, dia, dialects, hmac, tokens, shells, ...flags] = zshComplete(lines);
    expect(all).toEqual(sorted(COMMANDS.map(([name]) => name)));
    expect(fl).toEqual(['flow']);
    expect(sig).toEqual(['--signature-method']);
    expect(dia).toEqual(['--dialect']);
    expect(dialects).toEqual(sorted(SERVE_DIALECTS));
    expect(hmac).toEqual(sorted(SIGNATURE_METHODS.filter((m) => m.startsWith('HMAC'))));
    expect(tokens).toEqual(sorted(PROBLEMS.map((p) => p.code).filter((c) => c.startsWith('token_'))));
    expect(shells).toEqual(['bash', 'fish', 'zsh']);
    commands.forEach((command, i) => {
      const longs = command.options.map((o) => o.long ?? '').filter((l) => l !== '');
      expect(flags[i], command.name()).toEqual(sorted([...longs, '--help']));
    });
  });

  it('completes files where a flag takes a file, and both presets and files where it takes either', () => {
    const files = mkdtempSync(join(tmpdir(), 'od-zsh-files-'));
    try {
      writeFileSync(join(files, 'keys.json'), '{}');
      // A preset or a JSON profile file (issue #18): both are offered.
      expect(zshComplete([['flow', '--provider', 'key'], ['inspect', '--private-key', '']], files)).toEqual([['keycloak', 'keys.json'], ['keys.json']]);
    } finally {
      rmSync(files, { recursive: true, force: true });
    }
  });
});

describe('completion zsh and fish', () => {
  it('zsh parses the script, which names every command, flag and table value', () => {
    const parsed = spawnSync('zsh', ['-n', join(dir, 'completion.zsh')], { encoding: 'utf8' });
    expect([parsed.status, parsed.stderr]).toEqual([0, '']);
    const zsh = scripts['zsh'] ?? '';
    expect(zsh.startsWith('#compdef oauth-doctor\n')).toBe(true);
    for (const command of program().commands) {
      expect(zsh).toContain(`'${command.name()}:`);
      for (const option of command.options) expect(zsh, `${command.name()} ${option.long}`).toContain(option.long ?? '');
    }
    expect(zsh).toContain(`:dialect:(${SERVE_DIALECTS.join(' ')})`);
    expect(zsh).toMatch(/'--private-key\[[^\n]*\]:private-key:_files'/);
    expect(zsh).toContain(PRESETS.flatMap((p) => [p.name, ...(p.aliases ?? [])]).join(' '));
  });

  it('fish: one line per command and per flag, each under its command', () => {
    const lines = (scripts['fish'] ?? '').split('\n');
    for (const command of program().commands) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^complete -c oauth-doctor -n '__fish_use_subcommand' -a ${command.name()} -d `)));
      for (const option of command.options) {
        expect(lines).toContainEqual(expect.stringContaining(`-n '__fish_seen_subcommand_from ${command.name()}' ${option.short ? `-s ${option.short.slice(1)} ` : ''}-l ${(option.long ?? '').slice(2)} `));
      }
    }
    const prefix = (text: string) => expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} -d '`)));
    prefix(`complete -c oauth-doctor -n '__fish_seen_subcommand_from serve' -l dialect -x -a '${SERVE_DIALECTS.join(' ')}'`);
    prefix(`complete -c oauth-doctor -n '__fish_seen_subcommand_from flow' -l provider -r -F -a '${[...PRESETS, ...OAUTH2_PRESETS].flatMap((p) => [p.name, ...(p.aliases ?? [])]).join(' ')}'`);
    prefix(`complete -c oauth-doctor -n '__fish_seen_subcommand_from sign' -l url -x`);
    prefix(`complete -c oauth-doctor -n '__fish_seen_subcommand_from inspect' -l private-key -r -F`);
  });
});

describe('completion data', () => {
  it("every value row names an option or argument that its command has (a renamed flag is caught)", () => {
    const commands = program().commands;
    for (const row of VALUE_ROWS) {
      const owners = row.command === '*' ? commands.filter((c) => c.options.some((o) => o.long === row.option)) : commands.filter((c) => c.name() === row.command);
      expect(owners.length, `${row.command} ${row.option}`).toBeGreaterThan(0);
      for (const command of owners) {
        if (row.option === '<argument>') expect(command.registeredArguments.length, command.name()).toBeGreaterThan(0);
        else expect(command.options.map((o) => o.long), command.name()).toContain(row.option);
      }
      expect(row.values().length).toBeGreaterThan(0);
    }
  });

  it('an unknown shell is a usage error naming the shells', async () => {
    const result = await runInProcess(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no completion for the shell "tcsh"');
    expect(result.stderr).toContain('bash, zsh, fish');
  });

  it('the built CLI prints the same script as in-process (the full bundle holds the command)', () => {
    const out = execFileSync(process.execPath, [join(__dirname, '../../bin/oauth-doctor.cjs'), 'completion', 'bash'], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(out).toBe(scripts['bash']);
  });
});
