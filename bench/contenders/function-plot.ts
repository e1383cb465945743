/**
 * function-plot (what the Function Plot plugin uses): SVG built by d3, curves typed as expressions,
 * `polyline` with 400 samples. There is no bitmap: the browser lays out and paints the SVG in the
 * next frame, so that frame's work is part of its time. Slider: rebuild with the same options object
 * (function-plot's documented way to re-render).
 */
import { curvePair, LEAKY_START, X_RANGE, type CurveKind, type CurvePair } from '../curves';
import { benchLibs, type FunctionPlotInstance, type FunctionPlotLib } from '../libs/globals';
import { HEIGHT, slot, WIDTH, type Contender } from './types';

function lib(): FunctionPlotLib {
  const found = benchLibs().functionPlot;
  if (!found) throw new Error('bench: the function-plot script is not loaded');
  return found;
}

function options(target: HTMLElement, pair: CurvePair): Record<string, unknown> {
  const datum = (fn: string): Record<string, unknown> => ({
    fn,
    scope: pair.scope,
    graphType: 'polyline',
    sampler: 'builtIn',
    nSamples: 400,
  });
  return {
    target,
    width: WIDTH,
    height: HEIGHT,
    xAxis: { domain: [...X_RANGE] },
    yAxis: { domain: [pair.y.min, pair.y.max] },
    data: [datum(pair.fExpr), datum(pair.dfExpr)],
  };
}

/** function-plot with the options a note would give it. */
export const functionPlotContender: Contender = {
  id: 'fplot',
  label: 'function-plot',
  drawsInFrame: true,
  updatesInFrame: true,
  prepare(stage, count, kind: CurveKind) {
    const { functionPlot, cache } = lib();
    const slots = Array.from({ length: count }, () => slot(stage));
    const charts: { opts: Record<string, unknown>; instance: FunctionPlotInstance }[] = [];
    return Promise.resolve({
      draw() {
        const pair = curvePair(kind, LEAKY_START);
        for (const s of slots) {
          const opts = options(s, pair);
          charts.push({ opts, instance: functionPlot(opts) });
        }
        return undefined;
      },
      canvases: () => [],
      setParam(value) {
        const { opts } = charts[0];
        for (const d of opts.data as { scope: { a: number } }[]) d.scope = { a: value };
        functionPlot(opts);
      },
      dispose() {
        for (const c of charts) delete cache[c.instance.id];
        for (const s of slots) s.remove();
      },
    });
  },
};
