// `npm run budgets` (after `npm run build`): the robustness budgets (size, start-up, leaks, lazy drawing) as figures, not timed unit tests. Prints every
// figure next to its budget and exits 1 if any is past it:
//   main.js within MAIN_JS_BUDGET_KB minified (scripts/size-budget.mjs) (peers: Obsidian Charts ≈ 364 KiB, Function Plot ≈ 162 KiB);
//   onload does no heavy work: no canvas, no Chart, no vault scan (and ≤ 50 ms, our own figure);
//   300 render/unload cycles over every block kind leave no canvas, observer, listener or interval, heap < +5 MB;
//   a 100-block note scrolled through its top part never draws a block that was never near the viewport;
//   checking a note's formulas takes ≤ 1 s CPU for the seed note and 1 MB of study notes (bench/formulas.mjs, in Node);
//   while the largest gradient-flow block computes, no main-thread task over 16 ms and no frame gap over 50 ms, and
//   dragging a 50 × 64 block's slider costs ≤ 4 ms of main-thread work per move (bench/run.mjs, in Chromium).
// The browser part runs the built main.js on the project's Obsidian fake in Debian's Chromium (playwright-core).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { bundleFakePage, readStable } from './fake-page.mjs';
import { MAIN_JS_BUDGET_KB } from './size-budget.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const say = (line = '') => process.stdout.write(`${line}\n`);
const KB = 1000;
const KIB = 1024;

/** Every judged figure's verdict, in order. */
const verdicts = [];
/** Prints one figure against its budget. @param {string} name @param {string} value @param {string} budget @param {boolean} ok */
const judge = (name, value, budget, ok) => {
  verdicts.push(ok);
  say(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(54)} ${value}  (budget ${budget})`);
};

function sizeBudget() {
  const bytes = statSync(join(root, 'main.js')).size;
  const kib = bytes / KIB;
  judge(
    'main.js size (minified)',
    `${(bytes / KB).toFixed(1)} KB (${kib.toFixed(1)} KiB)`,
    `≤ ${MAIN_JS_BUDGET_KB} KB`,
    bytes <= MAIN_JS_BUDGET_KB * KB,
  );
  say(
    `   peers: Obsidian Charts ≈ 364 KiB (ours is ${(kib / 364).toFixed(2)}×), Function Plot ≈ 162 KiB (ours is ${(kib / 162).toFixed(2)}×)`,
  );
}

/** bench/formulas.mjs in its own process (its heap is its own): each note it judges becomes a budget line here. */
function formulaBudgets() {
  const run = spawnSync(process.execPath, [join(root, 'bench', 'formulas.mjs')], { cwd: root, encoding: 'utf8' });
  const lines = (run.stdout ?? '').split('\n').filter((l) => /^(ok {2}|FAIL) /.test(l));
  for (const line of lines) {
    verdicts.push(line.startsWith('ok'));
    say(`${line.slice(0, 5)}formula check: ${line.slice(5)}`);
  }
  // The stress figure is printed, not judged (see bench/formulas.mjs).
  for (const line of (run.stdout ?? '').split('\n').filter((l) => l.startsWith('info ')))
    say(`info formula check: ${line.slice(5)}`);
  if (lines.length === 0 || (run.status !== 0 && lines.every((l) => l.startsWith('ok'))))
    judge('formula check bench', `exited ${run.status}: ${(run.stderr ?? '').trim().slice(0, 200)}`, 'runs', false);
}

/** Busy and total CPU ticks of the whole machine so far (Linux /proc/stat; null elsewhere). */
function cpuTicks() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0); // idle + iowait
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/**
 * Waits (at most `maxMs`) until the machine's CPUs are mostly idle over one second: the responsiveness figures are
 * wall times, and right after the test suite its processes (Chromium, workers) can still be winding down. A task
 * the OS deschedules for another process is long without any of our code running; waiting keeps the figures ours.
 */
async function quietMachine(maxMs = 60_000, busyLimit = 0.25) {
  const t0 = Date.now();
  let before = cpuTicks();
  if (!before) return;
  let busy = 1;
  while (Date.now() - t0 < maxMs) {
    await new Promise((ok) => setTimeout(ok, 1000));
    const now = cpuTicks();
    busy = (now.busy - before.busy) / Math.max(1, now.total - before.total);
    before = now;
    if (busy < busyLimit) break;
  }
  say(
    `   waited ${((Date.now() - t0) / 1000).toFixed(0)} s for a quiet machine: CPUs ${(busy * 100).toFixed(0)} % busy over the last second`,
  );
}

/**
 * The responsiveness budgets, measured by the bench in its own Chromium (bench/run.mjs builds main.js the same way):
 * while the largest ```gradient-flow block computes, in the Worker and without one, the longest main-thread task
 * ≤ 16 ms and the largest gap between frames ≤ 50 ms; dragging a 50 × 64 block's slider every frame, main-thread
 * work per move ≤ 4 ms (median and p90) and the final chart pixel-equal to a fresh block's.
 */
function responsivenessBudgets() {
  const args = [join(root, 'bench', 'run.mjs'), '--only=largestBlock,gradientFlowDrag', '--verdicts'];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const lines = (run.stdout ?? '').split('\n').filter((l) => /^(ok {2}|FAIL) /.test(l));
  for (const line of lines) {
    verdicts.push(line.startsWith('ok'));
    say(`${line.slice(0, 5)}responsiveness: ${line.slice(5)}`);
  }
  const notes = (run.stdout ?? '').split('\n').filter((l) => /^(RESPONSIVENESS|Machine:)/.test(l));
  for (const line of notes) say(`   ${line}`);
  if (lines.length === 0 || run.status !== 0)
    judge('responsiveness bench', `exited ${run.status}: ${(run.stderr ?? '').trim().slice(-300)}`, 'runs', false);
}

/** Serves the page, its script, the plugin's styles and main.js wrapped as Obsidian's loader calls it. */
async function serve(page, main) {
  const files = {
    '/': [
      'text/html',
      '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/styles.css"><style>body{margin:0}</style>' +
        '<body><script src="/main.js"></script><script src="/page.js"></script></body>',
    ],
    '/page.js': ['text/javascript', page],
    '/main.js': ['text/javascript', `window.__loadActivationLab = function (module, exports, require) {\n${main}\n};`],
    '/styles.css': ['text/css', readFileSync(join(root, 'styles.css'), 'utf8')],
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const file = files[path];
    if (!file) return void res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    res.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8` }).end(file[1]);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

function onloadBudgets(r) {
  const calls = Object.values(r.vaultCalls).reduce((a, b) => a + b, 0);
  judge('onload: canvases created', String(r.canvases), '0', r.canvases === 0);
  judge('onload: charts constructed (2D contexts)', String(r.charts), '0', r.charts === 0);
  const which = Object.entries(r.vaultCalls)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ×${n}`)
    .join(', ');
  judge('onload: vault/metadata reads (200-note vault)', calls ? `${calls} (${which})` : '0', '0', calls === 0);
  judge('onload time', `${r.onloadMs.toFixed(1)} ms`, '≤ 50 ms', r.onloadMs <= 50);
  say(
    `   main.js evaluation ${r.evalMs.toFixed(1)} ms; vault/metadata calls once the layout is ready: ${r.vaultCallsAfterLayoutReady} (not budgeted)`,
  );
}

function cycleBudgets(r) {
  const left = r.leftAfterCycles;
  const unload = r.leftAfterPluginUnload;
  judge(
    `${r.cycles} cycles: blocks drawn`,
    `${r.drawn} of ${r.cycles} (${r.kinds.join(', ')})`,
    `${r.cycles}`,
    r.drawn === r.cycles,
  );
  for (const k of ['canvases', 'observers', 'listeners', 'intervals'])
    judge(`${r.cycles} cycles: ${k} left alive`, String(left[k]), '0', left[k] === 0);
  judge(
    `${r.cycles} cycles: JS heap growth (after gc)`,
    `${r.heapGrowthMB.toFixed(2)} MB`,
    '< 5 MB',
    r.heapGrowthMB < 5,
  );
  const leftByPlugin = ['canvases', 'observers', 'listeners', 'intervals'].filter((k) => unload[k] !== 0);
  judge(
    'plugin unload: anything left alive',
    leftByPlugin.length ? JSON.stringify(unload) : 'nothing',
    'nothing',
    leftByPlugin.length === 0,
  );
}

function scrollBudgets(r) {
  judge(
    `${r.blocks}-block note: blocks drawn never near the viewport`,
    r.farBlocksDrawn.length ? `${r.farBlocksDrawn.length} (#${r.farBlocksDrawn.join(', #')})` : '0',
    '0',
    r.farBlocksDrawn.length === 0,
  );
  say(
    `   scrolled to block ${r.scrolledTo} of ${r.blocks}: ${r.near} blocks came near, ${r.blocksDrawn} drew, ${r.chartsCreated} charts created, peak ${r.peakLiveCanvases} live canvases`,
  );
}

async function main() {
  const started = Date.now();
  say('== budgets');
  sizeBudget();
  formulaBudgets();
  await quietMachine();
  responsivenessBudgets();
  const [page, mainJs] = await Promise.all([bundleFakePage('budgets-page.ts'), readStable(join(root, 'main.js'))]);
  const server = await serve(page, mainJs);
  const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
  const errors = [];
  try {
    const tab = await browser.newPage({ viewport: { width: 900, height: 700 } });
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.goto(server.url);
    onloadBudgets(await tab.evaluate('window.__budgets.onload()'));
    cycleBudgets(await tab.evaluate('window.__budgets.cycles(300)'));
    scrollBudgets(await tab.evaluate('window.__budgets.scroll(100, 15)'));
    const eager = await tab.evaluate('window.__budgets.scroll(100, 15, false)');
    judge(
      '  control: with lazy drawing off, far blocks drawn',
      String(eager.farBlocksDrawn.length),
      '> 0 (the check sees them)',
      eager.farBlocksDrawn.length > 0,
    );
  } finally {
    await browser.close();
    server.close();
  }
  judge('page errors', errors.length ? errors.slice(0, 3).join(' | ') : 'none', 'none', errors.length === 0);
  const failed = verdicts.filter((ok) => !ok).length;
  say(
    `== budgets: ${verdicts.length - failed} of ${verdicts.length} within budget, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  process.exitCode = failed ? 1 : 0;
}

await main();
