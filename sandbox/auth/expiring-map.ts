/** A Map whose entries vanish after a time to live, so in-memory sandbox state cannot grow without bound. */
export class ExpiringMap<K, V> {
  readonly #entries = new Map<K, { value: V; expiresAt: number }>();
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(ttlMs: number, now: () => number = Date.now) {
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  set(key: K, value: V): void {
    this.#prune();
    this.#entries.set(key, { value, expiresAt: this.#now() + this.#ttlMs });
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Returns the live value and removes it, so it can be used only once. */
  take(key: K): V | undefined {
    const value = this.get(key);
    this.#entries.delete(key);
    return value;
  }

  #prune(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}
