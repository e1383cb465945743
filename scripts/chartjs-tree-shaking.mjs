// An esbuild plugin that lets Chart.js's unused scales be tree-shaken. Chart.js declares every scale class with
// static defaults, and three of those read a property (`callback: Ticks.formatters.numeric`, and TimeSeriesScale's
// `static defaults = TimeScale.defaults`). esbuild must assume a property read may have side effects, so it kept
// RadialLinearScale, TimeScale and TimeSeriesScale (with the date adapter and point-label layout they bring) in
// main.js although we register only the linear and log scales: 17 kB of code that never runs.
// Wrapping each read in an arrow called at once, marked pure, gives the same value at the same moment, and lets
// esbuild drop a class nobody uses. If Chart.js changes these lines the build fails here, instead of silently growing.
import { readFile } from 'node:fs/promises';

/** The property reads in Chart.js's scale defaults, and how many of each the pinned version has. */
const READS = [
  {
    pattern: /callback: Ticks\.formatters\.(numeric|logarithmic)\b/g,
    replace: 'callback: /* @__PURE__ */ (() => Ticks.formatters.$1)()',
    count: 3,
  },
  {
    pattern: /static defaults = TimeScale\.defaults;/g,
    replace: 'static defaults = /* @__PURE__ */ (() => TimeScale.defaults)();',
    count: 1,
  },
];

/** @type {import('esbuild').Plugin} */
export const chartJsTreeShaking = {
  name: 'chartjs-tree-shaking',
  setup(build) {
    build.onLoad({ filter: /[\\/]chart\.js[\\/]dist[\\/]chart\.js$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8');
      for (const { pattern, replace, count } of READS) {
        const found = contents.match(pattern)?.length ?? 0;
        if (found !== count)
          throw new Error(
            `chartjs-tree-shaking: expected ${count} of ${pattern} in ${args.path}, found ${found}; update scripts/chartjs-tree-shaking.mjs for this Chart.js`,
          );
        contents = contents.replace(pattern, replace);
      }
      return { contents, loader: 'js' };
    });
  },
};
