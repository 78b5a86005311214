import type { RunningProvider } from '../../provider/index.js';
import type { RunningOAuth2Provider } from '../../provider/oauth2/index.js';
import { shellQuote } from '../../terminal/shell-quote.js';

/**
 * The `flow` command that runs against this provider (issue 15 item 9), for a
 * person to paste into another window: its first active consumer, the secret
 * in the environment (flags show in ps), `--authorize http` when the provider
 * approves without a page. A secret the person registered is not ours to
 * print: a placeholder stands for it.
 */
export function flowCommandFor(provider: RunningProvider, options: { reveal: boolean }): string | undefined {
  const consumer = provider.consumers.find((c) => c.status === 'active') ?? provider.consumers[0];
  if (!consumer) return undefined;
  const parts: string[] = [];
  if (!consumer.publicKey && consumer.secret !== undefined) {
    parts.push(`OAUTH_CONSUMER_SECRET=${consumer.generated || options.reveal ? shellQuote(consumer.secret) : `'<the secret of ${consumer.key.replace(/'/g, '')}>'`}`);
  }
  parts.push('oauth-doctor', 'flow', '--provider', 'local', '--base-url', provider.url, '--consumer-key', shellQuote(consumer.key));
  if (consumer.publicKey) parts.push('--signature-method', 'RSA-SHA1', '--private-key', 'PRIVATE-KEY.pem');
  if (provider.settings.autoApprove) parts.push('--authorize', 'http');
  return parts.join(' ');
}

/**
 * The same for serve --oauth2: `flow --issuer` with its first client that
 * needs no key file (a confidential one, its secret in OAUTH2_CLIENT_SECRET,
 * or a public one), `--authorize http` when it approves without a page.
 */
export function oauth2FlowCommandFor(provider: RunningOAuth2Provider, options: { reveal: boolean }): string | undefined {
  const client = provider.clients.find((c) => c.secret !== undefined) ?? provider.clients.find((c) => !c.privateKeyJwtOnly);
  if (!client) return undefined;
  const parts: string[] = [];
  if (client.secret !== undefined) parts.push(`OAUTH2_CLIENT_SECRET=${client.generated || options.reveal ? shellQuote(client.secret) : `'<the secret of ${client.clientId.replace(/'/g, '')}>'`}`);
  parts.push('oauth-doctor', 'flow', '--issuer', provider.issuer, '--client-id', shellQuote(client.clientId), '--scope', shellQuote('openid offline_access'));
  if (provider.settings.autoApprove) parts.push('--authorize', 'http');
  return parts.join(' ');
}
