// Bundles the bench page and each peer library into its own browser script, in memory.
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { chartJsTreeShaking } from '../scripts/chartjs-tree-shaking.mjs';

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
  files['/main.js'] = new TextEncoder().encode(await buildMain());
  return files;
}

/**
 * main.js as `npm run build` makes it (minified CommonJS, the whole bundle one function a Worker can run:
 * esbuild.config.mjs's wrapper), served inside a loader function the page calls the way Obsidian evaluates
 * a plugin. The page's own copy of the sources (page.js) stays for the profile sections, which wrap prototypes.
 */
async function buildMain() {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['main.ts'],
    bundle: true,
    write: false,
    format: 'cjs',
    target: 'es2020',
    platform: 'browser',
    external: ['obsidian'],
    alias: { '@kurkle/color': './src/chart/color-stub.ts' },
    // BENCH_NAMES=1 keeps function names, for CPU profiles that say where the time went.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: !process.env.BENCH_NAMES,
    charset: 'utf8',
    legalComments: 'none',
    banner: { js: 'function activationLabBundle(require, module, exports) {' },
    footer: { js: '}\nactivationLabBundle(require, module, exports);' },
    plugins: [chartJsTreeShaking],
    logLevel: 'warning',
  });
  return `window.__activationLabMain = function (module, exports, require) {\n${result.outputFiles[0].text}\n};\n`;
}
