// What the demo and the budgets pages share: main.js read whole, and a page script bundled against the project's
// Obsidian fake (test/fakes/obsidian.ts stands in for the `obsidian` module).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/**
 * A file read once, and only when two reads agree: the browser tests rebuild main.js while `npm test` runs these
 * scripts, and a read in the middle of that write would hand the page half a bundle.
 * @param {string} file @returns {Promise<string>}
 */
export async function readStable(file) {
  for (let previous = null; ; await new Promise((ok) => setTimeout(ok, 100))) {
    const text = readFileSync(file, 'utf8');
    if (text.length > 0 && text === previous) return text;
    previous = text;
  }
}

/**
 * scripts/`entry` bundled for the browser as one script, `obsidian` answered by the fake.
 * @param {string} entry @returns {Promise<string>}
 */
export async function bundleFakePage(entry) {
  const result = await esbuild.build({
    entryPoints: [join(root, 'scripts', entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'error',
    alias: { obsidian: join(root, 'test', 'fakes', 'obsidian.ts') },
    // src/obsidian/language.ts probes `moment`, which the fake leaves out on purpose.
    logOverride: { 'import-is-undefined': 'silent' },
  });
  return result.outputFiles[0].text;
}
