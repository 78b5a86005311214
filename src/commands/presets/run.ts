import { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { createOutput } from '../../cli/output.js';
import { presetListings, type PresetListing } from '../../presets/lookup.js';
import type { PresetsOptions } from './options.js';

const HEADINGS: Readonly<Record<PresetListing['protocol'], string>> = {
  oauth1: 'OAuth 1.0a presets (flow, request)',
  oauth2: 'OAuth 2.0 / OpenID Connect presets (flow; request with the token flow saved)',
};

/** The text: one heading per protocol, a row a preset (name, aliases, flags it needs, title). Pure, for tests. */
function renderPresets(listings: readonly PresetListing[]): string[] {
  const lines: string[] = [];
  const nameWidth = Math.max(...listings.map((p) => p.name.length));
  const extraOf = (p: PresetListing) => [p.aliases.length > 0 ? `also ${p.aliases.join(', ')}` : '', p.needs.length > 0 ? `needs ${p.needs.join(' ')}` : '', p.flow ? '' : 'request only'].filter(Boolean).join('; ');
  const extraWidth = Math.max(...listings.map((p) => extraOf(p).length));
  for (const protocol of ['oauth1', 'oauth2'] as const) {
    if (lines.length > 0) lines.push('');
    lines.push(HEADINGS[protocol]);
    for (const p of listings.filter((l) => l.protocol === protocol)) lines.push(`  ${p.name.padEnd(nameWidth)}  ${extraOf(p).padEnd(extraWidth)}  ${p.title}`.trimEnd());
  }
  lines.push('', 'Use: --provider NAME (or an alias); a path or a .json name is a JSON profile (see the README).');
  return lines;
}

export async function runPresets(options: PresetsOptions, env: Environment): Promise<ExitCode> {
  const output = await createOutput(env);
  const listings = presetListings();
  if (options.json) output.json({ presets: listings });
  else output.results(renderPresets(listings));
  return ExitCode.Ok;
}

