// What an option's value (or a command's argument) may be, for completion:
// one row per option, each naming the data it comes from, so a new preset,
// dialect or problem code completes without touching this file. The rows
// whose values have no table in src/ say where the command reads them.
import { OAUTH2_PRESETS, PRESETS } from '../../presets/index.js';
import { AFTER_STEPS } from '../../flow/oauth2/types.js';
import { DIALECTS } from '../../provider/options.js';
import { OAUTH2_DIALECTS } from '../../provider/oauth2/options.js';
import { SIGNATURE_METHODS } from '../../oauth/types.js';
import { PROBLEMS } from '../../knowledge/problems.js';
import { SCENARIOS } from '../demo/scenarios.js';
import { OAUTH2_SCENARIOS } from '../demo/oauth2-scenarios.js';
import type { Lang } from '../../diagnose/lang.js';

export interface ValueRow {
  /** The command, or '*' for every command that has the option. */
  readonly command: string;
  /** The option's long flag, or '<argument>' for the command's positional argument. */
  readonly option: string;
  readonly values: () => readonly string[];
  /** A value may also be a file (a JSON profile, a capture): the shell offers files too. */
  readonly files?: boolean;
}

const LANGS: readonly Lang[] = ['en', 'ja']; // src/diagnose/lang.ts `Lang`

export const VALUE_ROWS: readonly ValueRow[] = [
  { command: 'flow', option: '--provider', values: () => [...PRESETS, ...OAUTH2_PRESETS].flatMap((p) => [p.name, ...(p.aliases ?? [])]), files: true },
  // OAuth 1.0a's (serve) and OAuth 2.0's (serve --oauth2).
  { command: 'serve', option: '--dialect', values: () => [...new Set([...DIALECTS, ...OAUTH2_DIALECTS])] },
  { command: 'serve', option: '--signature-methods', values: () => SIGNATURE_METHODS },
  { command: '*', option: '--signature-method', values: () => SIGNATURE_METHODS },
  { command: '*', option: '--lang', values: () => LANGS },
  { command: 'demo', option: '--only', values: () => [...SCENARIOS, ...OAUTH2_SCENARIOS].map((s) => s.id) },
  // src/commands/demo/run.ts `DEMO_PROTOCOLS`, and its default.
  { command: 'demo', option: '--protocol', values: () => ['oauth1', 'oauth2', 'both'] },
  // src/provider/oauth2/options.ts `RedirectMatching`.
  { command: 'serve', option: '--redirect-matching', values: () => ['exact', 'loopback-any-port'] },
  // src/commands/flow/config.ts reads these.
  { command: 'flow', option: '--authorize', values: () => ['browser', 'print', 'http'] },
  { command: 'flow', option: '--callback', values: () => ['loopback', 'oob'] },
  // src/commands/flow/oauth2-config.ts reads these (OAuth 2.0 runs); --then from AFTER_STEPS, comma-separated.
  { command: 'flow', option: '--grant', values: () => ['code', 'device', 'client-credentials', 'refresh'] },
  { command: 'flow', option: '--client-auth', values: () => ['basic', 'post', 'none', 'private-key-jwt', 'client-secret-jwt'] },
  { command: 'flow', option: '--pkce', values: () => ['S256', 'plain', 'off'] },
  { command: 'flow', option: '--par', values: () => ['auto', 'always', 'never'] },
  { command: 'flow', option: '--assertion-aud', values: () => ['token-endpoint', 'issuer'] },
  { command: 'flow', option: '--then', values: () => AFTER_STEPS },
  { command: 'flow', option: '--tenant', values: () => ['common', 'organizations', 'consumers'] },
  // src/capture/types.ts `CaptureFormat`; src/provider/options.ts `OutageOptions`.
  { command: 'inspect', option: '--format', values: () => ['har', 'curl', 'http'] },
  { command: 'serve', option: '--outage', values: () => ['503', '500', '502'] },
  { command: 'explain', option: '<argument>', values: () => PROBLEMS.map((p) => p.code), files: true },
  { command: 'completion', option: '<argument>', values: () => SHELLS },
];

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
