import { createHash } from 'node:crypto';

/**
 * A token's fingerprint: enough to see that two legs carried the same token,
 * never enough to recover it. Evidence and session files store these, not tokens.
 */
export function fingerprintToken(token: string): string {
  return 'fp:' + createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 12);
}
