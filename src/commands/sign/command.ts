import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import { SECRETS_HELP } from '../../cli/help-text.js';
import type { SignOptions } from './options.js';

const SIGN_EXAMPLES = `Examples:
  oauth-doctor sign --url 'https://api.x.com/1.1/statuses/update.json?include_entities=true' \\
    --data 'status=Hello%20Ladies%20%2B%20Gentlemen'        a body means POST, as for curl
  oauth-doctor sign --url https://api.example.com/initiate -X POST --callback oob --json
  oauth-doctor sign --url https://api.example.com/me --timestamp 1318622958 --nonce abc \\
    --show-secrets                                           compare with another client's signature
  Credentials come from OAUTH_CONSUMER_KEY, OAUTH_CONSUMER_SECRET, OAUTH_TOKEN, OAUTH_TOKEN_SECRET.`;

export function registerSign(program: Command, context: CommandContext): void {
  program
    .command('sign')
    .description('sign one request without sending it, and show the working (parameters, base string, key, header, curl)')
    .option('--url <url>', 'the absolute URL of the request (query included)')
    .option('-X, --method <method>', 'HTTP method (default: POST with --data, as curl does; else GET)')
    .option('--consumer-key <key>', 'consumer key (or OAUTH_CONSUMER_KEY)')
    .option('--consumer-secret <secret>', 'consumer secret (or OAUTH_CONSUMER_SECRET)')
    .option('--token <token>', 'token (or OAUTH_TOKEN)')
    .option('--token-secret <secret>', 'token secret (or OAUTH_TOKEN_SECRET)')
    .option('--callback <url>', 'oauth_callback (request-token leg), e.g. oob')
    .option('--verifier <verifier>', 'oauth_verifier (access-token leg)')
    .option('-d, --data <body>', 'request body; signed as parameters when it is a form body')
    .option('--content-type <type>', 'body content type', 'application/x-www-form-urlencoded')
    .option('--body-hash', 'add oauth_body_hash (for a body that is not a form, or no body)')
    .option('--signature-method <method>', 'HMAC-SHA1 (default), HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512 or PLAINTEXT', 'HMAC-SHA1')
    .option('--private-key <file>', 'PEM private key for RSA-SHA* (or OAUTH_PRIVATE_KEY_FILE; encrypted: OAUTH_PRIVATE_KEY_PASSPHRASE or a prompt)')
    .option('--realm <realm>', 'realm for the Authorization header (never signed)')
    .option('--timestamp <seconds>', 'fixed oauth_timestamp (default: now)')
    .option('--nonce <nonce>', 'fixed oauth_nonce (default: random)')
    .option('--no-version', 'omit oauth_version (it is optional)')
    .option('--show-secrets', 'print secrets in full')
    .option('--json', 'print one JSON object on stdout')
    .addHelpText('after', `\n${SIGN_EXAMPLES}\n\n${SECRETS_HELP}`)
    .action(async (options: SignOptions) => {
      const { runSign } = await import('./run.js');
      context.setExitCode(await runSign(options, context.env));
    });
}
