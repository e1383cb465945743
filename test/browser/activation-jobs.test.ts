/**
 * The ```activation block's long sampling, through the built main.js: the largest block a note may write (twelve
 * definitions of maximal length at 5000 samples) samples in the Worker with a progress bar while frames keep
 * coming, and draws the same pixels as without a Worker (main-thread slices); unloading it cancels its job; a
 * slider dragged over an expensive block ends on the chart a fresh block at the final value draws.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { frames, installInstrumentation, liveCounts, pixelHash } from './support/instrument';
import { blockHarness } from './support/plugin-host';

const harness = blockHarness();
beforeAll(() => installInstrumentation());
afterEach(() => {
  harness.cleanup();
  vi.restoreAllMocks();
});

const heavy = (name: string) => `${name}(x) = ${Array.from({ length: 240 }, () => 'tanh(x)').join('+')}`;
const LARGEST = `\`\`\`activation\nfunctions: ${Array.from({ length: 12 }, (_, i) => heavy(`h${i}`)).join(', ')}\nsamples: 5000\n\`\`\`\n`;

const progressState = (root: HTMLElement) => root.querySelector<HTMLElement>('.activation-lab-progress')?.dataset.state;
/** The chart is drawn from results once the legend names the functions (the frame while sampling has none). */
const legendText = (root: HTMLElement) => root.querySelector('.activation-lab-legend-slot')?.textContent ?? '';

async function sampled(root: HTMLElement, name: string): Promise<HTMLCanvasElement> {
  await vi.waitFor(() => expect(legendText(root)).toContain(name), { timeout: 60_000, interval: 20 });
  await frames(2);
  return root.querySelector('canvas') as HTMLCanvasElement;
}

describe('```activation sampling as a job', () => {
  it('the largest block samples in the Worker with progress, frames keep coming, same pixels as in slices', async () => {
    const baseline = liveCounts().workers;
    const start = performance.now();
    const root = await harness.render(LARGEST);
    await vi.waitFor(() => expect(progressState(root)).toBe('running'));
    expect(root.querySelector('.activation-lab-progress progress')?.getAttribute('aria-label')).toBe('Computing');
    let last = performance.now();
    let worst = 0;
    let done = false;
    const tick = () => {
      const now = performance.now();
      if (progressState(root) === 'running') worst = Math.max(worst, now - last);
      last = now;
      if (!done) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const inWorker = pixelHash(await sampled(root, 'h11'));
    const took = performance.now() - start;
    done = true;
    expect(liveCounts().workers).toBe(baseline + 1);
    expect(inWorker.inked).toBeGreaterThan(3000);
    console.warn(
      `largest activation block: drawn ${took.toFixed(0)} ms after the render, largest frame gap while sampling ${worst.toFixed(0)} ms`,
    );
    expect(worst).toBeLessThan(500); // generous for a shared 2-core machine: the main thread idles meanwhile
    harness.cleanup();
    const saved = window.Worker;
    (window as { Worker?: unknown }).Worker = undefined;
    try {
      const again = performance.now();
      const sliced = await harness.render(LARGEST);
      expect(pixelHash(await sampled(sliced, 'h11'))).toEqual(inWorker);
      console.warn(
        `largest activation block without a Worker: drawn ${(performance.now() - again).toFixed(0)} ms after`,
      );
      expect(liveCounts().workers).toBe(baseline);
    } finally {
      window.Worker = saved;
    }
  }, 120_000);

  it('unloading the block cancels its job in the Worker', async () => {
    const posted: { type: string; id: number }[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied with the worker as `this` below
    const realPost = Worker.prototype.postMessage;
    vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, m: unknown) {
      posted.push(m as { type: string; id: number });
      Reflect.apply(realPost, this, [m]);
    });
    const root = await harness.render(LARGEST);
    await vi.waitFor(() => expect(progressState(root)).toBe('running'));
    const run = posted.find((m) => m.type === 'run');
    expect(run).toBeDefined();
    harness.cleanup();
    expect(posted.filter((m) => m.type === 'cancel')).toEqual([{ type: 'cancel', id: run?.id }]);
  });

  it('a slider dragged over an expensive block ends on exactly the chart a fresh block at the final value draws', async () => {
    const block = (init: string) =>
      `\`\`\`activation\nfunctions: ${init}, h0, h1\ndefine:\n  ${heavy('h0')}\n  ${heavy('h1')}\nsamples: 800\n\`\`\`\n`;
    const root = await harness.render(block('PReLU'));
    await sampled(root, 'h1');
    const slider = root.querySelector<HTMLInputElement>('input[aria-label="PReLU init"]') as HTMLInputElement;
    for (let v = 0.3; v <= 0.9001; v += 0.05) {
      slider.value = v.toFixed(2);
      slider.dispatchEvent(new Event('input'));
      await new Promise((r) => setTimeout(r, 4)); // some moves land mid-job
    }
    await vi.waitFor(() => expect(legendText(root)).toContain('PReLU(init=0.9)'), { timeout: 20_000 });
    await vi.waitFor(() => expect(root.querySelector('.activation-lab-computing')).toBeNull());
    await frames(2);
    const dragged = pixelHash(root.querySelector('canvas') as HTMLCanvasElement);
    harness.cleanup();
    const fresh = await harness.render(block('PReLU(init=0.9)'));
    expect(pixelHash(await sampled(fresh, 'h1'))).toEqual(dragged);
  }, 60_000);
});
