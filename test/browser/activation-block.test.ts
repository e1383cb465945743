import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { blockHarness, drawnCanvases } from './support/plugin-host';
import { frames, installInstrumentation, liveCounts, pixelHash } from './support/instrument';

const SEED_BLOCK = '```activation\nfunctions: Sigmoid, Tanh, ReLU, PReLU(init=0.25)\n```\n';
const harness = blockHarness('seed', '图表.md');

beforeAll(() => installInstrumentation());
afterEach(() => harness.cleanup());

/** Renders `note` (saved as 图表.md next to the seed vault) through the built plugin. */
const render = (note: string, opts: { language?: string } = {}) => harness.render(note, opts);

const drawnCanvas = async (root: HTMLElement): Promise<HTMLCanvasElement> => (await drawnCanvases(root))[0];

describe('```activation in Chromium, through the built main.js', () => {
  it('draws the seed note\'s four functions with derivatives, legend and sliders', async () => {
    const root = await render(SEED_BLOCK);
    const canvas = await drawnCanvas(root);
    expect(canvas.width).toBe(700 * devicePixelRatio);
    expect(canvas.getAttribute('aria-label')).toBe('Chart of Sigmoid, Tanh, ReLU, PReLU and their derivatives for x from −6 to 6');
    expect(pixelHash(canvas).inked).toBeGreaterThan(5000);
    expect([...root.querySelectorAll('.activation-lab-legend li')].map((li) => li.textContent)).toEqual(['Sigmoid', 'Tanh', 'ReLU', 'PReLU']);
    const sliders = [...root.querySelectorAll<HTMLInputElement>('input[type=range]')];
    expect(sliders.map((s) => s.getAttribute('aria-label'))).toEqual(['PReLU init']);
    expect(sliders[0].value).toBe('0.25');
  });

  it('reserves the chart height before drawing, so the note does not jump', async () => {
    const root = await render(SEED_BLOCK.replace('```\n', 'height: 240\n```\n'));
    const box = root.querySelector<HTMLElement>('.activation-lab-chart-box');
    expect(box?.getBoundingClientRect().height).toBe(240);
  });

  it('redraws in place when a slider moves, without creating a new canvas, and never writes to the note', async () => {
    const root = await render(SEED_BLOCK);
    const canvas = await drawnCanvas(root);
    const before = pixelHash(canvas).hash;
    const slider = root.querySelector<HTMLInputElement>('input[type=range]') as HTMLInputElement;
    slider.value = '0.9';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await frames(3);
    expect(root.querySelector('canvas')).toBe(canvas);
    expect(root.querySelector('.activation-lab-slider-value')?.textContent).toBe('0.9');
    expect(pixelHash(canvas).hash).not.toBe(before);
    expect(harness.host.writes.filter((w) => w.path.endsWith('.md'))).toEqual([]);
  });

  it('paints a slider frame (plot area alone) exactly as a full draw of the same function paints it', async () => {
    // Fixed y, so the dragged block and the fresh one share their axes; only the plot area differs.
    const block = (fn: string): string => `\`\`\`activation\nfunctions: ${fn}\ny: [-1, 6]\n\`\`\`\n`;
    const root = await render(`${block('LeakyReLU')}\n${block('LeakyReLU(negative_slope=0.3)')}`);
    const [dragged, fresh] = await drawnCanvases(root, 2);
    const slider = root.querySelector<HTMLInputElement>('input[type=range]') as HTMLInputElement;
    const before = pixelHash(dragged).hash;
    for (const value of ['0.7', '0.05', '0.3']) {
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await frames(2);
    }
    expect(root.querySelectorAll('canvas')[0]).toBe(dragged);
    expect(pixelHash(dragged).hash).not.toBe(before);
    expect(pixelHash(dragged)).toEqual(pixelHash(fresh));
  });

  it('recolours in place when the theme switches (css-change)', async () => {
    const root = await render(SEED_BLOCK);
    const canvas = await drawnCanvas(root);
    await frames(1);
    const light = pixelHash(canvas).hash;
    harness.host.setTheme('dark');
    await frames(2);
    expect(root.querySelector('canvas')).toBe(canvas);
    expect(pixelHash(canvas).hash).not.toBe(light);
  });

  it('reads out x, f(x) and f′(x) exactly under the pointer', async () => {
    const root = await render('```activation\nfunctions: Sigmoid\n```\n');
    const canvas = await drawnCanvas(root);
    await frames(1);
    const untouched = pixelHash(canvas).hash;
    const rect = canvas.getBoundingClientRect();
    // Chart.js listens on the canvas; hover over the middle of the plot (x ≈ 0).
    canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true }));
    await frames(2);
    expect(pixelHash(canvas).hash).not.toBe(untouched); // the crosshair is drawn
    const text = root.querySelector('.activation-lab-readout')?.textContent ?? '';
    expect(text).toMatch(/^x = /);
    const x = Number(/x = (−?[\d.e−]+)/.exec(text)?.[1].replace(/−/g, '-'));
    const f = Number(/Sigmoid\(x\) = ([\d.e−]+)/.exec(text)?.[1].replace(/−/g, '-'));
    expect(Math.abs(x)).toBeLessThan(0.2);
    expect(f).toBeCloseTo(1 / (1 + Math.exp(-x)), 5);
    canvas.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    await frames(1);
    expect(root.querySelector('.activation-lab-readout')?.textContent).toBe('Hover over the chart to read exact values');
    // The crosshair came and went by repainting the plot area alone: the chart is pixel for pixel as before.
    expect(pixelHash(canvas).hash).toBe(untouched);
  });

  it('follows touch like the mouse: a finger on the chart moves the read-out', async () => {
    const root = await render('```activation\nfunctions: ReLU\n```\n');
    const canvas = await drawnCanvas(root);
    const rect = canvas.getBoundingClientRect();
    const touch = new Touch({ identifier: 1, target: canvas, clientX: rect.left + rect.width * 0.75, clientY: rect.top + rect.height / 2 });
    canvas.dispatchEvent(new TouchEvent('touchstart', { touches: [touch], changedTouches: [touch], bubbles: true, cancelable: true }));
    canvas.dispatchEvent(new TouchEvent('touchmove', { touches: [touch], changedTouches: [touch], bubbles: true, cancelable: true }));
    await frames(2);
    const text = root.querySelector('.activation-lab-readout')?.textContent ?? '';
    const x = Number(/x = (−?[\d.]+)/.exec(text)?.[1].replace(/−/g, '-'));
    expect(x).toBeGreaterThan(2);
    const f = Number(/ReLU\(x\) = ([\d.]+)/.exec(text)?.[1]);
    expect(f).toBeCloseTo(x, 3);
    expect(text).toContain('ReLU′(x) = 1');
  });

  it('fills the pane\'s width and redraws when the pane is resized', async () => {
    const root = await render('```activation\nfunctions: Tanh\n```\n');
    const canvas = await drawnCanvas(root);
    expect(canvas.getBoundingClientRect().width).toBe(700);
    root.style.width = '500px';
    await vi.waitFor(() => expect(canvas.getBoundingClientRect().width).toBe(500));
    expect(canvas.width).toBe(500 * devicePixelRatio);
    expect(pixelHash(canvas).inked).toBeGreaterThan(3000);
  });

  it('shows a bad block as an inline error naming the line, while the next block still draws', async () => {
    const root = await render('```activation\nfunctions: Sigmod\n```\n\n```activation\nfunctions: ReLU\n```\n');
    const error = root.querySelector('.activation-lab-error');
    expect(error?.textContent).toContain("Line 1: unknown activation function 'Sigmod'. Did you mean 'Sigmoid'?");
    expect(error?.textContent).toContain('Sigmoid');
    await drawnCanvas(root);
    expect(root.querySelectorAll('canvas')).toHaveLength(1);
  });

  it('draws a definition of the note\'s own with a slider for its parameter, and points a caret at a mistake', async () => {
    const root = await render('```activation\ndefine:\n  pr(x; a=0.25 in [-0.5, 1]) = max(0, x) + a * min(0, x)\nfunctions: PReLU, pr\n```\n\n'
      + '```activation\nfunctions: Sigmoid, x * sigmod(x)\n```\n');
    const canvas = await drawnCanvas(root);
    expect(canvas.getAttribute('aria-label')).toBe('Chart of PReLU, pr and their derivatives for x from −6 to 6');
    expect([...root.querySelectorAll<HTMLInputElement>('input[type=range]')].map((s) => s.getAttribute('aria-label'))).toEqual(['PReLU init', 'pr a']);
    const error = root.querySelector('.activation-lab-error');
    expect(error?.textContent).toContain("Line 1, column 5: unknown name 'sigmod'. Did you mean 'sigmoid'?");
    const caret = error?.querySelector('.activation-lab-error-caret');
    expect(caret?.textContent).toBe('x * sigmod(x)\n    ^');
    expect(getComputedStyle(caret as Element).whiteSpace).toBe('pre');
  });

  it('speaks Chinese when Obsidian does', async () => {
    const root = await render('```activation\nfunctions: Sigmoid\nsamples: 1\n```\n', { language: 'zh' });
    expect(root.querySelector('.activation-lab-error')?.textContent).toContain('第 2 行：samples：1 超出范围，允许的范围是 2 到 5000');
  });

  it('leaves no canvas, observer, listener or interval behind when the note unloads', async () => {
    const baseline = liveCounts();
    const root = await render(SEED_BLOCK + '\n```activation\nfunctions: GELU, SiLU\n```\n');
    await drawnCanvas(root);
    expect(liveCounts().observers).toBeGreaterThan(baseline.observers);
    harness.cleanup();
    root.remove();
    expect(liveCounts()).toEqual({ ...baseline, canvases: 0 });
  });
});
