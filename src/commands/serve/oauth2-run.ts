import type { ExitCode } from '../../errors.js';
import type { Environment } from '../../cli/environment.js';
import { createOutput, type Output } from '../../cli/output.js';
import type { ServeOptions } from './options.js';
import { checkHost, serveUntilStopped, untilAborted } from './lifecycle.js';
import { oauth2FlowCommandFor } from './flow-command.js';
import { oauth2ProviderOptions } from './oauth2-options.js';

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

function printStart(provider: Running, output: Output): void {
  const { endpoints, settings } = provider;
  const dim = output.out.dim;
  output.result(`${output.out.bold('oauth-doctor OAuth 2.0 / OpenID Connect test provider')} at ${provider.issuer}  ${dim(`(dialect ${settings.dialect})`)}`);
  output.result();
  const rows: [string, string, string?][] = [
    ['discovery', endpoints.discovery],
    ['RFC 8414 metadata', endpoints.authorizationServerMetadata],
    ['authorization', endpoints.authorization, settings.autoApprove ? '(auto-approve)' : '(login and consent page)'],
    ['token', endpoints.token],
    ['device authorization', endpoints.deviceAuthorization],
    ['device verification', endpoints.deviceVerification],
    ['PAR', endpoints.pushedAuthorizationRequest],
    ['userinfo', endpoints.userinfo],
    ['revocation', endpoints.revocation],
    ['introspection', endpoints.introspection],
    ['JWKS', endpoints.jwks],
    ['admin', `${endpoints.admin}/state`, '(loopback clients only)'],
  ];
  for (const [name, url, note] of rows) output.result(`  ${name.padEnd(21)} ${url}${note ? `  ${dim(note)}` : ''}`);
  output.result(`  ${'sign in as'.padEnd(21)} ${provider.account}  ${dim(settings.autoApprove ? '(not asked: --auto-approve)' : '(any password)')}`);
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
