/**
 * The bench page: sets up Obsidian's default light theme variables and a 600 px wide stage, and
 * exposes each scenario on `window.__bench` for bench/run.mjs to call in turn. Results are raw
 * samples; statistics and the table are made in Node (bench/table.mjs).
 */
// Must stay the first import: it wraps requestAnimationFrame before Chart.js captures it.
import './probe';
import { THEME_VARIABLES } from '../test/fakes/host';
import { linkAndLoadWebfonts } from '../test/fakes/webfonts';
import { chartjsDefaults } from './contenders/chartjs-defaults';
import { chartjsTuned } from './contenders/chartjs-tuned';
import { functionPlotContender } from './contenders/function-plot';
import { ours } from './contenders/ours';
import { rawCanvas } from './contenders/raw-canvas';
import type { Contender } from './contenders/types';
import { blockSliders, DEMO_BLOCKS } from './scenarios/block-sliders';
import { chartjsAnimation, firstScreen, perChart, sliders, warmUp } from './scenarios/charts';
import { engines } from './scenarios/engines';
import { expressions, TYPICAL } from './scenarios/expressions';
import { livePreview } from './scenarios/live-preview';
import { canvasMemory } from './scenarios/memory';
import { coldProfile, profile, sliderProfile } from './scenarios/profile';
import { gradientFlowDrag, largestBlock } from './scenarios/responsiveness';
import { quietStart, timeDraw, type DrawTiming } from './scenarios/timing';

/** Every contender, in table column order; the raw canvas is the floor the ratios divide by. */
const CONTENDERS: readonly Contender[] = [ours, rawCanvas, chartjsTuned, chartjsDefaults, functionPlotContender];

function setUpPage(): HTMLElement {
  document.body.classList.add('theme-light');
  for (const [name, value] of Object.entries(THEME_VARIABLES.light)) document.body.style.setProperty(name, value);
  const stage = document.createElement('div');
  stage.id = 'stage';
  stage.style.width = '600px';
  document.body.appendChild(stage);
  return stage;
}

const stage = setUpPage();

function contender(id: string): Contender {
  const found = CONTENDERS.find((c) => c.id === id);
  if (!found) throw new Error(`bench: no contender ${id}`);
  return found;
}

/** What bench/run.mjs calls through page.evaluate. */
const api = {
  contenders: () => CONTENDERS.map((c) => ({ id: c.id, label: c.label })),
  devicePixelRatio: () => window.devicePixelRatio,
  /** True when cross-origin isolated: performance.now() has 5 µs steps instead of 100 µs. */
  isolated: () => window.crossOriginIsolated,
  warmUp: (rounds: number) => warmUp(stage, CONTENDERS, rounds),
  perChart: (reps: { first: number; fifty: number }) => perChart(stage, CONTENDERS, reps.first, reps.fifty),
  /** The chart scenario for some contenders alone (ids), for a CPU profile or an A/B run. */
  perChartOf: (ids: string[], reps: { first: number; fifty: number }) =>
    perChart(
      stage,
      CONTENDERS.filter((c) => ids.includes(c.id)),
      reps.first,
      reps.fifty,
    ),
  firstScreen: (reps: number) => firstScreen(stage, reps),
  sliders: (reps: number) => sliders(stage, CONTENDERS, reps),
  /** The slider scenario for one contender alone (for a CPU profile of its updates). */
  slidersOf: (id: string, reps: number, perMount?: number) =>
    sliders(
      stage,
      CONTENDERS.filter((c) => c.id === id),
      reps,
      perMount,
    ),
  chartjsAnimation: (reps: number) => chartjsAnimation(stage, reps),
  canvasMemory: (reps: number) => canvasMemory(stage, reps),
  engines: (runs: number) => engines(runs),
  blockSliders: (reps: number) => blockSliders(stage, reps),
  /** The demo-block scenario for some blocks alone (keys of DEMO_BLOCKS, e.g. 'nonlinearity'), for a CPU profile or an A/B run. */
  blockSlidersOf: (keys: string[], reps: number) =>
    blockSliders(stage, reps, Object.fromEntries(keys.map((k) => [k, DEMO_BLOCKS[k]]))),
  expressions: (reps: number) => expressions(stage, reps),
  /** The expression block's slider alone (swish's beta), for a CPU profile or an A/B run. */
  expressionSlider: (reps: number) =>
    blockSliders(stage, reps, { exprSlider: { language: 'activation', body: `functions: ${TYPICAL}\n` } }),
  profile: (reps: number) => profile(stage, reps),
  sliderProfile: (moves: number) => sliderProfile(stage, moves),
  coldProfile: () => coldProfile(stage),
  /** The same profile for the expression block (swish's beta, alternating 1.5 and 1.55 as its slider steps). */
  exprSliderProfile: (moves: number) =>
    sliderProfile(stage, moves, `\`\`\`activation\nfunctions: ${TYPICAL}\n\`\`\`\n`, (i) => (i % 2 ? 1.5 : 1.55)),
  largestBlock: (reps: number) => largestBlock(stage, reps),
  gradientFlowDrag: (moves: number) => gradientFlowDrag(stage, moves),
  livePreview: (passes: number) => livePreview(stage, passes),
  /** Live Preview typing of some kinds alone (fence languages), for a CPU profile or an A/B run. */
  livePreviewOf: (languages: string[], passes: number) => livePreview(stage, passes, languages),
  /** The very first chart of a freshly loaded page (nothing compiled or cached yet). */
  async cold(id: string): Promise<number> {
    return (await api.coldTiming(id)).work;
  },
  /** The same, with the parts of its work (synchronous drawing, readback, next frame), for an A/B run of one figure. */
  async coldTiming(id: string): Promise<DrawTiming> {
    const c = contender(id);
    const prepared = await c.prepare(stage, 1, 'sigmoid', false);
    await quietStart();
    const timing = await timeDraw(c, prepared);
    prepared.quiesce?.();
    prepared.dispose();
    return timing;
  },
};

/** The API's type, for run.mjs's JSDoc. */
export type BenchApi = typeof api;

(window as unknown as { __bench: BenchApi }).__bench = api;
/**
 * Resolves once the page is ready for a scenario: the host's webfonts loaded (Inter first, Obsidian's interface font,
 * which Obsidian loads before any note renders). bench/run.mjs awaits it after each page load.
 */
(window as unknown as { __benchReady: Promise<void> }).__benchReady = linkAndLoadWebfonts();
