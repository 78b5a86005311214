import { DoctorError } from '../errors.js';
import { secretsInText } from '../diagnose/secrets-in-text.js';
import { Redactor } from '../secrets/redactor.js';

/**
 * A capture that cannot be read is an input error (exit 2). The message
 * always names where it broke (byte offset and line, entry and field, word)
 * so the user can open the file at that place. It may quote the capture
 * (a URL, a header line), so the credentials in the quote are masked: the
 * error is printed before inspect has read the capture's secrets.
 */
export function captureError(code: string, message: string, hint?: string): DoctorError {
  const redactor = new Redactor();
  for (const secret of secretsInText(`${message}\n${hint ?? ''}`)) redactor.add(secret);
  return new DoctorError(code, 'input', redactor.redact(message), { hint: hint === undefined ? undefined : redactor.redact(hint) });
}
