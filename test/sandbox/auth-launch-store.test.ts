import { describe, expect, it } from 'vitest';
import { LaunchStore } from '../../sandbox/auth/launch-store';

const context = { profile: 'quality-lead', fhirUser: 'Practitioner/sandbox-quality-lead' } as const;

describe('LaunchStore', () => {
  it('hands out distinct opaque ids that can be used once', () => {
    const store = new LaunchStore();
    const id = store.create(context);
    expect(store.create(context)).not.toBe(id);
    expect(store.peek(id)).toEqual(context);
    expect(store.consume(id)).toEqual(context);
    expect(store.consume(id)).toBeUndefined();
  });

  it('forgets ids after their time to live', () => {
    let now = 1_000;
    const store = new LaunchStore({ ttlMs: 500, now: () => now });
    const id = store.create(context);
    now += 499;
    expect(store.peek(id)).toEqual(context);
    now += 1;
    expect(store.consume(id)).toBeUndefined();
  });
});
