/**
 * Lazy drawing: a block draws when it comes near the viewport and releases its canvas a while after
 * it has left, so a long note never holds dozens of canvases (≈ 2.75 MiB of pixels each at 2× DPR).
 */

/** What the watcher calls; `leave` fires only after the element stayed away for `releaseAfterMs`. */
export interface VisibilityHandlers {
  enter(): void;
  leave(): void;
}

/** Watches one element; `disconnect()` stops everything (observer and pending timer). */
export class VisibilityWatcher {
  private readonly observer: IntersectionObserver;
  private releaseTimer: number | null = null;

  constructor(el: HTMLElement, private readonly handlers: VisibilityHandlers, private readonly releaseAfterMs = 1000) {
    // The margin pre-draws blocks half a screen ahead when the page itself scrolls; inside Obsidian's
    // nested scrollers margins do not apply and blocks draw as they become visible, which is still correct.
    this.observer = new IntersectionObserver((entries) => this.onChange(entries), { rootMargin: '50% 0px 50% 0px' });
    this.observer.observe(el);
  }

  private onChange(entries: IntersectionObserverEntry[]): void {
    const visible = entries[entries.length - 1]?.isIntersecting ?? false;
    if (visible) {
      this.clearTimer();
      this.handlers.enter();
    } else if (this.releaseTimer === null) {
      this.releaseTimer = window.setTimeout(() => {
        this.releaseTimer = null;
        this.handlers.leave();
      }, this.releaseAfterMs);
    }
  }

  private clearTimer(): void {
    if (this.releaseTimer !== null) window.clearTimeout(this.releaseTimer);
    this.releaseTimer = null;
  }

  /** Stops observing and cancels a pending release. */
  disconnect(): void {
    this.clearTimer();
    this.observer.disconnect();
  }
}
