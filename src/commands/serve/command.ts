import type { Command } from 'commander';
import type { CommandContext } from '../../cli/command-context.js';
import { SERVE_SECRETS_HELP } from '../../cli/help-text.js';
// Both import types only: the numbers below, not the provider.
import { DEFAULTS } from '../../provider/options.js';
import { MIN_RETENTION_MS, RETENTION_TTL_FACTOR } from '../../provider/retention.js';
import type { ServeOptions } from './options.js';

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** The default retention rule as the help shows it, from the constants the provider uses. */
const DEFAULT_RETENTION = `max(${MIN_RETENTION_MS / 3_600_000}h, ${RETENTION_TTL_FACTOR} × lifetime)`;

export const TOKEN_RETENTION_HELP = `Tokens:
  A used, expired, denied or revoked token is still answered token_used,
  token_expired or token_revoked for at least ${DEFAULT_RETENTION.replace('lifetime', 'its lifetime')}
  after it stopped being usable (--token-retention to change), then forgotten
  (token_rejected). At most ${thousands(DEFAULTS.maxRequestTokens)} request tokens and ${thousands(DEFAULTS.maxAccessTokens)} access tokens
  are kept, the oldest forgotten first.`;

const SERVE_EXAMPLES = `Examples:
  oauth-doctor serve                                    prints its endpoints and a ready-made flow command
  oauth-doctor serve --auto-approve                     then, in another window, the printed command:
    oauth-doctor flow --provider local --base-url http://127.0.0.1:PORT --consumer-key KEY --authorize http
  oauth-doctor serve --dialect x --authorize-marks-used fail the way X does
  oauth-doctor serve --request-token-ttl 2s --clock-skew 10m --json
  oauth-doctor serve --oauth2 --auto-approve            an OAuth 2.0 / OpenID Connect provider for CI
  oauth-doctor serve --oauth2 --dialect google --code-ttl 5s --require-pkce`;

export const OAUTH2_SERVE_HELP = `OAuth 2.0 (--oauth2):
  An OAuth 2.0 and OpenID Connect provider (panva's oidc-provider): discovery
  (both well-known paths), JWKS, code with PKCE, device authorization, client
  credentials, refresh with rotation, PAR, userinfo, revocation, introspection.
  Clients: --client ID:SECRET, --public-client ID, --client-jwks ID:FILE
  (private_key_jwt) or OAUTH_DOCTOR_OAUTH2_CLIENTS="id:secret,…"; none: a demo
  client is generated. --access-token-ttl, --clock-skew, --auto-approve and
  --dialect (rfc6749, google, entra, github, keycloak, auth0, x) apply to it;
  --slow and --outage slow or fail its token endpoint.
  Fault switches: --code-ttl, --access-token-ttl, --refresh-token-ttl,
  --no-rotate-refresh (rotation is on: a replayed rotated refresh token is
  invalid_grant and revokes the whole grant), --clock-skew (the provider's
  clock: assertions from "the future" are invalid_client), --consent-denied
  (access_denied), --require-pkce, --require-par, --redirect-matching exact, --device-interval
  (a poll sooner gets slow_down), --slow, --outage. Durations: 500ms, 5s,
  10m, 1h, 30d (a bare number is seconds). Lifetimes are whole seconds from
  1 s (a code at most 1 d, tokens 366 d); --clock-skew within ±1 d,
  --device-interval 1 s to 1 min, --slow at most 10 min. Everything is kept in memory and forgotten
  when it stops (no --state); OAuth 1.0a-only flags are refused.
  The same switches, live, in the same bounds, from a
  loopback client with this server's Host and no foreign Origin:
    POST /admin/settings     codeTtlSec, accessTokenTtlSec, refreshTokenTtlSec,
                             clockSkewSec, deviceIntervalSec, tokenSlowMs,
                             tokenFailure (500|502|503|off), autoApprove,
                             consentDenied, rotateRefreshToken, pkceRequired,
                             parRequired,
                             redirectMatching (exact|loopback-any-port), dialect
    POST /admin/revoke-grant grantId=…  (everything issued under it goes)
    GET  /admin/state        settings, grants, and groundTruth: the engine's
                             real reason for each refusal ("authorization code
                             already consumed", "refresh token already used", …)
    POST /admin/clear-ground-truth`;

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerServe(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('run an embedded test provider: OAuth 1.0a (strict checks, real oauth_problem answers) or, with --oauth2, OAuth 2.0 / OpenID Connect (every grant, real error dialects); fault switches for both')
    .option('--port <n>', 'port to listen on (default: a free one)')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--allow-remote', 'allow a --host other than loopback (anyone who can reach it can use it)')
    .option('--consumer <key:secret>', 'register an HMAC/PLAINTEXT consumer (repeatable); none: a demo consumer is generated', collect, [])
    .option('--consumers-file <file>', 'register the consumers in this file: one KEY:SECRET per line, # comments (mode 0600)')
    .option('--rsa-consumer <key:file>', 'register an RSA consumer (RSA-SHA1, RSA-SHA256, RSA-SHA512) with its PEM public key (repeatable)', collect, [])
    .option('--throttle <key>', 'answer this consumer with consumer_key_refused (repeatable)', collect, [])
    .option('--reject <key>', 'answer this consumer with consumer_key_rejected (repeatable)', collect, [])
    .option('--oob-only <key>', 'this consumer may only use oauth_callback=oob (repeatable)', collect, [])
    .option('--dialect <name>', 'how errors are written: problem-reporting, x, oauthlib or jira; with --oauth2 rfc6749 (default), google, entra, github, keycloak, auth0 or x', 'problem-reporting')
    .option('--auto-approve', 'approve every authorisation without a page')
    .option('--request-token-ttl <duration>', 'request-token lifetime, e.g. 2s, 10m (default 10m)')
    .option('--access-token-ttl <duration>', 'access-token lifetime (default: never expires)')
    .option('--session-ttl <duration>', 'session-handle lifetime (default: never expires)')
    .option('--token-retention <duration>', `how long used/expired/revoked tokens are still recognised (default: ${DEFAULT_RETENTION})`)
    .option('--no-renew', 'refuse renewal with oauth_session_handle (token_not_renewable)')
    .option('--clock-skew <duration>', 'server clock offset, e.g. 10m or -600 (seconds)')
    .option('--timestamp-window <duration>', 'accepted oauth_timestamp distance, e.g. 5m (default 300 s)')
    .option('--signature-methods <list>', 'accepted methods, comma-separated (default: all seven, HMAC-SHA1/256/512, RSA-SHA1/256/512, PLAINTEXT)')
    .option('--outage [status]', 'answer everything with 503 (or 500/502) and an HTML page')
    .option('--slow <duration>', 'delay every response, e.g. 2s')
    .option('--authorize-limit <n/duration>', 'authorisations allowed per client address, e.g. 5/1m; past it user_refused')
    .option('--authorize-marks-used', 'opening the authorise page uses the request token up (as on X)')
    .option('--state <file>', 'keep state in this file across restarts (mode 0600, atomic writes)')
    .option('--show-secrets', 'print the secrets of registered consumers in full')
    .option('--json', 'print one JSON line on start (url, endpoints, consumers)')
    .option('--oauth2', 'run an OAuth 2.0 / OpenID Connect provider instead (see OAuth 2.0 below)')
    .option('--client <id:secret>', '--oauth2: register a confidential client (repeatable)', collect, [])
    .option('--public-client <id>', '--oauth2: register a public client, PKCE and no secret (repeatable)', collect, [])
    .option('--client-jwks <id:file>', "--oauth2: a client's public JWK Set, for private_key_jwt (repeatable)", collect, [])
    .option('--redirect-uri <uri>', '--oauth2: the redirect URIs of every client, the generated demo client too (repeatable; default loopback /callback)', collect, [])
    .option('--code-ttl <duration>', '--oauth2: authorization-code lifetime (default 60s)')
    .option('--refresh-token-ttl <duration>', '--oauth2: refresh-token lifetime (default 14 days)')
    .option('--no-rotate-refresh', '--oauth2: keep the refresh token on refresh (default: rotate; a replayed one revokes the grant)')
    .option('--require-pkce', '--oauth2: PKCE for confidential clients too (public clients always need it)')
    .option('--require-par', '--oauth2: authorization requests only through PAR (RFC 9126 §5); a plain one is invalid_request')
    .option('--consent-denied', '--oauth2: every authorisation ends in access_denied')
    .option('--redirect-matching <how>', '--oauth2: exact, or loopback-any-port (RFC 8252 §7.3, the default)')
    .option('--device-interval <duration>', '--oauth2: the device grant\'s polling interval; a poll sooner gets slow_down (default 5s)')
    .addHelpText('after', `\n${SERVE_EXAMPLES}\n\n${SERVE_SECRETS_HELP}\n\n${TOKEN_RETENTION_HELP}\n\n${OAUTH2_SERVE_HELP}`)
    .action(async (options: ServeOptions) => {
      const { refuseForeignFlags } = await import('./protocol-flags.js');
      refuseForeignFlags(options);
      if (options.oauth2) {
        const { runServeOAuth2 } = await import('./oauth2-run.js');
        return context.setExitCode(await runServeOAuth2(options, context.env));
      }
      const { runServe } = await import('./run.js');
      context.setExitCode(await runServe(options, context.env));
    });
}
