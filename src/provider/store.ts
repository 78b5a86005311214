import { createPublicKey, type KeyObject } from 'node:crypto';
import type { AccessTokenRecord, ConsumerRecord, ProviderState, RequestTokenRecord, SessionRecord } from './state.js';

/**
 * In-memory state with indexed lookups. `onChange` is called after every
 * change worth keeping (tokens, consumers); nonces are remembered only for
 * as long as a timestamp could still be accepted, and never trigger a save.
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

  constructor(private readonly onChange: () => void = () => undefined) {}

  load(state: ProviderState): void {
    for (const c of state.consumers) this.consumers.set(c.key, c);
    for (const t of state.requestTokens) this.requestTokens.set(t.token, t);
    for (const t of state.accessTokens) this.accessTokens.set(t.token, t);
    for (const s of state.sessions) this.sessions.set(s.handle, s);
    for (const a of state.refusedAddresses) this.refusedAddresses.add(a);
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

  requestToken(token: string): RequestTokenRecord | undefined {
    return this.requestTokens.get(token);
  }

  putRequestToken(record: RequestTokenRecord): void {
    this.requestTokens.set(record.token, record);
    this.onChange();
  }

  accessToken(token: string): AccessTokenRecord | undefined {
    return this.accessTokens.get(token);
  }

  putAccessToken(record: AccessTokenRecord): void {
    this.accessTokens.set(record.token, record);
    this.onChange();
  }

  session(handle: string): SessionRecord | undefined {
    return this.sessions.get(handle);
  }

  putSession(record: SessionRecord): void {
    this.sessions.set(record.handle, record);
    this.onChange();
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
    this.nonces.set(key, forgetAfter);
    if (++this.noncesSincePrune >= 10_000) this.pruneNonces(now);
    return true;
  }

  private pruneNonces(now: number): void {
    this.noncesSincePrune = 0;
    for (const [key, until] of this.nonces) if (until <= now) this.nonces.delete(key);
  }
}
