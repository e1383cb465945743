/**
 * The one drawing model every block kind produces: axes, lines, shaded bands and point markers as
 * plain data. `buildChartConfig` turns it into a Chart.js configuration; `ChartView` draws it.
 */

/** One axis: fixed range (we never let Chart.js guess, which costs a layout pass), linear or log. */
export interface AxisModel {
  type: 'linear' | 'logarithmic';
  min: number;
  max: number;
  /** Tick spacing for linear axes; ticks then fall on multiples of it, including 0. */
  step?: number;
  title?: string;
  /** Integer ticks only (layers, steps). */
  integer?: boolean;
}

/** A polyline; `NaN` in `y` lifts the pen. */
export interface LineModel {
  /** Names the line within its chart (`p0`, `c1_2`, …), for tests and tools that look one up. */
  id: string;
  label: string;
  colorIndex: number;
  dashed?: boolean;
  /** Stroke width in px (2 when absent): a wider line under a narrower one keeps coinciding runs apart. */
  width?: number;
  /** Thinner and translucent: envelopes, contour lines. */
  faint?: boolean;
  /** Draw a dot at every point (short series such as training steps or layers). */
  dots?: boolean;
  x: readonly number[];
  y: readonly number[];
  /** Hidden from the legend (contours, helper lines). */
  hideInLegend?: boolean;
}

/** A shaded x interval with a short label. */
export interface BandModel {
  from: number;
  to: number;
  colorIndex: number;
  label: string;
  /** Full-height shading when absent; otherwise a thin strip in this lane along the bottom (several functions). */
  lane?: number;
  /** What this kind of band means, for the legend ("saturation"); bands sharing it share one entry. */
  legend?: string;
}

/** A labelled point, e.g. the derivative's peak or autograd's value at a kink. */
export interface MarkerModel {
  x: number;
  y: number;
  colorIndex: number;
  label?: string;
  /** `ring`: hollow circle (a convention at a kink); `dot`: filled; `star`: a target such as w*. */
  shape: 'dot' | 'ring' | 'star';
  /** What this kind of marker means, for the legend ("largest f′"); markers sharing it share one entry. */
  legend?: string;
}

/** Everything one chart shows. */
export interface LineChartModel {
  x: AxisModel;
  y: AxisModel;
  /**
   * Paint order: later lines paint over earlier ones, except that every dashed line paints after every solid
   * one (a derivative or a reference stays readable over the curves). Put what must stay visible last.
   */
  lines: LineModel[];
  bands: BandModel[];
  markers: MarkerModel[];
  /** Draw emphasised lines through x = 0 and y = 0 when they are in range. */
  zeroAxes: boolean;
  /** Words for screen readers describing the chart (set as the canvas's aria-label). */
  description: string;
  /** The chart's height as a fraction of the block's (default 1): a secondary chart can be shorter. */
  heightFactor?: number;
  /** A small multiple: consecutive panels share one row (side by side), each a square. */
  panel?: boolean;
  /** A map under everything, filling the plot area: p ∈ [0, 1] on n × n cells (row 0 at the top), drawn in
   *  colours[1] where p > 0.5 and colours[0] below, stronger the further p is from 0.5. */
  image?: { n: number; p: Float64Array; colors: [number, number] };
}
