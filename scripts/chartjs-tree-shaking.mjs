// An esbuild plugin that lets Chart.js's unused scales be tree-shaken. Chart.js declares every scale class with
// static defaults, and three of those read a property (`callback: Ticks.formatters.numeric`, and TimeSeriesScale's
// `static defaults = TimeScale.defaults`). esbuild must assume a property read may have side effects, so it kept
// RadialLinearScale, TimeScale and TimeSeriesScale (with the date adapter and point-label layout they bring) in
// main.js although we register only the linear and log scales: 17 kB of code that never runs.
// Wrapping each read in an arrow called at once, marked pure, gives the same value at the same moment, and lets
// esbuild drop a class nobody uses. If Chart.js changes these lines the build fails here, instead of silently growing.
// It also swaps DatasetController for a stub. Chart.js builds a DatasetController subclass per dataset, and only
// for a controller type that is registered; we register none and draw no datasets (src/chart/register.ts,
// chart-config.ts), so that class's 600 lines, and the parsing, stacking and animation code only it uses, can never
// run here: 17 kB of main.js. The registry still reads the class (it tells controllers from scales by prototype)
// and its static fields, so the stub keeps those; constructing it, e.g. after registering a controller, fails loudly.
// Last, the functions our fixed chart options can never reach are stubbed the same way (scripts/chartjs-unreachable.mjs).
import { readFile } from 'node:fs/promises';
import { stubUnreachable } from './chartjs-unreachable.mjs';

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

/** Where DatasetController starts in chart.js, and what stands in its place. */
const DATASET_CONTROLLER = 'class DatasetController {';
const DATASET_CONTROLLER_STUB = `class DatasetController {
 static defaults = {};
 static datasetElementType = null;
 static dataElementType = null;
 constructor() {
  throw new Error('Activation Lab bundles Chart.js without DatasetController (scripts/chartjs-tree-shaking.mjs): it draws no datasets');
 }
}`;

/** chart.js's text with DatasetController (from its line to the first `}` at the start of a line) replaced by the stub. */
function stubDatasetController(contents, path) {
  const start = contents.indexOf(DATASET_CONTROLLER);
  const end = contents.indexOf('\n}\n', start);
  const body = contents.slice(start, end);
  if (start < 0 || end < 0 || contents.indexOf(DATASET_CONTROLLER, start + 1) >= 0 || /\n(class|function) /.test(body))
    throw new Error(
      `chartjs-tree-shaking: expected one '${DATASET_CONTROLLER}' ending at a '}' line in ${path}; update scripts/chartjs-tree-shaking.mjs for this Chart.js`,
    );
  return contents.slice(0, start) + DATASET_CONTROLLER_STUB + contents.slice(end + 2);
}

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
      return { contents: stubUnreachable(stubDatasetController(contents, args.path), args.path), loader: 'js' };
    });
    build.onLoad({ filter: /[\\/]chart\.js[\\/]dist[\\/]chunks[\\/]index\.js$/ }, async (args) => ({
      contents: stubUnreachable(await readFile(args.path, 'utf8'), args.path, true),
      loader: 'js',
    }));
  },
};
