import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import { EXIT_CODES_HELP, SECRETS_HELP } from '../../cli/help-text.js';
import { checkProviderArgument } from '../../presets/lookup.js';
import type { RequestOptions } from './options.js';

const REQUEST_HELP = `
Arguments:
  [METHOD] URL   METHOD is optional: GET, or POST when there is a body (as in curl); -X wins.

Bodies (as curl): -d/--data TEXT (repeatable, joined with &; a form unless -H Content-Type says
otherwise), -d @FILE, -d @- (stdin), --form k=v (repeatable, encoded for you), --json-body JSON
(application/json; @FILE and @- too). A form body is signed (RFC 5849 §3.4.1.3.1); any other body
is not, unless oauth_body_hash covers it (--body-hash, automatic for providers that hash every body).

Credentials, first found wins: flags, --as NAME (a saved credential), the OAUTH_* variables, a
--provider FILE profile. Save what worked with --save-credentials NAME (or flow --save-credentials).
OAuth 2.0: --bearer TOKEN, --as NAME, or --provider FILE of an OAuth 2.0 profile alone (the token
flow --provider FILE --save-credentials NAME saved for its client, else OAUTH2_ACCESS_TOKEN).

Examples:
  oauth-doctor request --as x-me https://api.x.com/1.1/account/verify_credentials.json
  oauth-doctor request --as x-me POST https://api.x.com/1.1/statuses/update.json --form 'status=Hello + 😀'
  oauth-doctor request --provider mastercard --consumer-key K --private-key key.pem \\
      https://sandbox.api.mastercard.com/atms/v1/atm?PageLength=1
  oauth-doctor request --bearer -env https://api.example.com/me      OAuth 2.0 (OAUTH2_ACCESS_TOKEN)
  oauth-doctor request --as local PUT http://127.0.0.1:8080/api/items/1 --json-body '{"name":"é"}' --json | jq .diagnosis

The response body goes to stdout (JSON pretty-printed); the request, the response headers, timings
and any diagnosis go to stderr. --json prints one report {request, response, diagnosis} instead.`;

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerRequest(program: Command, context: CommandContext): void {
  program
    .command('request')
    .description('send one API call (any method), signed with OAuth 1.0a or carrying an OAuth 2.0 bearer token; show request and response, and diagnose a refusal — the twurl of any provider')
    .argument('<method-or-url>', 'the HTTP method, or the URL')
    .argument('[url]', 'the URL, when a method comes first')
    .option('-X, --method <method>', 'HTTP method (default GET, or POST with a body)')
    .option('-d, --data <data>', 'request body (repeatable, joined with &); @FILE reads a file, @- stdin', collect, [])
    .option('--form <name=value>', 'a form field, percent-encoded for you (repeatable)', collect, [])
    .option('--json-body <json>', 'a JSON body (Content-Type: application/json); @FILE or @- too')
    .option('-H, --header <header>', 'an extra header, "Name: value" (repeatable)', collect, [])
    .option('--placement <where>', 'where the OAuth parameters go: header (default), query or body (RFC 5849 §3.5)')
    .option('--realm <realm>', 'realm for the Authorization header (never signed)')
    .option('--body-hash', 'add oauth_body_hash (automatic where the provider wants it)')
    .option('--no-body-hash', 'never add oauth_body_hash, whatever the provider')
    .option('--provider <name|file>', 'a preset (x, mastercard, netsuite, …; oauth-doctor presets lists them) or a JSON profile (a path, or a name ending in .json): its signature method, realm and body-hash rule (default: from the URL); an OAuth 2.0 profile or preset without --bearer: the token flow --save-credentials saved for its client')
    .option('--as <name>', 'sign with a saved credential (see oauth-doctor credentials list)')
    .option('--save-credentials <name>', 'save the credentials used, when the call succeeds (mode 0600)')
    .option('--consumer-key <key>', 'consumer key (or OAUTH_CONSUMER_KEY)')
    .option('--consumer-secret <secret>', 'consumer secret (or OAUTH_CONSUMER_SECRET)')
    .option('--token <token>', 'access token (or OAUTH_TOKEN)')
    .option('--token-secret <secret>', 'token secret (or OAUTH_TOKEN_SECRET)')
    .option('--signature-method <method>', 'HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512 or PLAINTEXT (default: the credential’s, the provider’s, else HMAC-SHA1)')
    .option('--private-key <file>', 'PEM private key for RSA-SHA* (or OAUTH_PRIVATE_KEY_FILE; encrypted: OAUTH_PRIVATE_KEY_PASSPHRASE or a prompt)')
    .option('--bearer <token>', 'OAuth 2.0: send this access token (RFC 6750); @FILE a flow --save session, -env OAUTH2_ACCESS_TOKEN')
    .option('--refresh-on-401', 'OAuth 2.0: on a 401 invalid_token, refresh the token once and retry (the refresh token of --as NAME or OAUTH2_REFRESH_TOKEN; the token endpoint of the credential or of --provider FILE)')
    .option('--timeout <duration>', 'bound on the request, e.g. 15s or 500ms (a bare number is milliseconds)', '30s')
    .option('--ca <file>', 'trust this CA certificate (PEM) as well as the system ones')
    .option('--json', 'print one JSON report on stdout: request, response, diagnosis')
    .option('--lang <lang>', 'language of the diagnosis: en or ja (default: from LANG)')
    .option('--show-secrets', 'print secrets in full')
    .addHelpText('after', `${REQUEST_HELP}\n\n${EXIT_CODES_HELP}\n\n${SECRETS_HELP}`)
    .action(async (first: string, second: string | undefined, options: RequestOptions) => {
      checkProviderArgument(options.provider, context.env.cwd);
      if (options.bearer !== undefined) {
        const { runBearerRequest } = await import('./bearer.js');
        context.setExitCode(await runBearerRequest(first, second, { ...options, bearer: options.bearer }, context.env));
        return;
      }
      const { runRequest } = await import('./run.js');
      context.setExitCode(await runRequest(first, second, options, context.env));
    });
}
