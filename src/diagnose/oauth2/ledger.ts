import type { PriorUse } from './types.js';

/**
 * The reuse ledger: which authorization codes and refresh tokens this
 * machine has presented before, by fingerprint only (never the value), so a
 * second use is recognised across runs (issue 18 item 6). Pure: every
 * function returns a new ledger; ledger-file.ts reads and writes it.
 *
 * RFC 6749 §4.1.2: a code is single-use and a server SHOULD revoke what was
 * issued from a code used twice. RFC 9700 §4.14.2 (OAuth 2.0 Security BCP):
 * a server with refresh-token rotation that sees a superseded token revoke
 * the whole family, so the newest token of that family fails next.
 */
export type LedgerKind = 'code' | 'refresh_token' | 'device_code';

interface LedgerEntry {
  readonly kind: LedgerKind;
  /** fingerprintToken of the value. */
  readonly fp: string;
  readonly issuer?: string | undefined;
  /** Uses, ms since the epoch, oldest first (at most MAX_USES kept). */
  readonly uses: readonly number[];
  /** Refresh tokens: the fingerprint of the token the server answered with (rotation). */
  readonly rotatedTo?: string | undefined;
  /** Refresh tokens: the family's first token, so a replay anywhere in it is found from the newest. */
  readonly family?: string | undefined;
  readonly revokedAt?: number | undefined;
}

export interface Ledger {
  readonly version: 1;
  readonly entries: readonly LedgerEntry[];
  /** Per family root: when a superseded token of it was replayed. */
  readonly replays: Readonly<Record<string, number>>;
}

export const EMPTY_LEDGER: Ledger = { version: 1, entries: [], replays: {} };

const MAX_USES = 10;
/** Entries unused this long are forgotten: longer than any code's or most refresh tokens' life. */
const LEDGER_RETENTION_MS = 90 * 86_400_000;
const LEDGER_MAX_ENTRIES = 5000;

function find(ledger: Ledger, kind: LedgerKind, fp: string): LedgerEntry | undefined {
  return ledger.entries.find((entry) => entry.kind === kind && entry.fp === fp);
}

function familyOf(ledger: Ledger, fp: string): string {
  return find(ledger, 'refresh_token', fp)?.family ?? fp;
}

/** What was known of this value before it is used now (undefined: never seen). */
export function priorUse(ledger: Ledger, kind: LedgerKind, fp: string): PriorUse | undefined {
  const entry = find(ledger, kind, fp);
  const family = kind === 'refresh_token' ? familyOf(ledger, fp) : undefined;
  const familyReplayedAt = family === undefined ? undefined : ledger.replays[family];
  if (!entry) return familyReplayedAt === undefined ? undefined : { uses: [], familyReplayedAt };
  return {
    uses: entry.uses,
    rotated: entry.rotatedTo !== undefined ? true : undefined,
    familyReplayedAt,
    revokedAt: entry.revokedAt,
  };
}

function upsert(ledger: Ledger, entry: LedgerEntry): Ledger {
  const rest = ledger.entries.filter((e) => !(e.kind === entry.kind && e.fp === entry.fp));
  return { ...ledger, entries: [...rest, entry] };
}

/**
 * Records a use. A refresh token used again after it was rotated marks its
 * family replayed (the server's reuse detection will have revoked it).
 */
export function recordUse(ledger: Ledger, use: { kind: LedgerKind; fp: string; at: number; issuer?: string | undefined }): Ledger {
  const entry = find(ledger, use.kind, use.fp);
  const uses = [...(entry?.uses ?? []), use.at].slice(-MAX_USES);
  let next = upsert(ledger, { ...(entry ?? { kind: use.kind, fp: use.fp }), issuer: entry?.issuer ?? use.issuer, uses });
  if (use.kind === 'refresh_token' && entry?.rotatedTo !== undefined) {
    next = { ...next, replays: { ...next.replays, [familyOf(ledger, use.fp)]: use.at } };
  }
  return next;
}

/** Records that presenting `fromFp` got a new refresh token `toFp` (rotation, RFC 6749 §6). */
export function recordRotation(ledger: Ledger, fromFp: string, toFp: string, at: number): Ledger {
  if (fromFp === toFp) return ledger;
  const family = familyOf(ledger, fromFp);
  const from = find(ledger, 'refresh_token', fromFp) ?? { kind: 'refresh_token' as const, fp: fromFp, uses: [at] };
  const to = find(ledger, 'refresh_token', toFp);
  let next = upsert(ledger, { ...from, rotatedTo: toFp, family });
  next = upsert(next, { ...(to ?? { kind: 'refresh_token' as const, fp: toFp, uses: [] }), family });
  return next;
}

/** Records an RFC 7009 revocation oauth-doctor sent itself. */
export function recordRevocation(ledger: Ledger, kind: LedgerKind, fp: string, at: number): Ledger {
  const entry = find(ledger, kind, fp) ?? { kind, fp, uses: [] };
  return upsert(ledger, { ...entry, revokedAt: at });
}

/** Forgets entries unused for the retention period, and the oldest beyond the cap. */
export function pruneLedger(ledger: Ledger, now: number): Ledger {
  const last = (entry: LedgerEntry): number => Math.max(entry.uses.at(-1) ?? 0, entry.revokedAt ?? 0);
  const kept = ledger.entries.filter((entry) => now - last(entry) < LEDGER_RETENTION_MS || (entry.uses.length === 0 && entry.revokedAt === undefined && entry.family !== undefined));
  const capped = kept.length > LEDGER_MAX_ENTRIES ? [...kept].sort((a, b) => last(b) - last(a)).slice(0, LEDGER_MAX_ENTRIES) : kept;
  const families = new Set(capped.map((entry) => entry.family ?? entry.fp));
  const replays = Object.fromEntries(Object.entries(ledger.replays).filter(([root, at]) => families.has(root) && now - at < LEDGER_RETENTION_MS));
  return { version: 1, entries: capped, replays };
}

const FP = /^fp:[0-9a-f]{12}$/;

/** Reads a ledger document leniently: anything malformed is dropped, never trusted. */
export function parseLedger(text: string): Ledger {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return EMPTY_LEDGER;
  }
  if (typeof raw !== 'object' || raw === null) return EMPTY_LEDGER;
  const doc = raw as { version?: unknown; entries?: unknown; replays?: unknown };
  if (doc.version !== 1 || !Array.isArray(doc.entries)) return EMPTY_LEDGER;
  const entries: LedgerEntry[] = [];
  for (const item of doc.entries as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const e = item as Record<string, unknown>;
    if ((e['kind'] !== 'code' && e['kind'] !== 'refresh_token' && e['kind'] !== 'device_code') || typeof e['fp'] !== 'string' || !FP.test(e['fp'])) continue;
    const uses = Array.isArray(e['uses']) ? (e['uses'] as unknown[]).filter((n): n is number => typeof n === 'number' && Number.isFinite(n)).slice(-MAX_USES) : [];
    entries.push({
      kind: e['kind'],
      fp: e['fp'],
      issuer: typeof e['issuer'] === 'string' ? e['issuer'].slice(0, 500) : undefined,
      uses,
      rotatedTo: typeof e['rotatedTo'] === 'string' && FP.test(e['rotatedTo']) ? e['rotatedTo'] : undefined,
      family: typeof e['family'] === 'string' && FP.test(e['family']) ? e['family'] : undefined,
      revokedAt: typeof e['revokedAt'] === 'number' && Number.isFinite(e['revokedAt']) ? e['revokedAt'] : undefined,
    });
  }
  const replays: Record<string, number> = {};
  if (typeof doc.replays === 'object' && doc.replays !== null) {
    for (const [root, at] of Object.entries(doc.replays as Record<string, unknown>)) if (FP.test(root) && typeof at === 'number' && Number.isFinite(at)) replays[root] = at;
  }
  return { version: 1, entries: entries.slice(-LEDGER_MAX_ENTRIES), replays };
}

export function serializeLedger(ledger: Ledger): string {
  return JSON.stringify(ledger) + '\n';
}
