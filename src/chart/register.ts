/** Registers only the Chart.js pieces we draw with, once, so esbuild tree-shakes the rest away. */
import { Chart } from 'chart.js';
import { BatchedLinearScale, BatchedLogarithmicScale } from './scales';

let registered = false;

/** Makes Chart.js ready for our charts on linear and log scales. Idempotent. */
export function ensureChartRegistered(): typeof Chart {
  if (!registered) {
    // Scales only. Our charts have no datasets (plugins/curves.ts draws the lines), and Chart.js looks a
    // controller up per dataset, so the 'line' type needs none: LineController would be 2.7 kB of main.js
    // that never runs. Registering our scales registers Chart.js's linear and log scales too (their parents).
    // With no controller registered, no dataset can run DatasetController either, so the build stubs it out
    // (scripts/chartjs-tree-shaking.mjs).
    Chart.register(BatchedLinearScale, BatchedLogarithmicScale);
    registered = true;
  }
  return Chart;
}
