/** The work budget: the most that fits, against the closed form of a linear cost and a brute-force scan. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fits, mostThatFits, type WorkBudget } from '../../src/blocks/work-budget';
import { MAX_SEED, nextSeed, seedField } from '../../src/blocks/seeds';

describe('mostThatFits', () => {
  it('for a cost linear in the size, is floor(budget / cost of one), capped at the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 5000 }),
        (per, budget, limit) => {
          const model: WorkBudget<{ n: number }> = { budget, cost: ({ n }) => n * per };
          expect(mostThatFits(model, { n: 1 }, 'n', limit)).toBe(Math.min(limit, Math.floor(budget / per)));
        },
      ),
    );
  });

  it('for a quadratic cost, matches a scan of every value', () => {
    const model: WorkBudget<{ w: number; d: number }> = { budget: 5000, cost: ({ w, d }) => d * w * (w + 3) };
    for (const d of [1, 2, 7, 50]) {
      let scan = 0;
      for (let w = 1; w <= 300 && fits(model, { w, d }); w++) scan = w;
      expect(mostThatFits(model, { w: 1, d }, 'w', 300)).toBe(scan);
    }
  });

  it('is 0 when even a size of 1 is over budget', () => {
    expect(mostThatFits({ budget: 10, cost: ({ n }: { n: number }) => n * 11 }, { n: 5 }, 'n', 100)).toBe(0);
  });
});

describe('seeds', () => {
  it('the next seed wraps to 0 past the largest 32-bit seed the field accepts', () => {
    expect(seedField(3)).toMatchObject({ default: 3, min: 0, max: 2147483647 });
    expect(nextSeed(41)).toBe(42);
    expect(nextSeed(MAX_SEED)).toBe(0);
  });
});
