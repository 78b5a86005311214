import type { RunningProvider } from '../../provider/index.js';
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
