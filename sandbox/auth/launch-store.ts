import { randomBytes } from 'node:crypto';
import { ExpiringMap } from './expiring-map';
import type { LaunchContext } from './launch-context';

/** How long an EHR launch id stays usable: long enough to load the app, short enough to be a one-off. */
export const LAUNCH_TTL_MS = 10 * 60 * 1000;

/**
 * Opaque EHR launch ids (the `launch` parameter), each standing for a launch context. Ids are random, expire after
 * `ttlMs`, and can be consumed once.
 */
export class LaunchStore {
  readonly #launches: ExpiringMap<string, LaunchContext>;

  constructor(options: { ttlMs?: number; now?: () => number } = {}) {
    this.#launches = new ExpiringMap(options.ttlMs ?? LAUNCH_TTL_MS, options.now);
  }

  /** Records a launch context and returns its new opaque id. */
  create(context: LaunchContext): string {
    const id = randomBytes(16).toString('base64url');
    this.#launches.set(id, context);
    return id;
  }

  /** The context of a live launch id, without using it up. */
  peek(id: string): LaunchContext | undefined {
    return this.#launches.get(id);
  }

  /** The context of a live launch id, which can then not be used again. */
  consume(id: string): LaunchContext | undefined {
    return this.#launches.take(id);
  }
}
