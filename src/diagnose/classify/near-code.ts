import { STANDARD_PROBLEM_CODES } from '../../knowledge/problems.js';

/**
 * The standard oauth_problem value (Problem Reporting §2) a value that is
 * no code was probably meant to be: `token-used`, `TOKEN_USED`,
 * `signatur_invalid`. Case, hyphens and spaces first; then at most two
 * edits (and no more than a quarter of the word), one code only: two
 * codes equally near are no answer.
 */
export function nearCode(value: string): string | undefined {
  const shaped = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (!/^[a-z_]{4,64}$/.test(shaped)) return undefined;
  if (STANDARD_PROBLEM_CODES.includes(shaped)) return shaped;
  const limit = Math.min(2, Math.floor(shaped.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const code of STANDARD_PROBLEM_CODES) {
    const d = editDistance(shaped, code, limit);
    if (d < bestDistance) {
      best = code;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && bestDistance <= limit && !tie ? best : undefined;
}

/** Levenshtein distance, stopping once it exceeds `limit` (both strings are at most 64 characters). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
