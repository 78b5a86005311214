import type { Environment } from '../cli/environment.js';
import { inputError, usageError } from '../errors.js';

export interface StdinReading {
  /** When given, a terminal on stdin is refused with this hint (`pipe the response in, e.g. …`); otherwise typed input is read until EOF. */
  readonly ttyHint?: string | undefined;
  /** Past this many bytes the read stops with `input-too-large`; no limit when undefined. */
  readonly maxBytes?: number | undefined;
  readonly tooLargeHint?: string | undefined;
}

/**
 * Reads all of stdin for a `-` argument, as bytes. With `ttyHint`, a terminal
 * on stdin is a usage error rather than a silent wait for input nobody meant
 * to type.
 */
export async function readStdin(env: Environment, reading: StdinReading): Promise<Buffer> {
  if (reading.ttyHint !== undefined && env.stdinIsTTY) throw usageError('stdin-is-terminal', '"-" reads stdin, but stdin is a terminal', reading.ttyHint);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of env.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (reading.maxBytes !== undefined && size > reading.maxBytes) throw inputError('input-too-large', `stdin is larger than ${reading.maxBytes} bytes`, reading.tooLargeHint);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
