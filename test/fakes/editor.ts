/**
 * Imitates obsidian.d.ts `Editor`, `MarkdownView` and `MarkdownPreviewView` (text-only editor,
 * no CodeMirror). Editor changes fire workspace 'editor-change' and a debounced save (2 s, like
 * Obsidian's requestSave); `view.save()` writes immediately through Vault.modify.
 */
import type { EditorPosition } from 'obsidian';
import { Component } from './component';
import { hasDom } from './dom';
import { debounce } from './functions';
import { SectionRenderer } from './markdown';
import type { TFile } from './vault';
import type { App } from './workspace';

const cmp = (a: EditorPosition, b: EditorPosition): number => a.line - b.line || a.ch - b.ch;

/** Imitates obsidian.d.ts `Editor` over a plain string (one selection). */
export class Editor {
  private text = '';
  private anchor: EditorPosition = { line: 0, ch: 0 };
  private head: EditorPosition = { line: 0, ch: 0 };
  private focused = false;

  /** `onChange` is the fake's hook for MarkdownView (editor-change + requestSave). */
  constructor(
    text: string,
    private onChange: () => void = () => {},
  ) {
    this.text = text;
  }

  /** Imitates `Editor.getValue()`. */
  getValue(): string {
    return this.text;
  }
  /** Imitates `Editor.setValue(content)`: replaces everything; cursor goes to the start. */
  setValue(content: string): void {
    this.text = content;
    this.anchor = this.head = { line: 0, ch: 0 };
    this.onChange();
  }
  /** Imitates `Editor.getLine(line)`. */
  getLine(line: number): string {
    return this.text.split('\n')[line] ?? '';
  }
  /** Imitates `Editor.setLine(n, text)`. */
  setLine(n: number, text: string): void {
    this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
  }
  /** Imitates `Editor.lineCount()`. */
  lineCount(): number {
    return this.text.split('\n').length;
  }
  /** Imitates `Editor.lastLine()`. */
  lastLine(): number {
    return this.lineCount() - 1;
  }
  /** Imitates `Editor.getCursor(side = 'head')`. */
  getCursor(side: 'from' | 'to' | 'head' | 'anchor' = 'head'): EditorPosition {
    const [from, to] = cmp(this.anchor, this.head) <= 0 ? [this.anchor, this.head] : [this.head, this.anchor];
    return { ...(side === 'from' ? from : side === 'to' ? to : side === 'anchor' ? this.anchor : this.head) };
  }
  /** Imitates `Editor.setCursor(pos | line, ch?)`: clamps to the document. */
  setCursor(pos: EditorPosition | number, ch?: number): void {
    const p = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos;
    this.anchor = this.head = this.clip(p);
  }
  /** Imitates `Editor.setSelection(anchor, head?)`. */
  setSelection(anchor: EditorPosition, head?: EditorPosition): void {
    this.anchor = this.clip(anchor);
    this.head = this.clip(head ?? anchor);
  }
  /** Imitates `Editor.getSelection()`. */
  getSelection(): string {
    return this.getRange(this.getCursor('from'), this.getCursor('to'));
  }
  /** Imitates `Editor.somethingSelected()`. */
  somethingSelected(): boolean {
    return cmp(this.anchor, this.head) !== 0;
  }
  /** Imitates `Editor.listSelections()`. */
  listSelections(): { anchor: EditorPosition; head: EditorPosition }[] {
    return [{ anchor: { ...this.anchor }, head: { ...this.head } }];
  }
  /** Imitates `Editor.getRange(from, to)`. */
  getRange(from: EditorPosition, to: EditorPosition): string {
    return this.text.slice(this.posToOffset(from), this.posToOffset(to));
  }
  /** Imitates `Editor.replaceRange(text, from, to?)`: the cursor keeps its place (shifted if after the edit). */
  replaceRange(replacement: string, from: EditorPosition, to: EditorPosition = from): void {
    const a = this.posToOffset(from),
      b = this.posToOffset(to);
    const shift = (p: EditorPosition): EditorPosition => {
      const o = this.posToOffset(p);
      return o < a
        ? p
        : this.offsetToPosIn(
            this.text.slice(0, a) + replacement + this.text.slice(b),
            o <= b ? a + replacement.length : o + replacement.length - (b - a),
          );
    };
    const [anchor, head] = [shift(this.anchor), shift(this.head)];
    this.text = this.text.slice(0, a) + replacement + this.text.slice(b);
    this.anchor = anchor;
    this.head = head;
    this.onChange();
  }
  /** Imitates `Editor.replaceSelection(text)`: the cursor ends after the inserted text. */
  replaceSelection(replacement: string): void {
    const from = this.getCursor('from');
    this.replaceRange(replacement, from, this.getCursor('to'));
    this.setCursor(this.offsetToPos(this.posToOffset(from) + replacement.length));
  }
  /** Imitates `Editor.posToOffset(pos)`. */
  posToOffset(pos: EditorPosition): number {
    const lines = this.text.split('\n');
    const p = this.clip(pos);
    let o = 0;
    for (let i = 0; i < p.line; i++) o += lines[i].length + 1;
    return o + p.ch;
  }
  /** Imitates `Editor.offsetToPos(offset)`. */
  offsetToPos(offset: number): EditorPosition {
    return this.offsetToPosIn(this.text, offset);
  }
  /** Imitates `Editor.focus()`. */
  focus(): void {
    this.focused = true;
  }
  /** Imitates `Editor.blur()`. */
  blur(): void {
    this.focused = false;
  }
  /** Imitates `Editor.hasFocus()`. */
  hasFocus(): boolean {
    return this.focused;
  }
  /** Imitates `Editor.refresh()`, `scrollIntoView()`, `scrollTo()`: no-ops (no layout). */
  refresh(): void {}
  /** Imitates `Editor.scrollIntoView`. */ scrollIntoView(): void {}
  /** Imitates `Editor.scrollTo`. */ scrollTo(): void {}
  /** Imitates `Editor.getDoc()`. */
  getDoc(): this {
    return this;
  }

  private clip(p: EditorPosition): EditorPosition {
    const lines = this.text.split('\n');
    const line = Math.max(0, Math.min(p.line, lines.length - 1));
    return { line, ch: Math.max(0, Math.min(p.ch, lines[line].length)) };
  }
  private offsetToPosIn(text: string, offset: number): EditorPosition {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length))).split('\n');
    return { line: before.length - 1, ch: before[before.length - 1].length };
  }
}

/** Imitates obsidian.d.ts `MarkdownPreviewView` (Reading view of a MarkdownView). Fake-only: rerenderCalls. */
export class MarkdownPreviewView extends Component {
  /** Imitates `MarkdownPreviewView.containerEl`. */
  containerEl: HTMLElement;
  /** Fake-only: the `full` argument of every rerender call. */
  rerenderCalls: (boolean | undefined)[] = [];
  private renderChild: Component | null = null;

  constructor(private view: MarkdownView) {
    super();
    this.containerEl = (hasDom() ? document.createElement('div') : null) as HTMLElement;
    this.containerEl?.classList.add('markdown-preview-view', 'markdown-rendered');
  }

  /** Imitates `MarkdownPreviewView.rerender(full?)`: re-renders the note text (the fake always re-renders fully). */
  rerender(full?: boolean): Promise<void> {
    this.rerenderCalls.push(full);
    return this.render();
  }
  /** Fake-only: processors get sections already attached (the other mode; Reading view hands them over detached). */
  attachedSections = false;
  private renderer: SectionRenderer | null = null;
  /** Per top-level block: its section, or the empty placeholder standing in while it is virtualised away. */
  private slots: HTMLElement[] = [];

  /**
   * Fake-only: (re)renders the note into containerEl as Reading view does (each section post-processed detached,
   * then inserted); children of the previous render are unloaded.
   */
  async render(): Promise<void> {
    if (this.renderChild) this.removeChild(this.renderChild);
    this.renderChild = this.addChild(new Component());
    this.containerEl.replaceChildren();
    const r = new SectionRenderer(this.view.app, this.view.editor.getValue(), this.view.file.path, this.renderChild, {
      readingView: true,
      attached: this.attachedSections,
    });
    this.renderer = r;
    this.slots = [];
    await r.render(
      r.blocks.map((_, i) => i),
      this.containerEl,
      (section, i) => {
        this.containerEl.appendChild(section);
        this.slots[i] = section;
      },
    );
  }

  /** Fake-only: how many top-level sections the rendered note has (for `virtualise`). */
  get sectionCount(): number {
    return this.slots.length;
  }

  /**
   * Fake-only: Reading view's virtualisation of a long note while scrolling — only sections `from..to` (inclusive)
   * stay in the page; the others are swapped for empty placeholders of their height (their render children then
   * unload, their element having left the page), and sections coming back are built afresh and post-processed
   * again, detached, before going in.
   */
  async virtualise(from: number, to: number): Promise<void> {
    const r = this.renderer;
    if (!r) return;
    const back: number[] = [];
    this.slots.forEach((el, i) => {
      const inside = i >= from && i <= to;
      const away = el.classList.contains('fake-virtualised');
      if (!inside && !away) {
        const placeholder = el.ownerDocument.createElement('div');
        placeholder.className = 'fake-virtualised';
        placeholder.style.height = `${el.offsetHeight}px`;
        el.replaceWith(placeholder);
        this.slots[i] = placeholder;
      } else if (inside && away) back.push(i);
    });
    await r.render(back, this.containerEl, (section, i) => {
      this.slots[i].replaceWith(section);
      this.slots[i] = section;
    });
  }
  /** Imitates `MarkdownPreviewView.get()`. */
  get(): string {
    return this.view.editor.getValue();
  }
}

/** Imitates obsidian.d.ts `MarkdownView` (constructor differs: the fake takes (app, file), not a leaf; in Node its elements are null). */
export class MarkdownView extends Component {
  /** Imitates `MarkdownView.app` / `file` / `editor` / `previewMode` / `containerEl`. */
  app: App;
  file: TFile;
  editor: Editor;
  previewMode: MarkdownPreviewView;
  containerEl: HTMLElement;
  /** Fake-only: which mode getMode() reports. */
  mode: 'source' | 'preview' = 'source';
  private savedText: string;
  /** Imitates `TextFileView.requestSave()`: saves 2 s after the first unsaved change. */
  requestSave = debounce(() => void this.save(), 2000);

  constructor(app: App, file: TFile) {
    super();
    this.app = app;
    this.file = file;
    this.savedText = app.vault.peekText(file) ?? '';
    this.editor = new Editor(this.savedText, () => {
      this.app.workspace.trigger('editor-change', this.editor, this);
      this.requestSave();
    });
    this.containerEl = (hasDom() ? document.createElement('div') : null) as HTMLElement;
    this.previewMode = this.addChild(new MarkdownPreviewView(this));
    this.register(() => this.requestSave.cancel());
  }

  /** Imitates `MarkdownView.getViewType()`. */
  getViewType(): string {
    return 'markdown';
  }
  /** Imitates `MarkdownView.getMode()`. */
  getMode(): 'source' | 'preview' {
    return this.mode;
  }
  /** Imitates `MarkdownView.getViewData()`. */
  getViewData(): string {
    return this.editor.getValue();
  }
  /** Imitates `MarkdownView.setViewData(data, clear)`. */
  setViewData(data: string, _clear: boolean): void {
    this.editor.setValue(data);
  }
  /** Imitates `TextFileView.save()`: writes the editor text with Vault.modify if it changed. */
  async save(): Promise<void> {
    this.requestSave.cancel();
    const text = this.editor.getValue();
    if (text === this.savedText) return;
    this.savedText = text;
    await this.app.vault.modify(this.file, text);
  }
}
