import { describe, expect, it } from 'vitest';
import { messageScheduler } from '../../src/worker/message-scheduler';

describe('messageScheduler', () => {
  it('runs tasks later, one task each, in the order they were scheduled', async () => {
    const schedule = messageScheduler();
    const ran: string[] = [];
    const done = new Promise<void>((resolve) => {
      schedule(() => ran.push('a'));
      schedule(() => {
        ran.push('b');
        schedule(() => {
          ran.push('d');
          resolve();
        });
      });
      schedule(() => ran.push('c'));
    });
    expect(ran).toEqual([]);
    await done;
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
  });
});
