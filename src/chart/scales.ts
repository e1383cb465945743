/**
 * Chart.js's linear and log scales, drawn in fewer and cheaper canvas calls. Chart.js strokes every grid
 * line inside its own save/stroke/restore and renders every tick label with its own save, font,
 * transform and restore. A slider frame redraws all of them, so here grid lines are filled rectangles
 * and labels share one font: the same pixels for less work per frame. Layout, ticks and pixel
 * mapping stay Chart.js's own. The build leaves Chart.js's own grid and label drawing out
 * (scripts/chartjs-unreachable.mjs), so options it alone could draw (scriptable grid colours, rotated or
 * multi-line labels, backdrops), which chart-config.ts never sets, fail loudly instead.
 */
import { LinearScale, LogarithmicScale, type ChartArea, type FontSpec } from 'chart.js';
import { toFont } from 'chart.js/helpers';

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
 * whole bounding box: measured at 0.4 ms per frame for a one-path grid, ~0 for rectangles.
 */
function fillGrid(scale: AnyScale, area: ChartArea): void {
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
    if (horizontal) ctx.fillRect(edge, area.top, width, area.bottom - area.top);
    else ctx.fillRect(area.left, edge, area.right - area.left, width);
  }
  ctx.restore();
}

/** Tick fonts by the scale options they were resolved from: each chart update gives a scale new options. */
const tickFonts = new WeakMap<object, ReturnType<typeof toFont>>();

/**
 * Chart.js's `_resolveTickFontOptions`, resolved once per options instead of once per call and tick: chart-config.ts
 * gives every tick one plain font (not scriptable), so the option context Chart.js builds per tick changes nothing.
 */
function tickFont(scale: AnyScale): ReturnType<typeof toFont> {
  let font = tickFonts.get(scale.options);
  if (!font) tickFonts.set(scale.options, (font = toFont(scale.options.ticks.font as Partial<FontSpec>)));
  return font;
}

/**
 * Every tick label of `scale` under one font and colour, where Chart.js's `_computeLabelItems` puts it for our
 * options (x labels centred under their ticks, y labels right-aligned beside them, one line, no rotation) without
 * resolving an option context per tick.
 */
function fillLabels(scale: AnyScale): void {
  const ticks = scale.options.ticks;
  if (!ticks.display) return;
  const { position, grid } = scale.options;
  const horizontal = scale.isHorizontal();
  if (
    typeof ticks.color !== 'string' ||
    scale.labelRotation !== 0 ||
    ticks.mirror ||
    ticks.showLabelBackdrop ||
    ticks.labelOffset !== 0 ||
    (ticks.textStrokeWidth as number) > 0 ||
    ticks.align !== 'center' ||
    ticks.crossAlign !== 'near' ||
    position !== (horizontal ? 'bottom' : 'left') ||
    scale.ticks.some((tick) => typeof tick.label !== 'string')
  )
    unsupported('tick labels');
  const { ctx, chart } = scale;
  const font = tickFont(scale);
  const tickAndPadding = (grid.drawTicks ? (grid.tickLength as number) : 0) + ticks.padding;
  ctx.save();
  // Chart.js clips labels to the scale's own band, so a long label never runs into the plot.
  ctx.beginPath();
  if (horizontal) ctx.rect(0, scale.top, chart.width, scale.bottom - scale.top);
  else ctx.rect(scale.left, 0, scale.right - scale.left, chart.height);
  ctx.clip();
  ctx.font = font.string;
  ctx.fillStyle = ticks.color;
  ctx.textAlign = horizontal ? 'center' : 'right';
  ctx.textBaseline = 'middle';
  const y = scale.top + tickAndPadding;
  const x = scale.right - tickAndPadding;
  for (let i = 0; i < scale.ticks.length; i++) {
    const label = scale.ticks[i].label as string;
    const pixel = scale.getPixelForTick(i);
    if (horizontal) ctx.fillText(label, pixel, y + font.lineHeight / 2);
    else ctx.fillText(label, x, pixel);
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

  drawLabels(): void {
    fillLabels(this);
  }
}

/** The logarithmic scale, drawn in batches. */
export class BatchedLogarithmicScale extends LogarithmicScale {
  static id = SCALE_TYPE.logarithmic;

  drawGrid(chartArea: ChartArea): void {
    fillGrid(this, chartArea);
  }

  drawLabels(): void {
    fillLabels(this);
  }
}

// Chart.js declares `_computeLabelSizes` and `_resolveTickFontOptions` private, so our versions go onto the
// prototypes rather than into the classes.
for (const scale of [BatchedLinearScale, BatchedLogarithmicScale])
  Object.defineProperties(scale.prototype, {
    _computeLabelSizes: {
      value(this: AnyScale, ticks: { label: unknown }[], length: number, maxTicksLimit: number | undefined) {
        return computeLabelSizes(this, ticks, length, maxTicksLimit);
      },
    },
    _resolveTickFontOptions: {
      value(this: AnyScale) {
        return tickFont(this);
      },
    },
  });
