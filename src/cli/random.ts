import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Bytes from the kernel's generator. /dev/urandom where there is one: Web
 * Crypto would do the same, but its global loads node:crypto and Node's
 * stream stack first, about 3 ms of a 25 ms start (issue #8).
 */
export function randomBytes(count: number): Uint8Array {
  if (process.platform !== 'win32') {
    const fromDevice = readUrandom(count);
    if (fromDevice) return fromDevice;
  }
  return globalThis.crypto.getRandomValues(new Uint8Array(count));
}

function readUrandom(count: number): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync('/dev/urandom', 'r');
  } catch {
    return undefined; // a chroot or sandbox without /dev
  }
  try {
    const bytes = Buffer.alloc(count);
    for (let filled = 0; filled < count; ) {
      const read = readSync(fd, bytes, filled, count - filled, null);
      if (read === 0) return undefined;
      filled += read;
    }
    return bytes;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
