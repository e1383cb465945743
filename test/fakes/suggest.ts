/**
 * Imitates obsidian.d.ts `SuggestModal<T>`, `FuzzySuggestModal<T>` and `prepareFuzzySearch`
 * (a plain subsequence matcher; Obsidian's scoring is not reproduced, only "matches or not" and order by score).
 */
import { createElIn } from './dom';
import { Modal } from './ui';
import type { App } from './workspace';

/** Imitates obsidian.d.ts `SearchResult`. */
export interface SearchResult {
  score: number;
  matches: [number, number][];
}
/** Imitates obsidian.d.ts `FuzzyMatch<T>`. */
export interface FuzzyMatch<T> {
  item: T;
  match: SearchResult;
}

/** Imitates obsidian.d.ts `prepareFuzzySearch(query)`: case-insensitive subsequence match; higher score = tighter match. */
export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  return (text) => {
    const t = text.toLowerCase();
    const matches: [number, number][] = [];
    let from = 0;
    for (const ch of q) {
      const at = t.indexOf(ch, from);
      if (at < 0) return null;
      const last = matches[matches.length - 1];
      if (last && last[1] === at) last[1] = at + 1;
      else matches.push([at, at + 1]);
      from = at + 1;
    }
    return { score: q.length === 0 ? 0 : -matches.length - (matches[0]?.[0] ?? 0) / 100, matches };
  };
}

/** Imitates obsidian.d.ts `SuggestModal<T>`: an input plus a result list, refreshed on every input event. */
export abstract class SuggestModal<T> extends Modal {
  /** Imitates `SuggestModal.limit` / `emptyStateText` / `inputEl` / `resultContainerEl`. */
  limit = 100;
  emptyStateText = 'No results found.';
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  /** Fake-only: the suggestions currently shown. */
  shown: T[] = [];

  constructor(app: App) {
    super(app);
    this.modalEl.classList.add('prompt');
    this.inputEl = createElIn(this.modalEl, 'input', { cls: 'prompt-input', type: 'text' });
    this.resultContainerEl = createElIn(this.modalEl, 'div', 'prompt-results');
    this.inputEl.addEventListener('input', () => void this.updateSuggestions());
  }
  /** Imitates `SuggestModal.setPlaceholder`. */
  setPlaceholder(placeholder: string): void {
    this.inputEl.setAttribute('placeholder', placeholder);
  }
  /** Imitates `SuggestModal.setInstructions`: rendered as `div.prompt-instructions`. */
  setInstructions(instructions: { command: string; purpose: string }[]): void {
    const box = createElIn(this.modalEl, 'div', 'prompt-instructions');
    for (const i of instructions)
      createElIn(box, 'div', { cls: 'prompt-instruction', text: `${i.command} ${i.purpose}` });
  }
  /** Imitates `Modal.onOpen` for suggest modals: shows suggestions for the current input. */
  onOpen(): Promise<void> | void {
    return this.updateSuggestions();
  }
  /** Imitates `SuggestModal.onNoSuggestion()`: shows emptyStateText. */
  onNoSuggestion(): void {
    createElIn(this.resultContainerEl, 'div', { cls: 'suggestion-empty', text: this.emptyStateText });
  }
  /** Imitates `SuggestModal.selectSuggestion(value, evt)`: closes, then onChooseSuggestion. */
  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    this.onChooseSuggestion(value, evt);
  }
  /** Fake-only: types `query` into the input and waits for the list to refresh. */
  async setQuery(query: string): Promise<void> {
    this.inputEl.value = query;
    await this.updateSuggestions();
  }
  /** Imitates `SuggestModal.getSuggestions(query)`: override. */
  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  /** Imitates `SuggestModal.renderSuggestion(value, el)`: override. */
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  /** Imitates `SuggestModal.onChooseSuggestion(item, evt)`: override. */
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;

  private async updateSuggestions(): Promise<void> {
    const all = await this.getSuggestions(this.inputEl.value);
    this.shown = this.limit > 0 ? all.slice(0, this.limit) : all;
    this.resultContainerEl.replaceChildren();
    if (!this.shown.length) {
      this.onNoSuggestion();
      return;
    }
    for (const value of this.shown) {
      const el = createElIn(this.resultContainerEl, 'div', 'suggestion-item');
      this.renderSuggestion(value, el);
      el.addEventListener('click', (evt) => this.selectSuggestion(value, evt));
    }
  }
}

/** Imitates obsidian.d.ts `FuzzySuggestModal<T>`: fuzzy-filters getItems() by getItemText(). */
export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  /** Imitates `FuzzySuggestModal.getSuggestions(query)`: all items for an empty query, else matches sorted by score. */
  getSuggestions(query: string): FuzzyMatch<T>[] {
    const search = prepareFuzzySearch(query);
    const out: FuzzyMatch<T>[] = [];
    for (const item of this.getItems()) {
      const match = search(this.getItemText(item));
      if (match) out.push({ item, match });
    }
    return query.trim() === '' ? out : out.sort((a, b) => b.match.score - a.match.score);
  }
  /** Imitates `FuzzySuggestModal.renderSuggestion(item, el)`: the item text. */
  renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
    el.textContent = this.getItemText(item.item);
  }
  /** Imitates `FuzzySuggestModal.onChooseSuggestion(item, evt)`: forwards to onChooseItem. */
  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }
  /** Imitates `FuzzySuggestModal.getItems()`: override. */
  abstract getItems(): T[];
  /** Imitates `FuzzySuggestModal.getItemText(item)`: override. */
  abstract getItemText(item: T): string;
  /** Imitates `FuzzySuggestModal.onChooseItem(item, evt)`: override. */
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}
