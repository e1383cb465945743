/**
 * One rendered code block in Obsidian: a MarkdownRenderChild whose `onload` builds the block and whose
 * `onunload` destroys its charts, observers and listeners (all registered on this component).
 */
import { MarkdownRenderChild, type MarkdownPostProcessorContext } from 'obsidian';
import type { AnyBlockKind, BlockEnv } from '../blocks/block-kind';
import { BlockSession } from '../blocks/block-session';
import { BlockShell } from '../chart/block-shell';
import { readTheme } from '../chart/theme';
import type { Listen } from '../chart/ui/listen';
import { VisibilityWatcher } from '../chart/visibility';
import { BlockContext } from './block-context';
import { FormulaLinks } from './formula-links';
import { renderError, renderInternalError, renderWarnings } from './error-view';
import { attachExportMenu } from './export-menu';
import type { BlockHost, Rerenderable } from './block-host';
import { problemsOf } from '../core/result';

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
    private readonly ctx: MarkdownPostProcessorContext,
    private readonly host: BlockHost,
  ) {
    super(containerEl);
  }

  onload(): void {
    this.host.liveBlocks.add(this);
    this.registerEvent(this.host.app.workspace.on('css-change', () => this.shell?.refreshTheme()));
    // Printing (and PDF export) must show every chart, visible or not; a popout prints its own window.
    this.registerDomEvent(this.containerEl.win, 'beforeprint', () => this.shell?.draw());
    this.render();
  }

  onunload(): void {
    this.host.liveBlocks.delete(this);
    this.teardown();
  }

  /** The note this block is in (the re-render command picks the active note's blocks by it). */
  get sourcePath(): string {
    return this.ctx.sourcePath;
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
      const session = BlockSession.open(this.kind, this.source, env);
      if (!session.ok) {
        renderError(el, problemsOf(session), env.lang, this.source);
        return;
      }
      const { options } = session.value;
      renderWarnings(el, options.warnings ?? [], env.lang);
      const scope = this.addChild(new MarkdownRenderChild(el));
      this.renderScope = scope;
      const listen: Listen = (target, type, handler) => scope.registerDomEvent(target, type, handler);
      const { runJob } = this.host;
      this.shell = new BlockShell(
        el,
        session.value,
        () => readTheme(el, env.settings.palette),
        listen,
        runJob && ((job, onProgress) => runJob(job, onProgress, el.win)),
      );
      // Export menu: header button + context menu; listeners live in this render's scope.
      attachExportMenu({
        app: this.host.app,
        source: this.shell,
        root: el,
        header: this.shell.headerEl,
        kind: this.kind.language,
        sourcePath: this.ctx.sourcePath,
        lang: env.lang,
        listen,
      });
      // Wiki-link context: caption and context panels, live; never touches the chart.
      if (options.caption || options.context.length) {
        scope.addChild(
          new BlockContext(el, {
            app: this.host.app,
            ctx: this.ctx,
            lang: env.lang,
            caption: options.caption,
            context: options.context,
          }),
        );
      }
      const shell = this.shell;
      if (options.formulas?.length)
        scope.addChild(
          new FormulaLinks(this.host.app, this.ctx.sourcePath, options.formulas, (texts) => shell.setLinked(texts)),
        );
      this.startDrawing(env);
    } catch (error) {
      this.teardown();
      renderInternalError(el, error, env.lang);
    }
  }

  /** Lazy drawing unless disabled or inside a print/PDF container, where nothing ever scrolls into view. */
  private startDrawing(env: BlockEnv): void {
    const shell = this.shell;
    if (!shell) return;
    const printing = this.containerEl.closest('.print') !== null;
    if (!env.settings.lazy || printing || !('IntersectionObserver' in this.containerEl.win)) {
      // In the editor, Live Preview renders the block anew on every edit of its source: the keystroke's frame
      // shows the block's frame, the charts follow a frame later (lazy drawing's observer waits a frame too).
      if (!printing && this.containerEl.closest('.markdown-source-view') !== null) shell.drawNextFrame();
      else shell.draw();
      return;
    }
    this.watcher = new VisibilityWatcher(this.containerEl, { enter: () => shell.draw(), leave: () => shell.release() });
  }
}
