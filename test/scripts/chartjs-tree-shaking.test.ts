/**
 * The build's Chart.js patch (scripts/chartjs-tree-shaking.mjs) keeps what the registry needs: scales register as
 * before, a controller registry still tells controllers from scales, and the stubbed DatasetController refuses
 * to be built instead of failing somewhere deep inside.
 */
import esbuild from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { chartJsTreeShaking } from '../../scripts/chartjs-tree-shaking.mjs';

/** Chart.js bundled the way esbuild.config.mjs bundles it, with a probe; the probe's findings. */
async function probe(): Promise<Record<string, unknown>> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'chartjs-tree-shaking-')), 'probe.cjs');
  await esbuild.build({
    stdin: {
      contents: `import { Chart, DatasetController, LinearScale, LogarithmicScale, registry } from 'chart.js';
        Chart.register(LinearScale, LogarithmicScale);
        let refused = '';
        try { new DatasetController(); } catch (e) { refused = e.message; }
        let line = '';
        try { registry.getController('line'); } catch (e) { line = e.message; }
        module.exports = { linear: registry.getScale('linear') === LinearScale, log: registry.getScale('logarithmic') === LogarithmicScale, refused, line };`,
      resolveDir: fileURLToPath(new URL('../..', import.meta.url)),
    },
    bundle: true,
    outfile,
    format: 'cjs',
    platform: 'node',
    alias: { '@kurkle/color': fileURLToPath(new URL('../../src/chart/color-stub.ts', import.meta.url)) },
    plugins: [chartJsTreeShaking],
  });
  return createRequire(import.meta.url)(outfile) as Record<string, unknown>;
}

describe('chartjs-tree-shaking', () => {
  test('scales register; DatasetController is a stub that refuses to run; unregistered controllers still throw', async () => {
    const found = await probe();
    expect(found.linear).toBe(true);
    expect(found.log).toBe(true);
    expect(found.refused).toMatch(/without DatasetController/);
    expect(found.line).toBe('"line" is not a registered controller.');
  });
});
