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

  it('draws again when asked for one or two layers more than it holds', () => {
    const three = cachedGradientFlowData(21, { ...shape, depth: 3 });
    expect(cachedGradientFlowData(21, { ...shape, depth: 3 })).toBe(three);
    for (const depth of [4, 6]) {
      const deeper = cachedGradientFlowData(21, { ...shape, depth });
      expect(deeper.widths).toHaveLength(depth + 1);
      expect(Array.from(deeper.weights)).toEqual(Array.from(gradientFlowData(21, { ...shape, depth }).weights));
    }
  });

  it('keeps the six most recently used networks, the same objects', () => {
    const nets = [0, 1, 2, 3, 4, 5, 6].map((i) => cachedGradientFlowData(1001 + i, shape));
    // Seven drawn: the first (and anything cached before) is gone, the other six are kept.
    expect(cachedGradientFlowData(1002, shape)).toBe(nets[1]);
    expect(cachedGradientFlowData(1007, shape)).toBe(nets[6]);
    expect(cachedGradientFlowData(1001, shape)).not.toBe(nets[0]);
    // 1001 drawn again pushed out the least recently used, 1003 (1002 was used since).
    expect(cachedGradientFlowData(1002, shape)).toBe(nets[1]);
    expect(cachedGradientFlowData(1003, shape)).not.toBe(nets[2]);
  });

  it('keeps older networks only while all of them take at most 64 MB, the newest whatever its size', () => {
    // Compared by identity (a failing toBe would print two networks of 4 million numbers).
    // By hand: 15 layers of 500 × 500 weights and 500 biases, 485 inputs of 500: 4 000 000 numbers, 32 000 000 bytes.
    const half = { depth: 15, width: 500, batch: 485, init: 'he_uniform' as const };
    const a = cachedGradientFlowData(3001, half);
    const b = cachedGradientFlowData(3002, half);
    // Exactly 64 MB together (anything cached before, older, has been let go): both kept.
    expect(cachedGradientFlowData(3001, half) === a).toBe(true);
    expect(cachedGradientFlowData(3002, half) === b).toBe(true);
    // 24 bytes more (one weight, one bias, one input): the least recently used goes, and only it.
    cachedGradientFlowData(3003, { depth: 1, width: 1, batch: 1, init: 'he_uniform' });
    expect(cachedGradientFlowData(3002, half) === b).toBe(true);
    expect(cachedGradientFlowData(3001, half) === a).toBe(false);
    // One network of 64 004 000 bytes (31 × (500² + 500) + 470 × 500 numbers) is kept alone, over the limit.
    const big = { depth: 31, width: 500, batch: 470, init: 'he_uniform' as const };
    const alone = cachedGradientFlowData(3004, big);
    expect(cachedGradientFlowData(3004, big) === alone).toBe(true);
  });
});
