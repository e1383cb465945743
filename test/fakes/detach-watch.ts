/**
 * Imitates how Obsidian ends a `MarkdownRenderChild` whose element left the page. obsidian.d.ts, on
 * `new MarkdownRenderChild(containerEl)`: "This HTMLElement will be used to test whether this component is still
 * alive. It should be a child of the Markdown preview sections, and when it's no longer attached (for example, when
 * it is replaced with a new version because the user edited the Markdown source code), this component will be
 * unloaded." A child handed a detached element (Reading view post-processes sections before inserting them) lives
 * on until its element has been attached once and then leaves; the unload happens after the removing task's
 * microtasks (a MutationObserver on the element's document), not synchronously.
 */

/** What the watcher needs of a render child (fake detail). */
export interface Watched {
  readonly containerEl: HTMLElement;
  /** Unloads the child (and takes it off its parent, when it has one). */
  endByDetach(): void;
}

// Captured when the fake loads, before any test instruments the page: the fake's own observer is not the plugin's.
const NativeObserver = typeof MutationObserver === 'undefined' ? null : MutationObserver;
const watched = new Set<Watched>();
const seenAttached = new WeakSet<Watched>();
const observers = new Map<Document, MutationObserver>();

/** Checks every watched child: attached ones are marked, ones attached before and gone now are ended. */
function sweep(): void {
  for (const child of [...watched]) {
    if (child.containerEl.isConnected) seenAttached.add(child);
    else if (seenAttached.has(child)) {
      unwatch(child);
      child.endByDetach();
    }
  }
}

/** Starts watching a loaded child's element (no-op without a DOM). */
export function watch(child: Watched): void {
  const doc = child.containerEl?.ownerDocument;
  if (!NativeObserver || !doc) return;
  watched.add(child);
  if (child.containerEl.isConnected) seenAttached.add(child);
  if (!observers.has(doc)) {
    const observer = new NativeObserver(sweep);
    observer.observe(doc, { childList: true, subtree: true });
    observers.set(doc, observer);
  }
}

/** Stops watching (the child unloaded); the last child of a document takes its observer with it. */
export function unwatch(child: Watched): void {
  if (!watched.delete(child)) return;
  const doc = child.containerEl.ownerDocument;
  if ([...watched].some((c) => c.containerEl.ownerDocument === doc)) return;
  observers.get(doc)?.disconnect();
  observers.delete(doc);
}

/** Fake-only: how many loaded render children are watched (leak checks: zero once every note is closed). */
export function watchedCount(): number {
  return watched.size;
}
