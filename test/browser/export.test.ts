/** Export from a block (menu button, context menu): PNG to clipboard or vault, CSV; printing draws every chart. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createApi } from '../../src/api';
import type { Host } from '../fakes/host';
import { Menu, MenuItem, Notice, type Component } from '../fakes/obsidian';
import { drawnCanvases, showNote, startPlugin } from './support/plugin-host';
import { frames } from './support/instrument';

let host: Host | null = null;
let view: Component | null = null;
const clipboard = { written: [] as ClipboardItem[], text: [] as string[] };

afterEach(() => {
  view?.unload();
  view = null;
  host?.dispose();
  host = null;
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** Renders `note` as Note.md through the built plugin; the clipboard is stubbed (the test page cannot grant it). */
async function render(note: string, options: { attachmentFolderPath?: string } = {}): Promise<HTMLElement> {
  host = (await startPlugin({ files: { 'Note.md': note }, ...options })).host;
  clipboard.written = [];
  clipboard.text = [];
  vi.spyOn(navigator.clipboard, 'write').mockImplementation(async (items) => {
    clipboard.written.push(...items);
  });
  vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => {
    clipboard.text.push(text);
  });
  Notice.reset();
  const shown = await showNote(host, 'Note.md');
  view = shown.view;
  return shown.root;
}

/** The menu shown last (a function, so TypeScript does not narrow it after the test resets it). */
const lastMenu = (): Menu | null => Menu.lastShown;

/** Opens the block's menu from its header button and picks `title`. */
function pick(root: HTMLElement, title: string): void {
  root.querySelector<HTMLButtonElement>('.activation-lab-menu-button')?.click();
  const item = Menu.lastShown?.items.find((i): i is MenuItem => i !== 'separator' && i.title === title);
  if (!item) throw new Error(`no menu item ${title}`);
  [...(Menu.lastShown?.dom?.querySelectorAll<HTMLElement>('.menu-item') ?? [])]
    .find((el) => el.textContent === title)
    ?.click();
}

async function pngSize(blob: Blob): Promise<{ width: number; height: number; type: string }> {
  const bitmap = await createImageBitmap(blob);
  return { width: bitmap.width, height: bitmap.height, type: blob.type };
}

/** The decoded RGBA pixels of a PNG. */
async function rgba(blob: Blob): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  const c = document.createElement('canvas');
  c.width = bitmap.width;
  c.height = bitmap.height;
  const ctx = c.getContext('2d') as CanvasRenderingContext2D;
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, c.width, c.height);
}

/** A CSS colour (#rgb, #rrggbb, rgb()) as [r, g, b]. */
function parseColor(css: string): number[] {
  const c = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
  c.fillStyle = css.trim();
  c.fillRect(0, 0, 1, 1);
  return [...c.getImageData(0, 0, 1, 1).data.subarray(0, 3)];
}

describe('export menu', () => {
  it('is a labelled button in the block header, with the three actions', async () => {
    const root = await render('```activation\ntitle: Sigmoid\nfunctions: Sigmoid\n```\n');
    const button = root.querySelector('.activation-lab-header .activation-lab-menu-button') as HTMLButtonElement;
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('aria-label')).toBe('Export chart');
    expect(root.querySelector('.activation-lab-header .activation-lab-title')?.textContent).toBe('Sigmoid');
    button.click();
    expect(Menu.lastShown?.items.map((i) => (i === 'separator' ? i : i.title))).toEqual([
      'Copy as PNG',
      'Save PNG to vault',
      'Copy data as CSV',
    ]);
  });

  it('opens from the keyboard', async () => {
    const root = await render('```activation\nfunctions: ReLU\n```\n');
    Menu.lastShown = null;
    root.querySelector<HTMLButtonElement>('.activation-lab-menu-button')?.focus();
    await userEvent.keyboard('{Enter}');
    expect(lastMenu()?.shownAt).not.toBeNull();
  });

  it("is also the block's context menu, but leaves links their own", async () => {
    const root = await render('```activation\nfunctions: ReLU\ncaption: see [[Other]]\n```\n');
    const box = (await drawnCanvases(root))[0];
    Menu.lastShown = null;
    const onChart = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 10, clientY: 20 });
    box.dispatchEvent(onChart);
    expect(onChart.defaultPrevented).toBe(true);
    expect(lastMenu()?.shownAt).toEqual({ x: 10, y: 20 });
    lastMenu()?.hide();
    Menu.lastShown = null;
    root
      .querySelector('.activation-lab-caption a')
      ?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    expect(lastMenu()).toBeNull();
  });

  it("copies a PNG that stands alone: title, legend with its line styles, the chart, and the caption, at the chart's pixel ratio", async () => {
    const root = await render(
      '```activation\ntitle: Sigmoid and its slope\nfunctions: Sigmoid\ncaption: The slope peaks at 0.25.\n```\n',
    );
    const [canvas] = await drawnCanvases(root);
    pick(root, 'Copy as PNG');
    await vi.waitFor(() => expect(Notice.messages).toEqual(['Copied']));
    const blob = await clipboard.written[0].getType('image/png');
    const size = await pngSize(blob);
    expect(size.type).toBe('image/png');
    expect(canvas.width).toBe(700 * devicePixelRatio);
    expect(size.width).toBe(canvas.width);
    // Title (one line), one legend row, the chart, one caption line: ≥ 3 text rows of ≥ 15 px above and below the chart.
    expect(size.height).toBeGreaterThanOrEqual(canvas.height + 45 * devicePixelRatio);
    // The chart sits unscaled inside the image: one row of the export has every opaque pixel of the chart's middle row.
    const pixels = await rgba(blob);
    const chartRow = canvas.getContext('2d')?.getImageData(0, canvas.height / 2, canvas.width, 1)
      .data as Uint8ClampedArray;
    const opaque = Array.from({ length: canvas.width }, (_, x) => x).filter((x) => chartRow[x * 4 + 3] === 255);
    expect(opaque.length).toBeGreaterThan(5);
    const rows = Array.from({ length: size.height }, (_, y) => y);
    const at = rows.find((y) =>
      opaque.every((x) => [0, 1, 2].every((k) => pixels.data[(y * size.width + x) * 4 + k] === chartRow[x * 4 + k])),
    );
    expect(at).toBeDefined();
    // Above the chart, the legend row: Sigmoid's swatch in Sigmoid's colour, and the dashed f′ key.
    const sigmoid = parseColor(
      getComputedStyle(root.querySelector('.activation-lab-legend .activation-lab-swatch') as HTMLElement)
        .borderTopColor,
    );
    const top = (at as number) - canvas.height / 2;
    const hasColour = (y0: number, y1: number, [r, g, b]: number[]) => {
      for (let y = Math.max(0, y0); y < y1; y++)
        for (let x = 0; x < size.width; x++) {
          const i = (y * size.width + x) * 4;
          if (
            Math.abs(pixels.data[i] - r) < 8 &&
            Math.abs(pixels.data[i + 1] - g) < 8 &&
            Math.abs(pixels.data[i + 2] - b) < 8
          )
            return true;
        }
      return false;
    };
    expect(hasColour(0, top, sigmoid)).toBe(true);
    // Below the chart, the caption's text (the muted colour) on the background.
    expect(
      hasColour(
        top + canvas.height,
        size.height,
        parseColor(getComputedStyle(root.querySelector('.activation-lab-readout') as HTMLElement).color),
      ),
    ).toBe(true);
    // The theme's background fills the corners.
    expect([...pixels.data.subarray(0, 3)]).toEqual(
      parseColor(getComputedStyle(document.body).getPropertyValue('--background-primary')),
    );
  });

  it('keeps panels side by side, each with its title, points and map, as the note shows them', async () => {
    const root = await render('```nonlinearity\n```\n');
    // Training is a job: the words first, then the three panels and the loss chart.
    const canvases = await drawnCanvases(root, 4);
    expect(canvases).toHaveLength(4);
    pick(root, 'Copy as PNG');
    await vi.waitFor(() => expect(Notice.messages).toEqual(['Copied']));
    const blob = await clipboard.written[0].getType('image/png');
    const size = await pngSize(blob);
    const dpr = devicePixelRatio;
    const boxes = [...root.querySelectorAll('.activation-lab-panels > .activation-lab-chart-box')];
    const first = boxes[0].getBoundingClientRect();
    const loss = canvases[3];
    // As wide as the row of panels, and shorter than a panel and the loss chart stacked with room for the legend.
    expect(Math.abs(size.width - (boxes[2].getBoundingClientRect().right - first.left) * dpr)).toBeLessThanOrEqual(1);
    expect(size.height).toBeLessThan((first.height + loss.getBoundingClientRect().height + 100) * dpr);
    // The loss chart's pixels sit unscaled in the image, on the background: its middle row tells where the charts begin.
    const pixels = await rgba(blob);
    const at = (x: number, y: number) => [0, 1, 2].map((k) => pixels.data[(y * size.width + x) * 4 + k]);
    const background = parseColor(getComputedStyle(document.body).getPropertyValue('--background-primary'));
    /** An RGBA pixel as it shows over the background. */
    const over = (d: Uint8ClampedArray, i: number) =>
      [0, 1, 2].map((k) => (d[i + k] * d[i + 3] + background[k] * (255 - d[i + 3])) / 255);
    const mid = loss.getContext('2d')?.getImageData(0, loss.height / 2, loss.width, 1).data as Uint8ClampedArray;
    const lossRow = Array.from({ length: size.height }, (_, y) => y).find((y) =>
      Array.from({ length: loss.width }, (_, x) => x).every((x) =>
        over(mid, x * 4).every((v, k) => Math.abs(at(x, y)[k] - v) <= 1),
      ),
    );
    expect(lossRow).toBeDefined();
    const top =
      (lossRow as number) - Math.floor(loss.height / 2) - (loss.getBoundingClientRect().top - first.top) * dpr;
    for (const box of boxes) {
      const plot = (box.querySelector('.activation-lab-panel-plot') as HTMLElement).getBoundingClientRect();
      const place = (fx: number, fy: number): [number, number] => [
        Math.round((plot.left - first.left + fx * plot.width) * dpr),
        Math.round(top + (plot.top - first.top + fy * plot.height) * dpr),
      ];
      // Every filled point in its colour, where the panel shows it.
      const dots = [...box.querySelectorAll('circle')].filter(
        (c) => c.getAttribute('fill') === c.getAttribute('stroke'),
      );
      expect(dots.length).toBeGreaterThan(10);
      for (const dot of dots) {
        const [x, y] = place(
          parseFloat(dot.getAttribute('cx') ?? '') / 100,
          parseFloat(dot.getAttribute('cy') ?? '') / 100,
        );
        parseColor(dot.getAttribute('fill') ?? '').forEach((v, k) =>
          expect(Math.abs(at(x, y)[k] - v)).toBeLessThanOrEqual(3),
        );
      }
      // The map near the plot's top left corner: the map image's pixel there over the background.
      const map = box.querySelector('canvas') as HTMLCanvasElement;
      const expected = over(map.getContext('2d')?.getImageData(3, 3, 1, 1).data as Uint8ClampedArray, 0);
      const shown = at(...place(3.5 / 80, 3.5 / 80));
      shown.forEach((v, k) => expect(Math.abs(v - expected[k])).toBeLessThanOrEqual(6));
    }
  });

  it('draws a chart that has not scrolled into view before copying it', async () => {
    const root = await render(`${'filler\n\n'.repeat(400)}\`\`\`activation\nfunctions: Tanh\n\`\`\`\n`);
    expect(root.querySelector('canvas')).toBeNull();
    pick(root, 'Copy as PNG');
    await vi.waitFor(() => expect(Notice.messages).toEqual(['Copied']));
    const blob = await clipboard.written[0].getType('image/png');
    expect((await pngSize(blob)).height).toBeGreaterThan(300 * devicePixelRatio);
  });

  it("saves a PNG where Obsidian puts the note's attachments, only on request, and says where", async () => {
    const root = await render('```activation\nfunctions: ReLU\n```\n', { attachmentFolderPath: './attachments' });
    await drawnCanvases(root);
    expect(host?.writes).toEqual([]);
    pick(root, 'Save PNG to vault');
    await vi.waitFor(() => expect(Notice.messages).toEqual(['Saved to attachments/Note activation.png']));
    expect(host?.writes.map((w) => [w.op, w.path])).toEqual([
      ['createFolder', 'attachments'],
      ['createBinary', 'attachments/Note activation.png'],
    ]);
    const bytes = new Uint8Array(host?.writes[1].data as ArrayBuffer);
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    pick(root, 'Save PNG to vault');
    await vi.waitFor(() => expect(Notice.messages.at(-1)).toBe('Saved to attachments/Note activation 1.png'));
  });

  it("copies the sampled data as CSV whose numbers are the API's, following the sliders", async () => {
    const root = await render('```activation\nfunctions: Sigmoid, PReLU\nsamples: 41\n```\n');
    await drawnCanvases(root);
    pick(root, 'Copy data as CSV');
    await vi.waitFor(() => expect(clipboard.text).toHaveLength(1));
    const [header, ...rows] = clipboard.text[0].trimEnd().split('\r\n');
    expect(header).toBe('x,Sigmoid,Sigmoid′,PReLU,PReLU′');
    expect(rows).toHaveLength(41);
    const api = createApi();
    const sigmoid = api.activation('Sigmoid');
    for (const row of rows) {
      const [x, f, df] = row.split(',').map(Number);
      expect([f, df]).toEqual([sigmoid.f(x), sigmoid.df(x)]);
    }
    const slider = root.querySelector<HTMLInputElement>('input[type=range]') as HTMLInputElement;
    slider.value = '0.5';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await frames(2);
    pick(root, 'Copy data as CSV');
    await vi.waitFor(() => expect(clipboard.text).toHaveLength(2));
    const prelu = api.activation('PReLU', { init: 0.5 });
    for (const row of clipboard.text[1].trimEnd().split('\r\n').slice(1)) {
      const [x, , , f] = row.split(',').map(Number);
      expect(f).toBe(prelu.f(x));
    }
  });
});

describe('touch and keyboard (mobile, accessibility)', () => {
  it('a finger on the chart reads out values like a mouse does', async () => {
    const root = await render('```activation\nfunctions: Sigmoid\n```\n');
    const [canvas] = await drawnCanvases(root);
    expect(getComputedStyle(canvas).touchAction).toBe('pan-y');
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
    await frames(2);
    expect(root.querySelector('.activation-lab-readout')?.textContent).toMatch(/^x = 2\.\d+Sigmoid\(x\) = 0\.9/);
  });

  it('every control is a labelled form element or a button', async () => {
    const root = await render('```gradient-flow\nactivations: Sigmoid, ReLU\ndepth: 5\n```\n');
    await drawnCanvases(root);
    const controls = [...root.querySelectorAll<HTMLElement>('input, select, button')];
    // depth, width, init, gain, view, new weights, and the export menu.
    expect(controls.length).toBe(7);
    for (const c of controls) expect(c.getAttribute('aria-label') ?? c.textContent).not.toBe('');
    expect(root.querySelector('canvas')?.getAttribute('aria-label')).toMatch(/^Gradient per layer/);
  });
});

describe('printing', () => {
  it('draws every chart on beforeprint, including those never scrolled into view', async () => {
    const block = '```activation\nfunctions: GELU\n```\n';
    const root = await render(`${block}\n${'filler\n\n'.repeat(400)}${block}\n${'filler\n\n'.repeat(400)}${block}`);
    await drawnCanvases(root, 1);
    expect(root.querySelectorAll('canvas')).toHaveLength(1);
    window.dispatchEvent(new Event('beforeprint'));
    expect(root.querySelectorAll('.activation-lab-chart-box canvas')).toHaveLength(3);
  });

  it('draws inside a print container, where nothing scrolls into view, once the detached block is put there', async () => {
    host = (
      await startPlugin({
        files: { 'Note.md': `${'filler\n\n'.repeat(400)}\`\`\`activation\nfunctions: ELU\n\`\`\`\n` },
      })
    ).host;
    const print = document.body.createDiv({ cls: 'print' });
    print.style.width = '700px';
    view = await host.renderNote('Note.md', print);
    // Processors get the section detached (as in Obsidian): the block learns of the print container one frame later.
    await frames(2);
    expect(print.querySelectorAll('canvas')).toHaveLength(1);
  });

  it('draws in a print container when processors get attached sections too', async () => {
    host = (
      await startPlugin({
        files: { 'Note.md': `${'filler\n\n'.repeat(400)}\`\`\`activation\nfunctions: ELU\n\`\`\`\n` },
      })
    ).host;
    const print = document.body.createDiv({ cls: 'print' });
    print.style.width = '700px';
    const file = host.app.vault.getFileByPath('Note.md')!;
    const md = host.app.workspace.openFile(file);
    md.mode = 'preview';
    md.previewMode.attachedSections = true;
    print.appendChild(md.previewMode.containerEl);
    await md.previewMode.render();
    view = md.previewMode;
    expect(print.querySelectorAll('canvas')).toHaveLength(1);
  });
});
