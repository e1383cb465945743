/**
 * Imitates obsidian.d.ts `Notice`, `Menu`/`MenuItem`, `Modal`, `SuggestModal`, `FuzzySuggestModal`.
 * UI is appended to document.body with Obsidian's class names. `Notice` also works without a DOM
 * (it only records the message) so node tests of plugin logic can run.
 */
import type { App } from './workspace';
import { Component } from './component';
import { createElIn, hasDom, setIcon } from './dom';

type Message = string | DocumentFragment;
const textOf = (m: Message): string => (typeof m === 'string' ? m : (m.textContent ?? ''));

/** Imitates obsidian.d.ts `Notice`. Fake-only: static `messages` records every message shown. */
export class Notice {
  /** Fake-only: all messages shown since the last `Notice.reset()`. */
  static messages: string[] = [];
  /** Fake-only: clears `messages`. */
  static reset(): void {
    Notice.messages = [];
  }
  /** Imitates `Notice.containerEl` / `messageEl` / deprecated `noticeEl` (null without a DOM). */
  containerEl: HTMLElement;
  messageEl: HTMLElement;
  noticeEl: HTMLElement;
  /** Fake-only: the current message text. */
  message: string;

  /** Imitates `new Notice(message, duration?)`: shown for `duration` ms (default 5000; 0 = until hidden). */
  constructor(message: Message, duration = 5000) {
    this.message = textOf(message);
    Notice.messages.push(this.message);
    const dom = hasDom();
    let box = dom ? document.body.querySelector<HTMLElement>(':scope > .notice-container') : null;
    if (dom && !box) box = createElIn(document.body, 'div', 'notice-container');
    this.containerEl = (dom ? createElIn(box, 'div', 'notice') : null) as HTMLElement;
    this.messageEl = (dom ? createElIn(this.containerEl, 'div', 'notice-message') : null) as HTMLElement;
    this.noticeEl = this.messageEl;
    if (dom) this.setMessage(message);
    if (duration > 0) setTimeout(() => this.hide(), duration);
  }
  /** Imitates `Notice.setMessage(message)`. */
  setMessage(message: Message): this {
    this.message = textOf(message);
    if (this.messageEl) {
      this.messageEl.replaceChildren();
      if (typeof message === 'string') this.messageEl.textContent = message;
      else this.messageEl.appendChild(message);
    }
    return this;
  }
  /** Imitates `Notice.hide()`. */
  hide(): void {
    this.containerEl?.remove();
  }
}

/** Imitates obsidian.d.ts `MenuItem`. Fake-only: the set values are readable fields. */
export class MenuItem {
  /** Fake-only: value given to the matching MenuItem setter. */ title = '';
  /** Fake-only: value given to the matching MenuItem setter. */ icon: string | null = null;
  /** Fake-only: value given to the matching MenuItem setter. */ checked: boolean | null = null;
  /** Fake-only: value given to the matching MenuItem setter. */ disabled = false;
  /** Fake-only: value given to the matching MenuItem setter. */ isWarning = false;
  /** Fake-only: value given to the matching MenuItem setter. */ section = '';
  /** Fake-only: value given to the matching MenuItem setter. */ callback:
    ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
  /** Imitates `MenuItem.setTitle`. */
  setTitle(title: Message): this {
    this.title = textOf(title);
    return this;
  }
  /** Imitates `MenuItem.setIcon`. */
  setIcon(icon: string | null): this {
    this.icon = icon;
    return this;
  }
  /** Imitates `MenuItem.setChecked`. */
  setChecked(checked: boolean | null): this {
    this.checked = checked;
    return this;
  }
  /** Imitates `MenuItem.setDisabled`. */
  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    return this;
  }
  /** Imitates `MenuItem.setWarning`. */
  setWarning(isWarning: boolean): this {
    this.isWarning = isWarning;
    return this;
  }
  /** Imitates `MenuItem.setSection`. */
  setSection(section: string): this {
    this.section = section;
    return this;
  }
  /** Imitates `MenuItem.onClick`. */
  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.callback = callback;
    return this;
  }
}

/** Imitates obsidian.d.ts `Menu`. Fake-only: items, shownAt, static lastShown. */
export class Menu extends Component {
  /** Fake-only: the last menu shown (plugin code usually creates menus the test cannot reach). */
  static lastShown: Menu | null = null;
  /** Fake-only: items in order ('separator' for addSeparator). */
  items: (MenuItem | 'separator')[] = [];
  /** Fake-only: where the menu was shown, or null when hidden. */
  shownAt: { x: number; y: number } | null = null;
  /** Fake-only: the menu element while shown. */
  dom: HTMLElement | null = null;
  private hideCallbacks: (() => unknown)[] = [];

  /** Imitates `Menu.addItem(cb)`: ignored once shown, like Obsidian. */
  addItem(cb: (item: MenuItem) => unknown): this {
    if (this.shownAt) return this;
    const item = new MenuItem();
    cb(item);
    this.items.push(item);
    return this;
  }
  /** Imitates `Menu.addSeparator()`. */
  addSeparator(): this {
    if (!this.shownAt) this.items.push('separator');
    return this;
  }
  /** Imitates `Menu.setNoIcon()` / `setUseNativeMenu()`: accepted, no effect. */
  setNoIcon(): this {
    return this;
  }
  /** Imitates `Menu.setUseNativeMenu`. */ setUseNativeMenu(_use: boolean): this {
    return this;
  }
  /** Imitates `Menu.showAtMouseEvent(evt)`. */
  showAtMouseEvent(evt: MouseEvent): this {
    return this.showAtPosition({ x: evt.clientX, y: evt.clientY });
  }
  /** Imitates `Menu.showAtPosition(pos)`: renders `div.menu > div.menu-item` in body; clicking an item runs it and hides. */
  showAtPosition(position: { x: number; y: number }): this {
    this.shownAt = { x: position.x, y: position.y };
    Menu.lastShown = this;
    this.load();
    if (hasDom()) {
      this.dom = createElIn(document.body, 'div', 'menu');
      for (const item of this.items) {
        if (item === 'separator') {
          createElIn(this.dom, 'div', 'menu-separator');
          continue;
        }
        const el = createElIn(this.dom, 'div', { cls: ['menu-item', ...(item.disabled ? ['is-disabled'] : [])] });
        if (item.icon) setIcon(createElIn(el, 'div', 'menu-item-icon'), item.icon);
        createElIn(el, 'div', { cls: 'menu-item-title', text: item.title });
        el.addEventListener('click', (evt) => {
          if (!item.disabled) {
            item.callback?.(evt);
            this.hide();
          }
        });
      }
    }
    return this;
  }
  /** Imitates `Menu.hide()`: removes the menu and runs onHide callbacks. */
  hide(): this {
    if (!this.shownAt) return this;
    this.shownAt = null;
    this.dom?.remove();
    this.dom = null;
    for (const cb of this.hideCallbacks) cb();
    this.unload();
    return this;
  }
  /** Imitates `Menu.close()`. */
  close(): void {
    this.hide();
  }
  /** Imitates `Menu.onHide(cb)`. */
  onHide(callback: () => unknown): void {
    this.hideCallbacks.push(callback);
  }
}

/** Imitates obsidian.d.ts `Modal`: `div.modal-container > div.modal > (div.modal-title, div.modal-content)`. */
export class Modal {
  /** Imitates `Modal.app` / `containerEl` / `modalEl` / `titleEl` / `contentEl` / `scope` / `shouldRestoreSelection`. */
  app: App;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  scope: object = {};
  shouldRestoreSelection = false;
  /** Fake-only: whether the modal is open. */
  isOpen = false;
  private closeCallback: (() => unknown) | null = null;

  /** Imitates `new Modal(app)` (needs a DOM). */
  constructor(app: App) {
    this.app = app;
    this.containerEl = createElIn(null, 'div', 'modal-container');
    createElIn(this.containerEl, 'div', 'modal-bg');
    this.modalEl = createElIn(this.containerEl, 'div', 'modal');
    const close = createElIn(this.modalEl, 'div', 'modal-close-button');
    close.addEventListener('click', () => this.close());
    this.titleEl = createElIn(this.modalEl, 'div', 'modal-title');
    this.contentEl = createElIn(this.modalEl, 'div', 'modal-content');
  }
  /** Imitates `Modal.open()`: attaches to body, then onOpen(). */
  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    document.body.appendChild(this.containerEl);
    void this.onOpen();
  }
  /** Imitates `Modal.close()`: detaches, onClose(), then the close callback. */
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.containerEl.remove();
    this.onClose();
    this.closeCallback?.();
  }
  /** Imitates `Modal.onOpen()`: override. */
  onOpen(): Promise<void> | void {}
  /** Imitates `Modal.onClose()`: override. */
  onClose(): void {}
  /** Imitates `Modal.setTitle(title)`. */
  setTitle(title: string): this {
    this.titleEl.textContent = title;
    return this;
  }
  /** Imitates `Modal.setContent(content)`. */
  setContent(content: Message): this {
    this.contentEl.replaceChildren();
    if (typeof content === 'string') this.contentEl.textContent = content;
    else this.contentEl.appendChild(content);
    return this;
  }
  /** Imitates `Modal.setCloseCallback(cb)`. */
  setCloseCallback(callback: () => unknown): this {
    this.closeCallback = callback;
    return this;
  }
}
