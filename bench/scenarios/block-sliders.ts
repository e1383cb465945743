/**
 * Slider input → redrawn chart for the demo blocks, through the plugin like a reader.
 * Kinds are looked up by fence language in BLOCK_KINDS, so blocks registered later are picked up
 * without touching the bench; a missing one is reported as such.
 */
import { BLOCK_KINDS } from '../../src/blocks';
import type { AnyBlockKind } from '../../src/blocks/block-kind';
import type { Job } from '../../src/blocks/jobs/job';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { JobRunner } from '../../src/jobs/runner';
import { workerSourceOf } from '../../src/jobs/worker-source';
import { handlersMs, moveSlider, openHost, ours, renderTimed } from '../contenders/ours';
import { computing, nextFrame, readback, settle, spent, untilComputed, untilDrawn } from '../probe';
import { quietStart, record, timeUpdate, type Samples } from './timing';

/** A block timed: fence language and body; `floor`: also time its job alone (`timeRoundTrip`), for a table row. */
interface DemoBlock {
  language: string;
  body: string;
  floor?: boolean;
}

/** The blocks timed, by result key. */
export const DEMO_BLOCKS: Record<string, DemoBlock> = {
  gf20: { language: 'gradient-flow', body: 'activations: Sigmoid, Tanh, ReLU\ndepth: 20\nwidth: 32\n' },
  gf50: { language: 'gradient-flow', body: 'activations: Sigmoid, Tanh, ReLU\ndepth: 50\nwidth: 64\n' },
  deadRelu: { language: 'dead-relu', body: '' },
  zeroCentered: { language: 'zero-centered', body: '' },
  nonlinearity: { language: 'nonlinearity', body: '', floor: true },
};

/** Renders per block for the end-to-end figure (the first, with first-use costs, is not counted). */
const RENDERS = 6;

/** Samples per block key, plus a note for every block that could not be timed, and which computed as jobs. */
export interface BlockSliderResult {
  samples: Samples;
  notes: Record<string, string>;
  /** Keys whose blocks computed in a job (the Worker): their render and slider figures run until the final chart. */
  jobs: Record<string, boolean>;
}

/** The two values the first slider alternates between: its own value and one step away. */
function alternatives(input: HTMLInputElement): [number, number] {
  const value = Number(input.value);
  const step = Number(input.step) || 1;
  const up = value + step <= Number(input.max);
  return [up ? value + step : value - step, value];
}

/** Moves each block's first slider `reps` times (depth for gradient-flow) and times each redraw. */
export async function blockSliders(stage: HTMLElement, reps: number, blocks = DEMO_BLOCKS): Promise<BlockSliderResult> {
  const result: BlockSliderResult = { samples: {}, notes: {}, jobs: {} };
  for (const [key, block] of Object.entries(blocks)) {
    if (!BLOCK_KINDS.some((k) => k.language === block.language)) {
      result.notes[key] = 'n/a (block not registered)';
      continue;
    }
    const host = await openHost(`\`\`\`${block.language}\n${block.body}\`\`\`\n`, false);
    // End to end, a few times. A block that computes in place: its own work (the code-block handler, i.e.
    // BlockChild.onload: parse, compute, every chart drawn, lazy drawing off), the next frame's work (where its
    // charts get their size) and rasterising its canvases. A block whose work is a job (the Worker): from the handler call until
    // the frame showing the final chart is painted, wall — the worker's computing included.
    for (let r = 0; r < RENDERS; r++) {
      const scratch = stage.createDiv();
      await quietStart();
      const started = await renderTimed(host, scratch);
      const sync = handlersMs();
      if (computing(scratch)) {
        result.jobs[key] = true;
        await untilComputed(scratch);
        const frame = await untilDrawn(() => readback(scratch.querySelectorAll('canvas')));
        if (r > 0) record(result.samples, `${key}:render`, frame.afterPaint - started);
      } else {
        // Obsidian renders a note's sections off-screen: a chart drawn then is 1 × 1 and is drawn at its size
        // when attached (its ResizeObserver, in the next frame), so that frame is part of the block's cost.
        const frame = await nextFrame();
        const raster = readback(scratch.querySelectorAll('canvas'));
        if (r > 0) record(result.samples, `${key}:render`, sync + frame.frameMs + raster);
      }
      scratch.remove();
    }
    if (block.floor && result.jobs[key]) await timeRoundTrip(result.samples, key, block);
    const container = stage.createDiv();
    await quietStart();
    await renderTimed(host, container);
    await settle(2);
    const input = container.querySelector<HTMLInputElement>('input[type=range]');
    const error = container.querySelector('.activation-lab-error');
    if (error || !input) {
      result.notes[key] = error ? `n/a (block error: ${error.textContent?.slice(0, 60) ?? ''})` : 'n/a (no slider)';
    } else {
      result.notes[key] = input.getAttribute('aria-label') ?? 'first slider';
      const values = alternatives(input);
      // One untimed move first: the drag's start (focus, first-use paths), not a steady update.
      moveSlider(container, values[0]);
      await untilComputed(container);
      await settle(2);
      const prepared = {
        draw: () => undefined,
        canvases: () => Array.from(container.querySelectorAll('canvas')),
        setParam: (v: number) => moveSlider(container, v),
        dispose: () => undefined,
      };
      const job = result.jobs[key];
      for (let i = 0; i < reps; i++) {
        const value = values[(i + 1) % 2];
        const t = job ? await timeJobUpdate(container, value) : await timeUpdate(ours, prepared, value);
        record(result.samples, `${key}:update`, t.update);
        record(result.samples, `${key}:updateRaster`, t.updateRaster);
        record(result.samples, `${key}:latency`, t.latency);
        await settle(1);
      }
    }
    host.dispose();
    container.remove();
  }
  return result;
}

/** A runner like the plugin's: its Worker runs main.js as loaded into the page (bench/build.mjs's wrapper). */
let bundledRunner: JobRunner | null = null;
function runnerOfMainJs(): JobRunner {
  if (bundledRunner) return bundledRunner;
  const main = (window as unknown as { __activationLabMain?: unknown }).__activationLabMain;
  if (typeof main !== 'function') throw new Error('bench: /main.js did not load');
  const script = `(${Function.prototype.toString.call(main)})(module, module.exports, require);`;
  return (bundledRunner = new JobRunner(window, () => workerSourceOf(script)));
}

/**
 * The floor under a block whose view is a job: the block's own job at its defaults, posted to a Worker running
 * main.js and its result awaited, then the next painted frame, with no block and no DOM (the first, which makes the
 * Worker, is not counted). A block can be no faster end to end.
 */
async function timeRoundTrip(samples: Samples, key: string, block: DemoBlock) {
  const kind = BLOCK_KINDS.find((k) => k.language === block.language) as AnyBlockKind;
  const env = { settings: DEFAULT_SETTINGS, lang: 'en' as const };
  const options = kind.parse(block.body, env);
  const job = options.ok ? (kind.job?.(kind.init(options.value, env)) as Job | null) : null;
  if (!job) return;
  const runner = runnerOfMainJs();
  for (let r = 0; r < RENDERS; r++) {
    await quietStart();
    const t0 = performance.now();
    await runner.run(job, () => undefined, window).result;
    const frame = await nextFrame();
    if (r > 0) record(samples, `${key}:roundTrip`, frame.afterPaint - t0);
  }
}

/**
 * One slider move of a block whose view is a job, until its final chart is painted. Main-thread work: the input
 * handler (the job posted), the page's rAF callbacks meanwhile, handling the worker's messages (result delivered,
 * chart redrawn) and rasterising the canvases; latency: input → the frame showing the result painted, wall.
 */
export async function timeJobUpdate(
  root: HTMLElement,
  value: number,
): Promise<{ update: number; updateRaster: number; latency: number }> {
  const before = { ...spent };
  const t0 = performance.now();
  moveSlider(root, value);
  const sync = performance.now() - t0;
  await untilComputed(root);
  const frame = await untilDrawn(() => readback(root.querySelectorAll('canvas')));
  const update = sync + spent.rafCallbacks - before.rafCallbacks + spent.workerMessages - before.workerMessages;
  return { update, updateRaster: update + frame.readbackMs, latency: frame.afterPaint - t0 };
}
