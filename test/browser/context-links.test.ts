/**
 * Wiki-link context and captions in Chromium, through the built main.js against the Obsidian fake: the right
 * section of the right note, messages for what is missing, live updates of only the affected block (never its
 * chart), renames followed with an explicit "update link" button, bounded nesting, and a clean unload.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MarkdownRenderer } from 'obsidian';
import { server } from './support/server';
import { createHost, type Host } from '../fakes/host';
import type { Component, TFile } from '../fakes/obsidian';
import { loadBuiltPlugin } from './support/built-plugin';
import { installInstrumentation, liveCounts } from './support/instrument';

let host: Host | null = null;
let view: Component | null = null;
let shared: Record<string, string> = {};
let tricky: Record<string, string> = {};

beforeAll(async () => {
  installInstrumentation();
  shared = await server.readVault('seed');
  tricky = await server.readVault('tricky');
});

afterEach(() => {
  vi.restoreAllMocks();
  view?.unload();
  view = null;
  host?.dispose();
  host = null;
  document.body.replaceChildren();
});

const block = (...lines: string[]): string => ['```activation', ...lines, '```', ''].join('\n');

/** Saves `note` as `path` in `vault`, loads the built plugin and renders the note in Reading view. */
async function render(
  vault: Record<string, string>,
  note: string,
  opts: { path?: string; language?: string } = {},
): Promise<HTMLElement> {
  const path = opts.path ?? '图表.md';
  host = createHost({ files: { ...vault, [path]: note }, language: opts.language });
  await host.loadPlugin((await loadBuiltPlugin()) as never);
  host.setTheme('light');
  const container = document.body.createDiv();
  container.style.width = '700px';
  view = await host.renderNote(path, container);
  return container;
}

/** Waits until `fn` stops throwing (default 2 s). */
const until = <T>(fn: () => T, timeout = 2000): Promise<T> => vi.waitFor(fn, { timeout, interval: 10 });
const panelsOf = (root: ParentNode): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>(':scope .activation-lab-context'),
];
const bodyText = (panel: HTMLElement): string => panel.querySelector('.activation-lab-context-body')?.textContent ?? '';
const fileAt = (path: string): TFile => host?.app.vault.getFileByPath(path) as TFile;
const mdWrites = () => (host?.writes ?? []).filter((w) => w.path.endsWith('.md'));
/** The first element matching `selector` under `root`, once it exists. */
const find = <E extends Element = HTMLElement>(root: ParentNode, selector: string, timeout?: number): Promise<E> =>
  until(() => {
    const el = root.querySelector<E>(selector);
    if (!el) throw new Error(`no ${selector} yet`);
    return el;
  }, timeout);

async function panelWith(root: HTMLElement, text: string): Promise<HTMLElement> {
  return until(() => {
    const p = panelsOf(root).find((x) => bodyText(x).includes(text));
    if (!p) throw new Error(`no panel shows ${text}; panels: ${panelsOf(root).map(bodyText).join(' | ')}`);
    return p;
  });
}

describe('context panels show exactly the linked section', () => {
  it('[[神经网络#基本模型]]: the section with its subsection, not the next section; the chart still draws', async () => {
    const root = await render(
      shared,
      block(
        'functions: Sigmoid, ReLU',
        'context: [[神经网络#基本模型]]',
        'caption: 隐藏层 = 线性层 + 激活函数，见 [[代数学#线性变换]]',
      ),
    );
    const panel = await panelWith(root, '最简单的单隐藏层神经网络');
    expect(panel.querySelector('.activation-lab-context-title')?.textContent).toBe('神经网络#基本模型');
    expect([...panel.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['参数规模']);
    expect(bodyText(panel)).toContain('dh+h+hk+k');
    expect(bodyText(panel)).not.toContain('反向传播');
    expect(bodyText(panel)).not.toContain('BP 算法');
    await find(root, 'canvas');
    const caption = await find(root, '.activation-lab-caption a.internal-link');
    expect(caption.getAttribute('data-href')).toBe('代数学#线性变换');
  });

  it('looks like an embed (left border, muted background, smaller headings) and takes one Tab stop; Space folds it', async () => {
    const root = await render(
      shared,
      block('functions: Sigmoid', 'context: [[神经网络#基本模型]], [[代数学#线性变换]]'),
    );
    const panel = await panelWith(root, '最简单的单隐藏层神经网络');
    const style = getComputedStyle(panel);
    expect(parseFloat(style.borderLeftWidth)).toBeGreaterThan(0);
    expect(style.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    const h3 = panel.querySelector('h3') as HTMLElement;
    const bodySize = parseFloat(
      getComputedStyle(panel.querySelector('.activation-lab-context-content') as HTMLElement).fontSize,
    );
    expect(parseFloat(getComputedStyle(h3).fontSize)).toBeLessThanOrEqual(bodySize * 1.1);
    // Tab stops inside the panels: exactly one per panel, the title link.
    const focusable = panelsOf(root).map((p) =>
      [...p.querySelectorAll<HTMLElement>('a, summary, button, [tabindex]')].filter(
        (el) => el.tabIndex >= 0 && !el.closest('.activation-lab-context-body'),
      ),
    );
    expect(focusable.map((f) => f.map((el) => el.className))).toEqual([
      ['activation-lab-context-title'],
      ['activation-lab-context-title'],
    ]);
    const title = focusable[0][0];
    const details = panelsOf(root)[0] as HTMLDetailsElement;
    const open = details.open;
    title.focus();
    title.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }));
    expect(details.open).toBe(!open);
  });

  it('[[代数学#线性变换]]: not the following ## 矩阵 section', async () => {
    const root = await render(shared, block('functions: ReLU', 'context: "[[代数学#线性变换]]"'));
    const panel = await panelWith(root, '可加性');
    expect(bodyText(panel)).toContain('两个线性变换的复合仍是线性变换');
    expect(bodyText(panel)).not.toContain('矩阵是线性变换在给定基下的表示');
    expect([...panel.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['线性变换']);
  });

  it('a block ref shows its paragraph, without the ^id marker', async () => {
    const root = await render(shared, block('functions: ReLU', 'context: [[神经网络#^bp-chain]]'));
    const panel = await panelWith(root, '训练使用 BP 算法');
    expect(bodyText(panel)).toContain('直接决定梯度能否传到浅层。');
    expect(bodyText(panel)).not.toContain('^bp-chain');
    expect(panel.querySelector('h2')).toBeNull();
  });

  it('the tricky vault: duplicates next to the note, case, heading chains, list-item blocks, aliases as titles', async () => {
    const root = await render(
      tricky,
      block(
        'functions: ReLU',
        'context:',
        '  - [[Duplicate]]',
        '  - [[case NOTE|Case]]',
        '  - [[Headings#Overview#Details]]',
        '  - [[Blocks#^item-2]]',
      ),
      { path: 'Notes/图表.md' },
    );
    await panelWith(root, 'The copy in Notes.');
    await panelWith(root, 'Reached whatever the case of the link.');
    const details = await panelWith(root, 'Overview details text.');
    expect(bodyText(details)).toContain('Deep text.');
    expect(bodyText(details)).not.toContain('Second overview.');
    await panelWith(root, 'second item with an id');
    expect(panelsOf(root).map((p) => p.querySelector('.activation-lab-context-title')?.textContent)).toEqual([
      'Duplicate',
      'Case',
      'Headings#Overview#Details',
      'Blocks#^item-2',
    ]);
  });
});

describe('missing targets', () => {
  const MISSING = block(
    'functions: ReLU',
    'context: [[不存在的笔记]], [[神经网络#不存在的标题]], [[神经网络#^no-such-block]]',
  );

  it.each([
    [
      'en',
      [
        'Linked note not found: 不存在的笔记',
        'Heading not found: 神经网络#不存在的标题',
        'Block not found: 神经网络#^no-such-block',
      ],
    ],
    [
      'zh',
      ['找不到链接的笔记：不存在的笔记', '找不到标题：神经网络#不存在的标题', '找不到块：神经网络#^no-such-block'],
    ],
  ])('say exactly what is missing (%s) while the chart still draws', async (language, messages) => {
    const root = await render(shared, MISSING, { language });
    await until(() =>
      expect(panelsOf(root).map((p) => p.querySelector('.activation-lab-context-message')?.textContent)).toEqual(
        messages,
      ),
    );
    await find(root, 'canvas');
    expect(root.querySelector('.activation-lab-error')).toBeNull();
  });
});

describe('links behave like Obsidian links', () => {
  const NOTE = block('functions: ReLU', 'context: [[神经网络#基本模型]]', 'caption: 见 [[代数学#线性变换]]');
  const hovered = (el: Element) =>
    host!.app.workspace.hoverLinks.filter((h) => (h as { targetEl: unknown }).targetEl === el);

  it("the title opens the note at the heading, from the block's note; hovering asks for a page preview", async () => {
    const root = await render(shared, NOTE);
    const panel = await panelWith(root, '最简单');
    const app = host!.app;
    expect(app.workspace.hoverLinkSources['activation-lab']).toEqual({ display: 'Activation Lab', defaultMod: true });
    const title = panel.querySelector<HTMLElement>('.activation-lab-context-title')!;
    title.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(hovered(title)).toEqual([
      expect.objectContaining({ source: 'activation-lab', linktext: '神经网络#基本模型', sourcePath: '图表.md' }),
    ]);
    title.click();
    // Opening a note replaces the view in the fake (one pane); the panel did not fold first.
    expect((panel as HTMLDetailsElement).open).toBe(true);
    expect(app.workspace.openedLinks).toEqual([
      { linktext: '神经网络#基本模型', sourcePath: '图表.md', newLeaf: false },
    ]);
    expect(mdWrites()).toEqual([]);
  });

  it('caption and body links open once and preview, resolving from the note they were written in', async () => {
    const root = await render(shared, NOTE);
    const panel = await panelWith(root, '最简单');
    const app = host!.app;
    const bodyLink = panel.querySelector<HTMLElement>('.activation-lab-context-body a.internal-link')!;
    expect(bodyLink.getAttribute('data-href')).toBe('激活函数');
    bodyLink.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(
      hovered(bodyLink)
        .map((h) => h as { source: string; sourcePath: string })
        .find((h) => h.source === 'activation-lab'),
    ).toMatchObject({ sourcePath: '神经网络.md' });
    const captionLink = root.querySelector<HTMLElement>('.activation-lab-caption a.internal-link')!;
    captionLink.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(hovered(captionLink).some((h) => (h as { source: string }).source === 'activation-lab')).toBe(true);
    captionLink.click();
    // Whoever handles the click first (Obsidian's renderer or the block), nobody opens it a second time.
    expect(app.workspace.openedLinks).toEqual([{ linktext: '代数学#线性变换', sourcePath: '图表.md', newLeaf: false }]);
    expect(mdWrites()).toEqual([]);
  });
});

describe('live updates', () => {
  it('a modified target shows its new text within a second; the chart and other blocks are untouched', async () => {
    const note =
      block('functions: Sigmoid', 'height: 120', 'context: [[神经网络#基本模型]]') +
      '\n' +
      block('functions: Tanh', 'height: 120', 'context: [[代数学#线性变换]]') +
      '\n' +
      block('functions: ReLU', 'height: 120');
    const root = await render(shared, note);
    const [first, second] = [await panelWith(root, '最简单'), await panelWith(root, '可加性')];
    const canvas = await find<HTMLCanvasElement>(root, 'canvas');
    expect(first.closest('.activation-lab-block')?.contains(canvas)).toBe(true);
    const secondBody = second.querySelector('.activation-lab-context-content');
    const calls: HTMLElement[] = [];
    const original = MarkdownRenderer.render.bind(MarkdownRenderer);
    vi.spyOn(MarkdownRenderer, 'render').mockImplementation((app, md, el, path, component) => {
      calls.push(el);
      return original(app, md, el, path, component);
    });
    const started = performance.now();
    const text = await host!.app.vault.read(fileAt('神经网络.md'));
    await host!.app.vault.modify(
      fileAt('神经网络.md'),
      text.replace('最简单的单隐藏层神经网络', '改写后的单隐藏层网络'),
    );
    await until(() => expect(bodyText(first)).toContain('改写后的单隐藏层网络'), 1000);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(bodyText(first)).not.toContain('最简单');
    expect(root.querySelector('canvas')).toBe(canvas);
    expect(canvas.isConnected).toBe(true);
    expect(calls).toHaveLength(1);
    expect(first.contains(calls[0])).toBe(true);
    expect(second.querySelector('.activation-lab-context-content')).toBe(secondBody);
    // A change to a note nobody here reads re-renders nothing.
    await host!.app.vault.modify(fileAt('激活函数.md'), 'changed');
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toHaveLength(1);
    expect(mdWrites().map((w) => w.path)).toEqual(['神经网络.md', '激活函数.md']);
  });

  it('a deleted target says so; creating it again brings the text back', async () => {
    const root = await render(shared, block('functions: ReLU', 'context: [[代数学#线性变换]]'));
    const panel = await panelWith(root, '可加性');
    const text = await host!.app.vault.read(fileAt('代数学.md'));
    await host!.app.vault.delete(fileAt('代数学.md'));
    await until(() => expect(panel.textContent).toContain('Linked note not found: 代数学'), 1000);
    await host!.app.vault.create('代数学.md', text);
    await until(() => expect(bodyText(panel)).toContain('可加性'), 1000);
  });

  it('a rename is followed at once and offers "update link"; only the click writes, and only this block', async () => {
    const note =
      '见 [[神经网络#基本模型]]\n\n' +
      block('functions: ReLU', 'context: [[神经网络#基本模型]]', 'caption: 参见 [[神经网络|NN]]') +
      '\n' +
      block('functions: Tanh', 'title: other', 'caption: [[神经网络]]');
    const root = await render(shared, note);
    const panel = await panelWith(root, '最简单');
    await host!.app.vault.rename(fileAt('神经网络.md'), '深度学习/神经网络基础.md');
    const userWrites = host!.writes.length;
    const pluginWrites = () => host!.writes.slice(userWrites);
    const button = await find<HTMLButtonElement>(panel, '.activation-lab-update-link', 1000);
    expect(button.textContent).toBe('update link to [[神经网络基础]]');
    expect(bodyText(panel)).toContain('最简单的单隐藏层神经网络');
    // The caption follows too (shown with the new name, not written).
    await until(() =>
      expect(root.querySelector('.activation-lab-caption a.internal-link')?.getAttribute('data-href')).toBe(
        '神经网络基础',
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(pluginWrites()).toEqual([]);
    button.click();
    await until(() => expect(pluginWrites()).toHaveLength(1));
    const [write] = pluginWrites();
    expect(write).toMatchObject({ op: 'process', path: '图表.md' });
    expect(write.data).toBe(
      note
        .replace('context: [[神经网络#基本模型]]', 'context: [[神经网络基础#基本模型]]')
        .replace('caption: 参见 [[神经网络|NN]]', 'caption: 参见 [[神经网络基础|NN]]'),
    );
    await until(() => expect(panel.querySelector('.activation-lab-update-link')).toBeNull());
  });
});

describe('nesting is bounded', () => {
  const CYCLE = {
    'Cycle/A.md': '# A\n\n' + block('functions: ReLU', 'context: [[B]]'),
    'Cycle/B.md': '# B\n\n' + block('functions: Tanh', 'context: [[A]]'),
    'Cycle/Self.md': '# Self\n\n' + block('functions: ReLU', 'context: [[Self]], [[#Self]]'),
  };

  it('A → B → A renders two levels deep, then says why it stops', async () => {
    const root = await render({ ...tricky, ...CYCLE }, CYCLE['Cycle/A.md'], { path: 'Cycle/A.md' });
    await until(() => expect(root.textContent).toContain('Not shown here: linked content nests at most 2 levels deep'));
    const depths = [...root.querySelectorAll('[data-activation-lab-depth]')].map((e) =>
      Number(e.getAttribute('data-activation-lab-depth')),
    );
    expect(Math.max(...depths)).toBe(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(root.querySelectorAll('.activation-lab-block')).toHaveLength(3);
    expect(root.querySelectorAll('.activation-lab-context')).toHaveLength(3);
  });

  it('a note showing itself (whole, or the section holding the block) stops at the first repetition', async () => {
    const root = await render({ ...tricky, ...CYCLE }, CYCLE['Cycle/Self.md'], { path: 'Cycle/Self.md' });
    await until(() => expect(root.querySelectorAll('.activation-lab-context-message')).toHaveLength(4));
    await new Promise((r) => setTimeout(r, 300));
    // The block, and one copy of it inside each of its two panels; each copy's two panels say why they stop.
    expect(root.querySelectorAll('.activation-lab-block')).toHaveLength(3);
    expect([...root.querySelectorAll('.activation-lab-context-message')].map((m) => m.textContent)).toEqual([
      'Not shown again: [[Self]] is already shown around this block',
      'Not shown again: [[#Self]] is already shown around this block',
      'Not shown again: [[Self]] is already shown around this block',
      'Not shown again: [[#Self]] is already shown around this block',
    ]);
  });
});

describe('unloading', () => {
  it('removes every listener, event handler, observer and canvas it added', async () => {
    host = createHost({
      files: {
        ...shared,
        '图表.md': block(
          'functions: ReLU',
          'context: [[神经网络#基本模型]], [[代数学]]',
          'caption: [[代数学#线性变换]]',
        ),
      },
    });
    const app = host.app;
    const events = () => ({
      changed: app.metadataCache.listenerCount('changed'),
      rename: app.vault.listenerCount('rename'),
      delete: app.vault.listenerCount('delete'),
      css: app.workspace.listenerCount('css-change'),
    });
    const baseline = { live: liveCounts(), events: events() };
    await host.loadPlugin((await loadBuiltPlugin()) as never);
    const root = document.body.createDiv();
    root.style.width = '700px';
    view = await host.renderNote('图表.md', root);
    await panelWith(root, '最简单');
    await find(root, 'canvas');
    expect(events().changed).toBeGreaterThan(baseline.events.changed);
    // The fake renderer, like Obsidian's, puts a click and a mouseover listener on each internal link it creates;
    // those belong to the renderer's elements, not to the plugin, and go with them.
    const rendererListeners = 2 * root.querySelectorAll('a.internal-link').length;
    // A pending debounced refresh must die with the block too.
    await app.vault.modify(fileAt('代数学.md'), '# 代数学\n\n## 线性变换\n新');
    view.unload();
    view = null;
    host.dispose();
    host = null;
    root.remove();
    await new Promise((r) => setTimeout(r, 400));
    expect(events()).toEqual(baseline.events);
    expect(liveCounts()).toEqual({
      ...baseline.live,
      listeners: baseline.live.listeners + rendererListeners,
      canvases: 0,
    });
  });
});
