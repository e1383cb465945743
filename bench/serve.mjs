// A static server on 127.0.0.1 (random port) for the bench page: the HTML, the plugin's styles.css
// and the bundled scripts, all from memory.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { npmAsset } from '../scripts/npm-assets.mjs';
import { ROOT } from './build.mjs';

/**
 * The page: the plugin's stylesheet, page.js first (its probe must load before any library), main.js (evaluated only
 * when the page first loads the plugin), then the peers.
 */
const HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Activation Lab bench</title>
<link rel="stylesheet" href="/styles.css">
<style>body { margin: 0; }</style>
</head><body>
<script src="/page.js"></script>
<script src="/main.js"></script>
<script src="/lib-chartjs-auto.js"></script>
<script src="/lib-function-plot.js"></script>
</body></html>`;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

/**
 * Serves `scripts` plus `/` and `/styles.css`.
 * @param {Record<string, Uint8Array>} scripts
 * @returns {Promise<{ url: string, close: () => void }>}
 */
export function serve(scripts) {
  /** @type {Record<string, Uint8Array | string>} */
  const files = { ...scripts, '/': HTML, '/styles.css': readFileSync(join(ROOT, 'styles.css'), 'utf8') };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const asset = npmAsset(path)?.();
    const body = asset?.[1] ?? files[path];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    const ext = path === '/' ? '.html' : path.slice(path.lastIndexOf('.'));
    res.writeHead(200, {
      'content-type': asset?.[0] ?? `${TYPES[/** @type {keyof typeof TYPES} */ (ext)] ?? 'text/plain'}; charset=utf-8`,
      // Cross-origin isolation: performance.now() then ticks in 5 µs steps instead of 100 µs.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ url: `http://127.0.0.1:${address.port}/`, close: () => server.close() });
    });
  });
}
