import { createPublicKey, type KeyObject } from 'node:crypto';
import { accessTokenForgetAt, requestTokenForgetAt, sessionForgetAt, type RetentionPolicy } from './retention.js';
import type { AccessTokenRecord, ConsumerRecord, ProviderState, RequestTokenRecord, SessionRecord } from './state.js';

/** A sweep runs after this many token operations (or as many as are stored, if more): amortised O(1). */
const SWEEP_EVERY_OPERATIONS = 1000;
/**
 * …or at the first operation after this long. A provider nobody calls is
 * swept on a timer of the same period (`startProvider`), so a long-running
 * `serve --state` forgets, and its state file shrinks, while quiet too.
 */
export const SWEEP_INTERVAL_MS = 60_000;

/** How the store forgets: the retention rules and the server clock they are measured on. */
export interface StoreRetention extends RetentionPolicy {
  /** Server clock, ms since the epoch (the same clock token times are written in). */
  readonly now: () => number;
  /** Most bytes the nonce table may hold; past it the oldest are forgotten. Default 32 MiB. */
  readonly maxNonceBytes?: number | undefined;
}

const DEFAULT_MAX_NONCE_BYTES = 32 * 1024 * 1024;
/** A Map entry's own cost besides its key (hash slot, number, string header), roughly as V8 lays it out. */
const NONCE_ENTRY_OVERHEAD_BYTES = 64;
const nonceEntryBytes = (key: string) => key.length * 2 + NONCE_ENTRY_OVERHEAD_BYTES;

/**
 * In-memory state with indexed lookups. `onChange` is called after every
 * change worth keeping (tokens, consumers); nonces are remembered only for
 * as long as a timestamp could still be accepted, and never trigger a save.
 *
 * With a retention policy, tokens that can no longer be used are forgotten
 * once their retention period has passed (checked on lookup, and swept
 * every so often), and each kind is capped, oldest forgotten first (a Map
 * iterates in insertion order, which is issue order). Without one (unit
 * tests of the rules) every token is kept.
 */
export class Store {
  private readonly consumers = new Map<string, ConsumerRecord>();
  private readonly requestTokens = new Map<string, RequestTokenRecord>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly refusedAddresses = new Set<string>();
  private readonly nonces = new Map<string, number>();
  private readonly publicKeys = new Map<string, KeyObject>();
  private readonly authorizeAttempts = new Map<string, number[]>();
  private noncesSincePrune = 0;
  /** What the nonce table holds, counted as UTF-16 bytes of its keys plus a per-entry overhead. */
  private nonceBytes = 0;
  private operationsSinceSweep = 0;
  private lastSweepAt = -Infinity;
  private readonly evictionCursors = new WeakMap<Map<string, unknown>, Iterator<[string, unknown]>>();

  constructor(
    private readonly onChange: () => void = () => undefined,
    private readonly retention?: StoreRetention,
  ) {}

  load(state: ProviderState): void {
    for (const c of state.consumers) this.consumers.set(c.key, c);
    for (const t of state.requestTokens) this.requestTokens.set(t.token, t);
    for (const t of state.accessTokens) this.accessTokens.set(t.token, t);
    for (const s of state.sessions) this.sessions.set(s.handle, s);
    for (const a of state.refusedAddresses) this.refusedAddresses.add(a);
    if (this.retention) this.dateOldRevocations(this.retention.now());
    // A file written before the caps, or with other settings, may hold more than they allow.
    this.enforceCap(this.requestTokens, this.retention?.maxRequestTokens);
    this.enforceCap(this.accessTokens, this.retention?.maxAccessTokens, (evicted) => this.dropSessionOf(evicted));
    if (this.retention) this.sweep(this.retention.now());
  }

  snapshot(): ProviderState {
    return {
      version: 1,
      consumers: [...this.consumers.values()],
      requestTokens: [...this.requestTokens.values()],
      accessTokens: [...this.accessTokens.values()],
      sessions: [...this.sessions.values()],
      refusedAddresses: [...this.refusedAddresses],
    };
  }

  /** Revokes a token or session handle now: the flag and the time together, so retention counts from the revocation. */
  revoke(record: RequestTokenRecord | AccessTokenRecord | SessionRecord, now: number): void {
    record.revoked = true;
    record.revokedAt = now;
    this.onChange();
  }

  /** Tells the store a record it handed out was changed in place. */
  changed(): void {
    this.onChange();
  }

  consumer(key: string): ConsumerRecord | undefined {
    return this.consumers.get(key);
  }

  allConsumers(): ConsumerRecord[] {
    return [...this.consumers.values()];
  }

  putConsumer(record: ConsumerRecord): void {
    this.consumers.set(record.key, record);
    this.publicKeys.delete(record.key);
    this.onChange();
  }

  /** The consumer's RSA public key, parsed once. */
  publicKey(consumer: ConsumerRecord): KeyObject | undefined {
    if (!consumer.publicKey) return undefined;
    let key = this.publicKeys.get(consumer.key);
    if (!key) {
      key = createPublicKey({ key: consumer.publicKey, format: 'pem' });
      this.publicKeys.set(consumer.key, key);
    }
    return key;
  }

  /** The request token, unless it was never issued or has been forgotten (→ token_rejected). */
  requestToken(token: string): RequestTokenRecord | undefined {
    const record = this.requestTokens.get(token);
    const retention = this.retention;
    if (!record || !retention) return record;
    const now = this.tick(retention);
    if (this.keepRequestToken(record, now, retention)) return record;
    this.requestTokens.delete(token);
    this.onChange();
    return undefined;
  }

  putRequestToken(record: RequestTokenRecord): void {
    this.requestTokens.set(record.token, record);
    this.enforceCap(this.requestTokens, this.retention?.maxRequestTokens);
    if (this.retention) this.tick(this.retention);
    this.onChange();
  }

  /** The access token, unless it was never issued or has been forgotten (→ token_rejected). */
  accessToken(token: string): AccessTokenRecord | undefined {
    const record = this.accessTokens.get(token);
    const retention = this.retention;
    if (!record || !retention) return record;
    const now = this.tick(retention);
    if (this.keepAccessToken(record, now, retention)) return record;
    this.forgetAccessToken(record);
    this.onChange();
    return undefined;
  }

  putAccessToken(record: AccessTokenRecord): void {
    this.accessTokens.set(record.token, record);
    this.enforceCap(this.accessTokens, this.retention?.maxAccessTokens, (evicted) => this.dropSessionOf(evicted));
    if (this.retention) this.tick(this.retention);
    this.onChange();
  }

  session(handle: string): SessionRecord | undefined {
    const session = this.sessions.get(handle);
    const retention = this.retention;
    if (!session || !retention) return session;
    const now = this.tick(retention);
    if (this.keepSession(session, now, retention)) return session;
    this.sessions.delete(handle);
    this.onChange();
    return undefined;
  }

  putSession(record: SessionRecord): void {
    this.sessions.set(record.handle, record);
    this.onChange();
  }

  /** How many tokens and sessions are held (for tests and measurements). */
  counts(): { requestTokens: number; accessTokens: number; sessions: number; nonces: number } {
    return { requestTokens: this.requestTokens.size, accessTokens: this.accessTokens.size, sessions: this.sessions.size, nonces: this.nonces.size };
  }

  /** Forgets every token past its retention now (also done on its own, every so often). */
  sweep(now: number): void {
    const retention = this.retention;
    if (!retention) return;
    this.operationsSinceSweep = 0;
    this.lastSweepAt = now;
    let changed = false;
    for (const [token, record] of this.requestTokens) {
      if (!this.keepRequestToken(record, now, retention)) changed = this.requestTokens.delete(token);
    }
    for (const record of this.accessTokens.values()) {
      if (!this.keepAccessToken(record, now, retention)) changed = this.forgetAccessToken(record);
    }
    for (const [handle, session] of this.sessions) {
      if (!this.keepSession(session, now, retention)) changed = this.sessions.delete(handle);
    }
    if (changed) this.onChange();
  }

  /** Counts a token operation and sweeps when enough have passed (amortised, never a scan per request). Returns the time. */
  private tick(retention: StoreRetention): number {
    const now = retention.now();
    const stored = this.requestTokens.size + this.accessTokens.size + this.sessions.size;
    if (++this.operationsSinceSweep >= Math.max(SWEEP_EVERY_OPERATIONS, stored) || now - this.lastSweepAt >= SWEEP_INTERVAL_MS) this.sweep(now);
    return now;
  }

  /**
   * State files written before revocations carried a time hold `revoked: true`
   * alone. When it happened is lost; counting from the load is the only
   * choice that never forgets a revoked token sooner than its retention.
   */
  private dateOldRevocations(now: number): void {
    for (const record of [...this.accessTokens.values(), ...this.sessions.values()]) {
      if (record.revoked && record.revokedAt === undefined) record.revokedAt = now;
    }
  }

  // One keep-or-forget rule per kind, shared by lookups and sweeps, so the two never disagree.
  private keepRequestToken(record: RequestTokenRecord, now: number, retention: StoreRetention): boolean {
    return now <= requestTokenForgetAt(record, retention.requestTokenMs);
  }

  private keepAccessToken(record: AccessTokenRecord, now: number, retention: StoreRetention): boolean {
    return now <= accessTokenForgetAt(record, this.sessions.get(record.sessionHandle), retention.accessTokenMs);
  }

  /** A session is forgotten after its retention, or with its current access token (renewal needs that token). */
  private keepSession(session: SessionRecord, now: number, retention: StoreRetention): boolean {
    if (!this.accessTokens.has(session.currentToken)) return false;
    return now <= sessionForgetAt(session, retention.sessionMs);
  }

  private forgetAccessToken(record: AccessTokenRecord): true {
    this.accessTokens.delete(record.token);
    this.dropSessionOf(record);
    return true;
  }

  private dropSessionOf(record: AccessTokenRecord): void {
    if (this.sessions.get(record.sessionHandle)?.currentToken === record.token) this.sessions.delete(record.sessionHandle);
  }

  /**
   * Oldest first: a Map iterates in insertion order. The iterator is kept
   * between calls: a fresh one would step over every entry deleted since
   * the last rehash, which made a flood of evictions twice as slow.
   */
  private enforceCap<T>(records: Map<string, T>, max: number | undefined, onEvict?: (record: T) => void): void {
    if (max === undefined) return;
    while (records.size > max) {
      let cursor = this.evictionCursors.get(records) as MapIterator<[string, T]> | undefined;
      let oldest = cursor?.next();
      if (!cursor || !oldest || oldest.done) {
        // A finished iterator stays finished: start again from the front.
        cursor = records.entries();
        this.evictionCursors.set(records, cursor);
        oldest = cursor.next();
      }
      if (oldest.done) return;
      records.delete(oldest.value[0]);
      onEvict?.(oldest.value[1]);
    }
  }

  refusedAddressCount(): number {
    return this.refusedAddresses.size;
  }

  isAddressRefused(address: string): boolean {
    return this.refusedAddresses.has(address);
  }

  setAddressRefused(address: string, refused: boolean): void {
    if (refused) this.refusedAddresses.add(address);
    else this.refusedAddresses.delete(address);
    this.onChange();
  }

  /** Counts an authorisation attempt; returns how many fell within the window. */
  countAuthorizeAttempt(address: string, now: number, windowMs: number): number {
    const recent = (this.authorizeAttempts.get(address) ?? []).filter((t) => t > now - windowMs);
    recent.push(now);
    this.authorizeAttempts.set(address, recent);
    return recent.length;
  }

  /**
   * RFC 5849 §3.3: a nonce is unique per timestamp, client and token.
   * Returns false when the combination was seen before; otherwise remembers
   * it until `forgetAfter` (past that the timestamp is refused anyway).
   */
  rememberNonce(key: string, now: number, forgetAfter: number): boolean {
    const seenUntil = this.nonces.get(key);
    if (seenUntil !== undefined && seenUntil > now) return false;
    if (seenUntil === undefined) this.nonceBytes += nonceEntryBytes(key);
    this.nonces.set(key, forgetAfter);
    if (++this.noncesSincePrune >= 10_000) this.pruneNonces(now);
    if (this.nonceBytes > this.maxNonceBytes) this.shrinkNonces(now);
    return true;
  }

  /** Bytes the nonce table holds now (for tests and measurements). */
  nonceTableBytes(): number {
    return this.nonceBytes;
  }

  private get maxNonceBytes(): number {
    return this.retention?.maxNonceBytes ?? DEFAULT_MAX_NONCE_BYTES;
  }

  private forgetNonce(key: string): void {
    if (this.nonces.delete(key)) this.nonceBytes -= nonceEntryBytes(key);
  }

  private pruneNonces(now: number): void {
    this.noncesSincePrune = 0;
    for (const [key, until] of this.nonces) if (until <= now) this.forgetNonce(key);
  }

  /**
   * Over the byte cap: forget what expired, then the oldest (a Map iterates
   * in insertion order) down to 90 % of the cap, so the cost is amortised.
   * A forgotten nonce could be replayed within its timestamp window; that is
   * the price of a bounded table, paid by the oldest first.
   */
  private shrinkNonces(now: number): void {
    this.pruneNonces(now);
    const target = this.maxNonceBytes * 0.9;
    for (const key of this.nonces.keys()) {
      if (this.nonceBytes <= target) break;
      this.forgetNonce(key);
    }
  }
}
