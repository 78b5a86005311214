import { consumerSecretsIn, CONSUMERS_VARIABLE } from '../commands/serve/consumer-list.js';
import { Redactor } from '../secrets/redactor.js';

/** Flags whose value is a secret, in every command that takes one. */
const SECRET_FLAGS = new Set(['--consumer-secret', '--token-secret', '--token', '--verifier', '--client-secret', '--refresh-token', '--code-verifier', '--bearer']);
/**
 * Shorter values are masked only where they stand as a value (a field, a
 * quoted flag value, secret-pattern.ts), not wherever they appear: a test
 * value such as `secret` would otherwise mask the words of our own messages
 * ("a token secret was given…", "Did you mean --consumer-secret?").
 */
const ANYWHERE_FROM = 8;
/** Environment variables holding secrets (src/cli/credentials.ts). */
const SECRET_VARIABLES = ['OAUTH_CONSUMER_SECRET', 'OAUTH_TOKEN', 'OAUTH_TOKEN_SECRET', 'OAUTH2_CLIENT_SECRET', 'OAUTH2_REFRESH_TOKEN', 'OAUTH2_ACCESS_TOKEN'] as const;

/**
 * The secrets a person handed to this invocation, read straight from argv
 * and the environment, so that an error raised before a command has set up
 * its own Redactor (a bad flag after the secrets, a commander error) still
 * prints them masked. `serve --consumer KEY:SECRET` counts too.
 */
export function invocationSecrets(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  const found: string[] = [];
  argv.forEach((arg, i) => {
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = name === arg ? argv[i + 1] : arg.slice(eq + 1);
    // A flag name as the "value" means the value was left out; commander reports that.
    if (value === undefined || (name === arg && value.startsWith('--'))) return;
    // `--bearer @FILE` and `--bearer -env` name where the token is, not the token.
    if (SECRET_FLAGS.has(name) && !(name === '--bearer' && (value.startsWith('@') || value === '-env'))) found.push(value);
    if ((name === '--consumer' || name === '--client') && value.includes(':')) found.push(value.slice(value.indexOf(':') + 1));
  });
  for (const variable of SECRET_VARIABLES) {
    const value = env[variable];
    if (value) found.push(value);
  }
  // serve's OAUTH_DOCTOR_CONSUMERS, split as serve splits it.
  found.push(...consumerSecretsIn(env[CONSUMERS_VARIABLE] ?? ''));
  // serve --oauth2's OAUTH_DOCTOR_OAUTH2_CLIENTS, the same shape.
  found.push(...consumerSecretsIn(env['OAUTH_DOCTOR_OAUTH2_CLIENTS'] ?? ''));
  // Every length (issue 14 item 11): 4–7 characters were printed in early error messages.
  return found.filter((value) => value !== '');
}

/** A Redactor for the top-level catch: masks the invocation's secrets unless --show-secrets was given. */
export function invocationRedactor(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Redactor {
  const redactor = new Redactor(!argv.includes('--show-secrets'), { anywhereFrom: ANYWHERE_FROM });
  for (const secret of invocationSecrets(argv, env)) redactor.add(secret);
  return redactor;
}

/**
 * Commander quotes an unknown option as typed; `--consumer-secert=VALUE`
 * (a typo) would print VALUE. Keep the name, drop the value.
 */
export function withoutOptionValues(message: string): string {
  return message.replace(/(unknown option '-[^'=\s]*)=[^']*'/g, "$1=…'");
}
