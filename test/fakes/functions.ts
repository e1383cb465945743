/**
 * Imitates obsidian.d.ts free functions and constants: `debounce`/`Debouncer`, `getLanguage`,
 * `apiVersion`/`requireApiVersion`, `Platform`, `setTooltip`, `addIcon`/`getIconIds`.
 * Fake-only setters (`setLanguage`, `setApiVersion`) let tests play other app states.
 */

/** Imitates obsidian.d.ts `Debouncer<T, V>`: callable, with cancel() and run(). */
export interface Debouncer<T extends unknown[], V> {
  (...args: [...T]): Debouncer<T, V>;
  cancel(): Debouncer<T, V>;
  run(): V | void;
}

/**
 * Imitates obsidian.d.ts `debounce(cb, timeout = 0, resetTimer = false)`: calls `cb` once, `timeout` ms after the
 * FIRST call of a burst (or after the LAST call when `resetTimer` is true), with the latest arguments.
 */
export function debounce<T extends unknown[], V>(
  cb: (...args: [...T]) => V,
  timeout = 0,
  resetTimer = false,
): Debouncer<T, V> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: T | null = null;
  const fire = (): V | void => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    return cb(...args);
  };
  const debounced = ((...args: [...T]) => {
    pending = args;
    if (timer !== null && resetTimer) {
      clearTimeout(timer);
      timer = null;
    }
    timer ??= setTimeout(fire, timeout);
    return debounced;
  }) as Debouncer<T, V>;
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
    return debounced;
  };
  debounced.run = () => {
    if (timer === null) return;
    clearTimeout(timer);
    return fire();
  };
  return debounced;
}

let language = 'en';

/** Imitates obsidian.d.ts `getLanguage()`: the UI language code ('en' unless setLanguage was called). */
export function getLanguage(): string {
  return language;
}

/** Fake-only: sets what getLanguage() returns (e.g. 'de', 'zh', 'zh-TW'). */
export function setLanguage(code: string): void {
  language = code;
}

/** Imitates obsidian.d.ts `apiVersion` (a live binding; change it with setApiVersion). Defaults to the obsidian package version the types come from. */
export let apiVersion = '1.13.1';

/** Fake-only: sets `apiVersion`. */
export function setApiVersion(version: string): void {
  apiVersion = version;
}

/** Compares dotted numeric versions: negative, 0 or positive. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Imitates obsidian.d.ts `requireApiVersion(version)`: true when apiVersion >= version. */
export function requireApiVersion(version: string): boolean {
  return compareVersions(apiVersion, version) >= 0;
}

/** Imitates obsidian.d.ts `Platform` (desktop Linux app by default; the object is mutable so tests can play mobile). */
export const Platform = {
  isDesktop: true,
  isMobile: false,
  isDesktopApp: true,
  isMobileApp: false,
  isIosApp: false,
  isAndroidApp: false,
  isPhone: false,
  isTablet: false,
  isMacOS: false,
  isWin: false,
  isLinux: true,
  isSafari: false,
  resourcePathPrefix: 'app://fake-vault/',
};

/** Imitates obsidian.d.ts `setTooltip(el, tooltip, options?)`: sets aria-label (Obsidian shows aria-label as the tooltip). */
export function setTooltip(el: HTMLElement, tooltip: string, options?: { placement?: string }): void {
  el.setAttribute('aria-label', tooltip);
  if (options?.placement) el.setAttribute('data-tooltip-position', options.placement);
}

const customIcons = new Map<string, string>();

/** Imitates obsidian.d.ts `addIcon(iconId, svgContent)`: remembers the id (the SVG markup is stored, never parsed). */
export function addIcon(iconId: string, svgContent: string): void {
  customIcons.set(iconId, svgContent);
}

/** Imitates obsidian.d.ts `getIconIds()`: ids added with addIcon (the fake has no Lucide set). */
export function getIconIds(): string[] {
  return [...customIcons.keys()];
}
