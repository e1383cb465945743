/**
 * Long work off the main thread, through the built main.js: a ```gradient-flow block computes in a real Worker
 * (made lazily from main.js's own text, terminated on plugin unload), with figures equal bit for bit to the engine
 * run on this page's main thread; without `Worker` the sliced fallback gives the same figures; a burst of slider
 * moves ends showing exactly the last value's result; long jobs show a progress bar that can be cancelled.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bindActivation } from '../../src/core/activations';
import { gradientFlowData } from '../../src/core/engines/gradient-flow/data';
import { gradientFlowFlat } from '../../src/core/engines/gradient-flow/network';
import type { Host } from '../fakes/host';
import { Menu, MenuItem, type Component } from '../fakes/obsidian';
import { float64Bits } from '../helpers/bits';
import { frames, installInstrumentation, liveCounts, pixelHash } from './support/instrument';
import { drawnCanvases, showNote, startPlugin } from './support/plugin-host';
import { server } from './support/server';

/** Waiting for a job's result: it comes when the machine lets it (a loaded CI machine takes seconds), not by a deadline. */
const COMPUTED = { timeout: 15_000 };

let host: Host | null = null;
let view: Component | null = null;
const copied: string[] = [];

beforeAll(() => installInstrumentation());
afterEach(() => {
  view?.unload();
  host?.dispose();
  view = host = null;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

async function render(note: string): Promise<HTMLElement> {
  const vault = await server.readVault('seed');
  host = (await startPlugin({ files: { ...vault, 'demo.md': note } })).host;
  vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => {
    copied.push(text);
  });
  const shown = await showNote(host, 'demo.md');
  view = shown.view;
  return shown.root;
}

const block = (depth: number, width: number) =>
  `\`\`\`gradient-flow\nactivations: Sigmoid, Tanh, ReLU\ndepth: ${depth}\nwidth: ${width}\n\`\`\`\n`;

const summaryOf = (root: HTMLElement) => root.querySelector('.activation-lab-summary')?.textContent ?? '';

/** The block's data as "Copy data as CSV" gives it: one column of figures per activation. */
async function csvColumns(root: HTMLElement): Promise<number[][]> {
  const before = copied.length;
  root.querySelector<HTMLButtonElement>('.activation-lab-menu-button')?.click();
  const item = Menu.lastShown?.items.find((i): i is MenuItem => i !== 'separator' && i.title === 'Copy data as CSV');
  if (!item) throw new Error('no CSV item');
  [...(Menu.lastShown?.dom?.querySelectorAll<HTMLElement>('.menu-item') ?? [])]
    .find((el) => el.textContent === 'Copy data as CSV')
    ?.click();
  await vi.waitFor(() => expect(copied.length).toBe(before + 1));
  const rows = copied[before].trimEnd().split('\r\n').slice(1);
  return [1, 2, 3].map((c) => rows.map((r) => Number(r.split(',')[c])));
}

/** Mean f′ per layer of Sigmoid and Tanh at `gain` (He normal, seed 1, batch 16), on this page's main thread. */
function meanDfHere(depth: number, width: number, gain: number): number[][] {
  const net = gradientFlowData(1, { depth, width, batch: 16, init: 'he_normal' });
  return ['Sigmoid', 'Tanh'].map((name) => {
    const a = bindActivation(name, {});
    if (!a.ok) throw new Error(name);
    const act = a.value;
    const means: number[] = [];
    const observe = (_l: number, _z: Float64Array, d: Float64Array, off: number, n: number) => {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += d[off + k];
      means.push(sum / n);
    };
    gradientFlowFlat({ f: (x) => act.f(x), df: (x) => act.df(x) }, net, { gain, observe });
    return means;
  });
}

/** ‖∂loss/∂W_l‖ per activation, by the engine on this page's main thread (the block's defaults: seed 1, batch 16, He normal). */
function mainThread(depth: number, width: number): number[][] {
  const net = gradientFlowData(1, { depth, width, batch: 16, init: 'he_normal' });
  return ['Sigmoid', 'Tanh', 'ReLU'].map((name) => {
    const a = bindActivation(name, {});
    if (!a.ok) throw new Error(name);
    const act = a.value;
    return gradientFlowFlat({ f: (x) => act.f(x), df: (x) => act.df(x) }, net).gradWNorm;
  });
}

const bits = (columns: number[][]) => columns.map(float64Bits);

describe('jobs: worker, fallback, latest wins, progress', () => {
  it('makes no worker for blocks without long work', async () => {
    const baseline = liveCounts().workers;
    const root = await render('```activation\nfunctions: Sigmoid, ReLU\n```\n');
    await drawnCanvases(root);
    expect(liveCounts().workers).toBe(baseline);
  });

  it('computes in one shared Worker, lazily made, terminated (URL revoked) on plugin unload; same bits as the main thread', async () => {
    const baseline = liveCounts();
    const root = await render(block(30, 40) + '\n' + block(24, 16));
    await vi.waitFor(() =>
      expect([...root.querySelectorAll('.activation-lab-summary')].map((e) => e.textContent)).not.toContain(''),
    );
    expect(liveCounts().workers).toBe(baseline.workers + 1); // one for both blocks
    // The source's object URL is revoked when the worker reports it has loaded main.js.
    expect(liveCounts().objectUrls).toBe(baseline.objectUrls);
    const [first, second] = [...root.querySelectorAll<HTMLElement>('.activation-lab-block')];
    expect(bits(await csvColumns(first))).toEqual(bits(mainThread(30, 40)));
    expect(bits(await csvColumns(second))).toEqual(bits(mainThread(24, 16)));
    view?.unload();
    view = null;
    expect(liveCounts().workers).toBe(baseline.workers + 1); // the plugin's, not the note's
    host?.dispose();
    host = null;
    expect(liveCounts().workers).toBe(baseline.workers);
    expect(liveCounts().objectUrls).toBe(baseline.objectUrls);
  });

  it('without Worker, computes on the main thread in slices: the same bits', async () => {
    const saved = window.Worker;
    (window as { Worker?: unknown }).Worker = undefined;
    try {
      const baseline = liveCounts().workers;
      const root = await render(block(30, 40));
      await vi.waitFor(() => expect(summaryOf(root)).not.toBe(''), COMPUTED);
      expect(liveCounts().workers).toBe(baseline);
      expect(bits(await csvColumns(root))).toEqual(bits(mainThread(30, 40)));
    } finally {
      window.Worker = saved;
    }
  });

  it('a burst of slider moves ends showing exactly the last value’s result', async () => {
    const root = await render(block(20, 32));
    await vi.waitFor(() => expect(summaryOf(root)).not.toBe(''), COMPUTED);
    const slider = root.querySelector<HTMLInputElement>('input[aria-label="depth"]') as HTMLInputElement;
    for (let depth = 21; depth <= 45; depth++) {
      slider.value = String(depth);
      slider.dispatchEvent(new Event('input'));
      if (depth % 5 === 0) await new Promise((r) => setTimeout(r, 3)); // some moves land mid-job
    }
    await vi.waitFor(() => expect(summaryOf(root)).toContain("layer 45's"), COMPUTED);
    expect(bits(await csvColumns(root))).toEqual(bits(mainThread(45, 32)));
    await new Promise((r) => setTimeout(r, 300)); // nothing stale lands afterwards
    expect(summaryOf(root)).toContain("layer 45's");
    expect(slider.value).toBe('45');
    expect(bits(await csvColumns(root))).toEqual(bits(mainThread(45, 32)));
    // The chart on screen is pixel for pixel the one a fresh block at depth 45 draws.
    const dragged = pixelHash(root.querySelector('canvas') as HTMLCanvasElement);
    view?.unload();
    host?.dispose();
    document.body.replaceChildren();
    const fresh = await render(block(45, 32));
    await vi.waitFor(() => expect(summaryOf(fresh)).toContain("layer 45's"), COMPUTED);
    await frames(2);
    expect(pixelHash(fresh.querySelector('canvas') as HTMLCanvasElement)).toEqual(dragged);
  });

  it('shows a progress bar with Cancel for long work; Cancel stops it, Compute starts it again', async () => {
    const root = await render(block(200, 128));
    const bar = await vi.waitFor(() => {
      const p = root.querySelector<HTMLProgressElement>('.activation-lab-progress progress');
      if (!p || p.closest<HTMLElement>('.activation-lab-progress')?.style.display === 'none') throw new Error('no bar');
      return p;
    });
    expect(bar.getAttribute('aria-label')).toBe('Computing');
    expect(summaryOf(root)).toBe(''); // nothing said of a result not computed
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.activation-lab-progress button')];
    buttons.find((b) => b.textContent === 'Cancel')?.click();
    expect(root.querySelector('.activation-lab-progress-status')?.textContent).toBe('Cancelled.');
    await new Promise((r) => setTimeout(r, 200));
    expect(summaryOf(root)).toBe('');
    buttons.find((b) => b.textContent === 'Compute')?.click();
    await vi.waitFor(() => expect(summaryOf(root)).toContain("layer 200's"), { timeout: 20_000 });
    expect(root.querySelector<HTMLElement>('.activation-lab-progress')?.style.display).toBe('none');
  });

  it('view: histograms with a gain computes in the worker and in slices alike; mean f′ as on the main thread', async () => {
    const note = '```gradient-flow\nactivations: Sigmoid, Tanh\ndepth: 40\nwidth: 48\nview: histograms\ngain: 3\n```\n';
    const workers: number[] = [];
    const csvOf = async (): Promise<string[][]> => {
      const root = await render(note);
      await vi.waitFor(() => expect(summaryOf(root)).toContain('weight gain'), COMPUTED);
      workers.push(liveCounts().workers);
      const columns = await csvColumns(root); // saturated and mean f′ of Sigmoid, then Tanh's saturated share
      view?.unload();
      host?.dispose();
      view = host = null;
      document.body.replaceChildren();
      return columns.map((c) => c.map((v) => float64Bits([v])));
    };
    const baseline = liveCounts().workers;
    const inWorker = await csvOf();
    expect(liveCounts().workers).toBe(baseline); // made for the block, ended with the plugin
    const saved = window.Worker;
    (window as { Worker?: unknown }).Worker = undefined;
    let sliced: string[][];
    try {
      sliced = await csvOf();
    } finally {
      window.Worker = saved;
    }
    expect(sliced).toEqual(inWorker);
    expect(workers).toEqual([baseline + 1, baseline]); // the first run in a worker, the second without one
    // The CSV's numbers are decimal text: compare mean f′ with what round-trips through it.
    const [sigmoid] = meanDfHere(40, 48, 3);
    expect(inWorker[1]).toEqual(sigmoid.map((v) => float64Bits([Number(String(v))])));
  });
});

describe('jobs: leaks and large blocks', () => {
  it('300 render/unload cycles of every demo leave no pending job, worker or object URL; unload ends the worker', async () => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- applied with the worker as `this` below
    const realPost = Worker.prototype.postMessage;
    const pending = new Set<string>();
    const ids = new WeakMap<Worker, number>();
    let nextWorker = 1;
    vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, m: unknown) {
      if (!ids.has(this)) {
        ids.set(this, nextWorker++);
        this.addEventListener('message', (e: MessageEvent<{ type: string; id: number }>) => {
          if (e.data.type === 'done' || e.data.type === 'failed') pending.delete(`${ids.get(this)}:${e.data.id}`);
        });
        // A worker that fails to load is terminated and its jobs move to the main thread: its messages die with it.
        this.addEventListener('error', () => {
          for (const k of [...pending]) if (k.startsWith(`${ids.get(this)}:`)) pending.delete(k);
        });
      }
      const msg = m as { type: string; id: number };
      if (msg.type === 'run') pending.add(`${ids.get(this)}:${msg.id}`);
      if (msg.type === 'cancel') pending.delete(`${ids.get(this)}:${msg.id}`);
      Reflect.apply(realPost, this, [m]);
    });
    const baseline = liveCounts();
    const note = [
      block(40, 48),
      '```dead-relu\nwidth: 64\nsamples: 256\n```\n',
      '```zero-centered\nsteps: 1000\nsamples: 1024\n```\n',
      '```nonlinearity\nsteps: 400\n```\n',
    ].join('\n');
    const vault = await server.readVault('seed');
    host = (await startPlugin({ files: { ...vault, 'demo.md': note } })).host;
    for (let cycle = 0; cycle < 300; cycle++) {
      const shown = await showNote(host, 'demo.md');
      // Every few cycles let jobs get going (or finish) before the unload; otherwise unload at once.
      if (cycle % 50 === 0) await frames(2);
      shown.view.unload();
      shown.root.remove();
    }
    await frames(2);
    expect(pending.size).toBe(0);
    expect(liveCounts().workers).toBe(baseline.workers + 1); // the plugin's shared worker, made once
    expect(liveCounts().objectUrls).toBe(baseline.objectUrls);
    expect(liveCounts().canvases).toBe(baseline.canvases);
    host.dispose();
    host = null;
    expect(liveCounts().workers).toBe(baseline.workers);
    expect(liveCounts().objectUrls).toBe(baseline.objectUrls);
  }, 120_000);

  it('depth 200 × width 256 × batch 64, three activations: progress shows, the chart fills in, frames keep coming', async () => {
    const root = await render(
      '```gradient-flow\nactivations: Sigmoid, Tanh, ReLU\ndepth: 200\nwidth: 256\nbatch: 64\n```\n',
    );
    const bar = await vi.waitFor(() => {
      const p = root.querySelector<HTMLProgressElement>('.activation-lab-progress progress');
      if (!p || p.closest<HTMLElement>('.activation-lab-progress')?.dataset.state !== 'running')
        throw new Error('no bar');
      return p;
    });
    expect(bar.getAttribute('aria-label')).toBe('Computing');
    // While it computes, the page keeps drawing frames: the largest gap between animation frames stays small.
    let last = performance.now();
    let worst = 0;
    let done = false;
    const running = () => root.querySelector<HTMLElement>('.activation-lab-progress')?.dataset.state === 'running';
    const tick = () => {
      const now = performance.now();
      if (running()) worst = Math.max(worst, now - last); // while it computes (not the final draw)
      last = now;
      if (!done) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const fractions: number[] = [];
    await vi.waitFor(
      () => {
        fractions.push(bar.value);
        expect(summaryOf(root)).toMatch(/^Ratio of layer 1's to layer 200's /);
      },
      { timeout: 90_000, interval: 50 },
    );
    done = true;
    expect(Math.max(...fractions)).toBeGreaterThan(0);
    expect(root.querySelector<HTMLElement>('.activation-lab-progress')?.dataset.state).not.toBe('running');
    await frames(1); // the result's new axes are laid out with the summary and painted in the next frame
    const canvas = root.querySelector('canvas') as HTMLCanvasElement;
    expect(pixelHash(canvas).inked).toBeGreaterThan(3000);
    expect(canvas.getAttribute('aria-label')).toContain('200-layer network of width 256');
    // Generous for a 2-core machine shared by four test runs: the work is in the worker, the main thread idles.
    console.warn(`depth 200 × width 256 × batch 64: largest frame gap while computing ${worst.toFixed(0)} ms`);
    expect(worst).toBeLessThan(500);
  }, 120_000);
});
