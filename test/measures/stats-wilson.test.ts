import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/measures/stats-wilson';

// By hand, z = 1.959963984540054, z² = 3.841458821:
//   0/10:  lower = 0, upper = z²/(n + z²) = 3.841459 / 13.841459 = 0.277533
//   10/10: lower = n/(n + z²) = 10 / 13.841459 = 0.722467, upper = 1
//   5/10:  centre = (0.5 + z²/20)/(1 + z²/10) = 0.5; half = z/(1 + z²/10) · √(0.025 + z²/400)
//          = 1.416010 × 0.186021 = 0.263407 → [0.236593, 0.763407]
describe('wilsonInterval', () => {
  it('is exactly 0 at no successes and exactly 1 at all successes', () => {
    const none = wilsonInterval(0, 10);
    const all = wilsonInterval(10, 10);
    expect(none?.lower).toBe(0);
    expect(none?.upper).toBeCloseTo(0.277533, 5);
    expect(all?.lower).toBeCloseTo(0.722467, 5);
    expect(all?.upper).toBe(1);
  });

  it('is symmetric about one half at 5/10', () => {
    const i = wilsonInterval(5, 10);
    expect(i?.lower).toBeCloseTo(0.236593, 5);
    expect(i?.upper).toBeCloseTo(0.763407, 5);
  });

  it('has no interval without patients or with impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
    expect(wilsonInterval(3, 2)).toBeUndefined();
  });
});
