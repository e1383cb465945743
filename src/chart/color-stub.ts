/**
 * Stands in for @kurkle/color in main.js (7 kB of it). Chart.js parses colours only to animate them
 * (animation is off) and to derive hover colours for datasets (we draw none: plugins/curves.ts paints
 * the lines). An invalid colour makes its interpolator return the target as is, and hover colours stay
 * the colour given: exactly what our charts show. esbuild.config.mjs aliases the package to this file.
 */
export class Color {
  /** Never a parsed colour: Chart.js then skips interpolation. */
  readonly valid = false;
  constructor(private readonly value: unknown) {}
  saturate(): this {
    return this;
  }
  darken(): this {
    return this;
  }
  mix(): this {
    return this;
  }
  /** The colour as given. */
  hexString(): unknown {
    return this.value;
  }
}
