import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import pkg from '../../package.json' with { type: 'json' };

// Through the built bin (a subprocess): the bin's own paths, --version before any bundle, exit codes as a shell sees them.
describe('the CLI as a user runs it', () => {
  it('--version prints the package version', async () => {
    const r = await runBin(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists the commands, the exit codes and how to pass secrets in CI', async () => {
    const r = await runBin(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sign');
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*130/);
    expect(r.stdout).toContain('OAUTH_CONSUMER_SECRET');
  });

  it('no command prints the usage and exits 2', async () => {
    const r = await runBin([]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('Usage: oauth-doctor');
  });

  it('an unknown command is one line, exit 2, no stack trace', async () => {
    const r = await runBin(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^oauth-doctor: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('writing into a closed pipe is not a crash', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/cli.js');
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      child.on('close', resolve);
    });
    expect(code).toBe(0);
  });
});
