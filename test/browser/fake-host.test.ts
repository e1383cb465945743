import { afterEach, describe, expect, it } from 'vitest';
// The plugin classes below are written exactly like plugin code: typed by the real obsidian.d.ts,
// run against the fake (vitest aliases 'obsidian'). Fake-only helpers come from '../fakes/…'.
import {
  Component as ObsidianComponent,
  MarkdownRenderChild,
  Plugin,
  PluginSettingTab,
  Setting,
  type App,
  type MarkdownPostProcessorContext,
} from 'obsidian';
import { createHost, THEME_VARIABLES, type Host } from '../fakes/host';
import { Component, MarkdownRenderer, MarkdownView } from '../fakes/obsidian';

let host: Host | null = null;
afterEach(() => {
  host?.dispose();
  host = null;
  document.body.replaceChildren();
  document.body.className = '';
});

const NOTE = '---\nkind: demo\n---\n# Heading\n\nIntro with [[Other]].\n\n```dummy\nalpha\nbeta\n```\n\nAfter.\n';

type Seen = { source: string; sourcePath: string; frontmatter: unknown; section: unknown; docId: string };
class DummyPlugin extends Plugin {
  seen: Seen[] = [];
  renderChildren: ObsidianComponent[] = [];
  settings = { on: false };
  async onload() {
    const saved: unknown = await this.loadData();
    this.settings = Object.assign({ on: false }, saved);
    this.registerMarkdownCodeBlockProcessor('dummy', (source, el, ctx: MarkdownPostProcessorContext) => {
      this.seen.push({
        source,
        sourcePath: ctx.sourcePath,
        frontmatter: ctx.frontmatter,
        section: ctx.getSectionInfo(el),
        docId: ctx.docId,
      });
      el.createDiv({ cls: 'dummy-out', text: source.toUpperCase() });
      const child = new MarkdownRenderChild(el);
      this.renderChildren.push(child);
      ctx.addChild(child);
    });
    this.addSettingTab(new DummyTab(this.app, this));
  }
}
class DummyTab extends PluginSettingTab {
  constructor(
    app: App,
    private owner: DummyPlugin,
  ) {
    super(app, owner);
  }
  display() {
    this.containerEl.empty();
    new Setting(this.containerEl)
      .setName('Switch')
      .setDesc('desc')
      .addToggle((t) =>
        t.setValue(this.owner.settings.on).onChange(async (v) => {
          this.owner.settings.on = v;
          await this.owner.saveData(this.owner.settings);
        }),
      );
  }
}

describe('createHost / renderNote (Reading view imitation)', () => {
  it('runs the registered code-block processor with ctx.sourcePath, frontmatter and getSectionInfo of the note', async () => {
    host = createHost({ files: { 'dir/Note.md': NOTE, 'Other.md': '' } });
    const plugin = await host.loadPlugin(DummyPlugin);
    const container = document.body.createDiv();
    const component = await host.renderNote('dir/Note.md', container);
    expect(plugin.seen).toHaveLength(1);
    const [s] = plugin.seen;
    expect(s.source).toBe('alpha\nbeta');
    expect(s.sourcePath).toBe('dir/Note.md');
    expect(s.frontmatter).toEqual({ kind: 'demo' });
    expect(s.section).toEqual({ text: NOTE, lineStart: 7, lineEnd: 10 });
    expect(s.docId).toMatch(/\w+/);
    expect(container.querySelector('.block-language-dummy .dummy-out')?.textContent).toBe('ALPHA\nBETA');
    expect(container.querySelector('a.internal-link.is-unresolved')).toBeNull();
    expect((plugin.renderChildren[0] as unknown as Component).loaded).toBe(true);
    component.unload();
    expect((plugin.renderChildren[0] as unknown as Component).loaded).toBe(false);
    expect(host.app.workspace.getActiveFile()?.path).toBe('dir/Note.md');
    expect(host.app.workspace.getActiveViewOfType(MarkdownView)?.getMode()).toBe('preview');
    expect(host.writes).toEqual([]);
  });

  it('MarkdownRenderer.render inside the note gives getSectionInfo null; rerender re-runs processors', async () => {
    host = createHost({ files: { 'n.md': '```dummy\nx\n```' } });
    const plugin = await host.loadPlugin(DummyPlugin);
    const el = document.body.createDiv();
    await MarkdownRenderer.render(host.app, '```dummy\ny\n```', el, 'n.md', new Component());
    expect(plugin.seen[0].section).toBeNull();
    await host.renderNote('n.md', document.body.createDiv());
    const view = host.app.workspace.getActiveViewOfType(MarkdownView)!;
    await view.previewMode.rerender(true);
    expect(plugin.seen.map((s) => s.source)).toEqual(['y', 'x', 'x']);
    expect(view.previewMode.rerenderCalls).toEqual([true]);
  });

  it('clicking an internal link calls openLinkText; hovering triggers a recorded hover-link', async () => {
    host = createHost({ files: { 'a.md': 'go [[b#Part|B]]', 'b.md': '# Part' } });
    const el = document.body.createDiv();
    await host.renderNote('a.md', el);
    const link = el.querySelector<HTMLAnchorElement>('a.internal-link')!;
    link.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    link.click();
    await Promise.resolve();
    expect(host.app.workspace.openedLinks).toEqual([{ linktext: 'b#Part', sourcePath: 'a.md', newLeaf: false }]);
    expect(host.app.workspace.hoverLinks).toMatchObject([
      { source: 'preview', linktext: 'b#Part', sourcePath: 'a.md', targetEl: link },
    ]);
    expect(host.app.workspace.getActiveFile()?.path).toBe('b.md');
  });
});

describe('createHost extras', () => {
  it('setTheme toggles body classes, sets Obsidian default variables and triggers css-change', () => {
    host = createHost({ files: {} });
    let changes = 0;
    host.app.workspace.on('css-change', () => changes++);
    host.setTheme('dark');
    const probe = document.body.createDiv();
    expect(document.body.classList.contains('theme-dark')).toBe(true);
    expect(getComputedStyle(probe).getPropertyValue('--background-primary').trim()).toBe(
      THEME_VARIABLES.dark['--background-primary'],
    );
    expect(host.app.isDarkMode()).toBe(true);
    host.setTheme('light');
    expect(document.body.classList.contains('theme-dark')).toBe(false);
    expect(getComputedStyle(probe).getPropertyValue('--text-normal').trim()).toBe('#222222');
    expect(changes).toBe(2);
  });

  it('settings tab: a toggle click saves data.json (recorded), data survives a plugin reload', async () => {
    host = createHost({ files: {}, language: 'fr' });
    const plugin = await host.loadPlugin(DummyPlugin);
    const tab = host.openSettingTab(plugin);
    expect(tab.containerEl.querySelector('.setting-item-name')?.textContent).toBe('Switch');
    tab.containerEl.querySelector<HTMLElement>('.checkbox-container')!.click();
    await Promise.resolve();
    expect(plugin.settings.on).toBe(true);
    expect(host.writes.map((w) => `${w.op} ${w.path}`)).toEqual([
      'saveData .obsidian/plugins/activation-lab/data.json',
    ]);
    plugin.unload();
    const again = await host.loadPlugin(DummyPlugin);
    expect(again.settings.on).toBe(true);
  });

  it('layout-ready callbacks queued before the first plugin load run after its onload', async () => {
    host = createHost({ files: {} });
    const order: string[] = [];
    class P extends Plugin {
      onload() {
        this.app.workspace.onLayoutReady(() => order.push('ready'));
        order.push('onload');
      }
    }
    await host.loadPlugin(P);
    host.app.workspace.onLayoutReady(() => order.push('late'));
    expect(order).toEqual(['onload', 'ready', 'late']);
  });

  it('the editor saves through Vault.modify only on save/requestSave, and commands reach the editor', async () => {
    host = createHost({ files: { 'e.md': 'hello' } });
    class P extends Plugin {
      onload() {
        this.addCommand({ id: 'bang', name: 'Bang', editorCallback: (ed) => ed.replaceSelection('!') });
      }
    }
    await host.loadPlugin(P);
    const view = host.app.workspace.openFile(host.app.vault.getFileByPath('e.md')!);
    view.editor.setCursor({ line: 0, ch: 5 });
    expect(host.runCommand('activation-lab:bang')).toBe(true);
    expect(view.editor.getValue()).toBe('hello!');
    expect(view.editor.getCursor()).toEqual({ line: 0, ch: 6 });
    expect(host.writes).toEqual([]);
    await view.save();
    expect(host.writes).toMatchObject([{ op: 'modify', path: 'e.md', data: 'hello!' }]);
  });
});
