// Bundles the bench page and each peer library into its own browser script, in memory.
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

/** The repository root (bench/..). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Served path → entry. The peers get scripts of their own so that chart.js/auto's global registration
 * never reaches the tree-shaken Chart.js inside page.js (our plugin's copy).
 */
const ENTRIES = {
  '/page.js': 'bench/page.ts',
  '/lib-chartjs-auto.js': 'bench/libs/chartjs-auto.ts',
  '/lib-function-plot.js': 'bench/libs/function-plot.ts',
};

/**
 * Builds every script (iife, es2020 like the plugin, browser platform; `obsidian` is the project's fake).
 * @returns {Promise<Record<string, Uint8Array>>} served path → bytes
 */
export async function buildScripts() {
  /** @type {Record<string, Uint8Array>} */
  const files = {};
  for (const [path, entry] of Object.entries(ENTRIES)) {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: [entry],
      outfile: `out${path}`,
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      alias: { obsidian: './test/fakes/obsidian.ts' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
      // src/obsidian/language.ts probes `moment`, which the fake leaves out on purpose.
      logOverride: { 'import-is-undefined': 'silent' },
    });
    files[path] = result.outputFiles[0].contents;
  }
  return files;
}
