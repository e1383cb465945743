/**
 * Lazy drawing: a block draws when it comes within half a screen of the visible area and releases its
 * canvas once it is more than a screen and a half away, so a long note never holds dozens of canvases
 * (≈ 2.75 MiB of pixels each at 2× DPR). The gap between the two margins stops draw/release flapping.
 */
import { ownWindow } from './own-window';

/** What the watcher calls as the element approaches (`enter`) and moves far away (`leave`). */
export interface VisibilityHandlers {
  enter(): void;
  leave(): void;
}

/** The nearest ancestor that scrolls (Obsidian's reading view or editor scroller), else the viewport (null). */
function scrollRoot(el: HTMLElement): Element | null {
  for (let p = el.parentElement; p && p !== el.doc.body; p = p.parentElement) {
    const overflow = el.win.getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return p;
  }
  return null;
}

/** Watches one element with two observers; `disconnect()` stops both. */
export class VisibilityWatcher {
  private near: IntersectionObserver | null = null;
  private far: IntersectionObserver | null = null;
  private frame: number | null = null;

  constructor(
    private readonly el: HTMLElement,
    private readonly handlers: VisibilityHandlers,
  ) {
    this.start(0);
  }

  /**
   * Margins only apply to an observer's root, so observe against the pane that actually scrolls. Obsidian
   * hands a block its element before attaching it, so wait a few frames for the pane to be known.
   */
  private start(attempt: number): void {
    this.frame = null;
    if (!this.el.isConnected && attempt < 30) {
      this.frame = this.el.win.requestAnimationFrame(() => this.start(attempt + 1));
      return;
    }
    // Handed over detached, the block learns only now that it is in a print/PDF container, where nothing scrolls.
    if (this.el.closest('.print') !== null) {
      this.handlers.enter();
      return;
    }
    const root = scrollRoot(this.el);
    // The element's own window's observers (a popout has its own constructors and viewport).
    const Observer = ownWindow(this.el).IntersectionObserver;
    this.near = new Observer(
      (entries) => {
        if (entries[entries.length - 1]?.isIntersecting) this.handlers.enter();
      },
      { root, rootMargin: '50% 0px 50% 0px' },
    );
    this.far = new Observer(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry && !entry.isIntersecting) this.handlers.leave();
      },
      { root, rootMargin: '150% 0px 150% 0px' },
    );
    this.near.observe(this.el);
    this.far.observe(this.el);
  }

  /** Stops observing (and a pending start). */
  disconnect(): void {
    if (this.frame !== null) this.el.win.cancelAnimationFrame(this.frame);
    this.frame = null;
    this.near?.disconnect();
    this.far?.disconnect();
    this.near = null;
    this.far = null;
  }
}
