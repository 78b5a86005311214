import type { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { createOutput, type Output } from '../../cli/output.js';
import type { ServeOptions } from './options.js';
import { checkHost, serveUntilStopped, untilAborted } from './lifecycle.js';
import { oauth2FlowCommandFor } from './flow-command.js';
import { oauth2ProviderOptions } from './oauth2-options.js';
import { initialSettings } from '../../provider/oauth2/options.js';

import type { RunningOAuth2Provider as Running } from '../../provider/oauth2/index.js';

/** The authentication methods a client may use at the token endpoint (RFC 8414 §2 names). */
function authMethods(client: Running['clients'][number]): string[] {
  if (client.secret !== undefined) return ['client_secret_basic', 'client_secret_post', 'client_secret_jwt', ...(client.jwks ? ['private_key_jwt'] : [])];
  return client.privateKeyJwtOnly ? ['private_key_jwt'] : ['none'];
}

/** Clients for the JSON line: a generated secret in full (it is meant to be used), a user's masked unless --show-secrets. */
function clientSummary(provider: Running, output: Output) {
  return provider.clients.map((c) => {
    const masked = !c.generated && c.secret !== undefined && output.redactor.active;
    return {
      clientId: c.clientId,
      secret: c.secret === undefined ? undefined : masked ? output.redactor.mask(c.secret) : c.secret,
      secretMasked: masked,
      public: c.secret === undefined && !c.privateKeyJwtOnly,
      generated: Boolean(c.generated),
      authMethods: authMethods(c),
      redirectUris: c.redirectUris ?? provider.defaultRedirectUris,
    };
  });
}

/** A duration as its flag takes it: the largest whole unit (`30d`, `10m`, `90s`, `500ms`). */
function flagDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (abs % size === 0) return `${sign}${abs / size}${unit}`;
  return `${sign}${abs}ms`;
}

/**
 * The fault switches in effect, as the flags that set them (what differs
 * from initialSettings()), for the text listing: the --json line and GET
 * /admin/state carry the settings themselves.
 */
function switchesInEffect(settings: Running['settings']): string[] {
  const d = initialSettings();
  const out: string[] = [];
  const flag = (on: boolean, text: string) => on && out.push(text);
  flag(settings.parRequired, '--require-par');
  flag(settings.pkceRequired, '--require-pkce');
  flag(settings.consentDenied, '--consent-denied');
  flag(!settings.rotateRefreshToken, '--no-rotate-refresh');
  flag(settings.redirectMatching !== d.redirectMatching, `--redirect-matching ${settings.redirectMatching}`);
  flag(settings.codeTtlSec !== d.codeTtlSec, `--code-ttl ${flagDuration(settings.codeTtlSec * 1000)}`);
  flag(settings.accessTokenTtlSec !== d.accessTokenTtlSec, `--access-token-ttl ${flagDuration(settings.accessTokenTtlSec * 1000)}`);
  flag(settings.refreshTokenTtlSec !== d.refreshTokenTtlSec, `--refresh-token-ttl ${flagDuration(settings.refreshTokenTtlSec * 1000)}`);
  flag(settings.clockSkewSec !== d.clockSkewSec, `--clock-skew ${flagDuration(settings.clockSkewSec * 1000)}`);
  flag(settings.deviceIntervalSec !== d.deviceIntervalSec, `--device-interval ${flagDuration(settings.deviceIntervalSec * 1000)}`);
  flag(settings.tokenSlowMs !== d.tokenSlowMs, `--slow ${flagDuration(settings.tokenSlowMs)}`);
  flag(settings.tokenFailure !== undefined, `--outage ${settings.tokenFailure ?? ''}`);
  return out;
}

function printStart(provider: Running, output: Output): void {
  const { endpoints, settings } = provider;
  const dim = output.out.dim;
  output.result(`${output.out.bold('oauth-doctor OAuth 2.0 / OpenID Connect test provider')} at ${provider.issuer}  ${dim(`(dialect ${settings.dialect})`)}`);
  output.result();
  const rows: [string, string, string?][] = [
    ['discovery', endpoints.discovery],
    ['RFC 8414 metadata', endpoints.authorizationServerMetadata],
    ['authorization', endpoints.authorization, `(${[settings.autoApprove ? 'auto-approve' : 'login and consent page', settings.parRequired ? 'only a pushed request_uri: --require-par' : undefined, settings.pkceRequired ? 'PKCE required' : undefined].filter(Boolean).join('; ')})`],
    ['token', endpoints.token],
    ['device authorization', endpoints.deviceAuthorization],
    ['device verification', endpoints.deviceVerification],
    ['PAR', endpoints.pushedAuthorizationRequest, settings.parRequired ? '(required, RFC 9126 §5: --require-par)' : undefined],
    ['userinfo', endpoints.userinfo],
    ['revocation', endpoints.revocation],
    ['introspection', endpoints.introspection],
    ['JWKS', endpoints.jwks],
    ['admin', `${endpoints.admin}/state`, '(loopback clients only)'],
  ];
  for (const [name, url, note] of rows) output.result(`  ${name.padEnd(21)} ${url}${note ? `  ${dim(note)}` : ''}`);
  output.result(`  ${'sign in as'.padEnd(21)} ${provider.account}  ${dim(settings.autoApprove ? '(not asked: --auto-approve)' : '(any password)')}`);
  const switches = switchesInEffect(settings);
  if (switches.length > 0) output.result(`  ${'fault switches'.padEnd(21)} ${switches.join(' ')}  ${dim('(live at POST /admin/settings)')}`);
  for (const client of provider.clients) {
    output.result();
    output.result(`  client id        ${client.clientId}${client.secret === undefined ? dim(client.privateKeyJwtOnly ? '  (private_key_jwt)' : '  (public: PKCE, no secret)') : ''}`);
    if (client.secret !== undefined) {
      if (client.generated) output.result(`  client secret    ${client.secret}  ${dim('(generated for this provider; printed in full so you can use it)')}`);
      else output.result(`  client secret    ${output.redactor.mask(client.secret)}`);
    }
    output.result(`  redirect URIs    ${(client.redirectUris ?? provider.defaultRedirectUris).join(' ')}${settings.redirectMatching === 'exact' ? '' : dim('  (loopback: any port, RFC 8252 §7.3)')}`);
  }
  const flow = oauth2FlowCommandFor(provider, { reveal: !output.redactor.active });
  if (flow !== undefined) {
    output.result();
    output.result(`  ${dim('in another window:')} ${flow}`);
  }
}

/** `oauth-doctor serve --oauth2`: start, print where and who, serve until Ctrl-C / SIGTERM. */
export async function runServeOAuth2(options: ServeOptions, env: Environment): Promise<ExitCode> {
  const stopped = untilAborted(env.signal);
  const output = await createOutput(env, { showSecrets: options.showSecrets });
  const config = oauth2ProviderOptions(options, env);
  for (const client of config.clients ?? []) if (client.secret !== undefined) output.redactor.add(client.secret);
  const host = config.host ?? '127.0.0.1';
  checkHost(host, options.allowRemote, output);
  // Loaded here only: no other command's start-up reads oidc-provider.
  const { startOAuth2Provider } = await import('../../provider/oauth2/index.js');
  const provider = await startOAuth2Provider(config);
  return serveUntilStopped(
    {
      json: options.json === true,
      // Everything a script needs without reading the listing: the fault switches in effect (as GET /admin/state shows them),
      // the account to sign in as on the login page, and a flow command that runs against this provider.
      startLine: () => ({
        issuer: provider.issuer,
        dialect: provider.settings.dialect,
        endpoints: provider.endpoints,
        clients: clientSummary(provider, output),
        account: provider.account,
        settings: { ...provider.settings },
        flow: oauth2FlowCommandFor(provider, { reveal: !output.redactor.active }),
      }),
      printStart: () => printStart(provider, output),
      close: () => provider.close(),
    },
    stopped,
    env,
    output,
  );
}
