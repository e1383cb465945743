import { describe, expect, it } from 'vitest';
import { gradientFlowData } from '../../../../src/core/engines/gradient-flow/data';
import { cachedGradientFlowData } from '../../../../src/core/engines/gradient-flow/cache';

describe('cachedGradientFlowData', () => {
  const shape = { depth: 6, width: 5, batch: 3, init: 'xavier_uniform' as const };

  it('gives exactly the network gradientFlowData draws, shallower or deeper than what is cached', () => {
    for (const depth of [6, 3, 9, 1, 9]) {
      const cached = cachedGradientFlowData(11, { ...shape, depth });
      const fresh = gradientFlowData(11, { ...shape, depth });
      expect(cached.widths).toEqual(fresh.widths);
      expect(Array.from(cached.weights)).toEqual(Array.from(fresh.weights));
      expect(Array.from(cached.biases)).toEqual(Array.from(fresh.biases));
      expect(Array.from(cached.inputs)).toEqual(Array.from(fresh.inputs));
    }
  });

  it('keeps seeds and inits apart', () => {
    const a = cachedGradientFlowData(1, shape);
    const b = cachedGradientFlowData(2, shape);
    const c = cachedGradientFlowData(1, { ...shape, init: 'he_normal' });
    expect(a.weights[0]).not.toBe(b.weights[0]);
    expect(a.weights[0]).not.toBe(c.weights[0]);
  });
});
