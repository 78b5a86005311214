import { Redactor } from '../../src/secrets/redactor.js';

/** The i-th of many secrets of one shape, `tok0000000` … (ten characters, so a cut one still starts alike). */
export const numberedSecret = (i: number): string => `tok${String(i).padStart(7, '0')}`;

/** A redactor that knows `count` numbered secrets: how a long inspect run ends up. */
export function redactorWithSecrets(count: number): Redactor {
  const redactor = new Redactor();
  for (let i = 0; i < count; i++) redactor.add(numberedSecret(i));
  return redactor;
}
