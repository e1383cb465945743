/**
 * One rendered code block in Obsidian: a MarkdownRenderChild whose `onload` builds the block and whose
 * `onunload` destroys its charts, observers and listeners (all registered on this component).
 */
import { MarkdownRenderChild, MarkdownRenderer, type MarkdownPostProcessorContext } from 'obsidian';
import type { AnyBlockKind, BlockEnv } from '../blocks/block-kind';
import { BlockShell } from '../chart/block-shell';
import { readTheme } from '../chart/theme';
import type { Listen } from '../chart/ui/listen';
import { VisibilityWatcher } from '../chart/visibility';
import { renderError, renderInternalError } from './error-view';
import type { BlockHost, Rerenderable } from './block-host';

/** A live ```activation / ```gradient-flow / … block. */
export class BlockChild extends MarkdownRenderChild implements Rerenderable {
  private shell: BlockShell | null = null;
  private watcher: VisibilityWatcher | null = null;
  /** Components of one rendering (caption markdown, …), replaced wholesale on re-render. */
  private renderScope: MarkdownRenderChild | null = null;

  constructor(
    containerEl: HTMLElement,
    private readonly kind: AnyBlockKind,
    private readonly source: string,
    private readonly ctx: Pick<MarkdownPostProcessorContext, 'sourcePath'>,
    private readonly host: BlockHost,
  ) {
    super(containerEl);
  }

  onload(): void {
    this.host.liveBlocks.add(this);
    this.registerEvent(this.host.app.workspace.on('css-change', () => this.shell?.refreshTheme()));
    // Printing (and PDF export) must show every chart, visible or not.
    this.registerDomEvent(window, 'beforeprint', () => this.shell?.draw());
    this.render();
  }

  onunload(): void {
    this.host.liveBlocks.delete(this);
    this.teardown();
  }

  /** Builds the block again from its source (settings or language changed). */
  rerender(): void {
    this.teardown();
    this.render();
  }

  private teardown(): void {
    this.watcher?.disconnect();
    this.watcher = null;
    this.shell?.destroy();
    this.shell = null;
    if (this.renderScope) this.removeChild(this.renderScope);
    this.renderScope = null;
    this.containerEl.empty();
  }

  private render(): void {
    const el = this.containerEl;
    el.addClass('activation-lab-block');
    const env: BlockEnv = { settings: this.host.settings(), lang: this.host.lang() };
    try {
      const parsed = this.kind.parse(this.source, env);
      if (!parsed.ok) {
        renderError(el, parsed.problem, env.lang, this.source);
        return;
      }
      const options = parsed.value;
      const scope = this.addChild(new MarkdownRenderChild(el));
      this.renderScope = scope;
      const listen: Listen = (target, type, handler) => scope.registerDomEvent(target, type, handler);
      this.shell = new BlockShell(el, this.kind, options, env, () => readTheme(el, env.settings.palette), listen);
      if (options.caption) this.renderCaption(options.caption, scope);
      this.startDrawing(env);
    } catch (error) {
      this.teardown();
      renderInternalError(el, error, env.lang);
    }
  }

  private renderCaption(caption: string, scope: MarkdownRenderChild): void {
    const captionEl = this.containerEl.createDiv({ cls: 'activation-lab-caption' });
    void MarkdownRenderer.render(this.host.app, caption, captionEl, this.ctx.sourcePath, scope);
  }

  /** Lazy drawing unless disabled or inside a print/PDF container, where nothing ever scrolls into view. */
  private startDrawing(env: BlockEnv): void {
    const shell = this.shell;
    if (!shell) return;
    const printing = this.containerEl.closest('.print') !== null;
    if (!env.settings.lazy || printing || typeof IntersectionObserver === 'undefined') {
      shell.draw();
      return;
    }
    this.watcher = new VisibilityWatcher(this.containerEl, { enter: () => shell.draw(), leave: () => shell.release() });
  }
}
