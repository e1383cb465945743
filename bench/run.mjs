// `npm run bench`: builds the bench page, serves it on 127.0.0.1, runs every scenario in Debian's
// Chromium (headless, 900×700 at devicePixelRatio 2) and prints one table. Progress goes to stderr,
// the table to stdout. Exit code: 0 unless something crashed; with --check, 1 when a budget fails. With
// --verdicts, each budget measured is also printed as an `ok  ` / `FAIL` line (scripts/budgets.mjs reads them).
import { availableParallelism, loadavg } from 'node:os';
import process from 'node:process';
import { launchChromium } from '../scripts/chromium.mjs';
import { buildScripts } from './build.mjs';
import { serve } from './serve.mjs';
import { renderTable } from './table.mjs';
import { cpuPerKeystroke, longestTaskIn, traced } from './trace.mjs';

/** Repetitions per scenario, sized for a 2-core machine to finish in about three minutes. */
const FULL_PLAN = {
  warmUpRounds: 2,
  firstChartReps: 15,
  fiftyChartReps: 8,
  firstScreenReps: 15,
  sliderReps: 12,
  animationReps: 3,
  memoryReps: 3,
  engineRuns: 300,
  blockSliderReps: 30,
  expressionReps: 30,
  profileReps: 6,
  sliderProfileMoves: 40,
  // A fresh page per draw, so each sample is one first chart: 10 rounds keep the median steady (4 swung by ±0.15×).
  coldReps: 10,
  largestReps: 5,
  dragMoves: 120,
  livePasses: 2,
};

/** `--quick`: a smoke run of every scenario (numbers too noisy to judge). */
const PLAN = process.argv.includes('--quick')
  ? /** @type {typeof FULL_PLAN} */ (
      Object.fromEntries(Object.entries(FULL_PLAN).map(([k, v]) => [k, Math.max(1, Math.round(v / 6))]))
    )
  : FULL_PLAN;

/** `--only=sliders,engines`: run just these scenarios (for iterating on one figure; the rest print as missing). */
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
/** @param {string} name */
const wanted = (name) => ONLY === undefined || ONLY.includes(name);

/** @param {string} text */
const progress = (text) => process.stderr.write(`bench: ${text}\n`);

/**
 * Calls `window.__bench[name](arg)` in `page` and returns its result.
 * @param {import('playwright-core').Page} page @param {string} name @param {unknown} [arg]
 * @returns {Promise<unknown>}
 */
function call(page, name, arg) {
  return page.evaluate(`window.__bench.${name}(${arg === undefined ? '' : JSON.stringify(arg)})`);
}

/**
 * Runs `name` and merges its samples into `into` (keys prefixed with `prefix`).
 * @param {import('playwright-core').Page} page @param {Record<string, number[]>} into
 * @param {string} name @param {unknown} arg @param {string} [prefix]
 */
async function scenario(page, into, name, arg, prefix = '') {
  const t0 = Date.now();
  const samples = /** @type {Record<string, number[]> | undefined} */ (await call(page, name, arg));
  for (const [key, values] of Object.entries(samples ?? {})) into[prefix + key] = values;
  progress(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * Loads the bench page and waits until it is ready (its webfonts loaded, as Obsidian's are before a note renders).
 * @param {import('playwright-core').Page} page @param {string} url
 */
async function load(page, url) {
  await page.goto(url);
  await page.evaluate('window.__benchReady');
}

async function main() {
  const check = process.argv.includes('--check');
  const started = Date.now();
  const loadBefore = loadavg()[0];
  progress('building the page');
  const server = await serve(await buildScripts());
  // performance.memory in full precision, and window.gc() so collections happen outside timed regions.
  const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
  try {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
    /** @param {import('playwright-core').Page} page */
    const watch = (page) => page.on('pageerror', (error) => progress(`page error: ${error.message}`));
    const page = await context.newPage();
    watch(page);
    await load(page, server.url);
    const contenders = /** @type {{ id: string, label: string }[]} */ (await call(page, 'contenders'));
    const dpr = /** @type {number} */ (await call(page, 'devicePixelRatio'));
    const isolated = /** @type {boolean} */ (await call(page, 'isolated'));

    /** @type {Record<string, number[]>} */
    const samples = {};
    await scenario(page, {}, 'warmUp', PLAN.warmUpRounds);
    if (wanted('perChart'))
      await scenario(page, samples, 'perChart', { first: PLAN.firstChartReps, fifty: PLAN.fiftyChartReps });
    if (wanted('firstScreen')) await scenario(page, samples, 'firstScreen', PLAN.firstScreenReps);
    if (wanted('sliders')) await scenario(page, samples, 'sliders', PLAN.sliderReps);
    if (wanted('chartjsAnimation')) await scenario(page, samples, 'chartjsAnimation', PLAN.animationReps);
    if (wanted('canvasMemory')) await scenario(page, samples, 'canvasMemory', PLAN.memoryReps);
    if (wanted('engines')) await scenario(page, samples, 'engines', PLAN.engineRuns);
    /** @type {{ samples: Record<string, number[]>, notes: Record<string, string>, jobs: Record<string, boolean> }} */
    let demo = { samples: {}, notes: {}, jobs: {} };
    if (wanted('blockSliders')) {
      const t0 = Date.now();
      demo = /** @type {typeof demo} */ (await call(page, 'blockSliders', PLAN.blockSliderReps));
      Object.assign(samples, demo.samples);
      if (process.env.BENCH_DUMP)
        progress(
          JSON.stringify(Object.fromEntries(Object.entries(demo.samples).filter(([k]) => k.endsWith(':render')))),
        );
      progress(`blockSliders done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    /** @type {Record<string, string>} */
    const notes = { ...demo.notes };
    /** @typedef {{ samples: Record<string, number[]>, notes: Record<string, string>, windows: Record<string, [string, string][]> }} Responsiveness */
    if (wanted('largestBlock')) {
      const t0 = Date.now();
      // Traced: the longest main-thread task of each run comes from the trace (longtask entries stop at 50 ms).
      const { result, events } = await traced(page, () => call(page, 'largestBlock', PLAN.largestReps));
      const largest = /** @type {Responsiveness} */ (result);
      Object.assign(samples, largest.samples);
      Object.assign(notes, largest.notes);
      for (const [key, windows] of Object.entries(largest.windows)) {
        const longest = longestTaskIn(events, windows, key.endsWith('.computing'));
        samples[`${key}:longestTask`] = longest.map(([wall]) => wall);
        samples[`${key}:longestTaskCpu`] = longest.map(([, cpu]) => cpu);
      }
      progress(`largestBlock done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (wanted('gradientFlowDrag')) {
      const t0 = Date.now();
      const drag = /** @type {Responsiveness} */ (await call(page, 'gradientFlowDrag', PLAN.dragMoves));
      Object.assign(samples, drag.samples);
      Object.assign(notes, drag.notes);
      progress(`gradientFlowDrag done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (wanted('livePreview')) {
      const t0 = Date.now();
      // Traced: a slow keystroke's main-thread CPU tells our work from waiting for a core (see cpuPerKeystroke).
      const { result, events } = await traced(page, () => call(page, 'livePreview', PLAN.livePasses));
      const live = /** @type {{ samples: Record<string, number[]>, notes: Record<string, string> }} */ (result);
      Object.assign(samples, live.samples);
      for (const [key, rerenders] of Object.entries(live.samples).filter(([k]) => k.startsWith('live.')))
        samples[`liveCpu.${key.slice('live.'.length)}`] = cpuPerKeystroke(events, key.slice('live.'.length), rerenders);
      Object.assign(notes, live.notes);
      progress(`livePreview done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (wanted('expressions')) await scenario(page, samples, 'expressions', PLAN.expressionReps);
    if (wanted('profile')) await scenario(page, samples, 'profile', PLAN.profileReps, 'profile.');
    if (wanted('sliderProfile')) {
      await scenario(page, samples, 'sliderProfile', PLAN.sliderProfileMoves, 'sliderProfile.');
      await scenario(page, samples, 'exprSliderProfile', PLAN.sliderProfileMoves, 'exprSliderProfile.');
    }

    // The chart figures again at devicePixelRatio 1 (common on desktop monitors): rasterising is a quarter of the
    // pixels there, so Chart.js's fixed cost per chart weighs more against the floor.
    if (wanted('perChartDpr1')) {
      const dpr1 = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 1 });
      const page1 = await dpr1.newPage();
      watch(page1);
      await load(page1, server.url);
      await scenario(page1, {}, 'warmUp', PLAN.warmUpRounds);
      await scenario(page1, samples, 'perChart', { first: PLAN.firstChartReps, fifty: PLAN.fiftyChartReps }, 'dpr1.');
      await dpr1.close();
    }

    // Cold: a fresh page per draw, contenders interleaved.
    for (let r = 0; r < (wanted('cold') ? PLAN.coldReps : 0); r++) {
      for (const { id } of contenders) {
        const fresh = await context.newPage();
        watch(fresh);
        await load(fresh, server.url);
        (samples[`cold:${id}`] ??= []).push(/** @type {number} */ (await call(fresh, 'cold', id)));
        await fresh.close();
      }
    }
    progress('cold done');

    const version = browser.version();
    const { text, verdicts } = renderTable({
      samples,
      notes,
      jobs: demo.jobs,
      contenders,
      meta: [
        `Chromium ${version} headless, --disable-gpu; viewport 900×700, devicePixelRatio ${dpr}; ${PLAN.firstChartReps} / ${PLAN.fiftyChartReps} interleaved rounds (first chart / 50 charts),`,
        `${PLAN.sliderReps * 3} slider moves per contender, ${PLAN.engineRuns} engine runs; cells: median (p90); timer step ${isolated ? '5 µs' : '100 µs'}. Total ${((Date.now() - started) / 1000).toFixed(0)} s.`,
        'Work = synchronous drawing + readback (rasterisation) + the next frame from its first rAF callback to after paint;',
        'floor = raw Canvas 2D of the same curves; first-screen cells of the peers are their 50 eager charts (they have no lazy mode).',
        `Machine: ${availableParallelism()} cores, 1-min load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (above the core count, absolute ms are inflated; ratios hold better).`,
      ],
    });
    process.stdout.write(`${text}\n`);
    // `--verdicts`: one line per budget measured in this run, for scripts/budgets.mjs to judge.
    if (process.argv.includes('--verdicts'))
      for (const v of verdicts.filter((v) => Number.isFinite(v.value)))
        process.stdout.write(`${v.pass ? 'ok  ' : 'FAIL'} ${v.name}: ${+v.value.toFixed(2)} (limit ${v.limit})\n`);
    if (check && verdicts.some((v) => !v.pass)) process.exitCode = 1;
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  process.stderr.write(`bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
