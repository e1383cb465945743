/** Registers only the Chart.js pieces we draw with, once, so esbuild tree-shakes the rest away. */
import { Chart, LineController } from 'chart.js';
import { BatchedLinearScale, BatchedLogarithmicScale } from './scales';

let registered = false;

/** Makes Chart.js ready for line charts on linear and log scales. Idempotent. */
export function ensureChartRegistered(): typeof Chart {
  if (!registered) {
    // The 'line' type needs its controller; its point and line elements are never built (we draw the curves).
    // Registering our scales registers Chart.js's linear and log scales too: they are their parents.
    Chart.register(LineController, BatchedLinearScale, BatchedLogarithmicScale);
    registered = true;
  }
  return Chart;
}
