import { DoctorError } from '../errors.js';

/**
 * A capture that cannot be read is an input error (exit 2). The message
 * always names where it broke (byte offset and line, entry and field, word)
 * so the user can open the file at that place.
 */
export function captureError(code: string, message: string, hint?: string): DoctorError {
  return new DoctorError(code, 'input', message, { hint });
}

/** 1-based line and column of a byte offset in a buffer (counted only when reporting an error). */
export function lineAndColumn(buffer: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, buffer.length);
  for (let i = 0; i < end; i++) {
    if (buffer[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** `byte 1234 (line 56, column 7)`. */
export function describeOffset(buffer: Uint8Array, offset: number): string {
  const { line, column } = lineAndColumn(buffer, offset);
  return `byte ${offset} (line ${line}, column ${column})`;
}
