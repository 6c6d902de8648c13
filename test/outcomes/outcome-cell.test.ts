import { describe, expect, it } from 'vitest';
import { readCount, readRate } from '../../src/outcomes/outcome-cell.js';

describe('readCount', () => {
  it.each([
    ['1,204', 1204],
    ['37', 37],
    ['12.0', 12],
    ['', 0],
    ['TRUE', 1],
    ['false', 0],
    ['yes', 1],
    ['x', 1],
    ['2026-03-14T09:12:00Z', 1],
    ['03/14/2026 9:12 AM', 1],
    [7, 7],
    [true, 1],
  ])('reads %j as %d emails', (cell, n) => {
    expect(readCount(cell)).toEqual({ value: n });
  });

  it.each([
    ['n/a', '"n/a", which is not a count, a yes/no flag or a date'],
    ['-3', '"-3", which is not a count, a yes/no flag or a date'],
    ['2.5', '"2.5", which is not a count, a yes/no flag or a date'],
    [2.5, '2.5, which is not a whole number of emails'],
  ])('refuses %j', (cell, problem) => {
    expect(readCount(cell)).toEqual({ problem });
  });
});

describe('readRate', () => {
  it.each([
    ['2.4%', 0.024],
    ['0.024', 0.024],
    ['6', 0.06],
    ['100%', 1],
    ['', 0],
  ])('reads %j as %d', (cell, rate) => {
    expect((readRate(cell) as { value: number }).value).toBeCloseTo(rate, 10);
  });

  it('refuses a rate over 100% and one that is no number', () => {
    expect(readRate('140%')).toEqual({ problem: '"140%", which is more than 100%' });
    expect(readRate('high')).toEqual({ problem: '"high", which is not a rate such as 2.4% or 0.024' });
  });
});
