// cli5 item 3: --help said "OAuth 1.0a" (the top-level description, serve) or named one protocol's work only
// (demo "the whole flow", inspect "rebuild the flow", request "sign") for commands that do both. Each says
// what it does for OAuth 1.0a and for OAuth 2.0.
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';

/** The description paragraph commander prints after "Usage:", on one line. */
function description(help: string): string {
  const [, rest = ''] = help.split(/\n\n/, 2);
  return rest.replace(/\s*\n\s*/g, ' ');
}

describe('--help names both protocols where a command does both', () => {
  it('oauth-doctor --help', async () => {
    const r = await runBin(['--help']);
    const text = description(r.stdout);
    expect(text).toContain('OAuth 1.0a');
    expect(text).toContain('OAuth 2.0');
    expect(text).toContain('OpenID Connect');
    expect(r.stdout).toMatch(/^ {2}presets\|providers /m);
  });

  it.each([
    ['flow', /OAuth 1\.0a .*OAuth 2\.0/],
    ['request', /OAuth 1\.0a.*OAuth 2\.0 bearer/],
    ['explain', /OAuth 1\.0a.*OAuth 2\.0/],
    ['inspect', /OAuth 1\.0a.*OAuth 2\.0/],
    ['serve', /OAuth 1\.0a.*--oauth2.*OAuth 2\.0/],
    ['demo', /OAuth 1\.0a.*OAuth 2\.0/],
  ])('%s --help says what it does for both', async (command, pattern) => {
    const r = await runBin([command, '--help']);
    expect(r.code).toBe(0);
    expect(description(r.stdout)).toMatch(pattern);
    // The command list of the top-level help says the same.
    const top = await runBin(['--help']);
    const line = top.stdout.split('\n').find((l) => l.startsWith(`  ${command} `)) ?? '';
    expect(line, command).toMatch(/OAuth 2\.0|both protocols/);
  });

  it('sign says it is OAuth 1.0a only', async () => {
    const r = await runBin(['sign', '--help']);
    expect(description(r.stdout)).toMatch(/OAuth 1\.0a/);
  });
});

describe('--timeout names its unit', () => {
  it.each([['flow'], ['request'], ['demo']])('%s --help: --timeout <duration>, with units and what a bare number is', async (command) => {
    const r = await runBin([command, '--help']);
    // The option's text, its wrapped lines joined.
    const line = /--timeout <duration>[\s\S]*?\(default: [^)]*\)/.exec(r.stdout)?.[0].replace(/\s+/g, ' ') ?? '';
    expect(line).toMatch(/--timeout <duration>/);
    expect(line).toMatch(/500ms|ms\b/);
    expect(line).toMatch(/bare number is milliseconds/);
  });
});
