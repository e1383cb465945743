/**
 * Checks the hostile and fuzz tests share: uncaught errors, prototype pollution, markup that could run code,
 * and finding a top-level block's outcome (inline error or drawn chart) in a rendered note.
 */
import { PWNED_FLAG } from '../../hostile/payloads';
import { pixelHash } from './instrument';

/** Errors that reached the window (uncaught exceptions, unhandled rejections) since `start()`. */
export class UncaughtErrors {
  readonly seen: string[] = [];
  private readonly onError = (e: ErrorEvent) => this.seen.push(`error: ${e.message}`);
  private readonly onRejection = (e: PromiseRejectionEvent) =>
    this.seen.push(`unhandledrejection: ${String(e.reason)}`);

  /** Starts listening. */
  start(): void {
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
  }

  /** Stops listening. */
  stop(): void {
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
  }
}

/**
 * Listeners on the targets that outlive every block (window, document, body): the ones a block could leak.
 * (Listeners on a block's own elements go with the elements; the shared instrumentation counts those too,
 * including the ones Obsidian's renderer — here the fake — puts on links in captions.)
 */
export class LongLivedListeners {
  private readonly live = new Set<string>();
  private readonly ids = new WeakMap<object, number>();
  private next = 0;

  /** Starts counting (wraps the three targets' own add/removeEventListener, on top of any prototype patch). */
  install(): void {
    for (const target of [window, document, document.body] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      const key = (type: string, fn: unknown) =>
        `${this.id(target)}:${type}:${typeof fn === 'object' || typeof fn === 'function' ? this.id(fn as object) : 0}`;
      target.addEventListener = (
        type: string,
        fn: EventListenerOrEventListenerObject | null,
        opts?: boolean | AddEventListenerOptions,
      ) => {
        if (fn) this.live.add(key(type, fn));
        add(type, fn, opts);
      };
      target.removeEventListener = (
        type: string,
        fn: EventListenerOrEventListenerObject | null,
        opts?: boolean | EventListenerOptions,
      ) => {
        if (fn) this.live.delete(key(type, fn));
        remove(type, fn, opts);
      };
    }
  }

  /** How many are registered now. */
  get count(): number {
    return this.live.size;
  }

  private id(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) this.ids.set(o, (id = ++this.next));
    return id;
  }
}

/** Own keys of Object.prototype (names and symbols), to compare before and after. */
export function prototypeKeys(): string[] {
  return Reflect.ownKeys(Object.prototype).map(String).sort();
}

/** True if a payload ran. */
export function pwned(): boolean {
  return (window as unknown as Record<string, unknown>)[PWNED_FLAG] !== undefined;
}

/** Clears the flag (so one failure does not fail every later block). */
export function resetPwned(): void {
  Reflect.deleteProperty(window, PWNED_FLAG);
}

const CODE_URL = /^(javascript|vbscript|data:text\/html)/;
const URL_ATTRS = ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc', 'data'];

/** Everything in `root` that could run code: script-capable elements, `on*` attributes, javascript: URLs. */
export function codeCarriers(root: Element): string[] {
  const found: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'form'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.getAttributeNames()) {
      const value = (el.getAttribute(attr) ?? '').replace(/[\s\p{Cc}]/gu, '').toLowerCase();
      if (attr.toLowerCase().startsWith('on')) found.push(`<${tag} ${attr}>`);
      if (URL_ATTRS.includes(attr.toLowerCase()) && CODE_URL.test(value))
        found.push(`<${tag} ${attr}="${value.slice(0, 40)}">`);
    }
  }
  return found;
}

/** The code-block elements that are direct children of the note's sections (not blocks nested in context panels). */
export function topLevelBlocks(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('.markdown-preview-view > div > [class*="block-language-"]')];
}

/** What a block shows: its own inline error, its own drawn canvases (nested blocks excluded), or nothing yet. */
export function outcome(block: HTMLElement): { error: string | null; canvases: HTMLCanvasElement[] } {
  const own = (el: Element) => el.closest('[class*="block-language-"]') === block;
  const error = [...block.querySelectorAll('.activation-lab-error')].find(own) ?? null;
  const canvases = [...block.querySelectorAll('canvas')].filter(own);
  return { error: error?.textContent ?? null, canvases };
}

/**
 * True when every canvas of the block has ink on it (Chart.js draws synchronously with animation off). A panel's
 * decision map counts once its image is put in (a square canvas, not a fresh canvas's 300 × 150): the map of a
 * network whose training diverged (p NaN everywhere) is transparent, the panel then shows its points alone.
 */
export function drawn(canvases: HTMLCanvasElement[]): boolean {
  const inked = (c: HTMLCanvasElement) =>
    c.classList.contains('activation-lab-panel-canvas') ? c.width === c.height : pixelHash(c).inked > 0;
  return canvases.length > 0 && canvases.every((c) => c.width > 0 && c.height > 0 && inked(c));
}

/** Resolves after `ms` milliseconds (lets async payloads such as `<img onerror>` fire if they exist). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => window.setTimeout(resolve, ms));
}
