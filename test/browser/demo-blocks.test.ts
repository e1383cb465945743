/** ```dead-relu and ```zero-centered in Chromium, through the built main.js: drawing, controls, unload. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockHarness } from './support/plugin-host';
import { frames, installInstrumentation, liveCounts, pixelHash } from './support/instrument';

const harness = blockHarness();

beforeAll(() => installInstrumentation());
afterEach(() => harness.cleanup());

const render = (note: string, language?: string): Promise<HTMLElement> => harness.render(note, { language });

/**
 * Every canvas of the block, once `count` exist and then a frame has passed: a job's result lays each new chart out
 * when it arrives and paints it in the next frame (BlockShell.refresh's `spread`), so a canvas exists, still blank,
 * until that frame.
 */
async function canvasesOf(root: HTMLElement, count: number): Promise<HTMLCanvasElement[]> {
  const all = await vi.waitFor(
    () => {
      const found = [...root.querySelectorAll('canvas')];
      if (found.length < count) throw new Error('not drawn yet');
      return found;
    },
    { timeout: 5000 },
  );
  await frames(1);
  return all;
}

/** Moves a range input the way a user does: set the value, fire `input`. */
function slide(root: HTMLElement, label: string, value: string): void {
  const slider = root.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
  if (!slider) throw new Error(`no slider ${label}`);
  slider.value = value;
  slider.dispatchEvent(new Event('input', { bubbles: true }));
}

const text = (root: HTMLElement, selector: string) => root.querySelector(selector)?.textContent ?? '';
const DEAD = '```dead-relu\n```\n';
const ZERO = '```zero-centered\n```\n';

describe('```dead-relu', () => {
  it("draws the loss and the dead units as charts, and states the batch's distribution once trained", async () => {
    const root = await render(DEAD);
    const [loss, dead] = await canvasesOf(root, 2);
    expect(pixelHash(loss).inked).toBeGreaterThan(3000);
    expect(pixelHash(dead).inked).toBeGreaterThan(3000);
    expect(loss.getAttribute('aria-label')).toBe(
      'Training loss per step (log scale) of a 32-unit hidden layer with ReLU, LeakyReLU at learning rates 0.01, 0.1',
    );
    expect(dead.getAttribute('aria-label')).toContain('Dead hidden units (out of 32) per step with ReLU at');
    expect([...root.querySelectorAll('.activation-lab-legend li')].map((li) => li.textContent)).toEqual([
      'ReLU, lr 0.01',
      'ReLU, lr 0.1',
      'LeakyReLU, lr 0.01',
      'LeakyReLU, lr 0.1',
    ]);
    // The other 31 seeds train in background slices; the distribution appears when they are done.
    await vi.waitFor(
      () =>
        expect(text(root, '.activation-lab-summary')).toMatch(
          /^Same training on 32 draws of data and weights \(seeds 0–31\): ReLU, lr 0\.01: \d+ diverged, .*Drawn: seed 0 \(1 of 32\)\./,
        ),
      { timeout: 5000 },
    );
  });

  it('redraws both charts in place when a learning rate or the steps move, and relabels the legend', async () => {
    const root = await render(DEAD);
    const canvases = await canvasesOf(root, 2);
    await frames(1);
    for (const [label, value] of [
      ['lr (run 2)', String(Math.log10(0.05))],
      ['steps', '120'],
    ] as const) {
      const before = canvases.map((c) => pixelHash(c).hash);
      slide(root, label, value);
      // The new runs train as a job; the charts redraw when they arrive.
      await vi.waitFor(() => canvases.forEach((c, i) => expect(pixelHash(c).hash).not.toBe(before[i])), {
        timeout: 5000,
      });
      expect([...root.querySelectorAll('canvas')]).toEqual(canvases);
    }
    expect(text(root, '.activation-lab-legend')).toContain('ReLU, lr 0.05');
    expect(harness.host.writes.filter((w) => w.path.endsWith('.md'))).toEqual([]);
  });

  it('puts learning rates on a log track labelled by run, and lines up the x axes of its two charts', async () => {
    const root = await render(DEAD);
    const [loss, dead] = await canvasesOf(root, 2);
    const sliders = [...root.querySelectorAll<HTMLInputElement>('input[aria-label^="lr (run"]')];
    expect(sliders.map((s) => [s.min, s.max])).toEqual([
      ['-3', '0'],
      ['-3', '0'],
    ]);
    // 0.01 sits a third of the way along 0.001…1, not pinned at the left edge.
    expect(Number(sliders[0].value)).toBeCloseTo(-2, 6);
    expect([...root.querySelectorAll('.activation-lab-slider')].map((l) => l.textContent)).toEqual([
      'lr (run 1)0.01',
      'lr (run 2)0.1',
      'steps60',
    ]);
    type Laid = HTMLCanvasElement & { activationLabLabels?: { area: { left: number; width: number } } };
    // The two charts are laid out together, possibly a frame after their canvases appear.
    const areas = () => [loss, dead].map((c) => (c as Laid).activationLabLabels?.area);
    await vi.waitFor(() => expect(areas().every(Boolean)).toBe(true));
    const [a, b] = areas();
    expect(a?.left).toBeGreaterThan(20);
    expect(a?.left).toBe(b?.left);
    expect(a?.width).toBe(b?.width);
  });

  it('says plainly when a learning rate diverges, and "new data" draws new data', async () => {
    const root = await render('```dead-relu\nlr: 0.01, 3\n```\n');
    const [loss] = await canvasesOf(root, 2);
    expect(text(root, '.activation-lab-summary')).toMatch(/ReLU, lr 3: the loss overflows, diverged at step \d+\./);
    expect(text(root, '.activation-lab-legend')).toMatch(/ReLU, lr 3 \(diverged at step \d+\)/);
    await frames(1);
    const before = [pixelHash(loss).hash, text(root, '.activation-lab-summary')];
    root.querySelector<HTMLButtonElement>('button.activation-lab-button')?.click();
    await vi.waitFor(() => expect([pixelHash(loss).hash, text(root, '.activation-lab-summary')]).not.toEqual(before), {
      timeout: 5000,
    });
  });

  it('reads out the step and every run under the pointer, in Chinese when Obsidian is', async () => {
    const root = await render(DEAD, 'zh');
    const [, dead] = await canvasesOf(root, 2);
    const rect = dead.getBoundingClientRect();
    dead.dispatchEvent(
      new MouseEvent('mousemove', { clientX: rect.right - 20, clientY: rect.top + rect.height / 2, bubbles: true }),
    );
    await frames(2);
    expect(text(root, '.activation-lab-readout')).toMatch(/^第 \d+ 步 · 死亡神经元ReLU，学习率 0\.01 = 0 \/ 32 个/);
    await vi.waitFor(
      () => expect(text(root, '.activation-lab-summary')).toMatch(/^同样的训练在 32 组数据和权重上（种子 0–31）：/),
      { timeout: 5000 },
    );
  });
});

describe('```zero-centered', () => {
  it('draws both paths over contour lines with w* marked, and a computed summary', async () => {
    const root = await render(ZERO);
    const [canvas] = await canvasesOf(root, 1);
    expect(pixelHash(canvas).inked).toBeGreaterThan(3000);
    expect(canvas.getAttribute('aria-label')).toContain('from w₀ = (−1.5, 0) toward w* = (2, −1)');
    expect([...root.querySelectorAll('.activation-lab-legend-slot li')].map((li) => li.textContent)).toEqual([
      'Sigmoid inputs',
      'Tanh inputs',
      'w₀: start',
      'w*: target',
    ]);
    expect(text(root, '.activation-lab-summary')).toMatch(
      /All-positive inputs \(Sigmoid\): 32 of 32 samples' gradients have two same-sign components/,
    );
    expect(text(root, '.activation-lab-summary')).toMatch(/Zero-centred inputs \(Tanh\): \d+ of 32 samples' gradients/);
    const [, directions] = await canvasesOf(root, 2);
    expect(directions.getAttribute('aria-label')).toMatch(/^Each sample's gradient step at w₀ \(unit length\)/);
  });

  it('redraws in place when lr or steps move and when the data changes', async () => {
    const root = await render(ZERO);
    const [canvas] = await canvasesOf(root, 1);
    await frames(1);
    for (const act of [
      () => slide(root, 'learning rate', '1.5'),
      () => slide(root, 'steps', '12'),
      () => root.querySelector<HTMLButtonElement>('button.activation-lab-button')?.click(),
    ]) {
      const before = [pixelHash(canvas).hash, text(root, '.activation-lab-summary')];
      act();
      await frames(3);
      expect(root.querySelector('canvas')).toBe(canvas);
      expect([pixelHash(canvas).hash, text(root, '.activation-lab-summary')]).not.toEqual(before);
    }
  });
});

describe('unload', () => {
  it('leaves no canvas, observer, listener or interval behind', async () => {
    const baseline = liveCounts();
    const root = await render(`${DEAD}\n${ZERO}`);
    await canvasesOf(root, 2);
    // Drawing is lazy: bring the second block into view so all three charts exist before unloading.
    [...root.querySelectorAll('.activation-lab-chart-box')].at(-1)?.scrollIntoView();
    await canvasesOf(root, 3);
    expect(liveCounts().observers).toBeGreaterThan(baseline.observers);
    harness.cleanup();
    root.remove();
    expect(liveCounts()).toEqual({ ...baseline, canvases: 0 });
  });
});
