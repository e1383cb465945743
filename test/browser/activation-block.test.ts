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
  it("draws the seed note's four functions with derivatives, legend and sliders", async () => {
    const root = await render(SEED_BLOCK);
    const canvas = await drawnCanvas(root);
    expect(canvas.width).toBe(700 * devicePixelRatio);
    expect(canvas.getAttribute('aria-label')).toBe(
      'Chart of Sigmoid, Tanh, ReLU, PReLU and their derivatives for x from −6 to 6',
    );
    expect(pixelHash(canvas).inked).toBeGreaterThan(5000);
    expect([...root.querySelectorAll('.activation-lab-legend li')].map((li) => li.textContent)).toEqual([
      'Sigmoid',
      'Tanh',
      'ReLU',
      'PReLU',
      'solid: f(x)',
      'dashed: f′(x)',
      'shaded: saturation',
      'shaded: dead zone (f′ = 0)',
      'largest f′',
      "PyTorch's f′ at a kink",
    ]);
    const sliders = [...root.querySelectorAll<HTMLInputElement>('input[type=range]')];
    expect(sliders.map((s) => s.getAttribute('aria-label'))).toEqual(['PReLU init']);
    expect(sliders[0].value).toBe('0.25');
  });

  it('relabels the legend as a slider moves: LeakyReLU at negative_slope 0.3 says so', async () => {
    const root = await render('```activation\nfunctions: LeakyReLU, Sigmoid\n```\n');
    await drawnCanvas(root);
    const legend = () => [...root.querySelectorAll('.activation-lab-legend li')].map((li) => li.textContent);
    expect(legend().slice(0, 2)).toEqual(['LeakyReLU', 'Sigmoid']);
    const slider = root.querySelector<HTMLInputElement>('input[type=range]') as HTMLInputElement;
    slider.value = '0.3';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await frames(3);
    expect(legend().slice(0, 2)).toEqual(['LeakyReLU(negative_slope=0.3)', 'Sigmoid']);
    expect(root.querySelector('canvas')?.getAttribute('aria-label')).toContain('LeakyReLU(negative_slope=0.3)');
  });

  it('shows the property table as real cells, and updates them as a slider moves', async () => {
    const root = await render('```activation\nfunctions: LeakyReLU\nproperties: true\n```\n');
    await drawnCanvas(root);
    const cells = () =>
      [...root.querySelectorAll('table.activation-lab-properties tbody tr > *')].map((c) => c.textContent);
    expect(root.querySelectorAll('table.activation-lab-properties thead th')).toHaveLength(9);
    expect(cells().slice(0, 3)).toEqual(['LeakyReLU', '(−∞, ∞)', '{0.01} ∪ {1}']);
    const slider = root.querySelector<HTMLInputElement>('input[type=range]') as HTMLInputElement;
    slider.value = '0.3';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await frames(3);
    expect(cells().slice(0, 3)).toEqual(['LeakyReLU(negative_slope=0.3)', '(−∞, ∞)', '{0.3} ∪ {1}']);
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
    canvas.dispatchEvent(
      new MouseEvent('mousemove', {
        clientX: rect.left + rect.width / 2,
        clientY: rect.top + rect.height / 2,
        bubbles: true,
      }),
    );
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
    expect(root.querySelector('.activation-lab-readout')?.textContent).toBe(
      'Hover over the chart, or focus it and use the arrow keys, to read exact values',
    );
    // The crosshair came and went by repainting the plot area alone: the chart is pixel for pixel as before.
    expect(pixelHash(canvas).hash).toBe(untouched);
  });

  it('reads out from the keyboard: the chart takes focus, arrow keys step sample by sample, and the read-out is announced', async () => {
    const root = await render('```activation\nfunctions: Sigmoid\nx: [-2, 2]\nsamples: 5\n```\n');
    const canvas = await drawnCanvas(root);
    await frames(1);
    const untouched = pixelHash(canvas).hash;
    const box = root.querySelector<HTMLElement>('.activation-lab-chart-box') as HTMLElement;
    const readout = root.querySelector('.activation-lab-readout') as HTMLElement;
    expect(readout.getAttribute('aria-live')).toBe('polite');
    box.focus();
    expect(document.activeElement).toBe(box);
    const press = async (key: string): Promise<{ x: number; f: number; df: number }> => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await frames(1);
      const text = readout.textContent ?? '';
      const num = (re: RegExp) => Number(re.exec(text)?.[1].replace(/−/g, '-'));
      return { x: num(/x = (−?[\d.]+)/), f: num(/Sigmoid\(x\) = ([\d.e−]+)/), df: num(/Sigmoid′\(x\) = ([\d.e−]+)/) };
    };
    // Five samples over [−2, 2]: −2, −1, 0, 1, 2 — each read out exactly (σ and σ(1 − σ)).
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    for (const expected of [-2, -1, 0]) {
      const r = await press('ArrowRight');
      expect(r.x).toBe(expected);
      expect(r.f).toBeCloseTo(sigmoid(expected), 5);
      expect(r.df).toBeCloseTo(sigmoid(expected) * (1 - sigmoid(expected)), 5);
    }
    expect(pixelHash(canvas).hash).not.toBe(untouched); // the crosshair is drawn
    expect((await press('End')).x).toBe(2);
    expect((await press('ArrowRight')).x).toBe(2);
    expect((await press('ArrowLeft')).x).toBe(1);
    expect((await press('Home')).x).toBe(-2);
    box.blur();
    await frames(1);
    expect(readout.textContent).toMatch(/^Hover over the chart/);
    expect(pixelHash(canvas).hash).toBe(untouched);
  });

  it('tells touch screens to tap or drag, not to hover', async () => {
    const real = window.matchMedia.bind(window);
    const spy = vi
      .spyOn(window, 'matchMedia')
      .mockImplementation((q) => (q === '(hover: none)' ? { ...real(q), matches: true } : real(q)));
    try {
      const root = await render('```activation\nfunctions: ReLU\n```\n');
      expect(root.querySelector('.activation-lab-readout')?.textContent).toBe(
        'Tap or drag on the chart to read exact values',
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('follows touch like the mouse: a finger on the chart moves the read-out', async () => {
    const root = await render('```activation\nfunctions: ReLU\n```\n');
    const canvas = await drawnCanvas(root);
    const rect = canvas.getBoundingClientRect();
    const touch = new Touch({
      identifier: 1,
      target: canvas,
      clientX: rect.left + rect.width * 0.75,
      clientY: rect.top + rect.height / 2,
    });
    canvas.dispatchEvent(
      new TouchEvent('touchstart', { touches: [touch], changedTouches: [touch], bubbles: true, cancelable: true }),
    );
    canvas.dispatchEvent(
      new TouchEvent('touchmove', { touches: [touch], changedTouches: [touch], bubbles: true, cancelable: true }),
    );
    await frames(2);
    const text = root.querySelector('.activation-lab-readout')?.textContent ?? '';
    const x = Number(/x = (−?[\d.]+)/.exec(text)?.[1].replace(/−/g, '-'));
    expect(x).toBeGreaterThan(2);
    const f = Number(/ReLU\(x\) = ([\d.]+)/.exec(text)?.[1]);
    expect(f).toBeCloseTo(x, 3);
    expect(text).toContain('ReLU′(x) = 1');
  });

  it("fills the pane's width and redraws when the pane is resized", async () => {
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

  it("draws a definition of the note's own with a slider for its parameter, and points a caret at a mistake", async () => {
    const root = await render(
      '```activation\ndefine:\n  pr(x; a=0.25 in [-0.5, 1]) = max(0, x) + a * min(0, x)\nfunctions: PReLU, pr\n```\n\n' +
        '```activation\nfunctions: Sigmoid, x * sigmod(x)\n```\n',
    );
    const canvas = await drawnCanvas(root);
    expect(canvas.getAttribute('aria-label')).toBe('Chart of PReLU, pr and their derivatives for x from −6 to 6');
    expect(
      [...root.querySelectorAll<HTMLInputElement>('input[type=range]')].map((s) => s.getAttribute('aria-label')),
    ).toEqual(['PReLU init', 'pr a']);
    const error = root.querySelector('.activation-lab-error');
    expect(error?.textContent).toContain("Line 1, column 5: unknown name 'sigmod'. Did you mean 'sigmoid'?");
    const caret = error?.querySelector('.activation-lab-error-caret');
    expect(caret?.textContent).toBe('x * sigmod(x)\n    ^');
    expect(getComputedStyle(caret as Element).whiteSpace).toBe('pre');
  });

  it('speaks Chinese when Obsidian does', async () => {
    const root = await render('```activation\nfunctions: Sigmoid\nsamples: 1\n```\n', { language: 'zh' });
    expect(root.querySelector('.activation-lab-warning')?.textContent).toBe(
      '第 2 行：samples：1 超出范围，允许的范围是 2 到 5000（改用默认值 400）',
    );
    expect(root.querySelector('.activation-lab-readout')?.textContent).toBe(
      '将指针移到图上，或选中图表后按方向键，读取精确数值',
    );
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
