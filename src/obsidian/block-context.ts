/**
 * The linked content of one block: its caption and one context panel per `context` link, resolved through
 * Obsidian, kept live by a LinkWatch, bounded in depth, and following renames until the user clicks
 * "update link". A Component owned by the block's render scope: unloading it stops every listener, debounce
 * and nested render it started. The chart is not touched here, ever.
 */
import { Component, type App, type HoverParent, type HoverPopover, type MarkdownPostProcessorContext } from 'obsidian';
import { MAX_CONTEXT_DEPTH, nestDecision } from '../core/links/context-links';
import { rewriteBlockLinks } from '../core/links/link-rewrite';
import { parseWikiLink, type WikiLink } from '../core/links/wikilinks';
import { t, type Lang } from '../i18n';
import { CaptionView } from './context-caption';
import { ContextPanel, chainAround, type PanelContent, type PanelHost } from './context-panel';
import { ObsidianLinkResolver, type ContextText } from './link-resolver';
import { LinkWatch, type LinkChanges } from './link-watch';

/** What the block hands over: the app, its post-processor context, the reader's language and its options. */
export interface BlockContextOptions {
  app: App;
  ctx: MarkdownPostProcessorContext;
  lang: Lang;
  caption?: string;
  context: readonly string[];
}

/** One context link and its panel; `path` is the note it showed last, `renamed` set while following a rename. */
interface Entry {
  link: WikiLink;
  panel: ContextPanel;
  path: string | null;
  renamed: boolean;
  shown: string | null;
}

/** Caption and context panels of one block. */
export class BlockContext extends Component implements HoverParent {
  /** Obsidian's page preview puts its popover here. */
  hoverPopover: HoverPopover | null = null;
  private readonly resolver: ObsidianLinkResolver;
  private readonly entries: Entry[] = [];
  private caption: CaptionView | null = null;
  private watch: LinkWatch | null = null;
  private generation = 0;
  private alive = false;
  /** Written targets the user already updated through the button (Obsidian re-renders the block after the write). */
  private readonly updated = new Set<string>();

  constructor(
    private readonly blockEl: HTMLElement,
    private readonly options: BlockContextOptions,
  ) {
    super();
    this.resolver = new ObsidianLinkResolver(options.app);
  }

  onload(): void {
    this.alive = true;
    const host: PanelHost = {
      app: this.options.app,
      lang: this.options.lang,
      sourcePath: this.options.ctx.sourcePath,
      owner: this,
      hoverParent: this,
      listen: (el, type, handler) => this.registerDomEvent(el, type, handler),
    };
    if (this.options.caption) {
      this.caption = new CaptionView(this.blockEl, host, this.options.caption, this.resolver, (from, to) =>
        this.offer(from, to),
      );
    }
    const list = this.options.context.length ? this.blockEl.createDiv({ cls: 'activation-lab-context-list' }) : null;
    for (const raw of this.options.context) {
      const link = parseWikiLink(raw);
      if (list && link.ok)
        this.entries.push({
          link: link.value,
          panel: new ContextPanel(list, host, link.value, true),
          path: null,
          renamed: false,
          shown: null,
        });
    }
    if (this.entries.length || this.caption?.hasLinks) {
      this.watch = new LinkWatch(this, this.options.app, (changes) => void this.refresh(changes));
    }
    void this.refresh(null);
  }

  onunload(): void {
    this.alive = false;
  }

  /** Re-resolves every link (after `changes`, or the first time) and re-renders only what changed. */
  private async refresh(changes: LinkChanges | null): Promise<void> {
    const generation = ++this.generation;
    const renames = changes?.renames ?? new Map<string, string>();
    this.caption?.refresh(renames);
    for (const e of this.entries) {
      const moved = e.path === null ? undefined : renames.get(e.path);
      if (moved !== undefined) {
        e.path = moved;
        e.renamed = true;
      }
    }
    const results = await Promise.all(this.entries.map((e) => this.resolve(e)));
    if (!this.alive || generation !== this.generation) return;
    // Read now, not at load: in Obsidian a block's element may be attached to its panel only after rendering.
    const chain = chainAround(this.blockEl);
    this.entries.forEach((e, i) => this.show(e, results[i], chain, changes === null));
    const read = this.entries.flatMap((e) => (e.path === null ? [] : [e.path]));
    const missing = results.flatMap((r, i) => (!r.ok && r.missing === 'note' ? [this.entries[i].link.target] : []));
    this.watch?.track(
      [...read, ...(this.caption?.watched.read ?? [])],
      [...missing, ...(this.caption?.watched.missing ?? [])],
    );
  }

  /** The link's text: from the renamed note while following a rename, else as Obsidian resolves it. */
  private async resolve(e: Entry): Promise<ContextText> {
    const normal = this.resolver.destination(e.link, this.options.ctx.sourcePath);
    const followed = e.renamed && e.path !== null ? this.resolver.fileAt(e.path) : null;
    // Following ends when the written link finds that note again (renamed back, or the link was updated).
    if (!followed || normal?.path === followed.path) e.renamed = false;
    const file = e.renamed ? followed : normal;
    if (!file) {
      e.path = null;
      return { ok: false, missing: 'note', what: e.link.target };
    }
    e.path = file.path;
    try {
      return await this.resolver.resolveIn(e.link, file);
    } catch {
      // Deleted between lookup and read: the 'delete' event that follows refreshes the panel again.
      return { ok: false, missing: 'note', what: e.link.target };
    }
  }

  private show(e: Entry, r: ContextText, chain: readonly string[], first: boolean): void {
    const content = this.contentOf(e, r, chain);
    // `[[#Heading]]` names no note, so there is nothing to rewrite when the block's own note is renamed.
    const offer = e.renamed && e.path !== null && e.link.target !== '' ? this.offer(e.link.target, e.path) : null;
    const shown = JSON.stringify([content, offer?.label ?? null]);
    if (shown === e.shown) return;
    e.shown = shown;
    if (first && chain.length) e.panel.el.open = false;
    e.panel.setLinktext(e.renamed && e.path !== null ? e.path + e.link.subpath : e.link.target + e.link.subpath);
    e.panel.show(content);
    e.panel.offerUpdate(offer?.label ?? null, offer?.update);
  }

  private contentOf(e: Entry, r: ContextText, chain: readonly string[]): PanelContent {
    const lang = this.options.lang;
    if (!r.ok) {
      const key =
        r.missing === 'note'
          ? 'context.noteNotFound'
          : r.missing === 'heading'
            ? 'context.headingNotFound'
            : 'context.blockNotFound';
      const what = r.missing === 'note' ? r.what : `${e.link.target}${r.what}`;
      return { kind: 'message', text: t(lang, key, { what }) };
    }
    const nest = nestDecision(chain, r.path);
    if (!nest.render) {
      return {
        kind: 'message',
        text:
          nest.reason === 'depth'
            ? t(lang, 'context.depthLimit', { max: MAX_CONTEXT_DEPTH })
            : t(lang, 'context.cycle', { what: e.link.raw }),
      };
    }
    return {
      kind: 'text',
      path: r.path,
      text: r.text,
      truncated: r.truncated,
      total: r.total ?? r.text.length,
      chain: nest.chain,
    };
  }

  /** The "update link" offer for links written as `from` now that the note lives at `path`; none where the block cannot be rewritten. */
  private offer(from: string, path: string): { label: string; update: () => void } | null {
    const file = this.resolver.fileAt(path);
    if (!file || this.updated.has(from) || this.options.ctx.getSectionInfo(this.blockEl) === null) return null;
    const to = this.options.app.metadataCache.fileToLinktext(file, this.options.ctx.sourcePath);
    return {
      label: t(this.options.lang, 'context.updateLink', { name: to }),
      update: () => void this.updateLink(from, to),
    };
  }

  /** Rewrites this block's links from `from` to `to` in its note — only ever after the user clicked the button. */
  private async updateLink(from: string, to: string): Promise<void> {
    const section = this.options.ctx.getSectionInfo(this.blockEl);
    const file = this.resolver.fileAt(this.options.ctx.sourcePath);
    if (!section || !file) return;
    // Nothing to change (or the block moved since it was rendered): no write at all.
    if (rewriteBlockLinks(await this.options.app.vault.read(file), section, from, to) === null) return;
    await this.options.app.vault.process(file, (data) => rewriteBlockLinks(data, section, from, to) ?? data);
    this.updated.add(from);
    for (const e of this.entries) if (e.link.target === from) e.panel.offerUpdate(null);
    this.caption?.refresh(new Map(), true);
  }
}
