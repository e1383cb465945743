/**
 * One collapsible context panel of a block: its title is the link (click opens the note at that heading, hover
 * shows Obsidian's page preview) and its body is the linked Markdown, rendered by Obsidian's own
 * `MarkdownRenderer.render` into a `MarkdownRenderChild` the block owns — never as HTML strings.
 */
import { MarkdownRenderChild, MarkdownRenderer, type App, type Component, type HoverParent } from 'obsidian';
import { stripBlockId } from '../core/links/context-links';
import { linkTextOf, type WikiLink } from '../core/links/wikilinks';
import { t, type Lang } from '../i18n';

/** The hover-link source id registered in main.ts (Settings → Page preview lists it). */
export const HOVER_SOURCE = 'activation-lab';

/** What a panel shows: the linked text, or a message (missing target, nesting stopped). */
export type PanelContent =
  | { kind: 'text'; path: string; text: string; truncated: boolean; total: number; chain: readonly string[] }
  | { kind: 'message'; text: string };

/** What panels share with the block that owns them. */
export interface PanelHost {
  app: App;
  lang: Lang;
  /** The note holding the block (links in the title resolve from it). */
  sourcePath: string;
  /** Owns the render children of panel bodies. */
  owner: Component;
  /** Receives Obsidian's page preview popover. */
  hoverParent: HoverParent;
  /** Registers DOM listeners for the block's lifetime. */
  listen(
    el: HTMLElement,
    type: 'click' | 'mouseover' | 'keydown',
    handler: (evt: MouseEvent | KeyboardEvent) => void,
  ): void;
}

/**
 * The nesting chain of each rendered panel body (keys of the contents around it). A WeakMap, not an attribute
 * read back from the DOM, so note content (raw HTML may carry data attributes) can never reset the chain.
 */
const chains = new WeakMap<Element, readonly string[]>();

/** The chain of the innermost panel body around `el`; empty for a block written in the note itself. */
export function chainAround(el: HTMLElement): readonly string[] {
  for (let n = el.parentElement; n; n = n.parentElement) {
    const chain = chains.get(n);
    if (chain) return chain;
  }
  return [];
}

/** Events already answered by an inner panel or caption, so outer ones (nested blocks) do not act twice. */
const handled = new WeakSet<Event>();

/** Opens internal links on click and shows their page preview on hover, for links rendered inside `el`. */
export function handleInternalLinks(host: PanelHost, el: HTMLElement, sourcePathOf: () => string): void {
  const linkOf = (evt: Event): HTMLElement | null => {
    const a = evt.target instanceof Element ? evt.target.closest<HTMLElement>('a.internal-link') : null;
    return a && el.contains(a) && !handled.has(evt) ? a : null;
  };
  host.listen(el, 'click', (evt) => {
    const a = linkOf(evt);
    if (!a) return;
    handled.add(evt);
    // Obsidian's reading view may already have followed the link; never open it twice.
    if (evt.defaultPrevented) return;
    evt.preventDefault();
    void host.app.workspace.openLinkText(
      a.getAttr('data-href') ?? a.getText(),
      sourcePathOf(),
      evt.ctrlKey || evt.metaKey,
    );
  });
  host.listen(el, 'mouseover', (evt) => {
    const a = linkOf(evt);
    if (!a) return;
    handled.add(evt);
    hoverLink(host, evt as MouseEvent, a, a.getAttr('data-href') ?? a.getText(), sourcePathOf());
  });
}

/** Asks Obsidian's page preview for a popover over `targetEl`. */
function hoverLink(
  host: PanelHost,
  event: MouseEvent,
  targetEl: HTMLElement,
  linktext: string,
  sourcePath: string,
): void {
  host.app.workspace.trigger('hover-link', {
    event,
    source: HOVER_SOURCE,
    hoverParent: host.hoverParent,
    targetEl,
    linktext,
    sourcePath,
  });
}

/** A `<details>` panel for one context link. */
export class ContextPanel {
  readonly el: HTMLDetailsElement;
  private readonly titleEl: HTMLElement;
  private readonly actionsEl: HTMLElement;
  private bodyEl: HTMLElement;
  private renderChild: MarkdownRenderChild | null = null;
  /** Linktext the title opens: the link as written, or the renamed note's path + subpath. */
  private linktext: string;
  private contentPath: string;
  private onUpdate: (() => void) | null = null;

  constructor(
    parent: HTMLElement,
    private readonly host: PanelHost,
    readonly link: WikiLink,
    open: boolean,
  ) {
    this.linktext = linkTextOf(link);
    this.contentPath = host.sourcePath;
    this.el = parent.createEl('details', { cls: 'activation-lab-context' });
    this.el.open = open;
    // One Tab stop per panel: the title link. The summary around it leaves the tab order; Space on the title folds.
    const summary = this.el.createEl('summary', { cls: 'activation-lab-context-summary', attr: { tabindex: '-1' } });
    this.titleEl = summary.createEl('a', {
      cls: 'activation-lab-context-title',
      text: link.alias ?? linkTextOf(link),
      attr: { role: 'link', tabindex: '0' },
    });
    this.actionsEl = this.el.createDiv({ cls: 'activation-lab-context-actions' });
    this.bodyEl = this.el.createDiv({ cls: 'activation-lab-context-body' });
    host.listen(this.titleEl, 'click', (evt) => this.open(evt));
    host.listen(this.titleEl, 'keydown', (evt) => {
      const key = (evt as KeyboardEvent).key;
      if (key === 'Enter') this.open(evt);
      if (key !== ' ') return;
      evt.preventDefault();
      this.el.open = !this.el.open;
    });
    host.listen(this.titleEl, 'mouseover', (evt) =>
      hoverLink(host, evt as MouseEvent, this.titleEl, this.linktext, host.sourcePath),
    );
    handleInternalLinks(host, this.el, () => this.contentPath);
    host.listen(this.actionsEl, 'click', (evt) => {
      if (evt.target instanceof HTMLButtonElement) this.onUpdate?.();
    });
  }

  /** Makes the title open (and preview) `linktext` from now on — after the block followed a rename. */
  setLinktext(linktext: string): void {
    this.linktext = linktext;
    this.titleEl.setAttr('data-href', linktext);
  }

  /** Replaces the body: renders the linked text, or shows a message. The previous render is unloaded first. */
  show(content: PanelContent): void {
    if (this.renderChild) this.host.owner.removeChild(this.renderChild);
    this.renderChild = null;
    const body = createDiv({ cls: 'activation-lab-context-body' });
    this.bodyEl.replaceWith(body);
    this.bodyEl = body;
    if (content.kind === 'message') {
      body.createDiv({ cls: 'activation-lab-context-message', text: content.text });
      return;
    }
    this.contentPath = content.path;
    const markdown = this.link.blockId !== undefined ? stripBlockId(content.text, this.link.blockId) : content.text;
    const rendered = body.createDiv({ cls: 'activation-lab-context-content markdown-rendered' });
    chains.set(rendered, content.chain);
    rendered.setAttr('data-activation-lab-depth', String(content.chain.length));
    const child = this.host.owner.addChild(new MarkdownRenderChild(rendered));
    this.renderChild = child;
    // Links inside resolve from the linked note, as they would there.
    MarkdownRenderer.render(this.host.app, markdown, rendered, content.path, child).catch(() =>
      rendered.setText(markdown),
    );
    if (content.truncated) {
      body.createDiv({
        cls: 'activation-lab-context-message',
        text: t(this.host.lang, 'context.truncated', { shown: content.text.length, total: content.total }),
      });
    }
  }

  /** Shows (label) or removes (null) the "update link to [[new name]]" button. */
  offerUpdate(label: string | null, onClick: () => void = () => {}): void {
    this.actionsEl.empty();
    this.onUpdate = label === null ? null : onClick;
    if (label !== null) this.actionsEl.createEl('button', { cls: 'activation-lab-update-link', text: label });
  }

  private open(evt: MouseEvent | KeyboardEvent): void {
    // The title sits in <summary>: opening the note must not also fold the panel.
    evt.preventDefault();
    void this.host.app.workspace.openLinkText(this.linktext, this.host.sourcePath, evt.ctrlKey || evt.metaKey);
  }
}
