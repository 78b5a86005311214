// The engine's storage: a small in-memory adapter (oidc-provider's Adapter
// interface), one table per model, shared by one provider. Bounded, so a
// long-running `serve --oauth2` cannot grow without limit, and readable, so
// the admin endpoint can list and revoke grants.
import type { Adapter, AdapterPayload } from 'oidc-provider';

/** Entries kept per model (codes, tokens, sessions, …); past it the oldest is forgotten first. */
const MAX_ENTRIES_PER_MODEL = 10_000;

/**
 * How long an expired entry is still handed to the engine. The engine checks
 * expiry itself (exp in the payload) and says so — "authorization code is
 * expired", "refresh token is expired" — which it can only do if the entry is
 * still there; forgotten at once it would be "not found", the wrong cause.
 */
const EXPIRED_KEPT_SEC = 600;

interface Entry {
  readonly payload: AdapterPayload;
  /** Real time (ms), not the skewed one: what the engine asked is a duration. */
  readonly expiresAt: number;
}

export class Storage {
  readonly #tables = new Map<string, Map<string, Entry>>();
  readonly #userCodes = new Map<string, string>();
  readonly #uids = new Map<string, string>();
  readonly #now: () => number;
  readonly #limit: number;

  constructor(now: () => number, limit = MAX_ENTRIES_PER_MODEL) {
    this.#now = now;
    this.#limit = limit;
  }

  table(model: string): Map<string, Entry> {
    let table = this.#tables.get(model);
    if (!table) {
      table = new Map();
      this.#tables.set(model, table);
    }
    return table;
  }

  put(model: string, id: string, payload: AdapterPayload, expiresInSec: number): void {
    const table = this.table(model);
    table.delete(id);
    table.set(id, { payload, expiresAt: this.#now() + Math.max(0, expiresInSec) * 1000 });
    if (payload.userCode !== undefined) this.#userCodes.set(`${model}:${payload.userCode}`, id);
    if (payload.uid !== undefined) this.#uids.set(`${model}:${payload.uid}`, id);
    while (table.size > this.#limit) {
      const oldest = table.keys().next().value;
      if (oldest === undefined) break;
      this.remove(model, oldest);
    }
  }

  get(model: string, id: string): AdapterPayload | undefined {
    const entry = this.#tables.get(model)?.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt + EXPIRED_KEPT_SEC * 1000 <= this.#now()) {
      this.remove(model, id);
      return undefined;
    }
    return entry.payload;
  }

  byUserCode(model: string, userCode: string): AdapterPayload | undefined {
    const id = this.#userCodes.get(`${model}:${userCode}`);
    return id === undefined ? undefined : this.get(model, id);
  }

  byUid(model: string, uid: string): AdapterPayload | undefined {
    const id = this.#uids.get(`${model}:${uid}`);
    return id === undefined ? undefined : this.get(model, id);
  }

  remove(model: string, id: string): void {
    const table = this.#tables.get(model);
    const entry = table?.get(id);
    if (!table || !entry) return;
    table.delete(id);
    if (entry.payload.userCode !== undefined) this.#userCodes.delete(`${model}:${entry.payload.userCode}`);
    if (entry.payload.uid !== undefined) this.#uids.delete(`${model}:${entry.payload.uid}`);
  }

  /** Every live entry of a model, oldest first. */
  entries(model: string): [string, AdapterPayload][] {
    const now = this.#now();
    return [...(this.#tables.get(model) ?? [])].filter(([, e]) => e.expiresAt > now).map(([id, e]) => [id, e.payload]);
  }

  /** Removes everything issued under a grant, in every model (RFC 7009 §2.1: revoking a grant's tokens). */
  revokeGrant(grantId: string): number {
    let removed = 0;
    for (const [model, table] of this.#tables) {
      for (const [id, entry] of [...table]) {
        if (entry.payload.grantId === grantId || (model === 'Grant' && id === grantId)) {
          this.remove(model, id);
          removed++;
        }
      }
    }
    return removed;
  }

  /** The adapter factory the engine's `adapter` option takes. */
  adapter(): (model: string) => Adapter {
    return (model: string): Adapter => ({
      upsert: async (id, payload, expiresIn) => this.put(model, id, payload, expiresIn),
      find: async (id) => this.get(model, id),
      findByUserCode: async (userCode) => this.byUserCode(model, userCode),
      findByUid: async (uid) => this.byUid(model, uid),
      consume: async (id) => {
        const payload = this.get(model, id);
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => this.remove(model, id),
      revokeByGrantId: async (grantId) => {
        this.revokeGrant(grantId);
      },
    });
  }
}
