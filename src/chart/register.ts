/** Registers only the Chart.js pieces we draw with, once, so esbuild tree-shakes the rest away. */
import { Chart, LineController, LineElement, LinearScale, LogarithmicScale, PointElement } from 'chart.js';

let registered = false;

/** Makes Chart.js ready for line charts on linear and log scales. Idempotent. */
export function ensureChartRegistered(): typeof Chart {
  if (!registered) {
    Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale);
    registered = true;
  }
  return Chart;
}
