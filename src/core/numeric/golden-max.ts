/** Golden-section search: the x in [a, b] where a unimodal `h` is largest (used to pin derivative peaks exactly). */

/** The maximiser of `h` on [a, b], to about 1e-14 relative. */
export function goldenMax(h: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 80 && b - a > 1e-14 * Math.max(1, Math.abs(a)); k++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (h(c) >= h(d)) b = d;
    else a = c;
  }
  const x = (a + b) / 2;
  // On a flat top the comparisons tie and the search stops anywhere within ~1e-8 of the peak; peaks of
  // activations sit at round numbers (0 for Sigmoid, Tanh), so prefer the snapped point when it is as good.
  const snapped = Math.round(x * 1e6) / 1e6;
  return snapped >= lo && snapped <= hi && h(snapped) >= h(x) ? snapped : x;
}
