import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError, type DoctorError } from '../errors.js';
import { OAUTH2_PRESETS, OAUTH2_VARIABLE_FLAGS } from './oauth2.js';
import { PRESETS } from './presets.js';

/** One row of `oauth-doctor presets`: both protocols' presets, with the other names `--provider` takes. */
export interface PresetListing {
  readonly name: string;
  readonly protocol: 'oauth1' | 'oauth2';
  readonly aliases: readonly string[];
  readonly title: string;
  /** Flags the preset cannot do without (`--base-url` for jira, `--domain` for auth0). */
  readonly needs: readonly string[];
  /** false: no three-legged flow (mastercard: `request` only). */
  readonly flow: boolean;
}

/** Every preset, OAuth 1.0a first, in the order of their tables. */
export function presetListings(): PresetListing[] {
  const oauth1 = PRESETS.map((p): PresetListing => {
    const templates = [p.requestTokenUrl, p.authorizeUrl, p.accessTokenUrl, p.resourceUrl ?? '', p.realm ?? ''].join(' ');
    // `local` fills {base} itself (it starts the embedded provider, or takes --base-url of a running serve).
    const needs = p.name === 'local' ? [] : [...(templates.includes('{base}') ? ['--base-url'] : []), ...(/\{(account|realm)\}/.test(templates) ? ['--account'] : [])];
    return { name: p.name, protocol: 'oauth1', aliases: p.aliases ?? [], title: p.title, needs, flow: p.threeLegged !== false };
  });
  const oauth2 = OAUTH2_PRESETS.map(
    (p): PresetListing => ({
      name: p.name,
      protocol: 'oauth2',
      aliases: p.aliases ?? [],
      title: p.title,
      needs: (p.variables ?? []).filter((v) => p.defaults?.[v] === undefined).map((v) => OAUTH2_VARIABLE_FLAGS[v]),
      flow: true,
    }),
  );
  return [...oauth1, ...oauth2];
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions,
 * so `googel` is one edit from `google`, `twiter` one from `twitter`).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The preset names (and aliases) nearest to what was typed, best first: within
 * a third of the word's length in edits (at least one), or one starting with it
 * (`micro` → microsoft) or it starting with one (`google-oidc` → google).
 * An alias is shown with its preset: `twitter (x)`.
 */
export function suggestPresets(typed: string, listings: readonly PresetListing[] = presetListings()): string[] {
  const wanted = typed.trim().toLowerCase();
  if (wanted === '') return [];
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  const scored: { shown: string; score: number }[] = [];
  for (const preset of listings) {
    for (const word of [preset.name, ...preset.aliases]) {
      const distance = editDistance(wanted, word);
      const prefix = wanted.length >= 2 && (word.startsWith(wanted) || (word.length >= 2 && wanted.startsWith(word) && /^[-_.]/.test(wanted.slice(word.length))));
      if (distance > limit && !prefix) continue;
      scored.push({ shown: word === preset.name ? word : `${word} (${preset.name})`, score: prefix ? Math.min(distance, limit) : distance });
    }
  }
  scored.sort((x, y) => x.score - y.score);
  return [...new Set(scored.map((s) => s.shown))].slice(0, 3);
}

/** `--provider VALUE` names a file by its shape: a path separator, or a name ending in .json. */
function looksLikeFile(value: string): boolean {
  return /[/\\]/.test(value) || /\.json$/i.test(value);
}

function isPresetName(value: string): boolean {
  const wanted = value.toLowerCase();
  return presetListings().some((p) => p.name === wanted || p.aliases.includes(wanted));
}

const LIST_HINT = 'oauth-doctor presets lists them all';

/** The one line for a name that is no preset (and no file): the nearest names, and where the list is. */
export function unknownProviderError(value: string): DoctorError {
  const nearest = suggestPresets(value);
  const guess = nearest.length > 0 ? `did you mean ${nearest.join(', ')}? ` : '';
  return usageError('unknown-provider', `--provider ${value}: unknown provider (no preset has that name, and there is no file ${value} here)`, `${guess}${LIST_HINT}`);
}

/**
 * Checks `--provider VALUE` before any command reads it. A preset name (either
 * protocol) or an existing file passes. Otherwise one line, exit 2: a
 * file-shaped value is a missing file (and the preset it may have meant); a
 * name is an unknown provider with the nearest names and how to list them.
 */
export function checkProviderArgument(value: string | undefined, cwd: string): void {
  if (value === undefined || isPresetName(value) || existsSync(resolve(cwd, value))) return;
  if (!looksLikeFile(value)) throw unknownProviderError(value);
  const stem = value.replace(/^.*[/\\]/, '').replace(/\.json$/i, '');
  const hint = isPresetName(stem) ? `check the path, or for the preset give --provider ${stem.toLowerCase()}` : `check the path; a preset is given by its name (${LIST_HINT})`;
  throw usageError('provider-file-missing', `--provider ${value}: no such file (a path, or a name ending in .json, is read as a JSON profile)`, hint);
}
