import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/outcomes/wilson.js';

describe('wilsonInterval', () => {
  it('gives the 95% Wilson interval of a low reply rate', () => {
    const [low, high] = wilsonInterval(24, 2400);
    expect(low).toBeCloseTo(0.00673, 5);
    expect(high).toBeCloseTo(0.01484, 5);
  });

  it('stays inside 0 and 1 at no replies and at all replies, where the normal approximation leaves it', () => {
    // Upper bound with no successes: z² / (n + z²).
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(3.8415 / 13.8415, 4);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
    expect(wilsonInterval(10, 10)[0]).toBeCloseTo(10 / 13.8415, 4);
  });

  it('is the whole range with no sends: nothing is known', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it('narrows as sends grow at the same rate', () => {
    const width = (r: number, n: number) => {
      const [l, h] = wilsonInterval(r, n);
      return h - l;
    };
    expect(width(2, 200)).toBeGreaterThan(width(20, 2000));
  });
});
