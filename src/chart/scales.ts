/**
 * Chart.js's linear and log scales, drawn in fewer and cheaper canvas calls. Chart.js strokes every grid
 * line inside its own save/stroke/restore and renders every tick label with its own save, font,
 * transform and restore. A slider frame redraws all of them, so here grid lines are filled rectangles
 * and labels share one font: the same pixels for less work per frame. Layout, linear ticks and pixel
 * mapping stay Chart.js's own; log axes tick at decades. The build leaves Chart.js's own grid and label drawing out
 * (scripts/chartjs-unreachable.mjs), so options it alone could draw (scriptable grid colours, rotated or
 * multi-line labels, backdrops), which chart-config.ts never sets, fail loudly instead.
 */
import { LinearScale, LogarithmicScale, Scale, type ChartArea } from 'chart.js';
import { fillSnapped, type Parts } from './fill-within';

/** Scale type ids for the configuration (see chart-config.ts). */
export const SCALE_TYPE = { linear: 'activationLabLinear', logarithmic: 'activationLabLogarithmic' } as const;

/** Either of our scales (the helpers read only what both share). */
type AnyScale = LinearScale | LogarithmicScale;

/**
 * Chart.js's `_alignPixel`: snaps a line of `width` CSS px to the device-pixel grid, so a 1 px grid line
 * covers whole device pixels instead of blurring across two.
 */
function alignPixel(pixel: number, width: number, devicePixelRatio: number): number {
  const half = width !== 0 ? Math.max(width / 2, 0.5) : 0;
  return Math.round((pixel - half) * devicePixelRatio) / devicePixelRatio + half;
}

/**
 * Every grid line of `scale` as a filled rectangle, which is exactly the area a butt-capped stroke of the
 * line covers. In software rasterisation (Obsidian without GPU, and our benchmark) a filled axis-aligned
 * rectangle is a blit, while a stroked path, and worse one path of all lines, is scan-converted over its
 * whole bounding box: measured at 0.4 ms per frame for a one-path grid, ~0 for rectangles. With `parts`, only the
 * pieces inside them (a redraw of part of the plot area, plot-frame.ts).
 */
export function fillGrid(scale: AnyScale, area: ChartArea, parts: Parts | null = null): void {
  const grid = scale.options.grid as unknown as {
    display: boolean;
    drawOnChartArea: boolean;
    offset: boolean;
    color: unknown;
    lineWidth: unknown;
  };
  if (!grid.display || !grid.drawOnChartArea) return;
  if (typeof grid.color !== 'string' || typeof grid.lineWidth !== 'number' || grid.offset) unsupported('grid');
  const width = grid.lineWidth;
  if (!(width > 0) || !grid.color) return;
  const { ctx, chart } = scale;
  const dpr = chart.currentDevicePixelRatio;
  const horizontal = scale.isHorizontal();
  ctx.save();
  ctx.fillStyle = grid.color;
  for (let i = 0; i < scale.ticks.length; i++) {
    const edge = alignPixel(scale.getPixelForTick(i), width, dpr) - width / 2;
    if (horizontal) fillSnapped(ctx, dpr, edge, area.top, width, area.bottom - area.top, parts);
    else fillSnapped(ctx, dpr, area.left, edge, area.right - area.left, width, parts);
  }
  ctx.restore();
}

/** A tick font as Chart.js's `toFont` gives it. */
interface TickFont {
  string: string;
  lineHeight: number;
  size: number;
}

/** Tick fonts by the scale options they were resolved from: a scale's options object lives until its next `init`. */
const tickFonts = new WeakMap<object, TickFont>();

/**
 * Chart.js's `Scale._resolveTickFontOptions`, resolved once per options object: every tick has the one font chart-config.ts
 * gives (plain data, not scriptable), which Chart.js otherwise resolves through a fresh option context and `toFont` on
 * every call (for the tick limit, the digits, the label sizes, and each draw of the labels).
 */
function tickFont(scale: AnyScale): TickFont {
  const options = scale.options as object;
  let font = tickFonts.get(options);
  if (!font) {
    const own = Scale.prototype as unknown as {
      _resolveTickFontOptions(this: AnyScale, index: number): TickFont | null;
    };
    font = own._resolveTickFontOptions.call(scale, 0) ?? unsupported('tick labels');
    tickFonts.set(options, font);
  }
  return font;
}

/**
 * Every tick label of `scale` under one font and colour, where Chart.js's `_computeLabelItems` puts a plain label:
 * centred below the x axis's ticks, right-aligned left of the y axis's. That function resolves every option per
 * tick through a fresh context, a third of drawing a chart after a new layout.
 */
function fillLabels(scale: AnyScale, area: ChartArea): void {
  const { ticks: o, position } = scale.options;
  const grid = scale.options.grid as unknown as { drawTicks: boolean; tickLength: number };
  if (!o.display) return;
  const horizontal = scale.isHorizontal();
  if (
    position !== (horizontal ? 'bottom' : 'left') ||
    scale.labelRotation ||
    o.mirror ||
    o.align !== 'center' ||
    o.crossAlign !== 'near' ||
    o.showLabelBackdrop ||
    Number(o.textStrokeWidth) > 0 ||
    typeof o.color !== 'string'
  )
    unsupported('tick labels');
  const { ctx, chart } = scale;
  const font = tickFont(scale);
  const gap = (grid.drawTicks ? grid.tickLength : 0) + o.padding;
  ctx.save();
  // Chart.js clips labels to the scale's own band, so a long label never runs into the plot.
  ctx.beginPath();
  if (horizontal) ctx.rect(0, scale.top, chart.width, scale.bottom - scale.top);
  else ctx.rect(scale.left, 0, scale.right - scale.left, chart.height);
  ctx.clip();
  ctx.font = font.string;
  ctx.fillStyle = o.color;
  ctx.textAlign = horizontal ? 'center' : 'right';
  ctx.textBaseline = 'middle';
  for (let i = 0; i < scale.ticks.length; i++) {
    const label: unknown = scale.ticks[i].label;
    if (typeof label !== 'string') unsupported('tick labels');
    const pixel = scale.getPixelForTick(i) + o.labelOffset;
    if (horizontal) ctx.fillText(label, pixel, scale.top + gap + font.lineHeight / 2);
    else ctx.fillText(label, scale.right - gap, pixel);
  }
  ctx.restore();
}

/** Tick label widths by font and label, shared by every chart: the same few labels recur in every chart of a note. */
const labelWidths = new Map<string, Map<unknown, number>>();

/** What `_computeLabelSizes` returns: the sizes Chart.js's layout reads. */
interface LabelSizes {
  first: { width: number; height: number };
  last: { width: number; height: number };
  widest: { width: number; height: number };
  highest: { width: number; height: number };
  widths: number[];
  heights: number[];
}

/**
 * Chart.js's `Scale._computeLabelSizes` for our scales, with the same results: every tick has the one font
 * chart-config.ts gives (plain data, not scriptable), so it is resolved once instead of through an option
 * context per tick, and widths measured by one chart serve the next (Chart.js kept a cache per scale and
 * set the context's font per label). While a font is still loading its widths are measured, not kept.
 */
function computeLabelSizes(
  scale: AnyScale,
  ticks: readonly { label: unknown }[],
  length: number,
  maxTicksLimit: number | undefined,
): LabelSizes {
  const ctx = scale.ctx;
  const widths: number[] = [];
  const heights: number[] = [];
  const increment = Math.floor(length / Math.min(maxTicksLimit || length, length));
  let font: { string: string; lineHeight: number } | null = null;
  let known: Map<unknown, number> | undefined;
  let fontSet = false;
  for (let i = 0; i < length; i += increment) {
    const label = ticks[i].label;
    if (Array.isArray(label)) unsupported('tick labels');
    if (label === null || label === undefined) {
      widths.push(0);
      heights.push(0);
      continue;
    }
    if (!font) {
      font = tickFont(scale);
      const settled = (ctx.canvas as Partial<HTMLCanvasElement>).ownerDocument?.fonts?.status !== 'loading';
      known = settled ? labelWidths.get(font.string) : new Map<unknown, number>();
      if (!known) labelWidths.set(font.string, (known = new Map<unknown, number>()));
      if (known.size > 500) known.clear();
    }
    let width = (known as Map<unknown, number>).get(label);
    if (width === undefined) {
      if (!fontSet) ctx.font = font.string;
      fontSet = true;
      width = ctx.measureText(label as string).width;
      (known as Map<unknown, number>).set(label, width);
    }
    widths.push(width);
    heights.push(font.lineHeight);
  }
  const widest = Math.max(0, ...widths);
  const highest = Math.max(0, ...heights);
  const at = (i: number) => ({ width: widths[i] || 0, height: heights[i] || 0 });
  return {
    first: at(0),
    last: at(length - 1),
    widest: at(widths.indexOf(widest)),
    highest: at(heights.indexOf(highest)),
    widths,
    heights,
  };
}

/** Fails on scale options only Chart.js's own drawing, which the build leaves out, could draw. */
function unsupported(what: string): never {
  throw new Error(
    `Activation Lab's scales draw plain ${what} only (src/chart/scales.ts); chart-config.ts sets no other`,
  );
}

/** The linear scale, drawn in batches. */
export class BatchedLinearScale extends LinearScale {
  static id = SCALE_TYPE.linear;

  drawGrid(chartArea: ChartArea): void {
    fillGrid(this, chartArea);
  }

  drawLabels(chartArea: ChartArea): void {
    fillLabels(this, chartArea);
  }
}

/**
 * The powers of ten from `min` to `max`, thinned to at most ~10 (a 120-decade Sigmoid run stays readable): the only
 * ticks our log axes label or grid.
 */
export function decadeTicks(min: number, max: number): { value: number }[] {
  const first = Math.ceil(Math.log10(min) - 1e-9);
  const last = Math.floor(Math.log10(max) + 1e-9);
  const every = Math.max(1, Math.ceil((last - first + 1) / 10));
  const ticks: { value: number }[] = [];
  for (let e = first; e <= last; e++) if (e % every === 0) ticks.push({ value: Number(`1e${e}`) });
  return ticks;
}

/**
 * The logarithmic scale, drawn in batches, ticked at decades. Chart.js would tick 1, 2, … 9, 10, 15 in every decade
 * (over 300 ticks for 30 decades), each labelled and then dropped: most of a new log axis's layout.
 */
export class BatchedLogarithmicScale extends LogarithmicScale {
  static id = SCALE_TYPE.logarithmic;

  buildTicks(): { value: number }[] {
    // What Chart.js's buildTicks sets besides the ticks (our axes are never reversed).
    Object.assign(this, { start: this.min, end: this.max });
    return decadeTicks(this.min, this.max);
  }

  drawGrid(chartArea: ChartArea): void {
    fillGrid(this, chartArea);
  }

  drawLabels(chartArea: ChartArea): void {
    fillLabels(this, chartArea);
  }
}

/**
 * Chart.js's `Scale._layers` for what chart-config.ts configures: grid and title under the plot (z −1), the tick labels
 * (z 0), in Chart.js's order. Its border and background layers draw nothing here (`border.display` is false, there is
 * no `backgroundColor`), so they are left out rather than resolved through a fresh option context on every draw.
 */
function layers(scale: AnyScale): { z: number; draw(area: ChartArea): void }[] {
  const own = scale as unknown as { drawTitle(): void };
  return [
    {
      z: -1,
      draw: (area) => {
        scale.drawGrid(area);
        own.drawTitle();
      },
    },
    { z: 0, draw: (area) => scale.drawLabels(area) },
  ];
}

// Chart.js declares these private, so our versions go onto the prototypes rather than into the classes.
for (const scale of [BatchedLinearScale, BatchedLogarithmicScale]) {
  Object.defineProperty(scale.prototype, '_computeLabelSizes', {
    value(this: AnyScale, ticks: { label: unknown }[], length: number, maxTicksLimit: number | undefined) {
      return computeLabelSizes(this, ticks, length, maxTicksLimit);
    },
  });
  Object.defineProperty(scale.prototype, '_resolveTickFontOptions', {
    value(this: AnyScale) {
      return tickFont(this);
    },
  });
  // Writable: Chart.js's layout assigns each box's `_layers` to itself (`item._layers = item._layers || …`).
  Object.defineProperty(scale.prototype, '_layers', {
    value(this: AnyScale) {
      return layers(this);
    },
    writable: true,
  });
  // Labels are never rotated (chart-config.ts: minRotation = maxRotation = 0, where Chart.js's version returns at once).
  Object.defineProperty(scale.prototype, 'calculateLabelRotation', {
    value(this: AnyScale) {
      this.labelRotation = 0;
    },
  });
}
