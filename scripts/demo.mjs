// `npm run demo` (after `npm run build`): renders every note of examples/vault through the BUILT main.js on the
// project's Obsidian host in a local page, writes one full-page PNG per note (plus the seed note in the dark
// theme, in English, and the seed note's "Check formulas in this note" list) to docs/screenshots/, then keeps
// serving so a person can use the page live.
// `--once` (or CI=true) stops after the screenshots; `--out <dir>` writes them elsewhere (the test does).
// Exits non-zero if a chart fails to draw, a block shows an error or the page logs an error.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { bundleFakePage, readStable } from './fake-page.mjs';
import { npmAsset } from './npm-assets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vaultDir = join(root, 'examples', 'vault');
const outArg = process.argv.indexOf('--out');
const outDir =
  outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]) : join(root, 'docs', 'screenshots');
const once = process.argv.includes('--once') || process.env.CI === 'true';
const port = Number(process.env.DEMO_PORT ?? 0);

/** Screenshot names: ASCII, so README links work everywhere. */
const SLUGS = { '激活函数.md': 'activation-functions', '神经网络.md': 'neural-network', '代数学.md': 'algebra' };
const SEED = '激活函数.md';
/** One line of output (a CLI prints; plugin code never does). */
const say = (line = '') => process.stdout.write(`${line}\n`);

/** The vault's notes, path → text (dot-folders such as .obsidian skipped, as Obsidian's index does). */
function readNotes(dir, base = dir, out = {}) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) readNotes(full, base, out);
    else if (entry.name.endsWith('.md')) out[relative(base, full).split(sep).join('/')] = readFileSync(full, 'utf8');
  }
  return out;
}

function serve(routes) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path] ?? (path === '/' || path === '/index.html' ? routes['/'] : npmAsset(path));
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    const [type, body] = route();
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

/**
 * Renders one page and screenshots it once every chart has drawn (only `element`, when given, once it shows);
 * returns problems found.
 */
async function shoot(browser, url, file, element) {
  const context = await browser.newContext({
    viewport: { width: 900, height: 900 },
    deviceScaleFactor: 2,
    colorScheme: 'light',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.demoStatus?.().ready, null, { timeout: 30_000 });
  // Lazy drawing draws what is in view: show the whole note at once, then wait until every box has ink.
  let height = 0;
  let status;
  for (let attempt = 0; attempt < 60; attempt++) {
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    if (h !== height) {
      height = h;
      await page.setViewportSize({ width: 900, height });
    }
    status = await page.evaluate(() => window.demoStatus());
    if (status.errors.length > 0 || (status.drawn === status.boxes && attempt > 1)) break;
    await page.waitForTimeout(250);
  }
  if (element) {
    const target = page.locator(element);
    await target.waitFor({ state: 'visible', timeout: 10_000 });
    // The element's rounded corners show what lies behind it: the note, whose background work (Dead ReLU's other
    // seeds) may still move its text. Hidden, so the image does not depend on when that work ends.
    await target.evaluate((el) => {
      for (const child of document.body.children)
        if (child instanceof HTMLElement && !child.contains(el)) child.style.visibility = 'hidden';
    });
    await target.screenshot({ path: file });
  } else await page.screenshot({ path: file, fullPage: true });
  await context.close();
  if (status.drawn !== status.boxes)
    problems.push(`${status.boxes - status.drawn} of ${status.boxes} charts not drawn`);
  problems.push(...status.errors.map((e) => `block error: ${e}`));
  return { problems, status };
}

async function main() {
  const mainJs = join(root, 'main.js');
  if (!existsSync(mainJs)) throw new Error('main.js not found: run `npm run build` first (npm run demo does).');
  const notes = readNotes(vaultDir);
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    '<title>Activation Lab demo</title><link rel="stylesheet" href="/demo-page.css"></head>' +
    '<body><script src="/demo-page.js"></script></body></html>';
  const pageJs = await bundleFakePage('demo-page.ts');
  const pluginJs = await readStable(mainJs);
  const server = await serve({
    '/': () => ['text/html; charset=utf-8', html],
    '/demo-page.js': () => ['text/javascript; charset=utf-8', pageJs],
    '/demo-page.css': () => ['text/css; charset=utf-8', readFileSync(join(root, 'scripts', 'demo-page.css'))],
    '/plugin/main.js': () => ['text/javascript; charset=utf-8', pluginJs],
    '/plugin/styles.css': () => ['text/css; charset=utf-8', readFileSync(join(root, 'styles.css'))],
    '/vault.json': () => ['application/json; charset=utf-8', JSON.stringify(notes)],
  });
  const base = `http://127.0.0.1:${server.address().port}/`;
  mkdirSync(outDir, { recursive: true });
  const shots = Object.keys(notes)
    .sort()
    .map((note) => ({ note, theme: 'light', lang: 'zh', name: `${SLUGS[note] ?? note.replace(/\.md$/, '')}.png` }));
  shots.push({ note: SEED, theme: 'dark', lang: 'en', name: `${SLUGS[SEED]}-dark-en.png` });
  // "Check formulas in this note" run on the seed note: its list, as the modal shows it.
  shots.push({
    note: SEED,
    theme: 'light',
    lang: 'zh',
    name: 'formula-check.png',
    command: 'check-formulas',
    element: '.modal-container .modal',
  });
  const browser = await launchChromium();
  say(`Chromium ${browser.version()}`);
  let failed = false;
  const written = [];
  try {
    for (const shot of shots) {
      const file = join(outDir, shot.name);
      const params = { note: shot.note, theme: shot.theme, lang: shot.lang, bar: '0' };
      if (shot.command) params.command = shot.command;
      const url = `${base}?${new URLSearchParams(params)}`;
      const { problems, status } = await shoot(browser, url, file, shot.element);
      const plain = status.plainBlocks.length
        ? `; shown as plain code (kind not in this build): ${status.plainBlocks.join(', ')}`
        : '';
      say(
        `${problems.length ? 'FAIL' : 'ok  '} ${shot.note} (${shot.theme}, ${shot.lang}${shot.command ? `, command ${shot.command}` : ''}): ${status.drawn}/${status.boxes} charts drawn${plain}`,
      );
      for (const p of problems) say(`     ${p}`);
      failed ||= problems.length > 0;
      written.push(file);
    }
  } finally {
    await browser.close();
  }
  say(`\nScreenshots in ${relative(process.cwd(), outDir) || '.'}/:`);
  for (const file of written)
    say(`  ${relative(process.cwd(), file)}  (${Math.round(statSync(file).size / 1024)} KiB)`);
  if (once) {
    server.close();
    process.exitCode = failed ? 1 : 0;
    return;
  }
  say(`\nLive demo (sliders, hover, links): ${base}  — Ctrl+C to stop.`);
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
