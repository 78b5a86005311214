// The sign command's options: the table commander registers (command.ts) and
// the command's own bundle reads (main.ts, src/cli/command-line.ts), and
// their type as both hand them over. A leaf of its own, so
// command.ts and the modules it loads lazily both read it without importing
// each other (issue 13: no import cycle).
import type { CommandLineTable } from '../../cli/command-line.js';

export const SIGN_COMMAND_LINE: CommandLineTable = {
  operands: 'none',
  options: [
    { flags: '--url <url>', description: 'the absolute URL of the request (query included)' },
    { flags: '-X, --method <method>', description: 'HTTP method (default: POST with --data, as curl does; else GET)' },
    { flags: '--consumer-key <key>', description: 'consumer key (or OAUTH_CONSUMER_KEY)' },
    { flags: '--consumer-secret <secret>', description: 'consumer secret (or OAUTH_CONSUMER_SECRET)' },
    { flags: '--token <token>', description: 'token (or OAUTH_TOKEN)' },
    { flags: '--token-secret <secret>', description: 'token secret (or OAUTH_TOKEN_SECRET)' },
    { flags: '--callback <url>', description: 'oauth_callback (request-token leg), e.g. oob' },
    { flags: '--verifier <verifier>', description: 'oauth_verifier (access-token leg)' },
    { flags: '-d, --data <body>', description: 'request body; signed as parameters when it is a form body' },
    { flags: '--content-type <type>', description: 'body content type', default: 'application/x-www-form-urlencoded' },
    { flags: '--body-hash', description: 'add oauth_body_hash (for a body that is not a form, or no body)' },
    { flags: '--signature-method <method>', description: 'HMAC-SHA1 (default), HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512 or PLAINTEXT', default: 'HMAC-SHA1' },
    { flags: '--private-key <file>', description: 'PEM private key for RSA-SHA* (or OAUTH_PRIVATE_KEY_FILE; encrypted: OAUTH_PRIVATE_KEY_PASSPHRASE or a prompt)' },
    { flags: '--realm <realm>', description: 'realm for the Authorization header (never signed)' },
    { flags: '--timestamp <seconds>', description: 'fixed oauth_timestamp (default: now)' },
    { flags: '--nonce <nonce>', description: 'fixed oauth_nonce (default: random)' },
    { flags: '--no-version', description: 'omit oauth_version (it is optional)' },
    { flags: '--show-secrets', description: 'print secrets in full' },
    { flags: '--json', description: 'print one JSON object on stdout' },
  ],
};

export interface SignOptions {
  url?: string;
  method?: string;
  consumerKey?: string;
  consumerSecret?: string;
  token?: string;
  tokenSecret?: string;
  callback?: string;
  verifier?: string;
  data?: string;
  contentType?: string;
  bodyHash?: boolean;
  signatureMethod?: string;
  privateKey?: string;
  realm?: string;
  timestamp?: string;
  nonce?: string;
  version: boolean;
  showSecrets?: boolean;
  json?: boolean;
}
