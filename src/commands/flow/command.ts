import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import { EXIT_CODES_HELP, SECRETS_HELP } from '../../cli/help-text.js';
import { checkProviderArgument } from '../../presets/lookup.js';
import { findOAuth2Preset, OAUTH2_PRESETS } from '../../presets/oauth2.js';
import type { FlowOptions } from './options.js';

/** `--provider google` (an OAuth 2.0 preset) makes the run OAuth 2.0 by itself. */
async function isOAuth2Provider(name: string | undefined, cwd: string): Promise<boolean> {
  if (name === undefined) return false;
  if (findOAuth2Preset(name) !== undefined) return true;
  // --provider FILE: an OAuth 2.0 profile makes the run OAuth 2.0 too; an unreadable or broken file is the OAuth 1.0a reader's to report.
  const { isOAuth2ProfileFile } = await import('../../presets/oauth2-profile.js');
  return isOAuth2ProfileFile(name, cwd);
}

/** Repeatable flags collect their values. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

const FLOW_HELP = `
OAuth 1.0a legs:
  ① request token (POST, oauth_callback)  ② user authorisation (browser, print or http)
  ③ access token (POST, oauth_verifier)   ④ protected resource (--resource-url or the preset's)

Examples:
  oauth-doctor flow --provider local --authorize http          the embedded provider, no browser
  oauth-doctor flow --provider x --callback oob                 X, PIN-based
  oauth-doctor flow --provider jira --base-url https://jira.example.com --private-key key.pem
  oauth-doctor flow --request-token-url U --authorize-url U --access-token-url U --json --save run.json

Providers that differ: --request-token-method GET, --oauth-params query, or "legs" in a profile;
an authorise URL template in a profile: "authorizeUrl": "https://…/authorize?key={consumer_key}&token={oauth_token}".

Presets: local, x (twitter), etrade, flickr, hatena, smugmug, yahoo, jira, netsuite, magento, tumblr, trello, garmin;
or --provider FILE, a JSON profile (see the README): a path, or a name ending in .json.
OAuth 2.0 presets: ${OAUTH2_PRESETS.map((p) => (p.aliases ? `${p.name} (${p.aliases.join(', ')})` : p.name)).join(', ')}
  (microsoft --tenant, auth0 and okta --domain, keycloak --base-url --realm).
oauth-doctor presets lists them all, with aliases and the flags each needs.

OAuth 2.0 and OpenID Connect (any of --issuer, --client-id, --grant, --token-endpoint):
  oauth-doctor flow --issuer https://as.example --client-id ID                 code + PKCE, loopback redirect
  oauth-doctor flow --issuer URL --client-id ID --grant client-credentials --then introspect,revoke
  OAUTH2_REFRESH_TOKEN=… oauth-doctor flow --issuer URL --client-id ID --grant refresh
  oauth-doctor flow --issuer URL --client-id ID --grant device --scope openid
  Steps: discovery (both well-known URLs), PAR when required, authorization, callback (state, iss),
  token (ID token checked against the JWKS), then --then userinfo,introspect,refresh,revoke.
  Secrets from OAUTH2_CLIENT_SECRET, OAUTH2_REFRESH_TOKEN, OAUTH2_PRIVATE_KEY_FILE.

In CI (CI set, or no terminal) oauth-doctor never prompts: pass --verifier or pipe it on stdin.
Proxies: HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured.`;

export function registerFlow(program: Command, context: CommandContext): void {
  program
    .command('flow')
    .description('run an OAuth 1.0a flow (three legs) or an OAuth 2.0 / OpenID Connect grant (code + PKCE, device, client credentials, refresh) one step at a time, and diagnose the step that fails')
    .option('--provider <name|file>', 'a preset of either protocol (local, x, google, …; oauth-doctor presets lists them) or a JSON profile file (a path, or a name ending in .json)')
    .option('--request-token-url <url>', 'temporary-credentials endpoint (RFC 5849 §2.1)')
    .option('--authorize-url <url>', 'resource-owner authorisation endpoint (§2.2)')
    .option('--access-token-url <url>', 'token-credentials endpoint (§2.3)')
    .option('--resource-url <url>', 'a protected resource to call with the access token')
    .option('--base-url <url>', 'your instance, for presets that need one (jira, magento); with --provider local, a running oauth-doctor serve')
    .option('--account <id>', 'NetSuite account ID, e.g. 123456 or 123456_SB1')
    .option('--consumer-key <key>', 'consumer key (or OAUTH_CONSUMER_KEY)')
    .option('--consumer-secret <secret>', 'consumer secret (or OAUTH_CONSUMER_SECRET)')
    .option('--signature-method <method>', 'HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512 or PLAINTEXT (default: the preset’s)')
    .option('--private-key <file>', 'PEM private key for RSA-SHA* (or OAUTH_PRIVATE_KEY_FILE; encrypted: OAUTH_PRIVATE_KEY_PASSPHRASE or a prompt)')
    .option('--callback <mode>', 'loopback (listen on 127.0.0.1; the default, unless the profile names a callback), oob (PIN) or a registered callback URL')
    .option('--callback-port <n>', 'port for the loopback listener (default: a free one)')
    .option('--callback-host <host>', 'host name in the loopback callback: 127.0.0.1 (default) or localhost, as registered at the provider')
    .option('--request-token-method <method>', 'method of the request-token leg (default POST; some providers take GET only)')
    .option('--access-token-method <method>', 'method of the access-token leg (default POST)')
    .option('--resource-method <method>', 'method of the protected-resource call (default GET)')
    .option('--oauth-params <where>', 'where the OAuth parameters travel: header (default), query or body')
    .option('--authorize <mode>', 'browser (default on a terminal), print, or http (fetch it; for auto-approving providers)')
    .option('--verifier <verifier>', 'the oauth_verifier (PIN) if you already have it')
    .option('--realm <realm>', 'OAuth 1.0a: realm for the Authorization header; OAuth 2.0, --provider keycloak: the realm')
    .option('--scope <scope>', 'OAuth 1.0a: scope for the request-token leg (providers that take one, e.g. hatena); OAuth 2.0: the scope to ask for')
    .option('--probe', 'fetch the authorise page first (with a request token of its own) and stop if it is a known error page')
    .option('--step', 'pause before each leg (terminal only)')
    .option('--verbose', 'show parameters, base strings, headers and redirects')
    .option('--json', 'print one JSON report on stdout (narration stays on stderr)')
    .option('--save <file>', 'write the session record (mode 0600, secrets masked) for explain --session')
    .option('--save-credentials <name>', 'on success, save the consumer and access token as NAME for request --as NAME (mode 0600)')
    .option('--timeout <duration>', 'bound on each HTTP request, e.g. 5s or 500ms (a bare number is milliseconds)', '30s')
    .option('--wait-timeout <duration>', 'bound on waiting for the person or the callback, e.g. 10m', '5m')
    .option('--ca <file>', 'trust this CA certificate (PEM) as well as the system ones')
    .option('--lang <lang>', 'language of the diagnosis: en or ja (default: from LANG)')
    .option('--show-secrets', 'print secrets in full')
    .option('--issuer <url>', 'OAuth 2.0: the authorization server; its metadata is discovered (RFC 8414, OpenID Connect Discovery)')
    .option('--client-id <id>', 'OAuth 2.0: client_id (or OAUTH2_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth 2.0: client secret (or OAUTH2_CLIENT_SECRET)')
    .option('--grant <grant>', 'OAuth 2.0: code (default), device, client-credentials or refresh')
    .option('--client-auth <method>', 'OAuth 2.0: basic, post, none, private-key-jwt or client-secret-jwt (default: from what is given)')
    .option('--key-id <kid>', 'OAuth 2.0: kid in the private_key_jwt assertion header')
    .option('--assertion-aud <aud>', 'OAuth 2.0: the client assertion’s aud: token-endpoint (default) or issuer')
    .option('--assertion-alg <alg>', 'OAuth 2.0: the client assertion’s algorithm (default: from the key; HS256 for client-secret-jwt)')
    .option('--refresh-token <token>', 'OAuth 2.0: for --grant refresh (or OAUTH2_REFRESH_TOKEN)')
    .option('--pkce <method>', 'OAuth 2.0: S256 (default), plain, or off')
    .option('--par [when]', 'OAuth 2.0: pushed authorization request (RFC 9126): auto (when required, default), always, never')
    .option('--then <steps>', 'OAuth 2.0: after the grant, any of userinfo,introspect,refresh,revoke in order')
    .option('--code-lifetime <seconds>', 'OAuth 2.0: the provider’s authorization-code lifetime, for the diagnosis')
    .option('--authorization-endpoint <url>', 'OAuth 2.0: instead of (or over) discovery')
    .option('--token-endpoint <url>', 'OAuth 2.0: instead of (or over) discovery')
    .option('--device-authorization-endpoint <url>', 'OAuth 2.0: instead of (or over) discovery')
    .option('--par-endpoint <url>', 'OAuth 2.0: instead of (or over) discovery')
    .option('--revocation-endpoint <url>', 'OAuth 2.0: instead of (or over) discovery')
    .option('--introspection-endpoint <url>', 'OAuth 2.0: instead of (or over) discovery')
    .option('--userinfo-endpoint <url>', 'OAuth 2.0: instead of (or over) discovery')
    .option('--jwks-uri <url>', 'OAuth 2.0: instead of (or over) discovery')
    .option('--tenant <tenant>', 'OAuth 2.0, --provider microsoft: a tenant ID or domain, common (default), organizations or consumers')
    .option('--domain <domain>', 'OAuth 2.0, --provider auth0 or okta: your tenant’s domain')
    .option('--authorize-param <name=value>', 'OAuth 2.0: an extra authorization request parameter (repeatable; prompt=consent, audience=…)', collect)
    .option('--token-param <name=value>', 'OAuth 2.0: an extra token request parameter (repeatable; audience=… for client credentials)', collect)
    .option('--exchange-twice', 'OAuth 2.0 rehearsal: exchange the code a second time, as a doubled callback would')
    .option('--token-redirect-uri <uri>', 'OAuth 2.0 rehearsal: send this redirect_uri to the token endpoint instead of the one authorised')
    .option('--code-verifier <verifier>', 'OAuth 2.0 rehearsal: send this code_verifier instead of the one made for the challenge')
    .addHelpText('after', `${FLOW_HELP}\n\n${EXIT_CODES_HELP}\n\n${SECRETS_HELP}`)
    .action(async (options: FlowOptions) => {
      checkProviderArgument(options.provider, context.env.cwd);
      if (options.issuer !== undefined || options.grant !== undefined || options.clientId !== undefined || options.tokenEndpoint !== undefined || (await isOAuth2Provider(options.provider, context.env.cwd))) {
        const { runOAuth2FlowCommand } = await import('./oauth2-run.js');
        context.setExitCode(await runOAuth2FlowCommand(options, context.env));
        return;
      }
      const { runFlowCommand } = await import('./run.js');
      context.setExitCode(await runFlowCommand(options, context.env));
    });
}
