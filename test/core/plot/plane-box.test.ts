/**
 * The (w₁, w₂) plane's window: each expected box worked out by hand from the rules planeBox states (focus points with
 * a margin of 0.15 × their span, path points within 1.5 × that span, equal units at the plot's aspect, a nice step
 * from 1, 2, 2.5, 5 × 10^k on about 5 intervals of y, x on whole steps nearest aspect × y-span).
 */
import { describe, expect, it } from 'vitest';
import { inset, planeBox } from '../../../src/core/plot/plane-box';

describe('planeBox', () => {
  it('widens y when the focus is wide: (10, 0), (30, 10) at aspect 1 → [0, 40] × [−10, 20], step 10', () => {
    // Span max(20, 10, 1) = 20, margin 3 (numbers exact in binary, so no rounding decides a floor): x [7, 33]
    // (26 wide), y [−3, 13] (16 tall). 26 / 16 > 1, so y is widened about its middle 5 to 26: [−8, 18].
    // Step: 26 / 5 = 5.2 → 10; y on steps [−10, 20]. x: max(⌈26 / 10⌉, round(1 · 30 / 10)) = 3 steps centred on 20 →
    // starts at 10·⌊(20 − 15)/10 + 0.5⌋ = 10, beyond the margin's 7, so one step left: 0; the end
    // max(0 + 30, 10·⌈3.3⌉) = 40 covers 33.
    expect(
      planeBox(
        [
          [10, 0],
          [30, 10],
        ],
        [],
        1,
      ),
    ).toEqual({ xMin: 0, xMax: 40, yMin: -10, yMax: 20, step: 10 });
  });

  it('widens x to the aspect when the focus is tall: (2, 1), (3, 5) at aspect 2 → [−4, 8] × [0, 6], step 2', () => {
    // Span max(1, 4, 1) = 4, margin 0.6: x [1.4, 3.6] (2.2), y [0.4, 5.6] (5.2); 2.2 / 5.2 < 2, y stays.
    // Step: 5.2 / 5 = 1.04 → 2; y on steps [0, 6]. x: max(⌈2.2 / 2⌉, round(2 · 6 / 2)) = 6 steps = 12, centred on 2.5
    // → starts at 2·⌊(2.5 − 6)/2 + 0.5⌋ = −4 (≤ 1.4, kept) and ends at max(−4 + 12, 2·⌈3.6 / 2⌉) = 8.
    expect(
      planeBox(
        [
          [2, 1],
          [3, 5],
        ],
        [],
        2,
      ),
    ).toEqual({ xMin: -4, xMax: 8, yMin: 0, yMax: 6, step: 2 });
  });

  it('keeps path points up to 1.5 × the focus span away, borders included, and cuts off the rest', () => {
    // Focus (0, 0), (2, 0): span 2, so path points count within x ∈ [−3, 5], y ∈ [−3, 3]. The four on those borders
    // count; the four at 10-ish and the runaway at 10⁹ do not. Bounds [−3, 5] × [−3, 3], margin 0.3: x [−3.3, 5.3]
    // (8.6), y [−3.3, 3.3] widened to 8.6: [−4.3, 4.3]. Step 8.6 / 5 = 1.72 → 2; y [−6, 6]. x: max(⌈4.3⌉, 6) = 6
    // steps centred on 1 → 2·⌊(1 − 6)/2 + 0.5⌋ = −4 (≤ −3.3, kept); end max(−4 + 12, 2·⌈2.65⌉) = 8.
    const onBorder = [
      [-3, 0],
      [5, 0],
      [0, -3],
      [0, 3],
    ];
    const beyond = [
      [-10, 0],
      [12, 0],
      [0, 10],
      [0, -10],
      [1e9, 1e9],
    ];
    const b = planeBox(
      [
        [0, 0],
        [2, 0],
      ],
      [...onBorder, ...beyond],
      1,
    );
    expect(b).toEqual({ xMin: -4, xMax: 8, yMin: -6, yMax: 6, step: 2 });
  });

  it('keeps the margin exactly when x needs no rounding: (0.6, 0), (1.6, 4) at aspect 1/4 → [0, 4] × [−4, 8]', () => {
    // Span 4, margin 0.6: x [0, 2.2], y [−0.6, 4.6] (5.2); 2.2 / 5.2 > 1/4, so y widens to 2.2 · 4 = 8.8 about 2:
    // [−2.4, 6.4]. Step 8.8 / 5 = 1.76 → 2; y [−4, 8]. x: max(⌈2.2 / 2⌉, round(12 / 4 / 2)) = 2 steps centred on 1.1 →
    // 2·⌊(1.1 − 2)/2 + 0.5⌋ = 0, which is not beyond the margin's 0, so it stays; end max(0 + 4, 2·⌈1.1⌉) = 4.
    expect(
      planeBox(
        [
          [0.6, 0],
          [1.6, 4],
        ],
        [],
        0.25,
      ),
    ).toEqual({ xMin: 0, xMax: 4, yMin: -4, yMax: 8, step: 2 });
  });

  it('gives x exactly the steps its data needs when that is a whole number: 3 steps, not 4', () => {
    // Focus (10, 0), (11, 1): span max(1, 1, 1) = 1, margin 0.15; the path's (9.15, 0.5), (11.85, 0.5) lie within
    // reach. x [9, 12] (3 wide), y [−0.15, 1.15] widened to 3 about 0.5: [−1, 2]. Step 3 / 5 = 0.6 → 1. x: exactly 3
    // steps (⌈3⌉ = 3 = round(3)), centred on 10.5 → ⌊10.5 − 1.5 + 0.5⌋ = 9; end max(12, ⌈12⌉) = 12.
    const b = planeBox(
      [
        [10, 0],
        [11, 1],
      ],
      [
        [9.15, 0.5],
        [11.85, 0.5],
      ],
      1,
    );
    expect(b).toEqual({ xMin: 9, xMax: 12, yMin: -1, yMax: 2, step: 1 });
  });

  it('puts +0, never −0, on an axis that ends at 0 (a tick label would read "-0")', () => {
    // Focus (0, −3), (1, −1): span 2, margin 0.3; y [−3.3, −0.7], step 2.6 / 5 → 1, so y's top is ⌈−0.7⌉ = −0.
    const b = planeBox(
      [
        [0, -3],
        [1, -1],
      ],
      [],
      1,
    );
    expect(b).toEqual({ xMin: -1, xMax: 3, yMin: -4, yMax: 0, step: 1 });
    expect(Object.is(b.yMax, 0)).toBe(true);
    expect(new Intl.NumberFormat('en').format(-0)).toBe('-0'); // why it matters
  });
});

describe('inset', () => {
  it('shrinks a box by a billionth of its width and height on each side', () => {
    const b = inset({ xMin: 0, xMax: 10, yMin: 5, yMax: 25 });
    expect(b.xMin).toBeCloseTo(1e-8, 20);
    expect(b.xMax).toBeCloseTo(10 - 1e-8, 14);
    expect(b.yMin).toBeCloseTo(5 + 2e-8, 14);
    expect(b.yMax).toBeCloseTo(25 - 2e-8, 14);
    expect(b.xMin > 0 && b.xMax < 10 && b.yMin > 5 && b.yMax < 25).toBe(true);
  });
});
