/**
 * Masks a secret so two values can be told apart but neither can be used: a
 * short prefix (at most a quarter of the value, never more than 4 characters)
 * and the length. `kd94hf93k423kf44` → `kd94…(16 chars)`.
 */
export function maskSecret(value: string): string {
  if (value === '') return '(empty)';
  const length = [...value].length;
  const shown = Math.min(4, Math.floor(length / 4));
  return `${[...value].slice(0, shown).join('')}…(${length} chars)`;
}
