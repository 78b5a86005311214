import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDoctorError } from '../../src/errors.js';
import { readPrivateFile } from '../../src/files/read-private-file.js';
import { readProfile } from '../../src/presets/profile.js';

const UNREADABLE = { code: 'thing-unreadable', shown: '--thing x', hint: 'give a file' };

function failure(run: () => unknown): { code: string; message: string; exitCode: number } {
  try {
    run();
  } catch (error) {
    if (isDoctorError(error)) return { code: error.code, message: error.message, exitCode: error.exitCode };
    throw error;
  }
  throw new Error('expected a DoctorError');
}

describe('readPrivateFile: one open, fstat and read through the same descriptor', () => {
  const folder = mkdtempSync(join(tmpdir(), 'read-private-file-'));

  it('returns the text and the permission bits of the file it read', () => {
    const path = join(folder, 'secret.txt');
    writeFileSync(path, 'k:s3cr3t\n');
    chmodSync(path, 0o640);
    expect(readPrivateFile('secret.txt', folder, UNREADABLE)).toEqual({ text: 'k:s3cr3t\n', mode: 0o640 });
    chmodSync(path, 0o600);
    expect(readPrivateFile(path, '/', UNREADABLE).mode).toBe(0o600);
  });

  it('a missing file is a usage error with the caller’s code and the system reason', () => {
    expect(failure(() => readPrivateFile(join(folder, 'nope'), '/', UNREADABLE))).toEqual({ code: 'thing-unreadable', message: '--thing x: cannot read the file (ENOENT)', exitCode: 2 });
  });

  it('a directory is refused as EISDIR', () => {
    mkdirSync(join(folder, 'dir'));
    expect(failure(() => readPrivateFile('dir', folder, UNREADABLE)).message).toBe('--thing x: cannot read the file (EISDIR)');
  });

  it('a FIFO is refused at once, not waited on', () => {
    const fifo = join(folder, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(failure(() => readPrivateFile(fifo, '/', UNREADABLE)).message).toBe('--thing x: cannot read the file (not a regular file)');
  });

  it('profiles read through it: a FIFO is profile-unreadable, a readable-by-others profile with a secret still only warns', () => {
    const fifo = join(folder, 'profile-fifo');
    execFileSync('mkfifo', [fifo]);
    expect(failure(() => readProfile(fifo, '/'))).toMatchObject({ code: 'profile-unreadable', message: `--provider ${fifo}: cannot read the file (not a regular file)` });
    const path = join(folder, 'acme.json');
    writeFileSync(path, JSON.stringify({ requestTokenUrl: 'https://a.example/rt', authorizeUrl: 'https://a.example/auth', accessTokenUrl: 'https://a.example/at', consumerSecret: 's3cret' }));
    chmodSync(path, 0o644);
    expect(readProfile(path, '/').warnings).toEqual([`${path} holds a secret but other users can read it (mode 0644); run chmod 600 ${path}`]);
  });

  it('a file larger than the limit is refused', () => {
    const path = join(folder, 'big.txt');
    writeFileSync(path, 'x'.repeat(2049));
    expect(failure(() => readPrivateFile(path, '/', UNREADABLE, 2048)).message).toBe('--thing x: cannot read the file (larger than 2 KiB)');
    expect(readPrivateFile(path, '/', UNREADABLE, 4096).text).toHaveLength(2049);
  });
});
