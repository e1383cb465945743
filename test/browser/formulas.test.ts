/**
 * The note's own formulas in Chromium, through the built main.js on the Obsidian fake: the `formulas` key plots
 * and checks a linked section and follows edits; "Check formulas in this note" lists and links every formula.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TFile } from '../fakes/obsidian';
import { blockHarness, drawnCanvases, openEditor, startPlugin, teardown } from './support/plugin-host';
import type { Host } from '../fakes/host';
import { server } from './support/server';

const harness = blockHarness();
let host: Host | null = null;

afterEach(() => {
  harness.cleanup();
  teardown(null, host);
  host = null;
});

const until = <T>(fn: () => T, timeout = 2000): Promise<T> => vi.waitFor(fn, { timeout, interval: 10 });
const RELU =
  "## ReLU\n$$\\begin{align}\nReLU(x)&=max\\{0,x\\} \\\\\nReLU'(x)&=\\begin{cases}\n0, x\\leq0\\\\\n1, x>1\n\\end{cases}\n\\end{align}$$\n";
const block = '```activation\nfunctions: ReLU\nx: [-2, 2]\nformulas: "[[#ReLU]]"\n```\n';
const summaryOf = (root: HTMLElement) => root.querySelector('.activation-lab-summary')?.textContent ?? '';
const legendOf = (root: HTMLElement) =>
  [...root.querySelectorAll('.activation-lab-legend-slot span')].map((s) => s.textContent).join('|');

describe('formulas: on an activation block', () => {
  it("plots the section's formulas in its notation and says where ReLU′ is undefined", async () => {
    const root = await harness.render(`# Note\n${RELU}\n## Chart\n${block}`);
    await drawnCanvases(root);
    await until(() => expect(summaryOf(root)).toContain('⚠'));
    expect(summaryOf(root)).toBe(
      "✓ ReLU(x) agrees with torch's ReLU on [−2, 2]\n⚠ ReLU′(x) is undefined on (0, 1]: no case applies there; " +
        "at x = 0: the note gives 0, torch 0 (a convention); matches the derivative of the note's ReLU(x) wherever it is defined",
    );
    expect(legendOf(root)).toContain('ReLU(x)');
    expect(legendOf(root)).toContain('ReLU′(x)');
    expect(legendOf(root)).toContain("shaded: where the note's formula differs from torch or is undefined");
    expect(harness.host.writes.filter((w) => w.path.endsWith('.md'))).toEqual([]);
  });

  it('follows an edit of the formula within a second, redrawing the same canvas', async () => {
    const root = await harness.render(`# Note\n${RELU}\n## Chart\n${block}`);
    const [canvas] = await drawnCanvases(root);
    await until(() => expect(summaryOf(root)).toContain('⚠'));
    const file = harness.host.app.vault.getFileByPath('demo.md') as TFile;
    const text = await harness.host.app.vault.read(file);
    const started = performance.now();
    await harness.host.app.vault.modify(file, text.replace('1, x>1', '1, x>0'));
    await until(() => expect(summaryOf(root)).toContain("✓ ReLU′(x) agrees with torch's ReLU′ on [−2, 2]"), 1000);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(summaryOf(root)).not.toContain('⚠');
    expect(root.querySelector('canvas')).toBe(canvas);
  });

  it('stops watching the linked notes when the block unloads, a pending refresh included', async () => {
    const root = await harness.render(`# Note\n${RELU}\n## Chart\n${block}`);
    await until(() => expect(summaryOf(root)).toContain('⚠'));
    const app = harness.host.app;
    const file = app.vault.getFileByPath('demo.md') as TFile;
    const watching = app.metadataCache.listenerCount('changed');
    await app.vault.modify(file, (await app.vault.read(file)).replace('1, x>1', '1, x>0'));
    harness.cleanup();
    await new Promise((r) => setTimeout(r, 400));
    // Nothing is listening any more, and the pending refresh ran into no unloaded block (no error surfaced).
    expect(watching).toBeGreaterThan(0);
    expect(app.metadataCache.listenerCount('changed')).toBe(0);
  });

  it('says which link it could not find, in Chinese too, and still draws the chart', async () => {
    const root = await harness.render('```activation\nfunctions: ReLU\nformulas: "[[#Nope]]"\n```\n', {
      language: 'zh',
    });
    await drawnCanvases(root);
    await until(() => expect(summaryOf(root)).toBe('formulas：找不到 [[#Nope]]'));
  });
});

describe('"Check formulas in this note"', () => {
  it('lists each formula of the seed note with its mark and jumps to its line; never writes', async () => {
    const vault = await server.readVault('seed');
    host = (await startPlugin({ files: vault })).host;
    const editor = openEditor(host, '激活函数.md').editor;
    expect(host.runCommand('activation-lab:check-formulas')).toBe(true);
    const items = await until(() => {
      const all = [...document.body.querySelectorAll<HTMLElement>('.modal-container .activation-lab-formula-list li')];
      expect(all.length).toBe(7);
      return all;
    });
    expect(document.body.querySelector('.modal-container .modal-title')?.textContent).toBe(
      'Formulas in 激活函数, checked against PyTorch',
    );
    expect(items.map((li) => li.textContent?.slice(0, 2))).toEqual(['✓ ', '✓ ', '✓ ', '✓ ', '✓ ', '⚠ ', '✓ ']);
    expect(items[5].textContent).toMatch(/^⚠ line 50 ReLU′\(x\) is undefined on \(0, 1\]/);
    items[5].querySelector('a')?.click();
    expect(document.body.querySelector('.modal-container')).toBeNull();
    expect(editor.getCursor()).toEqual({ line: 49, ch: 0 });
    expect(editor.getLine(49)).toContain("ReLU'(x)&=\\begin{cases}");
    expect(host.writes.filter((w) => w.path.endsWith('.md'))).toEqual([]);
  });

  it('speaks Chinese, and says so when a note has no such formula', async () => {
    host = (
      await startPlugin({
        files: { 'A.md': '$E = mc^2$', 'B.md': "$\\sigma'(x)=\\sigma(x)(1+\\sigma(x))$" },
        language: 'zh',
      })
    ).host;
    openEditor(host, 'A.md');
    host.runCommand('activation-lab:check-formulas');
    await until(() =>
      expect(document.body.querySelector('.modal-container p')?.textContent).toBe(
        '本笔记中没有定义 torch 激活函数的公式。',
      ),
    );
    document.body.querySelector<HTMLElement>('.modal-container .modal-close-button')?.click();
    document.body.replaceChildren();
    openEditor(host, 'B.md');
    host.runCommand('activation-lab:check-formulas');
    const item = await until(() => document.body.querySelector('.activation-lab-formula-list li') as HTMLElement);
    expect(item.textContent).toMatch(
      /^✗ 第 1 行 σ′\(x\) 在 \(−3\.778, 6\] 上与 torch 的 Sigmoid′ 不同，最大相差 1\.99/,
    );
  });
});
