/** Registers only the Chart.js pieces we draw with, once, so esbuild tree-shakes the rest away. */
import { Chart } from 'chart.js';
import { BatchedLinearScale, BatchedLogarithmicScale } from './scales';

/**
 * Chart.js calling the chart's own plugins (`config.plugins`) at each hook, without its plugin service. That service
 * resolves every plugin's options through Chart.js's option resolver and keeps a descriptor per plugin, and a new
 * chart builds them twice (at init, and again after its first update drops them): measured by `npm run bench` as work
 * the first chart of a page pays in full, before any of it is compiled. We register no plugin globally and ours take
 * no options, so a chart's hooks are exactly its config.plugins', called in order with the same arguments; a
 * cancellable hook returning false cancels, as in Chart.js (options come as `{}`).
 */
export class ActivationLabChart extends Chart<'line'> {
  override notifyPlugins(hook: string, args: { cancelable?: boolean } = {}): boolean {
    for (const plugin of this.config.plugins ?? []) {
      const method = (plugin as unknown as Record<string, unknown>)[hook];
      if (typeof method === 'function' && method.call(plugin, this, args, {}) === false && args.cancelable)
        return false;
    }
    return true;
  }
}

let registered = false;

/** Makes Chart.js ready for our charts on linear and log scales. Idempotent. */
export function ensureChartRegistered(): typeof ActivationLabChart {
  if (!registered) {
    // Scales only. Our charts have no datasets (plugins/curves.ts draws the lines), and Chart.js looks a
    // controller up per dataset, so the 'line' type needs none: LineController would be 2.7 kB of main.js
    // that never runs. Registering our scales registers Chart.js's linear and log scales too (their parents).
    // With no controller registered, no dataset can run DatasetController either, so the build stubs it out
    // (scripts/chartjs-tree-shaking.mjs).
    Chart.register(BatchedLinearScale, BatchedLogarithmicScale);
    registered = true;
  }
  return ActivationLabChart;
}
