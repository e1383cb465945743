/**
 * Fake-only: Live Preview's rendering of one code block. Obsidian has no `obsidian.d.ts` member for it; what it
 * imitates is the behaviour `MarkdownRenderChild`'s constructor documents — the element "is replaced with a new
 * version because the user edited the Markdown source code", and then "this component will be unloaded". On every
 * edit of the block's source the editor drops the old rendered widget (its children unloaded) and renders the new
 * source into a fresh widget, already in the page (the editor's DOM), with `getSectionInfo` answering null.
 */
import { Component } from './component';
import { renderMarkdown } from './markdown';
import type { RenderApp } from './post-processors';

/** One fenced block shown rendered in the editor, re-rendered on every edit. */
export class LivePreviewBlock {
  private component: Component | null = null;
  private widget: HTMLElement | null = null;

  constructor(
    private readonly app: RenderApp,
    private readonly sourcePath: string,
    private readonly editorEl: HTMLElement,
    private readonly language: string,
  ) {}

  /** The current widget element (`div.cm-preview-code-block`), null before the first render or after close. */
  get el(): HTMLElement | null {
    return this.widget;
  }

  /** The user edited the block: the old widget goes (children unloaded), the new source renders in a new one. */
  async edit(source: string): Promise<void> {
    this.close();
    const doc = this.editorEl.ownerDocument;
    const widget = doc.createElement('div');
    widget.className = 'cm-embed-block cm-preview-code-block';
    this.editorEl.appendChild(widget);
    this.widget = widget;
    const component = new Component();
    component.load();
    this.component = component;
    const fence = '`'.repeat(Math.max(3, ...[...source.matchAll(/`+/g)].map((m) => m[0].length + 1)));
    await renderMarkdown(
      this.app,
      `${fence}${this.language}\n${source}\n${fence}`,
      widget,
      this.sourcePath,
      component,
      { readingView: false },
    );
  }

  /** The block left the editor (note closed, or the cursor moved into it): its widget and children go. */
  close(): void {
    this.component?.unload();
    this.component = null;
    this.widget?.remove();
    this.widget = null;
  }
}
