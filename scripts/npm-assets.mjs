// Serves the few npm packages that pages load as files (webfonts, MathJax) under /npm/<package>/<file>, from
// node_modules, for the demo and bench servers. Only these packages, only files inside them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const modules = resolve(fileURLToPath(new URL('../node_modules', import.meta.url)));
const PACKAGES = [
  '@fontsource/inter',
  '@fontsource/noto-sans-sc',
  '@fontsource/noto-sans-mono',
  'twemoji-colr-font',
  'mathjax',
];
const TYPES = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The route for a `/npm/…` path: `() => [content type, body]`, or undefined when the path is not a file of an
 * allowed package (so the server answers 404).
 * @param {string} path
 * @returns {(() => [string, Buffer]) | undefined}
 */
export function npmAsset(path) {
  if (!path.startsWith('/npm/')) return undefined;
  const rel = normalize(decodeURIComponent(path.slice('/npm/'.length)));
  const pkg = PACKAGES.find((p) => rel.startsWith(`${p}${sep}`));
  const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(rel))];
  if (!pkg || !type) return undefined;
  const file = join(modules, rel);
  if (!file.startsWith(join(modules, pkg) + sep) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return () => [type, readFileSync(file)];
}
