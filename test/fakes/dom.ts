/**
 * Imitates the DOM helpers Obsidian installs globally (obsidian.d.ts `declare global`:
 * Node.createEl/createDiv/createSpan/createSvg/empty/detach, Element.setText/addClass/...,
 * HTMLElement.isShown, global createEl/createDiv/createSpan/createFragment, activeDocument,
 * activeWindow). `installDomHelpers()` patches the prototypes when a DOM exists; in Node it
 * does nothing. Text is always set with textContent — never innerHTML.
 */

/** Attribute values accepted by setAttr/setAttrs/DomElementInfo.attr (obsidian.d.ts). */
export type AttrValue = string | number | boolean | null;

/** Imitates obsidian.d.ts global `DomElementInfo` (options for createEl). */
export interface DomElementInfo {
  cls?: string | string[];
  text?: string | DocumentFragment;
  attr?: Record<string, AttrValue>;
  title?: string;
  parent?: Node;
  value?: string;
  type?: string;
  prepend?: boolean;
  placeholder?: string;
  href?: string;
}

/** Imitates obsidian.d.ts global `SvgElementInfo` (options for createSvg). */
export interface SvgElementInfo {
  cls?: string | string[];
  attr?: Record<string, AttrValue>;
  parent?: Node;
  prepend?: boolean;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Whether a browser-like DOM is present (false under the node test project). */
export function hasDom(): boolean {
  return typeof document !== 'undefined' && typeof HTMLElement !== 'undefined';
}

/** `cls` of DomElementInfo as a class attribute value (a string, or an array joined with spaces). */
function classAttr(cls: string | string[]): string {
  return Array.isArray(cls) ? cls.join(' ') : cls;
}

/** Imitates Element.setAttr: null or false removes the attribute, anything else is stringified. */
function setAttr(el: Element, name: string, value: AttrValue): void {
  if (value === null || value === false) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

/** Imitates Element.setText: a string becomes textContent, a fragment replaces the children. */
function setText(el: Element, val: string | DocumentFragment): void {
  if (typeof val === 'string') el.textContent = val;
  else {
    el.replaceChildren();
    el.appendChild(val);
  }
}

/** Applies DomElementInfo to a fresh element and inserts it (shared by createEl and createSvg). */
function applyInfo(el: Element, o: DomElementInfo | SvgElementInfo | string | undefined, parent: Node | null): void {
  const info: DomElementInfo = typeof o === 'string' ? { cls: o } : (o ?? {});
  if (info.cls !== undefined) el.setAttribute('class', classAttr(info.cls));
  if (info.text !== undefined) setText(el, info.text);
  if (info.attr) for (const [k, v] of Object.entries(info.attr)) setAttr(el, k, v);
  if (info.title !== undefined) el.setAttribute('title', info.title);
  if (info.type !== undefined) el.setAttribute('type', info.type);
  if (info.value !== undefined && 'value' in el) (el as HTMLInputElement).value = info.value;
  if (info.placeholder !== undefined) el.setAttribute('placeholder', info.placeholder);
  if (info.href !== undefined) el.setAttribute('href', info.href);
  const target = info.parent ?? parent;
  if (!target) return;
  if (info.prepend) target.insertBefore(el, target.firstChild);
  else target.appendChild(el);
}

/** Imitates global `createEl(tag, o?, callback?)`: creates an element, appends it to `parent`. */
export function createElIn<K extends keyof HTMLElementTagNameMap>(
  parent: Node | null,
  tag: K,
  o?: DomElementInfo | string,
  cb?: (el: HTMLElementTagNameMap[K]) => void,
  inDoc = document,
): HTMLElementTagNameMap[K] {
  const doc = parent?.ownerDocument ?? (parent instanceof Document ? parent : inDoc);
  const el = doc.createElement(tag);
  applyInfo(el, o, parent);
  cb?.(el);
  return el;
}

/** Imitates global `createSvg(tag, o?, callback?)`: an SVG-namespace element. */
export function createSvgIn<K extends keyof SVGElementTagNameMap>(
  parent: Node | null,
  tag: K,
  o?: SvgElementInfo | string,
  cb?: (el: SVGElementTagNameMap[K]) => void,
): SVGElementTagNameMap[K] {
  const el = (parent?.ownerDocument ?? document).createElementNS<K>(SVG_NS, tag);
  applyInfo(el, o, parent);
  cb?.(el);
  return el;
}

/** Defines a non-enumerable method on a prototype (how Obsidian's helpers appear). */
function define(proto: object, name: string, fn: (...args: never[]) => unknown): void {
  Object.defineProperty(proto, name, { value: fn, configurable: true, writable: true, enumerable: false });
}

/** Imitates `Element.matchParent(selector, lastParent?)`: `start` or its nearest ancestor matching, stopping before `last`. */
function matchParent(start: Element, sel: string, last?: Element): Element | null {
  for (let el: Element | null = start; el && el !== last; el = el.parentElement) if (el.matches(sel)) return el;
  return null;
}

const installed = new WeakSet<Window>();

/** The globals of one window whose prototypes get the helpers (a popout has its own copies of every constructor). */
type WindowGlobals = Window & {
  Node: typeof Node;
  Element: typeof Element;
  HTMLElement: typeof HTMLElement;
  DocumentFragment: typeof DocumentFragment;
};

/**
 * Installs the helpers on `win`'s Node/Element/HTMLElement/DocumentFragment prototypes and globals. Idempotent per
 * window: Obsidian installs them in every popout window too (an iframe stands in for one in tests).
 */
export function installDomHelpers(win: Window = hasDom() ? window : (undefined as unknown as Window)): void {
  if (!hasDom() || installed.has(win)) return;
  installed.add(win);
  const g = win as WindowGlobals;
  const N = g.Node.prototype,
    E = g.Element.prototype,
    H = g.HTMLElement.prototype;
  define(
    N,
    'createEl',
    function (this: Node, tag: string, o?: DomElementInfo | string, cb?: (el: HTMLElement) => void) {
      return createElIn(this, tag as 'div', o, cb as (el: HTMLDivElement) => void);
    },
  );
  define(N, 'createDiv', function (this: Node, o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) {
    return createElIn(this, 'div', o, cb);
  });
  define(N, 'createSpan', function (this: Node, o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) {
    return createElIn(this, 'span', o, cb);
  });
  define(
    N,
    'createSvg',
    function (this: Node, tag: string, o?: SvgElementInfo | string, cb?: (el: SVGElement) => void) {
      return createSvgIn(this, tag as 'svg', o, cb as (el: SVGSVGElement) => void);
    },
  );
  define(N, 'empty', function (this: Node) {
    while (this.firstChild) this.removeChild(this.firstChild);
  });
  define(N, 'detach', function (this: Node) {
    this.parentNode?.removeChild(this);
  });
  define(N, 'appendText', function (this: Node, val: string) {
    this.appendChild((this.ownerDocument ?? document).createTextNode(val));
  });
  define(N, 'instanceOf', function (this: Node, type: new () => unknown) {
    return this instanceof type;
  });
  // Imitates `Node.doc` / `Node.win`: "The document [window] this node belongs to, or the global document [window]."
  Object.defineProperty(N, 'doc', {
    configurable: true,
    enumerable: false,
    get(this: Node) {
      return this.ownerDocument ?? win.document;
    },
  });
  Object.defineProperty(N, 'win', {
    configurable: true,
    enumerable: false,
    get(this: Node) {
      return (this.ownerDocument ?? win.document).defaultView ?? win;
    },
  });
  define(N, 'indexOf', function (this: Node, other: Node) {
    return Array.prototype.indexOf.call(this.childNodes, other);
  });
  define(E, 'getText', function (this: Element) {
    return this.textContent ?? '';
  });
  define(E, 'setText', function (this: Element, val: string | DocumentFragment) {
    setText(this, val);
  });
  define(E, 'addClass', function (this: Element, ...c: string[]) {
    this.classList.add(...c);
  });
  define(E, 'addClasses', function (this: Element, c: string[]) {
    this.classList.add(...c);
  });
  define(E, 'removeClass', function (this: Element, ...c: string[]) {
    this.classList.remove(...c);
  });
  define(E, 'removeClasses', function (this: Element, c: string[]) {
    this.classList.remove(...c);
  });
  define(E, 'toggleClass', function (this: Element, c: string | string[], value: boolean) {
    for (const one of Array.isArray(c) ? c : [c]) this.classList.toggle(one, value);
  });
  define(E, 'hasClass', function (this: Element, c: string) {
    return this.classList.contains(c);
  });
  define(E, 'setAttr', function (this: Element, name: string, value: AttrValue) {
    setAttr(this, name, value);
  });
  define(E, 'setAttrs', function (this: Element, obj: Record<string, AttrValue>) {
    for (const [k, v] of Object.entries(obj)) setAttr(this, k, v);
  });
  define(E, 'getAttr', function (this: Element, name: string) {
    return this.getAttribute(name);
  });
  define(E, 'matchParent', function (this: Element, sel: string, last?: Element) {
    return matchParent(this, sel, last);
  });
  for (const proto of [E, g.DocumentFragment.prototype]) {
    define(proto, 'find', function (this: ParentNode, sel: string) {
      return this.querySelector(sel);
    });
    define(proto, 'findAll', function (this: ParentNode, sel: string) {
      return Array.from(this.querySelectorAll(sel));
    });
  }
  define(H, 'show', function (this: HTMLElement) {
    this.style.removeProperty('display');
  });
  define(H, 'hide', function (this: HTMLElement) {
    this.style.display = 'none';
  });
  define(H, 'toggle', function (this: HTMLElement, show: boolean) {
    if (show) this.style.removeProperty('display');
    else this.style.display = 'none';
  });
  define(H, 'isShown', function (this: HTMLElement) {
    return this.isConnected && this.offsetParent !== null;
  });
  define(H, 'setCssProps', function (this: HTMLElement, props: Record<string, string>) {
    for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
  });
  define(H, 'setCssStyles', function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) {
    Object.assign(this.style, styles);
  });
  const w = win as unknown as Record<string, unknown>;
  w.createEl = (tag: 'div', o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) =>
    createElIn(null, tag, o, cb, win.document);
  w.createDiv = (o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) =>
    createElIn(null, 'div', o, cb, win.document);
  w.createSpan = (o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) =>
    createElIn(null, 'span', o, cb, win.document);
  w.createSvg = (tag: 'svg', o?: SvgElementInfo | string, cb?: (el: SVGSVGElement) => void) =>
    createSvgIn(null, tag, o, cb);
  w.createFragment = (cb?: (f: DocumentFragment) => void) => {
    const f = win.document.createDocumentFragment();
    cb?.(f);
    return f;
  };
  // The focused window: always the main one (the fake never focuses a popout).
  w.activeWindow = window;
  w.activeDocument = document;
}

/** Imitates obsidian.d.ts `setIcon(parent, iconId)`: replaces the content with an `svg.svg-icon` placeholder. */
export function setIcon(parent: HTMLElement, iconId: string): void {
  parent.replaceChildren();
  const svg = createSvgIn(parent, 'svg', {
    cls: ['svg-icon', `lucide-${iconId}`],
    attr: { 'data-icon': iconId, width: 24, height: 24 },
  });
  svg.setAttribute('viewBox', '0 0 24 24');
}
