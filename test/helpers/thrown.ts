import { isDoctorError, type DoctorError } from '../../src/errors.js';

/** The DoctorError `fn` throws; anything else (another error, or no throw) fails the test. */
export function thrown(fn: () => unknown): DoctorError {
  try {
    fn();
  } catch (error) {
    if (isDoctorError(error)) return error;
    throw new Error(`not a DoctorError: ${String(error)}`);
  }
  throw new Error('did not throw');
}
