/** Registers only the Chart.js pieces we draw with, once, so esbuild tree-shakes the rest away. */
import { Chart, LineController, LinearScale, LogarithmicScale } from 'chart.js';

let registered = false;

/** Makes Chart.js ready for line charts on linear and log scales. Idempotent. */
export function ensureChartRegistered(): typeof Chart {
  if (!registered) {
    // The 'line' type needs its controller; its point and line elements are never built (we draw the curves).
    Chart.register(LineController, LinearScale, LogarithmicScale);
    registered = true;
  }
  return Chart;
}
