import type { LedgerKind } from '../../diagnose/oauth2/ledger.js';
import type { PriorUse } from '../../diagnose/oauth2/types.js';

/**
 * The reuse ledger (src/diagnose/oauth2/ledger.ts) replayed over one
 * capture, indexed by kind and fingerprint and changed in place: the same
 * answers as priorUse / recordUse / recordRotation on the immutable ledger,
 * whose every call copies and scans all its entries (a capture of 100,000
 * token requests made that quadratic, issue 14 item 1). Capture-local; the
 * ledger file of `flow` keeps the immutable one.
 */

/** As ledger.ts keeps them: the last uses of a value. */
const MAX_USES = 10;

interface Entry {
  uses: number[];
  rotatedTo?: string | undefined;
  family?: string | undefined;
}

export class LedgerIndex {
  private readonly entries = new Map<string, Entry>();
  /** Per family root: when a superseded token of it was replayed. */
  private readonly replays = new Map<string, number>();

  private static key(kind: LedgerKind, fp: string): string {
    return `${kind}\u0000${fp}`;
  }

  private familyOf(fp: string): string {
    return this.entries.get(LedgerIndex.key('refresh_token', fp))?.family ?? fp;
  }

  /** What was known of this value before it is used now (undefined: never seen): ledger.ts priorUse. */
  priorUse(kind: LedgerKind, fp: string): PriorUse | undefined {
    const entry = this.entries.get(LedgerIndex.key(kind, fp));
    const familyReplayedAt = kind === 'refresh_token' ? this.replays.get(this.familyOf(fp)) : undefined;
    if (!entry) return familyReplayedAt === undefined ? undefined : { uses: [], familyReplayedAt };
    return { uses: [...entry.uses], rotated: entry.rotatedTo !== undefined ? true : undefined, familyReplayedAt, revokedAt: undefined };
  }

  /** A use (ledger.ts recordUse): a refresh token used again after it was rotated marks its family replayed. */
  recordUse(kind: LedgerKind, fp: string, at: number): void {
    const key = LedgerIndex.key(kind, fp);
    const entry = this.entries.get(key);
    if (kind === 'refresh_token' && entry?.rotatedTo !== undefined) this.replays.set(this.familyOf(fp), at);
    if (entry) {
      entry.uses.push(at);
      if (entry.uses.length > MAX_USES) entry.uses.shift();
    } else this.entries.set(key, { uses: [at] });
  }

  /** Presenting `fromFp` got a new refresh token `toFp` (ledger.ts recordRotation, RFC 6749 §6). */
  recordRotation(fromFp: string, toFp: string, at: number): void {
    if (fromFp === toFp) return;
    const family = this.familyOf(fromFp);
    const fromKey = LedgerIndex.key('refresh_token', fromFp);
    const from = this.entries.get(fromKey) ?? { uses: [at] };
    from.rotatedTo = toFp;
    from.family = family;
    this.entries.set(fromKey, from);
    const toKey = LedgerIndex.key('refresh_token', toFp);
    const to = this.entries.get(toKey) ?? { uses: [] };
    to.family = family;
    this.entries.set(toKey, to);
  }
}
