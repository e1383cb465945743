/**
 * A node's own window with its observer constructors typed: a popout window has its own `ResizeObserver`,
 * `IntersectionObserver`, timers and pixel ratio, and observers of the main window miss its layout.
 */

/** A window with the observer and channel constructors blocks use. */
export interface OwnWindow extends Window {
  ResizeObserver: typeof ResizeObserver;
  IntersectionObserver: typeof IntersectionObserver;
  MessageChannel: typeof MessageChannel;
}

/** The window `node` belongs to (Obsidian's `node.win`), with its own observer constructors. */
export function ownWindow(node: Node): OwnWindow {
  return node.win as OwnWindow;
}
