/**
 * A block's caption: Markdown under the chart whose wiki-links are real internal links (click opens, hover
 * previews). It depends only on where its links point, so it re-renders only when that changes: a rename the
 * block followed, a deleted target, a missing target created.
 */
import { MarkdownRenderChild, MarkdownRenderer } from 'obsidian';
import { retargetLinks } from '../core/links/link-rewrite';
import { findWikiLinks, type WikiLink } from '../core/links/wikilinks';
import { handleInternalLinks, type PanelHost } from './context-panel';
import type { ObsidianLinkResolver } from './link-resolver';

/** One distinct written target of the caption and the note it points to now. */
interface Target {
  link: WikiLink;
  path: string | null;
  /** Set when the block saw that note renamed: its new path. */
  renamedTo?: string;
}

/** The rendered caption of one block. */
export class CaptionView {
  private readonly el: HTMLElement;
  private readonly actionsEl: HTMLElement;
  private child: MarkdownRenderChild | null = null;
  private readonly targets: Target[] = [];
  private signature: string | null = null;
  private updates: Array<() => void> = [];

  constructor(
    parent: HTMLElement,
    private readonly host: PanelHost,
    private readonly caption: string,
    private readonly resolver: ObsidianLinkResolver,
    /** The new linktext for a renamed note, or null when the block's links cannot be rewritten here. */
    private readonly offer: (from: string, renamedTo: string) => { label: string; update: () => void } | null,
  ) {
    this.el = parent.createDiv({ cls: 'activation-lab-caption' });
    this.actionsEl = parent.createDiv({ cls: 'activation-lab-context-actions' });
    handleInternalLinks(host, this.el, () => host.sourcePath);
    host.listen(this.actionsEl, 'click', (evt) => {
      if (!(evt.target instanceof HTMLButtonElement)) return;
      this.updates[[...this.actionsEl.children].indexOf(evt.target)]?.();
    });
    for (const { link } of findWikiLinks(caption)) {
      if (!this.targets.some((t) => t.link.target === link.target)) this.targets.push({ link, path: null });
    }
  }

  /** Whether the caption holds any wiki-link (otherwise nothing needs watching). */
  get hasLinks(): boolean {
    return this.targets.length > 0;
  }

  /** Vault paths the caption's links point to, and linkpaths that point nowhere (for the link watch). */
  get watched(): { read: string[]; missing: string[] } {
    return {
      read: this.targets.flatMap((t) => (t.path === null ? [] : [t.path])),
      missing: this.targets.filter((t) => t.path === null).map((t) => t.link.target),
    };
  }

  /** Follows `renames` (old path → new path), re-resolves, and re-renders only if a target changed (or `force`). */
  refresh(renames: ReadonlyMap<string, string>, force = false): void {
    for (const t of this.targets) {
      const moved = t.path === null ? undefined : renames.get(t.path);
      if (moved !== undefined) t.renamedTo = moved;
      const dest = this.resolver.destination(t.link, this.host.sourcePath)?.path ?? null;
      // A followed rename ends when the link resolves to that note again (renamed back, or the link was updated).
      if (t.renamedTo !== undefined && (dest === t.renamedTo || !this.resolver.fileAt(t.renamedTo))) delete t.renamedTo;
      t.path = t.renamedTo ?? dest;
    }
    const signature = JSON.stringify(this.targets.map((t) => [t.path, t.renamedTo ?? null]));
    if (signature === this.signature && !force) return;
    this.signature = signature;
    this.render();
  }

  private render(): void {
    let text = this.caption;
    const offers: Array<{ label: string; update: () => void }> = [];
    for (const t of this.targets) {
      if (t.renamedTo === undefined) continue;
      const file = this.resolver.fileAt(t.renamedTo);
      if (!file) continue;
      // Shown (never written) with the new name, so the caption keeps pointing at the renamed note.
      text = retargetLinks(text, t.link.target, this.host.app.metadataCache.fileToLinktext(file, this.host.sourcePath));
      const offer = t.link.target === '' ? null : this.offer(t.link.target, t.renamedTo);
      if (offer) offers.push(offer);
    }
    if (this.child) this.host.owner.removeChild(this.child);
    // A fresh element each time: a slow earlier render can only ever fill an element that is already gone.
    this.el.empty();
    const content = this.el.createDiv({ cls: 'activation-lab-caption-content' });
    const child = this.host.owner.addChild(new MarkdownRenderChild(content));
    this.child = child;
    MarkdownRenderer.render(this.host.app, text, content, this.host.sourcePath, child).catch(() =>
      content.setText(text),
    );
    this.actionsEl.empty();
    this.updates = offers.map((o) => o.update);
    for (const o of offers) this.actionsEl.createEl('button', { cls: 'activation-lab-update-link', text: o.label });
  }
}
