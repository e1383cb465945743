/**
 * The pointer over a canvas, mouse and touch alike, at most once per animation frame: what Chart.js's event
 * handling did for the crosshair, without the generic plumbing (charts are built with `events: []`, so the build
 * leaves that out of main.js). Everything goes through the canvas's own window, so a popout's frames drive it.
 */

/** Where the pointer is, in the canvas's CSS pixels, or null when it left (mouse out, finger lifted). */
export type PointerListener = (at: { x: number; y: number } | null) => void;

/** Mouse and touch: a move reports the position, the others report that the pointer left. */
const MOVES = ['mousemove', 'touchstart', 'touchmove'] as const;
const LEAVES = ['mouseout', 'touchend', 'touchcancel'] as const;

/** Listens until the returned function is called; passive, so scrolling by touch stays the browser's. */
export function followPointer(canvas: HTMLCanvasElement, listener: PointerListener): () => void {
  const win = canvas.win;
  let latest: MouseEvent | TouchEvent | null = null;
  let frame = 0;
  const deliver = (): void => {
    frame = 0;
    const event = latest;
    latest = null;
    if (event) listener(position(canvas, event));
  };
  // Like Chart.js, the last event of a frame wins: a move then a leave in one frame is a leave.
  const onEvent = (event: Event): void => {
    latest = event as MouseEvent | TouchEvent;
    if (frame === 0) frame = win.requestAnimationFrame(deliver);
  };
  for (const type of [...MOVES, ...LEAVES]) canvas.addEventListener(type, onEvent, { passive: true });
  return () => {
    for (const type of [...MOVES, ...LEAVES]) canvas.removeEventListener(type, onEvent);
    if (frame !== 0) win.cancelAnimationFrame(frame);
    frame = 0;
    latest = null;
  };
}

/** The event's point relative to the canvas, rounded to whole pixels as Chart.js did; null for a leave. */
function position(canvas: HTMLCanvasElement, event: MouseEvent | TouchEvent): { x: number; y: number } | null {
  if ((LEAVES as readonly string[]).includes(event.type)) return null;
  const source = 'touches' in event ? event.touches[0] : event;
  if (!source) return null;
  const rect = canvas.getBoundingClientRect();
  return { x: Math.round(source.clientX - rect.left), y: Math.round(source.clientY - rect.top) };
}
