/**
 * Finer steps: a layer's matrix products, and the Gram matrices (or product) of its weight gradient's norm, go in
 * chunks of rows, so no step of a gradient-flow run does more than about STEP_MACS multiply-adds (≈1 ms), even at
 * the largest sizes. Measured by counting work units, not by the clock:
 * the activation counts the units it evaluates between two yields, and the yields are counted against the
 * multiply-adds of the run counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { gradientFlowData } from '../../../../src/core/engines/gradient-flow/data';
import { gradientFlowFlat, gradientFlowSteps, STEP_MACS } from '../../../../src/core/engines/gradient-flow/network';
import type { Elementwise } from '../../../../src/core/engines/evaluate';
import { casesWithin } from '../../../helpers/property-runs';

/** Tanh that counts the units it evaluates. */
function counting() {
  const seen = { units: 0 };
  const act: Elementwise = {
    f: Math.tanh,
    df: (x) => 1 - Math.tanh(x) ** 2,
    evaluate: (z, zOff, f, df, off, n) => {
      seen.units += n;
      for (let i = 0; i < n; i++) {
        const t = Math.tanh(z[zOff + i]);
        f[off + i] = t;
        df[off + i] = 1 - t * t;
      }
    },
  };
  return { act, seen };
}

/** depth × width × batch; under mutation testing only those of at most 10⁷ products per run (both norm paths). */
const SIZES = casesWithin(
  [
    [200, 256, 64],
    [6, 512, 256],
    [4, 300, 21],
    [3, 512, 200], // ‖∂loss/∂W‖ through Gram matrices of 200² × 512: ~10 M products each
    [2, 128, 256], // ‖∂loss/∂W‖ through the explicit 128 × 128 × 256 product
  ],
  ([depth, width, batch]) => depth * width * width * batch,
  1e7,
);

describe('gradient-flow steps', () => {
  it.each(SIZES)(
    'depth %i × width %i × batch %i: no step past STEP_MACS of products, the same bits as one call',
    (depth, width, batch) => {
      const net = gradientFlowData(1, { depth, width, batch, init: 'he_normal' });
      const { act, seen } = counting();
      const steps = gradientFlowSteps(act, net, { gain: 1.5 });
      let yields = 0;
      let last = 0;
      let most = 0;
      let result;
      for (;;) {
        const next = steps.next();
        most = Math.max(most, seen.units - last);
        last = seen.units;
        if (next.done) {
          result = next.value;
          break;
        }
        yields++;
      }
      // Units evaluated in one step are rows × width of one layer; each row costs width² multiply-adds.
      const perRow = width * width;
      expect((most / width) * perRow).toBeLessThanOrEqual(Math.max(STEP_MACS, 4 * perRow));
      // Forward: depth layers of batch × width²; backward: depth − 1 products of the same size.
      const macs = (2 * depth - 1) * batch * perRow;
      // ‖∂loss/∂W_l‖ per layer: two Gram matrices (upper triangles) when batch·2·width < width², else the product;
      // each goes in steps of STEP_MACS (of 4 product rows at least), counted here with room for rounding.
      const gram = 2 * batch < width;
      const norm = gram ? batch * batch * width : width * width * batch;
      const normStep = Math.max(STEP_MACS, gram ? 4 * batch * width : 4 * width * batch);
      const normYields = depth * Math.floor(norm / (2 * normStep));
      expect(yields).toBeGreaterThanOrEqual(Math.floor(macs / Math.max(STEP_MACS, 4 * perRow)) + normYields);
      expect(JSON.stringify(result)).toBe(JSON.stringify(gradientFlowFlat(act, net, { gain: 1.5 })));
    },
    60_000,
  );
});
