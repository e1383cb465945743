/** Separate script: function-plot (SVG, d3), what the Function Plot plugin draws with. */
import functionPlot, { Chart } from 'function-plot';
import { benchLibs, type FunctionPlotLib } from './globals';

benchLibs().functionPlot = {
  functionPlot: functionPlot as unknown as FunctionPlotLib['functionPlot'],
  cache: (Chart as unknown as { cache: Record<string, unknown> }).cache,
};
