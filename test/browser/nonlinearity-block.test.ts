import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockHarness } from './support/plugin-host';
import { frames, installInstrumentation, liveCounts, pixelHash } from './support/instrument';

const harness = blockHarness();

beforeAll(() => installInstrumentation());
afterEach(() => harness.cleanup());

/** Counts calls of a CanvasRenderingContext2D method while `body` runs. */
async function counting<T>(names: string[], body: () => Promise<T>): Promise<[T, Record<string, number>]> {
  const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const counts: Record<string, number> = {};
  const originals = names.map((n) => [n, proto[n]] as const);
  for (const [n, f] of originals) {
    counts[n] = 0;
    proto[n] = function (this: unknown, ...args: unknown[]) {
      counts[n]++;
      return f.apply(this, args);
    };
  }
  try {
    return [await body(), counts];
  } finally {
    for (const [n, f] of originals) proto[n] = f;
  }
}

describe('```nonlinearity in Chromium, through the built main.js', () => {
  it('draws three decision maps as one image each, the points, a shared loss chart; replays and redraws in place', async () => {
    const baseline = liveCounts();
    const [root, counts] = await counting(['putImageData', 'drawImage', 'fillRect'], async () => {
      const r = await harness.render('```nonlinearity\n```\n');
      await vi.waitFor(() => expect(r.querySelectorAll('canvas')).toHaveLength(4));
      return r;
    });
    // One putImageData per decision map into a canvas of the image's own size (CSS scales it): not a fillRect per
    // grid cell, and no canvas at the panel's size.
    expect(counts.putImageData).toBe(3);
    expect(counts.drawImage).toBe(0);
    expect(counts.fillRect).toBeLessThan(200);
    const canvases = [...root.querySelectorAll('canvas')];
    const maps = [...root.querySelectorAll<HTMLCanvasElement>('.activation-lab-panels canvas')];
    expect(maps).toHaveLength(3);
    for (const map of maps) {
      // 40 × 40 grid cells, 2 image pixels each; shown as the plot's square.
      expect([map.width, map.height]).toEqual([80, 80]);
      const r = map.getBoundingClientRect();
      expect(r.width).toBeGreaterThan(100);
      expect(r.height).toBeCloseTo(r.width, 0);
    }
    // The result is laid out when it arrives and its loss chart drawn in the next frame: wait for that frame.
    await vi.waitFor(() => expect(canvases.map((c) => pixelHash(c).inked).every((n) => n > 2000)).toBe(true));
    // Each panel: its title as text, its plot an image with words for screen readers, every point a circle on top.
    const titles = [...root.querySelectorAll('.activation-lab-panel-title')].map((e) => e.textContent);
    expect(titles).toEqual([
      expect.stringMatching(/^Identity: accuracy [\d.]+ %$/),
      'ReLU: accuracy 100 %',
      'Tanh: accuracy 100 %',
    ]);
    const plots = [...root.querySelectorAll('.activation-lab-panel-plot')];
    expect(plots[0].getAttribute('role')).toBe('img');
    expect(plots[0].getAttribute('aria-label')).toMatch(
      /^Classes Identity predicts over the plane after training on the XOR points: accuracy [\d.]+ %$/,
    );
    expect(plots.map((p) => p.querySelectorAll('svg circle').length)).toEqual([80, 80, 80]);
    const summary = () => root.querySelector('.activation-lab-summary')?.textContent;
    expect(summary()).toMatch(
      /^Without an activation the network is one linear map, so its boundary is a straight line\. Accuracy after 150 steps/,
    );
    const before = canvases.map((c) => pixelHash(c).hash);
    const step = root.querySelector<HTMLInputElement>('input[aria-label="training step"]') as HTMLInputElement;
    step.value = '5';
    step.dispatchEvent(new Event('input'));
    await frames(3);
    expect([...root.querySelectorAll('canvas')]).toEqual(canvases);
    expect(summary()).toContain('Accuracy after 5 steps');
    canvases.forEach((c, i) => expect(pixelHash(c).hash).not.toBe(before[i]));
    // Pointing at a panel reads out every run at the step shown; leaving it brings the hint back.
    const readout = () => root.querySelector('.activation-lab-readout')?.textContent ?? '';
    const r = canvases[1].getBoundingClientRect();
    const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
    canvases[1].dispatchEvent(new PointerEvent('pointermove', at));
    expect(readout()).toMatch(/^step 5Identity = loss [\d.]+, accuracy [\d.]+ %ReLU = loss .*Tanh = loss /);
    canvases[1].dispatchEvent(new PointerEvent('pointerleave'));
    expect(readout()).not.toContain('step 5');
    // A theme switch repaints the panels in place, in the new colours: the maps and the rings' fill (the background).
    const light = canvases.map((c) => pixelHash(c).hash);
    const fills = () =>
      [...root.querySelectorAll('.activation-lab-panel-points circle')].map((c) => c.getAttribute('fill')).join();
    const lightFills = fills();
    harness.host.setTheme('dark');
    await frames(2);
    expect([...root.querySelectorAll('canvas')]).toEqual(canvases);
    canvases.forEach((c, i) => expect(pixelHash(c).hash).not.toBe(light[i]));
    expect(fills()).not.toBe(lightFills);
    harness.host.setTheme('light');
    await frames(2);
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'new data') as HTMLButtonElement;
    const replayed = summary();
    button.click();
    // New data train as a job; the replayed view stays until its result arrives.
    await vi.waitFor(() => expect(summary()).not.toBe(replayed), { timeout: 5000 });
    expect(summary()).toContain('Accuracy after 150 steps');
    expect(harness.host.writes.filter((w) => w.path.endsWith('.md'))).toEqual([]);
    harness.cleanup();
    root.remove();
    expect(liveCounts()).toEqual({ ...baseline, canvases: 0 });
  });

  it('lays out its first trained result as soon as it arrives; the loss chart is drawn at the next frame', async () => {
    const root = await harness.render('```nonlinearity\n```\n');
    // Trains in the Worker: the block shows only what trains, no chart yet.
    expect(root.querySelector('.activation-lab-computing')).not.toBeNull();
    expect(root.querySelector('canvas')).toBeNull();
    // From here on the page's animation frame callbacks are held: what is drawn is drawn outside them.
    const held: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => held.push(cb));
    try {
      await vi.waitFor(() => expect(root.querySelector('.activation-lab-computing')).toBeNull(), { timeout: 5000 });
      await vi.waitFor(() => expect(root.querySelectorAll('canvas')).toHaveLength(4));
      expect(root.querySelector('.activation-lab-summary')?.textContent).toContain('Accuracy after 150 steps');
      const panels = [...root.querySelectorAll('.activation-lab-panels canvas')] as HTMLCanvasElement[];
      expect(panels.map((c) => pixelHash(c).inked).every((n) => n > 2000)).toBe(true);
      // The loss chart is laid out (its canvas sized) and drawn in the frame: the drawing of a chart whose canvas
      // hands its image to the compositor itself costs a present of its own outside a frame.
      const chart = [...root.querySelectorAll('canvas')].find((c) => !panels.includes(c)) as HTMLCanvasElement;
      expect(chart.width).toBeGreaterThan(100);
      expect(pixelHash(chart).inked).toBe(0);
      raf.mockRestore();
      for (const cb of held.splice(0)) cb(performance.now());
      expect(pixelHash(chart).inked).toBeGreaterThan(2000);
    } finally {
      raf.mockRestore();
    }
  });

  it('draws nothing when unloaded between its first result arriving and being drawn', async () => {
    const baseline = liveCounts();
    const root = await harness.render('```nonlinearity\n```\n');
    expect(root.querySelector('.activation-lab-computing')).not.toBeNull();
    // The result's task ends with its draw queued; the note closes before that turn comes.
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (root.querySelector('.activation-lab-computing')) return;
        observer.disconnect();
        harness.cleanup();
        resolve();
      });
      observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    await frames(5);
    expect(root.querySelector('canvas')).toBeNull();
    root.remove();
    expect(liveCounts()).toEqual({ ...baseline, canvases: 0 });
  });
});
