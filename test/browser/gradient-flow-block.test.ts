import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockHarness } from './support/plugin-host';
import { frames, installInstrumentation, liveCounts, pixelHash } from './support/instrument';

const harness = blockHarness();

beforeAll(() => installInstrumentation());
afterEach(() => harness.cleanup());

const render = (note: string): Promise<HTMLElement> => harness.render(note);

const canvasOf = (root: HTMLElement) =>
  vi.waitFor(() => {
    const c = root.querySelector('canvas');
    if (!c) throw new Error('not drawn yet');
    return c;
  });

const BLOCK = '```gradient-flow\nactivations: Sigmoid, Tanh, ReLU\ndepth: 20\nwidth: 32\n```\n';

describe('```gradient-flow in Chromium, through the built main.js', () => {
  it('draws one line per activation with a computed summary', async () => {
    const root = await render(BLOCK);
    const canvas = await canvasOf(root);
    // The gradients are computed off the main thread: the chart's frame first, then the lines and the summary.
    await vi.waitFor(() => expect(root.querySelector('.activation-lab-summary')?.textContent).not.toBe(''));
    await frames(1); // the result's new axes are laid out with the summary and painted in the next frame
    expect(pixelHash(canvas).inked).toBeGreaterThan(3000);
    expect(canvas.getAttribute('aria-label')).toContain('20-layer network of width 32');
    expect(root.querySelector('.activation-lab-summary')?.textContent).toMatch(
      /^Ratio of layer 1's to layer 20's gradient norm ‖∂loss\/∂W‖ \(init: he_normal\): Sigmoid [\d.]+×10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+, /,
    );
  });

  it('redraws in place when depth, width, init or the seed change', async () => {
    const root = await render(BLOCK);
    const canvas = await canvasOf(root);
    const summary = () => root.querySelector('.activation-lab-summary')?.textContent;
    await vi.waitFor(() => expect(summary()).not.toBe(''));
    for (const [label, act] of [
      [
        'depth',
        (el: HTMLInputElement) => {
          el.value = '12';
          el.dispatchEvent(new Event('input'));
        },
      ],
      [
        'width',
        (el: HTMLInputElement) => {
          el.value = '8';
          el.dispatchEvent(new Event('input'));
        },
      ],
    ] as const) {
      const before = [pixelHash(canvas).hash, summary()];
      const slider = root.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`) as HTMLInputElement;
      act(slider);
      await vi.waitFor(() => expect([pixelHash(canvas).hash, summary()]).not.toEqual(before));
      expect(root.querySelector('canvas')).toBe(canvas);
    }
    const select = root.querySelector<HTMLSelectElement>('select') as HTMLSelectElement;
    const beforeInit = summary();
    select.value = 'auto';
    select.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(summary()).not.toBe(beforeInit));
    const beforeSeed = summary();
    root.querySelector<HTMLButtonElement>('button.activation-lab-button')?.click();
    await vi.waitFor(() => expect(summary()).not.toBe(beforeSeed));
    expect(harness.host.writes.filter((w) => w.path.endsWith('.md'))).toEqual([]);
  });

  it('leaves nothing behind on unload', async () => {
    const baseline = liveCounts();
    const root = await render(BLOCK);
    await canvasOf(root);
    harness.cleanup();
    root.remove();
    expect(liveCounts()).toEqual({ ...baseline, canvases: 0 });
  });
});

describe('```gradient-flow histograms and gain in Chromium', () => {
  it('switches view and moves the gain in place: new panels on a switch, the same canvases as the gain moves', async () => {
    const baseline = liveCounts();
    const root = await render('```gradient-flow\nactivations: Sigmoid, Tanh\ndepth: 12\nview: histograms\n```\n');
    await canvasOf(root);
    await vi.waitFor(() => expect(root.querySelectorAll('.activation-lab-panels canvas')).toHaveLength(2));
    const canvases = [...root.querySelectorAll('canvas')];
    expect(canvases).toHaveLength(3);
    const summary = () => root.querySelector('.activation-lab-summary')?.textContent;
    const before = [summary(), ...canvases.map((c) => pixelHash(c).hash)];
    const gain = root.querySelector<HTMLInputElement>('input[aria-label="weight gain"]') as HTMLInputElement;
    gain.value = '3';
    gain.dispatchEvent(new Event('input'));
    // The run may compute in the background: wait for its summary, then every canvas has been redrawn in place.
    await vi.waitFor(() => expect(summary()).toContain('weight gain 4.'));
    await frames(3);
    expect([...root.querySelectorAll('canvas')]).toEqual(canvases);
    const after = [summary(), ...canvases.map((c) => pixelHash(c).hash)];
    after.forEach((v, i) => expect(v).not.toBe(before[i]));
    const view = root.querySelector<HTMLSelectElement>('select[aria-label="view"]') as HTMLSelectElement;
    view.value = 'norms';
    view.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(root.querySelectorAll('canvas')).toHaveLength(1));
    expect(root.querySelector('.activation-lab-panels')).toBeNull();
    expect(summary()).toContain('(init: he_normal × gain 3)');
    view.value = 'histograms';
    view.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(root.querySelectorAll('canvas')).toHaveLength(3));
    expect(harness.host.writes.filter((w) => w.path.endsWith('.md'))).toEqual([]);
    harness.cleanup();
    root.remove();
    expect(liveCounts()).toEqual({ ...baseline, canvases: 0 });
  });
});
